"""Pages + content/ -> the site: its source written to disk, built by an engine, swapped in whole.

A build writes the complete source of the site (`sitesource`: hand-written pages,
assets, theme overrides, every generated page, the engine's `mkdocs.yml`) into a fresh
folder, runs the chosen engine on it through its command line (`engines`), fills the
generated pages into what the engine built (`stamping`), adds the downloads (written
meanwhile by another process), the sitemap and the search index (`search`), and only
then replaces `--out`: a failed build leaves the previous site untouched. Dates come
from git, never the clock, so the same data builds byte-identical output.
"""

from __future__ import annotations

import calendar
import gzip
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator import engines, search, sitesource, stamping
from generator.background import Job, start_fork_server
from generator.downloads import hooks
from generator.history import Change, last_changes
from generator.model import Dataset
from generator.outfolder import BuildError, check_out, clear_leftovers, swap
from generator.render import pages
from generator.render.links import address
from generator.sitesource import CONFIG, CONTENT, site_info

WATCHED = (sitesource.OVERRIDES.parent, sitesource.ASSETS)


@dataclass
class Built:
    out: Path
    pages: int


def build_epoch(changes: dict[str, Change]) -> int:
    """The build's timestamp (sitemap, gzip header): the data's last commit, else 1970."""
    newest = max((c.date for c in changes.values()), default=None)
    return calendar.timegm(newest.timetuple()) if newest else 0


def _nav_paths(nav) -> set[str]:
    found = set()
    for entry in nav if isinstance(nav, list) else [nav]:
        if isinstance(entry, str):
            found.add(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                found |= _nav_paths(value)
    return found


def _write_extras(dataset: Dataset, extra: Path, data_dir: Path, cache_dir: Path | None) -> None:
    """The downloads, feeds, catalogue and redirects into `extra` (a background job beside the pages)."""
    shutil.rmtree(extra, ignore_errors=True)  # left over from a failed run
    extra.mkdir()
    hooks.post_build(dataset, extra, data_dir, cache_dir)


def _move_into(extra: Path, site: Path) -> None:
    """Move what `extra` holds into `site`: whole folders where `site` has none of that name (one rename each)."""
    for path in sorted(extra.iterdir()):
        target = site / path.name
        if path.is_dir() and target.is_dir():
            _move_into(path, target)
        else:
            os.replace(path, target)


def _sitemap(site: Path, urls: list[str], base: str, epoch: int) -> None:
    """sitemap.xml (and its gzip) listing every page, whatever the engine wrote."""
    import datetime as dt

    day = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date().isoformat()
    entries = "".join(f"    <url>\n         <loc>{base}{url}</loc>\n         <lastmod>{day}</lastmod>\n    </url>\n"
                      for url in sorted(set(urls)))
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n")
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    with open(site / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, filename="sitemap.xml", mode="wb",
                                                                    mtime=epoch) as packed:
        packed.write(text.encode("utf-8"))


def _build_language(engine: engines.Engine, folder: Path, generated: dict[str, pages.Page], nav: list,
                    lang: str, config_file: Path, base: str, epoch: int, cache_dir: Path | None,
                    stamp: bool = True) -> list[str]:
    """One language's site into `folder`/site (its docs/ holds the hand-written pages); returns every page's address."""
    in_nav = _nav_paths(nav)
    layout_plan = stamping.plan(generated, in_nav, stamp)
    config = sitesource.write(folder, config_file, nav, lang, {p: generated[p] for p in layout_plan.built}, in_nav)
    engines.build(engine, [config], epoch, cache_dir)
    untrusted = stamping.finish(str(folder / "site"), generated, layout_plan, base)
    if untrusted:
        print(f"note: the pages alike {', '.join(untrusted)} came out of {engine.name} unlike each other; "
              "every page is built by the engine instead (slower)", file=sys.stderr)
        shutil.rmtree(folder / "site")
        return _build_language(engine, folder, generated, nav, lang, config_file, base, epoch, cache_dir, stamp=False)
    docs = folder / "docs"
    return [address(p.relative_to(docs).as_posix())[0] for p in docs.rglob("*.md")] + \
        [address(p)[0] for p in layout_plan.stamped]


def build_site(dataset: Dataset, data_dir: Path, out: Path, content: Path = CONTENT, config_file: Path = CONFIG,
               before_swap: Callable[[], None] | None = None, engine: str = engines.DEFAULT,
               cache_dir: Path | None = None) -> Built:
    """Build the site for `dataset` into `out`, atomically.

    `before_swap` is called when the new site is complete; if it raises, the new site
    is thrown away and `out` is left as it was. `cache_dir`: what the downloads keep
    between builds (`cache.py`), None: no cache.
    """
    out = out.resolve()
    check_out(out, data_dir, content, config_file, Path.cwd())
    found = engines.engine(engine)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        clear_leftovers(out)
        work = Path(tempfile.mkdtemp(prefix=f"{out.name}.build-{os.getpid()}-", dir=out.parent))
    except OSError as exc:  # a read-only or full file system, a folder we may not write to
        raise BuildError(f"cannot write next to {out}: {exc.strerror or exc}") from exc
    try:
        info = site_info(config_file)
        changes = last_changes(data_dir)
        epoch = build_epoch(changes)
        folder = work / "source"
        docs = folder / "docs"
        docs.mkdir(parents=True)
        past = hooks.history_of(dataset, data_dir)[2]  # git read once: the downloads job inherits it
        with Job(_write_extras, dataset, work / "extra", data_dir, cache_dir) as writers:  # they need only the data
            extra_nav = hooks.pages(dataset, docs, data_dir) + sitesource.copy_content(content, docs, "sv")
            rendered = pages.render(dataset, info, changes, sitesource.intro(content, "sv"), extra_nav, past)
            urls = _build_language(found, folder, rendered.pages, rendered.nav, "sv", config_file, info.url, epoch,
                                   cache_dir)
            site = folder / "site"
            _sitemap(site, urls, info.url, epoch)
        writers.result()
        _move_into(work / "extra", site)
        search.index(site)
        if before_swap is not None:
            before_swap()
        swap(site, out)
        return Built(out, len(rendered.pages))
    except (OSError, ValueError, KeyError) as exc:
        raise BuildError(f"the site could not be built: {exc}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)


def serve(rebuild: Callable[[], None], site: Path, data_dir: Path, host: str, port: int,
          content: Path = CONTENT, config_file: Path = CONFIG) -> None:
    """Serve `site`, rebuilt by `rebuild` when the data, content, configuration or theme change."""
    from generator import preview

    start_fork_server(["generator.validate", "generator.model", "generator.publish", "generator.catalog", "frictionless"])
    preview.serve(rebuild, site, [data_dir, content, config_file, *WATCHED], host, port)
