"""`portal serve`: the built site on 127.0.0.1, rebuilt when a source changes, the page reloaded.

Nothing of an engine is used: a plain HTTP server over the output folder (each rebuild
swaps it whole, so a reader never sees half a site), watchdog for the sources, and a
few lines of script added to every HTML page served, which wait for the next build and
reload. Saves come in bursts (an editor writes, renames, touches): a rebuild starts
once the sources have been quiet for a moment.
"""

from __future__ import annotations

import http.server
import sys
import threading
import time
from functools import partial
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

QUIET = 0.1  # seconds without a change before a rebuild starts
WAIT = 25  # seconds a reload request is held open before it answers "no news"
RELOAD_PATH = "/.portal-reload"
RELOAD_SCRIPT = (f"<script>(function w(v){{fetch('{RELOAD_PATH}?after='+v).then(r=>r.text()).then(n=>"
                 "{if(v!==null&&n!==v){location.reload()}else{w(n)}}).catch(()=>setTimeout(()=>w(v),1000))})(null)"
                 "</script>").encode("utf-8")


class Builds:
    """How many builds have finished; a reader can wait for the next one."""

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()

    def done(self) -> None:
        with self.changed:
            self.count += 1
            self.changed.notify_all()

    def after(self, seen: str | None) -> int:
        with self.changed:
            if seen == str(self.count):
                self.changed.wait(WAIT)
            return self.count


class Handler(http.server.SimpleHTTPRequestHandler):
    builds: Builds

    def log_message(self, format, *args):  # the terminal shows the builds, not every request
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == RELOAD_PATH:
            seen = parse_qs(url.query).get("after", [None])[0]
            self._send(str(self.builds.after(None if seen == "null" else seen)).encode(), "text/plain")
            return
        path = Path(self.translate_path(url.path))
        if path.is_dir() and url.path.endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            body = path.read_bytes()
            at = body.rfind(b"</body>")
            self._send(body[:at] + RELOAD_SCRIPT + body[at:] if at >= 0 else body, "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _watch(paths: list[Path], changed: threading.Event):
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    class OnChange(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.event_type not in ("opened", "closed_no_write"):
                changed.set()

    observer = Observer()
    for path in paths:
        observer.schedule(OnChange(), str(path), recursive=path.is_dir())
    observer.start()
    return observer


def _rebuild_on_change(rebuild: Callable[[], None], changed: threading.Event, builds: Builds) -> None:
    while True:
        changed.wait()
        while changed.is_set():  # until the sources are quiet
            changed.clear()
            time.sleep(QUIET)
        started = time.perf_counter()
        rebuild()
        builds.done()
        print(f"Rebuilt in {time.perf_counter() - started:.1f} s.", flush=True)


def serve(rebuild: Callable[[], None], site: Path, watched: list[Path], host: str, port: int) -> None:
    """Serve `site` on host:port until interrupted, calling `rebuild` when a file under `watched` changes.

    `rebuild` must not raise for bad data: it reports the problems and leaves the previous site in place.
    """
    builds, changed = Builds(), threading.Event()
    handler = type("SiteHandler", (Handler,), {"builds": builds})
    server = http.server.ThreadingHTTPServer((host, port), partial(handler, directory=str(site)))
    server.daemon_threads = True
    observer = _watch([p for p in watched if p.exists()], changed)
    threading.Thread(target=_rebuild_on_change, args=(rebuild, changed, builds), daemon=True).start()
    print(f"Serving on http://{host}:{port}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.server_close()
        sys.stdout.flush()
