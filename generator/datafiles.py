"""Which files under the data folder are read: every file is read or reported.

A trip saved as `.yml`, directly in `trips/` or in a misspelt folder would otherwise
never appear on the site while validation says nothing. So the whole folder is
walked once, and each file either matches a place in the registry (`entities.py`)
or gets a problem with a hint where it should go. Links are never followed out of
the data folder (a link could publish any file on the machine). Editor and system
leftovers (`JUNK`, documented in README) are skipped on purpose.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.entities import ENTITIES, Entity
from generator.problems import Problem

PACKAGE_FILE = "datapackage.yaml"
RECORDED = "published/v{version}/SHA256SUMS"
"""Where `portal record` keeps a published version's checksums (not data: never read as records)."""
SUFFIX = ".yaml"
YAML_SUFFIXES = (".yaml", ".yml")  # compared in lower case: .YAML and .yml are YAML files with the wrong name
# Backups, swap and lock files of editors, and the files operating systems leave in folders.
JUNK = ("*~", "#*#", ".#*", ".*.sw?", ".~lock.*#", ".DS_Store", "._*", "Thumbs.db", "desktop.ini", ".git*")
VCS_FOLDERS = (".git", ".hg", ".svn")  # a version-control folder is not data: not walked
MAX_DEPTH = 3  # folders below data/ whose files are still looked at one by one (data files lie at most 2 deep)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


@dataclass
class Found:
    files: list[tuple[Entity, Path]] = field(default_factory=list)  # in registry order, sorted within each entity
    problems: list[Problem] = field(default_factory=list)
    refused: set[Path] = field(default_factory=set)  # links that must not be read


def discover(data_dir: Path, display) -> Found:
    """Every file under `data_dir`: the data files by entity, and a problem for each of the others."""
    found = Found()
    root = os.path.realpath(data_dir)
    by_entity: dict[Entity, list[Path]] = {entity: [] for entity in ENTITIES}

    def unreadable(error: OSError) -> None:
        path = Path(error.filename or data_dir)
        found.problems.append(Problem("file-unreadable", display(path), 1, 1, params={"detail": error.strerror or str(error)}))

    for folder, dirs, names in os.walk(data_dir, onerror=unreadable):
        here = Path(folder)
        depth = len(here.relative_to(data_dir).parts) + 1
        for name in sorted(dirs):
            path = here / name
            if os.path.islink(path):
                found.problems.append(_link_problem(path, root, display, folder=True))
                found.refused.add(path)
            elif name.lower().endswith(YAML_SUFFIXES):
                found.problems.append(Problem("file-is-folder", display(path), 1, 1))
            elif depth > MAX_DEPTH:  # --data pointed at a home folder, or a tree copied in: said once, not walked
                found.problems.append(Problem("folder-too-deep", display(path), 1, 1))
        dirs[:] = [] if depth > MAX_DEPTH else [name for name in dirs if name not in VCS_FOLDERS]
        for name in sorted(names):
            path = here / name
            if os.path.islink(path) and (problem := _link_problem(path, root, display)):
                found.problems.append(problem)
                found.refused.add(path)
                continue
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in JUNK):
                continue
            if not path.is_file():  # a pipe or a device would block or never end: never opened
                found.problems.append(Problem("file-unreadable", display(path), 1, 1, params={"detail": "not a plain file"}))
                found.refused.add(path)
                continue
            rel = PurePosixPath(path.relative_to(data_dir).as_posix())
            entity = _entity_of(rel)
            if entity is not None:
                by_entity[entity].append(path)
            elif str(rel) != PACKAGE_FILE and not _recorded(rel):
                found.problems.append(_misplaced(rel, display(path)))
    for entity, paths in by_entity.items():
        found.files += [(entity, path) for path in sorted(paths)]
    return found


def _entity_of(rel: PurePosixPath) -> Entity | None:
    for entity in ENTITIES:
        parts = entity.pattern.split("/")
        if len(parts) == len(rel.parts) and all(map(fnmatch.fnmatchcase, rel.parts, parts)):
            return entity
    return None


def _recorded(rel: PurePosixPath) -> bool:
    parts = RECORDED.format(version="*").split("/")
    return len(parts) == len(rel.parts) and all(map(fnmatch.fnmatchcase, rel.parts, parts))


def _link_problem(path: Path, root: str, display, folder: bool = False) -> Problem | None:
    """A link that must not be read (None: a link to a file inside the data folder, read as that file)."""
    target = os.path.realpath(path)
    shown = os.readlink(path)
    if not os.path.exists(target):
        return Problem("link-broken", display(path), 1, 1, params={"target": shown})
    if os.path.commonpath([root, target]) != root:
        return Problem("link-outside", display(path), 1, 1, params={"target": shown})
    if folder or os.path.isdir(target):
        return Problem("link-folder", display(path), 1, 1, params={"target": shown})
    return None


def _misplaced(rel: PurePosixPath, shown: str) -> Problem:
    """A file in no place the registry knows: where it most likely belongs."""
    name = rel.name
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    if suffix not in YAML_SUFFIXES:
        return Problem("file-unknown", shown, 1, 1)
    stem = name[: -len(suffix)]
    if name[-len(suffix):] != SUFFIX:
        return Problem("file-extension", shown, 1, 1, params={"name": stem + SUFFIX})
    if name.startswith("."):
        return _place(shown, str(rel.parent / name.lstrip(".")))
    folders = {entity.pattern.split("/")[0]: entity for entity in ENTITIES if entity.per_file}
    lists = [entity.pattern for entity in ENTITIES if not entity.per_file]
    top = rel.parts[0]
    if len(rel.parts) == 1:
        place = difflib.get_close_matches(name, lists + [PACKAGE_FILE], n=1, cutoff=0.6)
        if place:  # organisation.yaml: its entries belong in the list that exists
            return Problem("file-list-misnamed", shown, 1, 1, params={"place": place[0]})
        return _place(shown, None)
    if top not in folders:
        close = difflib.get_close_matches(top.lower(), list(folders), n=1, cutoff=0.6)
        top = close[0] if close else None
    if top == "trips":
        year = _YEAR.match(name)
        return _place(shown, f"trips/{year.group() if year else 'YYYY'}/{name}")
    return _place(shown, top and f"{top}/{name}")


def _place(shown: str, place: str | None) -> Problem:
    if place is None:
        return Problem("file-unplaced", shown, 1, 1)
    return Problem("file-misplaced", shown, 1, 1, params={"place": place})
