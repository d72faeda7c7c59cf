"""Nothing withheld is published in any version, and a version's files are what was recorded.

One story in a temporary git repository, as staff and readers meet it: the sample is
published with a person named in its people and in a trip's purpose, its checksums are
recorded (`portal record`) and committed, an amount is corrected under a new version,
and the person is then protected (in a commit with a known date) under a third. Every file of every version of the new build is
searched for the name: inside zips, workbooks (their XML), SQLite (every table),
gzip, the search index, feeds, the catalogue and the pages. The redacted version says
when something was withheld, its checksums and the catalogue follow its new files, and
a build whose writer would change a recorded version's bytes is refused.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest

from conftest import SAMPLE_DATA, SAMPLE_VERSION, run_portal

NAME = "Greta Hemlund"
WORD = re.compile(rb"hemlund", re.IGNORECASE)  # the surname, in any case: inside an id or a URL too
PERSON = """
- id: sekreterare-kultur
  name: Greta Hemlund
  title: nämndsekreterare
  title_en: Committee secretary
  body_id: stockholm-kommunstyrelsen
"""
PROTECTED = """
- id: sekreterare-kultur
  protected: true
  title: nämndsekreterare
  title_en: Committee secretary
  body_id: stockholm-kommunstyrelsen
"""
PARIS = "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
PROTECTED_ON = "2027-01-15"


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, **({"GIT_COMMITTER_DATE": f"{date}T12:00:00", "GIT_AUTHOR_DATE": f"{date}T12:00:00"}
                            if date else {})}
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True, env=env)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> dict:
    repo = tmp_path_factory.mktemp("withheld")
    sites = tmp_path_factory.mktemp("sites")
    shutil.copytree(SAMPLE_DATA, repo / "data", ignore=shutil.ignore_patterns("published"))  # another publication's
    with (repo / "data/people.yaml").open("a", encoding="utf-8") as people:
        people.write(PERSON)
    _edit(repo / PARIS, "participants:\n", "participants:\n  - person_id: sekreterare-kultur\n    role: sekreterare\n")
    _edit(repo / PARIS, "purpose_text: >-\n  ", f"purpose_text: >-\n  {NAME} förde protokoll. ")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Publicera", date="2026-11-30")
    seen = {"repo": repo, "sites": sites}
    seen["record"] = run_portal("record", cwd=repo)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "Kontrollsummor för den publicerade versionen", date="2026-12-01")
    major, minor, patch = SAMPLE_VERSION.split(".")
    seen["corrected"] = f"{major}.{minor}.{int(patch) + 1}"  # a correction: the first version is now an old one
    _edit(repo / PARIS, "amount_sek: 6750\n", "amount_sek: 6900\n")
    _edit(repo / PARIS, "total_sek: 24150\n", "total_sek: 24300\n")
    _edit(repo / "data/datapackage.yaml", f'version: "{SAMPLE_VERSION}"', f'version: "{seen["corrected"]}"')
    _git(repo, "commit", "-qam", "Rättelse: hotellkostnaden enligt fakturan", date="2026-12-02")
    seen["first"] = run_portal("build", "--out", str(sites / "site1"), "--cache-dir", str(sites / "cache"), cwd=repo)
    assert seen["first"].returncode == 0, seen["first"].stderr

    people = (repo / "data/people.yaml").read_text(encoding="utf-8")
    (repo / "data/people.yaml").write_text(people.replace(PERSON, PROTECTED), encoding="utf-8")
    _edit(repo / PARIS, f"{NAME} förde protokoll. ", "")
    seen["new_version"] = f"{major}.{int(minor) + 1}.0"
    _edit(repo / "data/datapackage.yaml", f'version: "{seen["corrected"]}"', f'version: "{seen["new_version"]}"')
    _git(repo, "commit", "-qam", f"Skydda personen\n\nRättelse: {NAME} har fått skyddad identitet", date=PROTECTED_ON)
    seen["last"] = run_portal("build", "--out", str(sites / "site2"), "--cache-dir", str(sites / "cache"), cwd=repo)
    assert seen["last"].returncode == 0, seen["last"].stderr
    seen["cached"] = run_portal("build", "--out", str(sites / "site3"), "--cache-dir", str(sites / "cache"), cwd=repo)
    assert seen["cached"].returncode == 0, seen["cached"].stderr
    return seen


def _contents(name: str, data: bytes):
    """(where, bytes) of a file and of everything inside it: zip members (a workbook's XML too), SQLite tables,
    gzip."""
    yield name, data
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from _contents(f"{name}!{member}", archive.read(member))
    elif data[:16] == b"SQLite format 3\x00":
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "db.sqlite").write_bytes(data)
            db = sqlite3.connect(Path(tmp) / "db.sqlite")
            try:
                for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                    rows = db.execute(f'SELECT * FROM "{table}"').fetchall()
                    yield f"{name}!{table}", repr(rows).encode("utf-8")
            finally:
                db.close()
    elif data[:2] == b"\x1f\x8b":
        yield from _contents(f"{name}!gunzip", gzip.decompress(data))


def _naming(site: Path) -> list[str]:
    """Every file of the site, or a part of one, that holds the name."""
    return sorted({where for path in site.rglob("*") if path.is_file()
                   for where, data in _contents(path.relative_to(site).as_posix(), path.read_bytes())
                   if WORD.search(data) or NAME.encode() in data})


def test_the_search_finds_the_name_where_it_was_published(story):
    """The search below sees inside every kind of file: before the protection it finds the name in each."""
    found = _naming(story["sites"] / "site1")
    old = f"data/v{SAMPLE_VERSION}/"
    for part in ("people.csv", "portal.xlsx!xl/sharedStrings.xml", "portal.sqlite!people", "portal.zip!",
                 "trips.json"):
        assert any(where.startswith(old + part.split("!")[0]) and part.split("!")[-1] in where for where in found), \
            (part, found)
    assert any(where.startswith("pagefind/") for where in found), found
    assert any(where.endswith("index.html") for where in found), found


def test_a_person_protected_now_is_named_by_no_file_of_any_version(story):
    for site in ("site2", "site3"):  # the cache holding the first version as named (site1), then as redacted
        assert _naming(story["sites"] / site) == [], site
    page = (story["sites"] / "site2/personer/sekreterare-kultur/index.html").read_text(encoding="utf-8")
    assert "(skyddad uppgift) har fått skyddad identitet" in page  # the reason, as written, less the name


def test_a_name_left_in_today_s_text_is_withheld_from_its_pages_and_files(story, tmp_path):
    """Staff protect a person but a text of today's version still names her: no page or file publishes it."""
    repo = tmp_path / "repo"
    shutil.copytree(story["repo"], repo)
    _edit(repo / PARIS, "purpose_text: >-\n  ", f"purpose_text: >-\n  {NAME} förde protokoll. ")
    major, minor, _ = SAMPLE_VERSION.split(".")
    _edit(repo / "data/datapackage.yaml", f'version: "{story["new_version"]}"', f'version: "{major}.{int(minor) + 2}.0"')
    _git(repo, "commit", "-qam", "Syftet utökat", date="2027-01-20")
    built = run_portal("build", "--out", str(tmp_path / "site"), "--no-cache", cwd=repo)
    assert built.returncode == 0, built.stderr
    assert _naming(tmp_path / "site") == []
    page = (tmp_path / "site/resor/2016-11-paris-oecd-inclusive-growth/index.html").read_text(encoding="utf-8")
    assert "(skyddad uppgift) förde protokoll." in page  # withheld where it stood, the rest of the text kept


def test_the_redacted_version_keeps_its_records_and_withholds_only_the_name(story):
    folder = story["sites"] / "site2" / f"data/v{SAMPLE_VERSION}"
    people = (folder / "people.csv").read_text(encoding="utf-8")
    assert "sekreterare-kultur,(skyddad uppgift),nämndsekreterare" in people
    assert "Karin Wanngård" in people  # the others stay named
    before = (story["sites"] / "site1" / f"data/v{SAMPLE_VERSION}" / "trips.csv").read_text(encoding="utf-8")
    after = (folder / "trips.csv").read_text(encoding="utf-8")
    assert before.replace(NAME, "(skyddad uppgift)") == after


def test_its_checksums_and_the_catalogue_follow_the_new_files(story):
    site = story["sites"] / "site2"
    folder = site / f"data/v{SAMPLE_VERSION}"
    sums = dict(reversed(line.split("  ", 1)) for line in (folder / "SHA256SUMS").read_text().splitlines())
    for name, digest in sums.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    old = (story["sites"] / "site1" / f"data/v{SAMPLE_VERSION}" / "SHA256SUMS").read_text()
    assert sums["people.csv"] not in old and sums["agreements.csv"] in old  # only what named the person changed
    catalogue = (site / "catalog.ttl").read_text(encoding="utf-8")
    url = f"data/v{SAMPLE_VERSION}/people.csv"
    assert url in catalogue and sums["people.csv"] in catalogue
    assert str((folder / "people.csv").stat().st_size) in catalogue
    assert f'"{PROTECTED_ON}"' in catalogue  # the redacted files were modified then
    before = (story["sites"] / "site1" / "catalog.ttl").read_text(encoding="utf-8")
    assert f'"{PROTECTED_ON}"' not in before


def test_the_version_page_says_when_something_was_withheld_never_what(story):
    site = story["sites"] / "site2"
    page = (site / "oppna-data/versioner/index.html").read_text(encoding="utf-8")
    old = page[page.index(f"Version {SAMPLE_VERSION}"):]
    assert f"Den {PROTECTED_ON} undanhölls uppgifter i den här versionens filer av integritetsskäl" in old
    new = page[page.index(f"Version {story['new_version']}"):page.index(f"Version {story['corrected']}")]
    assert "undanhölls" not in new
    english = (site / "en/oppna-data/versioner/index.html").read_text(encoding="utf-8")
    assert f"On {PROTECTED_ON} details in this version's files were withheld for privacy" in english
    log = json.loads((site / "data/changelog.json").read_text(encoding="utf-8"))
    assert {v["version"]: v["withheld"] for v in log["versions"]} == {
        SAMPLE_VERSION: [PROTECTED_ON], story["corrected"]: [PROTECTED_ON], story["new_version"]: []}


def test_portal_record_writes_the_published_versions_checksums(story):
    assert story["record"].returncode == 0, story["record"].stderr
    recorded = story["repo"] / f"data/published/v{SAMPLE_VERSION}/SHA256SUMS"
    assert f"version {SAMPLE_VERSION}: recorded in" in story["record"].stdout
    first, _, sums = recorded.read_text(encoding="utf-8").partition("\n")
    assert first.startswith(f"# version {SAMPLE_VERSION}, published by commit ")
    built = (story["sites"] / "site1" / f"data/v{SAMPLE_VERSION}" / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums == built  # the build gave the recorded bytes
    again = run_portal("record", SAMPLE_VERSION, cwd=story["repo"])
    assert again.returncode == 0 and "already recorded, and its files are still the same" in again.stdout
    assert run_portal("validate", cwd=story["repo"]).stdout.count("published/") == 0  # a known place, not a stray file


def test_a_build_that_would_change_a_recorded_version_is_refused(story, monkeypatch, capsys):
    """A new column, written into every version by today's writer: the recorded version's files would change."""
    from generator import cli, downloads

    site = story["sites"] / "site2"
    before = {p: p.read_bytes() for p in (site / "index.html", site / f"data/v{SAMPLE_VERSION}/SHA256SUMS")}
    original = downloads.build_tables

    def with_new_column(*args, **kwargs):
        tables = original(*args, **kwargs)
        trips = tables["trips"]
        trips.fields.append({"name": "new_column", "type": "string"})
        for row in trips.rows:
            row["new_column"] = "x"
        return tables

    monkeypatch.setattr(downloads, "build_tables", with_new_column)
    monkeypatch.chdir(story["repo"])
    code = cli.main(["build", "--out", str(site), "--no-cache"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"Version {SAMPLE_VERSION}:s filer blir inte längre byte för byte som när den publicerades" in err, err
    assert "trips.csv" in err and f"Version {SAMPLE_VERSION}'s files no longer come out byte for byte" in err
    assert f"data/published/v{SAMPLE_VERSION}/SHA256SUMS" in err
    assert "site2 was not changed" in err
    assert {p: p.read_bytes() for p in before} == before
