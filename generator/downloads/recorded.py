"""A published version's files byte for byte: their checksums, recorded once, and checked by every build.

People download a version's files and cite them by their checksum, so a version's
files must never change, whatever code builds them later. When a version is first
published, staff run `portal record`: it writes the version's `SHA256SUMS` as the
build makes it to `data/published/v<version>/SHA256SUMS` (`datafiles.RECORDED`), under a
first line naming the commit that published the version, to be committed (a copy of
the data published elsewhere, by another commit, is another publication: not checked). From then on every build that writes the version compares: a file whose
bytes differ fails the build, naming the version and the file, and the site is left
as it was. So a writer that changes (a new column) must keep the format of the
versions recorded before it.

Redaction (`withheld`) is the one change a published version takes: its files are
written without what is withheld today, and its published `SHA256SUMS` follows them.
The recorded sums stay those of the version as first published, and the build checks
them against the version written as first published (in a folder of its own, then
deleted), so the redacted files are the recorded ones less what is withheld.
"""

from __future__ import annotations

from pathlib import Path

from generator.datafiles import RECORDED
from generator.problems import Problem

SUMS = "SHA256SUMS"


class VersionChanged(ValueError):
    """A published version's files are not the bytes recorded when it was published."""


def path(data_dir: Path, version: str) -> Path:
    """Where the checksums of `version` are recorded."""
    return data_dir / RECORDED.format(version=version)


def recorded(data_dir: Path, version: str, commit: str | None) -> bytes | None:
    """The checksums recorded for `version` as published by `commit`; None when none were (a record made for another
    commit is another publication: a copy of the data in another repository, a history written anew)."""
    try:
        text = path(data_dir, version).read_bytes()
    except FileNotFoundError:
        return None
    first, _, sums = text.partition(b"\n")
    return sums if commit and first == header(version, commit) else None


def header(version: str, commit: str) -> bytes:
    return f"# version {version}, published by commit {commit}".encode()


def _sums(text: bytes) -> dict[str, str]:
    """file -> SHA-256 of a `sha256sum` file (lines that are no such line are kept as themselves, so they differ)."""
    found = {}
    for line in text.decode("utf-8", "replace").splitlines():
        digest, _, name = line.partition("  ")
        found[name or line] = digest
    return found


def changed(expected: bytes, made: bytes) -> list[str]:
    """The files whose checksum differs, that are missing or that are new (sorted)."""
    old, new = _sums(expected), _sums(made)
    return sorted(name for name in old.keys() | new.keys() if old.get(name) != new.get(name))


def check(data_dir: Path, version: str, commit: str | None, folder: Path) -> None:
    """VersionChanged unless the files written into `folder` are those recorded for `version` as published by
    `commit` (nothing recorded: nothing to compare)."""
    expected = recorded(data_dir, version, commit)
    if expected is None:
        return
    made = (folder / SUMS).read_bytes()
    if made == expected:
        return
    names = changed(expected, made) or [SUMS]
    shown = str(Path(data_dir.name) / RECORDED.format(version=version))
    line = next((n for n, text in enumerate(expected.decode("utf-8", "replace").splitlines(), 2)
                 if text.endswith("  " + names[0])), 1)
    problem = Problem("version-files-changed", shown, line, 1, None,
                      {"version": version, "name": names[0], "n": len(names), "names": ", ".join(names)})
    raise VersionChanged("\n".join(f"{shown}:{line}: {problem.message(lang)} {problem.hint(lang)}" for lang in ("sv", "en")))
