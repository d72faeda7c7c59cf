"""A version says what changed since the latest published one.

A temporary git repository holds the sample, published on main; then a trip is added
(a new record: a minor version at least), a version lower than the published one is
tried, and a schema of the repository loses a column (a major version). Records are
counted by their top-level record: a new trip with its destinations, travellers and
cost lines is one new record.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE_DATA, SAMPLE_VERSION, TODAY, run_portal
from generator import published
from generator.entities import SCHEMA_DIR
from generator.loader import load

MIPIM = "data/trips/2025/2025-03-cannes-mipim.yaml"
MAJOR, MINOR, PATCH = map(int, SAMPLE_VERSION.split("."))


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
                   cwd=repo, check=True, capture_output=True)


def _set_version(repo: Path, version: str) -> None:
    path = repo / "data/datapackage.yaml"
    lines = [f'version: "{version}"' if line.startswith("version:") else line
             for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _add_trip(repo: Path) -> None:
    """A copy of MIPIM under a new id: one trip, with its destination, two travellers and its cost lines."""
    text = (repo / MIPIM).read_text(encoding="utf-8").replace("2025-03-cannes-mipim", "2025-04-cannes-mipim-igen")
    (repo / "data/trips/2025/2025-04-cannes-mipim-igen.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample and the schemas, published on main."""
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    shutil.copytree(SCHEMA_DIR, tmp_path / "schemas")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "Publicera")
    return tmp_path


def test_a_new_trip_under_a_patch_version_is_refused_and_counted_as_one_record(repo):
    _add_trip(repo)
    _set_version(repo, f"{MAJOR}.{MINOR}.{PATCH + 1}")
    result = run_portal("validate", "--lang", "en", "--today", TODAY, cwd=repo)
    assert result.returncode == 1
    assert (f"error: Version {MAJOR}.{MINOR}.{PATCH + 1} does not say what changed since {SAMPLE_VERSION} (new records: 1, "
            f"changed records: 0, withdrawn records: 0). [version]") in result.stdout, result.stdout
    assert f"Raise version in datapackage.yaml to at least {MAJOR}.{MINOR + 1}.0" in result.stdout
    line = next(n for n, text in enumerate((repo / "data/datapackage.yaml").read_text().splitlines(), 1)
                if text.startswith("version:"))
    assert f"data/datapackage.yaml:{line}:1: error: Version" in result.stdout
    swedish = run_portal("validate", "--today", TODAY, cwd=repo)
    assert "(nya poster: 1, ändrade poster: 0, borttagna poster: 0)" in swedish.stdout
    assert f"Höj version i datapackage.yaml till minst {MAJOR}.{MINOR + 1}.0" in swedish.stdout

    _set_version(repo, f"{MAJOR}.{MINOR + 1}.0")
    assert run_portal("validate", "--today", TODAY, cwd=repo).returncode == 0


def test_unraised_changes_are_counted_by_record_added_changed_and_withdrawn(repo):
    _add_trip(repo)
    (repo / "data/trips/2024/2024-06-bryssel-green-week.yaml").unlink()
    paris = repo / "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
    paris.write_text(paris.read_text(encoding="utf-8").replace("amount_sek: 6750\n", "amount_sek: 6900\n", 1), encoding="utf-8")
    result = run_portal("validate", "--lang", "en", "--today", TODAY, cwd=repo)
    assert "but the data have changed since (new records: 1, changed records: 1, withdrawn records: 1)" in result.stdout, \
        result.stdout


def test_a_version_lower_than_the_published_one_is_refused(repo):
    _set_version(repo, "9.0.0")
    _git(repo, "commit", "-qam", "9.0.0")
    _set_version(repo, f"{MAJOR}.{MINOR}.{PATCH + 1}")  # higher than the sample's, lower than 9.0.0
    result = run_portal("validate", "--lang", "en", "--today", TODAY, cwd=repo)
    assert result.returncode == 1
    assert f"Version {MAJOR}.{MINOR}.{PATCH + 1} is lower than the latest published one, 9.0.0." in result.stdout


def test_a_removed_or_retyped_column_needs_a_major_version_and_a_new_one_a_minor(repo, monkeypatch):
    monkeypatch.setattr(published, "SCHEMA_DIR", repo / "schemas")  # the schemas in the data's repository
    schema = repo / "schemas/trips.json"
    text = schema.read_text(encoding="utf-8")
    assert '"name": "event_language"' in text
    schema.write_text(text.replace('"name": "event_language"', '"name": "event_lang"'), encoding="utf-8")
    _set_version(repo, f"{MAJOR}.{MINOR + 1}.0")
    found = published.check(load(repo / "data"), repo / "data")
    assert [p.code for p in found] == ["version-bump"]
    assert found[0].params["needed"] == f"{MAJOR + 1}.0.0"
    assert found[0].params["more_en"] == "; changed or removed columns: trips.event_language; new columns: trips.event_lang"
    _set_version(repo, f"{MAJOR + 1}.0.0")
    assert published.check(load(repo / "data"), repo / "data") == []

    schema.write_text(text.replace('"fields": [', '"fields": [{"name": "extra", "type": "string"}, ', 1), encoding="utf-8")
    _set_version(repo, f"{MAJOR}.{MINOR}.{PATCH + 1}")
    found = published.check(load(repo / "data"), repo / "data")
    assert [(p.code, p.params["needed"], p.params["more_en"]) for p in found] == \
        [("version-bump", f"{MAJOR}.{MINOR + 1}.0", "; new columns: trips.extra")]

