"""The workbook as an accessible document, read back with openpyxl and converted by LibreOffice.

A downloadable workbook falls under the Swedish accessibility law: named sheets, each
block of data an Excel table with its header row, the header frozen, readable column
widths, title and language set, and a first sheet explaining the licence and every column
(the data dictionary, the same rows as datadictionary.csv).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess

import pytest

from conftest import SAMPLE_VERSION
from generator.entities import PUBLISHED
from test_downloads_formats import downloads, expected, keyed, kinds, read_csv, schema  # noqa: F401

LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
ALL_SHEETS_AS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _letters(n: int) -> str:
    name = ""
    while n:
        n, rest = divmod(n - 1, 26)
        name = chr(65 + rest) + name
    return name


@pytest.fixture(scope="module")
def book(downloads):  # noqa: F811
    import openpyxl

    return openpyxl.load_workbook(downloads / "data" / "latest" / "portal.xlsx")


def test_every_sheet_is_named_and_its_data_an_excel_table(book, downloads):  # noqa: F811
    assert book.sheetnames == ["Om uppgifterna", *PUBLISHED]
    for resource in PUBLISHED:
        names, rows = read_csv(downloads / "data" / "latest" / f"{resource}.csv")
        sheet = book[resource]
        assert list(sheet.tables) == [resource]
        table = sheet.tables[resource]
        assert table.ref == f"A1:{_letters(len(names))}{max(len(rows) + 1, 2)}", resource
        assert table.headerRowCount == 1 and [c.name for c in table.tableColumns] == names
        assert [c.value for c in sheet[1]] == names  # the table's header row is the sheet's first row
        assert sheet.freeze_panes == "A2"
        widths = [sheet.column_dimensions[_letters(n)].width for n in range(1, len(names) + 1)]
        assert all(8 <= w <= 60 for w in widths), (resource, widths)
    trips = book["trips"]
    title = [c.value for c in trips[1]].index("title") + 1
    assert trips.column_dimensions[_letters(title)].width > 20  # titles are long: the column says so


def test_document_title_language_and_first_sheet(book, downloads):  # noqa: F811
    assert book.properties.language == "sv-SE" and book.properties.title.startswith("Internationellt arbete")
    about = book["Om uppgifterna"]
    text = "\n".join(str(c.value) for row in about.iter_rows() for c in row if c.value)
    assert "CC0-1.0" in text and SAMPLE_VERSION in text and "Resor / Trips" in text
    (name, ref), = about.tables.items()
    assert name == "Dataordbok"
    cells = [[c.value if c.value is not None else "" for c in row] for row in about[ref]]
    with open(downloads / "data" / "latest" / "datadictionary.csv", encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert len(cells) == len(rows) + 1 and cells[0][:2] == ["Tabell / Table", "Kolumn / Column"]
    assert [r[:7] for r in cells[1:]] == [r[:7] for r in rows]  # table, column, titles, type, required, unit


def test_data_dictionary_csv_explains_every_published_column(downloads):  # noqa: F811
    latest = downloads / "data" / "latest"
    header, rows = read_csv(latest / "datadictionary.csv", "municipalities")
    assert header[:4] == ["table", "field", "title_sv", "title_en"]
    listed = [(r["table"], r["field"]) for r in rows]
    assert listed == [(resource, name) for resource in PUBLISHED for name in read_csv(latest / f"{resource}.csv")[0]]
    amount = next(r for r in rows if (r["table"], r["field"]) == ("costs", "amount_sek"))
    assert amount["unit"] == "SEK" and amount["required"] == "yes" and amount["description_en"]
    trip_id = next(r for r in rows if (r["table"], r["field"]) == ("costs", "trip_id"))
    assert trip_id["key"] == "foreign key trips.id"
    category = next(r for r in rows if (r["table"], r["field"]) == ("costs", "category"))
    assert "per_diem (" in category["allowed_values"]


def test_libreoffice_reads_every_sheet_as_written(downloads, expected, tmp_path):  # noqa: F811
    """One conversion (every sheet to CSV) by an independent office suite: it opens, and every value reads back."""
    assert LIBREOFFICE, "LibreOffice is missing: `make test-deps` installs libreoffice-calc-nogui"
    profile = tmp_path / "profile"  # its own profile: runs beside another office process do not clash
    done = subprocess.run([LIBREOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           ALL_SHEETS_AS_CSV, "--outdir", str(tmp_path), str(downloads / "data/latest/portal.xlsx")],
                          capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "portal-Om uppgifterna.csv").is_file(), done.stdout + done.stderr
    for resource, rows in expected.items():
        text = (tmp_path / f"portal-{resource}.csv").read_text(encoding="utf-8")
        header, *body = list(csv.reader(io.StringIO(text, newline="")))
        flags = {c for c, t in kinds(resource).items() if t == "boolean"}
        read = [{c: v.lower() if c in flags else v for c, v in zip(header, row)} for row in body]
        assert keyed(resource, read) == rows, resource


OFFICE_TYPES = {"number": "float", "integer": "float", "date": "date", "string": "string", "boolean": "float"}
"""The kind of cell LibreOffice reads for each schema type (its office:value-type; a truth value is a number shown
as TRUE or FALSE, as Excel's are)."""
ODF = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
       "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}


def _sheet_cells(table) -> list[list[tuple[str | None, str]]]:
    """(value type, text) of each cell of each row of an ODF table, repeated cells spelled out."""
    rows = []
    for row in table.iter(f"{{{ODF['table']}}}table-row"):
        cells = []
        for cell in row.findall("table:table-cell", ODF):
            repeated = min(int(cell.get(f"{{{ODF['table']}}}number-columns-repeated", "1")), 200)
            cells += [(cell.get(f"{{{ODF['office']}}}value-type"), " ".join("".join(cell.itertext()).split()))] * repeated
        rows.append(cells)
    return rows


def test_libreoffice_reads_each_column_as_the_type_its_schema_says(downloads, tmp_path):  # noqa: F811
    """Numbers are numbers, dates dates and codes text (an agenda item 7.2 stays the text 7.2), as an office suite
    reads the workbook: no column a reader must convert before adding it up."""
    import xml.etree.ElementTree as ET

    assert LIBREOFFICE, "LibreOffice is missing: `make test-deps` installs libreoffice-calc-nogui"
    done = subprocess.run([LIBREOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                           "--convert-to", "fods", "--outdir", str(tmp_path), str(downloads / "data/latest/portal.xlsx")],
                          capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    sheets = {t.get(f"{{{ODF['table']}}}name"): t for t in ET.parse(tmp_path / "portal.fods").getroot()
              .iter(f"{{{ODF['table']}}}table")}
    checked, wrong = 0, []
    for resource in PUBLISHED:
        if resource not in sheets:
            continue
        header, *body = _sheet_cells(sheets[resource])
        names = [text for _, text in header]
        for column, kind in kinds(resource).items():
            at = names.index(column)
            for row in body:
                found, text = row[at] if at < len(row) else (None, "")
                if text:
                    checked += 1
                    if kind == "boolean" and text not in ("TRUE", "FALSE"):
                        wrong.append((resource, column, kind, found, text))
                    elif found != OFFICE_TYPES[kind] and not (kind == "date" and found == "string" and len(text) < 10):
                        wrong.append((resource, column, kind, found, text))  # a partial date (2016-11) is text
    assert checked > 1000 and wrong == [], wrong[:20]
