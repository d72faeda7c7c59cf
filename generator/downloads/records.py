"""One JSON and one CSV file per record, for the record pages to link.

The JSON is the record as `trips.json` etc. hold it (children inside); the CSV is the
record's row of its table. URLs are built here from the stable id only, so the
record pages and this writer cannot disagree.
"""

from __future__ import annotations

from pathlib import Path

from generator.downloads.jsonfile import record_lines
from generator.downloads.tables import Table
from generator.model import Agreement, Body, Membership, Organisation, Person, Trip

RECORD_RESOURCES = {Trip: "trips", Membership: "memberships", Agreement: "agreements",
                    Organisation: "organisations", Body: "bodies", Person: "people"}


def record_download_urls(record) -> dict[str, str]:
    """{"json": ..., "csv": ...}: a record's downloads, relative to the site root (no leading /)."""
    resource = RECORD_RESOURCES[type(record)]
    return {fmt: f"data/records/{resource}/{record.id}.{fmt}" for fmt in ("json", "csv")}


def write_records(tables: dict[str, Table], site_dir: Path, records: dict[str, list[str]] | None = None,
                  only: set[tuple[str, str]] | None = None) -> list[Path]:
    """Each record's JSON (compact, one line: browsers indent it) and CSV; `records`: their JSON lines, already made.

    `only` (resource, id): just these records (a withdrawn record's files, from the last version that held it)."""
    written = []
    records = records or record_lines(tables)
    for resource in RECORD_RESOURCES.values():
        folder = site_dir / "data" / "records" / resource
        folder.mkdir(parents=True, exist_ok=True)
        table = tables[resource]
        header = table.csv_lines[0]
        for row, csv_line, json_line in zip(table.rows, table.csv_lines[1:], records[resource]):
            if only is not None and (resource, row["id"]) not in only:
                continue
            json_path, csv_path = folder / f"{row['id']}.json", folder / f"{row['id']}.csv"
            json_path.write_bytes((json_line + "\n").encode("utf-8"))
            csv_path.write_bytes((header + csv_line).encode("utf-8"))
            written += [json_path, csv_path]
    return written
