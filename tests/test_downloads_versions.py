"""Versions and their changelog from git history, formula-like text made inert, the data dictionary.

A temporary repository holds the sample data in three commits: a version whose data
does not validate (skipped, with a warning), the first good version, and a version
that corrects a trip. Each version keeps its own downloads; the changelog and the
feed show the correction.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import SAMPLE_DATA, SAMPLE_VERSION
from test_downloads_formats import read_csv, write_downloads

PARIS = "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
OLD_TITLE = "title: OECD:s möte om inkluderande tillväxt i städer, Paris"
FORMULA = '=HYPERLINK("http://x","y")'
PHONE = "+46 8 508 000 00"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _commit(repo: Path, message: str, date: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for args in (["add", "-A"], ["-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qm", message]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def history_site(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("repo")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    shutil.copytree(SAMPLE_DATA, repo / "data")
    package = repo / "data" / "datapackage.yaml"
    _edit(package, f'version: "{SAMPLE_VERSION}"', 'version: "0.0.1"')
    _edit(repo / PARIS, OLD_TITLE, "titel: OECD")  # a misspelt key: this version does not validate
    _commit(repo, "broken", "2026-01-05T10:00:00Z")
    _edit(package, 'version: "0.0.1"', 'version: "0.1.0"')
    _edit(repo / PARIS, "titel: OECD", OLD_TITLE)
    _commit(repo, "first version", "2026-02-10T10:00:00Z")
    _edit(package, 'version: "0.1.0"', 'version: "0.2.0"')
    _edit(repo / PARIS, OLD_TITLE, "title: OECD-möte om inkluderande tillväxt, Paris")
    _commit(repo, "correct a title", "2026-03-15T10:00:00Z")
    with pytest.warns(UserWarning, match="version 0.0.1"):
        return write_downloads(repo / "data", repo / "site")


def test_each_version_keeps_its_downloads(history_site):
    data = history_site / "data"
    assert sorted(p.name for p in data.iterdir() if p.name.startswith("v")) == ["v0.1.0", "v0.2.0"]
    titles = {v: {r["id"]: r["title"] for r in read_csv(data / v / "trips.csv")[1]} for v in ("v0.1.0", "v0.2.0")}
    assert titles["v0.1.0"]["2016-11-paris-oecd-inclusive-growth"].startswith("OECD:s möte")
    assert titles["v0.2.0"]["2016-11-paris-oecd-inclusive-growth"].startswith("OECD-möte")
    assert (data / "latest" / "trips.csv").read_bytes() == (data / "v0.2.0" / "trips.csv").read_bytes()
    old = json.loads((data / "v0.1.0" / "datapackage.json").read_text(encoding="utf-8"))
    assert old["version"] == "0.1.0" and old["created"].startswith("2026-02-10")
    with zipfile.ZipFile(data / "v0.1.0" / "portal.zip") as archive:
        assert archive.infolist()[0].date_time[:3] == (2026, 2, 10)


def test_changelog_lists_the_corrected_record(history_site):
    from generator.downloads.changelog import changelog_markdown
    from generator.downloads.release import Release
    from generator.package import Metadata

    log = json.loads((history_site / "data" / "changelog.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in log["versions"]] == ["0.2.0", "0.1.0"]
    newest = log["versions"][0]
    assert newest["summary"] == {"added": 0, "changed": 1, "removed": 0}
    assert newest["resources"]["trips"]["changed"] == [{
        "id": "2016-11-paris-oecd-inclusive-growth", "fields": ["title"],
        "values": {"title": {"old": "OECD:s möte om inkluderande tillväxt i städer, Paris",
                             "new": "OECD-möte om inkluderande tillväxt, Paris"}}}]
    assert newest["date"] == "2026-03-15" and newest["licence"] == "CC0-1.0"
    assert "version 0.2.0 (2026-03-15)" in newest["citation"]
    page = changelog_markdown(log, Release(Metadata(version="0.2.0"), None, "https://x.example/"), "sv", "../../")
    assert "## Version 0.2.0 (2026-03-15)" in page
    assert ("`2016-11-paris-oecd-inclusive-growth`: `title` `OECD:s möte om inkluderande tillväxt i städer, Paris` → "
            "`OECD-möte om inkluderande tillväxt, Paris`") in page
    assert '<a href="../../data/v0.1.0/portal.xlsx">' in page


def test_feed_marks_the_changed_trip_with_its_commit_date(history_site):
    import xml.etree.ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(history_site / "feed.atom").getroot()
    assert feed.find("a:updated", ns).text == "2026-03-15T00:00:00Z"
    entries = {e.find("a:id", ns).text: e for e in feed.findall("a:entry", ns)}
    paris = entries["https://portal.example.org/resor/2016-11-paris-oecd-inclusive-growth/"]
    assert paris.find("a:category", ns).get("term") == "changed"
    assert paris.find("a:updated", ns).text == "2026-03-15T00:00:00Z"
    # a trip never changed: when the version that first held it was published, as its page has no "Senast ändrad"
    # (its file's last commit was the broken version of 2026-01-05, which published nothing)
    green_week = entries["https://portal.example.org/resor/2024-06-bryssel-green-week/"]
    assert green_week.find("a:updated", ns).text == "2026-02-10T00:00:00Z"
    assert all(e.find("a:title", ns).text and e.find("a:link", ns).get("href") for e in entries.values())


def test_corrections_feed_holds_corrections_and_withdrawals_not_additions():
    """`event_language – → en` is news (a field filled in), not a correction; a changed amount and a withdrawal are."""
    import datetime as dt
    import xml.etree.ElementTree as ET

    from generator.corrections import Correction, FieldChange, Past
    from generator.downloads.feed import corrections_bytes
    from generator.downloads.release import Release
    from generator.package import Metadata

    day = dt.date(2026, 3, 15)
    added = Correction("0.2.0", day, [], "changed", [FieldChange("trips", "a", "event_language", None, "en"),
                                                     FieldChange("costs", "a-5", "", None, {"amount_sek": 100})])
    mixed = Correction("0.2.0", day, ["Fakturan"], "changed", [FieldChange("costs", "b-1", "amount_sek", 6750, 6900),
                                                              FieldChange("trips", "b", "event_language", "", "en")])
    gone = Correction("0.2.0", day, [], "withdrawn")
    past = Past({("trips", "a"): [added], ("trips", "b"): [mixed], ("trips", "c"): [gone]}, [])
    feed = ET.fromstring(corrections_bytes(past, Release(Metadata(version="0.2.0"), day, "https://x.example/")))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = {e.find("a:title", ns).text: e.find("a:summary", ns).text for e in feed.findall("a:entry", ns)}
    assert entries == {"Ändrad i version 0.2.0: b": "amount_sek: 6750 → 6900. Skäl: Fakturan",
                       "Borttagen i version 0.2.0: c": "Skäl: ingen motivering angiven"}


def test_formula_like_text_is_inert_and_reads_the_same(workdir, tmp_path):
    import openpyxl

    _edit(workdir / PARIS, OLD_TITLE, f"title: '{FORMULA}'")
    _edit(workdir / PARIS, "description: Traktamente", f'description: "{PHONE}"')
    site = write_downloads(workdir / "data", tmp_path / "site")
    latest = site / "data" / "latest"
    raw = (latest / "trips.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")" in raw  # a leading apostrophe, then the text as written
    trips = {r["id"]: r for r in read_csv(latest / "trips.csv")[1]}
    assert trips["2016-11-paris-oecd-inclusive-growth"]["title"] == FORMULA  # restored as documented
    costs = (latest / "costs.csv").read_text(encoding="utf-8")
    assert f",'{PHONE}," in costs and ",9800," in costs  # numbers stay plain numbers
    book = openpyxl.load_workbook(latest / "portal.xlsx")
    cells = [c for row in book["trips"].iter_rows() for c in row if c.value == FORMULA]
    assert cells and all(c.data_type == "s" for c in cells)
    assert any(c.value == PHONE and c.data_type == "s" for row in book["costs"].iter_rows() for c in row)
    with zipfile.ZipFile(latest / "portal.xlsx") as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any(b"<f>" in xml or b"<f " in xml for xml in sheets)


def test_data_dictionary_covers_every_field_and_the_neutralising_rule():
    from generator.downloads.dictionary import data_dictionary_markdown
    from generator.entities import RESOURCES, fields

    for lang in ("sv", "en"):
        page = data_dictionary_markdown(lang)
        for resource in RESOURCES:
            assert f"(`{resource}`)" in page
            for name, spec in fields(resource).items():
                assert f"| `{name}` |" in page
                assert html.escape(" ".join(spec.get("description_en", "").split()), quote=False) in page  # as text
        assert "`=`, `+`, `-`, `@`" in page
    assert "`per_diem` (Traktamente / Per diem)" in data_dictionary_markdown("sv")
