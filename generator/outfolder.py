"""The output folder: what may be replaced, the new site swapped in whole, and what killed builds left.

A build writes into a fresh folder beside `--out` and replaces `--out` only when
everything succeeded, so a failed or stopped build leaves the previous site as it was.
These steps know nothing of the engine that fills the folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from pathlib import Path


class BuildError(Exception):
    """The site could not be built; the previous site is left as it was."""


def write_new(dest: str, data: bytes, previous: str | None = None) -> None:
    """`data` as a new file at `dest` (never written through: `dest` may be a hard link into the cache).

    Where the site being replaced holds the same bytes at `previous`, that file is linked
    instead: a page that did not change is not written again (it keeps its date), and
    deleting the old site at the swap frees nothing the new one still holds. The old file
    is only read and linked, so the site being served never changes before the swap.
    """
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(dest)
    if previous is not None and _holds(previous, data):
        try:
            os.link(previous, dest)
            return
        except OSError:  # another file system, too many links: written instead
            pass
    with open(dest, "wb") as out:
        out.write(data)


def _holds(path: str, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as f:
            return f.read() == data
    except OSError:
        return False


def swap(new: Path, out: Path) -> None:
    """Put `new` in place of `out`: rename the old away (to a name `clear_leftovers` knows, should the build be
    stopped before it is deleted), the new in, then delete the old (its unchanged files live on as links of the
    new, `write_new`)."""
    old = None
    if out.exists():
        old = out.with_name(f"{out.name}.old-{os.getpid()}-{secrets.token_hex(4)}")
        out.rename(old)
    try:
        new.rename(out)
    except OSError:
        if old is not None:
            old.rename(out)  # put the previous site back
        raise
    if old is not None:
        shutil.rmtree(old)


def clear_leftovers(out: Path) -> None:
    """Remove the temporary folders of earlier builds into `out` whose process is gone (killed, power cut).

    A build's folders are named `<out>.build-<pid>-*` and `<out>.old-<pid>-*`; a running
    build's (a concurrent one) are left alone. Earlier versions named them without the
    process id: those are left over too.
    """
    leftover = re.compile(re.escape(out.name) + r"\.(?:build|old)-(?:([0-9]+)-)?.+")
    for path in out.parent.iterdir():
        match = leftover.fullmatch(path.name)
        if (match and not (match.group(1) and _alive(int(match.group(1)))) and path.is_dir()
                and not path.is_symlink()):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def check_out(out: Path, data_dir: Path, *sources: Path) -> None:
    """Refuse an output folder whose replacement would delete something else than a site, or publish the data folder."""
    data = data_dir.resolve()
    if out == data or data in out.parents or out in data.parents:
        how = "is inside" if data in out.parents else "is" if out == data else "holds"
        raise BuildError(f"{out} {how} the data folder {data_dir}; choose another --out folder")
    for source in sources:
        if source.resolve() == out or out in source.resolve().parents:
            raise BuildError(f"{out} holds {source}; choose another --out folder")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "sitemap.xml").is_file())):
        raise BuildError(f"{out} exists and is not a site built before; move it away or choose another --out folder")
