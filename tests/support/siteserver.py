"""Serve a folder over HTTP on 127.0.0.1, on a free port, in a background thread.

    with serve_directory(site_dir) as base_url:   # "http://127.0.0.1:PORT" (no trailing /)
        page = f"{base_url}/index.html"

`SiteServer` does the same and also keeps a log of the requests it answered
(method, path, status), e.g. to assert that nothing got a 404.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    # Types that Python's mimetypes table may not know on every machine.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        ".csv": "text/csv",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }

    def log_request(self, code="-", size="-"):  # noqa: D102 - keep a log instead of printing
        try:
            status = int(code)  # HTTPStatus or int
        except (TypeError, ValueError):
            status = code
        with self.server.log_lock:
            self.server.log.append((self.command, self.path, status))

    def log_message(self, format, *args):  # noqa: A002 - silence stderr noise in test output
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class SiteServer:
    """A static HTTP server for `directory`; use as a context manager."""

    def __init__(self, directory: str | os.PathLike[str], host: str = "127.0.0.1"):
        self.directory = Path(directory).resolve()
        if not self.directory.is_dir():
            raise FileNotFoundError(f"cannot serve {self.directory}: not a directory")
        self.host = host
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. http://127.0.0.1:43125."""
        if self._server is None:
            raise RuntimeError("server not started")
        return f"http://{self.host}:{self._server.server_address[1]}"

    @property
    def log(self) -> list[tuple[str, str, int]]:
        """(method, path, status) of every request answered so far."""
        if self._server is None:
            return []
        with self._server.log_lock:
            return list(self._server.log)

    def start(self) -> "SiteServer":
        server = _Server((self.host, 0), partial(_Handler, directory=str(self.directory)))
        server.log = []
        server.log_lock = threading.Lock()
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"siteserver:{self.directory.name}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "SiteServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@contextlib.contextmanager
def serve_directory(directory: str | os.PathLike[str]) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (free port); yield the base URL, no trailing slash."""
    with SiteServer(directory) as server:
        yield server.url
