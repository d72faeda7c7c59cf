"""The generated pages filled into the layout the engine built, most of them without the engine.

The engine lays out every page it gets the same way but for title, address and body,
which `sitesource` gives it as slots. Record pages outside the nav that share a folder,
table of contents and kind of body are laid out alike: the engine builds only the
first two of such a group. The first gives the group's layout, the second must come
out identical to it (else the group is not stamped); the rest are filled into that
layout here. Whatever the engine (MkDocs, ProperDocs, Zensical), a page comes out as
if the engine had built it (tested), without its per-page work for 10,000 records.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from typing import Iterable

from generator.background import in_two
from generator.render.pages import Page
from generator.addresses import address
from generator.outfolder import write_new
from generator.sitesource import fill, link_twins, shape

STAMP_IN_TWO_FROM = 2000  # pages; below it a second process costs more than it saves
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def valid_html(output: str) -> str:
    """Correct the few bits of Material's markup that the Nu Html Checker rejects.

    `autocomplete` on checkboxes and empty `tabindex` are invalid attributes; a label
    pointing at the table-of-contents toggle is invalid on pages outside the nav,
    where Material renders no toggle.
    """
    output = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output).replace(' tabindex=""', "")
    if 'id="__toc"' not in output:
        output = output.replace(' for="__toc"', "")
    return output


@dataclass
class Plan:
    """Which generated pages the engine builds, and which are stamped from which group's first page."""
    built: list[str] = field(default_factory=list)  # source paths, in page order
    groups: dict[str, list[str]] = field(default_factory=dict)  # first page -> the group's pages, in order

    @property
    def stamped(self) -> list[str]:
        return [path for paths in self.groups.values() for path in paths[2:]]


def group_key(path: str, page: Page) -> tuple:
    """What pages laid out alike share (`path` within its language's docs): folder, table of contents, headings."""
    return posixpath.dirname(path), page.hide_toc, tuple(page.headings)


def plan(generated: dict[str, Page], in_nav: set[str], stamp: bool = True) -> Plan:
    """Group the record pages that come out alike; the engine builds the rest and two of each group."""
    groups: dict[tuple, list[str]] = {}
    for path, page in generated.items():
        if stamp and path not in in_nav and not page.markdown.strip():
            groups.setdefault(group_key(path, page), []).append(path)
    result = Plan(groups={paths[0]: paths for paths in groups.values() if len(paths) > 2})
    stamped = set(result.stamped)
    result.built = [path for path in generated if path not in stamped]
    return result


def _write(site: str, items: Iterable[tuple[str, str]], previous: str | None) -> None:
    """Write each page as a new file (`outfolder.write_new`), or link the one at the same place under `previous`
    (the site being replaced) where it holds the same bytes."""
    for rel, text in items:
        write_new(os.path.join(site, rel), text.encode("utf-8"), previous and os.path.join(previous, rel))


def _stamp(items: list[tuple[str, str, str, str]], layouts: dict[str, str], generated: dict[str, Page], site: str,
           root: str, prefix: str, previous: str | None) -> None:
    """Write stamped pages: (output file, group, source path, address)."""
    _write(site, ((dest, fill(layouts[group], generated[path], root + prefix + url, prefix + url, root))
                  for dest, group, path, url in items), previous)


@dataclass
class Filled:
    """What filling the engine's own pages found: each built page's layout, and the groups not to stamp."""
    layouts: dict[str, str]
    untrusted: list[str]
    searched: list[tuple[str, str]]  # (output file, HTML) of the pages whose body only the engine's page holds


def fill_built(site: str, generated: dict[str, Page], layout_plan: Plan, root: str, prefix: str = "",
               previous: str | None = None) -> Filled:
    """Fill the generated pages the engine built into its layout, and check each group's two pages alike.

    `site` holds what the engine built for the language whose pages live under `prefix`
    (`""`, `"en/"`) of the site at `root`. Each of its HTML files is made valid
    (`valid_html`) and gets its link to its twin; the generated ones get their body.
    `previous`: where the site being replaced holds this language's pages (see `_write`).
    """
    built = {address(path)[1]: path for path in layout_plan.built}
    layouts, written, searched = {}, [], []
    for folder, _, files in os.walk(site):
        for name in files:
            if not name.endswith(".html"):
                continue
            rel = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
            with open(os.path.join(site, rel), encoding="utf-8") as f:
                text = valid_html(f.read())
            url = rel.removesuffix("index.html")
            if rel in built:
                layout = shape(text, root + prefix + url)
                if layout is None:
                    raise ValueError(f"the engine's page for {built[rel]} has no place for the page's body")
                layouts[built[rel]] = layout
                text = fill(layout, generated[built[rel]], root + prefix + url, prefix + url, root)
            else:
                text = link_twins(text, prefix + url, root)
            if rel not in built or generated[built[rel]].markdown.strip():
                searched.append((prefix + rel, text))
            written.append((rel, text))
    _write(site, written, previous)
    untrusted = [first for first, paths in layout_plan.groups.items() if layouts[first] != layouts[paths[1]]]
    return Filled(layouts, untrusted, searched)


def stamp(site: str, generated: dict[str, Page], layout_plan: Plan, filled: Filled, root: str, prefix: str = "",
          previous: str | None = None) -> None:
    """Write the rest of each trusted group, filled into its first page's layout."""
    items = [(address(path)[1], first, path, address(path)[0])
             for first, paths in layout_plan.groups.items() if first not in filled.untrusted for path in paths[2:]]
    in_two(_stamp, items, len(items) // 2 if len(items) >= STAMP_IN_TWO_FROM else len(items), filled.layouts,
           generated, site, root, prefix, previous)
