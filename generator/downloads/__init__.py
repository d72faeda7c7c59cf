"""Open-data downloads: every format of every published version, the changelog, feed and catalogue.

`write_all` is the post-build writer `portal build` runs (registered below); it writes

    data/latest/            the current version (same bytes as data/v<version>/)
    data/v<version>/        each published version (as first published, less what is withheld today,
                            its bytes checked against those recorded, `recorded`): <resource>.csv, datadictionary.csv, tables/<resource>.json,
                            trips.json ... (nested), portal.xlsx, portal.sqlite, portal.metadata.json,
                            datapackage.json, portal.zip, SHA256SUMS
    data/records/<resource>/<id>.json|.csv   per-record downloads
    data/changelog.json     what changed in each version
    catalog.rdf (harvested), catalog.ttl, catalog.jsonld, feed.atom

`hooks` plugs these into `portal build`; `pages` writes the open-data pages (downloads,
data dictionary, changelog).
"""

from __future__ import annotations

import contextlib
import importlib.util
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

from generator import addresses
from generator.downloads import recorded
from generator.downloads.archive import write_checksums, write_zip
from generator.downloads.changelog import changelog
from generator.downloads.csvfile import write_csvs
from generator.downloads.datasette import write_metadata
from generator.downloads.datapackage import write_datapackage
from generator.downloads.dictionary import write_dictionary
from generator.downloads.feed import write_corrections_feed, write_feed
from generator.downloads.jsonfile import dumps, record_lines, write_json
from generator.downloads.records import record_download_urls, write_records
from generator.downloads.release import Release
from generator.downloads.sqlite import write_sqlite
from generator.downloads.tables import Table, build_tables
from generator.downloads.versions import Version, versions
from generator.downloads.xlsx import write_workbook
from generator.cache import Cache, key_of, link_or_copy
from generator.corrections import Past, past_of
from generator.history import Change, data_tree, last_changes
from generator.loader import Loaded, load
from generator.model import Dataset
from generator.published import published_versions

__all__ = ["write_all", "write_version", "history", "record", "record_download_urls"]

ZIP_NAME = "portal.zip"


def write_version(tables: dict[str, Table], release: Release, out_dir: Path,
                  records: dict[str, list[str]] | None = None) -> list[Path]:
    """Every download of one version into `out_dir`; returns the files, checksums last."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = write_csvs(tables, out_dir) + [write_dictionary(tables, out_dir)]
    files += write_json(tables, out_dir, records)
    files.append(write_workbook(tables, release, out_dir / "portal.xlsx"))
    files.append(write_sqlite(tables, out_dir / "portal.sqlite"))
    files.append(write_metadata(tables, release, out_dir))
    files.append(write_datapackage(tables, release, out_dir))
    files.append(write_zip(out_dir, files, out_dir / ZIP_NAME, f"{release.name}-{release.version}", release.date))
    return files + [write_checksums(out_dir, files)]


def _current(dataset: Dataset, loaded: Loaded | None, data_dir: Path, base_url: str,
             changes: dict[str, Change]) -> Version:
    """The working tree as the latest version, dated by the data's last commit (never the clock)."""
    loaded = loaded or dataset.source or load(data_dir)
    date = max((c.date for c in changes.values()), default=None)
    published = next((p for p in published_versions(data_dir) if p.version == loaded.metadata.version), None)
    if published is not None:  # the same data as published (validation says so): the same files, dated as then
        date = published.date
    return Version(Release(loaded.metadata, date, base_url), published.commit if published else None, loaded, dataset)


_LAST_HISTORY: list = []  # [(dataset, data_dir, base_url), result] of the last call: a build asks several times


def history(dataset: Dataset, loaded: Loaded | None, data_dir: Path, base_url: str,
            changes: dict[str, Change] | None = None, cache_dir: Path | None = None) -> tuple[list[Version], dict, Past]:
    """Every published version (oldest first, the working tree last), the changelog and each record's corrections
    (`cache_dir`: where what each version holds is kept between builds, see `versions`)."""
    if _LAST_HISTORY and _LAST_HISTORY[0][0] is dataset and _LAST_HISTORY[0][1:] == (data_dir, base_url):
        return _LAST_HISTORY[1]
    changes = last_changes(data_dir) if changes is None else changes
    found = versions(_current(dataset, loaded, data_dir, base_url, changes), data_dir, base_url, cache_dir)
    past = past_of(found, data_dir)
    _LAST_HISTORY[:] = [(dataset, data_dir, base_url), (found, changelog(found), past)]
    return _LAST_HISTORY[1]


def write_all(dataset: Dataset, loaded: Loaded | None, site_dir: Path, base_url: str, data_dir: Path,
              cache_dir: Path | None = None, previous: Path | None = None) -> list[Path]:
    """Write every download, the changelog, the feed and the catalogue into `site_dir`.

    `loaded` is what the dataset was built from (None: read `data_dir` again);
    `base_url` is the site's absolute URL, ending with /; `cache_dir` keeps each
    published version's downloads between builds (`cache.py`), None: no cache;
    `previous`: the site being replaced, whose per-record files are linked where unchanged.
    """
    changes = last_changes(data_dir)
    found, log, past = history(dataset, loaded, data_dir, base_url, changes, cache_dir)
    root = site_dir / addresses.DATA
    written: list[Path] = []
    current = found[-1]
    gone = {(w.resource, w.key): w.last_version for w in past.withdrawn}  # their files stay, as last published
    with Cache(cache_dir) if cache_dir is not None else contextlib.nullcontext() as cache:
        for version in found[:-1]:
            written += _published(version, cache, data_dir, root, site_dir,
                                  {key for key, last in gone.items() if last == version.release.version})
    tables = build_tables(current.loaded, current.dataset, current.release.date)
    records = record_lines(tables)
    out = site_dir / addresses.version_folder(current.release.version)
    written += write_version(tables, current.release, out, records)
    if current.commit is not None:  # published: its files are the recorded ones (less what is withheld today)
        _check_recorded(current, data_dir, out)
    latest = site_dir / addresses.LATEST
    shutil.copytree(out, latest, copy_function=link_or_copy)  # the same bytes as its version
    written += sorted(p for p in latest.rglob("*") if p.is_file())
    written += write_records(tables, site_dir, records, previous=previous)
    (site_dir / addresses.CHANGELOG).write_bytes(dumps(log))
    written.append(site_dir / addresses.CHANGELOG)
    written.append(write_feed(current.dataset, current.release, past, log, site_dir))
    written.append(write_corrections_feed(past, current.release, site_dir))
    written += _catalogue(found, site_dir)
    return written


def _published(version: Version, cache: Cache | None, data_dir: Path, root: Path, site_dir: Path,
               last_here: set) -> list[Path]:
    """A published version's downloads (a version never changes: from the cache when it holds them), and the
    per-record files of the records withdrawn after it (`last_here`)."""
    out = site_dir / addresses.version_folder(version.release.version)
    entry = _version_key(version, data_dir) if cache else None
    files = cache.get_folder("versions", entry, out) if entry else None
    tables = None
    if files is None:
        tables = build_tables(version.loaded, version.dataset, version.release.date)
        files = write_version(tables, version.release, out)
        _check_recorded(version, data_dir, out)
        if entry:
            cache.put_folder("versions", entry, out, files)
    elif recorded.recorded(data_dir, version.release.version, version.commit) is None:
        _unrecorded(version)
    if last_here:
        tables = tables or build_tables(version.loaded, version.dataset, version.release.date)
        files = files + write_records(tables, site_dir, only=last_here)
    return files


def _check_recorded(version: Version, data_dir: Path, out: Path) -> None:
    """A published version's files are those recorded when it was published (`recorded`), byte for byte: the files
    in `out` themselves, or, redacted, the version written as first published."""
    number = version.release.version
    if recorded.recorded(data_dir, number, version.commit) is None:
        _unrecorded(version)
    elif version.as_published is None:
        recorded.check(data_dir, number, version.commit, out)
    else:  # redacted: written as first published beside `out`, compared, deleted
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}-as-published-", dir=out.parent))
        try:
            write_version(build_tables(*version.as_published, version.release.date), version.release, work)
            recorded.check(data_dir, number, version.commit, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _unrecorded(version: Version) -> None:
    print(f"note: the checksums of version {version.release.version}'s files are not recorded, so nothing holds its "
          f"files to their bytes: run `portal record {version.release.version}` and commit what it writes",
          file=sys.stderr)


def _version_key(version: Version, data_dir: Path) -> str | None:
    """What a published version's downloads are made from: its data (the tree, whatever the commit), number,
    date, the site's address, what is withheld from it today and the checksums recorded for it (checked when
    made); the code that writes them is checked by the cache itself."""
    tree = data_tree(data_dir, version.commit)
    sums = recorded.recorded(data_dir, version.release.version, version.commit) or b""
    return tree and key_of("versions", tree, version.release.version, str(version.release.date),
                           version.release.base_url, version.redaction, sums)


def _catalogue(found: list[Version], site_dir: Path) -> list[Path]:
    if importlib.util.find_spec("generator.catalog") is None:
        warnings.warn("generator/catalog.py is missing: no DCAT-AP-SE catalogue written", stacklevel=2)
        return []
    from generator.downloads.dcat import write_dcat

    return write_dcat(found, site_dir)


def record(data_dir: Path, base_url: str, wanted: list[str] | None = None) -> list[tuple[str, Path | None]]:
    """Record the checksums of the published versions (`wanted`, default: every one not yet recorded), as the
    build writes their files as first published; a version already recorded is checked instead (VersionChanged).

    Returns (version, the file written, or None: already recorded and still the same), oldest first.
    """
    from generator.downloads.versions import read_published

    found = {p.version: p for p in published_versions(data_dir)}
    unknown = [v for v in wanted or [] if v not in found]
    if unknown:
        raise ValueError(f"not a published version: {', '.join(unknown)} (published: {', '.join(found) or 'none'})")
    done: list[tuple[str, Path | None]] = []
    for number, published in found.items():
        known = recorded.recorded(data_dir, number, published.commit)
        if wanted and number not in wanted or not wanted and known is not None:
            continue
        read = read_published(data_dir, published)
        if read is None:
            raise ValueError(f"version {number} (commit {published.commit[:10]}) cannot be read or does not validate")
        with tempfile.TemporaryDirectory(prefix="portal-record-") as tmp:
            folder = Path(tmp)
            loaded, dataset = read
            write_version(build_tables(loaded, dataset, published.date), Release(loaded.metadata, published.date,
                                                                                 base_url), folder)
            if known is not None:
                recorded.check(data_dir, number, published.commit, folder)
                done.append((number, None))
                continue
            target = recorded.path(data_dir, number)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(recorded.header(number, published.commit) + b"\n" + (folder / recorded.SUMS).read_bytes())
            done.append((number, target))
    return done
