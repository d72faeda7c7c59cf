"""Every table cell readable whole, at every width a reader comes with, in both languages.

Where a table is too narrow for its columns each row becomes a card and each cell draws its
column's name (`data-label`) through `::before`. This test measures what Chromium drew, not
what the style sheet intends: a `DOMSnapshot.captureSnapshot` (DevTools protocol) gives the
boxes of every line of text as laid out, the generated text of `::before` included (a pseudo
element has no DOM node a Range could select, but the snapshot lists it as a node of its cell).
For each body or footer cell with a `data-label`:

- the label's line boxes must not intersect the line boxes of the cell's own text (a label
  drawn over its value, or a value over its label);
- every line box, label or value, lies inside its cell, inside every ancestor that clips
  (overflow other than visible, e.g. the table's scroll region) and inside the viewport: a
  value cut off, or scrolled out of sight sideways, fails.

A page is opened once per language in its own browser context and resized to each width.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict

import pytest

from support.fixtures import browser  # noqa: F401
from support.siteserver import serve_directory
from test_site_build import PARIS, sample_site  # noqa: F401

WIDTHS = (320, 390, 768, 1024, 1440)
HEIGHT = 900
# Every kind of page that has a table: its address pattern (Swedish site) and the one measured.
KINDS = {
    "start": (r"", ""),
    "trips": (r"resor/", "resor/"),
    "trips-year": (r"resor/\d{4}/", "resor/2025/"),
    "trip": (r"resor/\d{4}-\d\d-[a-z0-9-]+/", PARIS),
    "costs": (r"kostnader/", "kostnader/"),
    "costs-by-body": (r"kostnader/organ/", "kostnader/organ/"),
    "costs-by-category": (r"kostnader/kategori/", "kostnader/kategori/"),
    "costs-by-country": (r"kostnader/land/", "kostnader/land/"),
    "costs-per-traveller": (r"kostnader/resenar/", "kostnader/resenar/"),
    "climate": (r"klimat/", "klimat/"),
    "comparison": (r"jamforelse/", "jamforelse/"),
    "completeness": (r"fullstandighet/", "fullstandighet/"),
    "principles": (r"principer/[a-z0-9-]+/", "principer/malmo/"),
    "memberships": (r"medlemskap/", "medlemskap/"),
    "membership": (r"medlemskap/[a-z0-9-]+/", "medlemskap/malmo-eurocities/"),
    "agreements": (r"avtal/", "avtal/"),
    "organisations": (r"organisationer/", "organisationer/"),
    "organisation": (r"organisationer/[a-z0-9-]+/", "organisationer/oecd/"),
    "bodies": (r"organ/", "organ/"),
    "body": (r"organ/[a-z0-9-]+/", "organ/stockholm-kommunstyrelsen/"),
    "people": (r"personer/", "personer/"),
    "person": (r"personer/[a-z0-9-]+/", "personer/karin-wanngard/"),
}
LANGUAGES = {"sv": "", "en": "en/"}
LABELLED_CELL = re.compile(r"<t[dh] [^>]*data-label=")
SLACK = 0.5  # px: sub-pixel rounding of the boxes Chromium reports


def test_every_page_with_a_labelled_table_is_of_a_measured_kind(sample_site):  # noqa: F811
    """The kinds above are the site's: a new kind of page with a table must be added to them."""
    patterns = [re.compile(pattern) for pattern, _ in KINDS.values()]
    seen = set()
    for path in sample_site.rglob("index.html"):
        url = path.parent.relative_to(sample_site).as_posix() + "/"
        url = "" if url in ("./", "en/") else url.removeprefix("en/")
        if LABELLED_CELL.search(path.read_text(encoding="utf-8")):
            kinds = [name for name, pattern in zip(KINDS, patterns) if pattern.fullmatch(url)]
            assert kinds, f"{url}: a page with a labelled table of no kind this test measures"
            seen.update(kinds)
    assert seen == set(KINDS), f"kinds without a labelled table: {set(KINDS) - seen}"


def measure(visit, cdp) -> tuple[int, list[dict]]:
    """The labelled cells of the page as Chromium laid them out: how many, and the illegible ones,
    each with what makes it so."""
    snapshot = cdp.send("DOMSnapshot.captureSnapshot",
                        {"computedStyles": ["overflow-x", "overflow-y"], "includeDOMRects": True})
    strings = snapshot["strings"]
    document = snapshot["documents"][0]
    nodes, layout, text_boxes = document["nodes"], document["layout"], document["textBoxes"]
    parents = nodes["parentIndex"]
    names = [strings[n] for n in nodes["nodeName"]]
    pseudo = {i: strings[v] for i, v in zip(nodes["pseudoType"]["index"], nodes["pseudoType"]["value"])}
    children = defaultdict(list)
    for node, parent in enumerate(parents):
        children[parent].append(node)
    boxes_of = defaultdict(list)  # node -> its layout boxes (index into layout)
    for index, node in enumerate(layout["nodeIndex"]):
        boxes_of[node].append(index)
    lines_of = defaultdict(list)  # layout box -> the line boxes of its text
    for index, box in zip(text_boxes["layoutIndex"], text_boxes["bounds"]):
        if box[2] > 0 and box[3] > 0:
            lines_of[index].append(box)

    def attribute(node: int, name: str) -> str | None:
        pairs = nodes["attributes"][node]
        for k, v in zip(pairs[::2], pairs[1::2]):
            if strings[k] == name:
                return strings[v]
        return None

    def lines(node: int) -> list[list[float]]:
        found = [line for box in boxes_of[node] for line in lines_of[box]]
        return found + [line for child in children[node] for line in lines(child)]

    def text(node: int) -> str:
        own = strings[nodes["nodeValue"][node]] if names[node] == "#text" else ""
        return own + "".join(text(child) for child in children[node] if child not in pseudo)

    def clips(node: int) -> list[tuple[str, list[float]]]:
        """The padding boxes of the cell itself and of every ancestor that clips what overflows it."""
        found = [("the cell", layout["bounds"][boxes_of[node][0]])]
        ancestor = parents[node]
        while names[ancestor] not in ("BODY", "HTML"):  # theirs is the viewport's: measured apart
            if boxes_of[ancestor]:
                box = boxes_of[ancestor][0]
                overflow = {strings[s] for s in layout["styles"][box]} - {"visible"}
                client = layout["clientRects"][box]  # left, top (border widths), width, height
                if overflow and client and client[2] and client[3]:
                    x, y = layout["bounds"][box][:2]
                    found.append((attribute(ancestor, "class") or names[ancestor],
                                  [x + client[0], y + client[1], client[2], client[3]]))
            ancestor = parents[ancestor]
        return found

    viewport = visit.page.viewport_size["width"]
    measured, cells = 0, []
    for node, name in enumerate(names):
        label = attribute(node, "data-label") if name in ("TD", "TH") else None
        if label is None or not boxes_of[node] or names[parents[parents[node]]] not in ("TBODY", "TFOOT"):
            continue
        before = [child for child in children[node] if pseudo.get(child) == "before"]
        label_lines = [line for child in before for line in lines(child)]
        value_lines = [line for child in children[node] if child not in before for line in lines(child)]
        measured += 1
        problems = []
        if any(_intersect(a, b) for a in label_lines for b in value_lines):
            problems.append("its label is drawn over its value")
        boxes = clips(node)
        for line in label_lines + value_lines:
            if line[0] < -SLACK or line[0] + line[2] > viewport + SLACK:
                problems.append(f"text outside the viewport ({line[0]:.0f}–{line[0] + line[2]:.0f} of {viewport})")
            for clip_name, clip in boxes:
                if not _inside(line, clip):
                    problems.append(f"text cut off by {clip_name}")
        if problems:
            cells.append({"label": label, "text": " ".join(text(node).split()), "problems": sorted(set(problems))})
    return measured, cells


def _intersect(a: list[float], b: list[float]) -> bool:
    return (min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]) > SLACK
            and min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]) > SLACK)


def _inside(line: list[float], clip: list[float]) -> bool:
    return (line[0] >= clip[0] - SLACK and line[0] + line[2] <= clip[0] + clip[2] + SLACK
            and line[1] >= clip[1] - SLACK and line[1] + line[3] <= clip[1] + clip[3] + SLACK)


def measure_widths(visit) -> dict[int, tuple[int, list[dict]]]:
    """`measure` of the open page at each width (the page resized, its tables refitted)."""
    cdp = visit.context.new_cdp_session(visit.page)
    found = {}
    for width in WIDTHS:
        visit.page.set_viewport_size({"width": width, "height": HEIGHT})
        # tables.js refits a table on its ResizeObserver's call, before the next frame is painted
        visit.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        found[width] = measure(visit, cdp)
    return found


@pytest.fixture(scope="module")
def base_url(sample_site):  # noqa: F811
    with serve_directory(sample_site) as url:
        yield url


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_labelled_cell_is_whole_and_apart_from_its_label(browser, base_url, kind, language):  # noqa: F811
    with browser.open(f"{base_url}/{LANGUAGES[language]}{KINDS[kind][1]}", viewport=(WIDTHS[0], HEIGHT)) as visit:
        assert visit.status == 200
        assert visit.page.locator("tbody [data-label]").count() > 0
        found = measure_widths(visit)
    assert all(measured for measured, _ in found.values())
    report = [f"{width} px: {c['label']} = {c['text']!r}: {', '.join(c['problems'])}"
              for width, (_, cells) in found.items() for c in cells]
    assert report == []


def test_the_measurement_sees_a_label_over_its_value_and_a_value_cut_off(browser, base_url):  # noqa: F811
    """The cards as they were (label and amount each on one unbreakable line): the measurement finds both faults."""
    nowrap = (".md-typeset .portal-table .portal-num, .md-typeset .portal-table .portal-num::before"
              " { white-space: nowrap !important; }")
    problems = {}
    for url in ("resor/", PARIS):
        with browser.open(f"{base_url}/{url}", viewport=(390, HEIGHT)) as visit:
            visit.page.add_style_tag(content=nowrap)
            _, cells = measure(visit, visit.context.new_cdp_session(visit.page))
        for cell in cells:
            problems.setdefault(cell["label"], set()).update(cell["problems"])
    assert "its label is drawn over its value" in problems["Kostnad, Malmö stad"]
    assert "text cut off by portal-scroll" in problems["Originalbelopp"]  # 630,00 euro (kurs 21 november 2016)


def contrast(colour: str, background: str) -> float:
    """WCAG contrast ratio of a computed CSS colour (rgb or rgba), laid over an opaque `background`, against it."""
    def channels(value: str) -> list[float]:
        numbers = [float(x) for x in re.findall(r"[\d.]+", value)]
        return numbers[:3] + [numbers[3] if len(numbers) > 3 else 1.0]

    *under, _ = channels(background)
    *over, alpha = channels(colour)
    mixed = [alpha * o + (1 - alpha) * u for o, u in zip(over, under)]

    def luminance(rgb: list[float]) -> float:
        r, g, b = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    high, low = sorted((luminance(mixed), luminance(under)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# The search field's border on each side, its text size, and the colour of the page behind it.
FIELD = """e => {
  const s = getComputedStyle(e);
  let behind = e.parentElement;
  while (getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)' && behind.parentElement) {
    behind = behind.parentElement;
  }
  return {sides: ['Top', 'Right', 'Bottom', 'Left'].map(side =>
            [s[`border${side}Style`], parseFloat(s[`border${side}Width`]), s[`border${side}Color`]]),
          size: parseFloat(s.fontSize), page: getComputedStyle(behind).backgroundColor};
}"""
# The site's name in the header: its text, and whether any of it is cut off (sideways or a clamped line).
SITE_NAME = """e => ({text: e.textContent.trim(), cut: e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight,
             left: e.getBoundingClientRect().left, right: e.getBoundingClientRect().right})"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_field_looks_like_a_field_and_the_site_name_reads_whole(  # noqa: F811
        browser, base_url, sample_site, language):  # noqa: F811
    name = re.search(r'class="md-header__button md-logo" aria-label="([^"]+)"',
                     (sample_site / LANGUAGES[language] / "sok" / "index.html").read_text(encoding="utf-8"))[1]
    with browser.open(f"{base_url}/{LANGUAGES[language]}sok/", viewport=(390, HEIGHT)) as visit:
        field = visit.page.locator("#portal-search-query").evaluate(FIELD)
        assert field["size"] >= 16
        assert visit.page.locator("#portal-search-header").evaluate(FIELD)["size"] >= 16  # the header's field too
        for style, width, colour in field["sides"]:  # a visible edge, at 3:1 against the page (WCAG 1.4.11)
            assert style != "none" and width >= 1 and contrast(colour, field["page"]) >= 3, field
        for width in sorted({*WIDTHS, 600}):  # a phone held upright or sideways, a tablet, a desktop
            visit.page.set_viewport_size({"width": width, "height": HEIGHT})
            shown = visit.page.locator(".md-header__topic").first.locator(".md-ellipsis").evaluate(SITE_NAME)
            assert shown["text"] == html.unescape(name) and not shown["cut"], (width, shown)
            assert 0 <= shown["left"] < shown["right"] <= width, (width, shown)
