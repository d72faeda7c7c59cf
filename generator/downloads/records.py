"""One JSON and one CSV file per record, for the record pages to link.

The JSON is the record as `trips.json` etc. hold it (children inside); the CSV is the
record's row of its table. URLs are built here from the stable id only, so the
record pages and this writer cannot disagree.
"""

from __future__ import annotations

from pathlib import Path

from generator.downloads.jsonfile import record_lines
from generator.downloads.tables import Table
from generator.addresses import RESOURCES, record_files

def record_download_urls(record) -> dict[str, str]:
    """{"json": ..., "csv": ...}: a record's downloads, relative to the site root (no leading /)."""
    return record_files(RESOURCES[type(record)], record.id)


def write_records(tables: dict[str, Table], site_dir: Path, records: dict[str, list[str]] | None = None,
                  only: set[tuple[str, str]] | None = None) -> list[Path]:
    """Each record's JSON (compact, one line: browsers indent it) and CSV; `records`: their JSON lines, already made.

    `only` (resource, id): just these records (a withdrawn record's files, from the last version that held it)."""
    written = []
    records = records or record_lines(tables)
    for resource in RESOURCES.values():
        table = tables[resource]
        header = table.csv_lines[0]
        for row, csv_line, json_line in zip(table.rows, table.csv_lines[1:], records[resource]):
            if only is not None and (resource, row["id"]) not in only:
                continue
            files = record_files(resource, row["id"])
            json_path, csv_path = site_dir / files["json"], site_dir / files["csv"]
            json_path.parent.mkdir(parents=True, exist_ok=True)
            json_path.write_bytes((json_line + "\n").encode("utf-8"))
            csv_path.write_bytes((header + csv_line).encode("utf-8"))
            written += [json_path, csv_path]
    return written
