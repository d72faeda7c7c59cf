"""What has been published, and the rule that a published version never changes.

A data version is published once it is on the published branch (`main`, else
`master`, or `settings.published_branch`). Its data is the state of that branch at the first
commit where `datapackage.yaml` carried the version: that is what its downloads under
`data/v<version>/` hold and what people may have cited. Walking the branch's first
parents means a merged pull request counts as one step, whatever commits it held.

`check` is the validator's rule: data that differ from what was published under the
same version are an error that says which version to raise to.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.history import git, repository
from generator.problems import Problem

DEFAULT_BRANCH = "main"
READ_AS_PUBLISHED = frozenset({"line-id-missing"})
"""Errors of rules newer than a published version that its data may break: lines were
numbered by their place before they carried ids, and that is how they were published."""

VERSION_CODES = frozenset({"version-published", "version-lower"})  # errors about the version, not the records

_VERSION = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)")


@dataclass(frozen=True)
class Published:
    version: str
    commit: str
    date: dt.date


def _branch_commit(root: Path, branch: str | None) -> str | None:
    """The published branch's commit, local or as fetched from origin; None when there is none.

    Without a setting, `main` is looked for first, then `master` (git's older default):
    never the branch that happens to be checked out, which may be a pull request's.
    """
    for name in ([branch] if branch else [DEFAULT_BRANCH, "master"]):
        for ref in (name, f"origin/{name}"):
            commit = git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
            if commit is not None:
                return commit.strip()
    return None


def published_versions(data_dir: Path, branch: str | None = None) -> list[Published]:
    """Each version as first published on the branch, oldest first; empty outside git."""
    found = repository(data_dir)
    tip = _branch_commit(found[0], branch) if found else None
    if tip is None:
        return []
    return list(_walk(found[0], tip, f"{found[1]}datapackage.yaml"))


@functools.lru_cache(maxsize=8)
def _walk(root: Path, tip: str, package_file: str) -> tuple[Published, ...]:
    """The versions in the history up to `tip` (a commit: what it holds never changes, so it is asked once)."""
    log = git(["log", "--first-parent", "--reverse", "--format=%H %cs", tip, "--", package_file], root) or ""
    found: dict[str, Published] = {}
    for line in log.splitlines():
        commit, date = line.split()
        version = _version_at(root, commit, package_file)
        if version and version not in found:
            found[version] = Published(version, commit, dt.date.fromisoformat(date))
    return tuple(found.values())


def _version_at(root: Path, commit: str, package_file: str) -> str | None:
    text = git(["show", f"{commit}:{package_file}"], root)
    try:
        meta = yaml.safe_load(text) if text else None
    except yaml.YAMLError:
        return None
    return str(meta["version"]) if isinstance(meta, dict) and meta.get("version") else None


def _key(version: str) -> tuple[int, ...] | None:
    match = _VERSION.fullmatch(version)
    return tuple(map(int, match.groups())) if match else None


def next_versions(versions: list[str]) -> dict[str, str]:
    """The versions to raise to from the highest published one: patch, minor, major."""
    keys = [k for k in map(_key, versions) if k]
    major, minor, patch = max(keys, default=(0, 0, 0))
    return {"patch": f"{major}.{minor}.{patch + 1}", "minor": f"{major}.{minor + 1}.0", "major": f"{major + 1}.0.0"}


def check(loaded, data_dir: Path) -> list[Problem]:
    """The working tree's version is new, or its data are what was published under it."""
    version = str(loaded.package.get("version") or "")
    if not _key(version):
        return []  # a malformed version is reported by the package check
    settings = loaded.package.get("settings") or {}
    found = published_versions(data_dir, settings.get("published_branch") if isinstance(settings, dict) else None)
    if not found:
        return []
    raise_to = next_versions([p.version for p in found])
    line = _version_line(loaded.package_file)
    params = {"version": version, **raise_to}
    same = next((p for p in found if p.version == version), None)
    if same is not None:
        changed = changes_since(same, loaded, data_dir)
        if changed:
            return [Problem("version-published", loaded.package_file, line, 1, "version",
                            {**params, "date": same.date.isoformat(), "commit": same.commit[:10], "n": changed})]
        return []
    highest = max(found, key=lambda p: _key(p.version) or (0,))
    if _key(version) < (_key(highest.version) or (0,)):
        return [Problem("version-lower", loaded.package_file, line, 1, "version", {**params, "highest": highest.version})]
    return []


def changes_since(published: Published, loaded, data_dir: Path) -> int:
    """How many records (and package fields) differ from what was published; read by today's loader on both sides."""
    from generator.diff import DiffError, compare, extract
    from generator.loader import load

    with tempfile.TemporaryDirectory(prefix="portal-published-") as tmp:
        try:
            old = load(extract(published.commit, data_dir, Path(tmp)))
        except DiffError:
            return 0
    added, changed, removed = compare(old, loaded).count()
    strip = lambda package: {k: v for k, v in package.items() if k != "version"}  # noqa: E731
    return added + changed + removed + (strip(old.package) != strip(loaded.package))


def _version_line(package_file: str) -> int:
    try:
        lines = Path(package_file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, text in enumerate(lines, start=1) if text.startswith("version:")), 1)
