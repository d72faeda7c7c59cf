"""Zip files and checksums with the same bytes on every build.

A zip entry stores a modification time; Python stamps the clock, so every entry is
written with the data version's date instead (zip cannot hold dates before 1980).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

EARLIEST = dt.date(1980, 1, 1)


def _info(name: str, date: dt.date | None) -> zipfile.ZipInfo:
    day = max(date or EARLIEST, EARLIEST)
    info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3  # unix, whatever the building machine is
    return info


def zip_bytes(entries: list[tuple[str, bytes]], date: dt.date | None) -> bytes:
    """A zip of (name, bytes) entries, in the given order, all stamped with `date`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(_info(name, date), data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buffer.getvalue()


def write_zip(root: Path, files: list[Path], path: Path, prefix: str, date: dt.date | None) -> Path:
    """Zip `files` (under `root`) into `path`, inside a folder named `prefix`."""
    entries = [(f"{prefix}/{f.relative_to(root).as_posix()}", f.read_bytes()) for f in sorted(files)]
    path.write_bytes(zip_bytes(entries, date))
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_checksums(root: Path, files: list[Path], name: str = "SHA256SUMS") -> Path:
    """`sha256sum -c SHA256SUMS` format: hex digest, two spaces, path relative to `root`."""
    lines = [f"{sha256(f)}  {f.relative_to(root).as_posix()}\n" for f in sorted(files)]
    path = root / name
    path.write_text("".join(lines), encoding="utf-8", newline="\n")
    return path
