"""The page Räkna själv (and its English twin): every snippet on it, run against the built downloads, gives the
table printed below it, and the first one gives what the site's trips page shows.

The snippets are taken from the built page, as a reader copies them: each code block is a snippet (Python when
it starts with `import`, DuckDB SQL otherwise), and the table after it is its result. The SQL runs in DuckDB,
the Python with pandas, in `data/latest/` of the built site.
"""

from __future__ import annotations

import contextlib
import io
import math
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from test_site_build import sample_site  # noqa: F401
from test_site_figures import tables


class _Snippets(HTMLParser):
    """The page's code blocks and tables, in order: ("code", text) and ("table", rows of cell texts)."""

    def __init__(self):
        super().__init__()
        self.items: list[tuple[str, object]] = []
        self._code = self._cell = None
        self._in_pre = False

    def handle_starttag(self, tag, attrs):
        if tag == "code" and self._in_pre:
            self._code = ""
        elif tag == "pre":
            self._in_pre = True
        elif tag == "table":
            self.items.append(("table", []))
        elif tag == "tr" and self.items and self.items[-1][0] == "table":
            self.items[-1][1].append([])
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "code" and self._code is not None:
            self.items.append(("code", self._code))
            self._code = None
        elif tag == "pre":
            self._in_pre = False
        elif tag in ("td", "th") and self._cell is not None:
            self.items[-1][1][-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data):
        if self._code is not None:
            self._code += data
        elif self._cell is not None:
            self._cell += data


def snippets(site: Path, url: str) -> list[tuple[str, list[list[str]]]]:
    """Each snippet of the page with the table shown as its result (header row first)."""
    parser = _Snippets()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    items = parser.items
    found = [(code, items[i + 1][1]) for i, (kind, code) in enumerate(items) if kind == "code"]
    assert all(items[i + 1][0] == "table" for i, (kind, _) in enumerate(items) if kind == "code"), url
    return found


def cell(value) -> str:
    """A result's value as the page's table writes it: empty for unknown, true/false, 86200 not 86200.0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def run(snippet: str, folder: Path) -> list[list[str]]:
    """The snippet's result, header first, as cell texts: a DuckDB query, or Python leaving a DataFrame `result`."""
    with contextlib.chdir(folder):
        if snippet.lstrip().startswith("import"):
            scope: dict = {}
            with contextlib.redirect_stdout(io.StringIO()):
                exec(snippet, scope)  # noqa: S102 - the page's own snippet, the reason for the test
            frame = scope["result"].sort_values("municipality_id")
            return [list(frame.columns)] + [[cell(v) for v in row] for row in frame.itertuples(index=False)]
        relation = duckdb.sql(snippet)
        return [list(relation.columns)] + [[cell(v) for v in row] for row in relation.fetchall()]


@pytest.mark.parametrize("url", ["rakna-sjalv", "en/rakna-sjalv"])
def test_every_snippet_gives_the_result_the_page_shows(sample_site, url):
    found = snippets(sample_site, url)
    assert len(found) >= 4
    for snippet, shown in found:
        assert run(snippet, sample_site / "data" / "latest") == shown, snippet


def test_the_first_snippet_gives_the_trips_page_figures(sample_site):
    """Malmö's and Stockholm's trip costs of 2025 as the trips page shows them: the amount (uppgift saknas when
    unknown) and how many bodies reported."""
    snippet, _ = snippets(sample_site, "rakna-sjalv")[0]
    header, *rows = run(snippet, sample_site / "data" / "latest")
    assert header == ["municipality_id", "value", "partial", "parts_reported", "parts_total"]
    by_year = tables(sample_site, "resor")["Resor per år"]
    names = [text for text, _ in by_year[0]]
    row = next(r for r in by_year if r[0][0] == "2025")
    for municipality, name in (("malmo", "Malmö stad"), ("stockholm", "Stockholms stad")):
        value, partial, reported, total = next(r[1:] for r in rows if r[0] == municipality)
        text, sort = row[names.index(f"Kostnad, {name}")]
        assert sort == ("" if value == "" else f"{float(value):.2f}"), (municipality, text)
        assert (f"(ofullst.: {reported} av {total} organ)" in text) == (partial == "true"), text
        assert row[names.index(f"Rapporterat, {name}")][0] == f"{reported} av {total} organ"
        assert (text == "uppgift saknas") == (value == "")
