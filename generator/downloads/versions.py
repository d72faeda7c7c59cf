"""Published data versions from git history, and the changelog between them.

A version is the `version` in `datapackage.yaml`. Each one is rebuilt from the data
as it was at the last commit where it was current (taken with `git archive`, then
loaded, validated and modelled like the working tree), so its downloads at
`data/v<version>/` are the ones first published. The changelog compares each version
with the one before, record by record, with the same comparison as `portal diff`.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from generator.diff import Changes, DiffError, compare, extract
from generator.downloads.release import Release
from generator.loader import Loaded
from generator.model import Dataset


@dataclass
class Version:
    release: Release
    commit: str | None  # None: the working tree (the latest version)
    loaded: Loaded
    dataset: Dataset


def _git(args: list[str], cwd: Path) -> str | None:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def git_versions(data_dir: Path) -> list[tuple[str, str, dt.date]]:
    """(version, last commit where it was current, that commit's date), oldest first."""
    data_dir = data_dir.resolve()
    top = _git(["rev-parse", "--show-toplevel"], data_dir)
    if top is None:
        return []
    root = Path(top.strip()).resolve()
    rel = data_dir.relative_to(root).as_posix()
    package_file = "datapackage.yaml" if rel == "." else f"{rel}/datapackage.yaml"
    touched = set((_git(["log", "--format=%H", "--", package_file], root) or "").split())
    last: dict[str, tuple[str, dt.date]] = {}
    version = None
    for line in reversed((_git(["log", "--format=%H %cs", "--", "."], data_dir) or "").splitlines()):
        commit, date = line.split()
        if commit in touched:
            text = _git(["show", f"{commit}:{package_file}"], root)
            try:
                meta = yaml.safe_load(text) if text else None
            except yaml.YAMLError:
                meta = None
            version = str(meta.get("version")) if isinstance(meta, dict) and meta.get("version") else version
        if version:
            last.pop(version, None)  # a version current again later counts from its newest span
            last[version] = (commit, dt.date.fromisoformat(date))
    return [(v, c, d) for v, (c, d) in last.items()]


@lru_cache(maxsize=64)
def _at_commit(data_dir: Path, commit: str, date: dt.date) -> tuple[Loaded, Dataset] | None:
    """The validated data at a commit; cached, since a commit's data never changes."""
    from generator.model import build
    from generator.validate import validate

    with tempfile.TemporaryDirectory(prefix="portal-version-") as tmp:
        try:
            folder = extract(commit, data_dir, Path(tmp))
        except DiffError:
            return None
        report, loaded = validate(folder, today=date)
        if not report.ok:
            return None
        return loaded, build(loaded, folder)


def versions(current: Version, data_dir: Path, base_url: str) -> list[Version]:
    """Every published version that validates, oldest first, ending with `current`."""
    found = []
    for number, commit, date in git_versions(data_dir):
        if number == current.release.version:
            continue  # the working tree is that version's final state
        at = _at_commit(data_dir.resolve(), commit, date)
        if at is None:
            warnings.warn(f"version {number} (commit {commit[:10]}) is skipped: its data cannot be read or does not validate",
                          stacklevel=2)
            continue
        found.append(Version(Release(at[0].package, date, base_url), commit, *at))
    return found + [current]


def changes_between(old: Version, new: Version) -> Changes:
    return compare(old.loaded, new.loaded)
