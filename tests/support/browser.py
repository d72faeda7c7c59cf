"""Headless Chromium for the site tests, through Playwright's sync API.

Playwright drives the Debian `chromium` package (`/usr/bin/chromium`, or the
binary named by the `CHROMIUM` environment variable); it never downloads a browser.

    with Browser() as browser:                     # or the `browser` fixture
        with browser.open(f"{base_url}/") as visit:
            assert visit.outside_requests() == []  # nothing fetched from other hosts
            assert visit.axe() == [], format_violations(visit.axe())
            visit.screenshot(tmp_path / "home-phone.png", viewport="phone")

Each `open` gets a fresh browser context (no shared cookies or cache). Every
request the page makes is recorded (`visit.requests`); requests to any origin other
than the opened page's are recorded and then aborted (`block_outside=True`), so a
test never depends on the network and a leak shows up as a recorded URL.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from . import TOOLS

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # we run as root in CI; Chromium refuses the sandbox there
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 900},
}
# Schemes that never reach the network, so are not "outside" requests.
LOCAL_SCHEMES = ("data", "blob", "about")
NAVIGATION_TIMEOUT_MS = 30_000


class BrowserUnavailable(RuntimeError):
    """Chromium, Playwright or axe-core is missing; the message says how to get it."""


def chromium_path() -> str:
    """The Chromium binary to launch: $CHROMIUM, else /usr/bin/chromium."""
    wanted = os.environ.get("CHROMIUM") or DEFAULT_CHROMIUM
    found = wanted if os.sep in wanted else shutil.which(wanted)
    if not found or not os.path.isfile(found) or not os.access(found, os.X_OK):
        source = "the CHROMIUM environment variable" if os.environ.get("CHROMIUM") else "the default"
        raise BrowserUnavailable(
            f"Chromium not found: {wanted!r} (from {source}) is not an executable file. "
            "Install the Debian package with `make test-deps` (runs `apt-get install chromium` "
            "as root), or set CHROMIUM=/path/to/chromium (or chrome).")
    return found


def _axe_source() -> str:
    if not AXE_JS.is_file():
        raise BrowserUnavailable(f"axe-core not found at {AXE_JS}; run `make test-deps` "
                                 "(it runs `npm ci` in tools/).")
    return AXE_JS.read_text(encoding="utf-8")


def _viewport(viewport: str | dict | tuple[int, int]) -> dict:
    if isinstance(viewport, str):
        try:
            return dict(VIEWPORTS[viewport])
        except KeyError:
            raise ValueError(f"unknown viewport {viewport!r}; use one of {sorted(VIEWPORTS)} "
                             "or (width, height)") from None
    if isinstance(viewport, dict):
        return {"width": int(viewport["width"]), "height": int(viewport["height"])}
    width, height = viewport
    return {"width": int(width), "height": int(height)}


def origin(url: str) -> str:
    """scheme://host:port of a URL (port made explicit)."""
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443, "ws": 80, "wss": 443}.get(parts.scheme, "")
    return f"{parts.scheme}://{parts.hostname}:{port}"


def is_outside(url: str, allowed_origin: str) -> bool:
    """True if `url` goes to the network somewhere else than `allowed_origin`."""
    scheme = urlsplit(url).scheme
    if scheme in LOCAL_SCHEMES:
        return False
    return origin(url) != allowed_origin


def run_axe(page, tags: Iterable[str] = WCAG_TAGS, *, context: str | dict = "document",
            full: bool = False):
    """Run axe-core in `page` (any Playwright Page); return the violations list.

    `context`: "document" (default), a CSS selector, or an axe {include, exclude} object.

    Only rules tagged `tags` run (WCAG 2.0/2.1 A and AA by default). axe is evaluated
    through the DevTools protocol, so a page's Content-Security-Policy cannot block it.
    `full=True` returns axe's whole result (violations, incomplete, passes, ...).
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source() + "\n;void 0")
    options = {"runOnly": {"type": "tag", "values": list(tags)}}
    if not full:
        options["resultTypes"] = ["violations"]
    result = page.evaluate(
        "([ctx, opts]) => window.axe.run(ctx === 'document' ? document : ctx, opts)",
        [context, options])
    return result if full else result["violations"]


def format_violations(violations: list[dict]) -> str:
    """Readable summary of axe violations, for assertion messages."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v.get('impact')}): {v.get('help')} - {v.get('helpUrl')}")
        for node in v.get("nodes", [])[:10]:
            lines.append(f"    {node.get('target')}: {node.get('html', '')[:200]}")
        if len(v.get("nodes", [])) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more")
    return "\n".join(lines) or "no violations"


def screenshot(page, path: str | os.PathLike[str] | None = None, viewport="desktop", *,
               full_page: bool = True) -> bytes:
    """Resize `page` to `viewport` ("phone", "desktop" or (w, h)) and take a PNG screenshot."""
    page.set_viewport_size(_viewport(viewport))
    page.evaluate("() => document.fonts.ready.then(() => true)")
    kwargs = {"full_page": full_page, "animations": "disabled", "type": "png"}
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        kwargs["path"] = str(path)
    return page.screenshot(**kwargs)


@dataclass
class PageVisit:
    """One page opened in its own browser context, with what it requested."""

    url: str
    page: object
    context: object
    requests: list[str] = field(default_factory=list)      # every request URL, in order
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason/status)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)    # uncaught JS exceptions
    status: int | None = None                               # HTTP status of the main document

    @property
    def origin(self) -> str:
        return origin(self.url)

    def outside_requests(self, allowed: str | Iterable[str] | None = None) -> list[str]:
        """Recorded request URLs that went to another origin than the opened page's.

        `allowed`: origins (or URLs) also allowed; default is only the page's own.
        """
        if allowed is None:
            allowed_origins = {self.origin}
        else:
            allowed = [allowed] if isinstance(allowed, str) else list(allowed)
            allowed_origins = {self.origin, *(origin(a) for a in allowed)}
        return [u for u in self.requests
                if urlsplit(u).scheme not in LOCAL_SCHEMES and origin(u) not in allowed_origins]

    def goto(self, url: str):
        """Navigate this visit's page to another URL (requests keep being recorded)."""
        response = self.page.goto(url, wait_until="load")
        self.url = url
        self.status = response.status if response else None
        return response

    def axe(self, tags: Iterable[str] = WCAG_TAGS, **kwargs):
        return run_axe(self.page, tags, **kwargs)

    def screenshot(self, path=None, viewport="desktop", *, full_page: bool = True) -> bytes:
        return screenshot(self.page, path, viewport, full_page=full_page)

    def close(self) -> None:
        self.context.close()

    def __enter__(self) -> "PageVisit":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Browser:
    """One Chromium process (launch once per test session); `open` pages in it."""

    def __init__(self, executable: str | None = None, args: list[str] | None = None):
        self.executable = executable or chromium_path()
        self.args = list(CHROMIUM_ARGS if args is None else args)
        self._playwright = None
        self._browser = None

    def start(self) -> "Browser":
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise BrowserUnavailable("the Python package `playwright` is missing; run `make setup` "
                                     "(pip install -e '.[test]')") from exc
        _axe_source()  # fail early, with a clear message, if axe-core is not installed
        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=self.executable, headless=True, args=self.args)
        except Exception as exc:
            self._playwright.stop()
            self._playwright = None
            raise BrowserUnavailable(f"could not launch Chromium at {self.executable}: {exc}") from exc
        return self

    @property
    def version(self) -> str:
        return self._browser.version

    def open(self, url: str, viewport="desktop", *, block_outside: bool = True,
             wait_until: str = "load") -> PageVisit:
        """Open `url` in a fresh context; return a PageVisit (use it in a `with`).

        Requests to other origins than `url`'s are recorded, then aborted unless
        `block_outside=False`.
        """
        if self._browser is None:
            self.start()
        context = self._browser.new_context(viewport=_viewport(viewport), locale="sv-SE",
                                            timezone_id="Europe/Stockholm", service_workers="block")
        context.set_default_timeout(NAVIGATION_TIMEOUT_MS)
        page = context.new_page()
        visit = PageVisit(url=url, page=page, context=context)
        context.on("request", lambda request: visit.requests.append(request.url))
        context.on("requestfailed",
                   lambda request: visit.failed.append((request.url, request.failure or "failed")))
        context.on("response", lambda response: response.status >= 400 and visit.failed.append(
            (response.url, f"HTTP {response.status}")))
        page.on("websocket", lambda ws: visit.requests.append(ws.url))
        page.on("console", lambda msg: msg.type == "error" and visit.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: visit.page_errors.append(str(exc)))
        if block_outside:
            # A regex is matched in the Playwright driver: same-origin requests are not
            # intercepted at all, the rest are recorded (above) and aborted.
            own = re.escape(urlsplit(url).scheme + "://" + urlsplit(url).netloc) + r"(?:[/?#]|$)"
            context.route(re.compile(rf"^(?!{own})(?!(?:{'|'.join(LOCAL_SCHEMES)}):)"),
                          lambda route: route.abort("blockedbyclient"))
        try:
            response = page.goto(url, wait_until=wait_until)
        except Exception:
            context.close()
            raise
        visit.status = response.status if response else None
        return visit

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def __enter__(self) -> "Browser":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()
