"""A build that keeps what it can between builds is the build without a cache, byte for byte, whatever changed.

Random changes (titles, amounts, trips added and removed, people renamed or protected,
bodies and organisations renamed, a setting, the package's title), three per step, are
made to generated data in a git repository, a commit per step; every second step is
published (the branch `published` moved to it), and the next change raises the version,
so published versions and their files kept in the cache are part of it. After each step,
`portal build` with the cache kept from the previous steps must write exactly the files,
search index included, that `portal build --no-cache` writes into an empty folder.
PORTAL_PROPERTY_STEPS sets the steps (default 3: each kind of change once),
PORTAL_PROPERTY_SEED the seed.
"""

from __future__ import annotations

import os
import random
import subprocess
from pathlib import Path

import yaml

from conftest import REPO, run_portal
from generator.bench import _dump, generate

STEPS = int(os.environ.get("PORTAL_PROPERTY_STEPS", "3"))
PER_STEP = 3
SEED = int(os.environ.get("PORTAL_PROPERTY_SEED", "7"))


def _read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _trip_files(data: Path) -> list[Path]:
    return sorted((data / "trips").rglob("*.yaml"))


def _edit_list(path: Path, rnd: random.Random, change) -> str:
    rows = _read(path)
    row = rnd.choice(rows)
    said = change(row)
    _dump(path, rows)
    return said


def _retitle(data: Path, rnd: random.Random) -> str:
    path = rnd.choice(_trip_files(data))
    trip = _read(path)
    trip["title"] += " (ändrad)"
    _dump(path, trip)
    return f"retitled {trip['id']}"


def _reprice(data: Path, rnd: random.Random) -> str:
    path = rnd.choice(_trip_files(data))
    trip = _read(path)
    rnd.choice(trip["costs"])["amount_sek"] += rnd.randint(1, 5000)
    _dump(path, trip)
    return f"repriced {trip['id']}"


def _add(data: Path, rnd: random.Random) -> str:
    trip = _read(rnd.choice(_trip_files(data)))
    trip["id"] = f"{trip['start_date']:%Y-%m}-added-{rnd.randint(0, 10**6)}"
    trip["title"] = f"Tillagd resa {trip['id']}"
    _dump(data / "trips" / str(trip["start_date"].year) / f"{trip['id']}.yaml", trip)
    return f"added {trip['id']}"


def _remove(data: Path, rnd: random.Random) -> str:
    path = rnd.choice(_trip_files(data))
    path.unlink()
    return f"removed {path.stem}"


def _rename_person(data: Path, rnd: random.Random) -> str:
    def change(person: dict) -> str:
        if person.get("protected"):
            return "left a protected person alone"
        person["name"] += " Nyman"
        return f"renamed {person['id']}"
    return _edit_list(data / "people.yaml", rnd, change)


def _protect(data: Path, rnd: random.Random) -> str:
    def change(person: dict) -> str:
        person["protected"] = True
        person.pop("name", None)
        return f"protected {person['id']}"
    return _edit_list(data / "people.yaml", rnd, change)


def _rename_body(data: Path, rnd: random.Random) -> str:
    def change(body: dict) -> str:
        body["name"] += " och service"
        return f"renamed {body['id']}"
    return _edit_list(data / "bodies.yaml", rnd, change)


def _rename_organisation(data: Path, rnd: random.Random) -> str:
    def change(organisation: dict) -> str:
        organisation["name"] += " International"
        return f"renamed {organisation['id']}"
    return _edit_list(data / "organisations.yaml", rnd, change)


def _package(data: Path, rnd: random.Random) -> str:
    path = data / "datapackage.yaml"
    text = path.read_text(encoding="utf-8")
    if rnd.random() < 0.5:
        path.write_text(text.replace("\ntitle: ", "\ntitle: Ny rubrik: ", 1), encoding="utf-8")
        return "retitled the package"
    package = _read(path)
    package.setdefault("settings", {})["max_trip_days"] = rnd.choice([30, 45, 60])
    _dump(path, package)
    return "changed a setting"


def _version(data: Path, version: str) -> None:
    path = data / "datapackage.yaml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("version: "))
    path.write_text(text.replace(old, f"version: {version}", 1), encoding="utf-8")


CHANGES = (_retitle, _reprice, _add, _remove, _rename_person, _protect, _rename_body, _rename_organisation, _package)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


def _build(tmp_path: Path, out: Path, *options: str) -> dict[str, bytes]:
    done = run_portal("build", "--data", str(tmp_path / "data"), "--out", str(out), *options, cwd=REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    return _tree(out)


def test_the_cached_build_equals_a_build_without_cache_after_every_change(tmp_path):
    data = tmp_path / "data"
    generate(data, 24, seed=SEED)
    package = _read(data / "datapackage.yaml")
    package.setdefault("settings", {})["published_branch"] = "published"
    _dump(data / "datapackage.yaml", package)
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "data")
    _git(tmp_path, "commit", "-q", "-m", "generated")
    _git(tmp_path, "branch", "published")
    published = True
    cache, kept = tmp_path / "cache", tmp_path / "kept"
    assert _build(tmp_path, kept, "--cache-dir", str(cache)) == _build(tmp_path, tmp_path / "plain-0", "--no-cache")
    rnd = random.Random(SEED)
    done = []
    for step in range(1, STEPS + 1):
        for n in range(PER_STEP * (step - 1), PER_STEP * step):  # the kinds in turn, then any
            done.append((CHANGES[n] if n < len(CHANGES) else rnd.choice(CHANGES))(data, rnd))
        if published:  # a published version's data never change: the change is a new version
            _version(data, f"1.{step}.0")
            published = False
        _git(tmp_path, "add", "-A", "data")
        _git(tmp_path, "commit", "-q", "-m", "; ".join(done[-PER_STEP:]))
        cached = _build(tmp_path, kept, "--cache-dir", str(cache))
        plain = _build(tmp_path, tmp_path / f"plain-{step}", "--no-cache")
        differ = sorted(name for name in cached.keys() | plain.keys() if cached.get(name) != plain.get(name))
        assert not differ, (done, differ[:10])
        if step % 2 == 0:
            _git(tmp_path, "branch", "-f", "published")
            published = True
    assert len(done) == PER_STEP * STEPS
    if STEPS >= 3:  # the first commit (0.7.0) and step 2 (1.1.0) were published: their files came from the cache
        assert sorted(p.name for p in (kept / "data").glob("v*"))[:2] == ["v0.7.0", "v1.1.0"]
