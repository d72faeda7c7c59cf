"""Plugs the downloads into `portal build` (imported by `generator.publish.load_extensions`).

Kept apart from the package so that importing `generator.downloads` (the record pages
import `record_download_urls`) never imports the build, which imports the pages.
"""

from __future__ import annotations

from pathlib import Path

from generator import publish
from generator.downloads import history, write_all
from generator.downloads.pages import write_pages
from generator.model import Dataset
from generator.redirects import write_redirects


def post_build(dataset: Dataset, site_dir: Path, data_dir: Path, cache_dir: Path | None = None) -> None:
    """The post-build writer: downloads, changelog, feeds, catalogue and old addresses into the fresh site."""
    base_url = publish.site_info().url
    write_all(dataset, None, site_dir, base_url, data_dir, cache_dir)
    write_redirects(history(dataset, None, data_dir, base_url)[0], site_dir, base_url)


def pages(dataset: Dataset, docs_dir: Path, data_dir: Path) -> list:
    """The page provider: downloads, data dictionary and changelog pages; returns their nav."""
    found, log, _ = history(dataset, None, data_dir, publish.site_info().url)
    return write_pages(log, found[-1].release, docs_dir)


publish.register_pages(pages)
publish.register_post_build(post_build)
