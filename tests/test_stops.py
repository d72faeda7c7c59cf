"""Ctrl+C or SIGTERM at any moment of a build: no traceback, exit 130 or 143, nothing left behind.

Ctrl+C in a terminal reaches the whole process group (the build, its jobs, the engine);
SIGTERM is sent to the build alone, as `kill` does. Stops are sent at several moments of
a real build of the sample, and, for the moments too short to hit by timing, from inside
the imports of the command's own modules.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import REPO

MOMENTS = (0.2, 0.5, 1.0, 2.0, 3.5)  # seconds after the start: imports, loading, checking, rendering, the engine


def _left_behind(pgid: int) -> bool:
    """Whether a process of the stopped command's group still runs 5 s on (a fork server ends once it sees its
    parent gone)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.parametrize("delay", MOMENTS)
def test_a_stop_at_any_moment_of_a_build_ends_it_quietly(tmp_path, delay):
    for signum, to_group in ((signal.SIGINT, True), (signal.SIGTERM, False)):
        base = tmp_path / signum.name
        (base / "tmp").mkdir(parents=True)
        build = subprocess.Popen([sys.executable, "-m", "generator", "build", "--out", str(base / "site"), "--no-cache"],
                                 cwd=REPO, env={**os.environ, "TMPDIR": str(base / "tmp")}, start_new_session=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        (os.killpg if to_group else os.kill)(build.pid, signum)
        out, err = build.communicate(timeout=60)
        assert build.returncode == 128 + signum, (signum.name, delay, build.returncode, out, err)
        assert "Traceback" not in err and "Exception ignored" not in err, (signum.name, delay, err)
        assert sorted(p.name for p in base.iterdir()) == ["tmp"], (signum.name, delay)  # nothing beside --out
        assert list((base / "tmp").iterdir()) == [], (signum.name, delay)  # nor among the temporary files
        assert not _left_behind(build.pid), (signum.name, delay)  # nor a job or the engine still running


STOP_WHILE_IMPORTING = """
import os, runpy, signal, sys

class Stop:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.{signal})
        return None

sys.meta_path.insert(0, Stop())
sys.argv = ["portal", "build", "--out", {out!r}, "--no-cache"]
{start}
"""
STARTS = {"python -m generator": 'runpy.run_module("generator", run_name="__main__", alter_sys=True)',
          "the portal script": 'from importlib.metadata import entry_points\n'
                               'sys.exit(entry_points(group="console_scripts")["portal"].load()())'}


@pytest.mark.parametrize("start", STARTS)
@pytest.mark.parametrize("module", ["generator.cli", "generator.scaffold"])  # before `cli.run`, and in its parser
def test_a_stop_while_the_command_imports_its_modules_ends_it_quietly(tmp_path, module, start):
    for signum in (signal.SIGINT, signal.SIGTERM):
        script = tmp_path / "script.py"
        script.write_text(STOP_WHILE_IMPORTING.format(module=module, signal=signum.name, out=str(tmp_path / "site"),
                                                      start=STARTS[start]), encoding="utf-8")
        done = subprocess.run([sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=60)
        assert done.returncode == 128 + signum, (module, signum.name, done.returncode, done.stderr)
        assert "Traceback" not in done.stderr, done.stderr
        assert not (tmp_path / "site").exists()


def test_a_stop_while_serve_builds_or_serves_ends_it_quietly_and_removes_its_folder(tmp_path):
    """`portal serve` builds into a temporary folder, then serves it: stopped in either, the folder goes too."""
    import socket
    import urllib.request

    for signum, to_group, when in ((signal.SIGINT, True, "building"), (signal.SIGTERM, False, "serving")):
        temporary = tmp_path / signum.name
        temporary.mkdir()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        serve = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port), "--no-cache"],
                                 cwd=REPO, env={**os.environ, "TMPDIR": str(temporary)}, start_new_session=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if when == "building":
            time.sleep(1.0)
        else:
            deadline = time.monotonic() + 120
            while True:
                assert serve.poll() is None and time.monotonic() < deadline, "serve did not start"
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.2)
        (os.killpg if to_group else os.kill)(serve.pid, signum)
        out, err = serve.communicate(timeout=60)
        assert serve.returncode == 128 + signum, (when, serve.returncode, out, err)
        assert "Traceback" not in err and "Exception ignored" not in err, (when, err)
        assert list(temporary.iterdir()) == [], when
        assert not _left_behind(serve.pid), when


STOP_IN_A_FINALISER = """
import os, runpy, signal, sys, tempfile

made = tempfile.mkdtemp

class Dying:
    def __del__(self):
        os.kill(os.getpid(), signal.{signal})
        sum(range(10))  # the stop lands here, where Python can only print it as ignored

def mkdtemp(*args, **kwargs):
    folder = made(*args, **kwargs)
    if ".build-" in folder:
        Dying()
    return folder

tempfile.mkdtemp = mkdtemp
sys.argv = ["portal", "build", "--out", {out!r}, "--no-cache"]
runpy.run_module("generator", run_name="__main__", alter_sys=True)
"""


def test_a_stop_that_lands_in_a_finaliser_is_delivered_again_and_ends_the_build_quietly(tmp_path):
    """Python cannot let an exception leave a finaliser (nor a comparison a compiled library calls): a stop landing
    there is kept and raised again in the build's own code, so the build still stops and cleans up."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        base = tmp_path / signum.name
        (base / "tmp").mkdir(parents=True)
        script = base / "script.py"
        script.write_text(STOP_IN_A_FINALISER.format(signal=signum.name, out=str(base / "site")), encoding="utf-8")
        done = subprocess.run([sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=60,
                              env={**os.environ, "TMPDIR": str(base / "tmp")})
        assert done.returncode == 128 + signum, (signum.name, done.returncode, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
        assert sorted(p.name for p in base.iterdir()) == ["script.py", "tmp"], signum.name
        assert list((base / "tmp").iterdir()) == [], signum.name
