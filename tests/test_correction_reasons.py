"""A correction's reason is published only when it was written as one, and it is checked as data.

The reason is a `Rättelse:` line of a commit message (`Correction:` too), for every record the
commit changed, or `Rättelse(<id>):` for one record; the rest of the message is never published.
A personal identity number in a reason fails the build, naming the commit.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import SAMPLE_DATA, SAMPLE_VERSION, run_portal
from generator.corrections import _reasons, reasons_in
from generator.outfolder import BuildError

PARIS = "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
NUMBER = "811218-9876"  # a valid personal identity number (Luhn): what must never be published


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                           *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def _repo(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "Publicera")
    return tmp_path


def _correct(repo: Path, message: str, by: int = 150) -> str:
    """The Paris hotel's amount raised `by` kronor (and the trip's total), the version raised, committed with `message`."""
    path = repo / PARIS
    text = path.read_text(encoding="utf-8")
    amount = int(text.split("category: lodging", 1)[1].split("amount_sek: ", 1)[1].split("\n", 1)[0])
    total = int(text.split("total_sek: ", 1)[1].split("\n", 1)[0])
    path.write_text(text.replace(f"amount_sek: {amount}\n", f"amount_sek: {amount + by}\n", 1)
                    .replace(f"total_sek: {total}\n", f"total_sek: {total + by}\n", 1), encoding="utf-8")
    package = repo / "data/datapackage.yaml"
    major, minor, patch = map(int, SAMPLE_VERSION.split("."))
    package.write_text(package.read_text(encoding="utf-8").replace(f'version: "{SAMPLE_VERSION}"',
                                                                   f'version: "{major}.{minor}.{patch + 1}"'), encoding="utf-8")
    _git(repo, "commit", "-qam", message)
    return _git(repo, "rev-parse", "HEAD").strip()


def test_only_reason_lines_are_reasons_one_per_record_or_for_all():
    message = ("Rätta två resor\n\nFakturan kom i dag; Anna ringde.\n\n"
               "Rättelse: Beloppen rättade enligt fakturan\n"
               "Rättelse(2016-11-paris-oecd-inclusive-growth): Hotellet kostade 630 euro\n"
               "  correction( 2025-03-cannes-mipim ) :  Datumet var fel  \n"
               "Rättelse:\n"  # empty: no reason
               "Not a Rättelse: line\n")
    assert reasons_in(message) == {None: ["Beloppen rättade enligt fakturan"],
                                   "2016-11-paris-oecd-inclusive-growth": ["Hotellet kostade 630 euro"],
                                   "2025-03-cannes-mipim": ["Datumet var fel"]}
    assert reasons_in("Rätta hotellkostnaden enligt fakturan") == {}  # a message without a reason line gives none


def test_a_number_in_a_reason_fails_but_not_elsewhere_in_the_message(tmp_path):
    repo = _repo(tmp_path)
    first = _git(repo, "rev-parse", "HEAD").strip()
    _correct(repo, f"Kvitto från {NUMBER}\n\nRättelse: Rättat belopp enligt kvittot")  # the subject is not published
    assert _reasons(repo / "data", first, None) == {"trips/2016/2016-11-paris-oecd-inclusive-growth.yaml": [
        {None: ["Rättat belopp enligt kvittot"]}], "datapackage.yaml": [{None: ["Rättat belopp enligt kvittot"]}]}
    commit = _correct(repo, f"Belopp\n\nRättelse: Rättat belopp, kvitto från {NUMBER.replace('-', '')}", by=100)
    try:
        _reasons(repo / "data", first, None)
    except BuildError as exc:
        assert commit[:10] in str(exc) and NUMBER.replace("-", "") not in str(exc)
    else:
        raise AssertionError("a personal identity number in a reason was accepted")


def test_the_build_fails_naming_the_commit_and_leaves_the_site(tmp_path):
    repo = _repo(tmp_path)
    commit = _correct(repo, f"Belopp\n\nRättelse: Rättat belopp, kvitto från {NUMBER}")
    result = run_portal("build", "--out", str(tmp_path / "site"), "--no-cache", cwd=repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"Error: the commit {commit[:10]} gives as the reason for a correction what looks like a personal " \
           f"identity number" in result.stderr, result.stderr
    assert NUMBER not in result.stderr + result.stdout and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_portal_new_says_how_a_reason_is_written(workdir):
    for lang, line in (("sv", "skriv skälet på en egen rad i commit-meddelandet: `Rättelse: <skäl>`"),
                       ("en", "give the reason on a line of its own in the commit message: `Correction: <reason>`")):
        result = run_portal("new", "cost", "--to", "2016-11-paris-oecd-inclusive-growth", "--category", "fees",
                            "--amount", "100", "--paid-by", "stockholm-kommunstyrelsen", "--lang", lang, cwd=workdir)
        assert result.returncode == 0 and line in result.stdout, result.stdout + result.stderr
