"""A seeded mutator of the sample data: whatever a careless or hostile edit makes of a file,
`portal validate` ends with exit 0 or 1 and problems that name a file and line, never a
traceback or a hang, and whatever it accepts `portal build` builds.

Each mutation changes one sample file (its bytes, its YAML structure, a value's type,
its Unicode) or where a file lies, is validated in this process (so that a fault shows as
the exception it is, not behind the CLI's last-resort message), and is undone. The
run is bounded in time (FUZZ_SECONDS, default 40, plus a few builds); FUZZ_SEED
chooses another sequence of mutations. The summary is printed (pytest -s shows it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path


from conftest import SAMPLE_DATA, TODAY

SEED = int(os.environ.get("FUZZ_SEED", "13"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "40"))
BUILDS = int(os.environ.get("FUZZ_BUILDS", "4"))
HANG = 20  # seconds for one validation before it counts as a hang

VALUES = [  # what a value may become: other types, YAML 1.1 surprises, overflows, hostile text
    '"5000"', "'12.50'", "12_000", "1e3", "1.0e3", "1e999", ".inf", "-.inf", ".nan", "Infinity", "NaN", "sNaN", "'-sNaN'", "'+Infinity'", "-1", "0",
    "0.001", "4999.995", "100000000000000000000", "9" * 400, "true", '"false"', '"true"', "yes", "NO", "null", "~", "",
    "2016-02-30", '"2016-11-21"', "2099-12-31", "1900-01-01", "9999-12-31", "0001-01-01", "2016-11-21 10:00", "012", "0x1F", "1:20", "[]", "{}",
    "[a, b]", "{a: 1}", "index", "x" * 300, "XXX", "XTS", "XK", "SEK", "se", '"   "', '""', "'\u202eevil'",
    '"\\e[2J\\e[31m"', '"\\0"', '"a\\nb"', '"\\ud800"', '"\\uFFFE"', '"\\x85"', '"\\u2028"', "19121212-1212",
    "121212\u00a01212", "\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12", "&a x", "*a", "!!python/object:os.system x",
    "!!binary aGVsbG8=", '"::error file=x,line=1::forged"', "'=HYPERLINK(\"http://x\")'", "<script>alert(1)</script>",
    "{{ 7*7 }}", "[x](javascript:alert(1))", "Malmo\u0308", "\u200b", "'\u00a0'", "🙂", "a\tb",
]
INSERTS = ["\0", "\x1b", "\t", "\r", "\x7f", "\x85", "\u202e", "\u200b", "\ufeff", "\ud7ff", "\uffff", "\u2028", ":", "- ",
           "#", "'", '"', "{", "[", "&a ", "*a", "!!str ", "---\n", "\n  ", "\n- ", "? ", "|\n", ">-\n", "%YAML 1.1\n"]


def _mutations(rng: random.Random, files: list[Path], data: Path):
    """Endless (description, apply) pairs; apply() changes the data folder and returns an undo function."""
    def rewrite(path: Path, new: bytes):
        old = path.read_bytes()
        path.write_bytes(new)
        return lambda: path.write_bytes(old)

    def move(path: Path, target: Path):
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
        return lambda: (target.rename(path), _prune(target.parent, data))

    def scalar_lines(text: str) -> list[int]:
        return [i for i, line in enumerate(text.split("\n")) if re.match(r"\s*(- )?[a-z_]+: \S", line)]

    while True:
        path = rng.choice(files)
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        lines = text.split("\n")
        kind = rng.choice(["byte", "byte", "insert", "value", "value", "value", "value", "tree", "line", "encoding", "place",
                           "node"])
        if kind == "byte":
            at = rng.randrange(len(raw))
            new = raw[:at] + bytes([rng.randrange(256)]) + raw[at + rng.choice((0, 1)):]
            yield f"{path.name}: byte {at} -> {new[at]:#04x}", lambda p=path, n=new: rewrite(p, n)
        elif kind == "insert":
            at, piece = rng.randrange(len(text)), rng.choice(INSERTS)
            yield f"{path.name}: insert {piece!r} at {at}", lambda p=path, t=text[:at] + piece + text[at:]: rewrite(p, t.encode())
        elif kind == "value" and (candidates := scalar_lines(text)):
            index = rng.choice(candidates)
            key, _, _ = lines[index].partition(": ")
            value = rng.choice(VALUES)
            changed = lines[:index] + [f"{key}: {value}"] + lines[index + 1:]
            yield (f"{path.name}:{index + 1}: {key.strip()}: {value[:40]!r}",
                   lambda p=path, t="\n".join(changed): rewrite(p, t.encode("utf-8", "surrogatepass")))
        elif kind == "tree" and (parents := [i for i, line in enumerate(lines) if re.fullmatch(r"\s*(- )?[a-z_]+:", line)]):
            index = rng.choice(parents)  # a key holding a list or mapping gets a scalar, or the other kind of node
            value = rng.choice(["5000", "x", "[]", "{}", "[1, [2, [3]]]", "{a: {b: c}}", "- x", "null", "true"])
            changed = lines[:index] + [f"{lines[index]} {value}"] + lines[index + 1:]
            yield f"{path.name}:{index + 1}: {lines[index].strip()} {value}", lambda p=path, t="\n".join(changed): rewrite(p, t.encode())
        elif kind == "line" and len(lines) > 2:
            i, j = sorted(rng.sample(range(len(lines)), 2))
            op = rng.choice(["drop", "duplicate", "swap", "indent", "dedent", "truncate"])
            new_lines = {"drop": lines[:i] + lines[i + 1:], "duplicate": lines[:i + 1] + lines[i:],
                         "swap": lines[:i] + [lines[j]] + lines[i + 1:j] + [lines[i]] + lines[j + 1:],
                         "indent": lines[:i] + ["  " + lines[i]] + lines[i + 1:],
                         "dedent": lines[:i] + [lines[i].lstrip()] + lines[i + 1:], "truncate": lines[:i]}[op]
            yield f"{path.name}: {op} line {i + 1}", lambda p=path, t="\n".join(new_lines): rewrite(p, t.encode())
        elif kind == "encoding":
            codec = rng.choice(["utf-16-le", "utf-16", "latin-1", "utf-8-sig", "cp1252"])
            yield f"{path.name}: saved as {codec}", lambda p=path, c=codec: rewrite(p, text.encode(c, "replace"))
        elif kind == "place":
            rel = path.relative_to(data)
            target = rng.choice([path.with_suffix(".yml"), path.with_suffix(".YAML"), data / "trips" / path.name,
                                 path.parent / "extra" / path.name, data / "trip" / rel, data / ("." + path.name),
                                 data / "memberships" / path.name, path.with_name(path.stem + ".yaml~")])
            yield f"{rel} moved to {target.relative_to(data)}", lambda p=path, t=target: move(p, t)
        elif kind == "node":  # something beside the file that is not a plain file
            node = path.with_name(rng.choice([".#" + path.name, path.stem + "-2.yaml", "x.yaml"]))
            make = rng.choice(["dangling link", "link out", "link to folder", "folder", "pipe"])
            yield f"{node.relative_to(data)}: {make}", lambda n=node, m=make: _node(n, m)


def _node(path: Path, make: str):
    if make == "dangling link":
        path.symlink_to("user@host.123:456")
    elif make == "link out":
        path.symlink_to("/etc/hostname")
    elif make == "link to folder":
        path.symlink_to(path.parent)
    elif make == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    return lambda: path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()


def _prune(folder: Path, data: Path) -> None:
    while folder != data and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


class _Hang(Exception):
    pass


def _validate_here(data: Path) -> tuple[int, dict, str]:
    """What `portal validate` prints, as JSON and as text, from one validation in this process."""
    from generator.problems import format_json, format_text
    from generator.validate import validate

    def alarm(signum, frame):
        raise _Hang()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(HANG)
    try:
        report, _ = validate(data, dt.date.fromisoformat(TODAY))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return (0 if report.ok else 1), json.loads(format_json(report, "en")), format_text(report, "en")


def test_mutated_sample_data_never_crashes_and_what_validates_builds(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PORTAL_DEBUG", "1")  # a fault is raised here, not hidden behind the last-resort message
    files = sorted(p for p in data.rglob("*.yaml"))
    rng = random.Random(SEED)
    tried, failures, validating, by_exit, codes = 0, [], [], {0: 0, 1: 0}, set()
    started = time.monotonic()
    for description, apply in _mutations(rng, files, data):
        if time.monotonic() - started > SECONDS:
            break
        undo = apply()
        try:
            code, report, text = _validate_here(Path("data"))
            tried += 1
            by_exit[code] = by_exit.get(code, 0) + 1
            codes |= {p["code"] for p in report["problems"]}
            bad = [p for p in report["problems"] if not (p["file"].startswith("data") and p["line"] >= 1 and p["column"] >= 1)]
            lines = [l for l in text.splitlines() if l and not l.startswith("    ") and not re.fullmatch(r"\d+ errors?, \d+ warnings?\.", l)]
            unplaced = [l for l in lines if not re.match(r"(\./)?data[^:]*:\d+:\d+: (error|warning): ", l)]
            if code not in (0, 1) or bad or unplaced:
                failures.append(f"{description}: exit {code}, {bad[:2]} {unplaced[:2]}")
            elif code == 0 and len(validating) < 50:
                validating.append((description, _snapshot(Path("data"))))
        except _Hang:
            failures.append(f"{description}: no answer after {HANG} s")
        except Exception as exc:  # the bug this test is for
            failures.append(f"{description}: {type(exc).__name__}: {exc}")
        finally:
            undo()
    built = []
    for description, snapshot in rng.sample(validating, min(BUILDS, len(validating))):
        folder = tmp_path / f"build-{len(built)}"
        shutil.copytree(snapshot, folder / "data", symlinks=True)
        result = subprocess.run([sys.executable, "-m", "generator", "build", "--out", "site"], cwd=folder,
                                capture_output=True, text=True, timeout=300, env={**os.environ, "PORTAL_DEBUG": "1"})
        built.append(description)
        if result.returncode != 0:
            failures.append(f"validates but does not build: {description}: {result.stderr[-2000:]}")
    print(f"\nfuzz: seed {SEED}, {tried} mutations in {time.monotonic() - started:.0f} s: exit 0 {by_exit[0]}, exit 1 "
          f"{by_exit[1]}; {len(codes)} problem codes; {len(validating)} new data sets validated, {len(built)} built; "
          f"{len(failures)} failures")
    assert tried >= 20, "the mutator did too little to mean anything"
    assert not failures, "\n".join(failures[:20])


def _snapshot(data: Path) -> Path:
    """A copy of the data folder as it is now (the mutation is undone right after)."""
    target = Path(f"snapshots/{len(list(Path('snapshots').glob('*'))) if Path('snapshots').exists() else 0}")

    def special(folder, names):  # pipes (skipped as editor junk) cannot be copied; links are copied as links
        return [n for n in names if not (os.path.islink(os.path.join(folder, n)) or os.path.isfile(os.path.join(folder, n))
                                         or os.path.isdir(os.path.join(folder, n)))]

    shutil.copytree(data, target, symlinks=True, ignore=special)
    return target
