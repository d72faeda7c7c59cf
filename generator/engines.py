"""The site engines that read `mkdocs.yml`, driven through their command line only.

Everything the portal knows about how to run an engine is here: its command, how to
tell it is installed and how to install it. The engines build a site source folder
written by `sitesource` (an `mkdocs.yml` with relative paths beside `docs/` and
`overrides/`); none of them is imported, so a new version or another engine changes
this table, not the build.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.outfolder import BuildError


@dataclass(frozen=True)
class Engine:
    name: str
    module: str  # the Python module that runs it (`python -m <module>`)
    command: tuple[str, ...]  # after `python -m <module>`; the config file is appended
    install: str  # how to install it, for the error when it is missing


EXTRA = "pip install -e '.[engines]'"
ENGINES = {
    "mkdocs": Engine("mkdocs", "mkdocs", ("build", "--strict", "--config-file"), "pip install -e ."),
    "properdocs": Engine("properdocs", "properdocs", ("build", "--strict", "--config-file"), EXTRA),
    # Zensical panics on absolute docs_dir/site_dir/custom_dir: the source folder uses relative ones.
    "zensical": Engine("zensical", "zensical", ("build", "--strict", "--config-file"), EXTRA),
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


def build(found: Engine, configs: list[Path], epoch: int) -> None:
    """Build each source folder, side by side (one process each); any warning or failure fails the build."""
    running = [(config, start(found, config, epoch)) for config in configs]
    failures = []
    for config, process in running:
        output, _ = process.communicate()
        if process.returncode != 0:
            lines = [_ANSI.sub("", line) for line in output.splitlines() if line.strip()]
            said = [line for line in lines if _PROBLEM.search(line)] or lines[-15:]
            failures.append("\n".join(said) or f"exit code {process.returncode}")
    if failures:
        raise BuildError(f"{found.name} failed:\n" + "\n".join(failures))
