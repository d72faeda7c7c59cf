"""Full-text search over the site: Pagefind, served from the site itself.

Pagefind indexes what each page's `data-pagefind-body` holds (the content block of the
theme override: never the nav or footer), skips `data-pagefind-ignore`, and splits its
index into fragments, so a query fetches a few chunks instead of one whole index. Each
language gets its own index from the page's `<html lang>`. Its binary comes with the
PyPI package `pagefind[bin]`: nothing is fetched at build or view time.

Pagefind reads a copy of each page's body (`lean`), at the page's path, instead of the
whole built page: the body is all it keeps, and without the layout it reads a sixth of
the bytes. The copies are written while the engine runs, and Pagefind runs while the
record pages are stamped; the pages only the engine's output holds (hand-written ones)
are given whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from markupsafe import escape

from generator.outfolder import BuildError
from generator.render.pages import MARKDOWN_SLOT, SEARCH_BUNDLE, Page

FOLDER = SEARCH_BUNDLE.rstrip("/")  # in the site: pagefind.js, its index fragments and the word filters
# Diary and decision numbers ("803-1303/2016", "KS 2016/123") are found whole, not as loose digits.
WORD_CHARACTERS = "-/"


def lean(page: Page) -> str:
    """A generated page as Pagefind reads it: its language and the body the built page holds."""
    return (f'<!doctype html><html lang="{page.lang}"><head><meta charset="utf-8"><title>{escape(page.title)}</title>'
            f'</head><body><div data-pagefind-body>\n{page.html.replace(MARKDOWN_SLOT, "")}\n</div></body></html>\n')


def write(source: Path, items: list[tuple[str, str]]) -> None:
    """Pages for Pagefind: (path in the site, HTML)."""
    for rel, text in items:
        path = os.path.join(source, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)


def start(source: Path, site: Path) -> subprocess.Popen:
    """Start indexing the pages under `source` into `site`/pagefind."""
    command = [sys.executable, "-m", "pagefind", "--site", str(source), "--output-path", str(site / FOLDER),
               f"--include-characters={WORD_CHARACTERS}", "--silent"]
    try:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as exc:
        raise BuildError(f"Pagefind could not be started: {exc}") from exc


def finish(process: subprocess.Popen, site: Path) -> None:
    """Wait for the index; a failure fails the build."""
    out, err = process.communicate()
    if process.returncode != 0:
        lines = [line for line in (err + out).splitlines() if line.strip()]
        hint = " (install it with: pip install -e .)" if "No module named pagefind" in err else ""
        raise BuildError("Pagefind failed" + hint + ": " + "\n".join(lines[-10:]))
    entry = site / FOLDER / "pagefind-entry.json"  # its languages come in any order: sorted, the same data builds the same bytes
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, ensure_ascii=False,
                                separators=(",", ":")), encoding="utf-8")
