"""CSV: one file per resource, RFC 4180, UTF-8 without BOM, safe to open in a spreadsheet.

Numbers, dates and booleans are written plainly (`.` decimals, ISO dates, true/false);
only text columns are neutralised (see `tables.neutralise`), so numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.downloads.tables import Table, cell_text


def csv_bytes(table: Table, rows: list[dict] | None = None) -> bytes:
    """The table (or some of its rows) as CSV: header row, CRLF line ends, minimal quoting."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    columns = list(zip(table.names, [f["type"] for f in table.fields]))
    writer.writerow(table.names)
    for row in table.rows if rows is None else rows:
        writer.writerow([cell_text(row[name], kind) for name, kind in columns])
    return out.getvalue().encode("utf-8")


def write_csvs(tables: dict[str, Table], out_dir: Path) -> list[Path]:
    written = []
    for table in tables.values():
        path = out_dir / f"{table.resource}.csv"
        path.write_bytes(csv_bytes(table))
        written.append(path)
    return written
