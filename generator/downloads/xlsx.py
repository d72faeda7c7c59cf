"""The workbook for Excel users: an explanation sheet, then one sheet per resource.

Swedish Excel misreads a comma-separated UTF-8 file, so this is the download to point
Excel users at. A downloadable document falls under the Swedish accessibility law (lag
2018:1937, WCAG 2.1 AA through EN 301 549), so the workbook is made to be read with a
screen reader: every sheet named, every block of data an Excel table (a ListObject with
its header row, which assistive technology announces), the header frozen, columns wide
enough to read, the document's title and language (sv-SE) set, and a first sheet that
says what the data is, its licence, and every column (the data dictionary, as a table).
Numbers and dates are real number and date cells; text is always written as a text
cell, so `=HYPERLINK(...)` stays inert and reads exactly as written, with no
apostrophe. The document's dates and the zip entries' are the data version's, not the
clock's, so the same data gives the same bytes.

XlsxWriter writes the package. Its constant-memory mode cannot make Excel tables
(`add_table` is refused in it, as its documentation says), and the tables are what a
screen reader announces, so the workbook is written in its default mode, which holds
the cells until the file is closed. It has no setting for the document's language:
that one element is added to `docProps/core.xml` as the package is stamped.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import xlsxwriter

from generator.downloads.archive import zip_bytes
from generator.downloads.dictionary import COLUMNS, dictionary_rows
from generator.downloads.release import Release
from generator.downloads.tables import Table
from generator.entities import schema_descriptor

ABOUT_SHEET = "Om uppgifterna"
DICTIONARY_TABLE = "Dataordbok"
LANGUAGE = "sv-SE"
WIDTHS = (8, 60)  # narrowest and widest column, in characters
WIDTH_SAMPLE = 500  # rows looked at for a column's width: the width of 10,000 rows is not worth their time
DIGIT_PIXELS = 7  # a character of the default font, in pixels: a width given in pixels is stored exactly
TABLE_STYLE = "Table Style Light 9"
_CORE = "docProps/core.xml"
_CREATED = b"<dcterms:created"


def about_rows(tables: dict[str, Table], meta: dict) -> tuple[list[list], int]:
    """The first sheet: what the data is, its licence and version, each sheet, then every column explained.

    Returns the rows and the index of the data dictionary's header row (the table starts there).
    """
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
    rows.append([])
    for table in tables.values():
        schema = schema_descriptor(table.resource)
        rows.append(["Blad / Sheet", table.resource,
                     f"{schema.get('title', table.resource)} / {schema.get('title_en', table.resource)}: "
                     f"{len(table.rows)} rader / rows"])
    rows += [[], ["Dataordbok / Data dictionary", "Varje kolumn i varje blad förklaras i tabellen nedan. "
                                                  "Every column of every sheet is explained in the table below."]]
    header = len(rows)
    rows.append([heading for _, heading in COLUMNS])
    rows += [[row[name] for name, _ in COLUMNS] for row in dictionary_rows(tables)]
    return rows, header


def _widths(rows: list[list], columns: int) -> list[int]:
    """Each column as wide as its longest value in the rows looked at, within WIDTHS."""
    longest = [0] * columns
    for row in rows[:WIDTH_SAMPLE]:
        for n, value in enumerate(row):
            text = value.isoformat() if isinstance(value, dt.date) else str(value if value is not None else "")
            longest[n] = max(longest[n], len(text))
    return [min(max(w + 2, WIDTHS[0]), WIDTHS[1]) for w in longest]


class _Writer:
    """Typed cells into one workbook: text always as text (never a formula or a link), dates as dates."""

    def __init__(self, book: xlsxwriter.Workbook):
        self.book = book
        self.date = book.add_format({"num_format": "yyyy-mm-dd"})
        self.bold = book.add_format({"bold": True})

    def row(self, sheet, number: int, values: list, bold: bool = False) -> None:
        style = self.bold if bold else None
        for column, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(number, column, value, style)
            elif isinstance(value, bool):
                sheet.write_boolean(number, column, value, style)
            elif isinstance(value, dt.date):
                sheet.write_datetime(number, column, value, self.date)
            else:
                sheet.write_number(number, column, value, style)

    def sheet(self, name: str, table: str, rows: list[list], header: int, frozen: bool) -> None:
        """A sheet whose rows from `header` on are one Excel table, at least one data row long."""
        sheet = self.book.add_worksheet(name)
        width = max((len(r) for r in rows), default=1)
        # The table's columns, and the labels in the first column above it; longer text above it may overflow.
        sized = [row[:1] for row in rows[:header]] + rows[header:]
        for n, chars in enumerate(_widths(sized, width)):
            sheet.set_column_pixels(n, n, chars * DIGIT_PIXELS)
        if frozen:
            sheet.freeze_panes(1, 0)
        for number, values in enumerate(rows[:header]):
            self.row(sheet, number, values, bold=number == 0)
        for number, values in enumerate(rows[header + 1:], start=header + 1):
            self.row(sheet, number, values)
        headings = rows[header]
        sheet.add_table(header, 0, max(len(rows) - 1, header + 1), len(headings) - 1, {
            "name": table, "style": TABLE_STYLE,
            "columns": [{"header": h, "header_format": self.bold} for h in headings]})


def _stamped(package: bytes, date: dt.date) -> bytes:
    """The package with its language in the core properties and every entry dated `date`."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        parts = [(name, archive.read(name)) for name in archive.namelist()]
    language = f"<dc:language>{LANGUAGE}</dc:language>".encode()
    return zip_bytes([(name, data.replace(_CREATED, language + _CREATED, 1) if name == _CORE else data)
                      for name, data in parts], date)


def _date(release: Release) -> dt.date:
    """The data version's date; without one the build's (SOURCE_DATE_EPOCH), never the clock's."""
    if release.date is not None:
        return release.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date(1980, 1, 1)


def workbook_bytes(tables: dict[str, Table], release: Release) -> bytes:
    meta, date = release.meta(), _date(release)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                        "strings_to_numbers": False})
    book.set_properties({"title": meta["title"], "subject": meta.get("title_en", ""),
                         "author": meta.get("publisher") or "portal",
                         "created": dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)})
    writer = _Writer(book)
    about, header = about_rows(tables, meta)
    writer.sheet(ABOUT_SHEET, DICTIONARY_TABLE, about, header, frozen=False)
    for table in tables.values():
        names = table.names
        writer.sheet(table.resource, table.resource, [names] + [[row[name] for name in names] for row in table.rows],
                     0, frozen=True)
    book.close()
    return _stamped(buffer.getvalue(), date)


def write_workbook(tables: dict[str, Table], release: Release, path: Path) -> Path:
    path.write_bytes(workbook_bytes(tables, release))
    return path
