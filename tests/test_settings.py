"""The settings are one typed class: each documented where it is defined and where users read of it."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

from generator import settings
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_has_a_docstring():
    tree = ast.parse(Path(settings.__file__).read_text(encoding="utf-8"))
    body = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Settings").body
    documented = {a.target.id for a, d in zip(body, body[1:])
                  if isinstance(a, ast.AnnAssign) and isinstance(d, ast.Expr) and isinstance(d.value, ast.Constant)}
    assert set(settings.NAMES) <= documented


def test_the_readme_names_every_setting_with_its_default():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [name for name in settings.NAMES if f"`{name}`" not in readme] == []
    for name, default in re.findall(r"^\| `(\w+)` \| (\d+) \|", readme, re.M):
        assert getattr(Settings(), name) == int(default), name


def test_a_refused_value_leaves_the_default_and_is_reported_at_its_line(tmp_path):
    from generator.yamlsource import read

    path = tmp_path / "datapackage.yaml"
    path.write_text("name: x\nsettings:\n  max_trip_days: '90'\n  completeness_period: month\n", encoding="utf-8")
    doc, _ = read(path, "datapackage.yaml")
    found, problems = settings.read(doc.value["settings"], "datapackage.yaml", doc)
    assert dataclasses.replace(found, refused=frozenset()) == Settings()
    assert found.refused == {"max_trip_days", "completeness_period"}
    assert [(p.code, p.line) for p in problems] == [("setting-invalid", 3), ("completeness-period-setting", 4)]
