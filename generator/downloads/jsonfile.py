"""JSON: each table as a list of rows, and the records nested the way the data files hold them.

`trips.json` has each trip with its `decision`, `destinations`, `participants` and
`costs` inside, and `purposes` as a list, as in `data/trips/...yaml`; the flat tables
under `tables/` match the CSV files column for column. Values are not neutralised.
Lists of rows are written one row per line: readable, diff-friendly, and made by
the standard library's C encoder (an indented dump of 10,000 trips took seconds).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

from generator.downloads.computed import OF_THE_RECORD
from generator.downloads.tables import Table
from generator.entities import ENTITIES, Entity


def dumps(value) -> bytes:
    """Stable JSON bytes: UTF-8, keys in the schema's order, two-space indent, final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _iso(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"no JSON form for {value!r}")


_compact = json.JSONEncoder(ensure_ascii=False, default=_iso).encode  # dates as ISO 8601; made once, not per row


def dumps_rows(rows: list[dict]) -> bytes:
    """A JSON list with one compact row per line; keys in the schema's order, final newline."""
    return list_bytes(list(map(_compact, rows)))


def list_bytes(lines: list[str]) -> bytes:
    """A JSON list of values already dumped one per line."""
    return ("[\n" + ",\n".join(lines) + "\n]\n").encode("utf-8") if lines else b"[]\n"


def _row(row: dict, drop: tuple[str, ...] = ()) -> dict:
    return {k: v for k, v in row.items() if v is not None and k not in drop}


def nest(entity: Entity, tables: dict[str, Table]) -> list[dict]:
    """The records of `entity` shaped as in its data files, children inside."""
    children = {}
    for child in entity.children:
        grouped = defaultdict(list)
        for row in tables[child.resource].rows:
            if row.get(child.parent_field) is not None:
                drop = (child.parent_field,) + (("position",) if child.ordered else ()) + OF_THE_RECORD
                grouped[row[child.parent_field]].append(_row(row, drop))
        children[child.key] = grouped
    records = []
    for row in tables[entity.resource].rows:
        record = {}
        for name, value in _row(row).items():
            group = next((g for g in entity.groups if name.startswith(g + "_")), None)
            if group:
                record.setdefault(group, {})[name[len(group) + 1:]] = value
            elif name in entity.lists:
                record[name] = [part for part in str(value).split(";") if part]
            else:
                record[name] = value
        for key, grouped in children.items():
            if grouped.get(row["id"]):
                record[key] = grouped[row["id"]]
        records.append(record)
    return records


def record_lines(tables: dict[str, Table]) -> dict[str, list[str]]:
    """Each record nested as in its data file, as one line of compact JSON.

    The lines of `trips.json` etc., and each one the whole of that record's own file.
    """
    return {entity.resource: list(map(_compact, nest(entity, tables)))
            for entity in ENTITIES}


def write_json(tables: dict[str, Table], out_dir: Path, records: dict[str, list[str]] | None = None) -> list[Path]:
    """The flat tables under `tables/`, the nested records beside them (`records`: their lines, already made)."""
    written = []
    (out_dir / "tables").mkdir(parents=True, exist_ok=True)
    for table in tables.values():
        path = out_dir / "tables" / f"{table.resource}.json"
        path.write_bytes(dumps_rows(table.rows))
        written.append(path)
    for resource, lines in (records or record_lines(tables)).items():
        path = out_dir / f"{resource}.json"
        path.write_bytes(list_bytes(lines))
        written.append(path)
    return written
