"""ARCHITECTURE.md's module table names every module on disk, and only those.

A module added, moved or removed without its row leaves the map wrong where a new
reader starts; this holds the table to `generator/` as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _named() -> set[str]:
    """The paths the module table's first column names (`a/b.py`, `c.py`: c.py is in a/, as the row writes it)."""
    lines = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| module | job |") + 2
    named = set()
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        folder = ""
        for name in re.findall(r"`([^`]+)`", line.split("|")[1]):
            if "/" in name:
                folder = name.rsplit("/", 1)[0] + "/"
            named.add(name if "/" in name else folder + name)
    return named


def test_every_module_has_a_row():
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py") if p.name != "__init__.py"}
    assert on_disk - _named() == set()


def test_every_row_names_what_is_on_disk():
    assert {name for name in _named() if not any(ROOT.glob(name.rstrip("/")))} == set()
