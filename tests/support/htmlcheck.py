"""The Nu Html Checker (vnu.jar, from tools/node_modules/vnu-jar) over a whole folder.

    errors = check_html(site_dir)
    assert errors == [], format_errors(errors, site_dir)

Java starts slowly, so a whole folder is checked in ONE run:

    java -jar vnu.jar --format json --errors-only --skip-non-html --verbose <dir>

(`--errors-only` keeps errors and "non-document-error"s, e.g. a file vnu could not
read, and drops warnings and info.) Traps this module guards against, because vnu
would otherwise pass silently:

- vnu exits 0 with no messages for a path that does not exist or holds no HTML;
- under a non-UTF-8 locale (LANG/LC_ALL unset or C, as in many CI shells) Java
  cannot open files with non-ASCII names and vnu skips them without a word. The
  checker is run with LC_ALL=C.UTF-8, and the files vnu reports checking
  (`--verbose`) are compared with the HTML files found here: any HTML file it
  did not check is an error (e.g. `PAGE.HTML`: vnu only takes lowercase extensions).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import TOOLS

VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".xht")  # what --skip-non-html keeps
VNU_TIMEOUT_S = 1800

# Messages ignored on purpose. Every entry: (regex matched against the message,
# why it is a false positive). Keep this list short and justified; nothing else is
# ever dropped. Ignored messages are still available: check_html(..., ignore=()).
KNOWN_FALSE_POSITIVES: tuple[tuple[str, str], ...] = (
    # (none yet)
)


class VnuFailed(RuntimeError):
    """vnu could not be run, or its result cannot be trusted (see the message)."""


@dataclass(frozen=True)
class HtmlError:
    url: str                 # as vnu reports it, e.g. file:/tmp/site/a%20b.html
    message: str
    type: str = "error"      # "error" or "non-document-error"
    subtype: str | None = None  # e.g. "fatal"
    line: int | None = None
    column: int | None = None
    extract: str | None = None

    @property
    def path(self) -> Path | None:
        """Local file the message is about (None if vnu gave no file URL)."""
        parts = urlsplit(self.url)
        return Path(unquote(parts.path)) if parts.scheme == "file" else None

    def where(self, root: str | os.PathLike[str] | None = None) -> str:
        path = self.path
        shown = self.url
        if path is not None:
            shown = str(path)
            if root is not None:
                try:
                    shown = str(path.relative_to(Path(root).resolve()))
                except ValueError:
                    pass
        return f"{shown}:{self.line or '?'}:{self.column or '?'}"

    def __str__(self) -> str:
        kind = self.type if not self.subtype else f"{self.type}/{self.subtype}"
        return f"{self.where()}: {kind}: {self.message}"


def _java() -> str:
    java = os.environ.get("JAVA") or shutil.which("java")
    if not java:
        raise VnuFailed("`java` not found; run `make test-deps` (installs default-jre-headless "
                        "as root) or set JAVA=/path/to/java (Java 17 or newer).")
    return java


def html_files(directory: str | os.PathLike[str]) -> list[Path]:
    """HTML files under `directory`, by extension in any letter case, symlinks followed."""
    found = []
    for dirpath, _dirnames, filenames in os.walk(directory, followlinks=True):
        for name in filenames:
            if os.path.splitext(name)[1].lower() in HTML_SUFFIXES:
                found.append(Path(dirpath, name))
    return sorted(found)


def _parse_json(stderr: str) -> dict:
    # The JSON report is on stderr; the JVM may print other lines there first
    # (e.g. "Picked up JAVA_TOOL_OPTIONS: ..."), so start at the report itself.
    match = re.search(r'^\{"(?:version|messages)"', stderr, re.MULTILINE)
    if not match:
        raise ValueError("no JSON report")
    report, _end = json.JSONDecoder().raw_decode(stderr, match.start())
    return report


def check_html(directory: str | os.PathLike[str], *,
               ignore: tuple[tuple[str, str], ...] = KNOWN_FALSE_POSITIVES,
               extra_args: tuple[str, ...] = ()) -> list[HtmlError]:
    """Check every HTML file under `directory` with vnu in one run; return its errors.

    Raises VnuFailed if vnu is missing, fails, or did not check every HTML file.
    """
    root = Path(directory).resolve()
    if not root.is_dir():
        raise VnuFailed(f"{root} is not a directory")
    expected = html_files(root)
    if not expected:
        raise VnuFailed(f"no HTML files under {root}: nothing to check")
    if not VNU_JAR.is_file():
        raise VnuFailed(f"vnu.jar not found at {VNU_JAR}; run `make test-deps` "
                        "(it runs `npm ci` in tools/).")
    cmd = [_java(), "-jar", str(VNU_JAR), "--format", "json", "--errors-only",
           "--skip-non-html", "--verbose", *extra_args, str(root)]
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    proc = subprocess.run(cmd, env=env, capture_output=True, timeout=VNU_TIMEOUT_S)
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode not in (0, 1):  # 1 = errors found
        raise VnuFailed(f"vnu exited {proc.returncode}: {' '.join(cmd)}\n{stderr[-4000:]}")
    try:
        report = _parse_json(stderr)
    except ValueError as exc:
        raise VnuFailed(f"cannot read vnu's JSON report ({exc}):\n{stderr[-4000:]}") from None

    checked = {Path(line).resolve() for line in stdout.splitlines() if line.strip()}
    missed = [p for p in expected if p.resolve() not in checked]
    if missed:
        shown = "\n".join(f"  {p.relative_to(root)}" for p in missed[:20])
        raise VnuFailed(f"vnu did not check {len(missed)} of {len(expected)} HTML files under "
                        f"{root} (uppercase extension? unreadable name?):\n{shown}")

    errors = []
    for m in report.get("messages", []):
        if m.get("type") == "info":  # not expected with --errors-only; never an error
            continue
        message = m.get("message", "")
        if any(re.search(pattern, message) for pattern, _why in ignore):
            continue
        errors.append(HtmlError(
            url=m.get("url", ""), message=message, type=m.get("type", "error"),
            subtype=m.get("subType"), line=m.get("lastLine"),
            column=m.get("firstColumn", m.get("lastColumn")), extract=m.get("extract")))
    if proc.returncode == 1 and not errors and not ignore:
        raise VnuFailed(f"vnu exited 1 but reported no errors:\n{stderr[-4000:]}")
    return errors


def format_errors(errors: list[HtmlError], root: str | os.PathLike[str] | None = None,
                  limit: int = 50) -> str:
    """Readable list of vnu errors (paths relative to `root`), for assertion messages."""
    lines = [f"{e.where(root)}: {e.message}" for e in errors[:limit]]
    if len(errors) > limit:
        lines.append(f"... and {len(errors) - limit} more")
    return "\n".join(lines) or "no errors"
