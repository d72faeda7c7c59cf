"""The built site in a real headless Chromium: accessibility, self-containment, tables, escaping."""

from __future__ import annotations

import pytest

from conftest import run_portal
from support.browser import format_violations
from support.fixtures import browser  # noqa: F401
from support.siteserver import serve_directory
from test_site_build import PARIS, sample_site  # noqa: F401

PAGES = {"start": "", "search": "sok/?q=Paris", "trips-2024": "resor/2024/", "trip": PARIS, "completeness": "fullstandighet/",
         "principles": "principer/malmo/", "costs-by-body": "kostnader/organ/", "membership": "medlemskap/malmo-iclei/",
         "membership-with-trips": "medlemskap/malmo-eurocities/",
         "membership-with-report": "medlemskap/stockholm-champion-mayors/", "costs-per-traveller": "kostnader/resenar/",
         "compare": "jamforelse/",
         "trips": "resor/", "climate": "klimat/", "body": "organ/malmo-kommunstyrelsen/",
         # the English site: its own engine run, the same checks
         "en-start": "en/", "en-search": "en/sok/?q=Paris", "en-trip": f"en/{PARIS}", "en-trips": "en/resor/",
         "en-costs": "en/kostnader/", "en-compare": "en/jamforelse/", "en-about": "en/om-datan/",
         "en-accessibility": "en/tillganglighet/", "en-dictionary": "en/oppna-data/dataordbok/",
         "dictionary": "oppna-data/dataordbok/"}


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
    """Search from the header's form, by keyboard, as a reader would; the results once announced."""
    field = visit.page.get_by_role("search").first.get_by_role("searchbox")
    field.focus()
    field.press_sequentially(query)
    field.press("Enter")
    status = visit.page.locator("#portal-search-status")
    visit.page.wait_for_function("document.getElementById('portal-search-status')?.textContent.includes('träff')",
                                 timeout=15_000)
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    return status.text_content(), visit.page.locator("#portal-search-results a")


def test_search_works_offline_and_announces_its_results(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/", viewport="desktop") as visit:
        announced, results = _search(visit, "Paris")
        assert results.count() > 0 and announced.startswith(f"{results.count()} träffar")
        assert any("Paris" in title for title in results.all_text_contents())
        assert visit.outside_requests() == [] and visit.page_errors == []
        results.first.focus()  # the results are links, reached by keyboard
        assert visit.page.evaluate("document.activeElement.tagName") == "A"


@pytest.mark.parametrize("query", ["803-1303/2016", "inkluderande tillväxt", "OECD"])
def test_search_finds_a_trip_by_its_diary_number_report_and_organisation(browser, base_url, query):  # noqa: F811
    with browser.open(f"{base_url}/", viewport="phone") as visit:
        _, results = _search(visit, query)
        hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert f"/{PARIS}" in hrefs, hrefs


def test_an_explanation_repeated_under_many_tables_is_found_where_it_is_written(browser, base_url):  # noqa: F811
    """A section's note (how to read it: days counted with both ends, "not changed since published") is on every
    record page; the search finds the page that explains it, not each record."""
    with browser.open(f"{base_url}/", viewport="desktop") as visit:
        _, results = _search(visit, "medräknade")
        hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert "/om-datan/" in hrefs and not any(href.startswith(("/resor/", "/kostnader/")) for href in hrefs), hrefs


def test_many_results_come_twenty_at_a_time_and_say_so(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/", viewport="desktop") as visit:
        announced, results = _search(visit, "kommunstyrelsen")
        assert results.count() == 20 and announced.endswith("De 20 första visas.")
        visit.page.get_by_role("button", name="Visa fler träffar").click()
        visit.page.wait_for_function("document.querySelectorAll('#portal-search-results li').length > 20")
        assert visit.page.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#portal-search-results li')[20]")


def test_the_english_search_page_searches_the_english_pages(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/en/sok/?q=inclusive", viewport="phone") as visit:
        visit.page.wait_for_function("/result|found/i.test(document.getElementById('portal-search-status').textContent)",
                                     timeout=15_000)
        hrefs = visit.page.locator("#portal-search-results a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert hrefs and all(href.startswith("/en/") for href in hrefs), hrefs
        assert visit.page.evaluate("document.documentElement.lang") == "en"


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/{PARIS}", viewport="phone") as visit:
        visit.page.get_by_role("link", name="English").click()
        visit.page.wait_for_url(f"**/en/{PARIS}")
        assert visit.page.evaluate("document.documentElement.lang") == "en"
        visit.page.get_by_role("link", name="Svenska").click()
        visit.page.wait_for_url(f"**/{PARIS}")
        assert "/en/" not in visit.page.url


def test_search_finds_nothing_and_says_so(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/sok/?q=qqqzzzxxy", viewport="desktop") as visit:
        visit.page.wait_for_function("document.getElementById('portal-search-status').textContent.includes('Inga')")
        assert visit.page.locator("#portal-search-results li").count() == 0


def test_the_menu_button_opens_the_navigation_by_keyboard(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/resor/", viewport="phone") as visit:
        page = visit.page
        button = page.locator(".portal-drawer-button")
        for _ in range(10):  # Tab from the top of the page reaches it
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('portal-drawer-button')"):
                break
        assert page.evaluate("document.activeElement.classList.contains('portal-drawer-button')")
        assert button.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert page.locator("#__drawer").is_checked() and button.get_attribute("aria-expanded") == "true"
        page.locator(".md-nav--primary a[href]").first.wait_for(state="visible")


def test_the_menu_button_is_hidden_where_the_sidebar_shows(browser, base_url):  # noqa: F811
    with browser.open(f"{base_url}/resor/", viewport={"width": 1440, "height": 900}) as visit:
        visit.page.locator("button.portal-drawer-button").wait_for(state="attached")
        assert not visit.page.locator("button.portal-drawer-button").is_visible()
        assert visit.page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()


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
        page.get_by_label("Filtrera tabellen: Resor 2024").fill("lissabon")
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
