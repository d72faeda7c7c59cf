"""Building blocks the page templates display: sections, tables, facts, safe report HTML.

Everything here is computed and formatted in Python; the templates only lay it out.
Plain strings are escaped by the templates' autoescaping; `Markup` is used only for
HTML built here from escaped parts (links) or cleaned by nh3 (report texts).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field

import cmarkgfm
import nh3
from markupsafe import Markup, escape

from generator.downloads.tables import FORMULA_STARTS, NEUTRALISER
from generator.entities import fields, labels, schema_descriptor
from generator.figures import Figure, comparable, partial_mark
from generator.render.formatting import (NO_VALUE, NOT_REPORTED, currency_name, format_date, format_date_range,
                                         format_number, format_percent_change, format_sek)
from generator.i18n import current
from generator.i18n import t as _

REPORT_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "a", "blockquote",
               "code", "pre", "br", "hr"}
_HEADING = re.compile(r"<(/?)h([1-6])>")


@dataclass
class Cell:
    text: str | Markup
    sort: str | None = None  # a value the browser sorts by (ISO date, plain number)
    numeric: bool = False
    value: str | None = None  # the value a CSV of the row holds, when neither `sort` nor the text is it (an id, a code)


@dataclass
class Header:
    text: str
    numeric: bool = False
    csv: str = ""  # the column's name in a CSV of the rows: the schema's field name when the column shows that field


def row_html(cells: list[Cell], row_header: bool = False, labels: list[str] | None = None,
             row_id: str | None = None) -> Markup:
    """One table row, every value escaped: `<tr data-id=".."><th scope="row" data-label="..">..</th><td ..>..</td></tr>`.

    `labels` are the column headers, repeated on each cell (`data-label`) for the cards a
    narrow screen shows the rows as; `row_id` is the record's id, the first column of a
    CSV of the rows.
    """
    parts = ["<tr>" if row_id is None else f'<tr data-id="{escape(row_id)}">']
    for i, c in enumerate(cells):
        tag = "th" if row_header and i == 0 else "td"
        parts.append(f"<{tag} scope=\"row\"" if tag == "th" else "<td")
        if c.numeric:
            parts.append(' class="portal-num"')
        if labels:
            parts.append(f' data-label="{escape(labels[i])}"')
        if c.sort is not None:
            parts.append(f' data-sort="{escape(c.sort)}"')
        if c.value is not None:
            parts.append(f' data-value="{escape(c.value)}"')
        parts.append(f">{escape(c.text)}</{tag}>")
    parts.append("</tr>")
    return Markup("".join(parts))


@dataclass
class TableView:
    caption: str
    headers: list[Header]
    rows: list[list[Cell] | Markup]  # cells, or a row already rendered by row_html
    foot: list[Cell] | None = None
    sortable: bool = False  # sorted and filtered in the browser, the rows left downloadable as CSV
    row_headers: bool = False
    searchable: bool = True  # False for lists that repeat what record pages say: keeps the search index small
    ids: list[str] | None = None  # each row's record id (for the CSV of the rows)
    csv_file: str = ""  # the name a CSV of the rows is saved under, without .csv

    @property
    def labels(self) -> list[str]:
        return [h.text for h in self.headers]

    @property
    def body(self) -> Markup:
        """The rows as HTML, one per line."""
        labels = self.labels
        return Markup("".join(
            f"{row if isinstance(row, Markup) else row_html(row, self.row_headers, labels, self.ids and self.ids[i])}\n"
            for i, row in enumerate(self.rows)))

    @property
    def width(self) -> str:
        """How many columns it has, in bands: a narrow screen shows the rows as cards below a width set per band."""
        n = len(self.headers)
        return "narrow" if n <= 3 else "medium" if n <= 5 else "wide" if n <= 8 else "widest"

    @property
    def csv_rule(self) -> str:
        """What the bulk CSV does to text that a spreadsheet would run as a formula (`tables.neutralise`), as JSON
        for the browser: the characters such text starts with, and the prefix that makes it safe."""
        return json.dumps({"starts": list(FORMULA_STARTS) + [NEUTRALISER], "prefix": NEUTRALISER})


@dataclass
class Section:
    heading: str
    text: str | None = None
    facts: list[tuple[str, str | Markup]] | None = None
    table: TableView | None = None
    chart: Markup | None = None
    items: list[str | Markup] | None = None
    empty: str = ""  # what `items` says when empty ("Inga." when not given)
    html: Markup | None = None
    note: str | None = None  # how to read the section: shown, but not searched (the same words on many pages)
    anchor: str = ""  # the heading's id, unique on its page (set when the page is rendered)

    def __post_init__(self):
        self.empty = self.empty or _("Inga.")


@dataclass
class PageView:
    """One generated page: what the template needs, plus where it goes."""
    url: str
    title: str
    example: bool = False
    lead: str | None = None
    intro: Markup | None = None
    facts: list[tuple[str, str | Markup]] | None = None
    sections: list[Section] = field(default_factory=list)
    record: dict | None = None
    hide_toc: bool = False
    title_lang: str | None = None  # the title's language when it is the data's, not the page's (`i18n.data_lang`)
    heading: str | Markup | None = None  # the title as the page's h1 shows it, when parts are marked (another language)


def known(facts: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Facts with a value: a record page lists what the record holds, not what it lacks."""
    return [(name, value) for name, value in facts if value]


def label(resource: str, field_name: str, code: str) -> str:
    """A code's label in the language being rendered (the schema's `x-labels`)."""
    return labels(resource, field_name, current()).get(code, code)


def field_title(resource: str, name: str) -> str:
    """A column's title in the language being rendered (the schema's `title` or `title_en`)."""
    spec = fields(resource).get(name, {})
    return spec.get("title" if current() == "sv" else "title_en", name)


def resource_title(resource: str) -> str:
    """A table's title in the language being rendered."""
    return schema_descriptor(resource).get("title" if current() == "sv" else "title_en", resource)


def purpose_label(code: str) -> str:
    return label("trips", "purposes", code)


def preliminary_mark() -> str:
    return _(" (prel.)")


def preliminary_note() -> str:
    return _("prel. = summan innehåller preliminära belopp, som kan ändras.")


def sek(amount) -> str:
    """An amount, a `Figure` (marked when part of it is preliminary, and when it is partial) or None (uppgift
    saknas)."""
    if isinstance(amount, Figure):
        return (format_sek(amount.value) + (preliminary_mark() if amount.known and amount.preliminary else "")
                + partial_mark(amount))
    return format_sek(amount)


def money(amount, preliminary: bool = False) -> Cell:
    """A table cell for an amount or a `Figure`; an unknown one sorts as empty and reads "uppgift saknas"."""
    value = amount.value if isinstance(amount, Figure) else amount
    text = sek(amount) + (preliminary_mark() if preliminary and value is not None else "")
    return Cell(text, sort="" if value is None else f"{value:.2f}", numeric=True)


def count(n: int | Figure | None) -> Cell:
    """A table cell for a number of things (a `Figure` marked when partial); None (not reported) reads "uppgift
    saknas" and sorts as empty."""
    mark = partial_mark(n) if isinstance(n, Figure) else ""
    n = n.value if isinstance(n, Figure) else n
    return Cell(NOT_REPORTED[current()] if n is None else format_number(n) + mark, sort="" if n is None else str(n),
                numeric=True)


def date(value: dt.date | None) -> str:
    return format_date(value) if value else "–"


def date_cell(value: dt.date) -> Cell:
    return Cell(format_date(value), sort=value.isoformat())


def date_range(start: dt.date, end: dt.date) -> str:
    return format_date_range(start, end)


def partial_date(value: str | None) -> str:
    """A date that may be only a year (`1997`) or a month (`2003-05`)."""
    return format_date(str(value)) if value else "–"


def original_amount(amount: float | None, currency: str | None) -> str:
    """`2 300,00 euro`: the currency by its name, not its code."""
    return f"{format_number(amount, decimals=2)} {currency_name(currency, count=amount)}" if amount else "–"


def change(old: Figure, new: Figure) -> Cell:
    """The change in percent between two figures: only between figures of equal coverage (`figures.comparable`),
    marked as they are when partial; "ej jämförbar" between known figures that cover unlike parts."""
    if old.known and new.known and not comparable(old, new):
        return Cell(_("ej jämförbar"), numeric=True)
    text = format_percent_change(old.value, new.value)
    return Cell(text + partial_mark(new) if text != NO_VALUE else text, numeric=True)


def report_html(text: str | None, below: int = 2) -> Markup | None:
    """A report's Markdown as HTML that cannot carry script: nh3 keeps only text markup.

    CommonMark, read by cmark (C; a hundredth of Python-Markdown's time, and the
    rules GitHub previews a pull request with), which leaves raw HTML and script
    links out; its headings start below the page's heading of level `below` (the
    section's h2 on a trip page), h6 at the deepest.
    """
    if not text:
        return None
    html = cmarkgfm.markdown_to_html(text)
    clean = _report_cleaner().clean(html)
    return Markup(_HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + below - 1, 6)}>", clean))


@functools.cache
def _report_cleaner() -> nh3.Cleaner:
    """Made once: nh3 otherwise prepares its rules again for each of 10,000 reports."""
    return nh3.Cleaner(tags=REPORT_TAGS, attributes={"a": {"href", "title"}}, url_schemes={"http", "https", "mailto"},
                       link_rel="noopener noreferrer nofollow")


def amount_table(caption: str, key_header: str, keys: list[tuple[str | Markup, str]], table, years: list[int]) -> TableView:
    """Rows of `keys` (shown name, key) by year, with a total column and a total row (`figures.Table`)."""
    headers = [Header(key_header)] + [Header(str(y), True) for y in years] + [Header(_("Totalt"), True)]
    rows = [[Cell(name)] + [money(table.cell(key, y)) for y in years] + [money(table.total(key))]
            for name, key in keys]
    foot = [Cell(_("Totalt"))] + [money(table.year_total(y)) for y in years] + [money(table.grand_total())]
    return TableView(caption, headers, rows, foot, row_headers=True)
