"""What each field of `datapackage.yaml` must be, checked where it is written.

The package's own metadata reaches every download, the catalogue and the feeds: a
title that is a number or a publisher URL that is a list validated, then broke the
build. Each field is described once here, by kind; the validator reports a field of
the wrong kind at its line, and nothing later has to guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.problems import Problem
from generator.yamlsource import Document, Pos

DEFAULT_LICENCE = "CC0-1.0"
LICENCES = {  # SPDX id -> (title, URL of the licence text)
    "CC0-1.0": ("Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution Share Alike 4.0 International",
                     "https://creativecommons.org/licenses/by-sa/4.0/"),
}

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
WEB = re.compile(r"https?://[^\s<>\"]+")
EMAIL = re.compile(r"[^\s@<>\"]+@[^\s@<>\"]+\.[^\s@<>\"]+")

# field -> kind; a dotted name is a key of a mapping, "[]" a key of each item of a list
FIELDS = {
    "name": "slug", "title": "text", "title_en": "text", "description": "text", "description_en": "text",
    "licence": "licence", "publisher": "mapping", "publisher.name": "text", "publisher.url": "web",
    "publisher.email": "email", "publisher.organisation_number": "text", "sources": "list",
    "sources[].title": "text", "sources[].url": "web", "settings": "mapping",
}
WORDS = {  # kind -> what it must be, for the message
    "slug": "små bokstäver a–z, siffror och bindestreck / lowercase a-z, digits and hyphens",
    "text": "text", "mapping": "nycklar med värden / keys with values", "list": "en lista / a list",
    "web": "en webbadress som börjar med https:// / a web address starting with https://",
    "email": "en e-postadress / an e-mail address",
    "licence": "en av / one of " + ", ".join(LICENCES),
}


def _fits(kind: str, value) -> bool:
    if kind == "mapping":
        return isinstance(value, dict)
    if kind == "list":
        return isinstance(value, list)
    if not isinstance(value, str) or not value.strip():
        return False
    pattern = {"slug": SLUG, "web": WEB, "email": EMAIL}.get(kind)
    return (value in LICENCES) if kind == "licence" else (pattern is None or bool(pattern.fullmatch(value)))


def check(package: dict, package_file: str, doc: Document | None) -> list[Problem]:
    """Every field of the package metadata that is not of its kind, at its line (`doc`: the file as read)."""
    problems = []
    for name, kind in FIELDS.items():
        for path, value in _values(package, name):
            if value is None or _fits(kind, value):
                continue
            pos = doc.pos(path) if doc is not None else Pos(1, 1)
            problems.append(Problem("package-field", package_file, pos.line, pos.column, name,
                                    {"key": name, "detail": f"{_shown(value)} ≠ {WORDS[kind]}"}))
    return problems


def _values(package: dict, name: str):
    """(path in the document, value) of a field, for each list item where the name says so."""
    head, _, rest = name.partition(".")
    if head.endswith("[]"):
        items = package.get(head[:-2])
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                yield (head[:-2], i, rest), item.get(rest)
    elif rest:
        mapping = package.get(head)
        if isinstance(mapping, dict):
            yield (head, rest), mapping.get(rest)
    else:
        yield (head,), package.get(head)


def _shown(value) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:59] + "…"


@dataclass(frozen=True)
class Metadata:
    """The package's own metadata, as every page and download reads it (`metadata`: read once, by the loader).

    The checks above look at the file as written; this is what they let through, with
    each field's default where the file gives none.
    """

    name: str = "data"
    """The package's slug: the downloads' file and dataset names."""
    title: str = "data"
    """The Swedish title; the name where none is given."""
    title_en: str = ""
    """The English title; "" where none is given (readers fall back to `title`)."""
    description: str = ""
    """The Swedish description, its white space collapsed as every download writes it."""
    description_en: str = ""
    """The English description, likewise."""
    version: str = "0.0.0"
    """The data version, MAJOR.MINOR.PATCH."""
    licence: str = DEFAULT_LICENCE
    """An SPDX id of `LICENCES`."""
    publisher: dict = field(default_factory=dict)
    """name, url, email, organisation_number; a publisher given as text is its name."""
    sources: list = field(default_factory=list)
    """The sources the data is taken from, each a mapping (title, path, email)."""
    example_data: bool = False
    """True: the data are examples, and every page says so."""


def metadata(package: dict) -> Metadata:
    """The typed metadata of a `datapackage.yaml` as read (any version's)."""
    name = str(package.get("name", "data"))
    publisher = package.get("publisher") or {}
    sources = package.get("sources", [])
    return Metadata(name=name, title=package.get("title", name), title_en=package.get("title_en", ""),
                    description=" ".join(str(package.get("description", "")).split()),
                    description_en=" ".join(str(package.get("description_en", "")).split()),
                    version=str(package.get("version", "0.0.0")),
                    licence=str(package.get("licence") or DEFAULT_LICENCE),
                    publisher=publisher if isinstance(publisher, dict) else {"name": str(publisher)},
                    sources=[s for s in sources if isinstance(s, dict)] if isinstance(sources, list) else [],
                    example_data=bool(package.get("example_data")))
