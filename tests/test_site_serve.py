"""`portal serve`: a local preview that shows a changed record within about two seconds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from support.fixtures import browser  # noqa: F401


PARIS = "resor/2016-11-paris-oecd-inclusive-growth/"


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
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=workdir, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}/{PARIS}"
    try:
        deadline = time.monotonic() + 120
        while (html := _get(url)) is None:
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        assert "Nytt namn på resan" not in html
        visit = browser.open(url)
        visit.page.wait_for_timeout(300)  # the page is waiting for the next build
        trip = workdir / "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
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
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
