"""The site engines that read `mkdocs.yml`, driven through their command line only.

Everything the portal knows about how to run an engine is here: its command, how to
tell it is installed and how to install it. The engines build a site source folder
written by `sitesource` (an `mkdocs.yml` with relative paths beside `docs/` and
`overrides/`); none of them is imported, so a new version or another engine changes
this table, not the build.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

from generator.cache import Cache, key_of
from generator.outfolder import BuildError


@dataclass(frozen=True)
class Engine:
    name: str
    module: str  # the Python module that runs it (`python -m <module>`)
    command: tuple[str, ...]  # after `python -m <module>`; the config file is appended
    install: str  # how to install it, for the error when it is missing
    packages: tuple[str, ...] = ()  # whose versions shape its output (the theme too)


EXTRA = "pip install -e '.[engines]'"
ENGINES = {
    "mkdocs": Engine("mkdocs", "mkdocs", ("build", "--strict", "--config-file"), "pip install -e .",
                     ("mkdocs", "mkdocs-material", "markdown")),
    "properdocs": Engine("properdocs", "properdocs", ("build", "--strict", "--config-file"), EXTRA,
                         ("properdocs", "mkdocs-material", "markdown")),
    # Zensical panics on absolute docs_dir/site_dir/custom_dir: the source folder uses relative ones.
    "zensical": Engine("zensical", "zensical", ("build", "--strict", "--config-file"), EXTRA, ("zensical",)),
}
DEFAULT = "mkdocs"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_PROBLEM = re.compile(r"WARNING|ERROR|Error|error:|Aborted|panicked")


def engine(name: str) -> Engine:
    """The engine called `name`, installed; otherwise a one-line error saying how to install it."""
    if name not in ENGINES:
        raise BuildError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
    found = ENGINES[name]
    if importlib.util.find_spec(found.module) is None:
        raise BuildError(f"the engine {name} is not installed: {found.install}")
    return found


def start(found: Engine, config: Path, epoch: int) -> subprocess.Popen:
    """Start one build of the source folder holding `config`; dates come from $SOURCE_DATE_EPOCH."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": "0", "NO_MKDOCS_2_WARNING": "1",
           "NO_COLOR": "1"}
    return subprocess.Popen([sys.executable, "-m", found.module, *found.command, config.name], cwd=config.parent,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _source_key(found: Engine, folder: Path) -> str:
    """What the engine's output depends on: its packages' versions and every file of the source folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "site" != p.relative_to(folder).parts[0]):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    versions = []
    for package in found.packages:
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} -")
    return key_of(found.name, *versions, digest.hexdigest())


def build(found: Engine, configs: list[Path], epoch: int, cache_dir: Path | None = None,
          meanwhile: Callable[[], None] | None = None) -> None:
    """Build each source folder into its `site/`, side by side (one process each); any warning fails the build.

    A source folder the engine has built before (same files, same engine) is taken from
    the cache instead: with generated pages as placeholders, a change of data alone
    changes nothing the engine sees. The dates the engine writes (its sitemap) are not
    kept: the build writes its own. `meanwhile()` runs here while the engine works.
    """
    with Cache(cache_dir) if cache_dir else _NoCache() as cache:
        keys = {config: _source_key(found, config.parent) for config in configs}
        missing = [config for config in configs if cache.get_folder("engine", keys[config], config.parent / "site") is None]
        running, failures = [], []
        try:
            for config in missing:
                running.append((config, start(found, config, epoch)))
            if meanwhile is not None:
                meanwhile()
            for config, process in running:
                output, _ = process.communicate()
                if process.returncode != 0:
                    lines = [_ANSI.sub("", line) for line in output.splitlines() if line.strip()]
                    said = [line for line in lines if _PROBLEM.search(line)] or lines[-15:]
                    failures.append("\n".join(said) or f"exit code {process.returncode}")
        finally:  # a stopped or failed build: no engine goes on writing into the folder being deleted
            for _, process in running:
                if process.poll() is None:
                    process.kill()
                    process.communicate()
        if failures:
            raise BuildError(f"{found.name} failed:\n" + "\n".join(failures))
        for config in missing:
            site = config.parent / "site"
            cache.put_folder("engine", keys[config], site, [p for p in site.rglob("*") if p.is_file()])


class _NoCache:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def get_folder(self, *args):
        return None

    def put_folder(self, *args):
        return None
