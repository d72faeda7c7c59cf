"""What git knows about the data: when each file last changed.

Dates come from commits, never from the clock, so that the same data in the same
repository builds the same site. One `git log` over the data folder answers for all
files at once; running git per file would not scale to thousands of records.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Change:
    commit: str
    date: dt.date


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout


def last_changes(data_dir: Path) -> dict[str, Change]:
    """The last commit touching each file, keyed by its path relative to `data_dir`.

    Empty when `data_dir` is not in a git repository. Uncommitted edits are not
    seen: a preview shows the state of the last commit.
    """
    data_dir = data_dir.resolve()
    top = _git(["rev-parse", "--show-toplevel"], data_dir)
    if top is None:
        return {}
    out = _git(["log", "--format=@%H %cs", "--name-only", "--no-renames", "--", "."], data_dir)
    if not out:
        return {}
    prefix = data_dir.relative_to(Path(top.strip()).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    changes: dict[str, Change] = {}
    current: Change | None = None
    for line in out.splitlines():
        if line.startswith("@"):
            commit, date = line[1:].split()
            current = Change(commit, dt.date.fromisoformat(date))
        elif line and current and line.startswith(prefix):
            changes.setdefault(line[len(prefix):], current)  # newest first: keep the first seen
    return changes
