"""The downloads read with the types the schemas say, by the tools a journalist opens them with.

DuckDB's `read_csv_auto` and pandas' `read_csv` guess each column's type from its values, with no
schema; sqlite3 keeps the types the database declares. Each column's guess is checked against its
schema type: numbers read as numbers, flags as flags, dates as dates (where the reader infers
dates). A column no row has a value in is left out: no reader can tell its type from the CSV.
Text that looks like a number or a date (a partial date `2009`, a period `2025`, an agenda item
`7.2`) is guessed as one by both readers; the README says to name those columns' type, and that
doing so gives the text back. The sample site is the session's (`sample_site`).
"""

from __future__ import annotations

import sqlite3

import duckdb
import pandas
import pytest

from conftest import SAMPLE_VERSION
from generator.entities import PARTIAL_DATE_PATTERN, PERIOD_PATTERN, version_fields, version_resources
from test_site_build import sample_site  # noqa: F401

ANY = {"BIGINT", "DOUBLE", "DATE", "VARCHAR"}
DUCKDB = {"guessed": ANY, "integer": {"BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT"},
          "number": {"DOUBLE", "FLOAT", "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "DECIMAL"},
          "boolean": {"BOOLEAN"}, "date": {"DATE"}, "string": {"VARCHAR"}}
PANDAS = {"integer": {"i", "u", "f"},  # an integer column with empty cells is float in pandas
          "number": {"i", "u", "f"}, "boolean": {"b"}, "date": {"O"}, "string": {"O"},  # pandas infers no dates
          "guessed": {"i", "f", "O"}}
NUMBER_LIKE_TEXT = {"decision_agenda_item"}  # `7.2`: text, as the data files quote it


def _text_readers_guess(spec: dict) -> bool:
    """Text whose values a reader may take for numbers or dates (the README names them)."""
    return (spec["name"] in NUMBER_LIKE_TEXT
            or spec.get("constraints", {}).get("pattern") in (PARTIAL_DATE_PATTERN, PERIOD_PATTERN))


SQLITE = {"integer": "integer", "number": "real", "boolean": "integer", "date": "text", "string": "text",
          "guessed": "text"}


def _columns(site):
    """(resource, path, {column: schema type}) of every CSV of the sample's version, as it was written."""
    folder = site / "data" / f"v{SAMPLE_VERSION}"
    return [(r, folder / f"{r}.csv", {f["name"]: "guessed" if _text_readers_guess(f) else f["type"]
                                      for f in version_fields(r, SAMPLE_VERSION)})
            for r in version_resources(SAMPLE_VERSION)]


def _empty(frame: pandas.DataFrame) -> set[str]:
    return {c for c in frame.columns if frame[c].isna().all()}


def test_duckdb_reads_every_csv_with_the_schema_types(sample_site):  # noqa: F811
    wrong = []
    for resource, path, kinds in _columns(sample_site):
        relation = duckdb.sql(f"SELECT * FROM read_csv_auto('{path}')")
        frame = relation.df()
        assert list(relation.columns) == list(kinds), resource
        for column, kind in zip(relation.columns, relation.types):
            if column not in _empty(frame) and str(kind).split("(")[0] not in DUCKDB[kinds[column]]:
                wrong.append(f"{resource}.{column}: {kinds[column]} read as {kind}")
    assert not wrong, wrong


def test_pandas_reads_every_csv_with_the_schema_types(sample_site):  # noqa: F811
    wrong = []
    for resource, path, kinds in _columns(sample_site):
        frame = pandas.read_csv(path, keep_default_na=False, na_values=[""])
        assert list(frame.columns) == list(kinds), resource
        for column in set(frame.columns) - _empty(frame):
            values = frame[column].dropna()
            if kinds[column] == "boolean" and frame[column].dtype.kind == "O":  # with empty cells: True/False and NaN
                if all(isinstance(v, bool) for v in values):
                    continue
            if frame[column].dtype.kind not in PANDAS[kinds[column]]:
                wrong.append(f"{resource}.{column}: {kinds[column]} read as {frame[column].dtype}")
    assert not wrong, sorted(wrong)


@pytest.mark.parametrize("column", ["latitude_computed", "longitude_computed", "distance_km_computed",
                                    "emission_factor_kg_per_km_computed"])
def test_positions_and_distances_read_as_numbers(sample_site, column):  # noqa: F811
    """The issue's case: the positions behind the map were empty text in DuckDB."""
    path = sample_site / "data" / f"v{SAMPLE_VERSION}" / "trip_destinations.csv"
    found = duckdb.sql(f"SELECT any_value(typeof({column})), count({column}), count(*) "
                       f"FROM read_csv_auto('{path}')").fetchall()
    assert found[0][0] == "DOUBLE" and found[0][1] == found[0][2], found


def test_text_that_looks_like_numbers_reads_as_written_when_named(sample_site):  # noqa: F811
    """The README's advice: name such columns' type (`types=` in DuckDB, `dtype=` in pandas), and the text comes back."""
    import csv

    for resource, path, kinds in _columns(sample_site):
        guessed = [c for c, kind in kinds.items() if kind == "guessed"]
        if not guessed:
            continue
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        written = {c: [row[c] or None for row in rows] for c in guessed}
        types = ", ".join(f"'{c}': 'VARCHAR'" for c in guessed)
        read = duckdb.sql(f"SELECT {', '.join(guessed)} FROM read_csv_auto('{path}', types={{{types}}})").fetchall()
        assert [list(r) for r in read] == [list(r) for r in zip(*written.values())], resource
        frame = pandas.read_csv(path, dtype={c: str for c in guessed}, keep_default_na=False, na_values=[""])
        assert [[None if pandas.isna(v) else v for v in frame[c]] for c in guessed] == list(written.values()), resource


def test_sqlite_declares_and_stores_the_schema_types(sample_site):  # noqa: F811
    db = sqlite3.connect(sample_site / "data" / f"v{SAMPLE_VERSION}" / "portal.sqlite")
    try:
        wrong = []
        for resource, _, kinds in _columns(sample_site):
            declared = {row[1]: row[2] for row in db.execute(f'PRAGMA table_info("{resource}")')}
            assert list(declared) == list(kinds), resource
            for column, kind in kinds.items():
                stored = {t for (t,) in db.execute(f'SELECT DISTINCT typeof("{column}") FROM "{resource}"')} - {"null"}
                if declared[column].lower() != SQLITE[kind] or stored - {SQLITE[kind]}:
                    wrong.append(f"{resource}.{column}: {kind} declared {declared[column]}, stored {stored}")
        assert not wrong, wrong
    finally:
        db.close()
