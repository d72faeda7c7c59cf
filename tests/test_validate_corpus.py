"""Every rule, broken on purpose.

Each folder in corpus/ overlays files on a copy of the sample data. Its
expected.txt holds the exit code, the problem codes, and the exact lines a user
sees (file:line:column, severity, message, field, hint).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE_DATA, TODAY
from generator.messages import MESSAGES
from generator.problems import format_text
from generator.validate import validate

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
# Codes exercised elsewhere: by the sample's own warnings or in test_validate_cli.py / test_yamlsource.py.
TESTED_ELSEWHERE = {"cooperation-no-theme", "cooperation-no-end", "review-missing", "trip-no-report",
                    "trip-planned-past", "cost-preliminary-overdue", "completeness-period-setting", "package-missing", "package-field", "yaml-too-large",
                    "yaml-many-documents", "yaml-tag", "yaml-complex-key", "yaml-special-float", "not-a-list",
                    "nested-value", "schema-other", "maximum",
                    "version-published", "version-lower", "version-bump",  # test_published.py
                    "version-files-changed",  # a build's check of a recorded version's files: test_withheld.py
                    # links, pipes and unreadable files cannot be stored in the corpus: test_hostile_input.py
                    "file-unreadable", "link-broken", "link-folder", "link-outside"}


def _expected(case: str) -> tuple[int, set[str], list[str]]:
    lines = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    exit_code = int(lines[0].removeprefix("exit: "))
    codes = set(lines[1].removeprefix("codes: ").split(", "))
    return exit_code, codes, [line for line in lines[2:] if line]


@pytest.fixture(scope="module")
def baseline_codes() -> set[str]:
    report, _ = validate(SAMPLE_DATA, dt.date.fromisoformat(TODAY))
    assert report.ok
    return {p.code for p in report.problems}


@pytest.mark.parametrize("case", CASES)
def test_broken_input_is_reported_where_it_is(case, workdir, monkeypatch, baseline_codes):
    shutil.copytree(CORPUS / case / "data", workdir / "data", dirs_exist_ok=True)
    exit_code, codes, wanted = _expected(case)
    monkeypatch.chdir(workdir)

    report, _ = validate(Path("data"), dt.date.fromisoformat(TODAY))
    out = format_text(report, "en").splitlines()

    assert (0 if report.ok else 1) == exit_code, "\n".join(out)
    for line in wanted:
        assert line in out, f"missing: {line}\n--- got:\n" + "\n".join(out)
    new_codes = {p.code for p in report.problems} - baseline_codes
    assert new_codes <= codes, "\n".join(out)
    n_errors = sum(": error: " in line for line in wanted)
    assert len(report.errors) == n_errors, "\n".join(out)


def test_every_problem_code_has_a_broken_example():
    covered = set().union(*(_expected(case)[1] for case in CASES))
    missing = set(MESSAGES) - covered - TESTED_ELSEWHERE
    assert not missing, f"problem codes without a corpus case: {sorted(missing)}"


def test_reading_in_two_processes_gives_the_same_rows_and_problems(workdir):
    """The loader reads half the files in another process from PARALLEL_FROM files; forced here for every case.

    Run in a fresh interpreter: a process with threads (left by earlier tests) reads in line, by design.
    """
    folders = []
    for case in CASES:
        shutil.copytree(SAMPLE_DATA, workdir / case)
        shutil.copytree(CORPUS / case / "data", workdir / case, dirs_exist_ok=True)
        folders.append(str(workdir / case))
    done = subprocess.run([sys.executable, "-c", _COMPARE, *folders], cwd=workdir, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["differ"] == [] and result["read_here_twice"] == []
    assert result["rows"] > 100 * len(CASES)
    assert result["with_problems"] >= 10  # reading problems (YAML, unknown keys ...) come back from the other process too


_COMPARE = """
import json, sys
from pathlib import Path
from generator import loader

read, differ, twice, rows, with_problems = loader._read, [], [], 0, 0
for folder in sys.argv[1:]:
    loader.PARALLEL_FROM, loader._read = 10_000, read
    alone = loader.load(Path(folder))
    calls = []
    loader.PARALLEL_FROM, loader._read = 1, lambda files, *rest: calls.append(files) or read(files, *rest)
    in_two = loader.load(Path(folder))
    differ += [folder] if in_two != alone else []
    twice += [folder] if len(calls) != 1 else []
    rows += sum(map(len, alone.tables.values()))
    with_problems += bool(alone.problems)
print(json.dumps({"differ": differ, "read_here_twice": twice, "rows": rows, "with_problems": with_problems}))
"""
