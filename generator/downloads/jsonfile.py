"""JSON: each table as a list of rows, and the records nested the way the data files hold them.

`trips.json` has each trip with its `decision`, `destinations`, `participants` and
`costs` inside, and `purposes` as a list, as in `data/trips/...yaml`; the flat tables
under `tables/` match the CSV files column for column. Values are not neutralised.
Lists of rows are written one row per line: readable, diff-friendly, and made by
the standard library's C encoder (an indented dump of 10,000 trips took seconds).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from generator.downloads.tables import Table, plain
from generator.entities import ENTITIES, Entity


def dumps(value) -> bytes:
    """Stable JSON bytes: UTF-8, keys in the schema's order, two-space indent, final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def dumps_rows(rows: list[dict]) -> bytes:
    """A JSON list with one compact row per line; keys in the schema's order, final newline."""
    if not rows:
        return b"[]\n"
    return ("[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n]\n").encode("utf-8")


def _row(row: dict, drop: tuple[str, ...] = ()) -> dict:
    return {k: plain(v) for k, v in row.items() if v is not None and k not in drop}


def nest(entity: Entity, tables: dict[str, Table]) -> list[dict]:
    """The records of `entity` shaped as in its data files, children inside."""
    children = {}
    for child in entity.children:
        grouped = defaultdict(list)
        for row in tables[child.resource].rows:
            if row.get(child.parent_field) is not None:
                drop = (child.parent_field,) + (("position",) if child.numbering == "position" else ())
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


def nested_records(tables: dict[str, Table]) -> dict[str, list[dict]]:
    return {entity.resource: nest(entity, tables) for entity in ENTITIES}


def write_json(tables: dict[str, Table], out_dir: Path, nested: dict[str, list[dict]] | None = None) -> list[Path]:
    """The flat tables under `tables/`, the nested records beside them (`nested`: already made)."""
    written = []
    (out_dir / "tables").mkdir(parents=True, exist_ok=True)
    for table in tables.values():
        path = out_dir / "tables" / f"{table.resource}.json"
        path.write_bytes(dumps_rows([{k: plain(v) for k, v in r.items()} for r in table.rows]))
        written.append(path)
    for resource, records in (nested or nested_records(tables)).items():
        path = out_dir / f"{resource}.json"
        path.write_bytes(dumps_rows(records))
        written.append(path)
    return written
