"""Every page as Chromium shows it, after its scripts ran: English pages speak English, and a counted
phrase takes the form its number needs, in both languages.

The static check (test_english.py) reads the HTML the build wrote; this one reads what a reader meets,
so the words the scripts write (a table's filter, its count, the search page's answers) are checked too.
"""

from __future__ import annotations

import re

import pytest

from support.fixtures import browser  # noqa: F401
from support.siteserver import serve_directory
from test_english import _pages, _words, swedish_words
from test_site_build import sample_site  # noqa: F401

# The text a reader meets: every text node and every name given in an attribute, outside elements marked
# in another language than the page's (text from the data on an English page), code, the language switch
# (which names the other language in its own), the drawing of a chart (read by its name and description,
# which test_english.py checks) and the search page's results (they quote the pages found, as Pagefind gives
# them, without their marks).
TEXT = """() => {
  const out = [];
  const page = document.documentElement.lang;
  const skip = el => el.closest('[lang]').lang !== page || el.closest('code, script, style, noscript, [hidden], a[hreflang], #portal-search-results')
    || (el.closest('svg[role="img"]') && el.tagName !== 'svg');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!skip(node.parentElement) && node.parentElement.getClientRects().length) out.push(node.textContent);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (skip(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) if (el.hasAttribute(name)) out.push(el.getAttribute(name));
  }
  return out.join('\\n');
}"""

# "1" counting a plural noun: never "1 trips" / "1 resor" (a lone 1, not the end of 21 or 1 001).
NOUNS = {"sv": "resor|resenärer|rader|träffar|dagar|organisationer|personer|kostnadsrader|poster",
         "en": "trips|travellers|rows|results|days|organisations|people|bodies|destinations|participants|"
               "records|lines|years"}
ONE_OF_MANY = {lang: re.compile(rf"(?<![\d\u00a0 ,.])1\s+(?:{nouns})\b") for lang, nouns in NOUNS.items()}


@pytest.fixture(scope="module")
def read_pages(sample_site, browser):  # noqa: F811
    """Each page's text as shown, by its site-relative address: both languages, read once for the module."""
    pages = sorted(_pages(sample_site))
    shown = {}
    with serve_directory(sample_site) as base, browser.open(f"{base}/") as visit:
        for page in pages:
            visit.goto(f"{base}/{page}")
            visit.page.wait_for_load_state("load")
            if page.endswith("sok/"):  # the search page answers a query only once asked
                visit.goto(f"{base}/{page}?q=Paris")
                visit.page.wait_for_function("!['', portalSay('busy')].includes("
                                             "document.getElementById('portal-search-status').textContent)")
            shown[page] = visit.page.evaluate(TEXT)
        assert visit.page_errors == []
    return shown


def test_english_pages_show_no_swedish_interface_word(read_pages):
    vocabulary = swedish_words()
    assert {"filtrera", "visar", "rader", "träffar"} <= vocabulary  # the scripts' words are in it
    leaks = {page: sorted(_words(text) & vocabulary) for page, text in read_pages.items() if page.startswith("en/")}
    assert len(leaks) > 50
    assert {page: words for page, words in leaks.items() if words} == {}


def test_the_scripts_speak_the_page_s_language(read_pages):
    """A table's count and a search's answer are written by the scripts, in the page's language."""
    assert re.search(r"Showing all \d+ rows\.", read_pages["en/medlemskap/"])
    assert re.search(r"Visar alla \d+ rader\.", read_pages["medlemskap/"])
    assert re.search(r"\d+ results? for “Paris”", read_pages["en/sok/"])
    assert re.search(r"\d+ träff(ar)? för ”Paris”", read_pages["sok/"])


def test_no_page_counts_one_with_a_plural(read_pages):
    wrong = {page: ONE_OF_MANY[lang].findall(text) for page, text in read_pages.items()
             for lang in ["en" if page.startswith("en/") else "sv"]}
    assert {page: found for page, found in wrong.items() if found} == {}


def test_a_table_of_one_row_says_so_in_either_language(browser, sample_site):  # noqa: F811
    """A filter leaving one row: "1 of 2" counts rows; a table of one row is "1 row", never "all 1 rows"."""
    with serve_directory(sample_site) as base:
        for lang, prefix, wanted in (("sv", "", "Visar 1 av "), ("en", "en/", "Showing 1 of ")):
            with browser.open(f"{base}/{prefix}medlemskap/") as visit:
                field = visit.page.locator(".portal-filter input[type=search]").first
                status = visit.page.locator(".portal-filter [role=status]").first
                field.fill("eurocities")
                assert status.text_content().startswith(wanted), lang
                assert visit.page.evaluate("portalSay('all', {n: 1})") == ("Visar 1 rad." if lang == "sv"
                                                                          else "Showing 1 row.")
                assert visit.page.evaluate("portalSay('all', {n: 2})") == ("Visar alla 2 rader." if lang == "sv"
                                                                          else "Showing all 2 rows.")
