"""The test helpers in tests/support work: on a tiny site written here, axe finds
what it should and nothing more, outside requests are recorded, screenshots have
the asked size, and vnu reports invalid HTML (in one run over a folder) and passes
valid HTML5."""

from __future__ import annotations

import struct
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from support.browser import (VIEWPORTS, BrowserUnavailable, chromium_path, format_violations,
                             is_outside, origin)
from support.fixtures import browser  # noqa: F401 - the session's Chromium
from support.htmlcheck import VnuFailed, check_html, format_errors
from support.siteserver import SiteServer, serve_directory

VALID = """<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Resor och kostnader</title></head>
<body>
<header><p><a href="#innehall">Till innehållet</a></p></header>
<main id="innehall">
<h1>Resor och kostnader</h1>
<p>Öppna uppgifter om kommunens internationella resor.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
     alt="Diagram över kostnader" width="1" height="1">
<table><caption>Kostnader per år</caption>
<tr><th scope="col">År</th><th scope="col">Kronor</th></tr>
<tr><td>2024</td><td>12 000</td></tr></table>
</main>
</body>
</html>
"""

NO_ALT = VALID.replace(' alt="Diagram över kostnader"', "").replace(
    "Resor och kostnader</title>", "Bild utan alt</title>")

OUTSIDE = VALID.replace("</body>", '<script src="https://example.org/x.js"></script>\n'
                                   '<script src="/local.js"></script>\n</body>')

# Missing <title>, misnested <b>/<p> and an unclosed <div>.
INVALID = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"></head>
<body><p><b>fel</p></b><div></body></html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "index.html").write_text(VALID, encoding="utf-8")
    (root / "no-alt.html").write_text(NO_ALT, encoding="utf-8")
    (root / "outside.html").write_text(OUTSIDE, encoding="utf-8")
    (root / "local.js").write_text("document.documentElement.dataset.js = 'ok';\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def base_url(site):
    with serve_directory(site) as url:
        yield url


# --- siteserver ------------------------------------------------------------------

def test_siteserver_serves_the_folder_and_logs_requests(site):
    with SiteServer(site) as server:
        assert server.url.startswith("http://127.0.0.1:") and not server.url.endswith("/")
        with urllib.request.urlopen(f"{server.url}/index.html", timeout=10) as resp:
            assert resp.status == 200
            assert "Resor och kostnader" in resp.read().decode("utf-8")
        with urllib.request.urlopen(f"{server.url}/", timeout=10) as resp:  # directory index
            assert "<h1>Resor och kostnader</h1>" in resp.read().decode("utf-8")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"{server.url}/saknas.html", timeout=10)
        assert err.value.code == 404
        assert ("GET", "/saknas.html", 404) in server.log
        assert ("GET", "/index.html", 200) in server.log


# --- browser: axe ------------------------------------------------------------------

def test_accessible_page_has_no_axe_violations(browser, base_url):
    with browser.open(f"{base_url}/index.html") as visit:
        assert visit.status == 200
        violations = visit.axe()
        assert violations == [], format_violations(violations)
        assert visit.page_errors == [] and visit.console_errors == []


def test_image_without_alt_is_an_axe_violation(browser, base_url):
    with browser.open(f"{base_url}/no-alt.html") as visit:
        violations = visit.axe()
    assert [v["id"] for v in violations] == ["image-alt"], format_violations(violations)
    assert violations[0]["nodes"][0]["target"] == ["img"]


# --- browser: requests ---------------------------------------------------------------

def test_outside_request_is_recorded(browser, base_url):
    with browser.open(f"{base_url}/outside.html") as visit:
        assert visit.page.evaluate("document.documentElement.dataset.js") == "ok"  # local JS ran
        requests, outside, failed = list(visit.requests), visit.outside_requests(), list(visit.failed)
    assert "https://example.org/x.js" in requests
    assert f"{base_url}/local.js" in requests and f"{base_url}/outside.html" in requests
    assert outside == ["https://example.org/x.js"]
    assert [u for u, _why in failed] == ["https://example.org/x.js"]  # blocked, still recorded


def test_local_page_makes_no_outside_request(browser, base_url):
    with browser.open(f"{base_url}/index.html") as visit:
        assert visit.requests == [f"{base_url}/index.html"]  # data: URLs are not requests
        assert visit.outside_requests() == []


def test_origin_helpers():
    assert origin("http://127.0.0.1:8000/a/b?c") == "http://127.0.0.1:8000"
    assert origin("https://example.org/x.js") == "https://example.org:443"
    assert is_outside("https://example.org/x.js", "http://127.0.0.1:8000")
    assert not is_outside("http://127.0.0.1:8000/x.js", "http://127.0.0.1:8000")
    assert not is_outside("data:image/png;base64,AAAA", "http://127.0.0.1:8000")
    assert is_outside("http://localhost:8000/x.js", "http://127.0.0.1:8000")


# --- browser: screenshots ------------------------------------------------------------

def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_screenshot_at_viewport(browser, base_url, tmp_path, viewport):
    with browser.open(f"{base_url}/index.html") as visit:
        data = visit.screenshot(tmp_path / f"{viewport}.png", viewport=viewport, full_page=False)
        full = visit.screenshot(viewport=viewport)  # full page, same width
    size = VIEWPORTS[viewport]
    assert _png_size(data) == (size["width"], size["height"])
    assert (tmp_path / f"{viewport}.png").read_bytes() == data
    assert _png_size(full)[0] == size["width"]


def test_missing_chromium_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(BrowserUnavailable, match="CHROMIUM environment variable.*make test-deps"):
        chromium_path()


# --- vnu ---------------------------------------------------------------------------

def test_vnu_reports_invalid_html_and_passes_valid_html(tmp_path):
    # One vnu run over a folder of valid and invalid pages, as the site tests do.
    (tmp_path / "index.html").write_text(VALID, encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text(VALID.replace('lang="sv"', 'lang="en"'), encoding="utf-8")
    (tmp_path / "style.css").write_text("this is { not css", encoding="utf-8")  # skipped: not HTML
    # A non-ASCII name with a space: vnu skips such files silently under a C locale.
    bad = tmp_path / "sub dir" / "fel å.html"
    bad.parent.mkdir()
    bad.write_text(INVALID, encoding="utf-8")

    errors = check_html(tmp_path)

    # valid HTML5: no errors
    assert [e for e in errors if e.path != bad] == [], format_errors(errors, tmp_path)
    # invalid HTML: the missing title, the misnesting and the unclosed element
    messages = " | ".join(e.message for e in errors if e.path == bad)
    assert "missing a required instance of child element “title”" in messages
    assert "Unclosed element “div”" in messages
    assert "End tag “p” seen, but there were open elements" in messages
    assert all(e.line == 3 for e in errors if "title" not in e.message)
    assert format_errors(errors, tmp_path).startswith("sub dir/fel å.html:")


def test_vnu_refuses_to_pass_what_it_did_not_check(tmp_path):
    with pytest.raises(VnuFailed, match="not a directory"):
        check_html(tmp_path / "missing")
    with pytest.raises(VnuFailed, match="no HTML files"):
        check_html(tmp_path)
    (tmp_path / "index.html").write_text(VALID, encoding="utf-8")
    (tmp_path / "SHOUT.HTML").write_text(INVALID, encoding="utf-8")  # vnu skips it
    with pytest.raises(VnuFailed, match="(?s)did not check 1 of 2 HTML files.*SHOUT.HTML"):
        check_html(tmp_path)
