"""Strict YAML reading for data that staff write by hand.

PyYAML follows YAML 1.1, where `NO` is false, `012` is octal and `1:20` is 80.
Published as is, such values would silently change the data. This reader builds
the values itself from the parser's events, with YAML 1.2-like rules, refuses the
surprising forms with a hint to quote them, and keeps the line and column of
every value so that every later error can point at it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from generator.problems import Problem

MAX_BYTES = 1024 * 1024

Path_ = tuple  # a path into a document: mapping keys and list indexes


class Pos(NamedTuple):
    line: int
    column: int


@dataclass
class Document:
    """A parsed file: plain Python values, plus the position of every value."""

    file: str
    value: object
    positions: dict[Path_, Pos] = field(default_factory=dict)

    def pos(self, path: Path_) -> Pos:
        """The position of the value at `path`, or of its nearest parent."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, Pos(1, 1))


_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_OTHER_BASE = re.compile(r"[-+]?0[xXoObB][0-9a-fA-F_]+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}.*")
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}
_SPECIAL_FLOAT = {".inf", "-.inf", "+.inf", ".nan"}
_WORDS = {"null", "true", "false"} | _YAML11_BOOL  # words that plain YAML may read as something else


def read(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; return its document, or None and the problems."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, [Problem("yaml-too-large", display, 1, 1, params={"limit": MAX_BYTES // 1024})]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem("yaml-bom", display, 1, 1)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem("yaml-not-utf8", display, line, column)]
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return None, [Problem("yaml-tab", display, number, indent.index("\t") + 1)]
    return parse(text, display)


def parse(text: str, display: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text into a Document; problems name the place of each surprise."""
    builder = _Builder(display)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem("yaml-syntax", display, line, column, params={"detail": exc.problem or str(exc)})]
    if builder.fatal:
        return None, builder.problems
    return Document(display, builder.root, builder.positions), builder.problems


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALAR = yaml.ScalarEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_STARTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
_STR = "tag:yaml.org,2002:str"


class _Builder:
    """Turns parser events into values; a stack of open containers."""

    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []
        self.positions: dict[Path_, Pos] = {}
        self.stack: list[tuple[object, Path_, list]] = []  # (container, path, [pending key])
        self.root: object = None
        self.documents = 0
        self.fatal = False

    def _error(self, code: str, pos: Pos, **params) -> None:
        self.problems.append(Problem(code, self.display, pos.line, pos.column, params=params))

    def feed(self, event) -> None:
        kind = type(event)
        pos = Pos(event.start_mark.line + 1, event.start_mark.column + 1)
        if kind is _SCALAR and not event.anchor and not event.tag:  # the common case, kept fast
            top = self.stack[-1] if self.stack else None
            if top is not None and not top[2] and type(top[0]) is dict:
                self._key(event.value, pos)
            else:
                self._place(self._scalar(event, pos), pos)
            return
        if kind in _ENDS:
            self.stack.pop()
            return
        if kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self._error("yaml-many-documents", pos)
                self.fatal = True
            return
        if kind is yaml.AliasEvent:
            self._error("yaml-alias", pos, name=event.anchor)
            self.fatal = True
            if self.stack and isinstance(self.stack[-1][0], dict) and not self.stack[-1][2]:
                self._key(f"*{event.anchor}", pos)  # an alias as a key: keep the structure in step
            else:
                self._place(None, pos)
            return
        if kind not in _STARTS:
            return
        if event.anchor:
            self._error("yaml-anchor", pos, name=event.anchor)
            self.fatal = True
        if event.tag and event.tag not in ("!", _STR) and not (kind is not _SCALAR and event.implicit):
            self._error("yaml-tag", pos, tag=event.tag)
            self.fatal = True
        if kind is _SCALAR:
            if self.stack and isinstance(self.stack[-1][0], dict) and not self.stack[-1][2]:
                self._key(event.value, pos)
                return
            self._place(self._scalar(event, pos), pos)
        elif kind is yaml.MappingStartEvent:
            self._push({}, pos)
        else:
            self._push([], pos)

    def _key(self, key: str, pos: Pos) -> None:
        container, path, pending = self.stack[-1]
        if key in container:
            self._error("yaml-duplicate-key", pos, key=key)
        pending[:] = [key]

    def _path_for_child(self) -> Path_ | None:
        if not self.stack:
            return ()
        container, path, pending = self.stack[-1]
        if isinstance(container, list):
            return path + (len(container),)
        return path + (pending[0],)

    def _place(self, value: object, pos: Pos) -> Path_:
        path = self._path_for_child()
        self.positions[path] = pos
        if not self.stack:
            self.root = value
            return path
        container, _, pending = self.stack[-1]
        if isinstance(container, list):
            container.append(value)
        else:
            if not pending:  # a mapping or sequence used as a key
                self._error("yaml-complex-key", pos)
                self.fatal = True
                return path
            container.setdefault(pending[0], value)
            pending.clear()
        return path

    def _push(self, container, pos: Pos) -> None:
        if self.stack and isinstance(self.stack[-1][0], dict) and not self.stack[-1][2]:
            self._error("yaml-complex-key", pos)
            self.fatal = True
            self.stack.append((container, (), ["?"]))
            return
        path = self._place(container, pos)
        self.stack.append((container, path, []))

    def _scalar(self, event, pos: Pos) -> object:
        text = event.value
        if event.style or event.tag == _STR:
            return text  # quoted or block scalars are always text
        lowered = text.lower()
        if text[:1].isalpha() and lowered not in _WORDS:
            return text  # a word: the usual case, and none of the surprises
        if text in ("", "~") or lowered == "null":
            return None
        if lowered in ("true", "false"):
            return lowered == "true"
        if lowered in _YAML11_BOOL:
            self._error("yaml-ambiguous-bool", pos, value=text)
            return text
        if _INT.fullmatch(text):
            return int(text)
        if _FLOAT.fullmatch(text):
            return float(text)
        if _DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                self._error("yaml-bad-date", pos, value=text)
                return text
        if _LEADING_ZERO.fullmatch(text) or _OTHER_BASE.fullmatch(text):
            self._error("yaml-octal", pos, value=text)
        elif _SEXAGESIMAL.fullmatch(text):
            self._error("yaml-sexagesimal", pos, value=text)
        elif _DATETIME.fullmatch(text):
            self._error("yaml-datetime", pos, value=text)
        elif lowered in _SPECIAL_FLOAT:
            self._error("yaml-special-float", pos, value=text)
        return text
