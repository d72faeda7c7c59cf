"""pytest fixtures for the site tests. Import them in a conftest (or a test module):

    from support.fixtures import browser  # noqa: F401

`browser` is session-scoped and shared: however many modules import it, one
Chromium is launched (on first use) and closed at the end of the session. If
Chromium or axe-core is missing the test fails (never skips) with a message
saying how to install it.
"""

from __future__ import annotations

import threading

import pytest

from .browser import Browser, BrowserUnavailable

_lock = threading.Lock()
_shared: Browser | None = None
_users = 0


def _acquire() -> Browser:
    global _shared, _users
    with _lock:
        if _shared is None:
            _shared = Browser().start()
        _users += 1
        return _shared


def _release() -> None:
    global _shared, _users
    with _lock:
        _users -= 1
        if _users == 0 and _shared is not None:
            _shared.close()
            _shared = None


@pytest.fixture(scope="session")
def browser() -> Browser:
    """The session's headless Chromium (see support.browser.Browser)."""
    try:
        shared = _acquire()
    except BrowserUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield shared
    finally:
        _release()
