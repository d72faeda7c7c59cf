"""CSV: one file per resource, RFC 4180, UTF-8 without BOM, safe to open in a spreadsheet.

Numbers, dates and booleans are written plainly (`.` decimals, ISO dates, true/false);
only text columns are neutralised (see `tables.neutralise`), so numbers stay numbers.
"""

from __future__ import annotations

from pathlib import Path

from generator.downloads.tables import Table


def csv_bytes(table: Table) -> bytes:
    """The table as CSV: header row, CRLF line ends, minimal quoting."""
    return "".join(table.csv_lines).encode("utf-8")


def write_csvs(tables: dict[str, Table], out_dir: Path) -> list[Path]:
    written = []
    for table in tables.values():
        path = out_dir / f"{table.resource}.csv"
        path.write_bytes(csv_bytes(table))
        written.append(path)
    return written
