"""A record page agrees with itself: "Senast ändrad" is the newest row of its Changes section, shown only when there
is one (a commit that touched the file without changing the record is not a change), and a climate line whose mode
of travel the data does not give says what it assumed and why."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE_DATA, SAMPLE_VERSION, run_portal
from test_site_build import PARIS, page, sample_site  # noqa: F401

MIPIM = "resor/2025-03-cannes-mipim/"


def _commit(repo: Path, message: str, date: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for args in (["add", "-A"], ["-c", "user.name=Test", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                                 "commit", "-qm", message]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _record_facts(html: str) -> str:
    return re.sub(r"\s+", " ", html[html.index('<dl class="portal-record"'):])


@pytest.fixture(scope="module")
def later_site(tmp_path_factory) -> Path:
    """The sample published, then the Paris trip's file touched without changing the record, then MIPIM corrected."""
    repo = tmp_path_factory.mktemp("repo")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    shutil.copytree(SAMPLE_DATA, repo / "data")
    _commit(repo, "Publicera", "2026-01-10T10:00:00Z")
    _edit(repo / "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml", "source:", "# Källan är protokollet.\nsource:")
    _commit(repo, "Kommentar om källan", "2026-02-01T10:00:00Z")
    _edit(repo / "data/trips/2025/2025-03-cannes-mipim.yaml", "title: MIPIM, Cannes", "title: MIPIM 2025, Cannes")
    _edit(repo / "data/datapackage.yaml", f'version: "{SAMPLE_VERSION}"', 'version: "9.0.1"')
    _commit(repo, "Rättelse: Rätta resans namn", "2026-03-15T10:00:00Z")
    result = run_portal("build", "--out", str(repo / "site"), cwd=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    return repo / "site"


def test_an_unchanged_record_says_so_and_gives_no_last_change(sample_site):  # noqa: F811
    html = page(sample_site, PARIS)
    assert "Posten har inte ändrats sedan den publicerades." in html
    assert "Senast ändrad" not in html
    assert "/commits/main/data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml" in _record_facts(html)
    assert "Last changed" not in page(sample_site, "en/" + PARIS)


def test_a_file_touched_without_change_is_not_a_change(later_site):
    html = page(later_site, PARIS)
    assert "Posten har inte ändrats sedan den publicerades." in html and "Senast ändrad" not in html
    assert "1 februari 2026" not in html


def test_last_change_is_the_newest_listed_change_in_both_languages(later_site):
    html = page(later_site, MIPIM)
    assert "<dt>Senast ändrad</dt> <dd>15 mars 2026, version 9.0.1 (" in _record_facts(html)
    changes = re.sub(r"\s+", " ", html[html.index('id="andringar"'):html.index('<dl class="portal-record"')])
    assert re.search(r'<td[^>]*>9\.0\.1</td> ?<td[^>]*>15 mars 2026</td>', changes), changes
    assert "MIPIM 2025, Cannes" in changes and "Rätta resans namn" in changes
    english = page(later_site, "en/" + MIPIM)
    assert "<dt>Last changed</dt> <dd>15 March 2026, version 9.0.1 (" in _record_facts(english)
    assert "Senast ändrad" not in page(later_site, PARIS)


def test_an_assumed_mode_of_travel_is_named_with_its_reason(sample_site):  # noqa: F811
    fact = re.search(r"<dt>Klimatpåverkan</dt>\s*<dd>(.*?)</dd>", page(sample_site, PARIS), re.S).group(1)
    assert "Färdsätt inte angivet: beräknat som flyg, som för alla resor utan färdsätt." in fact
    assert "antaget" not in fact
    english = re.search(r"<dt>Climate impact</dt>\s*<dd>(.*?)</dd>", page(sample_site, "en/" + PARIS), re.S).group(1)
    assert "Mode of travel not given: estimated as flight, as for every trip without one." in english
