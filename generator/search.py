"""Full-text search over the built site: Pagefind, run on the finished HTML, served from the site itself.

Pagefind indexes what each page's `data-pagefind-body` holds (the content block of the
theme override: never the nav or footer), skips `data-pagefind-ignore`, and splits its
index into fragments, so a query fetches a few chunks instead of one whole index. Each
language gets its own index from the page's `<html lang>`. Its binary comes with the
PyPI package `pagefind[bin]`: nothing is fetched at build or view time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.outfolder import BuildError
from generator.render.pages import SEARCH_BUNDLE

FOLDER = SEARCH_BUNDLE.rstrip("/")  # in the site: pagefind.js, its index fragments and the word filters
# Diary and decision numbers ("803-1303/2016", "KS 2016/123") are found whole, not as loose digits.
WORD_CHARACTERS = "-/"


def index(site: Path) -> None:
    """Write the search index into `site`/pagefind; a failure fails the build."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", FOLDER,
               f"--include-characters={WORD_CHARACTERS}", "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True)
    except OSError as exc:
        raise BuildError(f"Pagefind could not be started: {exc}") from exc
    if done.returncode != 0:
        lines = [line for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        hint = " (install it with: pip install -e .)" if "No module named pagefind" in done.stderr else ""
        raise BuildError("Pagefind failed" + hint + ": " + "\n".join(lines[-10:]))
    entry = site / FOLDER / "pagefind-entry.json"  # its languages come in any order: sorted, the same data builds the same bytes
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, ensure_ascii=False,
                                separators=(",", ":")), encoding="utf-8")
