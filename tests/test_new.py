"""`portal new` as staff run it: each kind makes a file that validates once its blanks are filled, and nothing is overwritten."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import TODAY, run_portal

TRIP = "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"

# kind, flags, the file it makes, the required fields it leaves blank, how a person fills them
CASES = [
    ("trip", ["--title", "Eurocities årsmöte i Bryssel", "--start", "2026-12-02", "--destination", "Bryssel, BE"],
     "data/trips/2026/2026-12-bryssel-eurocities-arsmote.yaml", {"body_id", "purposes"},
     {"body_id:": "body_id: stockholm-kommunstyrelsen", "purposes:": "purposes:\n  - monitoring"}),
    ("membership", ["--body", "malmo-kommunstyrelsen", "--organisation", "oecd"],
     "data/memberships/malmo-oecd.yaml", {"start_date"}, {"start_date:": "start_date: 2026"}),
    ("agreement", ["--body", "malmo-kommunstyrelsen", "--party", "newcastle", "--signed", "2026-05-04"],
     "data/agreements/malmo-newcastle-2026.yaml", {"title", "kind"},
     {"title:": "title: Avsiktsförklaring med Newcastle", "kind:": "kind: intention"}),
    ("organisation", ["--name", "Ville de Genève", "--city", "Genève", "--country", "ch"],
     "data/organisations.yaml", {"kind"}, {"  kind:": "  kind: city"}),
    ("person", ["--name", "Åsa Öberg", "--body", "malmo-kommunstyrelsen"],
     "data/people.yaml", {"title"}, {"  title:": "  title: kommunalråd"}),
    ("cost", ["--to", "malmo-eurocities", "--category", "membership_fee", "--amount", "190 000,50"],
     "data/memberships/malmo-eurocities.yaml", {"date", None},
     {"    date:": "    date: 2026-01-31", "    paid_by_body_id:": "    paid_by_body_id: malmo-stadskontoret"}),
]


def _errors(workdir: Path) -> list[dict]:
    result = run_portal("validate", "--format", "json", "--today", TODAY, cwd=workdir)
    return [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]


def _fill(path: Path, blanks: dict[str, str], after_line: int) -> None:
    """Replace the first blank line `key:` at or after the new entry, as a person would."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for blank, filled in blanks.items():
        index = next(i for i, line in enumerate(lines) if i >= after_line - 1 and line == blank)
        lines[index] = filled
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("kind, flags, file, blank_fields, fills", CASES, ids=[c[0] for c in CASES])
def test_new_record_validates_once_its_blanks_are_filled(workdir, kind, flags, file, blank_fields, fills):
    path = workdir / file
    before = path.read_text(encoding="utf-8") if path.exists() else None
    result = run_portal("new", kind, *flags, cwd=workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert re.fullmatch(rf"(Skapade|Lade till i) {re.escape(file)}(:\d+)?( \(id [a-z0-9-]+\))?\.", first), first
    start = int(m.group(1)) if (m := re.search(r":(\d+)", first)) else 1

    errors = _errors(workdir)
    assert {e["file"] for e in errors} == {file}, errors
    assert {e["field"] for e in errors} == blank_fields
    assert all(e["line"] >= start for e in errors)
    for error in errors:  # the command already told the person what to fill in, where
        assert f"{error['file']}:{error['line']}:{error['column']}: fel: " in result.stdout

    text = path.read_text(encoding="utf-8")
    if before is not None:  # appended as text: every line that was there is still there, in order
        old_lines = before.splitlines()
        new_lines = text.splitlines()
        assert len(new_lines) > len(old_lines) and _is_subsequence(old_lines, new_lines)
    assert "# Obligatoriskt." in text  # every field is explained
    _fill(path, fills, start)
    assert _errors(workdir) == []


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(line in it for line in small)


def test_every_field_has_its_schema_description_as_comment(workdir):
    from generator.entities import computed_fields, fields

    run_portal("new", "membership", "--body", "malmo-kommunstyrelsen", "--organisation", "oecd", cwd=workdir)
    text = (workdir / "data/memberships/malmo-oecd.yaml").read_text(encoding="utf-8")
    flat = " ".join(line.strip("# ").strip() for line in text.splitlines() if line.lstrip().startswith("#"))
    for name, spec in fields("memberships").items():
        if name in computed_fields("memberships"):  # the portal's, never written in a data file
            assert not re.search(rf"^{name}:", text, re.M), name
            continue
        assert re.search(rf"^{name}:", text, re.M), name
        assert spec["description"] in flat, name


def test_a_generated_id_never_collides_and_a_file_is_never_overwritten(workdir):
    taken = workdir / "data/trips/2026/2026-12-bryssel-arsmote.yaml"
    taken.write_text("# a file someone started\n", encoding="utf-8")
    flags = ["--title", "Årsmöte", "--start", "2026-12-02", "--destination", "Bryssel, BE"]

    first = run_portal("new", "trip", *flags, cwd=workdir)
    second = run_portal("new", "trip", *flags, cwd=workdir)
    assert first.stdout.startswith("Skapade data/trips/2026/2026-12-bryssel-arsmote-2.yaml"), first.stdout + first.stderr
    assert second.stdout.startswith("Skapade data/trips/2026/2026-12-bryssel-arsmote-3.yaml"), second.stdout + second.stderr
    assert taken.read_text(encoding="utf-8") == "# a file someone started\n"


def test_an_id_in_use_is_refused(workdir):
    before = (workdir / TRIP).read_text(encoding="utf-8")
    result = run_portal("new", "trip", "--id", "2016-11-paris-oecd-inclusive-growth", "--title", "Paris",
                        "--start", "2016-11-21", cwd=workdir)
    assert result.returncode == 1
    assert result.stderr == ("Error: id '2016-11-paris-oecd-inclusive-growth' används redan; "
                             "välj ett annat (ett id återanvänds aldrig).\n")
    assert (workdir / TRIP).read_text(encoding="utf-8") == before


@pytest.mark.parametrize("flags, message", [
    (["trip", "--title", "x", "--start", "21/11/2016"], "'21/11/2016' är inte ett datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-02 (menade du '2016-11-21'?)."),
    (["trip", "--title", "x", "--start", "2026-12-02", "--body", "stockholm-kommunstyrelsn"],
     "'stockholm-kommunstyrelsn' finns inte bland nämnder och bolag (menade du 'stockholm-kommunstyrelsen'?)."),
    (["trip", "--title", "x", "--start", "2026-12-02", "--destination", "Oslo, XX"], "'XX' är inte tillåtet."),
    (["cost", "--to", "malmo-eurocitis", "--category", "membership_fee"],
     "'malmo-eurocitis' finns inte bland resor, medlemskap och avtal (menade du 'malmo-eurocities'?)."),
    (["cost", "--to", "malmo-eurocities", "--category", "membershipfee"],
     "'membershipfee' är inte tillåtet (menade du 'membership_fee'?). Välj en av: transport, lodging, fees, per_diem, "
     "meals_representation, membership_fee, other."),
    (["trip", "--start", "2026-12-02"], "ange --title (eller kör kommandot i en terminal för att få frågor)."),
    (["trip", "--title", "x", "--start", "2026-12-02", "--end", "2026-12-01"],
     "resan slutar (2026-12-01) före den börjar (2026-12-02); rätta --end."),
])
def test_bad_values_are_refused_with_what_to_do(workdir, flags, message):
    result = run_portal("new", *flags, cwd=workdir)
    assert result.returncode == 1
    assert result.stderr == f"Error: {message}\n"
    assert not list((workdir / "data/trips").glob("2026/2026-12-*"))


def test_interactive_answers_are_checked_and_asked_again(workdir):
    import subprocess
    import sys

    answers = "\n".join(["Studieresa till Köpenhamn", "02/12/2026", "2026-12-02", "", "Köpenhamn, dk", "", "tåg", "train",
                         "malmo-kommunstyrelsn", "malmo-kommunstyrelsen", "", "", "monitoring", "", "", ""]) + "\n"
    result = subprocess.run([sys.executable, "-m", "generator", "new", "trip", "--interactive"], cwd=workdir,
                            input=answers, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "'02/12/2026' är inte ett datum" in result.stdout
    assert "(menade du 'malmo-kommunstyrelsen'?)" in result.stdout
    path = workdir / "data/trips/2026/2026-12-kopenhamn-studieresa.yaml"
    assert "country: DK" in path.read_text(encoding="utf-8")
    assert "'tåg' är inte tillåtet" in result.stdout and "travel_mode: train\n" in path.read_text(encoding="utf-8")
    assert _errors(workdir) == []


def test_an_empty_list_shows_an_entry_to_copy(workdir):
    run_portal("new", "trip", "--title", "Oslo", "--start", "2026-12-02", "--destination", "Oslo, NO", cwd=workdir)
    text = (workdir / "data/trips/2026/2026-12-oslo.yaml").read_text(encoding="utf-8")
    assert 'country: "NO"' in text  # quoted: unquoted NO would be read as "no"
    assert "#   - person_id: Obligatoriskt. Personen (id).\n#     role: Vad personen gjorde på resan, t.ex. talare.\nparticipants: []\n" in text
    assert "# Lägg till med `portal new cost --to 2026-12-oslo`.\ncosts: []\n" in text


def test_data_option_and_help(tmp_path, workdir):
    result = run_portal("new", "organisation", "--data", str(workdir / "data"), "--name", "Tallinn", "--kind", "city",
                        cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "- id: tallinn-2" in (workdir / "data/organisations.yaml").read_text(encoding="utf-8")
    for kind in ("trip", "membership", "agreement", "organisation", "person", "cost"):
        assert run_portal("new", kind, "--help", cwd=tmp_path).returncode == 0


def test_a_new_cost_line_gets_a_number_never_used_in_its_list(workdir):
    """The number is the line's permanent id: after a removed line it is not handed out again."""
    path = workdir / "data/memberships/malmo-eurocities.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: 2\n", text.index("\ncosts:\n"))
    path.write_text(text[:start] + "  - id: 3\n" + text[start + len("  - id: 2\n"):], encoding="utf-8")  # 2 became 3
    result = run_portal("new", "cost", "--to", "malmo-eurocities", "--category", "membership_fee", "--amount", "1000",
                        "--date", "2026-01-31", "--status", "final", "--paid-by", "malmo-stadskontoret", cwd=workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    costs = path.read_text(encoding="utf-8").split("\ncosts:\n")[1]
    assert [line for line in costs.splitlines() if line.startswith("  - id:")] == ["  - id: 1", "  - id: 3", "  - id: 4"]
    assert not [e for e in _errors(workdir) if e["code"].startswith("line-id")]
