"""`portal serve`: the built site on 127.0.0.1, rebuilt when a source changes, the page reloaded.

Nothing of an engine is used: a plain HTTP server over the output folder (each rebuild
swaps it whole, so a reader never sees half a site), watchdog for the sources, and a
few lines of script added to every HTML page served, which wait for the next build and
reload. Saves come in bursts (an editor writes, renames, touches): a rebuild starts
once the sources have been quiet for a moment.

A failed rebuild leaves the last good site in place, and says so: the script hears of
it from the same status (only this server answers it, nothing of it is in the site)
and shows the problems over the page, in the page's language, until a build succeeds.
"""

from __future__ import annotations

import http.server
import json
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from generator.i18n import LANGUAGES, language
from generator.i18n import t as _
from generator.problems import Problem

QUIET = 0.1  # seconds without a change before a rebuild starts
WAIT = 25  # seconds a status request is held open before it answers "no news"
STATUS_PATH = "/.portal-status"
BANNER_ID = "portal-build-failed"
# Waits for the status of the next build: a good one reloads the page, a failed one shows its problems (text
# only: nothing of the data becomes markup) in a box that says so to screen readers (role="alert").
RELOAD_SCRIPT = ("""<script>(function(){
var lang=document.documentElement.lang==='en'?'en':'sv';
function el(tag,text,css){var e=document.createElement(tag);if(text){e.textContent=text}if(css){e.style.cssText=css}return e}
function show(s){
var old=document.getElementById('BANNER');if(old){old.remove()}
if(!s.failed){return}
var t=s.failed[lang]||s.failed.sv,box=el('div','','position:fixed;left:0;right:0;bottom:0;z-index:1000;'
+'max-height:50vh;overflow:auto;padding:.75rem 1rem;background:#7a0000;color:#fff;font:16px/1.5 sans-serif;'
+'border-top:4px solid #000'),list=el('ul','','margin:.25rem 0 0;padding-left:1.25rem');
box.id='BANNER';box.setAttribute('role','alert');box.lang=lang;
box.appendChild(el('p',t.title,'margin:0;font-weight:bold'));
t.problems.forEach(function(p){var item=el('li');if(p.where){item.appendChild(el('code',p.where,
'color:inherit;background:none;font:inherit;font-family:monospace'));item.appendChild(document.createTextNode(': '))}
item.appendChild(document.createTextNode(p.message+(p.hint?' '+p.hint:'')));list.appendChild(item)});
box.appendChild(list);document.body.appendChild(box)}
(function w(v){fetch('PATH?after='+v).then(function(r){return r.json()}).then(function(s){
if(v!==null&&s.build!==v&&(!s.failed||s.reload)){location.reload()}else{show(s);w(s.build)}
}).catch(function(){setTimeout(function(){w(v)},1000)})})(null)})()</script>"""
                 .replace("BANNER", BANNER_ID).replace("PATH", STATUS_PATH).encode("utf-8"))


@dataclass(frozen=True)
class Failed:
    """Why a rebuild failed: the data's errors, or else what stopped it (as the terminal said it)."""
    problems: tuple[Problem, ...] = ()
    message: str = ""

    def shown(self) -> dict:
        """What an open page says of it, per language: a title, and each problem's place, message and hint."""
        said = {}
        for lang in LANGUAGES:
            with language(lang):
                said[lang] = {
                    "title": _("Bygget misslyckades: sidan visar det senaste lyckade bygget och laddas om när "
                               "felen är rättade."),
                    "problems": [{"where": f"{p.file}:{p.line}:{p.column}", "message": p.message(lang),
                                  "hint": p.hint(lang)} for p in sorted(self.problems, key=Problem.sort_key)]
                                + ([{"where": "", "message": self.message, "hint": ""}] if self.message else [])}
        return said


class Builds:
    """How many builds have ended, and whether the last one failed; a reader can wait for the next one."""

    def __init__(self):
        self.count = 0
        self.failed: dict | None = None  # `Failed.shown` of the last build, None when it succeeded
        self.reload = False
        self.changed = threading.Condition()

    def done(self, failed: Failed | None, reload: bool = False) -> None:
        """A build ended; `reload`: a failed one put back pages an open page may show (the first look's)."""
        with self.changed:
            self.count += 1
            self.failed = failed.shown() if failed else None
            self.reload = reload
            self.changed.notify_all()

    def after(self, seen: str | None) -> bytes:
        """The status (JSON) once a build after the `seen` one has ended: at once when none was seen, "no news"
        (the same status) after WAIT seconds."""
        with self.changed:
            if seen == str(self.count):
                self.changed.wait(WAIT)
            return json.dumps({"build": self.count, "failed": self.failed, "reload": self.reload},
                              ensure_ascii=False).encode("utf-8")


class Handler(http.server.SimpleHTTPRequestHandler):
    builds: Builds

    def log_message(self, format, *args):  # the terminal shows the builds, not every request
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == STATUS_PATH:
            seen = parse_qs(url.query).get("after", [None])[0]
            self._send(self.builds.after(None if seen == "null" else seen), "application/json")
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


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A reader who leaves before a page is sent (a closed tab, a timed-out request) is no fault of the
        site's: say nothing. Anything else is one line, not a traceback over the build's messages."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            print(f"Could not answer a request from {client_address[0]}: {error!r}", file=sys.stderr, flush=True)


class Saved:
    """The files changed since the rebuild last looked, and a signal that there are some."""

    def __init__(self):
        self.event = threading.Event()
        self._paths: set[Path] = set()
        self._lock = threading.Lock()

    def add(self, *paths: str) -> None:
        with self._lock:
            self._paths.update(Path(p) for p in paths if p)
        self.event.set()

    def take(self) -> set[Path]:
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths


def _watch(paths: list[Path], saved: Saved):
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    class OnChange(FileSystemEventHandler):
        def on_any_event(self, event):
            if event.event_type not in ("opened", "closed_no_write"):
                saved.add(event.src_path, getattr(event, "dest_path", ""))  # a save by rename: the name it gets

    observer = Observer()
    for path in paths:
        observer.schedule(OnChange(), str(path), recursive=path.is_dir())
    observer.start()
    return observer


def _rebuild_on_change(rebuild: Callable[[], Failed | None], saved: Saved, builds: Builds,
                       first: Callable[[set[Path]], bool] | None) -> None:
    while True:
        saved.event.wait()
        while saved.event.is_set():  # until the sources are quiet
            saved.event.clear()
            time.sleep(QUIET)
        started, shown = time.perf_counter(), False
        if first is not None:
            try:
                if shown := first(saved.take()):
                    builds.done(None)
                    print(f"Showed the edited page in {time.perf_counter() - started:.1f} s; building the whole site.",
                          flush=True)
            except Exception:  # a fault of the first look: the build still comes
                traceback.print_exc()
        try:
            failed = rebuild()
        except Exception as exc:  # a fault of the generator: said on the page too, and the next change tries again
            traceback.print_exc()
            failed = Failed(message=f"{type(exc).__name__}: {exc}")
        builds.done(failed, reload=bool(failed) and shown)  # the pages shown first are taken back: reload them
        took = time.perf_counter() - started
        print(f"Rebuild failed ({took:.1f} s); the site shown is the last good build." if failed else
              f"Rebuilt in {took:.1f} s.", flush=True)


def serve(rebuild: Callable[[], Failed | None], site: Path, watched: list[Path], host: str, port: int,
          first: Callable[[set[Path]], bool] | None = None) -> None:
    """Serve `site` on host:port until interrupted, calling `rebuild` when a file under `watched` changes.

    `rebuild` leaves the previous site in place when it fails, prints the problems and returns them (None: built).
    `first`, given the files changed, may write their pages into `site` before (True: it did; the pages reload).
    """
    builds, saved = Builds(), Saved()
    handler = type("SiteHandler", (Handler,), {"builds": builds})
    server = Server((host, port), partial(handler, directory=str(site)))
    observer = _watch([p for p in watched if p.exists()], saved)
    threading.Thread(target=_rebuild_on_change, args=(rebuild, saved, builds, first), daemon=True).start()
    print(f"Serving on http://{host}:{port}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.server_close()
        sys.stdout.flush()
