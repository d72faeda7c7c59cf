"""Published data versions from git history, and the changelog between them.

A version is the `version` in `datapackage.yaml`. Each published one is rebuilt from
the data as it was first published (`published.py`; taken with `git archive`, then
loaded, validated and modelled like the working tree), so its downloads at
`data/v<version>/` hold the data first published under it, less what is withheld today
(`withheld`: a person protected since is named by no version; that redaction is dated). The changelog compares each version
with the one before, record by record, with the same comparison as `portal diff`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator import withheld
from generator.cache import Cache, key_of
from generator.changes import Changes, compare
from generator.history import GitError, extract
from generator.downloads.release import Release
from generator.history import data_tree
from generator.loader import Loaded
from generator.model import Dataset
from generator.published import READ_AS_PUBLISHED, published_versions


@dataclass
class Version:
    release: Release
    commit: str | None  # None: the working tree, not yet published
    loaded: Loaded  # as it may be published today (`withheld`)
    dataset: Dataset
    withheld_on: tuple[dt.date | None, ...] = ()  # when something was withheld from it (None: not yet committed)
    as_published: tuple[Loaded, Dataset] | None = None  # before that redaction: its files as first published
    redaction: str = ""  # what the redaction took out, as a cache key's part (never published)
    hidden: withheld.Withheld = withheld.NOTHING  # what is withheld from every version today (a reason's text too)

    def redacted(self, hidden: withheld.Withheld, data_dir: Path, folder: Path) -> Version:
        """This version as it may be published today: what `hidden` withholds taken out of its data (`folder`: where
        it was read from), dated by the commits that protected the people it named; itself when it names none."""
        touched = hidden.touched(self.loaded)
        if not touched:
            return dataclasses.replace(self, hidden=hidden)
        from generator.model import build

        loaded = hidden.loaded(self.loaded)
        since = withheld.protected_since(data_dir, touched)
        return Version(self.release, self.commit, loaded, build(loaded, folder),
                       tuple(sorted(set(since.values()), key=lambda d: (d is None, d or dt.date.min))),
                       (self.loaded, self.dataset), withheld.Withheld({p: hidden.names[p] for p in touched}).key(),
                       hidden)


@lru_cache(maxsize=64)
def _at_commit(data_dir: Path, commit: str, date: dt.date, cache_dir: Path | None) -> tuple[Loaded, Dataset, Path] | None:
    """The validated data at a commit (None: it does not validate; GitError, never kept: git cannot give them).

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
    return read and (read[1], build(read[1], Path(read[0])), Path(read[0]))


def read_published(data_dir: Path, published) -> tuple[Loaded, Dataset] | None:
    """A published version's data as first published (before any redaction); None: it cannot be read or does not
    validate."""
    try:
        at = _at_commit(data_dir.resolve(), published.commit, published.date, None)
    except GitError:
        return None
    return at and at[:2]


def _read_at(data_dir: Path, commit: str, date: dt.date) -> tuple[str, Loaded] | None:
    """(the folder it was read from, the data) of a commit whose data validate, else None; GitError when git
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
        except GitError:  # git could not give the files this time: the next build tries again
            at = None
        if at is None:
            warnings.warn(f"version {number} (commit {commit[:10]}) is skipped: its data cannot be read or does not validate",
                          stacklevel=2)
            continue
        found.append((Version(Release(at[0].metadata, date, base_url), commit, *at[:2]), at[2]))
    hidden = withheld.of(current.loaded, [version.loaded for version, _ in found])
    return [version.redacted(hidden, data_dir, folder) for version, folder in [*found, (current, data_dir)]]


def changes_between(old: Version, new: Version) -> Changes:
    """What `new` changed (both as they may be published: the people protected today never named)."""
    return compare(old.loaded, new.loaded)
