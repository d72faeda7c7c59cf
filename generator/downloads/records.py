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
from generator.outfolder import write_new

def record_download_urls(record) -> dict[str, str]:
    """{"json": ..., "csv": ...}: a record's downloads, relative to the site root (no leading /)."""
    return record_files(RESOURCES[type(record)], record.id)


def write_records(tables: dict[str, Table], site_dir: Path, records: dict[str, list[str]] | None = None,
                  only: set[tuple[str, str]] | None = None, previous: Path | None = None) -> list[Path]:
    """Each record's JSON (compact, one line: browsers indent it) and CSV; `records`: their JSON lines, already made.

    `only` (resource, id): just these records (a withdrawn record's files, from the last version that held it).
    `previous`: the site being replaced, whose file is linked where it holds the same bytes (`outfolder.write_new`)."""
    written = []
    records = records or record_lines(tables)
    for resource in RESOURCES.values():
        table = tables[resource]
        header = table.csv_lines[0]
        for row, csv_line, json_line in zip(table.rows, table.csv_lines[1:], records[resource]):
            if only is not None and (resource, row["id"]) not in only:
                continue
            files = record_files(resource, row["id"])
            for kind, data in (("json", json_line + "\n"), ("csv", header + csv_line)):
                written.append(site_dir / files[kind])
                write_new(str(written[-1]), data.encode("utf-8"), previous and str(previous / files[kind]))
    return written
