"""Published data versions from git history, and the changelog between them.

A version is the `version` in `datapackage.yaml`. Each published one is rebuilt from
the data as it was first published (`published.py`; taken with `git archive`, then
loaded, validated and modelled like the working tree), so its downloads at
`data/v<version>/` hold the data first published under it. The changelog compares each version
with the one before, record by record, with the same comparison as `portal diff`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.diff import Changes, DiffError, compare, extract
from generator.downloads.release import Release
from generator.loader import Loaded
from generator.model import Dataset
from generator.published import READ_AS_PUBLISHED, published_versions


@dataclass
class Version:
    release: Release
    commit: str | None  # None: the working tree, not yet published
    loaded: Loaded
    dataset: Dataset


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
        if any(p.code not in READ_AS_PUBLISHED for p in report.errors):
            return None
        return loaded, build(loaded, folder)


def versions(current: Version, data_dir: Path, base_url: str) -> list[Version]:
    """Every published version that validates, oldest first, ending with `current`."""
    found = []
    for number, commit, date in ((p.version, p.commit, p.date) for p in published_versions(data_dir)):
        if number == current.release.version:
            continue  # the working tree is that version's final state
        at = _at_commit(data_dir.resolve(), commit, date)
        if at is None:
            warnings.warn(f"version {number} (commit {commit[:10]}) is skipped: its data cannot be read or does not validate",
                          stacklevel=2)
            continue
        found.append(Version(Release(at[0].package, date, base_url), commit, *at))
    return found + [current]


def changes_between(old: Version, new: Version, protected: set[str] | None = None) -> Changes:
    """What `new` changed; `protected`: the people protected today, never named."""
    return compare(old.loaded, new.loaded, protected)
