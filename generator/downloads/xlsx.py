"""The workbook for Excel users: an explanation sheet, then one sheet per resource.

Swedish Excel misreads a comma-separated UTF-8 file, so this is the download to point
Excel users at. Numbers and dates are real number and date cells; text is stored as
text (data type `s`), so `=HYPERLINK(...)` stays inert and reads exactly as written,
with no apostrophe. The document dates are the data version's, not the clock's.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from generator.downloads.archive import normalised
from generator.downloads.release import Release
from generator.downloads.tables import Table

ABOUT_SHEET = "Om uppgifterna"


def _cell(sheet, value, kind: str | None = None, bold: bool = False):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text begins with
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    if bold:
        cell.font = Font(bold=True)
    return cell


def about_rows(tables: dict[str, Table], meta: dict) -> list[list]:
    """The first sheet: what the data is, its licence and version, and every column explained."""
    rows = [
        [meta["title"]], [meta.get("title_en", "")], [],
        ["Version", meta["version"]],
        ["Licens / Licence", meta["licence"]],
        ["Utgivare / Publisher", meta.get("publisher", "")],
        ["Citera / Cite", meta.get("citation", "")],
    ]
    if meta.get("example_data"):
        rows.append(["Obs / Note", "Innehåller påhittade exempeluppgifter (kolumnen example = true). "
                                   "Contains invented example values (column example = true)."])
    rows += [[], ["Blad / Sheet", "Kolumn / Column", "Titel", "Title", "Typ / Type", "Krävs / Required",
                  "Beskrivning", "Description"]]
    for table in tables.values():
        for f in table.fields:
            rows.append([table.resource, f["name"], f.get("title", ""), f.get("title_en", ""), f["type"],
                         "ja / yes" if f.get("constraints", {}).get("required") else "",
                         f.get("description", ""), f.get("description_en", "")])
    return rows


def workbook_bytes(tables: dict[str, Table], release: Release) -> bytes:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    meta, date = release.meta(), release.date
    book = Workbook(write_only=True)
    stamp = dt.datetime.combine(date or dt.date(1980, 1, 1), dt.time())
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = meta.get("publisher") or "portal"
    book.properties.title = meta["title"]
    about = book.create_sheet(ABOUT_SHEET)
    for i, row in enumerate(about_rows(tables, meta)):
        about.append([_cell(about, v, bold=i == 0 or (row and row[0] == "Blad / Sheet")) for v in row])
    for table in tables.values():
        sheet = book.create_sheet(table.resource)
        sheet.freeze_panes = "A2"
        sheet.append([_cell(sheet, name, bold=True) for name in table.names])
        kinds = [f["type"] for f in table.fields]
        for row in table.rows:
            sheet.append([_cell(sheet, row[n], k) for n, k in zip(table.names, kinds)])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()  # not save(): that stamps the clock's time
    return normalised(buffer.getvalue(), date)


def write_workbook(tables: dict[str, Table], release: Release, path: Path) -> Path:
    path.write_bytes(workbook_bytes(tables, release))
    return path

