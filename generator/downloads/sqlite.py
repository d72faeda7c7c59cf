"""SQLite: the same tables with primary and foreign keys, for Datasette, DuckDB or sqlite3.

Values are stored unneutralised (a database runs no formulas): dates as ISO text,
booleans as 0/1. The file is written afresh with the same statements in the same
order, and SQLite stores no timestamps (and its version is zeroed), so the same data gives the
same bytes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from generator.downloads.tables import Table, plain

LIBRARY_AT = 96
"""Where the file's header holds the SQLite version that wrote it (informative only): zeroed, so that a published
version's file has the same bytes whichever SQLite builds it (`recorded`)."""
SQL_TYPES = {"string": "TEXT", "date": "TEXT", "integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_statement(table: Table) -> str:
    columns = []
    for f in table.fields:
        required = " NOT NULL" if f.get("constraints", {}).get("required") else ""
        columns.append(f"{_ident(f['name'])} {SQL_TYPES[f['type']]}{required}")
    columns.append(f"PRIMARY KEY ({', '.join(map(_ident, table.key))})")
    for fk in table.schema.get("foreignKeys", []):
        own = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
        ref = fk["reference"]
        theirs = [ref["fields"]] if isinstance(ref["fields"], str) else ref["fields"]
        columns.append(f"FOREIGN KEY ({', '.join(map(_ident, own))}) "
                       f"REFERENCES {_ident(ref['resource'] or table.resource)} ({', '.join(map(_ident, theirs))})")
    return f"CREATE TABLE {_ident(table.resource)} (\n  " + ",\n  ".join(columns) + "\n)"


def write_sqlite(tables: dict[str, Table], path: Path) -> Path:
    """Write `path` afresh; tables in dependency order, so foreign keys hold while inserting."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = OFF")
        with db:
            for table in tables.values():
                db.execute(create_statement(table))
                marks = ", ".join("?" * len(table.names))
                db.executemany(f"INSERT INTO {_ident(table.resource)} VALUES ({marks})",
                               [[plain(row[n]) for n in table.names] for row in table.rows])
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"SQLite foreign-key check failed: {problems[:5]}")
    finally:
        db.close()
    with path.open("r+b") as written:  # the header names the SQLite library that wrote it: not part of the data
        written.seek(LIBRARY_AT)
        written.write(bytes(4))
    return path
