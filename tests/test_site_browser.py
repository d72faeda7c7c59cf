"""The built site in a real headless Chromium: accessibility, self-containment, tables, escaping."""

from __future__ import annotations

import pytest

from conftest import run_portal
from support.browser import format_violations
from support.fixtures import browser  # noqa: F401
from support.siteserver import serve_directory
from test_site_build import PARIS, sample_site  # noqa: F401

PAGES = {"start": "", "trips-2024": "resor/2024/", "trip": PARIS, "completeness": "fullstandighet/",
         "principles": "principer/malmo/", "costs-by-body": "kostnader/organ/", "membership": "medlemskap/malmo-iclei/",
         "membership-with-trips": "medlemskap/malmo-eurocities/", "membership-with-report": "medlemskap/stockholm-champion-mayors/",
         "costs-per-traveller": "kostnader/resenar/", "compare": "jamforelse/"}


@pytest.fixture(scope="module")
def base_url(sample_site):  # noqa: F811
    with serve_directory(sample_site) as url:
        yield url


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations_and_nothing_from_other_hosts(browser, base_url, name, viewport, tmp_path):  # noqa: F811
    with browser.open(f"{base_url}/{PAGES[name]}", viewport=viewport) as visit:
        assert visit.status == 200
        violations = visit.axe()
        assert violations == [], format_violations(violations)
        visit.screenshot(tmp_path / f"{name}-{viewport}.png", viewport)
        assert visit.outside_requests() == []
        assert visit.failed == [] and visit.page_errors == [] and visit.console_errors == []


def _search(visit, query: str):
    results = visit.page.locator(".md-search-result__item")
    for _ in range(20):  # the index loads in a worker; a query typed before it is ready finds nothing
        visit.page.locator("input.md-search__input").click()
        visit.page.fill("input.md-search__input", "")
        visit.page.locator("input.md-search__input").press_sequentially(query)
        try:
            results.first.wait_for(timeout=1000)
            break
        except Exception:
            continue
    return results


def test_search_works_offline(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/", viewport="desktop") as visit:
        results = _search(visit, "Paris")
        assert results.count() > 0
        assert "Paris" in results.first.text_content()
        assert visit.outside_requests() == []


def test_search_finds_a_trip_by_its_diary_number(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/", viewport="desktop") as visit:
        _search(visit, "803-1303/2016")
        trip = visit.page.locator('.md-search-result a[href*="resor/2016-11-paris-oecd-inclusive-growth/"]')
        trip.first.wait_for(timeout=10_000)  # results are drawn as the worker answers: wait for the one we look for
        assert trip.count() > 0


def test_trip_table_sorts_and_filters_accessibly(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/resor/2024/") as visit:
        page = visit.page
        table = page.locator("table[data-portal-sortable]")
        status = page.locator(".portal-count[role=status]")
        assert status.text_content() == "Visar alla 2 rader."
        cost_header = table.locator("thead th").nth(6)
        cost_header.locator("button").click()
        assert cost_header.get_attribute("aria-sort") == "ascending"
        costs = [float(c) for c in table.locator("tbody tr td:nth-child(7)").evaluate_all(
            "cells => cells.map(c => c.dataset.sort)")]
        assert costs == sorted(costs)
        cost_header.locator("button").click()
        assert cost_header.get_attribute("aria-sort") == "descending"
        page.get_by_label("Filtrera resor 2024").fill("lissabon")
        assert status.text_content() == "Visar 1 av 2 rader."
        assert table.locator("tbody tr:not([hidden])").count() == 1
        assert visit.axe() == []


def test_trip_table_reads_as_a_table_without_javascript(sample_site):  # noqa: F811
    html = (sample_site / "resor/2024/index.html").read_text(encoding="utf-8")
    table = html.split("<table", 1)[1].split("</table>", 1)[0]
    assert "<caption>Resor 2024</caption>" in table
    assert table.count('<th scope="col"') == 7 and "<button" not in table


def test_markup_in_data_shows_as_text_and_never_runs(browser, workdir, tmp_path):  # noqa: F811
    trip = workdir / "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
    text = trip.read_text(encoding="utf-8")
    text = text.replace("title: OECD:s möte om inkluderande tillväxt i städer, Paris",
                        "title: \"<script>alert(1)</script> *Paris* [x](javascript:alert(2))\"")
    text = text.replace("  ## Positionering\n", "  ## Positionering\n\n  <script>alert(3)</script>\n"
                        "  <img src=x onerror=alert(4)> [klicka](javascript:alert(5))\n")
    trip.write_text(text, encoding="utf-8")
    result = run_portal("build", "--out", "site", cwd=workdir)
    assert result.returncode == 0, result.stderr
    html = (workdir / "site" / PARIS / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "javascript:alert" not in html.replace("[x](javascript:alert(2))", "")
    assert "onerror" not in html
    dialogs = []
    with serve_directory(workdir / "site") as url, browser.open(f"{url}/{PARIS}") as visit:
        visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        visit.page.reload()
        assert visit.page.locator("h1").first.text_content() == "<script>alert(1)</script> *Paris* [x](javascript:alert(2))"
        assert "<script>alert(1)</script>" in visit.page.title()
        assert visit.page.locator(".portal-report a[href^=javascript]").count() == 0
        visit.page.wait_for_timeout(300)
    assert dialogs == []
