"""A published version never changes, line items keep their ids, addresses last, corrections show.

One story in a temporary git repository, told through the `portal` command as staff
and readers meet it: the sample is published, an amount is corrected (first without,
then with a raised version), a cost line is inserted at the top, a trip is withdrawn
and another trip's year is corrected. Each step is committed on main.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE_DATA, SAMPLE_VERSION, TODAY, run_portal

PARIS = "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
MIPIM = "data/trips/2025/2025-03-cannes-mipim.yaml"
GREEN_WEEK = "data/trips/2024/2024-06-bryssel-green-week.yaml"
NEW_LINE = """costs:
  - id: 5
    category: fees
    description: Konferensavgift
    amount_sek: 500
    status: final
    paid_by_body_id: stockholm-kommunstyrelsen
    example: true
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
                   cwd=repo, check=True, capture_output=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _version(repo: Path, old: str, new: str) -> None:
    _edit(repo / "data/datapackage.yaml", f'version: "{old}"', f'version: "{new}"')


def _addresses(site: Path) -> set[str]:
    return {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}


def _rows(path: Path) -> dict[str, dict]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> dict:
    repo = tmp_path_factory.mktemp("published")
    sites = tmp_path_factory.mktemp("sites")
    shutil.copytree(SAMPLE_DATA, repo / "data")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Publicera exempeldatan")
    seen = {"first": run_portal("build", "--out", str(sites / "site1"), cwd=repo)}
    assert seen["first"].returncode == 0, seen["first"].stderr

    # 1. an amount corrected without raising the version: refused, with the version to raise to
    _edit(repo / PARIS, "amount_sek: 6750\n", "amount_sek: 6900\n")
    _edit(repo / PARIS, "total_sek: 24150\n", "total_sek: 24300\n")
    seen["unraised"] = run_portal("validate", "--lang", "en", "--today", TODAY, cwd=repo)
    seen["unraised_build"] = run_portal("build", "--out", str(sites / "site1"), cwd=repo)
    _version(repo, SAMPLE_VERSION, "9.0.1")
    seen["raised"] = run_portal("validate", "--today", TODAY, cwd=repo)
    _git(repo, "commit", "-qam", "Hotellkostnaden\n\nRättelse: Rätta hotellkostnaden enligt fakturan")

    # 2. a cost line inserted at the top of the list
    text = (repo / PARIS).read_text(encoding="utf-8")
    (repo / PARIS).write_text(text.replace("costs:\n", NEW_LINE, 1), encoding="utf-8")
    _edit(repo / PARIS, "total_sek: 24300\n", "total_sek: 24800\n")
    _version(repo, "9.0.1", "9.1.0")
    _git(repo, "commit", "-qam", "Lägg till konferensavgiften")  # no reason line: none is published

    # 3. a trip withdrawn, 4. another trip's year corrected (its file moves to the other year's folder)
    (repo / GREEN_WEEK).unlink()
    (repo / "data/trips/2026/2026-06-eurocities-forum.yaml").unlink()  # the only trip of 2026: the year's list goes
    _edit(repo / "data/people.yaml", "  name: Magnus Ljungkvist\n", "  protected: true\n")  # published by role from now on
    _edit(repo / MIPIM, "start_date: 2025-03-11", "start_date: 2024-03-12")
    _edit(repo / MIPIM, "end_date: 2025-03-14", "end_date: 2024-03-15")
    (repo / "data/trips/2024/2025-03-cannes-mipim.yaml").write_bytes((repo / MIPIM).read_bytes())
    (repo / MIPIM).unlink()
    _version(repo, "9.1.0", "9.2.0")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Green Week, MIPIM och skydd\n\nDen här texten publiceras inte.\n\n"
                                "Rättelse(2024-06-bryssel-green-week): Resan till Green Week ställdes in\n"
                                "Rättelse(2025-03-cannes-mipim): MIPIM var 2024\n"
                                "Rättelse: Enligt Magnus Ljungkvist <b>bekräftat</b> & klart")
    seen["last"] = run_portal("build", "--out", str(sites / "site2"), cwd=repo)
    assert seen["last"].returncode == 0, seen["last"].stderr
    seen["sites"] = sites
    return seen


def test_validate_refuses_changed_data_under_a_published_version(story):
    result = story["unraised"]
    assert result.returncode == 1
    line = next(n for n, text in enumerate((SAMPLE_DATA / "datapackage.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("version:"))
    assert (f"data/datapackage.yaml:{line}:1: error: Version {SAMPLE_VERSION} was published on" in result.stdout
            and "but the data have changed since (new records: 0, changed records: 1, withdrawn records: 0). [version]" in result.stdout), result.stdout
    major, minor, patch = map(int, SAMPLE_VERSION.split("."))
    assert f"Raise version in datapackage.yaml: {major}.{minor}.{patch + 1} for corrections" in result.stdout
    assert story["raised"].returncode == 0, story["raised"].stdout


def test_build_refuses_it_too_and_leaves_the_site(story):
    assert story["unraised_build"].returncode == 1
    assert "site1 was not changed" in story["unraised_build"].stderr


def test_versions_keep_their_downloads_and_lines_their_ids(story):
    first, last = story["sites"] / "site1" / "data", story["sites"] / "site2" / "data"
    for name in ("costs.csv", "trips.csv"):  # what was published is never rewritten
        assert (first / f"v{SAMPLE_VERSION}" / name).read_bytes() == (last / f"v{SAMPLE_VERSION}" / name).read_bytes()
    sums = [set((folder / f"v{SAMPLE_VERSION}" / "SHA256SUMS").read_text().splitlines()) for folder in (first, last)]
    rewritten = {line.split("  ", 1)[1] for line in sums[0] ^ sums[1]}  # but for a person protected since (withheld)
    assert rewritten == {"people.csv", "people.json", "tables/people.json", "portal.xlsx", "portal.sqlite",
                         "portal.zip", "datapackage.json"}, rewritten
    before, after = _rows(first / "latest" / "costs.csv"), _rows(last / "latest" / "costs.csv")
    paris = "2016-11-paris-oecd-inclusive-growth"
    for n, amount in ((1, "9800"), (2, "4900"), (4, "2700")):
        assert before[f"{paris}-{n}"]["amount_sek"] == after[f"{paris}-{n}"]["amount_sek"] == amount
    assert (before[f"{paris}-3"]["amount_sek"], after[f"{paris}-3"]["amount_sek"]) == ("6750", "6900")
    assert after[f"{paris}-5"]["amount_sek"] == "500"
    log = json.loads((last / "changelog.json").read_text(encoding="utf-8"))
    inserted = next(v for v in log["versions"] if v["version"] == "9.1.0")
    assert inserted["resources"]["costs"] == {"added": [f"{paris}-5"], "changed": [], "removed": []}
    corrected = next(v for v in log["versions"] if v["version"] == "9.0.1")
    assert corrected["resources"]["costs"]["changed"][0]["values"] == {"amount_sek": {"old": 6750, "new": 6900}}


def test_every_address_of_the_first_build_still_answers(story):
    first, last = story["sites"] / "site1", story["sites"] / "site2"
    missing = sorted(_addresses(first) - _addresses(last))
    assert missing == []
    year = (last / "resor/2025/index.html").read_text(encoding="utf-8")  # 2025 still has a trip: its list stays
    assert "Resor 2025" in year and "http-equiv" not in year
    emptied = (last / "resor/2026/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../"' in emptied
    emptied_en = (last / "en/resor/2026/index.html").read_text(encoding="utf-8")  # the English twin's address too
    assert '<html lang="en">' in emptied_en and "Trips 2026 is at" in emptied_en
    assert 'http-equiv="refresh" content="0; url=../"' in emptied_en
    moved = (last / "resor/2025/2025-03-cannes-mipim/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../../2025-03-cannes-mipim/"' in moved
    assert (last / "data/records/trips/2024-06-bryssel-green-week.json").read_bytes() == \
        (first / "data/records/trips/2024-06-bryssel-green-week.json").read_bytes()  # its own files stay too
    gone = (last / "resor/2024-06-bryssel-green-week/index.html").read_text(encoding="utf-8")
    assert "Posten togs bort i version 9.2.0" in gone
    assert "Resan till Green Week ställdes in; Enligt (skyddad uppgift) &lt;b&gt;bekräftat&lt;/b&gt; &amp; klart" in gone
    assert "MIPIM var 2024" not in gone and "publiceras inte" not in gone  # one reason per record, and only reasons


def test_the_record_page_shows_old_and_new_value_and_why(story):
    html = (story["sites"] / "site2/resor/2016-11-paris-oecd-inclusive-growth/index.html").read_text(encoding="utf-8")
    section = html[html.index('id="andringar"'):]
    assert ('<td data-label="Före" data-sort="6750">6\u00a0750\u00a0kr</td>'
            '<td data-label="Efter" data-sort="6900">6\u00a0900\u00a0kr</td>'
            '<td data-label="Skäl">Rätta hotellkostnaden enligt fakturan</td>') in section.replace("\n", "")
    assert "Konferensavgift" in section and "Lägg till konferensavgiften" not in section
    assert re.search(r'<td[^>]*>9\.1\.0</td>.*?<td data-label="Skäl">Ingen motivering angiven</td>', section.replace("\n", ""))
    english = (story["sites"] / "site2/en/resor/2016-11-paris-oecd-inclusive-growth/index.html").read_text(encoding="utf-8")
    assert '<span lang="sv">Rätta hotellkostnaden enligt fakturan</span>' in english and "No reason given" in english
    feed = (story["sites"] / "site2/corrections.atom").read_text(encoding="utf-8")
    assert "Ändrad i version 9.0.1: 2016-11-paris-oecd-inclusive-growth" in feed
    assert "Borttagen i version 9.2.0: 2024-06-bryssel-green-week" in feed
    assert "Skäl: Rätta hotellkostnaden enligt fakturan<" in feed and "Skäl: ingen motivering angiven<" in feed
    assert "Skäl: MIPIM var 2024; Enligt (skyddad uppgift) &lt;b&gt;bekräftat&lt;/b&gt; &amp; klart<" in feed
    assert "publiceras inte" not in feed and "Green Week, MIPIM" not in feed


def test_a_person_protected_now_is_named_nowhere_in_the_history(story):
    site = story["sites"] / "site2"
    for page in ("data/changelog.json", "corrections.atom", "oppna-data/versioner/index.html",
                 "personer/magnus-ljungkvist/index.html", "resor/2016-11-paris-oecd-inclusive-growth/index.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert "Ljungkvist" not in text, page
    assert "(skyddad uppgift)" in (site / "personer/magnus-ljungkvist/index.html").read_text(encoding="utf-8")
