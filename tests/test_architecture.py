"""ARCHITECTURE.md's module table names every module on disk, and only those; no module imports round a circle.

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


def _imports() -> dict[str, set[str]]:
    """Each module of `generator` and the modules of `generator` it imports, at the top or inside a function alike
    (`TYPE_CHECKING` imports too: a circle only a type checker follows is still a circle to a reader)."""
    import ast

    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
               for p in (ROOT / "generator").rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                inside = {f"{node.module}.{alias.name}" for alias in node.names} & modules.keys()
                found |= inside or {node.module}  # `from a import b`: the module b, else the package a
        graph[name] = (found & modules.keys()) - {name}
    return graph


def test_no_module_imports_itself_round_a_circle():
    """The layers import downwards only: a circle (a imports b, which imports a) is named with its modules."""
    graph = _imports()
    circles = []
    for start in graph:  # a module that reaches itself again is in a circle
        seen, todo = set(), list(graph[start])
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo += graph[name]
        if start in seen:
            circles.append(start)
    assert circles == []
