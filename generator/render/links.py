"""Where each record lives on the site, what it is called, and links between pages.

URLs are part of the published contract (people cite them), so they are built in
one place from the record's stable id. Links inside generated pages are written
relative to the page, so the site works under any prefix and any host. The English
site is the Swedish one under `en/`, page for page with the same path segments, so
each page's twin is one prefix away (`localized`, `twins`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from generator.model import Agreement, Body, Membership, Organisation, Person, Trip
from generator.i18n import LANGUAGES, current
from generator.i18n import t as _


@dataclass(frozen=True)
class SiteInfo:
    """What the pages need to know about where the site is published."""
    name: str
    url: str  # absolute, ends with /
    repo_url: str  # the repository holding data/, for history and error reports
    branch: str = "main"
    report_email: str | None = None  # where anyone can report an error, no account needed


SECTIONS = {Trip: "resor", Membership: "medlemskap", Agreement: "avtal", Organisation: "organisationer",
            Body: "organ", Person: "personer"}


RESOURCES = {Trip: "trips", Membership: "memberships", Agreement: "agreements", Organisation: "organisations",
             Body: "bodies", Person: "people"}


_SECTION_OF = {RESOURCES[kind]: section for kind, section in SECTIONS.items()}


PREFIX = {"sv": "", "en": "en/"}
"""Where each language's pages are, from the site root."""


def localized(url: str) -> str:
    """A page's address in the language being rendered, from its Swedish address (site-relative)."""
    return PREFIX[current()] + url


def language_of(url: str) -> str:
    """The language of the page at `url` (site-relative): its prefix says."""
    return next((lang for lang, prefix in PREFIX.items() if prefix and url.startswith(prefix)), LANGUAGES[0])


def twins(url: str) -> dict[str, str]:
    """A page's address in every language, from its address in any of them."""
    swedish = url.removeprefix(PREFIX[language_of(url)])
    return {lang: PREFIX[lang] + swedish for lang in LANGUAGES}


def resource_of(record) -> str:
    return RESOURCES[type(record)]


def url_for(record) -> str:
    """The record's page, relative to the site root, ending with /: its id alone, which never changes."""
    return localized(f"{SECTIONS[type(record)]}/{record.id}/")


def url_of(resource: str, record_id: str) -> str:
    """The page of a record known by its resource and id (a record of an older version, too)."""
    return localized(f"{_SECTION_OF[resource]}/{record_id}/")


def former_urls(record) -> list[str]:
    """Where the record's page used to be: trips were filed under their year, which a correction can move."""
    return [f"resor/{record.year}/{record.id}/"] if isinstance(record, Trip) else []


def year_url(year: int) -> str:
    return localized(f"resor/{year}/")


def taken_by_site(resource: str, record_id: str) -> bool:
    """Ids whose address is a page the site makes itself (a section's index, a year of trips)."""
    return record_id == "index" or (resource == "trips" and record_id.isdigit())


def source_path(url: str) -> str:
    """The Markdown file that becomes `url` (with MkDocs' directory URLs)."""
    return url.rstrip("/") + ".md" if url else "index.md"


def index_path(url: str) -> str:
    """The Markdown file of a section's index page at `url`."""
    return (url + "index.md") if url else "index.md"


def address(path: str) -> tuple[str, str]:
    """The address and output file of the page whose source is `path` (`a/b.md` -> `a/b/`, `a/b/index.html`)."""
    stem = path.removesuffix(".md")
    url = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
    return url, url + "index.html"


def name_of(record) -> str:
    if isinstance(record, Trip):
        return record.title
    if isinstance(record, Membership):
        return f"{record.organisation.display_name} ({record.body.municipality.name})"
    if isinstance(record, Agreement):
        return record.title
    if isinstance(record, Body):
        return f"{record.name}, {record.municipality.name}"
    return record.display_name


def in_language(text: str | None, lang: str | None) -> str | Markup:
    """Text from the data, in `lang` (None: Swedish, the data's language), marked where that is not the language of
    the page being rendered, so a screen reader pronounces it right (WCAG 3.1.2); "–" when there is none."""
    if not text:
        return "–"
    lang = lang or "sv"
    return Markup('<span lang="{}">{}</span>').format(lang, text) if lang != current() else text


def name_html(record) -> str | Markup:
    """`name_of`, with an organisation's own name marked with its language."""
    if isinstance(record, Organisation):
        return in_language(record.display_name, record.display_language)
    if isinstance(record, Membership):
        return Markup("{} ({})").format(name_html(record.organisation), record.body.municipality.name)
    return name_of(record)


def relative(target: str, page_url: str) -> str:
    """`target` (site-relative folder ending in / or a file, maybe with #anchor) as seen from `page_url`."""
    path, _hash, anchor = target.partition("#")
    to = [part for part in path.split("/") if part and part != "."]
    here = [part for part in page_url.split("/") if part and part != "."]
    if ".." in to or ".." in here:  # not a plain folder path: let posixpath work it out
        rel = posixpath.relpath(path.rstrip("/") or ".", page_url.rstrip("/") or ".")
    else:
        common = 0
        for a, b in zip(to, here):
            if a != b:
                break
            common += 1
        rel = "/".join([".."] * (len(here) - common) + to[common:]) or "."
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") or not path else "")
    return rel + (f"#{anchor}" if anchor else "")


def link(record, page_url: str, text: str | None = None) -> Markup:
    """An escaped HTML link to a record's page; its text is the data's, so Swedish on an English page too."""
    if record is None:
        return Markup("")
    href = relative(url_for(record), page_url)
    lang = '' if current() == "sv" else ' lang="sv"'
    return Markup(f'<a href="{escape(href)}"{lang}>{escape(text if text is not None else name_html(record))}</a>')


def history_url(site: SiteInfo, source_file: str) -> str:
    return f"{site.repo_url}/commits/{site.branch}/data/{quote(source_file)}"


def report_error_url(site: SiteInfo, record_id: str, page_url: str, version: str) -> str:
    title = quote(_("Fel i posten {id}", id=record_id))
    body = quote(_report_text(site, record_id, page_url, version))
    return f"{site.repo_url}/issues/new?title={title}&body={body}"


def report_email_url(site: SiteInfo, record_id: str, page_url: str, version: str) -> str | None:
    """A prefilled e-mail: the way to report an error that needs no account anywhere."""
    if not site.report_email:
        return None
    subject = quote(_("Fel i posten {id}", id=record_id))
    return f"mailto:{site.report_email}?subject={subject}&body={quote(_report_text(site, record_id, page_url, version))}"


def _report_text(site: SiteInfo, record_id: str, page_url: str, version: str) -> str:
    return _("Post: {id}\nSida: {url}\nDataversion: {version}\n\nVad är fel, och var står det rätta?\n",
             id=record_id, url=site.url + page_url, version=version)


def absolute(site: SiteInfo, url: str) -> str:
    return site.url + url


def text(value) -> Markup:
    """A data value as escaped HTML (for code that builds markup outside templates)."""
    return escape("" if value is None else value)
