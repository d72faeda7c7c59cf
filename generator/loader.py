"""Read the data folder into tables of rows that remember where each value came from."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator import datafiles, values, yamlsource
from generator.background import in_two
from generator.cache import Cache, key_of
from generator.entities import (PARTIAL_DATE_PATTERN, PERIOD_PATTERN, RESOURCES, Child, Entity, derived_fields, fields,
                                 line_id)
from generator.package import Metadata, check as check_package, metadata
from generator.problems import Problem
from generator.settings import Settings, read as read_settings
from generator.yamlsource import Document, Pos


@dataclass
class Row:
    """One table row: its values by column, and the source position of each."""

    values: dict
    file: str
    pos: Pos
    positions: dict[str, Pos] = field(default_factory=dict)

    def where(self, column: str | None) -> Pos:
        return self.positions.get(column, self.pos) if column else self.pos

    def __reduce__(self):
        """Pickled compactly, positions as one list of numbers (a reader in another process sends 50,000 rows)."""
        return _row, (self.values, self.file, *self.pos, list(self.positions),
                      [number for pos in self.positions.values() for number in pos])


_new_tuple = tuple.__new__  # a Pos without NamedTuple's Python-level __new__


def _row(values: dict, file: str, line: int, column: int, columns: list[str], numbers: list[int]) -> Row:
    pairs = iter(numbers)
    return Row(values, file, _new_tuple(Pos, (line, column)),
               {name: _new_tuple(Pos, pair) for name, pair in zip(columns, zip(pairs, pairs))})


@dataclass
class Loaded:
    package: dict  # datapackage.yaml
    package_file: str
    tables: dict[str, list[Row]]
    problems: list[Problem]
    package_doc: Document | None = None  # where each of the package's values stands, for the package checks
    settings: Settings = Settings()  # the package's `settings:`, typed
    metadata: Metadata = Metadata()  # the package's own metadata, typed


def display_path(path: Path) -> str:
    """A path as a user should see it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def load(data_dir: Path, cache_dir: Path | None = None) -> Loaded:
    """Every data file read (`cache_dir`: what was read from each file before, by its bytes; None: no cache)."""
    tables: dict[str, list[Row]] = {name: [] for name in RESOURCES}
    problems: list[Problem] = []
    package_path = data_dir / datafiles.PACKAGE_FILE
    package: dict = {}
    settings = Settings()
    doc = None
    discovered = datafiles.discover(data_dir, display_path)  # every file under data/ is read or reported
    problems += discovered.problems
    if package_path.is_file() and package_path not in discovered.refused:
        doc, found = yamlsource.read(package_path, display_path(package_path))
        problems += found
        if doc is not None and isinstance(doc.value, dict):
            package = doc.value
            if not isinstance(package.get("settings", {}), dict):  # reported by the package check: the defaults stand
                problems += check_package({"settings": package["settings"]}, doc.file, doc)
                package = {key: value for key, value in package.items() if key != "settings"}
            settings, found = read_settings(package.get("settings"), doc.file, doc)
            problems += found
        elif doc is not None:
            problems.append(Problem("not-a-mapping", doc.file, 1, 1))
    else:
        problems.append(Problem("package-missing", display_path(data_dir), 1, 1))
    for own, found in _remembered(discovered.files, cache_dir) if _memory is not None else \
            _read_all(discovered.files, cache_dir):  # in the folder's order
        for name, rows in own.items():
            tables[name] += rows
        problems += found
    reading.file = None
    return Loaded(package, display_path(package_path), tables, problems, doc, settings, metadata(package))


PARALLEL_FROM = 2000  # files; below it a second process costs more than it saves

Read = tuple[dict[str, list[Row]], list[Problem]]  # one file's rows (by resource) and problems
_memory: dict[tuple, Read] | None = None  # see `remember`


def remember() -> None:
    """From now on keep in this process what each file held, by its bytes: a later `load` reads only the files
    whose bytes changed, and gives the rows of the others as they are (`portal serve` loads after every save).
    The rows are never changed once read, so the same objects serve every load."""
    global _memory
    if _memory is None:
        _memory = {}


def _read_all(files: list[tuple[Entity, Path]], cache_dir: Path | None) -> list[Read]:
    """Each file read, from 2,000 files the second half by a job in another process."""
    split = len(files) // 2 if len(files) >= PARALLEL_FROM else len(files)
    return [read for part in in_two(_read, files, split, cache_dir) for read in part]


def _remembered(files: list[tuple[Entity, Path]], cache_dir: Path | None) -> list[Read]:
    """`_read_all` for a process that remembers: what a file held the last time its bytes were these, the rest read;
    what is kept is what this load read, so a file changed or gone is forgotten."""
    global _memory
    keys = []
    for entity, path in files:
        try:
            keys.append((entity.resource, display_path(path), hashlib.sha256(path.read_bytes()).digest()))
        except OSError:  # reported by the reading
            keys.append(None)
    new = iter(_read_all([f for f, key in zip(files, keys) if key not in _memory], cache_dir))
    found = [_memory[key] if key in _memory else next(new) for key in keys]
    _memory = {key: read for key, read in zip(keys, found) if key is not None}
    return found


class reading:
    """The file being read, for the command's last-resort error message."""

    file: str | None = None


def _read(files: list[tuple[Entity, Path]], cache_dir: Path | None = None) -> list[Read]:
    """The rows and problems of each of some files (a job that may run in another process)."""
    if cache_dir is None:
        return [_uncached_file(entity, path) for entity, path in files]
    with Cache(cache_dir) as cache:
        return [_cached_file(cache, entity, path, _reading(path)) for entity, path in files]


def _reading(path: Path) -> str:
    reading.file = display_path(path)
    return reading.file


def _uncached_file(entity: Entity, path: Path) -> Read:
    tables: dict[str, list[Row]] = {name: [] for name in RESOURCES}
    problems = _read_file(entity, path, _reading(path), tables)
    return {name: rows for name, rows in tables.items() if rows}, problems


def _read_file(entity: Entity, path: Path, display: str, tables: dict[str, list[Row]]) -> list[Problem]:
    doc, problems = yamlsource.read(path, display)
    if doc is not None:
        problems += _records(entity, doc, path, tables)
    return problems


def _cached_file(cache: Cache, entity: Entity, path: Path, display: str) -> Read:
    """One file's rows and problems as read before, when its bytes (and the code) are the same; else read now.

    Keyed by what the reading depends on: the bytes, the kind of record and the file's name (its id);
    the path shown to people is put in afterwards, so a copy of the folder elsewhere finds the same entries.
    """
    try:
        raw = path.read_bytes()
    except OSError:  # reported by the reading, not kept
        return _uncached_file(entity, path)
    tables, problems = cache.kept("rows", key_of("rows", entity.resource, path.name, hashlib.sha256(raw).digest()),
                                  lambda: _uncached_file(entity, path))
    for rows in tables.values():
        for row in rows:
            row.file = display
    return tables, [dataclasses.replace(p, file=display) for p in problems]


def _records(entity: Entity, doc: Document, path: Path, tables: dict[str, list[Row]]) -> list[Problem]:
    problems: list[Problem] = []
    if entity.per_file:
        if not isinstance(doc.value, dict):
            return [Problem("not-a-mapping", doc.file, 1, 1)]
        problems += _record(entity, doc, (), tables)
        record_id = doc.value.get("id")
        if isinstance(record_id, str) and record_id != path.stem:
            pos = doc.pos(("id",))
            problems.append(Problem("id-not-filename", doc.file, pos.line, pos.column, "id",
                                    {"id": record_id, "stem": path.stem}))
        return problems
    if not isinstance(doc.value, list):
        return [Problem("not-a-list", doc.file, 1, 1)]
    for index, item in enumerate(doc.value):
        if not isinstance(item, dict):
            pos = doc.pos((index,))
            problems.append(Problem("not-a-mapping", doc.file, pos.line, pos.column))
            continue
        problems += _record(entity, doc, (index,), tables)
    return problems


def _record(entity: Entity, doc: Document, path: tuple, tables: dict[str, list[Row]]) -> list[Problem]:
    mapping = doc.value if not path else doc.value[path[0]]
    row = Row({}, doc.file, doc.pos(path))
    problems: list[Problem] = []
    children = {c.key: c for c in entity.children}
    for key, value in mapping.items():
        if key in children:
            continue
        if key in entity.groups:
            if not isinstance(value, dict):
                problems.append(_at(doc, path + (key,), "not-a-mapping", key))
                continue
            for sub, sub_value in value.items():
                problems += _cell(entity.resource, row, f"{key}_{sub}", sub_value, doc, path + (key, sub), f"{key}.{sub}")
        elif key in entity.lists:
            items = value if isinstance(value, list) else [value]
            if any(isinstance(v, (dict, list)) for v in items):
                problems.append(_at(doc, path + (key,), "nested-value", key))
                continue
            text = ";".join(str(v) for v in items if v is not None) or None
            problems += _cell(entity.resource, row, key, text, doc, path + (key,), key)
        else:
            problems += _cell(entity.resource, row, key, value, doc, path + (key,), key)
    tables[entity.resource].append(row)
    parent_id = row.values.get("id")
    for child in entity.children:
        if child.key in mapping:
            problems += _child_rows(child, mapping[child.key], parent_id, doc, path + (child.key,), tables)
    return problems


def _child_rows(child: Child, items, parent_id, doc: Document, path: tuple, tables) -> list[Problem]:
    if items is None:
        return []
    if not isinstance(items, list):
        return [_at(doc, path, "not-a-list", child.key)]
    problems: list[Problem] = []
    derived = derived_fields(child)
    numbers = _LineNumbers(child, items) if child.numbered else None
    for n, item in enumerate(items, start=1):
        item_path = path + (n - 1,)
        if not isinstance(item, dict):
            problems.append(_at(doc, item_path, "not-a-mapping", child.key))
            continue
        row = Row({child.parent_field: parent_id}, doc.file, doc.pos(item_path))
        if child.ordered:
            row.values["position"] = n
        if numbers is not None:
            number, problem = numbers.take(item, n)
            row.values["id"] = line_id(parent_id, number)
            row.positions["id"] = doc.pos(item_path + ("id",))
            if problem is not None:
                problems.append(_at(doc, item_path + (("id",) if "id" in item else ()), problem[0], "id", **problem[1]))
        for key, value in item.items():
            if key in derived:
                problems.append(_at(doc, item_path + (key,), "parent-link-conflict", key))
                continue
            if numbers is not None and key == "id":
                continue
            problems += _cell(child.resource, row, key, value, doc, item_path + (key,), key)
        tables[child.resource].append(row)
    return problems


class _LineNumbers:
    """The `id: <n>` of a list's lines: each a whole number of its own, so a line keeps its id
    however the others move. A line without one is read by its place, as lines were
    published before they had numbers, and is reported with the next free number."""

    def __init__(self, child: Child, items: list):
        self.child = child
        given = [item.get("id") for item in items if isinstance(item, dict)]
        self.seen: set[int] = set()
        self.next = max((v for v in given if _is_number(v)), default=0) + 1

    def take(self, item: dict, place: int) -> tuple[int, tuple[str, dict] | None]:
        value = item.get("id")
        if _is_number(value) and value not in self.seen:
            self.seen.add(value)
            return value, None
        suggestion = self.next
        self.next += 1
        params = {"next": suggestion, "list": self.child.key, "value": value}
        code = "line-id-missing" if value is None else "line-id-duplicate" if _is_number(value) else "line-id-invalid"
        return (place if code == "line-id-missing" else suggestion), (code, params)


def _is_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _cell(resource: str, row: Row, column: str, value, doc: Document, path: tuple, key: str) -> list[Problem]:
    """Put one value into a row, refusing unknown keys and values YAML typed by surprise."""
    known, partial_dates, texts = _columns(resource)
    if column not in known:
        suggestion = difflib.get_close_matches(column, list(known), n=1)
        return [_at(doc, path, "unknown-key", key, key=key, resource=resource,
                    suggestion=suggestion[0] if suggestion else None)]
    row.positions[column] = doc.pos(path)
    if isinstance(value, (dict, list)):
        row.values[column] = None
        return [_at(doc, path, "nested-value", column)]
    if column in partial_dates and isinstance(value, (int, dt.date)) and not isinstance(value, bool):
        value = value.isoformat() if isinstance(value, dt.date) else str(value)  # a year or a full date
    if column in texts and value is not None and not isinstance(value, str):
        row.values[column] = value.isoformat() if isinstance(value, dt.date) else str(value)
        kind = {bool: ("sant/falskt", "yes/no"), dt.date: ("datum", "date")}.get(type(value), ("tal", "number"))
        return [_at(doc, path, "wrong-type-yaml", column, value=row.values[column], kind_sv=kind[0], kind_en=kind[1])]
    value, code, params = values.typed(known[column], value, key)  # "12_000", "false": typed once, for every reader
    row.values[column] = value
    return [_at(doc, path, code, column, **params)] if code else []


@functools.cache
def _columns(resource: str) -> tuple[dict, frozenset, frozenset]:
    """A resource's fields staff may write (not the computed ones), its partial-date columns
    (`1997`, `2003-05`) and its text columns."""
    known = {n: f for n, f in fields(resource).items() if not f.get("x-computed")}
    partial = frozenset(n for n, f in known.items()  # a year written bare (`2025`) is read as text here
                        if f.get("constraints", {}).get("pattern") in (PARTIAL_DATE_PATTERN, PERIOD_PATTERN))
    return known, partial, frozenset(n for n, f in known.items() if f["type"] == "string")


def _at(doc: Document, path: tuple, code: str, field_name: str | None, **params) -> Problem:
    pos = doc.pos(path)
    return Problem(code, doc.file, pos.line, pos.column, field_name, params)
