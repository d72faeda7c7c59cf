"""Benchmark: synthetic data of 1,000 and 10,000 trips, timed through the real CLI.

Prints wall time and peak memory of `portal validate` and `portal build` for each
size, beside a plain `mkdocs build` of the same rendered pages. Run it with
`make bench` (or `python -m generator.bench --sizes 1000 10000`). Figures vary with
the machine's load: compare the ratios within one run more than absolute seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

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


def generate(out: Path, trips: int, seed: int = 1) -> None:
    """Write a valid data folder with `trips` trips and proportionate other records."""
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
    for n in range(trips):
        year = 2015 + n % 11
        start = dt.date(year, 1 + n % 12, 1 + n % 27)
        city, country = rnd.choice(PLACES)
        trip_id = f"{start:%Y-%m}-trip-{n}"
        _dump(out / "trips" / str(year) / f"{trip_id}.yaml", {
            "id": trip_id, "title": f"Konferens {n} i {city}", "event": f"Konferens {n}", "organiser_id": rnd.choice(orgs),
            "body_id": rnd.choice(bodies), "start_date": start, "end_date": start, "status": "completed",
            "purposes": rnd.sample(PURPOSES, rnd.randint(1, 3)), "decision": {"reference": f"{n}-{year}"},
            "destinations": [{"id": 1, "city": city, "country": country}],
            "participants": [{"person_id": p} for p in rnd.sample(people, rnd.randint(1, 4))],
            "report_date": start, "report": f"## Rapport\n\nDeltagandet gav kunskap om tema {n % 17}.\n",
            "costs": [{"id": line, "category": rnd.choice(CATEGORIES), "amount_sek": rnd.randint(500, 30000), "status": "final",
                       "paid_by_body_id": rnd.choice(bodies)} for line in range(1, rnd.randint(3, 7))]})


def timed(args: list[str], cwd: Path) -> tuple[float, float, float, float, int]:
    """Wall seconds, user and system CPU seconds (all processes), peak resident memory (MiB) and exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0,):
        sys.stderr.write(done.stdout[-2000:] + done.stderr[-2000:])
    return (wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime,
            max(after.ru_maxrss, before.ru_maxrss) / 1024, done.returncode)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--steps", nargs="+", default=["validate", "build", "mkdocs"])
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step; the fastest and the median are shown")
    parser.add_argument("--work", type=Path, default=None,
                        help="folder for the data and the site (default: the system's temporary folder); "
                             "a memory file system such as /dev/shm takes the disk out of the figures")
    args = parser.parse_args(argv)
    portal = [sys.executable, "-m", "generator"]
    print(f"{'trips':>6} {'step':<16} {'best s':>8} {'median s':>9} {'user s':>7} {'sys s':>6} {'peak MiB':>9} exit")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(dir=args.work) as tmp:
            work = Path(tmp)
            generate(work / "data", size)
            steps = []
            if "validate" in args.steps:
                steps.append(("portal validate", portal + ["validate", "--today", "2026-01-01"]))
            if "build" in args.steps:
                steps.append(("portal build", portal + ["build", "--out", "site"]))
            if "mkdocs" in args.steps and (docs := _rendered_docs(work)):
                steps.append(("plain mkdocs", [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(docs)]))
            for name, command in steps:
                runs = []
                for _ in range(args.repeat):
                    shutil.rmtree(work / "site", ignore_errors=True)  # every build starts without an old site
                    runs.append(timed(command, work))
                print(f"{size:>6} {name:<16} {_row(runs)}", flush=True)
    print("user/sys: CPU seconds of all the step's processes, median of the runs (two cores: wall >= (user + sys) / 2).")
    print("Peak memory is the largest child process so far (ru_maxrss); read it per row, in increasing size.")
    return 0


def _row(runs: list[tuple[float, float, float, float, int]]) -> str:
    walls = sorted(run[0] for run in runs)
    return (f"{walls[0]:>8.2f} {statistics.median(walls):>9.2f} {statistics.median(run[1] for run in runs):>7.1f} "
            f"{statistics.median(run[2] for run in runs):>6.1f} {max(run[3] for run in runs):>9.0f} "
            f"{max(run[4] for run in runs)}")


def _rendered_docs(work: Path) -> Path | None:
    """An mkdocs.yml over the pages `portal build` rendered, for a plain MkDocs run."""
    try:
        from generator.publish import plain_mkdocs_config  # provided by the build stage
    except ImportError:
        print("  (plain mkdocs comparison needs generator.publish.plain_mkdocs_config)")
        return None
    return plain_mkdocs_config(work / "data", work / "plain")


if __name__ == "__main__":
    raise SystemExit(main())
