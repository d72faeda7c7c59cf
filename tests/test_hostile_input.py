"""Careless and hostile input that the corpus cannot hold (links, pipes, signals, file systems),
and what every output makes of values the corpus only validates."""

from __future__ import annotations

import csv
import errno
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import REPO, TODAY, run_portal

CORPUS = Path(__file__).parent / "corpus"
TRIP = "data/trips/2025/2025-05-oslo-test.yaml"


def _overlay(workdir: Path, case: str) -> None:
    import shutil

    shutil.copytree(CORPUS / case / "data", workdir / "data", dirs_exist_ok=True)


def _validate(workdir: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    result = run_portal("validate", "--lang", "en", "--today", TODAY, *args, cwd=workdir, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_links_are_never_followed_out_of_the_data_folder(workdir, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("- id: secret\n  name: Secret\n  kind: city\n", encoding="utf-8")
    (workdir / "data/organisations-extra.yaml").symlink_to(secret)
    (workdir / "data/trips/2025/.#2025-05-oslo-test.yaml").symlink_to("root@host.1234:1700000000")  # emacs' lock
    (workdir / "data/trips/2030").symlink_to(workdir / "data/trips/2025")
    result = _validate(workdir)
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert f"data/organisations-extra.yaml:1:1: error: The link points outside the data folder ({secret}) and is not read." in out
    assert ("data/trips/2025/.#2025-05-oslo-test.yaml:1:1: error: The link points to root@host.1234:1700000000, "
            "which does not exist.") in out
    assert f"data/trips/2030:1:1: error: The link points to a folder ({workdir / 'data/trips/2025'}) and is not followed." in out
    assert "secret" not in result.stdout.replace(str(secret), "")


def test_a_link_to_a_file_inside_the_data_folder_is_read_as_that_file(workdir):
    (workdir / "data/trips/2016/copy.yaml").symlink_to(workdir / "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml")
    out = _validate(workdir).stdout
    assert "data/trips/2016/copy.yaml:1:5: error: The id '2016-11-paris-oecd-inclusive-growth' does not match" in out


def test_version_control_folders_are_not_walked(workdir):
    (workdir / "data/.git/objects").mkdir(parents=True)
    (workdir / "data/.git/objects/x.yaml").write_text("not: data\n", encoding="utf-8")
    (workdir / "data/.git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    result = _validate(workdir)
    assert result.returncode == 0 and ".git" not in result.stdout


def test_a_pipe_named_like_a_data_file_is_not_opened(workdir):
    os.mkfifo(workdir / "data/trips/2025/2025-05-pipe.yaml")  # reading it would wait for ever
    result = _validate(workdir)
    assert result.returncode == 1
    assert "data/trips/2025/2025-05-pipe.yaml:1:1: error: The file cannot be read: not a plain file." in result.stdout


def test_an_unreadable_file_is_a_problem_not_a_traceback(workdir, monkeypatch):
    from generator.validate import validate

    blocked = workdir / "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
    read_bytes = Path.read_bytes

    def refuse(path):
        if path == blocked or path.name == blocked.name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.chdir(workdir)
    report, _ = validate(Path("data"))
    [problem] = [p for p in report.errors if p.code == "file-unreadable"]
    assert (problem.file, problem.line, problem.message("en")) == (
        "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml", 1, "The file cannot be read: Permission denied.")


def test_text_is_stored_in_nfc(workdir, monkeypatch):
    from generator.validate import validate

    _overlay(workdir, "text-not-nfc")
    monkeypatch.chdir(workdir)
    report, loaded = validate(Path("data"))
    [trip] = [r for r in loaded.tables["trips"] if r.values["id"] == "2025-05-oslo-test"]
    assert trip.values["title"] == unicodedata.normalize("NFC", "Testresa till Malmo\u0308") == "Testresa till Malmö"


def test_invisible_characters_are_exactly_the_unicode_categories():
    """text.INVISIBLE is written out as ranges; it must match Cc (but tab and newline), Cf, Cs, Co, Zl, Zp and noncharacters."""
    from generator.text import INVISIBLE

    wrong = []
    for code in range(0x110000):
        char = chr(code)
        meant = (unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") and char not in "\t\n"
                 or 0xFDD0 <= code <= 0xFDEF or code in (0xFFFE, 0xFFFF) or code >= 0xF0000)  # planes 15-16: private use
        if bool(INVISIBLE.match(char)) != meant:
            wrong.append(f"U+{code:04X}")
    assert not wrong, wrong[:20]


def test_numbers_reach_every_download_as_numbers(workdir):
    """12_000, 5e3 and 1.0e3 are numbers in the CSV, JSON and SQLite, as on the page; and validate's exit 0 means build."""
    _overlay(workdir, "number-forms-normalised")
    assert _validate(workdir).returncode == 0
    result = run_portal("build", "--out", "site", cwd=workdir)
    assert result.returncode == 0, result.stderr
    latest = workdir / "site/data/latest"
    rows = [r for r in csv.DictReader((latest / "costs.csv").open(encoding="utf-8")) if r["trip_id"] == "2025-05-oslo-test"]
    assert [r["amount_sek"] for r in rows] == ["4000", "1000"]
    [trip] = [r for r in csv.DictReader((latest / "trips.csv").open(encoding="utf-8")) if r["id"] == "2025-05-oslo-test"]
    assert trip["total_sek"] == "5000"
    database = sqlite3.connect(latest / "portal.sqlite")
    assert database.execute("select total_sek from trips where id = '2025-05-oslo-test'").fetchone() == (5000,)
    text = (latest / "trips.json").read_text(encoding="utf-8")
    assert "5e3" not in text and re.search(r'"total_sek": ?5000[,}]', text)


def test_no_value_forges_a_workflow_command(workdir):
    _overlay(workdir, "text-forged-annotation")
    trip = workdir / TRIP
    trip.write_text(trip.read_text(encoding="utf-8").replace("title: Testresa", 'title: "x\\n::warning file=y::z\\e]0;t\\a"'),
                    encoding="utf-8")
    for env in ({"GITHUB_ACTIONS": "true"}, {}):
        for fmt in ((), ("--format", "text"), ("--format", "json")):
            result = _validate(workdir, *fmt, env=env)
            for line in (result.stdout + result.stderr).splitlines():
                assert not line.lstrip().startswith("::") or re.match(r"::(error|warning) file=data/", line), line
                assert "\x1b" not in line and "\x07" not in line, line


def test_out_inside_or_around_the_data_folder_is_refused(workdir):
    for out in ("data", "data/site", str(workdir), "."):
        result = run_portal("build", "--out", out, cwd=workdir)
        assert result.returncode == 1, (out, result.stderr)
        assert "the data folder" in result.stderr and "choose another --out folder" in result.stderr
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (workdir / "data").iterdir()) == sorted(p.name for p in (CORPUS.parent.parent / "data").iterdir())


def test_a_read_only_output_folder_is_a_clear_error(workdir, monkeypatch, capsys):
    import tempfile

    from generator import cli

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.chdir(workdir)
    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    assert cli.main(["build", "--out", "site"]) == 1
    err = capsys.readouterr().err
    assert "Read-only file system" in err and "Traceback" not in err


def test_a_stopped_build_leaves_no_temporary_folder_and_clears_those_left_before(workdir):
    stale = workdir / "site.build-999999999-abcdefgh"  # a build killed with SIGKILL: no process has this id
    (stale / "docs").mkdir(parents=True)
    (workdir / "site.old-x1y2z3w4").mkdir()  # named as before builds put their process id in
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    build = subprocess.Popen([sys.executable, "-m", "generator", "build", "--out", "site"], cwd=workdir, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(workdir.glob(f"site.build-{build.pid}-*")) and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.02)
    assert not stale.exists() and not (workdir / "site.old-x1y2z3w4").exists()  # cleared before this build made its own
    build.send_signal(signal.SIGTERM)
    _, err = build.communicate(timeout=60)
    assert build.returncode == 128 + signal.SIGTERM and "Traceback" not in err, err
    assert [p.name for p in workdir.iterdir() if p.name.startswith("site")] == []


def test_the_last_resort_names_the_file_and_shows_no_traceback(workdir, monkeypatch, capsys):
    from generator import cli, loader

    def broken(entity, doc, path, tables):
        raise RecursionError("a fault nobody foresaw")

    monkeypatch.chdir(workdir)
    monkeypatch.setattr(loader, "_records", broken)
    monkeypatch.setattr(loader, "PARALLEL_FROM", 10**9)
    assert cli.main(["validate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: unexpected RecursionError while reading data/") and "Traceback" not in err


def test_new_protected_person_never_writes_the_name(workdir):
    result = run_portal("new", "person", "--name", "Hemlig Hemligsson", "--title", "handläggare", "--body",
                        "malmo-stadskontoret", "--protected", cwd=workdir)
    assert result.returncode == 0, result.stderr
    people = (workdir / "data/people.yaml").read_text(encoding="utf-8")
    assert "Hemlig" not in people and "hemlig" not in people
    assert "- id: handlaggare\n" in people and "  protected: true\n" in people
    refused = run_portal("new", "person", "--name", "Hemlig Hemligsson", "--protected", cwd=workdir)
    assert refused.returncode == 1 and "--title" in refused.stderr
    assert "hemlig" not in (workdir / "data/people.yaml").read_text(encoding="utf-8").lower()


def test_new_refuses_invisible_characters_before_writing_anything(workdir):
    before = sorted(p.relative_to(workdir) for p in (workdir / "data").rglob("*"))
    result = run_portal("new", "trip", "--title", "Resa\x1b[2J\u202e", "--start", "2026-03-02", "--destination", "Bryssel, BE",
                        cwd=workdir)
    assert result.returncode == 1 and "U+001B" in result.stderr and "\x1b" not in result.stderr
    assert sorted(p.relative_to(workdir) for p in (workdir / "data").rglob("*")) == before


def test_settings_that_are_not_limits_are_refused_and_limits_apply(workdir):
    _overlay(workdir, "settings-raise-limit")
    assert "trip-too-long" not in run_portal("validate", "--format", "json", "--today", TODAY, cwd=workdir).stdout
    package = workdir / "data/datapackage.yaml"
    package.write_text(package.read_text(encoding="utf-8").replace("max_trip_days: 400", "max_trip_days: 30"), encoding="utf-8")
    codes = [p["code"] for p in json.loads(run_portal("validate", "--format", "json", "--today", TODAY, cwd=workdir).stdout)["problems"]]
    assert "trip-too-long" in codes


def test_a_build_stopped_while_the_old_site_is_deleted_leaves_a_folder_the_next_build_clears(tmp_path, monkeypatch):
    """The old site is renamed to `<out>.old-<pid>-*` before it is deleted, whatever folder the new one was made in."""
    from generator import outfolder

    out, new = tmp_path / "site", tmp_path / "site.build-1-x" / "source-sv" / "site"
    (out / "resor").mkdir(parents=True)
    new.mkdir(parents=True)
    (new / "index.html").write_text("ny", encoding="utf-8")

    def stopped(path, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(outfolder.shutil, "rmtree", stopped)
    with pytest.raises(KeyboardInterrupt):
        outfolder.swap(new, out)
    monkeypatch.undo()
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "site.build-1-x")
    assert left[0] == "site" and (out / "index.html").read_text(encoding="utf-8") == "ny"
    assert len(left) == 2 and left[1].startswith(f"site.old-{os.getpid()}-")
    monkeypatch.setattr(outfolder, "_alive", lambda pid: False)  # as after the stopped process is gone
    outfolder.clear_leftovers(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


FAKE_PAGEFIND = {  # what a broken Pagefind does, and what the build must say
    "exits with an error": ("import sys\nprint('the index could not be written: disk full', file=sys.stderr)\n"
                            "sys.exit(3)\n", "disk full"),
    "writes an entry that cannot be read": ("import sys, pathlib\nout = pathlib.Path(sys.argv[sys.argv.index("
                                            "'--output-path') + 1])\nout.mkdir(parents=True, exist_ok=True)\n"
                                            "(out / 'pagefind-entry.json').write_text('{not json')\n", "no index of the sv pages that can be read"),
}


@pytest.mark.parametrize("broken", FAKE_PAGEFIND)
def test_a_search_index_that_fails_fails_the_build_and_leaves_the_site(workdir, broken):
    """Pagefind runs beside the stamping, one language after the other: its failure is the build's."""
    assert run_portal("build", "--out", "site", "--no-cache", cwd=workdir).returncode == 0
    before = {p.relative_to(workdir).as_posix(): p.stat().st_mtime_ns for p in (workdir / "site").rglob("*")}
    fake = workdir / "fake" / "pagefind"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("", encoding="utf-8")
    program, said = FAKE_PAGEFIND[broken]
    (fake / "__main__.py").write_text(program, encoding="utf-8")
    done = run_portal("build", "--out", "site", "--no-cache", cwd=workdir, env={"PYTHONPATH": str(fake.parent)})
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "Pagefind" in done.stderr and said in done.stderr and "was not changed" in done.stderr, done.stderr
    assert {p.relative_to(workdir).as_posix(): p.stat().st_mtime_ns for p in (workdir / "site").rglob("*")} == before
    assert sorted(p.name for p in workdir.iterdir()) == ["data", "fake", "site"]


NO_THREAD = """
import json, os, sys, threading
from pathlib import Path
from generator import search
from generator.background import Job

root = Path(sys.argv[1])
threads = threading.active_count()
indexing = search.Indexing([root / "sv", root / "en"], root / "site")
try:
    said = {"threads": threading.active_count() - threads}
    with Job(os.getpid) as job:
        said["forked"] = job.result() != os.getpid()
finally:
    indexing.finish()
print(json.dumps(said))
"""


def test_the_search_index_is_made_without_a_thread_so_the_build_can_still_fork(tmp_path):
    """A process with threads runs its jobs in itself (`background.Job`): stamping 10,000 pages on one core.

    Run in a process of its own: this one may hold the threads of a browser another test started."""
    for lang, prefix in (("sv", ""), ("en", "en/")):
        page = tmp_path / lang / prefix / "resor" / "x" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<!doctype html><html lang="{lang}"><head><title>x</title></head><body>'
                        '<div data-pagefind-body><h1>Resa</h1><p>803-1303/2016</p></div></body></html>',
                        encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", NO_THREAD, str(tmp_path)], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"threads": 0, "forked": True}
    entry = json.loads((tmp_path / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "sv"]
    assert not (tmp_path / "sv").exists() and not (tmp_path / "en").exists()  # read, then deleted
