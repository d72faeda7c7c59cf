"""What a record is called on its pages, and links between pages (addresses: `generator.addresses`).

Links inside generated pages are written relative to the page, so the site works
under any prefix and any host.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from generator.addresses import url_for
from generator.model import Agreement, Body, Membership, Organisation, Trip
from generator.i18n import current
from generator.i18n import t as _


@dataclass(frozen=True)
class SiteInfo:
    """What the pages need to know about where the site is published."""
    name: str
    url: str  # absolute, ends with /
    repo_url: str  # the repository holding data/, for history and error reports
    branch: str = "main"
    report_email: str | None = None  # where anyone can report an error, no account needed


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


def _folders(path: str) -> list[str]:
    return [part for part in path.split("/") if part and part != "."]


def _shared(to: list[str], here: list[str]) -> int:
    """How many leading folders two paths have in common."""
    common = 0
    for a, b in zip(to, here):
        if a != b:
            break
        common += 1
    return common


def relative(target: str, page_url: str) -> str:
    """`target` (site-relative folder ending in / or a file, maybe with #anchor) as seen from `page_url`."""
    path, _hash, anchor = target.partition("#")
    to, here = _folders(path), _folders(page_url)
    if ".." in to or ".." in here:  # not a plain folder path: let posixpath work it out
        rel = posixpath.relpath(path.rstrip("/") or ".", page_url.rstrip("/") or ".")
    else:
        common = _shared(to, here)
        rel = "/".join([".."] * (len(here) - common) + to[common:]) or "."
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") or not path else "")
    return rel + (f"#{anchor}" if anchor else "")


def vantage(page_url: str, *targets: str) -> tuple:
    """What the relative links from `page_url` to `targets` depend on (`relative`): the page's depth and how many
    folders it shares with each target. Pages alike in these link alike, so a row of links made for one serves all."""
    here = _folders(page_url)
    if ".." in here:
        return (page_url,)
    return (len(here), *(_shared(_folders(target.partition("#")[0]), here) for target in targets))


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
