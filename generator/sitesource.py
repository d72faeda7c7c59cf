"""The site's source on disk: a folder any engine that reads `mkdocs.yml` can build.

The folder holds `mkdocs.yml` (the project's, with relative paths, the nav and no
plugins or hooks: Zensical would drop them without a word), `docs/` (the hand-written
pages of `content/`, the portal's assets and every generated page) and `overrides/`
(the theme overrides). A generated page reaches the engine as Markdown holding only
placeholders: its title is `TITLE`, its body the region between `BEGIN` and `END` with
its h1 and h2 headings, so the engine builds the layout and the table of contents, and
`fill` puts the page's own HTML in their place. No data value is ever read as Markdown.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import yaml

from generator.outfolder import BuildError
from generator.i18n import LANGUAGES, NAMES, language, other, plural_forms
from generator.i18n import t as _
from generator.addresses import SEARCH, PREFIX, language_of, twins
from generator.render.links import SiteInfo, relative
from generator.render.pages import MARKDOWN_SLOT, TITLE_ANCHOR, Page

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "mkdocs.yml"
CONTENT = REPO / "content"
ASSETS = Path(__file__).resolve().parent / "assets"
OVERRIDES = Path(__file__).resolve().parent / "templates" / "theme"
ASSETS_AT = "assets/portal"  # where the assets are in the site (mkdocs.yml's extra_css names them there)
WORDS_JS = f"{ASSETS_AT}/words.js"  # the scripts' words in the language of the site it is in (script_words)
PLUGINS_KEPT = {"search"}  # replaced by Pagefind, so dropping it loses nothing

TITLE, URL, BEGIN, MARKDOWN, HEADINGS, END, SWITCH = (f"PORTALx{name}" for name in
                                                      ("TITLE", "URL", "BEGIN", "MARKDOWN", "HEADINGS", "END", "SWITCH"))
TOPIC = "data-portal-topic"  # the header's page title (partials/header.html), marked where its language is the data's
REGION = re.compile(f"<p>{BEGIN}</p>.*?<p>{MARKDOWN}</p>(.*?)<p>{HEADINGS}</p>.*?<p>{END}</p>", re.S)


def read_config(config_file: Path = CONFIG) -> dict:
    try:
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"{config_file}: cannot be read: {exc}") from exc
    if not isinstance(config, dict) or not config.get("site_name") or not config.get("site_url"):
        raise BuildError(f"{config_file}: site_name and site_url are required")
    return config


def site_info(config_file: Path = CONFIG) -> SiteInfo:
    """Name, URL and repository of the site, as `mkdocs.yml` says."""
    config = read_config(config_file)
    extra = config.get("extra") or {}
    return SiteInfo(config["site_name"], config["site_url"].rstrip("/") + "/", (config.get("repo_url") or "").rstrip("/"),
                    extra.get("repo_branch", "main"), extra.get("report_email"))


def engine_config(config_file: Path, nav: list, lang: str) -> dict:
    """The project's `mkdocs.yml` as the engine gets it: relative paths, our nav, no plugins or hooks."""
    config = read_config(config_file)
    extra = sorted(set(_names(config.get("plugins"))) - PLUGINS_KEPT) + (["hooks"] if config.get("hooks") else [])
    if extra:
        raise BuildError(f"{config_file}: remove {', '.join(extra)}: the portal builds with any engine, "
                         "and Zensical ignores plugins and hooks without a word")
    config.update(docs_dir="docs", site_dir="site", nav=nav, plugins=[])
    config["theme"] = {**config.get("theme", {}), "custom_dir": "overrides", "language": lang}
    config["site_url"] = config["site_url"].rstrip("/") + "/" + PREFIX[lang]
    for key in ("site_name", "site_description", "copyright"):  # in the language's words where mkdocs.yml gives them
        config[key] = (config.get("extra") or {}).get(f"{key}_{lang}", config.get(key))
    with language(lang):  # the theme overrides' own words (partials/copyright.html)
        words = {"about_site": _("Om webbplatsen"), "statement": _("Tillgänglighetsredogörelse"),
                 "about_data": _("Om datan"), "source": _("Källkod och data"), "not_found": _("Sidan finns inte"),
                 "not_found_help": _("Adressen kan vara felskriven, eller så har sidan tagits bort."),
                 "home": _("Till startsidan"), "search_site": _("Sök på webbplatsen")}
    config["extra"] = {**(config.get("extra") or {}), "twin": {"lang": other(lang), "name": NAMES[other(lang)]}, "words": words,
                       "search": SEARCH}  # the header's search form and the 404 page lead there
    config["extra_javascript"] = [WORDS_JS] + [s for s in config.get("extra_javascript") or [] if s != WORDS_JS]
    extensions = config.setdefault("markdown_extensions", [])
    for needed in ("attr_list", "toc"):  # heading anchors `{#id}` and the table of contents
        if needed not in _names(extensions):
            extensions.append(needed)
    return config


def script_words(lang: str) -> dict:
    """What tables.js and search.js write, in `lang`, from the one catalogue: `words.js` gives it to them."""
    with language(lang):
        return {
            "lang": lang,
            "filter": _("Filtrera tabellen: {caption}"),
            "table": _("tabellen"),
            "save": _("Ladda ner de visade raderna som CSV"),
            "sortby": _("Sortera efter"),
            "pageorder": _("sidans ordning"),
            "ascending": _("{column}, stigande"),
            "descending": _("{column}, fallande"),
            "file": _("tabell"),
            "all": plural_forms("Visar {n} rad.", "Visar alla {n} rader."),
            "some": plural_forms("Visar {shown} av {n} rad.", "Visar {shown} av {n} rader."),
            "found": plural_forms("{n} träff för ”{query}”.", "{n} träffar för ”{query}”."),
            "none": _("Inga träffar för ”{query}”."),
            "first": plural_forms("{n} visas.", "De {n} första visas."),
            "busy": _("Söker …"),
            "failed": _("Sökningen kunde inte köras. Försök igen eller bläddra i listorna."),
        }


def _names(entries) -> list[str]:
    return [next(iter(e)) if isinstance(e, dict) else str(e) for e in entries or []]


def _markdown_text(text: str) -> str:
    """Plain text as Markdown that reads as that text (headings of the table of contents)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~])", r"\\\1", html.escape(text, quote=False))


def page_source(page: Page, in_nav: bool) -> str:
    """A generated page as the engine reads it: placeholders for title and body, its headings for the contents.

    A page in the nav keeps its title: the nav names it by that title on every page."""
    title = yaml.safe_dump(html.escape(page.title, quote=False), allow_unicode=True).removesuffix("\n...\n").strip()
    front = "---\ntitle: " + (title if in_nav else TITLE) + "\n" + ("hide:\n  - toc\n" if page.hide_toc else "") + "---\n\n"
    headings = "".join(f"## {_markdown_text(text)} {{#{anchor}}}\n\n" for anchor, text in page.headings)
    return (front + f"{BEGIN}\n\n# {TITLE} {{#{TITLE_ANCHOR}}}\n\n{MARKDOWN}\n\n{page.markdown.strip()}\n\n{HEADINGS}\n\n"
            + headings + f"{END}\n")


def _content_of(content: Path, lang: str) -> Path:
    """Where the hand-written pages of `lang` are: `content/`, `content/<lang>/` for the others."""
    return content / PREFIX[lang]


def copy_content(content: Path, docs: Path, lang: str) -> list:
    """The hand-written pages of `lang` into `docs`; their nav."""
    source = _content_of(content, lang)
    nav = []
    if not source.is_dir():
        return nav
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if not path.is_file() or path.name.startswith("_") or (source == content and rel.parts[0] in LANGUAGES[1:]):
            continue
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, docs / rel)
        if path.suffix == ".md" and len(rel.parts) == 1:
            nav.append(rel.as_posix())
    return nav


def intro(content: Path, lang: str) -> str:
    """The start page's hand-written intro (`_start.md`) in `lang`."""
    path = _content_of(content, lang) / "_start.md"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def write(folder: Path, config_file: Path, nav: list, lang: str, generated: dict[str, Page], in_nav: set[str]) -> Path:
    """The source folder (its docs/ may already hold hand-written pages): returns its `mkdocs.yml`."""
    docs = folder / "docs"
    shutil.copytree(ASSETS, docs / ASSETS_AT, dirs_exist_ok=True)
    words = (ASSETS / "words.js").read_text(encoding="utf-8")
    (docs / WORDS_JS).write_text(words.replace("var WORDS = {};", "var WORDS = " + json.dumps(
        script_words(lang), ensure_ascii=False, sort_keys=True) + ";"), encoding="utf-8")
    shutil.copytree(OVERRIDES, folder / "overrides", dirs_exist_ok=True)
    for rel, page in generated.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_source(page, rel in in_nav), encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump(engine_config(config_file, nav, lang), allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    return config


def shape(built: str, canonical: str) -> str | None:
    """The engine's page with its title, body and own address as slots (see `fill`); None if it has no body slot."""
    found = REGION.search(built)
    if not found:
        return None
    layout = built[:found.start()] + "\x00" + found.group(1) + "\x00" + built[found.end():]
    return layout.replace(f'"{canonical}"', f'"{URL}"')


def fill(layout: str, page: Page, canonical: str, url: str, base: str) -> str:
    """The page's title, addresses and HTML in the slots of `layout`, the engine's Markdown where the page says.

    `url` is the page's site-relative address (`en/...` for English), `base` the site's root URL."""
    head, markdown, tail = (link_twins(part.replace(TITLE, html.escape(page.title, quote=False))
                                       .replace(f'"{URL}"', f'"{canonical}"'), url, base)
                            for part in layout.split("\x00"))
    if page.title_lang:
        head = head.replace(TOPIC, f'{TOPIC} lang="{page.title_lang}"')
    return head + page.html.replace(MARKDOWN_SLOT, markdown.strip()) + tail


def link_twins(layout: str, url: str, base: str) -> str:
    """The layout's link to the page in the other language (the header's switch) filled in."""
    twin = twins(url)[other(language_of(url))]
    switch = relative(twin, url) if url.endswith("/") or not url else base + twin  # 404.html: served at any depth
    return layout.replace(f'"{SWITCH}"', f'"{switch}"')
