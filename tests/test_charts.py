"""Build-time SVG charts: well-formed, named for screen readers, escaped, deterministic, readable colours."""

import itertools
import math
import re
import xml.etree.ElementTree as ET

import pytest

from generator.render.charts import AXIS, PALETTE, TEXT, Series, bar_chart, horizontal_bar_chart

NS = {"s": "http://www.w3.org/2000/svg"}
NB = "\u00a0"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def bars(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//s:rect[@class='bar']", NS)


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter("{%s}text" % NS["s"])]


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65), to check that palette colours are told apart."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    x, y, z = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
               (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


YEARS = ["2015", "2016", "2017"]
SERIES = [Series("Resor", [1000, 0, 2500.5]), Series("Medlemskap", [500, 700, None]), Series("Avtal", [0, 0, 300])]


def sample(**kw) -> str:
    args = dict(title="Kostnader per år", description="Vad kommunen betalat per år, i kronor.", id_prefix="year")
    return bar_chart(YEARS, SERIES, **(args | kw))


def test_named_image_with_its_own_title_and_desc():
    root = parse(sample())
    assert root.tag == "{%s}svg" % NS["s"]
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "year-title year-desc"
    assert root[0].tag.endswith("title") and root[0].get("id") == "year-title"
    assert root[0].text == "Kostnader per år"
    assert root[1].tag.endswith("desc") and root[1].get("id") == "year-desc"
    assert root[1].text == "Vad kommunen betalat per år, i kronor."


def test_scales_with_the_page():
    root = parse(sample())
    assert root.get("width") == "100%"
    assert root.get("height") is None
    x, y, w, h = map(float, root.get("viewBox").split())
    assert (x, y) == (0, 0) and w > 0 and h > 0


def test_no_scripts_or_external_resources():
    svg = sample()
    for word in ("<script", "href", "<image", "url(", "@import", "<foreignObject"):
        assert word not in svg


def test_ids_differ_between_charts_on_one_page():
    a, b = parse(sample(id_prefix="a")), parse(sample(id_prefix="b"))
    ids = [e.get("id") for r in (a, b) for e in r.iter() if e.get("id")]
    assert len(ids) == len(set(ids)) == 4
    with pytest.raises(ValueError):
        sample(id_prefix='x" onload="alert(1)')


def test_one_bar_per_non_zero_value_each_with_a_tooltip():
    found = bars(parse(sample()))
    assert len(found) == 5  # 9 values, of which 3 are 0 and 1 is missing
    tips = [b.find("s:title", NS).text for b in found]
    assert f"2017, Resor: 2{NB}500,50{NB}kr" in tips
    assert f"2016, Medlemskap: 700{NB}kr" in tips
    assert all(float(b.get("height")) > 0 for b in found)


def test_stack_order_follows_series_and_legend_order():
    root = parse(sample())
    legend = root.find(".//s:g[@class='legend']", NS)
    assert [t.text for t in legend.findall("s:text", NS)] == ["Resor", "Medlemskap", "Avtal"]
    assert [r.get("fill") for r in legend.findall("s:rect", NS)] == list(PALETTE[:3])
    in_2017 = [b for b in bars(root) if b.find("s:title", NS).text.startswith("2017")]
    assert [b.get("fill") for b in in_2017] == [PALETTE[0], PALETTE[2]]
    # the first series sits at the bottom: larger y, and each segment starts where the one below ends
    lower, upper = in_2017
    assert float(lower.get("y")) > float(upper.get("y"))
    assert math.isclose(float(upper.get("y")) + float(upper.get("height")), float(lower.get("y")), abs_tol=0.02)


def test_bar_heights_are_proportional():
    root = parse(bar_chart(["a", "b"], [Series("s", [100, 400])], title="t", description="d"))
    h = [float(b.get("height")) for b in bars(root)]
    assert math.isclose(h[1] / h[0], 4, rel_tol=0.01)


def test_side_by_side_when_not_stacked():
    root = parse(bar_chart(["2016"], [Series("a", [5]), Series("b", [3])], title="t", description="d", stacked=False))
    a, b = bars(root)
    assert float(a.get("x")) + float(a.get("width")) <= float(b.get("x")) + 0.01
    assert float(a.get("y")) + float(a.get("height")) == float(b.get("y")) + float(b.get("height"))


def test_axis_labels_use_swedish_number_format():
    root = parse(bar_chart(["2016"], [Series("a", [120000])], title="t", description="d"))
    labels = texts(root)
    assert f"0{NB}kr" in labels
    assert f"100{NB}000{NB}kr" in labels
    assert "2016" in labels
    custom = texts(parse(bar_chart(["x"], [Series("a", [3])], title="t", description="d", value_format=str)))
    assert "3.0" in custom and "0.0" in custom


def test_english_formats_values_in_english():
    root = parse(sample(lang="en"))
    assert f"SEK{NB}0" in texts(root)


def test_every_text_is_escaped():
    evil = "<script>alert('x')</script> & co"
    svg = bar_chart([evil], [Series(evil, [1])], title=evil, description=evil, id_prefix="e")
    root = parse(svg)  # well-formed despite the markup in the data
    assert "<script" not in svg
    assert root[0].text == evil and root[1].text == evil
    assert evil in texts(root)
    assert bars(root)[0].find("s:title", NS).text.startswith(evil)
    h = horizontal_bar_chart([evil], [5], title=evil, description=evil, series_name=evil)
    assert "<script" not in h and evil in texts(parse(h))


def test_deterministic_and_rounded():
    assert sample() == sample()
    assert horizontal_bar_chart(["a", "b"], [1 / 3, 2 / 3], title="t", description="d") == \
        horizontal_bar_chart(["a", "b"], [1 / 3, 2 / 3], title="t", description="d")
    root = parse(bar_chart(["a", "b", "c"], [Series("s", [1 / 3, 2 / 3, 1 / 7])], title="t", description="d"))
    for e in root.iter():
        for name in ("x", "y", "width", "height", "x1", "x2", "y1", "y2"):
            value = e.get(name)
            if value and value != "100%":
                assert len(value.partition(".")[2]) <= 2, (name, value)


@pytest.mark.parametrize("chart", [
    lambda: bar_chart([], [], title="Tomt", description="Inget.", id_prefix="e"),
    lambda: bar_chart(["2016"], [], title="Tomt", description="Inget.", id_prefix="e"),
    lambda: horizontal_bar_chart([], [], title="Tomt", description="Inget.", id_prefix="e"),
])
def test_empty_data_says_so(chart):
    root = parse(chart())
    assert root.get("role") == "img" and root[0].text == "Tomt"
    assert bars(root) == []
    assert "Det finns inga uppgifter att visa." in texts(root)
    assert "Det finns inga uppgifter att visa." in root[1].text


def test_one_category_and_all_zero():
    one = parse(bar_chart(["2016"], [Series("a", [42])], title="t", description="d"))
    assert len(bars(one)) == 1
    zero = parse(bar_chart(["2016", "2017"], [Series("a", [0, 0])], title="t", description="d"))
    assert bars(zero) == [] and f"0{NB}kr" in texts(zero)


def test_very_large_and_negative_values_stay_inside_the_picture():
    root = parse(bar_chart(["2016", "2017"], [Series("a", [1e12, 3e11]), Series("b", [-2e11, 5e10])],
                           title="t", description="d"))
    assert f"1{NB}000{NB}000{NB}000{NB}000{NB}kr" in texts(root)
    assert f"\u2212250{NB}000{NB}000{NB}000{NB}kr" in texts(root)  # ticks step by 2.5 × 10¹¹
    _, _, w, h = map(float, root.get("viewBox").split())
    for b in bars(root):
        x, y, bw, bh = (float(b.get(k)) for k in ("x", "y", "width", "height"))
        assert 0 <= x and x + bw <= w and 0 <= y and y + bh <= h


def test_long_category_names_are_slanted_and_kept_inside():
    root = parse(bar_chart([f"Ett mycket långt namn nummer {i}" for i in range(12)], [Series("a", [1] * 12)],
                           title="t", description="d"))
    slanted = [t for t in root.iter("{%s}text" % NS["s"]) if "rotate" in (t.get("transform") or "")]
    assert len(slanted) == 12


def test_mismatched_lengths_and_non_finite_values_are_refused():
    with pytest.raises(ValueError):
        bar_chart(["a", "b"], [Series("s", [1])], title="t", description="d")
    with pytest.raises(ValueError):
        bar_chart(["a"], [Series("s", [float("nan")])], title="t", description="d")
    with pytest.raises(ValueError):
        horizontal_bar_chart(["a"], [1, 2], title="t", description="d")


def test_horizontal_ranking():
    root = parse(horizontal_bar_chart(["Kommunstyrelsen", "Kulturnämnden", "Noll"], [300000, 100000, 0],
                                      title="Per organ", description="Sammanlagt.", id_prefix="body"))
    assert root.get("aria-labelledby") == "body-title body-desc"
    found = bars(root)
    assert len(found) == 2
    assert [b.find("s:title", NS).text for b in found] == [f"Kommunstyrelsen: 300{NB}000{NB}kr",
                                                           f"Kulturnämnden: 100{NB}000{NB}kr"]
    assert math.isclose(float(found[0].get("width")) / float(found[1].get("width")), 3, rel_tol=0.01)
    labels = texts(root)
    assert labels.index("Kommunstyrelsen") < labels.index("Kulturnämnden") < labels.index("Noll")
    assert f"0{NB}kr" in labels
    assert root.find(".//s:g[@class='legend']", NS) is None


def test_horizontal_long_label_is_wrapped_not_cut():
    name = "En mycket lång nämnd med ett namn som inte ryms på en rad på en smal telefonskärm och fortsätter"
    root = parse(horizontal_bar_chart([name], [1], title="t", description="d", series_name="Kostnad"))
    assert " ".join(t for t in texts(root) if t not in ("Kostnad", f"1{NB}kr")) == name
    assert [t.text for t in root.findall(".//s:g[@class='legend']/s:text", NS)] == ["Kostnad"]


def test_palette_contrast_and_distinctness():
    assert len(PALETTE) >= 8 and len(set(PALETTE)) == len(PALETTE)
    for colour in PALETTE:
        assert contrast(colour, "#ffffff") >= 3, colour  # WCAG 1.4.11 non-text contrast
    assert contrast(TEXT, "#ffffff") >= 4.5  # WCAG 1.4.3
    assert contrast(AXIS, "#ffffff") >= 3
    for a, b in itertools.combinations(PALETTE, 2):
        assert math.dist(lab(a), lab(b)) >= 25, (a, b)


def test_text_drawn_on_white():
    root = parse(sample())
    background = root.find("s:rect", NS)
    assert background.get("fill") == "#ffffff" and background.get("width") == root.get("viewBox").split()[2]
    assert root.get("fill") == TEXT


def test_gaps_in_narrow_bands_are_written_upwards_and_do_not_overlap():
    """A membership's fees over many years, most unknown: each gap says so without running into the next."""
    years = [str(y) for y in range(2014, 2027)]
    svg = bar_chart(years, [Series("Avgift", [None] * 10 + [182000, 186500, None])], title="t", description="d")
    gaps = re.findall(r'<text class="gap" x="([0-9.]+)" y="([0-9.]+)"[^>]*transform="rotate\(-90 ([0-9.]+) ([0-9.]+)\)"', svg)
    assert len(gaps) == 11
    assert all(x == rx and y == ry for x, y, rx, ry in gaps)
    wide = bar_chart(["2024", "2025"], [Series("Avgift", [None, 5.0])], title="t", description="d")
    assert 'class="gap"' in wide and "rotate" not in wide.split('class="gap"')[1].split(">")[0]
