"""Every chart readable as drawn, at a phone's width and a desktop's, in both languages.

A chart is inline SVG scaled to its column, so its text is as large as the scale makes it:
this test measures what Chromium drew. For each chart (the maps hold no text) and width:
every text reads at 11 px or more and at most 20 px, lies inside the chart, and covers no
other text (a value over its label, a year over the next).
"""

from __future__ import annotations

import re

import pytest

from support.fixtures import browser  # noqa: F401
from support.siteserver import serve_directory
from test_site_build import sample_site  # noqa: F401
from test_site_legible import KINDS, LANGUAGES, SLACK

WIDTHS = (320, 390, 768, 1440)
SMALLEST, LARGEST = 11.0, 20.0  # px
CHART = re.compile(r'<svg [^>]*class="portal-svg"')
MEASURE = """() => [...document.querySelectorAll('svg.portal-svg:not(.portal-map)')].map(svg => {
  const box = svg.getBoundingClientRect(), scale = box.width / svg.viewBox.baseVal.width;
  return {name: svg.querySelector('title').textContent, box: [box.left, box.top, box.right, box.bottom],
          texts: [...svg.querySelectorAll(':scope > g text, :scope > text')].map(t => {
            const r = t.getBoundingClientRect();
            return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
                    box: [r.left, r.top, r.right, r.bottom]};
          })};
})"""


def _kinds_with_charts(site) -> dict[str, str]:
    """Each kind of page that draws a chart, with the page of that kind measured (the first in address order)."""
    patterns = {kind: re.compile(pattern) for kind, (pattern, _) in KINDS.items()}
    found = {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if url.startswith("en/") or not CHART.search(path.read_text(encoding="utf-8")):
            continue
        kinds = [kind for kind, pattern in patterns.items() if pattern.fullmatch(url)]
        assert kinds, f"{url}: a page with a chart of no kind in test_site_legible.KINDS"
        found.setdefault(kinds[0], url)
    return found


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - SLACK and b[0] < a[2] - SLACK and a[1] < b[3] - SLACK and b[1] < a[3] - SLACK


def problems(charts: list[dict]) -> list[str]:
    found = []
    for chart in charts:
        box, texts = chart["box"], chart["texts"]
        for t in texts:
            if not SMALLEST <= t["px"] <= LARGEST:
                found.append(f"{chart['name']}: {t['text']!r} drawn at {t['px']:.1f} px")
            inside = (t["box"][0] >= box[0] - SLACK and t["box"][1] >= box[1] - SLACK
                      and t["box"][2] <= box[2] + SLACK and t["box"][3] <= box[3] + SLACK)
            if not inside:
                found.append(f"{chart['name']}: {t['text']!r} reaches outside the chart")
        found += [f"{chart['name']}: {a['text']!r} over {b['text']!r}"
                  for i, a in enumerate(texts) for b in texts[i + 1:] if _overlap(a["box"], b["box"])]
    return found


@pytest.fixture(scope="module")
def charted(sample_site):  # noqa: F811
    kinds = _kinds_with_charts(sample_site)
    assert {"start", "costs", "comparison", "membership"} <= set(kinds), kinds
    with serve_directory(sample_site) as url:
        yield url, kinds


def _measure(browser, url: str, style: str = "") -> dict[int, list[dict]]:  # noqa: F811
    with browser.open(url, viewport=(WIDTHS[0], 900)) as visit:
        assert visit.status == 200
        if style:
            visit.page.add_style_tag(content=style)
        measured = {}
        for width in WIDTHS:
            visit.page.set_viewport_size({"width": width, "height": 900})
            measured[width] = visit.page.evaluate(MEASURE)
    return measured


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_chart_reads_whole_at_every_width(browser, charted, language):  # noqa: F811
    base, kinds = charted
    report = []
    for kind, url in kinds.items():
        for width, charts in _measure(browser, f"{base}/{LANGUAGES[language]}{url}").items():
            assert charts and all(chart["texts"] for chart in charts), (kind, width)
            report += [f"{kind} {width} px: {p}" for p in problems(charts)]
    assert report == []


def test_the_measurement_sees_text_too_small_and_text_over_text(browser, charted):  # noqa: F811
    """A chart squeezed to a third of its column, and one year label moved onto the next: both are found."""
    base, kinds = charted
    squeezed = _measure(browser, f"{base}/{kinds['start']}", ".md-typeset .portal-chart svg { width: 33% !important; }")
    assert any("drawn at" in p for p in problems(squeezed[320]))
    moved = _measure(browser, f"{base}/{kinds['membership']}")[1440]
    texts = moved[0]["texts"]
    assert not problems(moved)
    texts[1]["box"] = texts[0]["box"]
    assert any(" over " in p for p in problems(moved))
