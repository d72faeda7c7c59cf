"""What git knows about the data: when each file last changed, what a commit held, the data folder at a ref.

Dates come from commits, never from the clock, so that the same data in the same
repository builds the same site. One `git log` over the data folder answers for all
files at once; running git per file would not scale to thousands of records.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path


class GitError(Exception):
    """Git cannot give what was asked (not a repository, an unknown ref); says what to do."""


@dataclass(frozen=True)
class Change:
    commit: str
    date: dt.date


def git(args: list[str], cwd: Path) -> str | None:
    """What a git command prints, or None when git is missing or the command fails (not a repository ...)."""
    try:
        return _git(args, cwd, strip=False)
    except GitError:
        return None


def repository(data_dir: Path) -> tuple[Path, str] | None:
    """The top of the repository holding `data_dir`, and the data folder's path in it ("" at the top); None outside git."""
    top = git(["rev-parse", "--show-toplevel"], data_dir)
    if top is None:
        return None
    root = Path(top.strip()).resolve()
    rel = data_dir.resolve().relative_to(root).as_posix()
    return root, "" if rel == "." else rel + "/"


def file_log(data_dir: Path, header: str, *span: str) -> list[tuple[str, list[str]]]:
    """Per commit touching the data folder, newest first: its `header` (a git log format, which may span lines:
    `%B` is the whole message) and the files it touched, relative to the data folder. `span`: a revision range
    (default: the history of HEAD)."""
    found = repository(data_dir)
    out = git(["log", f"--format=%x1e{header}%x1f", "--name-only", "--no-renames", *span, "--", "."],
              data_dir.resolve()) if found else None
    commits: list[tuple[str, list[str]]] = []
    for entry in (out or "").split("\x1e")[1:]:  # the control characters written around each header
        text, _, names = entry.partition("\x1f")
        commits.append((text, [line[len(found[1]):] for line in names.splitlines() if line.startswith(found[1])]))
    return commits


def last_changes(data_dir: Path) -> dict[str, Change]:
    """The last commit touching each file, keyed by its path relative to `data_dir`.

    Empty when `data_dir` is not in a git repository. Uncommitted edits are not
    seen: a preview shows the state of the last commit.
    """
    changes: dict[str, Change] = {}
    for header, files in file_log(data_dir, "%H %cs"):
        commit, date = header.split()
        for name in files:
            changes.setdefault(name, Change(commit, dt.date.fromisoformat(date)))  # newest first: keep the first seen
    return changes


def data_tree(data_dir: Path, commit: str) -> str | None:
    """The object id of the data folder's tree at `commit` (its contents, whatever the commit); None outside git."""
    found = repository(data_dir)
    tree = git(["rev-parse", f"{commit}:{found[1]}"], found[0]) if found else None
    return tree.strip() if tree else None


def file_revisions(data_dir: Path, name: str) -> list[tuple[str, dt.date]]:
    """(commit, date) of each commit of HEAD's history that changed the data file `name`, newest first."""
    out = git(["log", "--format=%H %cs", "--", name], data_dir.resolve()) if repository(data_dir) else None
    return [(commit, dt.date.fromisoformat(date)) for commit, date in (line.split() for line in (out or "").splitlines())]


def file_at(data_dir: Path, commit: str, name: str) -> str | None:
    """The text of the data file `name` at `commit`; None where it has none."""
    found = repository(data_dir)
    return git(["show", f"{commit}:{found[1]}{name}"], found[0]) if found else None


def _git(args: list[str], cwd: Path, binary: bool = False, strip: bool = True):
    """What a git command prints (bytes when `binary`); GitError with git's own words when it fails."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError:
        raise GitError("git is not installed")
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    if binary:
        return done.stdout
    text = done.stdout.decode("utf-8")
    return text.strip() if strip else text


def extract(ref: str, data_dir: Path, into: Path) -> Path:
    """The data folder as it was at `ref`, written under `into`; an empty folder when it did not exist."""
    data_dir = data_dir.resolve()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], data_dir)).resolve()
    except GitError:
        raise GitError(f"{data_dir} is not in a git repository")
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except GitError:
        raise GitError(f"unknown git ref '{ref}' (for a pull request: fetch the base branch, e.g. `git fetch origin main`)")
    rel = data_dir.relative_to(top).as_posix()
    listed = _git(["ls-tree", "-d", "--name-only", ref, "--", rel], top)
    target = into / rel
    target.mkdir(parents=True, exist_ok=True)
    if listed:
        archive = _git(["archive", "--format=tar", ref, "--", rel], top, binary=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(into, filter="data")
    return target
