"""Shared fixtures: a private copy of the sample data, and the CLI run as a user runs it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DATA = REPO / "data"
TODAY = "2026-11-23"  # deadlines in tests are checked against a fixed day
SAMPLE_VERSION = re.search(r'^version: "([^"]+)"', (SAMPLE_DATA / "datapackage.yaml").read_text(encoding="utf-8"), re.M).group(1)


def line_of(text: str, needle: str) -> int:
    """The line on which `needle` first stands in `text`: expected positions follow the sample as it is edited."""
    assert needle in text, needle
    return text[:text.index(needle)].count("\n") + 1


def run_portal(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `portal` in a subprocess, as a user would from a terminal."""
    full_env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder holding `data/`, a copy of the sample data that a test may change."""
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    return tmp_path
