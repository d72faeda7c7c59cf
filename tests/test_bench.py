"""The benchmark runs as a user runs it and prints its figures (a smoke test: the timings are not asserted)."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_bench_prints_a_row_per_step_with_exit_zero(tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator.bench", "--sizes", "30", "--steps", "validate", "build",
                           "--work", str(tmp_path)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines() if line.startswith("    30 ")]
    assert [row[1:3] for row in rows] == [["portal", "validate"], ["portal", "build"]]
    assert all(row[-1] == "0" and float(row[3]) > 0 and float(row[5]) > 0 for row in rows)  # exit 0, wall, user CPU
    assert list(tmp_path.iterdir()) == []  # its temporary folder is gone
