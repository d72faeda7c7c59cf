"""`portal serve`: a local preview that shows a changed record within about two seconds, and says so on the open
page when a change breaks the build."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from conftest import SAMPLE_DATA, line_of
from support.browser import format_violations
from support.fixtures import browser  # noqa: F401


PARIS = "resor/2016-11-paris-oecd-inclusive-growth/"
PARIS_FILE = "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_serve_rebuilds_when_a_record_changes_and_the_open_page_reloads(workdir, browser):  # noqa: F811
    with _serving(workdir) as (base, _said):
        url, deadline = base + PARIS, time.monotonic() + 30
        while (html := _get(url)) is None:  # a busy machine may not answer within the first try's time
            assert time.monotonic() < deadline, "the trip's page was not served"
            time.sleep(0.2)
        assert "Nytt namn på resan" not in html
        visit = browser.open(url)
        visit.page.wait_for_timeout(300)  # the page is waiting for the next build
        trip = workdir / PARIS_FILE
        trip.write_text(trip.read_text(encoding="utf-8").replace(
            "title: OECD:s möte om inkluderande tillväxt i städer, Paris", "title: Nytt namn på resan"), encoding="utf-8")
        changed = time.monotonic()
        while "Nytt namn på resan" not in (_get(url) or ""):
            assert time.monotonic() - changed < 60, "the change did not show within 60 s"
            time.sleep(0.1)
        print(f"change visible after {time.monotonic() - changed:.1f} s")  # how fast: the benchmark measures it
        visit.page.wait_for_function("document.querySelector('h1')?.textContent === 'Nytt namn på resan'", timeout=30_000)
        assert visit.outside_requests() == []
        visit.close()


@contextmanager
def _serving(workdir: Path):
    """`portal serve` on `workdir`, started: (its address, the lines it has printed so far, read as they come)."""
    port, said = _free_port(), []
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=workdir, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    reader = threading.Thread(target=lambda: said.extend(proc.stdout), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 120
        while _get(f"http://127.0.0.1:{port}/") is None:
            assert proc.poll() is None, "".join(said)
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/", said
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        reader.join(timeout=30)  # its output read to the end: no thread left behind (a process with one cannot fork)


def _printed_since(said: list[str], start: int, wanted: str, within: float = 60) -> str:
    """What serve printed from line `start` on, once it holds `wanted`."""
    deadline = time.monotonic() + within
    while wanted not in (text := "".join(said[start:])):
        assert time.monotonic() < deadline, f"serve did not print {wanted!r}:\n{text}"
        time.sleep(0.1)
    return text


def test_a_failed_rebuild_is_said_on_the_open_page_until_a_good_one(tmp_path, browser):  # noqa: F811
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    trip = tmp_path / PARIS_FILE
    good = trip.read_text(encoding="utf-8")
    line = line_of(good, "start_date: 2016-11-21")
    with _serving(tmp_path) as (root, said):
        visits = {lang: browser.open(root + prefix + PARIS) for lang, prefix in (("sv", ""), ("en", "en/"))}
        for visit in visits.values():  # the page has heard the status of the build it shows: no banner
            visit.page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.includes('status'))")
            assert visit.page.locator("[role=alert]").count() == 0
        start = len(said)
        trip.write_text(good.replace("start_date: 2016-11-21", "start_date: 2016-11-31<b>x</b>"), encoding="utf-8")
        where = f"{PARIS_FILE}:{line}:"
        for lang, visit in visits.items():
            banner = visit.page.locator("#portal-build-failed")
            banner.wait_for(timeout=60_000)
            text = banner.inner_text()
            assert banner.get_attribute("role") == "alert" and banner.get_attribute("lang") == lang
            assert where in text and "2016-11-31<b>x</b>" in text, text  # the data's text shown as text
            assert banner.locator("b").count() == 0
            assert ("sidan visar det senaste lyckade bygget" if lang == "sv" else
                    "this page shows the last good build") in text, text
            assert visit.page.locator("h1").inner_text() == "OECD:s möte om inkluderande tillväxt i städer, Paris"
            violations = visit.axe(context="#portal-build-failed")
            assert violations == [], format_violations(violations)
        printed = _printed_since(said, start, "Rebuild failed")
        assert where in printed and "the site shown is the last good build" in printed and "Rebuilt" not in printed

        start = len(said)
        trip.write_text(good.replace("title: OECD:s möte", "title: Rättat möte"), encoding="utf-8")
        for visit in visits.values():  # the page reloads with the good build, without the banner
            visit.page.locator("h1", has_text="Rättat möte").wait_for(timeout=60_000)
            assert visit.page.locator("#portal-build-failed").count() == 0
            assert visit.outside_requests() == []
            visit.close()
        assert "Rebuilt in" in _printed_since(said, start, "Rebuilt in")


def test_a_reader_who_leaves_before_the_page_is_sent_is_not_a_fault(tmp_path, capsys):
    """A closed tab or a request that timed out mid-page breaks the pipe; the terminal shows no traceback."""
    import struct
    from functools import partial

    from generator import preview

    (tmp_path / "big.html").write_bytes(b"<html><body>" + b"x" * 5_000_000 + b"</body></html>")
    handler = type("H", (preview.Handler,), {"builds": preview.Builds()})
    server = preview.Server(("127.0.0.1", 0), partial(handler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for _ in range(3):
            client = socket.create_connection(server.server_address)
            client.sendall(b"GET /big.html HTTP/1.1\r\nHost: x\r\n\r\n")
            client.recv(100)  # the answer has begun
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # leave with a reset
            client.close()
        time.sleep(1.0)
        urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/big.html", timeout=10).close()
    finally:
        server.shutdown()
        server.server_close()
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err
