"""Pages + content/ -> a MkDocs (Material) site, built into a fresh folder and swapped in.

The only module that knows the site engine. A build stages the hand-written pages of
`content/` and the portal's own assets into a fresh docs folder, renders the generated
pages (HTML, handed to MkDocs as virtual pages by the portal plugin: no Markdown pass),
runs MkDocs into a fresh site folder next to `--out`, lets the registered post-build
writers (open-data downloads ...) add their files, and only then replaces `--out`:
a failed build leaves the previous site untouched. Dates come from git, never the
clock, so the same data builds byte-identical output.
"""

from __future__ import annotations

import calendar
import contextlib
import importlib
import importlib.util
import json
import logging
import os
import posixpath
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import jinja2
import yaml
from markupsafe import escape

from generator.background import Job, in_two, start_fork_server
from generator.history import Change, last_changes
from generator.model import Dataset
from generator.outfolder import BuildError, check_out, clear_leftovers, swap
from generator.render import pages
from generator.render.links import SiteInfo

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "mkdocs.yml"
CONTENT = REPO / "content"
ASSETS = Path(__file__).resolve().parent / "assets"
WATCHED = (Path(__file__).resolve().parent / "templates", ASSETS)
log = logging.getLogger(__name__)

# Extension points for the other build stages (open-data downloads, data dictionary,
# changelog). A module registers itself when imported; the modules named in
# EXTENSION_MODULES are imported, if they exist, at the start of every build.
EXTENSION_MODULES = ("generator.downloads.hooks", "generator.catalog")

PageProvider = Callable[[Dataset, Path, Path], list]
PAGE_PROVIDERS: list[PageProvider] = []
"""Called with (dataset, docs_dir, data_dir) before MkDocs runs: writes Markdown pages
into docs_dir and returns their nav entries (MkDocs style, e.g. [{"Data": "data.md"}]),
which go before the hand-written pages."""

PostBuildWriter = Callable[[Dataset, Path, Path], None]
POST_BUILD_WRITERS: list[PostBuildWriter] = []
"""Called with (dataset, site_dir, data_dir, cache_dir) after MkDocs, before the fresh site is
swapped in: adds files (downloads, catalogue ...); raising fails the whole build."""


def register_pages(provider: PageProvider) -> PageProvider:
    if provider not in PAGE_PROVIDERS:
        PAGE_PROVIDERS.append(provider)
    return provider


def register_post_build(writer: PostBuildWriter) -> PostBuildWriter:
    if writer not in POST_BUILD_WRITERS:
        POST_BUILD_WRITERS.append(writer)
    return writer


def load_extensions() -> None:
    for name in EXTENSION_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)


def _run_extension(step: Callable, *args):
    try:
        return step(*args)
    except BuildError:
        raise
    except Exception as exc:  # a failing step fails the build; never swap in half a site
        raise BuildError(f"{step.__module__}.{step.__qualname__} failed: {exc}") from exc


@dataclass
class Built:
    out: Path
    pages: int


def site_info(config_file: Path = CONFIG) -> SiteInfo:
    """Name, URL and repository of the site, as `mkdocs.yml` says."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    extra = config.get("extra") or {}
    return SiteInfo(config["site_name"], config["site_url"].rstrip("/") + "/", config["repo_url"].rstrip("/"),
                    extra.get("repo_branch", "main"), extra.get("report_email"))


def prepare(dataset: Dataset, data_dir: Path, docs: Path, content: Path = CONTENT) -> tuple[list, str]:
    """Write content/, the assets and the registered pages into `docs`; return their nav and the start page's intro."""
    intro = content / "_start.md"
    extra_nav = []
    if content.is_dir():
        for path in sorted(content.rglob("*")):
            rel = path.relative_to(content)
            if path.is_file() and not path.name.startswith("_"):
                (docs / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, docs / rel)
                if path.suffix == ".md" and len(rel.parts) == 1:
                    extra_nav.append(rel.as_posix())
    shutil.copytree(ASSETS, docs / "assets" / "portal", dirs_exist_ok=True)
    provided = [entry for provider in PAGE_PROVIDERS for entry in _run_extension(provider, dataset, docs, data_dir)]
    return provided + extra_nav, intro.read_text(encoding="utf-8") if intro.is_file() else ""


def build_epoch(changes: dict[str, Change]) -> int:
    """The build's timestamp (sitemap, gzip header): the data's last commit, else 1970."""
    newest = max((c.date for c in changes.values()), default=None)
    return calendar.timegm(newest.timetuple()) if newest else 0


@contextlib.contextmanager
def _source_date_epoch(epoch: int):
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def valid_html(output: str) -> str:
    """Correct the few bits of Material 9's markup that the Nu Html Checker rejects.

    `autocomplete` on checkboxes and empty `tabindex` are invalid attributes; a label
    pointing at the table-of-contents toggle is invalid on pages outside the nav,
    where Material renders no toggle.
    """
    output = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output).replace(' tabindex=""', "")
    if 'id="__toc"' not in output:
        output = output.replace(' for="__toc"', "")
    return output


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates kept across builds in one process (`portal serve`).

    MkDocs compiles Material's templates afresh on every build (about half a second);
    keyed by the template's source checksum, so an edited override is recompiled.
    """

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if (code := self.store.get(bucket.key + bucket.checksum)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.store[bucket.key + bucket.checksum] = bucket.bytecode_to_string()


_THEME_CACHE = _MemoryBytecodeCache()
_ID = re.compile(r'\sid="([^"]+)"')
_TOKEN = "\ue000"  # a private-use character: never in a title or page the portal renders
_TITLE, _URL, _CONTENT = (f"{_TOKEN}portal-{name}{_TOKEN}" for name in ("title", "url", "content"))
_SLOTS = re.compile(f"({_TOKEN}portal-(?:title|url|content){_TOKEN})")


class _Skeletons:
    """Material's page template for record pages, rendered once per kind of page instead of once per page.

    Record pages outside the nav that share a folder, front matter and table of contents
    come out of Material's templates alike but for their title, address and content
    (rendering the nav and header for each of 10,000 pages was most of a build). The
    first page of such a group is also rendered with placeholders in those three places:
    the skeleton. The second is rendered in full and compared with its skeleton-filled
    version; only if they are identical are the rest of the group filled in, otherwise the
    group is rendered in full, page by page. So the output is what Material renders.
    """

    enabled = True  # False renders every page in full (tests compare the two)

    def __init__(self, template):
        self.template = template
        self.groups: dict[tuple, list] = {}  # key -> [skeleton or None, trusted]
        self.keys: dict[str, tuple | None] = {}  # page url -> its key

    def trusted(self, url: str) -> str | None:
        """The skeleton of the group of the page at `url`, once a second page has matched it."""
        group = self.groups.get(self.keys.get(url))
        return group[0] if group and group[1] else None

    @staticmethod
    def _key(page) -> tuple | None:
        title, content = page.meta.get("title"), page.content
        if (not getattr(page, "portal", None) or page.file.inclusion.is_in_nav() or not isinstance(title, str)
                or not title or any(c in title for c in '<>&"\'' + _TOKEN) or title != " ".join(title.split())
                or _TOKEN in content):
            return None
        meta = json.dumps({k: v for k, v in page.meta.items() if k != "title"}, sort_keys=True, default=str)
        toc = json.dumps([[t.id, t.title, t.level, len(t.children)] for t in page.toc])
        return (posixpath.dirname(page.url.rstrip("/")), meta, toc, "<h1" in content, page.edit_url,
                page.previous_page and page.previous_page.url, page.next_page and page.next_page.url)

    @staticmethod
    def fill(skeleton: str, page) -> str:
        return (skeleton.replace(_TITLE, page.meta["title"]).replace(_URL, page.canonical_url or "")
                .replace(_CONTENT, page.content))

    def _skeleton(self, context, page) -> str:
        saved = page.meta["title"], page.canonical_url, page.content
        page.meta["title"], page.canonical_url = _TITLE, _URL
        page.content = _CONTENT + ("<h1" if "<h1" in saved[2] else "")
        try:
            skeleton = self.template.render(context)
        finally:
            page.meta["title"], page.canonical_url, page.content = saved
        return skeleton.replace(_CONTENT + ("<h1" if "<h1" in saved[2] else ""), _CONTENT)

    def render(self, context) -> str:
        page = context.get("page")
        key = None if page is None or not self.enabled else self._key(page)
        if page is not None:
            self.keys[page.url] = key
        if key is None:
            return self.template.render(context)
        group = self.groups.get(key)
        if group is None:
            self.groups[key] = [self._skeleton(context, page), False]
            return self.template.render(context)
        skeleton, trusted = group
        if skeleton is None:
            return self.template.render(context)
        filled = self.fill(skeleton, page)
        if trusted:
            return filled
        full = self.template.render(context)
        if full == filled:
            group[1] = True
        else:
            group[0] = None
            log.debug("page skeleton differs for %s: rendering its group page by page", page.url)
        return full


def _plain(text: str | None) -> bool:
    """Text that reads the same escaped or not, in HTML and in the search index."""
    return bool(text) and not any(c in text for c in '<>&"\'' + _TOKEN) and text == " ".join(text.split())


def _nav_paths(nav) -> set[str]:
    found = set()
    for entry in nav if isinstance(nav, list) else [nav]:
        if isinstance(entry, str):
            found.add(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                found |= _nav_paths(value)
    return found


_UNSTAMPABLE = (_TOKEN, 'autocomplete="off"', ' tabindex=""', '"__toc"')  # in a page's own HTML: `valid_html` would touch it


def stamp_groups(generated: dict[str, pages.Page], nav: list) -> dict[tuple, list[str]]:
    """Record pages that can be stamped out of Material's layout: group -> paths, in page order.

    A group's pages share folder, table of contents and kind of content, so Material
    renders them alike but for title, address and content (see `_Skeletons`). Its first
    two pages go through MkDocs: the skeleton, and the check of the skeleton against a
    full rendering. The rest are stamped from the skeleton after MkDocs has built its
    pages, skipping MkDocs' per-page work (most of a build of ten thousand records).
    """
    in_nav, groups = _nav_paths(nav), {}
    for path, page in generated.items():
        if (path not in in_nav and not page.markdown.strip() and _plain(page.title) and _plain(page.summary)
                and not any(text in page.html for text in _UNSTAMPABLE)):
            key = (posixpath.dirname(path), page.hide_toc, tuple(page.headings), "<h1" in page.html)
            groups.setdefault(key, []).append(path)
    return groups


STAMP_IN_TWO_FROM = 2000  # pages; below it a second process costs more than it saves


def stamp_pages(items: list[tuple[str, str, str, str, str]], skeletons: dict[str, str]) -> None:
    """Write stamped pages: (file, group, title, canonical URL, content) filled into the group's skeleton.

    `valid_html` is applied to the skeleton once, not to every page: a stamped page's own
    title, URL and content hold nothing it rewrites (`stamp_groups` checks), so the result
    is the same.
    """
    stamps = {group: [part if number % 2 else part.encode("utf-8")  # fixed bytes and slot names in turn
                      for number, part in enumerate(_SLOTS.split(valid_html(skeleton)))]
              for group, skeleton in skeletons.items()}
    for dest, group, title, canonical, content in items:
        values = {_TITLE: title, _URL: canonical, _CONTENT: content}
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as out:
            out.write(b"".join(values[part].encode("utf-8") if isinstance(part, str) else part
                               for part in stamps[group]))


_PLAIN_PATH = re.compile(r"[a-z0-9][a-z0-9_/-]*")  # record paths: nothing to quote, nothing for urljoin to resolve


def _address(config, path: str) -> tuple[str, str]:
    """The URL and output file MkDocs gives the page at `path` (`foo/bar.md` -> `foo/bar/`), cheaply for a record."""
    stem, use_folders = path.removesuffix(".md"), config.use_directory_urls
    if not (path.endswith(".md") and _PLAIN_PATH.fullmatch(stem)) or posixpath.basename(stem) in ("index", "README"):
        from mkdocs.structure.files import File

        file = File.generated(config, path, content="")
        return file.url, file.abs_dest_path
    url = f"{stem}/" if use_folders else f"{stem}.html"
    return url, os.path.join(config.site_dir, f"{stem}/index.html" if use_folders else url)


class _StampFailed(Exception):
    """A group's skeleton was not confirmed: the build is run again with every page through MkDocs."""


def _portal_plugin(generated: dict[str, pages.Page], nav: list, stamp: bool = True):
    """The portal's MkDocs plugin: generated pages in, valid HTML out, compiled templates reused.

    The generated pages are already HTML: MkDocs gets them as virtual files holding only
    their hand-written Markdown (mostly nothing), and the page's HTML replaces what
    Markdown made of it. Pages with a summary (record pages) are indexed for search by
    title and summary, not section by section. Most record pages are stamped from their
    group's skeleton instead (`stamp_groups`); they come last in MkDocs' order of files
    whether stamped or not, so the sitemap and search index are the same either way.
    """
    import gzip
    import struct
    from urllib.parse import urljoin

    from mkdocs import utils
    from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import get_toc

    class GeneratedPage(Page):
        portal: pages.Page

        def render(self, config, files):
            source = self.portal
            self.meta = {"title": str(escape(source.title)), **({"hide": ["toc"]} if source.hide_toc else {})}
            converted, tokens = "", []
            if self.markdown.strip():
                super().render(config, files)
                converted, tokens = self.content, [_token(item) for item in self.toc]
            self.content = source.html.replace(pages.MARKDOWN_SLOT, converted) if converted else source.html
            self.toc = get_toc(tokens + [{"level": 2, "id": anchor, "name": str(escape(text)), "children": []}
                                         for anchor, text in source.headings])
            self.present_anchor_ids = set(_ID.findall(self.content))

    def _token(item) -> dict:
        return {"level": item.level, "id": item.id, "name": item.title, "children": [_token(c) for c in item.children]}

    groups = stamp_groups(generated, nav)
    order = {path: number for number, path in enumerate(generated)}
    later = sorted((path for paths in groups.values() for path in paths[2:]), key=order.__getitem__)
    stamped = set(later) if stamp and _Skeletons.enabled else set()

    class Portal(BasePlugin):
        def __init__(self):
            super().__init__()
            self.full_content: str | None = None
            self.skeletons: _Skeletons | None = None

        def on_files(self, files, config):
            late = set(later)
            for path in [p for p in generated if p not in late] + later:
                if (existing := files.get_file_from_path(path)) is not None:
                    files.remove(existing)
                if path not in stamped:
                    files.append(File.generated(config, path, content=generated[path].markdown))
            return files

        @event_priority(100)  # before the search plugin writes its index
        def on_post_build(self, config):
            if not stamped:
                return
            skeletons = {}
            for paths in groups.values():
                if len(paths) > 2:
                    file = File.generated(config, paths[0], content="")
                    skeletons[paths[0]] = self.skeletons.trusted(file.url) if self.skeletons else None
                    if skeletons[paths[0]] is None or _address(config, paths[0]) != (file.url, file.abs_dest_path):
                        raise _StampFailed(paths[0])
            first = {path: paths[0] for paths in groups.values() for path in paths}
            search = next((p for p in config.plugins.values() if hasattr(p, "search_index")), None)
            base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
            build_date, entries, items = utils.get_build_date(), [], []
            for path in later:
                source, (url, dest) = generated[path], _address(config, path)
                canonical = base + url if _PLAIN_PATH.fullmatch(url) else urljoin(base, url)
                items.append((dest, first[path], source.title, canonical, source.html))
                if search is not None:  # the entry Material's indexer makes of the summary (see _summary_for_search)
                    search.search_index.entries.append(
                        {"location": url, "title": source.title, "text": f"{source.title} <p>{source.summary}</p>"})
                entries.append(f"\n    <url>\n         <loc>{canonical}</loc>\n"
                               f"         <lastmod>{build_date}</lastmod>\n    </url>")
            in_two(stamp_pages, items, len(items) // 2 if len(items) >= STAMP_IN_TWO_FROM else len(items), skeletons)
            sitemap = Path(config.site_dir) / "sitemap.xml"
            if sitemap.is_file():  # as MkDocs writes it, with the stamped pages at the end
                text = sitemap.read_text(encoding="utf-8").replace("\n</urlset>", "".join(entries) + "\n</urlset>")
                sitemap.write_text(text, encoding="utf-8")
                packed = sitemap.with_name("sitemap.xml.gz")
                mtime = struct.unpack("<I", packed.read_bytes()[4:8])[0]
                with open(packed, "wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(packed), mode="wb", mtime=mtime) as gz:
                    gz.write(text.encode("utf-8"))

        def on_pre_page(self, page, config, files):
            if (source := generated.get(page.file.src_uri)) is not None:
                page.__class__ = GeneratedPage
                page.portal = source
            return page

        def on_env(self, env, config, files):
            env.bytecode_cache = _THEME_CACHE
            get_template, skeletons = env.get_template, {}

            def template(name, parent=None, globals=None):
                found = get_template(name, parent, globals)
                if name == "main.html" and parent is None and globals is None:
                    return skeletons.setdefault(name, _Skeletons(found))
                return found

            env.get_template = template
            self.skeletons = skeletons.setdefault("main.html", _Skeletons(get_template("main.html")))
            return env

        @event_priority(100)  # before the search plugin indexes the page
        def _summary_for_search(self, context, page, config, nav):
            source = getattr(page, "portal", None)
            if source is not None and source.summary is not None:
                self.full_content = page.content
                page.content = f"<h1>{page.meta['title']}</h1>\n<p>{escape(source.summary)}</p>"
            return context

        @event_priority(-100)
        def _restore_content(self, context, page, config, nav):
            if self.full_content is not None:
                page.content, self.full_content = self.full_content, None
            return context

        on_page_context = CombinedEvent(_summary_for_search, _restore_content)

        def on_post_page(self, output, page, config):
            return valid_html(output)

        def on_post_template(self, output_content, template_name, config):
            return valid_html(output_content) if template_name.endswith(".html") else output_content

    return Portal()


def run_mkdocs(docs: Path, site: Path, nav: list, config_file: Path = CONFIG,
               generated: dict[str, pages.Page] | None = None, **overrides) -> None:
    """One strict MkDocs build: any warning fails it. Dates come from $SOURCE_DATE_EPOCH.

    `generated` pages (docs-relative path -> page) are added to what `docs` holds.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        for stamp in (True, False):  # a fresh config each time: plugins stay registered with one
            config = load_config(str(config_file), docs_dir=str(docs), site_dir=str(site), nav=nav, strict=True,
                                 **overrides)
            config.plugins["portal"] = _portal_plugin(generated or {}, nav, stamp)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
                break
            except _StampFailed as exc:
                log.debug("no confirmed skeleton for the group of %s: building every page with MkDocs", exc)
            finally:
                config.plugins.on_shutdown()
    except MkDocsException as exc:
        raise BuildError(f"MkDocs failed: {exc}") from exc


def _write_extras(dataset: Dataset, extra: Path, data_dir: Path, cache_dir: Path | None) -> None:
    """The post-build writers, into `extra` (run as a background job beside the pages)."""
    shutil.rmtree(extra, ignore_errors=True)  # left over from a failed forked run
    extra.mkdir()
    for writer in POST_BUILD_WRITERS:
        _run_extension(writer, dataset, extra, data_dir, cache_dir)


def _move_into(extra: Path, site: Path) -> None:
    """Move what `extra` holds into `site`: whole folders where `site` has none of that name (one rename each)."""
    for path in sorted(extra.iterdir()):
        target = site / path.name
        if path.is_dir() and target.is_dir():
            _move_into(path, target)
        else:
            os.replace(path, target)


def _past(dataset: Dataset, data_dir: Path, config_file: Path):
    """Each record's corrections across the published versions (the versions are read once per build)."""
    from generator.downloads import history

    return history(dataset, None, data_dir, site_info(config_file).url)[2]


def build_site(dataset: Dataset, data_dir: Path, out: Path, content: Path = CONTENT,
               config_file: Path = CONFIG, before_swap: Callable[[], None] | None = None,
               cache_dir: Path | None = None) -> Built:
    """Build the site for `dataset` into `out`, atomically.

    `before_swap` is called when the new site is complete; if it raises, the new site
    is thrown away and `out` is left as it was. `cache_dir`: what the post-build writers
    may keep between builds (`cache.py`), None: no cache.
    """
    out = out.resolve()
    check_out(out, data_dir, content, config_file, Path.cwd())
    load_extensions()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        clear_leftovers(out)
        work = Path(tempfile.mkdtemp(prefix=f"{out.name}.build-{os.getpid()}-", dir=out.parent))
    except OSError as exc:  # a read-only or full file system, a folder we may not write to
        raise BuildError(f"cannot write next to {out}: {exc.strerror or exc}") from exc
    try:
        docs, site = work / "docs", work / "site"
        changes = last_changes(data_dir)
        with _source_date_epoch(build_epoch(changes)):  # writers may stamp files (zip entries) too
            nav, intro = prepare(dataset, data_dir, docs, content)
            past = _past(dataset, data_dir, config_file)
            with Job(_write_extras, dataset, work / "extra", data_dir, cache_dir) as writers:  # they need only the data
                rendered = pages.render(dataset, site_info(config_file), changes, intro, nav, past)
                run_mkdocs(docs, site, rendered.nav, config_file, rendered.pages)
            writers.result()
            _move_into(work / "extra", site)
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
    """Serve `site` with MkDocs' live-reload server, calling `rebuild` when a source changes.

    The browser reloads by itself after each rebuild. `rebuild` must not raise for bad
    data: it reports the problems and leaves the previous site in place.
    """
    from mkdocs.livereload import LiveReloadServer

    start_fork_server(["generator.validate", "generator.model", "generator.publish", *EXTENSION_MODULES, "frictionless"])
    logging.getLogger("mkdocs.livereload").setLevel(logging.INFO)
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site), polling_interval=0.25)
    for path in (data_dir, content, config_file, *WATCHED):
        if path.exists():
            server.watch(str(path))
    announce = logging.StreamHandler(sys.stdout)
    announce.addFilter(lambda record: "Serving on" in record.getMessage())  # once the port is bound
    logging.getLogger("mkdocs.livereload").addHandler(announce)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def plain_mkdocs_config(data_dir: Path, work: Path) -> Path:
    """An mkdocs.yml over freshly rendered pages, for timing a plain `mkdocs build` (bench)."""
    from generator.validate import validated_dataset

    report, dataset = validated_dataset(data_dir)
    if dataset is None:
        raise BuildError(f"the data in {data_dir} has errors")
    nav, intro = prepare(dataset, data_dir, work / "docs")
    rendered = pages.render(dataset, site_info(), last_changes(data_dir), intro, nav)
    pages.write(rendered, work / "docs")
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    config.update(docs_dir=str(work / "docs"), site_dir=str(work / "site"), nav=rendered.nav)
    config["theme"]["custom_dir"] = str(CONFIG.parent / config["theme"]["custom_dir"])
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
