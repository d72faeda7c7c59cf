"""One JSON and one CSV file per record, for the record pages to link.

The JSON is the record as `trips.json` etc. hold it (children inside); the CSV is the
record's row of its table. URLs are built here from the stable id only, so the
record pages and this writer cannot disagree.
"""

from __future__ import annotations

from pathlib import Path

from generator.downloads.csvfile import csv_bytes
import json

from generator.downloads.jsonfile import nested_records
from generator.downloads.tables import Table
from generator.model import Agreement, Body, Membership, Organisation, Person, Trip

RECORD_RESOURCES = {Trip: "trips", Membership: "memberships", Agreement: "agreements",
                    Organisation: "organisations", Body: "bodies", Person: "people"}


def record_download_urls(record) -> dict[str, str]:
    """{"json": ..., "csv": ...}: a record's downloads, relative to the site root (no leading /)."""
    resource = RECORD_RESOURCES[type(record)]
    return {fmt: f"data/records/{resource}/{record.id}.{fmt}" for fmt in ("json", "csv")}


def write_records(tables: dict[str, Table], site_dir: Path, nested: dict[str, list[dict]] | None = None) -> list[Path]:
    """Each record's JSON (compact, one line: browsers indent it) and CSV; `nested`: already made."""
    written = []
    nested = nested or nested_records(tables)
    for resource in RECORD_RESOURCES.values():
        folder = site_dir / "data" / "records" / resource
        folder.mkdir(parents=True, exist_ok=True)
        table = tables[resource]
        for row, record in zip(table.rows, nested[resource]):
            json_path, csv_path = folder / f"{row['id']}.json", folder / f"{row['id']}.csv"
            json_path.write_bytes((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            csv_path.write_bytes(csv_bytes(table, [row]))
            written += [json_path, csv_path]
    return written
