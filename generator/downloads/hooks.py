"""The downloads as `portal build` uses them: the pages about them, and the files beside the site.

Kept apart from the package so that importing `generator.downloads` (the record pages
import `record_download_urls`) never imports the build, which imports the pages.
"""

from __future__ import annotations

from pathlib import Path

from generator.downloads import history, write_all
from generator.downloads.pages import write_pages
from generator.model import Dataset
from generator.redirects import write_redirects


def history_of(dataset: Dataset, data_dir: Path, base_url: str, cache_dir: Path | None = None):
    """The published versions, the changelog and each record's corrections (read once per build)."""
    return history(dataset, None, data_dir, base_url, cache_dir=cache_dir)


def post_build(dataset: Dataset, site_dir: Path, data_dir: Path, base_url: str, cache_dir: Path | None = None,
               previous: Path | None = None) -> None:
    """Downloads, changelog, feeds, catalogue and old addresses into the fresh site (`cache_dir`: see `cache.py`;
    `previous`: the site it replaces)."""
    write_all(dataset, None, site_dir, base_url, data_dir, cache_dir, previous)
    write_redirects(history_of(dataset, data_dir, base_url)[0], site_dir, base_url)


def pages(dataset: Dataset, docs_dir: Path, data_dir: Path, base_url: str) -> list:
    """The downloads, data dictionary and changelog pages into `docs_dir`; returns their nav."""
    found, log, _ = history_of(dataset, data_dir, base_url)
    return write_pages(log, found[-1].release, docs_dir)
