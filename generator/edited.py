"""`portal serve`: the pages of an edited trip first, before the whole build.

At 10,000 trips a build takes most of a minute, and the person who saved a trip wants
to see it now. Its pages (both languages) are rendered from the saved data the way the
build renders them (from the version as published, with what is withheld left out),
filled into the layout the last build filled the pages of the same kind into, and
written over the pages served. The whole build follows and replaces the site; if it
fails, the pages shown first are put back (`Shown.undo`), so the site served is the last
good build again, with the build's problems over it.

A page whose layout the last build did not have (a new kind of section, a new trip
that would be the first of its kind), data the loader refuses or that cannot be
modelled: nothing is shown first, the build says everything.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator import stamping
from generator.addresses import PREFIX, address
from generator.sitesource import CONFIG, fill, site_info


@dataclass
class Shown:
    """The served files the first look replaced, with their bytes before (None: there was none)."""
    before: dict[Path, bytes | None] = field(default_factory=dict)

    def undo(self) -> None:
        for path, old in self.before.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                _replace(path, old)


def _replace(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: the server may be reading it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def trip_files(data_dir: Path, changed: set[Path]) -> set[str]:
    """The changed files that hold a trip, as the model names its source (relative to the data folder)."""
    root = data_dir.resolve()
    found = set()
    for path in changed:
        try:
            rel = path.resolve().relative_to(root).as_posix()
        except ValueError:
            continue
        if rel.startswith("trips/") and rel.endswith(".yaml") and path.is_file():
            found.add(rel)
    return found


def show(data_dir: Path, site: Path, changed: set[Path], layouts: dict[tuple, str], cache_dir: Path | None,
         config_file: Path = CONFIG) -> Shown | None:
    """The pages of the trips in `changed` (saved files) written into the served `site`; None when none was."""
    from generator.downloads.hooks import history_of
    from generator.loader import load
    from generator.model import build
    from generator.render.pages import trip_pages

    files = trip_files(data_dir, changed)
    if not files:
        return None
    loaded = load(data_dir, cache_dir)
    if any(p.severity == "error" for p in loaded.problems):
        return None
    info = site_info(config_file)
    try:
        dataset = build(loaded, data_dir)
        versions, _, past = history_of(dataset, data_dir, info.url, cache_dir)
        shown = versions[-1].dataset  # as the build renders it: what is withheld left out
        made = {path: page for pages in trip_pages([t for t in shown.trips.values() if t.source_file in files],
                                                   info, shown.version, past) for path, page in pages.items()}
    except Exception:  # data the checks the build runs still have to refuse (dates in the wrong order): it says so
        return None
    written = Shown()
    for path, page in made.items():
        layout = layouts.get((page.lang, stamping.group_key(path.removeprefix(PREFIX[page.lang]), page)))
        if layout is None:
            continue
        url, output = address(path)
        target = site / output
        written.before[target] = target.read_bytes() if target.is_file() else None
        _replace(target, fill(layout, page, info.url + url, url, info.url).encode("utf-8"))
    return written if written.before else None
