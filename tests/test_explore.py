"""Datasette ready: the metadata beside the database, and `portal explore` serving both on 127.0.0.1.

Datasette is started for real (it is in the test extra) and read through its JSON API.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

import pytest

from conftest import REPO
from test_downloads_formats import downloads  # noqa: F401


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_metadata_beside_every_database_titles_units_and_labels(downloads):  # noqa: F811
    meta = json.loads((downloads / "data" / "latest" / "portal.metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC0-1.0" and meta["source"] and meta["license_url"].startswith("https://")
    tables = meta["databases"]["portal"]["tables"]
    assert tables["trips"]["title"] == "Resor / Trips" and tables["trips"]["label_column"] == "title"
    assert tables["organisations"]["label_column"] == "name"
    assert tables["costs"]["units"]["amount_sek"] == "SEK" and "SEK = [currency]" in meta["custom_units"]
    assert 'lang="en"' in tables["costs"]["description_html"]
    assert "Amount (SEK)" in tables["costs"]["columns"]["amount_sek"]
    for folder in (downloads / "data").glob("v*"):
        assert (folder / "portal.metadata.json").is_file() and "portal.metadata.json" in (folder / "SHA256SUMS").read_text()


@pytest.fixture
def explore(downloads):  # noqa: F811
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "generator", "explore",
                                str(downloads / "data" / "latest" / "portal.sqlite"), "--port", str(port)],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):  # Datasette starts in a second or two; give a loaded machine 30 s
            if process.poll() is not None:
                pytest.fail(f"portal explore ended: {process.stdout.read()}")
            try:
                _get(base + "/-/versions.json")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("Datasette did not answer within 30 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
    with pytest.raises(OSError):  # `portal explore` became Datasette: stopping it left no server behind
        _get(base + "/-/versions.json")


def test_explore_serves_the_database_with_its_metadata(explore, downloads):  # noqa: F811
    trips = json.loads(_get(explore + "/portal/trips.json?_shape=objects&_labels=on"))
    paris = next(r for r in trips["rows"] if r["id"] == "2016-11-paris-oecd-inclusive-growth")
    assert paris["organiser_id"] == {"value": "oecd",  # the label column of organisations: the organiser's name
                                     "label": "Organisation for Economic Co-operation and Development (OECD)"}
    meta = json.loads(_get(explore + "/-/metadata.json"))
    assert meta["databases"]["portal"]["tables"]["trips"]["title"] == "Resor / Trips"
    page = _get(explore + "/portal/trips")
    assert "Resor / Trips" in page and "CC0-1.0" in page
    costs = _get(explore + "/portal/costs")
    assert re.search(r'col-amount_sek type-Quantity">[0-9.]+&nbsp;k?SEK<', costs)  # amounts with their unit (Pint: 9.8 kSEK)
    plain = json.loads(_get(explore + "/portal/costs.json?_shape=array&amount_sek__gt=9000"))
    with_unit = json.loads(_get(explore + "/portal/costs.json?_shape=array&amount_sek__gt=" + quote("9 kSEK")))
    assert plain == with_unit and plain and all(row["amount_sek"] > 9000 for row in plain)  # the API keeps plain numbers


def test_explore_without_datasette_says_how_to_install_it(downloads):  # noqa: F811
    code = ("import sys; sys.modules['datasette'] = None; from generator.cli import main; "
            f"sys.exit(main(['explore', {str(downloads / 'data/latest/portal.sqlite')!r}]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60,
                          env={**os.environ})
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: Datasette is not installed; install it with: pip install -e '.[explore]'  (or: pip install datasette==0.65.5)"]
