"""The published tables: one row per record or line item, the schema's columns, in key order.

Every format (CSV, workbook, JSON, SQLite, per-record files) is written from these
rows, so they cannot disagree. The rows are the validated rows the loader read,
with what the model withholds withheld here too (a protected person's name).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass

from generator.downloads import computed
from generator.entities import DERIVED_RESOURCES, version_fields, version_resources, version_schema
from generator.loader import Loaded
from generator.model import Dataset

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Text beginning with one of these is run as a formula by spreadsheets (CSV injection)."""
NEUTRALISER = "'"
"""Prefixed to such text in CSV (the OWASP advice); also to text already beginning with
it, so that removing one leading apostrophe always gives back the original value."""


@dataclass
class Table:
    resource: str
    fields: list[dict]  # the schema's field descriptors, in schema order
    rows: list[dict]  # column -> typed value (str, int, float, bool, date or None)
    version: str = ""  # the data version whose files the table is written into ("": the schema as it is now)

    @functools.cached_property
    def schema(self) -> dict:
        """The Table Schema as this version's files have it (`entities.version_schema`): what every writer describes."""
        return version_schema(self.resource, self.version)

    @functools.cached_property
    def names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def key(self) -> list[str]:
        return self.schema["primaryKey"]

    @functools.cached_property
    def csv_lines(self) -> list[str]:
        """The table as CSV lines, header first, CRLF-ended (a quoted cell may hold line breaks).

        Made once: the table's CSV file is all of them, a record's CSV file the header and its line.
        """
        lines: list[str] = []
        writer = csv.writer(_Lines(lines), lineterminator="\r\n")  # one write() call per row
        writer.writerow(self.names)
        kinds = [f["type"] for f in self.fields]
        for row in self.rows:
            writer.writerow([cell_text(row[name], kind) for name, kind in zip(self.names, kinds)])
        return lines

    def key_of(self, row: dict) -> str:
        """The row's primary key as one string (`trip-id/2` for composite keys)."""
        return "/".join(str(row[k]) for k in self.key)


class _Lines:
    """A file for `csv.writer` that keeps each written row as one string."""

    def __init__(self, lines: list[str]):
        self.write = lines.append


_DIGITS = re.compile(r"([0-9]+)")


def _natural(value) -> tuple:
    """Sort key that puts `x-2` before `x-10`: stable, and the order people expect."""
    if isinstance(value, (int, float)):
        return (1, value)
    parts: list = _DIGITS.split(str(value))  # text, digits, text ...: the same kind at the same place in every key
    parts[1::2] = map(int, parts[1::2])
    return (0, *parts)


def build_tables(loaded: Loaded, dataset: Dataset, as_of: dt.date | None = None) -> dict[str, Table]:
    """Every table of the data's version, in PUBLISHED order (each one's foreign keys point backwards).

    The tables and columns are those of the version `loaded` says it is (`entities.version_resources`,
    `version_fields`): a version written today has the columns it was published with. The computed
    columns and tables come from the model (`computed.py`); `as_of` is the data's date, which ends the
    years of the yearly membership fees.
    """
    tables = {}
    version = loaded.metadata.version
    natural = functools.cache(_natural)  # a parent's id is the first key of each of its children's rows
    for resource in version_resources(version):
        spec = version_fields(resource, version)
        names = [f["name"] for f in spec]
        if resource in DERIVED_RESOURCES:
            rows = computed.derived_rows(resource, dataset, as_of)
        else:
            rows = [dict(zip(names, map(row.values.get, names))) for row in loaded.tables[resource]]
            computed.fill(resource, rows, dataset)
        if any(len(row) > len(names) for row in rows[:1]):  # computed columns of later versions: not in this one
            rows = [{name: row.get(name) for name in names} for row in rows]
        if resource == "people":  # the model decides what of a person may be published
            for row in rows:
                row["name"] = dataset.people[row["id"]].name
        table = Table(resource, spec, rows, version)
        rows.sort(key=lambda r: tuple(map(natural, map(r.__getitem__, table.key))))
        tables[resource] = table
    return tables


def neutralise(text: str) -> str:
    """Text as it is written into a CSV cell: never run as a formula, and reversible."""
    return NEUTRALISER + text if text.startswith(FORMULA_STARTS + (NEUTRALISER,)) else text


def restore(cell: str) -> str:
    """The original text of a neutralised CSV cell (for readers and tests)."""
    return cell[1:] if cell.startswith(NEUTRALISER) else cell


def plain(value):
    """A value as JSON and CSV carry it: dates as ISO 8601, the rest unchanged."""
    return value.isoformat() if isinstance(value, dt.date) else value


def cell_text(value, kind: str) -> str:
    """A value as CSV text: ISO dates, `.` decimals, true/false, empty for missing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and kind == "integer":
        return str(int(value))
    if kind == "string":
        return neutralise(str(value))
    return str(value)
