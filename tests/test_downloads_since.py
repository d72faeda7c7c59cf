"""A column or table added to the schemas appears in the files of the versions from its `x-since` on only.

A published version's files never change (`recorded.py`), and old versions are written by today's code:
so every writer takes a version's columns from `entities.version_fields` / `version_resources` /
`version_schema`. Here a column (with a foreign key) and a whole table are marked as coming in a later
version, and each format of the sample's version is searched for them, then of that later version.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import datetime as dt
import io
import json
import sqlite3
import zipfile

import openpyxl
import pytest

from conftest import SAMPLE_DATA, SAMPLE_VERSION

LATER = "99.0.0"
COLUMN = "later_municipality_id"


@pytest.fixture
def later_schemas(monkeypatch):
    """costs gets a column with a foreign key, membership_fees becomes a table, both from version 99.0.0."""
    from generator import entities

    real = entities.schema_descriptor

    def descriptor(resource):
        found = real(resource)
        if resource == "costs":
            found = copy.deepcopy(found)
            found["fields"].append({"name": COLUMN, "type": "string", "title": "Senare", "title_en": "Later",
                                    "x-since": LATER})
            found["foreignKeys"].append({"fields": COLUMN, "reference": {"resource": "municipalities", "fields": "id"}})
        elif resource == "membership_fees":
            found = {**found, "x-since": LATER}
        return found

    monkeypatch.setattr(entities, "schema_descriptor", descriptor)


def test_version_key_compares_numbers():
    from generator.entities import in_version, version_key

    assert version_key("0.10.0") > version_key("0.9.0") and version_key("1.0") is None
    assert in_version({"x-since": "0.7.0"}, "0.7.0") and in_version({"x-since": "0.7.0"}, "0.10.0")
    assert not in_version({"x-since": "0.7.0"}, "0.6.9") and in_version({}, "0.1.0")


def _write(tmp_path, version: str):
    from generator.downloads import build_tables, write_version
    from generator.downloads.records import write_records
    from generator.downloads.release import Release
    from generator.model import build
    from generator.validate import validate

    report, loaded = validate(SAMPLE_DATA, dt.date(2026, 11, 23))
    assert report.ok
    loaded = dataclasses.replace(loaded, metadata=dataclasses.replace(loaded.metadata, version=version))
    tables = build_tables(loaded, build(loaded, SAMPLE_DATA), dt.date(2026, 1, 1))
    for row in tables["costs"].rows:
        if COLUMN in row:  # a value, so the nested JSON (which leaves empty values out) holds it
            row[COLUMN] = "stockholm"
    out = tmp_path / version
    write_version(tables, Release(loaded.metadata, dt.date(2026, 1, 1), "https://portal.example.org/"), out)
    write_records(tables, out / "site")
    return out


def _columns_everywhere(out) -> dict[str, set[str]]:
    """Where the later column or table shows: by format."""
    found: dict[str, set[str]] = {}

    def saw(fmt, what):
        found.setdefault(fmt, set()).add(what)

    header = next(csv.reader(io.StringIO((out / "costs.csv").read_text(encoding="utf-8"))))
    if COLUMN in header:
        saw("csv", COLUMN)
    if (out / "membership_fees.csv").exists():
        saw("csv", "membership_fees")
    if any(COLUMN in row for row in json.loads((out / "tables/costs.json").read_text(encoding="utf-8"))):
        saw("json", COLUMN)
    if any(COLUMN in cost for trip in json.loads((out / "trips.json").read_text(encoding="utf-8"))
           for cost in trip.get("costs", [])):
        saw("nested json", COLUMN)
    if (out / "tables/membership_fees.json").exists():
        saw("json", "membership_fees")
    db = sqlite3.connect(out / "portal.sqlite")
    if COLUMN in {row[1] for row in db.execute("PRAGMA table_info(costs)")}:
        saw("sqlite", COLUMN)
    if any(row[2] == "municipalities" and row[3] == COLUMN for row in db.execute("PRAGMA foreign_key_list(costs)")):
        saw("sqlite", "foreign key")
    if db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'membership_fees'").fetchone()[0]:
        saw("sqlite", "membership_fees")
    db.close()
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    costs = next(r for r in package["resources"] if r["name"] == "costs")
    if COLUMN in {f["name"] for f in costs["schema"]["fields"]}:
        saw("datapackage", COLUMN)
    if any(fk["fields"] == COLUMN for fk in costs["schema"]["foreignKeys"]):
        saw("datapackage", "foreign key")
    if any(r["name"] == "membership_fees" for r in package["resources"]):
        saw("datapackage", "membership_fees")
    dictionary = list(csv.DictReader(io.StringIO((out / "datadictionary.csv").read_text(encoding="utf-8"))))
    if any(row["table"] == "costs" and row["field"] == COLUMN for row in dictionary):
        saw("dictionary", COLUMN)
    if any(row["table"] == "membership_fees" for row in dictionary):
        saw("dictionary", "membership_fees")
    metadata = json.loads((out / "portal.metadata.json").read_text(encoding="utf-8"))["databases"]["portal"]["tables"]
    if COLUMN in metadata["costs"]["columns"]:
        saw("datasette", COLUMN)
    if "membership_fees" in metadata:
        saw("datasette", "membership_fees")
    book = openpyxl.load_workbook(out / "portal.xlsx", read_only=True)
    if COLUMN in [c.value for c in next(book["costs"].iter_rows(max_row=1))]:
        saw("xlsx", COLUMN)
    if "membership_fees" in book.sheetnames:
        saw("xlsx", "membership_fees")
    book.close()
    with zipfile.ZipFile(out / "portal.zip") as archive:
        name = next(n for n in archive.namelist() if n.endswith("/costs.csv"))
        if COLUMN in archive.read(name).decode("utf-8").splitlines()[0]:
            saw("zip", COLUMN)
    record = next((out / "site/data/records/trips").glob("*.json"))
    trip = json.loads(record.read_text(encoding="utf-8"))
    if any(COLUMN in cost for cost in trip.get("costs", [])):
        saw("record", COLUMN)
    return found


def test_a_later_column_and_table_are_absent_from_a_version_before_them(later_schemas, tmp_path):
    before = _columns_everywhere(_write(tmp_path, SAMPLE_VERSION))
    assert before == {}
    after = _columns_everywhere(_write(tmp_path, LATER))
    assert after == {
        "csv": {COLUMN, "membership_fees"}, "json": {COLUMN, "membership_fees"}, "nested json": {COLUMN},
        "sqlite": {COLUMN, "foreign key", "membership_fees"}, "datapackage": {COLUMN, "foreign key", "membership_fees"},
        "dictionary": {COLUMN, "membership_fees"}, "datasette": {COLUMN, "membership_fees"},
        "xlsx": {COLUMN, "membership_fees"}, "zip": {COLUMN}, "record": {COLUMN},
    }
