"""Open-data downloads: every format of every published version, the changelog, feed and catalogue.

`write_all` is the post-build writer `portal build` runs (registered below); it writes

    data/latest/            the current version (same bytes as data/v<version>/)
    data/v<version>/        each published version: <resource>.csv, tables/<resource>.json,
                            trips.json ... (nested), portal.xlsx, portal.sqlite,
                            datapackage.json, portal.zip, SHA256SUMS
    data/records/<resource>/<id>.json|.csv   per-record downloads
    data/changelog.json     what changed in each version
    catalog.ttl, catalog.jsonld, feed.atom

`pages` is the page provider: the data dictionary and the changelog as site pages.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator.downloads.archive import write_checksums, write_zip
from generator.downloads.csvfile import write_csvs
from generator.downloads.datapackage import write_datapackage
from generator.downloads.jsonfile import write_json
from generator.downloads.records import record_download_urls, write_records
from generator.downloads.release import Release
from generator.downloads.sqlite import write_sqlite
from generator.downloads.tables import Table, build_tables
from generator.downloads.xlsx import write_workbook
from generator.loader import Loaded
from generator.model import Dataset

__all__ = ["write_all", "write_version", "record_download_urls", "post_build", "pages"]

ZIP_NAME = "portal.zip"


def write_version(tables: dict[str, Table], release: Release, out_dir: Path) -> list[Path]:
    """Every download of one version into `out_dir`; returns the files, checksums last."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = write_csvs(tables, out_dir)
    files += write_json(tables, out_dir)
    files.append(write_workbook(tables, release, out_dir / "portal.xlsx"))
    files.append(write_sqlite(tables, out_dir / "portal.sqlite"))
    files.append(write_datapackage(tables, release, out_dir))
    files.append(write_zip(out_dir, files, out_dir / ZIP_NAME, f"{release.name}-{release.version}", release.date))
    return files + [write_checksums(out_dir, files)]


def data_date(data_dir: Path) -> dt.date | None:
    """The date of the data's last commit: the current version's date (never the clock)."""
    from generator.history import last_changes

    return max((c.date for c in last_changes(data_dir).values()), default=None)
