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

from generator.cache import Cache, key_of
from generator.diff import Changes, DiffError, compare, extract
from generator.downloads.release import Release
from generator.history import data_tree
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
def _at_commit(data_dir: Path, commit: str, date: dt.date, cache_dir: Path | None) -> tuple[Loaded, Dataset] | None:
    """The validated data at a commit (None: it does not validate; DiffError, never kept: git cannot give them).

    A commit's data never change, so what was read and whether it validated is kept
    in the cache (`cache.py`) under the data's tree: each build would otherwise check
    every published version again, and the check is most of a small build.
    """
    from generator.model import build

    tree = data_tree(data_dir, commit) if cache_dir is not None else None
    if tree is None:
        read = _read_at(data_dir, commit, date)
    else:
        with Cache(cache_dir) as cache:
            read = cache.kept("versions-read", key_of("read-at", tree, date.isoformat()),
                              lambda: _read_at(data_dir, commit, date))
    return read and (read[1], build(read[1], Path(read[0])))


def _read_at(data_dir: Path, commit: str, date: dt.date) -> tuple[str, Loaded] | None:
    """(the folder it was read from, the data) of a commit whose data validate, else None; DiffError when git
    cannot give the commit's files."""
    from generator.validate import validate

    with tempfile.TemporaryDirectory(prefix="portal-version-") as tmp:
        folder = extract(commit, data_dir, Path(tmp))
        report, loaded = validate(folder, today=date)
        return None if any(p.code not in READ_AS_PUBLISHED for p in report.errors) else (str(folder), loaded)


def versions(current: Version, data_dir: Path, base_url: str, cache_dir: Path | None = None) -> list[Version]:
    """Every published version that validates, oldest first, ending with `current`."""
    found = []
    for number, commit, date in ((p.version, p.commit, p.date) for p in published_versions(data_dir)):
        if number == current.release.version:
            continue  # the working tree is that version's final state
        try:
            at = _at_commit(data_dir.resolve(), commit, date, cache_dir)
        except DiffError:  # git could not give the files this time: the next build tries again
            at = None
        if at is None:
            warnings.warn(f"version {number} (commit {commit[:10]}) is skipped: its data cannot be read or does not validate",
                          stacklevel=2)
            continue
        found.append(Version(Release(at[0].package, date, base_url), commit, *at))
    return found + [current]


def changes_between(old: Version, new: Version, protected: set[str] | None = None) -> Changes:
    """What `new` changed; `protected`: the people protected today, never named."""
    return compare(old.loaded, new.loaded, protected)
