"""What each field of `datapackage.yaml` must be, checked where it is written.

The package's own metadata reaches every download, the catalogue and the feeds: a
title that is a number or a publisher URL that is a list validated, then broke the
build. Each field is described once here, by kind; the validator reports a field of
the wrong kind at its line, and nothing later has to guess.
"""

from __future__ import annotations

import re
from generator.downloads.release import LICENCES
from generator.problems import Problem
from generator.yamlsource import Document, Pos

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
