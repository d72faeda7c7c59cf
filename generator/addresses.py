"""Every address of the site and every path of its files, in one place.

Addresses are part of the published contract (people cite them and link to them), so
each is written here once: the section pages, a record's page (from its stable id,
which never changes), the pages a record had before, the open-data files. The English
site is the Swedish one under `en/`, page for page with the same path segments, so
each page's twin is one prefix away (`localized`, `twins`). Ground floor: the model's
types and the current language only, so validation, pages and downloads all read it.
"""

from __future__ import annotations

from generator.i18n import LANGUAGES, current
from generator.model import Agreement, Body, Membership, Organisation, Person, Trip


TRIPS = "resor/"
MEMBERSHIPS = "medlemskap/"
AGREEMENTS = "avtal/"
ORGANISATIONS = "organisationer/"
BODIES = "organ/"
PEOPLE = "personer/"
COSTS = "kostnader/"
COSTS_BY_BODY = COSTS + "organ/"
COSTS_BY_CATEGORY = COSTS + "kategori/"
COSTS_BY_COUNTRY = COSTS + "land/"
COSTS_PER_TRAVELLER_DAY = COSTS + "resenar/"
COMPARISON = "jamforelse/"
CLIMATE = "klimat/"
COMPLETENESS = "fullstandighet/"
PRINCIPLES = "principer/"
SEARCH = "sok/"
OPEN_DATA = "oppna-data/"
DICTIONARY = OPEN_DATA + "dataordbok/"
VERSIONS = OPEN_DATA + "versioner/"
"""The section pages, each the Swedish address (site-relative); `localized` gives the current language's."""

DATA = "data/"
LATEST = DATA + "latest/"
CHANGELOG = DATA + "changelog.json"
FEED = "feed.atom"
CORRECTIONS_FEED = "corrections.atom"
CATALOGUE = ("catalog.rdf", "catalog.ttl", "catalog.jsonld")
SEARCH_BUNDLE = "pagefind/"
"""The open-data files and the search index, from the site root (the same in every language)."""


def version_folder(version: str) -> str:
    """A published version's files."""
    return f"{DATA}v{version}/"


def record_files(resource: str, record_id: str) -> dict[str, str]:
    """A record's own downloads, by format."""
    return {fmt: f"{DATA}records/{resource}/{record_id}.{fmt}" for fmt in ("json", "csv")}


SECTIONS = {Trip: TRIPS, Membership: MEMBERSHIPS, Agreement: AGREEMENTS, Organisation: ORGANISATIONS,
            Body: BODIES, Person: PEOPLE}


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
    return localized(f"{SECTIONS[type(record)]}{record.id}/")


def url_of(resource: str, record_id: str) -> str:
    """The page of a record known by its resource and id (a record of an older version, too)."""
    return localized(f"{_SECTION_OF[resource]}{record_id}/")


def former_urls(record) -> list[str]:
    """Where the record's page used to be: trips were filed under their year, which a correction can move."""
    return [f"{TRIPS}{record.year}/{record.id}/"] if isinstance(record, Trip) else []


def year_url(year: int) -> str:
    return localized(f"{TRIPS}{year}/")


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
