"""Record pages kept between builds under the digest of what they are made from.

A record's pages (one per language) are a pure function of its inputs: the record, the
records it names, its corrections, the version, the site, the code and templates. The
digest of those inputs is the key of the pages in the cache (`cache.py`, whose entries
are bound to the code that made them, templates included); a record whose digest is
unchanged since a build that kept its pages is not rendered again.

What the inputs are is read off the model, not listed by hand: the record's fields, its
own lists (cost lines, participants, destinations) and, of every record it names at any
depth up to `DEPTH`, the fields, never that record's lists (a body's trips are not an
input of one trip's page). A page that came to read such a list would be served stale:
`tests/test_cache_property.py` builds with and without the cache after renames, repricing
and protection of the records a page names, and compares every byte.
"""

from __future__ import annotations

import pickle
import zlib
from dataclasses import fields, is_dataclass
from typing import Callable, TypeVar

from generator.background import in_two
from generator.cache import Cache, key_of
from generator.i18n import LANGUAGES

R = TypeVar("R")
KIND = "pages"
DEPTH = 4  # a trip -> its participant -> the person -> their body -> its municipality
PARALLEL_FROM = 2000  # records to render; below it a second process costs more than it saves


class Inputs:
    """The inputs of records' pages as text to digest; a record named by many is read once per depth."""

    def __init__(self):
        self._seen: dict[tuple[int, int], str] = {}

    def of(self, record) -> str:
        return self._value(record, 0)

    def _value(self, value, depth: int) -> str:
        if is_dataclass(value) and not isinstance(value, type):
            if depth == 0:
                return self._record(value, depth)
            key = (id(value), depth)
            if key not in self._seen:
                self._seen[key] = key_of(self._record(value, depth))
            return self._seen[key]
        if isinstance(value, (list, tuple)):
            return "[" + ", ".join(self._value(v, depth) for v in value) + "]"
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k!r}: {self._value(v, depth)}" for k, v in value.items()) + "}"
        return repr(value)

    def _record(self, record, depth: int) -> str:
        if depth > DEPTH:
            return f"{type(record).__name__}({getattr(record, 'id', '')!r})"
        parts = []
        for f in fields(record):
            value = getattr(record, f.name)
            if depth and _holds_records(value):
                continue
            parts.append(f"{f.name}={self._value(value, depth + 1)}")
        return f"{type(record).__name__}({', '.join(parts)})"


def _holds_records(value) -> bool:
    items = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else ()
    return any(is_dataclass(item) for item in items)


def pages(records: list[R], render: Callable[..., list[dict]], args: tuple, context: Callable[[R], str],
          cache_dir, meanwhile: Callable[[], object]) -> tuple[list[dict], object]:
    """Each record's pages (`render(records, *args)` gives one dict of pages per record, in order) and `meanwhile()`.

    `context(record)`: what else its pages read (its corrections, the version, the site), as
    text. With `cache_dir`, the pages of records whose inputs are unchanged come from the
    cache and only the others are rendered; from `PARALLEL_FROM` of them, two thirds in
    another process while this one renders the rest and then runs `meanwhile`.
    """
    found: dict[int, dict] = {}
    keys: list[str] = []
    if cache_dir is not None:
        inputs = Inputs()
        keys = [key_of(KIND, repr(LANGUAGES), context(r), inputs.of(r)) for r in records]
        with Cache(cache_dir) as cache:
            for i, key in enumerate(keys):
                payload = cache.get(KIND, key)
                if payload is not None:
                    found[i] = pickle.loads(zlib.decompress(payload))
    missing = [r for i, r in enumerate(records) if i not in found]
    split = len(missing) // 3 if len(missing) >= PARALLEL_FROM else len(missing)
    *parts, rest = in_two(render, missing, split, *args, meanwhile=meanwhile)
    made = iter([entry for part in parts for entry in part])
    entries = [found[i] if i in found else next(made) for i in range(len(records))]
    if cache_dir is not None and len(found) < len(records):
        with Cache(cache_dir) as cache:
            for i, key in enumerate(keys):
                if i not in found:
                    cache.put(KIND, key, zlib.compress(pickle.dumps(entries[i], pickle.HIGHEST_PROTOCOL), 1))
    return entries, rest
