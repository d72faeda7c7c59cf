"""Every figure the site shows is a row of the totals table (`totals.csv`), so a new figure cannot appear on a page
without its row, and page and file cannot disagree.

The built pages are read as a reader sees them: every numeric cell of every table on the start page, the trips
page, the cost pages, the comparison, the climate page, the list of bodies and every body's page is looked up in
`data/latest/totals.csv` among the rows of the municipality the table (its caption, column or row) names: the
amount it shows, its partial mark (`ofullst.: 2 av 9 organ` must be a partial row with 2 of 9 parts) and its
preliminary mark. A cell reading uppgift saknas needs an unknown row. A membership page's fee per year is looked
up in `membership_fees.csv` (a membership's own figure). Tables that list records, whose figures are the
records' own columns, are named in `RECORD_TABLES` with where their numbers are.
"""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from pathlib import Path

from test_site_build import sample_site  # noqa: F401

PAGES = ["", "resor", "kostnader", "kostnader/organ", "kostnader/kategori", "kostnader/land", "kostnader/resenar",
         "jamforelse", "klimat", "organ"]
RECORD_TABLES = {  # caption (start) -> where the figures are instead
    "De senaste resorna": "trips.csv (a trip's own cost)",
    "Resor som organet ansvarat för": "trips.csv",
    "Resmål för": "trip_destinations.csv (trips per destination on the map)",
    "Resor till organisationens evenemang": "trips.csv",
    "Forum och arbetsgrupper": "membership_forums.csv",
    "Utsläppsfaktorer": "the factors of the method, trips.csv's emission columns",
    "Kommunernas styrdokument": "municipalities.csv and agreements.csv (a policy, the twin agreements in force)",
    "Kommunernas folkmängd": "municipalities.csv (population)",
}
PARTIAL = re.compile(r"\(ofullst\.: (\d+) av (\d+) (organ|organår|medlemskap)\)")
UNITS = {"organ": "body", "organår": "body_year", "medlemskap": "membership"}


class _Tables(HTMLParser):
    """Each table: caption, header texts and rows of cells (text, data-sort, numeric)."""

    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []
        self._cell = self._caption = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "caption":
            self._caption = ""
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = ["", attrs.get("data-sort"), "portal-num" in (attrs.get("class") or "")]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["rows"][-1].append((self._cell[0].strip(), self._cell[1], self._cell[2]))
            self._cell = None
        elif tag == "caption" and self._caption is not None:
            self.tables[-1]["caption"], self._caption = self._caption.strip(), None

    def handle_data(self, data):
        if self._caption is not None:
            self._caption += data
        elif self._cell is not None:
            self._cell[0] += data


def page_tables(site: Path, url: str) -> list[dict]:
    parser = _Tables()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser.tables


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def number(text: str) -> float | None:
    return None if text == "" else float(text)


def found(rows: list[dict], text: str, sort: str, column: str = "value") -> bool:
    """Whether one of `rows` is the figure a cell shows: its value (or its preliminary part), and its marks."""
    value = number(sort)
    mark = PARTIAL.search(text)
    for row in rows:
        shown = number(row[column])
        if value is None:
            if shown is None and text.startswith("uppgift saknas"):
                return True
            continue
        if shown is None or abs(shown - value) > 0.006:
            continue
        if mark and not (row["partial"] == "true" and (row["parts_reported"], row["parts_total"]) == mark.groups()[:2]
                         and row["parts_unit"] == UNITS[mark.group(3)]):
            continue
        if not mark and row["partial"] == "true":
            continue
        if "(prel.)" in text and row["preliminary"] != "true":
            continue
        return True
    return False


def test_every_figure_on_the_site_is_a_row_of_the_totals_table(sample_site):
    latest = sample_site / "data" / "latest"
    totals = read(latest / "totals.csv")
    names = {r["name"]: r["id"] for r in read(latest / "municipalities.csv")}
    bodies = {r["id"]: r["municipality_id"] for r in read(latest / "bodies.csv")}
    pages = PAGES + [f"organ/{b}" for b in bodies]
    missing, checked = [], 0
    for url in pages:
        for table in page_tables(sample_site, url):
            if table["caption"].startswith(tuple(RECORD_TABLES)):
                continue
            header = [text for text, _, _ in table["rows"][0]]
            for row in table["rows"][1:]:
                for i, (text, sort, numeric) in enumerate(row):
                    if not numeric or sort is None:
                        continue
                    where = " ".join([table["caption"], header[i] if i < len(header) else "", row[0][0]]
                                     + [t for t, _, num in row if not num])
                    ms = {m for name, m in names.items() if name in where}
                    if url.startswith("organ/"):
                        ms = {bodies[url.split("/")[1]]}
                    candidates = [r for r in totals if not ms or r["municipality_id"] in ms]
                    checked += 1
                    column = "preliminary_value" if row[0][0] == "varav preliminärt" else "value"
                    if not found(candidates, text, sort, column):
                        missing.append((url, table["caption"], header[i] if i < len(header) else "", row[0][0], text))
    assert checked > 200
    assert not missing, "\n".join(map(str, missing))


def test_a_membership_page_shows_its_fees_per_year_from_the_downloads(sample_site):
    fees = {(r["membership_id"], r["year"]): r["fee_sek_computed"]
            for r in read(sample_site / "data" / "latest" / "membership_fees.csv")}
    checked = 0
    for membership in {m for m, _ in fees}:
        for table in page_tables(sample_site, f"medlemskap/{membership}"):
            if table["caption"].startswith("Avgift per år"):
                for row in table["rows"][1:]:
                    year, (text, sort, _) = row[0][0], row[1]
                    assert number(sort) == number(fees[(membership, year)] or ""), (membership, year, text)
                    checked += 1
    assert checked
