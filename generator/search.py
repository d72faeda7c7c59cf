"""Full-text search over the site: Pagefind, served from the site itself.

Pagefind indexes what each page's `data-pagefind-body` holds (the content block of the
theme override: never the nav or footer), skips `data-pagefind-ignore`, and splits its
index into fragments, so a query fetches a few chunks instead of one whole index. Each
language gets its own index from the page's `<html lang>`. Its binary comes with the
PyPI package `pagefind[bin]`: nothing is fetched at build or view time.

Pagefind reads a copy of each page's body (`lean`), at the page's path, instead of the
whole built page: the body is all it keeps, and without the layout it reads a sixth of
the bytes. The copies are written while the engine runs, one folder per language, and
Pagefind runs while the record pages are stamped; the pages only the engine's output
holds (hand-written ones) are given whole.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterable

from markupsafe import escape

from generator.outfolder import BuildError
from generator.addresses import SEARCH_BUNDLE
from generator.render.pages import MARKDOWN_SLOT, Page

FOLDER = SEARCH_BUNDLE.rstrip("/")  # in the site: pagefind.js, its index fragments and the word filters
# Diary and decision numbers ("803-1303/2016", "KS 2016/123") are found whole, not as loose digits.
WORD_CHARACTERS = "-/"


def lean(page: Page) -> str:
    """A generated page as Pagefind reads it: its language and the body the built page holds."""
    return (f'<!doctype html><html lang="{page.lang}"><head><meta charset="utf-8"><title>{escape(page.title)}</title>'
            f'</head><body><div data-pagefind-body>\n{page.html.replace(MARKDOWN_SLOT, "")}\n</div></body></html>\n')


def write(source: Path, items: Iterable[tuple[str, str]]) -> None:
    """Pages for Pagefind: (path in the site, HTML), made one at a time (all at once they are a third of a build's
    memory at 10,000 trips)."""
    for rel, text in items:
        path = os.path.join(source, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)


class Indexing:
    """Pagefind over each language's page copies, one language after the other, beside the stamping.

    Pagefind gives each language an index of its own (`pagefind.<lang>_*.pf_meta`, its
    fragments) and lists them in `pagefind-entry.json`; run on one language at a time it
    holds half the memory (at 10,000 trips, 1.4 GB for both at once), and the entries
    of the runs together are the one it writes for the whole site. No thread waits for
    a run (a process with threads cannot fork its jobs, `background.Job`): the next
    language starts when the build looks in (`poll`) or waits (`finish`).
    """

    def __init__(self, sources: list[Path], site: Path):
        self._waiting, self._output = list(sources), site / FOLDER
        self._process: subprocess.Popen | None = None
        self._source: Path | None = None
        self._languages: dict = {}
        self._rest: dict = {}
        self._next()

    def _next(self) -> None:
        self._source = self._waiting.pop(0)
        command = [sys.executable, "-m", "pagefind", "--site", str(self._source), "--output-path", str(self._output),
                   f"--include-characters={WORD_CHARACTERS}", "--silent"]
        try:
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as exc:
            raise BuildError(f"Pagefind could not be started: {exc}") from exc

    def _read(self) -> None:
        """The running language's index: its entry kept, its page copies deleted; a failure fails the build."""
        out, err = self._process.communicate()
        code, self._process = self._process.returncode, None
        if code != 0:
            lines = [line for line in (err + out).splitlines() if line.strip()]
            hint = " (install it with: pip install -e .)" if "No module named pagefind" in err else ""
            raise BuildError(f"Pagefind failed (exit code {code}){hint}: " + "\n".join(lines[-10:]))
        entry = self._output / "pagefind-entry.json"
        try:
            found = json.loads(entry.read_text(encoding="utf-8"))
            self._languages.update(found.pop("languages"))
        except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:
            raise BuildError(f"Pagefind left no index of the {self._source.name} pages that can be read "
                             f"({entry.name}: {exc})") from exc
        self._rest = found
        shutil.rmtree(self._source, ignore_errors=True)  # read: its 20,000 files at 10,000 trips go while the rest works

    def _advance(self) -> None:
        """Read the running language's index (waiting for it) and start the next language's run."""
        self._read()
        if self._waiting:
            self._next()

    def poll(self) -> None:
        """Start the next language's run if the running one is done (the build calls it between its steps)."""
        if self._process is not None and self._process.poll() is not None:
            self._advance()

    def finish(self) -> None:
        """Wait for every language's index and write the entry listing them all; a failure fails the build."""
        while self._process is not None:
            self._advance()
        entry = {**self._rest, "languages": self._languages}  # sorted: the same data builds the same bytes
        (self._output / "pagefind-entry.json").write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False,
                                                                     separators=(",", ":")), encoding="utf-8")

    def stop(self) -> None:
        """Stop indexing (the build failed): the running Pagefind is killed, none other starts."""
        self._waiting.clear()
        if self._process is not None:
            self._process.kill()
            self._process.communicate()
            self._process = None
