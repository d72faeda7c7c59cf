"""`portal diff` on a temporary git repository with a known change: exactly that change, and the right totals."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLE_VERSION, run_portal

TRIP = "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
FEE = """  - id: 3
    category: membership_fee
    description: Årsavgift 2026
    amount_sek: 190000
    status: preliminary
    paid_by_body_id: malmo-stadskontoret
    date: 2026-01-31
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(workdir: Path) -> Path:
    """The sample data committed on main, then changed in the working tree like a pull request would:
    a corrected amount (and the trip's stated total), a new membership fee, a removed agreement."""
    _git(workdir, "init", "-q", "-b", "main")
    _git(workdir, "add", "data")
    _git(workdir, "commit", "-q", "-m", "sample")
    _edit(workdir / TRIP, "amount_sek: 9800\n", "amount_sek: 9900\n")
    _edit(workdir / TRIP, "total_sek: 24150\n", "total_sek: 24250\n")
    fees = workdir / "data/memberships/malmo-eurocities.yaml"
    fees.write_text(fees.read_text(encoding="utf-8") + FEE, encoding="utf-8")
    (workdir / "data/agreements/malmo-varna-1993.yaml").unlink()
    _edit(workdir / "data/datapackage.yaml", f'version: "{SAMPLE_VERSION}"', 'version: "9.0.0"')
    return workdir


def test_json_reports_exactly_the_change_and_the_totals(repo):
    result = run_portal("diff", "main", "--format", "json", cwd=repo)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["ref"] == "main"
    assert out["version"] == {"old": SAMPLE_VERSION, "new": "9.0.0"}
    assert out["summary"] == {"added": 1, "changed": 2, "removed": 2}
    assert out["errors"] == {"old": False, "new": False}
    resources = out["resources"]
    assert set(resources) == {"agreements", "agreement_parties", "trips", "costs"}
    assert [r["id"] for r in resources["agreements"]["removed"]] == ["malmo-varna-1993"]
    assert [r["id"] for r in resources["agreement_parties"]["removed"]] == ["malmo-varna-1993/varna"]
    assert resources["trips"]["changed"] == [{"id": "2016-11-paris-oecd-inclusive-growth",
                                              "fields": {"total_sek": {"old": 24150, "new": 24250}}}]
    assert resources["costs"]["changed"] == [{"id": "2016-11-paris-oecd-inclusive-growth-1",
                                              "fields": {"amount_sek": {"old": 9800, "new": 9900}}}]
    [added] = resources["costs"]["added"]
    assert added["id"] == "malmo-eurocities-3"
    assert added["values"] == {"membership_id": "malmo-eurocities", "id": "malmo-eurocities-3",
                               "category": "membership_fee", "description": "Årsavgift 2026", "amount_sek": 190000,
                               "status": "preliminary", "paid_by_body_id": "malmo-stadskontoret", "date": "2026-01-31"}
    def row(old, new, reported, of):  # a sum as the site adds it: the known amount and how many parts reported
        return {"old": {"sek": old, "reported": reported, "of": of}, "new": {"sek": new, "reported": reported, "of": of},
                "change": round(new - old, 2)}

    assert out["totals"] == {  # per municipality, never added together (the site never does)
        "municipality": {"malmo": row(595300.0, 785300.0, 4, 27),  # 3 years × 9 bodies
                         "stockholm": row(24150.0, 24250.0, 3, 18)},  # 3 years × 6 bodies
        "municipality_year": {"malmo 2026": row(15000.0, 205000.0, 0, 9), "stockholm 2016": row(24150.0, 24250.0, 0, 6)},
        "body": {"malmo-stadskontoret": row(595300.0, 785300.0, 2, 3),
                 "stockholm-kommunstyrelsen": row(19250.0, 19350.0, 0, 3)},
        "municipality_category": {"malmo membership_fee": row(451800.0, 641800.0, 4, 27),
                                  "stockholm transport": row(14700.0, 14800.0, 3, 18)},
    }


def test_markdown_for_a_pull_request_comment(repo):
    result = run_portal("diff", "main", cwd=repo)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "### Ändringar i de publicerade uppgifterna jämfört med `main`"
    for line in [
        "Poster: 1 tillagd, 2 ändrade, 2 borttagna.",
        f"Version: {SAMPLE_VERSION} → 9.0.0.",
        "#### Avtal (`agreements`)",
        "| borttagen | `malmo-varna-1993` |  | Vänortsavtal med Varna | – |",
        "| ändrad | `2016-11-paris-oecd-inclusive-growth` | `total_sek` | 24150 | 24250 |",
        "| tillagd | `malmo-eurocities-3` |  | – | membership_fee 190000 Årsavgift 2026 |",
        "| ändrad | `2016-11-paris-oecd-inclusive-growth-1` | `amount_sek` | 9800 | 9900 |",
        "| Per kommun | före | efter | skillnad |",
        # sums some body has not reported are marked as the site marks them
        "| `malmo` | 595\u00a0300 (ofullst.: 4 av 27 organår) | 785\u00a0300 (ofullst.: 4 av 27 organår) | +190\u00a0000 |",
        "| `stockholm` | 24\u00a0150 (ofullst.: 3 av 18 organår) | 24\u00a0250 (ofullst.: 3 av 18 organår) | +100 |",
        "| `malmo-stadskontoret` | 595\u00a0300 (ofullst.: 2 av 3 organår) | 785\u00a0300 (ofullst.: 2 av 3 organår) "
        "| +190\u00a0000 |",
        "| Per kommun och kategori | före | efter | skillnad |",
        "| `stockholm transport` | 14\u00a0700 (ofullst.: 3 av 18 organår) | 14\u00a0800 (ofullst.: 3 av 18 organår) | +100 |",
        "| Per kommun och år | före | efter | skillnad |",
        "| `malmo 2026` | 15\u00a0000 (ofullst.: 0 av 9 organ) | 205\u00a0000 (ofullst.: 0 av 9 organ) | +190\u00a0000 |",
        "| `stockholm 2016` | 24\u00a0150 (ofullst.: 0 av 6 organ) | 24\u00a0250 (ofullst.: 0 av 6 organ) | +100 |",
    ]:
        assert line in lines, line
    assert any(line.startswith("ofullst. = ofullständig: summan av det som är känt") for line in lines)
    english = run_portal("diff", "main", "--lang", "en", cwd=repo).stdout.splitlines()
    assert "Records: 1 added, 2 changed, 2 removed." in english
    assert "| `malmo 2026` | 15,000 (partial: 0 of 9 bodies) | 205,000 (partial: 0 of 9 bodies) | +190,000 |" in english
    assert "| Per municipality | before | after | difference |" in english
    assert not any(line.startswith(("| Totalt", "| Total", "| `2026`", "| `transport`")) for line in lines + english)
    assert any(line.startswith("partial = the sum of what is known") for line in english)


def test_no_change_and_a_forgotten_version(repo):
    _git(repo, "add", "-A", "data")
    _git(repo, "commit", "-q", "-m", "change")
    assert run_portal("diff", "HEAD", cwd=repo).stdout.splitlines()[2] == "Inga ändringar i de publicerade uppgifterna."
    _edit(repo / TRIP, "title: OECD:s möte", "title: OECD-mötet")
    lines = run_portal("diff", "HEAD", cwd=repo).stdout.splitlines()
    assert lines[4].startswith("**Obs:** versionen i `datapackage.yaml` är fortfarande 9.0.0. Höj den: PATCH för rättelser")
    assert "Summorna är oförändrade." in lines


def test_errors_in_the_data_leave_the_totals_out(repo):
    _edit(repo / TRIP, "amount_sek: 9900\n", "amount_sek: 9900,50\n")
    result = run_portal("diff", "main", "--format", "json", cwd=repo)
    assert json.loads(result.stdout)["errors"] == {"old": False, "new": True}
    assert json.loads(result.stdout)["totals"] is None
    markdown = run_portal("diff", "main", cwd=repo).stdout
    assert "Summorna kan inte räknas eftersom datan har fel (efter); kör `portal validate`." in markdown


def test_unknown_ref_and_no_repository(repo, tmp_path_factory):
    result = run_portal("diff", "origin/nosuch", cwd=repo)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: unknown git ref 'origin/nosuch'")
    outside = tmp_path_factory.mktemp("outside")
    (outside / "data").mkdir(parents=True)
    result = run_portal("diff", "main", "--data", str(outside / "data"), cwd=outside)
    assert result.returncode == 1 and "is not in a git repository" in result.stderr


def test_a_person_protected_now_is_not_named_by_the_comparison(repo):
    _git(repo, "add", "-A", "data")
    _git(repo, "commit", "-q", "-m", "change")
    _edit(repo / "data/people.yaml", "  name: Magnus Ljungkvist\n", "  protected: true\n")
    for args in (("diff", "HEAD"), ("diff", "HEAD", "--format", "json")):
        result = run_portal(*args, cwd=repo)
        assert result.returncode == 0, result.stderr
        assert "Ljungkvist" not in result.stdout and "(skyddad uppgift)" in result.stdout
