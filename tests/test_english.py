"""The English site under en/: every interface string translated, every page twinned, no Swedish left outside
text from the data (marked lang="sv"). The HTML check (`test_site_html.py`) covers the English pages too."""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO
from generator.catalogue_en import EN
from generator.i18n import MissingTranslation, key, language, n_, t
from generator.addresses import twins
from test_site_build import sample_site  # noqa: F401

NAV_TITLES = ("Öppna data", "Dataordbok", "Versioner")
"""Titles the page providers give their nav entries (translated by `pages.localized_nav`, not written as _())."""


COUNTED = ("n_", "plural_forms")
"""The functions of a counted phrase: its Swedish singular (the key) first, its plural second."""


def _calls(names: tuple[str, ...]):
    """(file, call) of every call in the generator's code of a function named in `names`, first argument a string."""
    for path in sorted((REPO / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                yield path, node


def _template_calls():
    """(file, line, match) of every `_("...")` or `n_("...", "...")` in the page templates."""
    for path in sorted((REPO / "generator" / "templates").rglob("*.j2")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"""\bn?_\((["'])(.*?)\1(?:,\s*(["'])(.*?)\3)?[,)]""", text):
            yield path, text.count(chr(10), 0, m.start()) + 1, m


def interface_strings() -> list[tuple[str, str]]:
    """(where, Swedish) of every interface string in the generator's code and page templates."""
    found = []
    for path, node in _calls(("_", "t") + COUNTED):
        context = next((k.value.value for k in node.keywords if k.arg == "context"), "")
        found.append((f"{path.relative_to(REPO)}:{node.lineno}", key(node.args[0].value, context)))
    found += [(f"{path.relative_to(REPO)}:{line}", m.group(2)) for path, line, m in _template_calls()]
    return found


def swedish_plurals() -> list[str]:
    """The Swedish plural form of every counted phrase."""
    found = [node.args[1].value for _, node in _calls(COUNTED) if len(node.args) > 1
             and isinstance(node.args[1], ast.Constant)]
    return found + [m.group(4) for _, _, m in _template_calls() if m.group(4)]


def counted_keys() -> list[str]:
    """The catalogue key (the Swedish singular) of every counted phrase in the code and templates."""
    return ([node.args[0].value for _, node in _calls(COUNTED)]
            + [m.group(2) for _, _, m in _template_calls() if m.group(4)])


def test_a_counted_phrase_has_a_form_for_each_plural_category():
    assert counted_keys()
    wrong = [k for k in counted_keys() if not (isinstance(EN.get(k), dict) and {"one", "other"} <= EN[k].keys())]
    assert wrong == []


def test_every_interface_string_has_its_english():
    missing = [f"{where}: {text!r}" for where, text in interface_strings() if text not in EN]
    assert not missing, "add these to generator/catalogue_en.py:\n" + "\n".join(missing)


def test_the_catalogue_holds_only_strings_in_use():
    used = {text for _, text in interface_strings()} | set(NAV_TITLES)
    assert [text for text in EN if text not in used] == []


def test_placeholders_match():
    for sv, en in EN.items():
        for form in en.values() if isinstance(en, dict) else [en]:  # a counted phrase's form may leave out {n}
            named = sorted(set(re.findall(r"{(\w*)}", sv)) - ({"n"} if isinstance(en, dict) else set()))
            assert named == sorted(set(re.findall(r"{(\w*)}", form)) - ({"n"} if isinstance(en, dict) else set())), sv


def test_a_counted_phrase_takes_the_plural_form_of_its_language():
    assert [n_("{n} resa", "{n} resor", n) for n in (0, 1, 2)] == ["0 resor", "1 resa", "2 resor"]
    with language("en"):
        assert [n_("{n} resa", "{n} resor", n) for n in (0, 1, 2)] == ["0 trips", "1 trip", "2 trips"]


def test_one_swedish_word_can_have_two_english_ones():
    with language("en"):
        assert (t("Organ"), t("Organ", context="singular")) == ("Bodies", "Body")
    assert t("Organ", context="singular") == "Organ"


def test_a_missing_translation_stops_english_and_names_the_string():
    assert t("Resor {year}", year=2016) == "Resor 2016"
    with language("en"):
        assert t("Resor {year}", year=2016) == "Trips 2016"
        with pytest.raises(MissingTranslation, match="Ny rubrik som ingen översatt"):
            t("Ny rubrik som ingen översatt")
    assert t("Ny rubrik som ingen översatt") == "Ny rubrik som ingen översatt"  # Swedish is the source


def test_twins_are_one_prefix_apart():
    assert twins("resor/x/") == twins("en/resor/x/") == {"sv": "resor/x/", "en": "en/resor/x/"}
    assert twins("") == {"sv": "", "en": "en/"}


def _pages(site: Path) -> set[str]:
    """Site-relative folders of the pages people read (not downloads, assets, redirects or the 404 page)."""
    found = set()
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if rel.startswith(("data/", "assets/")) or 'http-equiv="refresh"' in path.read_text("utf-8"):
            continue
        found.add(rel)
    return found


def test_every_hand_written_page_has_its_english():
    swedish = {p.name for p in (REPO / "content").glob("*.md")}
    assert swedish and swedish == {p.name for p in (REPO / "content" / "en").glob("*.md")}


def test_every_page_has_its_twin(sample_site):  # noqa: F811
    pages = _pages(sample_site)  # the hand-written ones too: content/en/ is built by the English engine run
    swedish = {p for p in pages if not p.startswith("en/")}
    english = {p.removeprefix("en/") for p in pages if p.startswith("en/")}
    assert len(swedish) > 50
    assert sorted(swedish - english) == [], "Swedish pages without an English twin"
    assert sorted(english - swedish) == [], "English pages without a Swedish twin"


class _Text(HTMLParser):
    """The article's text outside elements marked lang="sv", code and charts, and the language switch links.

    A chart is `role="img"`, read by its title and description alone (which are checked with the text)."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "col", "wbr", "area", "source", "rect", "line", "path"}

    def __init__(self):
        super().__init__()
        self.depth = 0  # inside <article>
        self.swedish = 0  # open elements inside one marked lang="sv"
        self.text: list[str] = []
        self.switches: list[dict] = []
        self.in_svg = False
        self.named: str | None = None  # inside a chart's <title> or <desc>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.depth += 1
        if tag == "a" and attrs.get("hreflang"):
            self.switches.append(attrs)
        if tag in self.VOID:
            return
        if tag in ("title", "desc") and self.swedish == 1 and self.in_svg:
            self.swedish -= 1  # a chart's name and description are read out: check them
            self.named = tag
            return
        if tag == "svg":
            self.in_svg = True
        if self.swedish or (self.depth and (attrs.get("lang") == "sv" or tag in ("code", "svg"))):
            self.swedish += 1  # the engine's <html lang> is not the page's: only the article counts

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if tag == "svg":
            self.in_svg = False
        if tag == self.named:
            self.named = None
            self.swedish += 1
            return
        if self.swedish and tag not in self.VOID:
            self.swedish -= 1

    def handle_data(self, data):
        if self.depth and not self.swedish:
            self.text.append(data)


def _words(text: str) -> set[str]:
    """Lower-case words, leaving out web addresses and ids (`stockholm-internationella-beredningen`)."""
    text = re.sub(r"https?://\S+|\b[a-z0-9]+(?:-[a-z0-9]+)+\b", " ", text)
    return set(re.findall(r"[a-zåäöé]+", text.lower()))


ALSO_ENGLISH = {"forum", "start", "organ", "land", "post", "de", "se", "en"}
"""Swedish words of the catalogue that are English words too, French (event names) or codes (DCAT-AP-SE, the
language code en)."""


def swedish_words() -> set[str]:
    """Words of the catalogue's Swedish that its English never uses: a page showing one is showing Swedish."""
    words = set().union(*(_words(re.sub(r"{\w*}|<[^>]+>", " ", sv.rpartition("|")[2])) for sv in [*EN, *swedish_plurals()]))
    english = set().union(*(_words(re.sub(r"{\w*}|<[^>]+>", " ", form)) for en in EN.values()
                            for form in (en.values() if isinstance(en, dict) else [en])))
    return {w for w in words - english - ALSO_ENGLISH if len(w) > 1}


def test_no_swedish_outside_text_from_the_data(sample_site):  # noqa: F811
    vocabulary = swedish_words()
    assert {"och", "resor", "saknas", "kostnader"} <= vocabulary
    leaks = {}
    for page in sorted(p for p in _pages(sample_site) if p.startswith("en/")):
        parser = _Text()
        parser.feed((sample_site / page / "index.html").read_text(encoding="utf-8"))
        found = _words(" ".join(parser.text)) & vocabulary
        if found:
            leaks[page] = sorted(found)
    assert leaks == {}


def test_every_page_links_its_twin(sample_site):  # noqa: F811
    for page in sorted(_pages(sample_site)):  # the layout's switch, on every page
        parser = _Text()
        parser.feed((sample_site / page / "index.html").read_text(encoding="utf-8"))
        lang = "sv" if page.startswith("en/") else "en"
        switch = [a for a in parser.switches if a.get("hreflang") == lang]
        assert switch, f"{page}: no link to the {lang} page"
        assert switch[0]["lang"] == lang
        target = (sample_site / page / switch[0]["href"]).resolve()
        twin = twins(page)[lang]
        assert target == (sample_site / twin).resolve(), page


def test_english_pages_format_for_english(sample_site):  # noqa: F811
    trip = (sample_site / "en/resor/2016-11-paris-oecd-inclusive-growth/index.html").read_text(encoding="utf-8")
    assert "21 November 2016" in trip and "SEK\u00a024,150" in trip and "Paris (France)" in trip
    assert re.search(r'<h1 id="[a-z]+" lang="sv">', trip)  # the trip's title is the data's
    assert '<div class="portal-report" lang="sv">' in trip
    dictionary = (sample_site / "en/oppna-data/dataordbok/index.html").read_text(encoding="utf-8")
    assert "Data dictionary" in dictionary and "Per diem" in dictionary


def test_each_language_has_its_nav_and_pages_carry_their_twin(tmp_path):
    """The English nav is the Swedish one under en/, its titles English; every entry is a page the build has."""
    from generator import sitesource
    from generator.downloads import hooks
    from generator.render import pages
    from generator.validate import validated_dataset

    from conftest import SAMPLE_DATA

    dataset = validated_dataset(SAMPLE_DATA)[1]
    provided = hooks.pages(dataset, tmp_path, SAMPLE_DATA, sitesource.site_info().url) + sitesource.copy_content(sitesource.CONTENT, tmp_path, "sv")
    rendered = pages.render(dataset, sitesource.site_info(), {}, "", provided)

    def paths(nav) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        values = nav if isinstance(nav, list) else list(nav.values())
        return [p for value in values for p in paths(value)]

    def titles(nav) -> list[str]:
        if isinstance(nav, list):
            return [t for entry in nav for t in titles(entry)]
        return [t for title, value in nav.items() for t in [title, *titles(value)]] if isinstance(nav, dict) else []

    assert rendered.nav is rendered.navs["sv"]
    assert ["en/" + p for p in paths(rendered.navs["sv"])] == paths(rendered.navs["en"])
    assert {"Trips", "Open data", "Data dictionary"} <= set(titles(rendered.navs["en"]))
    assert not {"Resor", "Öppna data"} & set(titles(rendered.navs["en"]))
    hand_written = {"en/" + p for p in sitesource.copy_content(sitesource.CONTENT, tmp_path / "en", "en")}
    assert [p for p in paths(rendered.navs["en"]) if p not in rendered.pages and not (tmp_path / p).is_file()
            and p not in hand_written] == []
    trip = rendered.pages["en/resor/2016-11-paris-oecd-inclusive-growth.md"]
    assert (trip.lang, trip.alternate) == ("en", {"sv": "resor/2016-11-paris-oecd-inclusive-growth/",
                                                  "en": "en/resor/2016-11-paris-oecd-inclusive-growth/"})
    assert rendered.pages["index.md"].alternate == {"sv": "", "en": "en/"}
    assert {p.lang for path, p in rendered.pages.items() if path.startswith("en/")} == {"en"}
    assert {p.lang for path, p in rendered.pages.items() if not path.startswith("en/")} == {"sv"}


def test_a_page_registered_without_english_is_left_out_of_the_english_nav():
    from generator import sitesource
    from generator.render import pages
    from generator.validate import validated_dataset

    from conftest import SAMPLE_DATA

    rendered = pages.render(validated_dataset(SAMPLE_DATA)[1], sitesource.site_info(), {}, "",
                            [{"Datakatalog": "datakatalog.md"}, "bidra.md"])
    assert rendered.navs["sv"][-2:] == [{"Datakatalog": "datakatalog.md"}, "bidra.md"]
    assert rendered.navs["en"][-1] == "en/bidra.md" and "datakatalog" not in str(rendered.navs["en"])


def test_the_page_for_a_missing_address_speaks_its_site_s_language(sample_site):  # noqa: F811
    """Material's own 404 page says "404 - Not found" in English on either site; ours says it in the site's language
    and leads on to the start page and the search."""
    for prefix, lang in (("", "sv"), ("en/", "en")):
        page = (sample_site / prefix / "404.html").read_text(encoding="utf-8")
        with language(lang):
            assert f"<h1>{t('Sidan finns inte')}</h1>" in page
            assert f'href="/{prefix}sok/">{t("Sök på webbplatsen")}</a>' in page
        assert "Not found" not in page
