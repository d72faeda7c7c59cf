"""Whatever `portal validate` accepts, `portal build` builds: one set of rules, held together here.

Every corpus case that validates (warnings allowed) is built as a user builds it. The
fuzz test (test_fuzz.py) does the same for a few of its validating mutations.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_portal

CORPUS = Path(__file__).parent / "corpus"
VALIDATING = sorted(p.parent.name for p in CORPUS.glob("*/expected.txt")
                    if p.read_text(encoding="utf-8").startswith("exit: 0\n"))


def test_there_are_validating_cases_of_each_kind():
    assert len(VALIDATING) >= 15 and {"number-forms-normalised", "country-kosovo", "trip-too-long"} <= set(VALIDATING)


@pytest.mark.parametrize("case", VALIDATING)
def test_a_case_that_validates_builds(case, workdir):
    shutil.copytree(CORPUS / case / "data", workdir / "data", dirs_exist_ok=True)  # validates: test_validate_corpus.py
    built = run_portal("build", "--out", "site", cwd=workdir)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr and (workdir / "site/index.html").is_file()
