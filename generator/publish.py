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
from typing import TYPE_CHECKING, Callable

from generator import engines, search, sitesource, stamping
from generator.background import Job, start_fork_server
from generator.downloads import hooks
from generator.history import Change, last_changes
from generator.model import Dataset
from generator.outfolder import BuildError, check_out, clear_leftovers, swap
from generator.render import pages
from generator.i18n import LANGUAGES
from generator.addresses import PREFIX, address, twins
from generator.sitesource import CONFIG, CONTENT, site_info
from generator.steps import Steps

if TYPE_CHECKING:
    from generator.preview import Failed
    from generator.problems import Report

WATCHED = (sitesource.OVERRIDES.parent, sitesource.ASSETS)


@dataclass
class Built:
    out: Path
    pages: int
    steps: Steps
    layouts: dict[tuple, str]  # (language, `stamping.group_key`) -> the layout of record pages of that kind


class DataErrors(Exception):
    """The data has errors (`report`); the site was left as it was."""

    def __init__(self, report: Report):
        super().__init__("the data has errors")
        self.report = report


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


def _write_extras(dataset: Dataset, extra: Path, data_dir: Path, base_url: str, cache_dir: Path | None,
                  previous: Path | None) -> None:
    """The downloads, feeds, catalogue and redirects into `extra` (a background job beside the pages; `previous`: the
    site they replace)."""
    shutil.rmtree(extra, ignore_errors=True)  # left over from a failed run
    extra.mkdir()
    hooks.post_build(dataset, extra, data_dir, base_url, cache_dir, previous)


def _move_into(extra: Path, site: Path) -> None:
    """Move what `extra` holds into `site`: whole folders where `site` has none of that name (one rename each)."""
    for path in sorted(extra.iterdir()):
        target = site / path.name
        if path.is_dir() and target.is_dir():
            _move_into(path, target)
        else:
            os.replace(path, target)


SITEMAP = ("sitemap.xml", "sitemap.xml.gz")


def _sitemap(site: Path, urls: list[str], base: str, epoch: int) -> None:
    """sitemap.xml (and its gzip) listing every page, whatever the engine wrote, with its twins in each language
    (hreflang): search engines read them here."""
    import datetime as dt

    day = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date().isoformat()
    present, entries = set(urls), []
    for url in sorted(present):
        found = {lang: twin for lang, twin in twins(url).items() if twin in present}
        alternates = "".join(f'         <xhtml:link rel="alternate" hreflang="{lang}" href="{base}{twin}"/>\n'
                             for lang, twin in [*found.items(), ("x-default", found.get(LANGUAGES[0]))]
                             if len(found) > 1 and twin is not None)
        entries.append(f"    <url>\n         <loc>{base}{url}</loc>\n{alternates}         <lastmod>{day}</lastmod>\n"
                       "    </url>\n")
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "".join(entries) + "</urlset>\n")
    for name in SITEMAP:  # the engine's, maybe a hard link into the cache: replaced, never written through
        (site / name).unlink(missing_ok=True)
    (site / SITEMAP[0]).write_text(text, encoding="utf-8")
    with open(site / SITEMAP[1], "wb") as raw, gzip.GzipFile(fileobj=raw, filename="sitemap.xml", mode="wb",
                                                                    mtime=epoch) as packed:
        packed.write(text.encode("utf-8"))


@dataclass
class _Language:
    """One language's part of the site: its source folder, pages, nav and which pages the engine builds."""
    lang: str
    folder: Path
    generated: dict[str, pages.Page]  # paths within the language's own docs (no `en/`)
    nav: list
    prefix: str  # where its pages live in the site (`""`, `"en/"`)
    layout_plan: stamping.Plan | None = None

    def write(self, config_file: Path, stamp: bool = True) -> Path:
        in_nav = _nav_paths(self.nav)
        self.layout_plan = stamping.plan(self.generated, in_nav, stamp)
        built = {p: self.generated[p] for p in self.layout_plan.built}
        return sitesource.write(self.folder, config_file, self.nav, self.lang, built, in_nav)

    def urls(self) -> list[str]:
        docs = self.folder / "docs"
        return [self.prefix + address(p.relative_to(docs).as_posix())[0] for p in docs.rglob("*.md")] + \
            [self.prefix + address(p)[0] for p in self.layout_plan.stamped]


def _unprefixed(nav, prefix: str):
    """A nav whose paths start with `prefix`, as the language's own engine run sees them."""
    if isinstance(nav, str):
        return nav.removeprefix(prefix)
    if isinstance(nav, dict):
        return {title: _unprefixed(value, prefix) for title, value in nav.items()}
    return [_unprefixed(entry, prefix) for entry in nav]


def _languages(work: Path, rendered: pages.Rendered) -> list[_Language]:
    """Each language's docs folder (the staged `work/docs` split by `en/`) and pages."""
    staged, found = work / "docs", []
    for lang in reversed(LANGUAGES):  # the others' folders out of the first's docs, then the first's
        prefix = PREFIX[lang]
        folder = work / f"source-{lang}"
        folder.mkdir()
        source = staged / prefix.rstrip("/") if prefix else staged
        if source.is_dir():
            source.rename(folder / "docs")
        else:
            (folder / "docs").mkdir()
        generated = {path.removeprefix(prefix): page for path, page in rendered.pages.items() if page.lang == lang}
        nav = _present(_unprefixed(rendered.navs[lang], prefix), set(generated) | {
            p.relative_to(folder / "docs").as_posix() for p in (folder / "docs").rglob("*.md")})
        found.insert(0, _Language(lang, folder, generated, nav, prefix))
    return found


def _present(nav: list, pages: set[str]) -> list:
    """The nav without the pages a language lacks (a hand-written page not yet translated), each said once."""
    kept = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            value = _present(value, pages)
            if value:
                kept.append({next(iter(entry)): value} if isinstance(entry, dict) else value)
        elif value in pages:
            kept.append(entry)
        else:
            print(f"note: {value} has no page in this language (content/<lang>/{value}): left out of its menu",
                  file=sys.stderr)
    return kept


def _build_languages(engine: engines.Engine, languages: list[_Language], config_file: Path, root: str, epoch: int,
                     cache_dir: Path | None, searched: Path, previous: Path | None
                     ) -> tuple[search.Indexing, dict[tuple, str]]:
    """Every language's site, the engine runs side by side; a language whose alike pages differ is built page by page.
    A page the `previous` site holds unchanged is linked from there, not written again (`outfolder.write_new`).

    Returns Pagefind at work on the pages written under `searched` (see `search`), a folder
    per language: the bodies of the generated pages while the engine runs, the pages only
    the engine's output holds once filled; it indexes while the record pages are stamped.
    And the layout of each kind of record page, by language and `stamping.group_key`.
    """
    def bodies() -> None:
        for language in languages:
            search.write(searched / language.lang, ((language.prefix + address(path)[1], search.lean(page))
                                                    for path, page in language.generated.items()
                                                    if not page.markdown.strip()))

    engines.build(engine, [language.write(config_file) for language in languages], epoch, cache_dir, meanwhile=bodies)
    previous_of = {language.lang: previous and str(previous / language.prefix) for language in languages}
    filled = []
    for language in languages:
        site = str(language.folder / "site")
        done = stamping.fill_built(site, language.generated, language.layout_plan, root, language.prefix,
                                   previous_of[language.lang])
        if done.untrusted:
            print(f"note: the pages alike {', '.join(done.untrusted)} came out of {engine.name} unlike each other; "
                  "every page is built by the engine instead (slower)", file=sys.stderr)
            shutil.rmtree(site)
            engines.build(engine, [language.write(config_file, stamp=False)], epoch, cache_dir)
            done = stamping.fill_built(site, language.generated, language.layout_plan, root, language.prefix,
                                       previous_of[language.lang])
        search.write(searched / language.lang, done.searched)
        filled.append(done)
    indexing = search.Indexing([searched / language.lang for language in languages], languages[0].folder / "site")
    layouts = {}
    for language, done in zip(languages, filled):
        alike = {path for first in done.untrusted for path in language.layout_plan.groups[first]}
        in_nav = _nav_paths(language.nav)
        layouts.update(((language.lang, stamping.group_key(path, page)), done.layouts[path])
                       for path, page in language.generated.items() if path in done.layouts and path not in in_nav
                       and path not in alike and not page.markdown.strip())
    try:
        for language, done in zip(languages, filled):
            stamping.stamp(str(language.folder / "site"), language.generated, language.layout_plan, done, root,
                           language.prefix, previous_of[language.lang])
            indexing.poll()
    except BaseException:
        indexing.stop()
        raise
    return indexing, layouts


def validate_and_build(data: Path, out: Path, engine: str = engines.DEFAULT, cache_dir: Path | None = None) -> Built:
    """Validate the data folder, then build its site into `out`: DataErrors when the data has errors, BuildError when
    the site cannot be built, `out` left as it was either way.

    The site is built while Frictionless still checks the tables (in a forked
    process); it is swapped in only if that check, too, finds no error.
    """
    import gc

    from generator.model import build
    from generator.validate import Validation

    steps = Steps()
    validation = Validation(data, cache_dir=cache_dir)
    steps.done("load and check the data")

    def gate() -> None:
        if not validation.report().ok:
            raise DataErrors(validation.report())
        steps.done("table check (wait)")

    if validation.early_errors:
        raise DataErrors(validation.report())
    try:
        dataset = build(validation.loaded, data)
        gc.freeze()  # the model lives to the end of the build, too
        steps.done("model")
        return build_site(dataset, data, out, before_swap=gate, engine=engine, cache_dir=cache_dir, steps=steps)
    except DataErrors:
        raise
    except Exception as exc:  # bad data can break a step (model, pages) before the table check is back: report it first
        if not validation.report().ok:
            raise DataErrors(validation.report()) from exc
        raise


def build_site(dataset: Dataset, data_dir: Path, out: Path, content: Path = CONTENT, config_file: Path = CONFIG,
               before_swap: Callable[[], None] | None = None, engine: str = engines.DEFAULT,
               cache_dir: Path | None = None, steps: Steps | None = None) -> Built:
    """Build the site for `dataset` into `out`, atomically.

    `before_swap` is called when the new site is complete; if it raises, the new site
    is thrown away and `out` is left as it was. `cache_dir`: what is kept between
    builds (`cache.py`), None: no cache. `steps`: where the time of each step goes.
    """
    steps = steps or Steps()
    out = out.resolve()
    check_out(out, data_dir, content, config_file, Path.cwd())
    found = engines.engine(engine)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        clear_leftovers(out)
        work = Path(tempfile.mkdtemp(prefix=f"{out.name}.build-{os.getpid()}-", dir=out.parent))
    except OSError as exc:  # a read-only or full file system, a folder we may not write to
        raise BuildError(f"cannot write next to {out}: {exc.strerror or exc}") from exc
    indexing = None
    try:
        info = site_info(config_file)
        changes = last_changes(data_dir)
        epoch = build_epoch(changes)
        docs = work / "docs"  # every language's hand-written and provided pages, the others' under en/
        docs.mkdir()
        versions, _, past = hooks.history_of(dataset, data_dir, info.url, cache_dir)  # git read once: the job inherits it
        shown = versions[-1].dataset  # today's data as it may be published: the protected withheld from its text too
        steps.done("git: versions and corrections")
        previous = out if out.is_dir() else None  # the site this build replaces: what it holds unchanged is linked
        with Job(_write_extras, dataset, work / "extra", data_dir, info.url, cache_dir, previous) as writers:
            extra_nav = hooks.pages(dataset, docs, data_dir, info.url) + sitesource.copy_content(content, docs, LANGUAGES[0])
            for lang in LANGUAGES[1:]:
                sitesource.copy_content(content, docs / PREFIX[lang], lang)
            rendered = pages.render(shown, info, changes, sitesource.intro(content, "sv"), extra_nav, past,
                                    intro_en=sitesource.intro(content, "en"), cache_dir=cache_dir)
            languages = _languages(work, rendered)
            steps.done("pages")
            indexing, layouts = _build_languages(found, languages, config_file, info.url, epoch, cache_dir,
                                                 work / "searched", previous)
            steps.done("engine, pages filled in")
            site = languages[0].folder / "site"
            for language in languages[1:]:
                for name in SITEMAP:  # one sitemap for the whole site, written below
                    (language.folder / "site" / name).unlink(missing_ok=True)
                (language.folder / "site").rename(site / language.prefix.rstrip("/"))
            _sitemap(site, [url for language in languages for url in language.urls()], info.url, epoch)
            indexing.poll()
            steps.done("sitemap")
        writers.result()
        steps.done("downloads (wait)")
        _move_into(work / "extra", site)
        indexing.finish()
        steps.done("search index (wait)")
        if before_swap is not None:
            before_swap()
        swap(site, out)
        steps.done("swap")
        return Built(out, len(rendered.pages), steps, layouts)
    except (OSError, ValueError, KeyError) as exc:
        raise BuildError(f"the site could not be built: {exc}") from exc
    finally:
        if indexing is not None:  # Pagefind killed if the build failed while it ran; else nothing left to do
            indexing.stop()
        shutil.rmtree(work, ignore_errors=True)


def serve(build: Callable[[], Built | Failed], site: Path, data_dir: Path, host: str, port: int,
          cache_dir: Path | None, content: Path = CONTENT, config_file: Path = CONFIG) -> bool:
    """Build `site` with `build` and serve it, rebuilt when the data, content, configuration or theme change, until
    stopped; False when the first build failed (`build` has said why).

    The process remembers what each data file held (`loader.remember`), so a build reads
    only the files a save changed. A saved trip's pages are shown first (`edited.show`),
    filled into the layout of the last good build; when the build that follows fails,
    they are put back, and the open pages show the last good build with its problems.
    """
    from generator import edited, preview
    from generator.loader import remember

    remember()
    done = build()
    if not isinstance(done, Built):
        return False
    last: dict = {"layouts": done.layouts, "shown": None}  # the last good build's layouts; the pages shown first

    def first(changed: set[Path]) -> bool:
        last["shown"] = edited.show(data_dir, site, changed, last["layouts"], cache_dir, config_file)
        return last["shown"] is not None

    def rebuild() -> Failed | None:
        shown, last["shown"] = last["shown"], None
        try:
            done = build()
        except BaseException:  # a fault, a stop: the pages shown first go too
            if shown is not None:
                shown.undo()
            raise
        if not isinstance(done, Built):
            if shown is not None:
                shown.undo()
            return done
        last["layouts"] = done.layouts
        return None

    start_fork_server(["generator.validate", "generator.model", "generator.publish", "generator.catalog", "frictionless"])
    preview.serve(rebuild, site, [data_dir.resolve(), content, config_file, *WATCHED], host, port, first)
    return True
