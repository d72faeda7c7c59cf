"""What has been published, and the rule that a published version never changes.

A data version is published once it is on the published branch (`main`, else
`master`, or `settings.published_branch`). Its data is the state of that branch at the first
commit where `datapackage.yaml` carried the version: that is what its downloads under
`data/v<version>/` hold and what people may have cited. Walking the branch's first
parents means a merged pull request counts as one step, whatever commits it held.

`check` is the validator's rule: data that differ from what was published under the
same version are an error that says which version to raise to, and a new version says
what changed since the latest published one: a correction (a changed or withdrawn
record) needs a patch, a new record or column a minor, a changed or removed column a
major version. Columns are what the schemas said when the version was published (read
from git where the schemas are in the data's repository) and say now.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.entities import SCHEMA_DIR, version_key
from generator.history import git, repository
from generator.problems import Problem

DEFAULT_BRANCH = "main"
READ_AS_PUBLISHED = frozenset({"line-id-missing"})
"""Errors of rules newer than a published version that its data may break: lines were
numbered by their place before they carried ids, and that is how they were published."""

VERSION_CODES = frozenset({"version-published", "version-lower", "version-bump"})  # errors about the version, not the records


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


def next_versions(versions: list[str]) -> dict[str, str]:
    """The versions to raise to from the highest published one: patch, minor, major."""
    keys = [k for k in map(version_key, versions) if k]
    major, minor, patch = max(keys, default=(0, 0, 0))
    return {"patch": f"{major}.{minor}.{patch + 1}", "minor": f"{major}.{minor + 1}.0", "major": f"{major + 1}.0.0"}


def check(loaded, data_dir: Path) -> list[Problem]:
    """The working tree's version is new, or its data are what was published under it."""
    version = str(loaded.package.get("version") or "")
    if not version_key(version):
        return []  # a malformed version is reported by the package check
    found = published_versions(data_dir, loaded.settings.published_branch)
    if not found:
        return []
    raise_to = next_versions([p.version for p in found])
    line = _version_line(loaded.package_file)
    params = {"version": version, **raise_to}
    same = next((p for p in found if p.version == version), None)
    if same is not None:
        since = changes_since(same, loaded, data_dir)
        if since.added or since.changed or since.withdrawn or since.package:  # its files keep the columns they had
            return [Problem("version-published", loaded.package_file, line, 1, "version",
                            {**params, **since.params(), "date": same.date.isoformat(), "commit": same.commit[:10]})]
        return []
    highest = max(found, key=lambda p: version_key(p.version) or (0,))
    if version_key(version) < (version_key(highest.version) or (0,)):
        return [Problem("version-lower", loaded.package_file, line, 1, "version", {**params, "highest": highest.version})]
    since = changes_since(highest, loaded, data_dir)
    if LEVELS.index(since.level) > LEVELS.index(_level(highest.version, version)):
        return [Problem("version-bump", loaded.package_file, line, 1, "version",
                        {**params, **since.params(), "highest": highest.version, "needed": raise_to[since.level]})]
    return []


LEVELS = ("", "patch", "minor", "major")  # what a change needs, least first ("": nothing changed)


def _level(old: str, new: str) -> str:
    """The part of the version raised from `old` to `new`."""
    a, b = version_key(old) or (0, 0, 0), version_key(new) or (0, 0, 0)
    return "major" if b[0] != a[0] else "minor" if b[1] != a[1] else "patch" if b != a else ""


@dataclass(frozen=True)
class Since:
    """What changed since a published version: records by their top-level record, the package, the columns."""
    added: int = 0
    changed: int = 0
    withdrawn: int = 0
    package: bool = False
    columns_added: tuple[str, ...] = ()  # resource.column
    columns_changed: tuple[str, ...] = ()  # removed, or of another type

    @property
    def level(self) -> str:
        if self.columns_changed:
            return "major"
        if self.added or self.columns_added:
            return "minor"
        return "patch" if self.changed or self.withdrawn or self.package else ""

    def params(self) -> dict:
        columns = {"sv": "", "en": ""}
        for names, sv, en in ((self.columns_changed, "ändrade eller borttagna kolumner", "changed or removed columns"),
                              (self.columns_added, "nya kolumner", "new columns")):
            if names:
                columns["sv"] += f"; {sv}: {', '.join(names)}"
                columns["en"] += f"; {en}: {', '.join(names)}"
        package = {"sv": "; paketets uppgifter" if self.package else "", "en": "; the package's metadata" if self.package else ""}
        return {"added": self.added, "changed": self.changed, "withdrawn": self.withdrawn,
                "more_sv": package["sv"] + columns["sv"], "more_en": package["en"] + columns["en"]}


def changes_since(published: Published, loaded, data_dir: Path) -> Since:
    """What differs from what was published (records read by today's loader on both sides; columns as the
    schemas said then and say now)."""
    from generator.corrections import record_counts
    from generator.changes import compare
    from generator.history import GitError, extract
    from generator.loader import load

    with tempfile.TemporaryDirectory(prefix="portal-published-") as tmp:
        try:
            old = load(extract(published.commit, data_dir, Path(tmp)))
        except GitError:
            return Since()
    added, changed, withdrawn = record_counts(compare(old, loaded), loaded)
    strip = lambda package: {k: v for k, v in package.items() if k != "version"}  # noqa: E731
    then, now = _columns_at(data_dir, published.commit), _columns(SCHEMA_DIR.glob("*.json"), Path.read_text)
    columns_added = columns_changed = ()
    if then is not None:
        columns_added = tuple(sorted(now.keys() - then.keys()))
        columns_changed = tuple(sorted(c for c in then if now.get(c) != then[c]))
    return Since(added, changed, withdrawn, strip(old.package) != strip(loaded.package), columns_added, columns_changed)


def _columns(files, read) -> dict[str, str]:
    """`resource.column` -> its type, from the Table Schemas in `files` (each read by `read`)."""
    found = {}
    for file in files:
        try:
            schema = json.loads(read(file))
        except (OSError, ValueError):
            continue
        for spec in schema.get("fields", []):
            found[f"{Path(str(file)).stem}.{spec['name']}"] = spec.get("type", "string")
    return found


def _columns_at(data_dir: Path, commit: str) -> dict[str, str] | None:
    """The columns as the schemas at `commit` gave them; None when the schemas are not in the data's repository."""
    found = repository(data_dir)
    try:
        folder = SCHEMA_DIR.resolve().relative_to(found[0]).as_posix() if found else None
    except ValueError:
        return None
    names = git(["ls-tree", "--name-only", f"{commit}:{folder}"], found[0]) if folder else None
    if names is None:
        return None
    return _columns([n for n in names.splitlines() if n.endswith(".json")],
                    lambda name: git(["show", f"{commit}:{folder}/{name}"], found[0]) or "")


def _version_line(package_file: str) -> int:
    try:
        lines = Path(package_file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, text in enumerate(lines, start=1) if text.startswith("version:")), 1)
