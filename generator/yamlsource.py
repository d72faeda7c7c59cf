"""Strict YAML reading for data that staff write by hand.

PyYAML follows YAML 1.1, where `NO` is false, `012` is octal and `1:20` is 80.
Published as is, such values would silently change the data. This reader builds
the values itself from the parser's events, with YAML 1.2-like rules, refuses the
surprising forms with a hint to quote them, and keeps the line and column of
every value so that every later error can point at it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from generator import pii
from generator.text import INVISIBLE as _INVISIBLE, blank, char_name
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


# The first tab in a line's indent; lines end where str.splitlines ends them.
_TAB_INDENT = re.compile(r"(?:\A|(?<=[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]))( *)\t")
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?=[eE]))([eE][-+]?[0-9]+)?")  # YAML 1.2: 1e3 too
_GROUPED = re.compile(r"[-+]?[1-9][0-9]*(_[0-9]+)+(\.[0-9]+)?")  # 12_000: YAML 1.1 reads a number, 1.2 text; meant a number
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_OTHER_BASE = re.compile(r"[-+]?0[xXoObB][0-9a-fA-F_]+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}.*")
_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}
_SPECIAL_FLOAT = {".inf", "-.inf", "+.inf", ".nan"}
_WORDS = {"null", "true", "false"} | _YAML11_BOOL  # words that plain YAML may read as something else


# What the YAML reader refuses anywhere in a file (C0 and C1 controls but tab, line
# breaks and NEL; U+FFFE/U+FFFF): found here first, to say where and why.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
def read(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; return its document, or None and the problems."""
    try:
        raw = path.read_bytes()
    except OSError as exc:  # unreadable, a dangling link, a folder: the file is reported, not read
        return None, [Problem("file-unreadable", display, 1, 1, params={"detail": exc.strerror or str(exc)})]
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
    if bad := _UNREADABLE.search(text):
        return None, [_unreadable(text, bad.start(), display)]
    if tab := _TAB_INDENT.search(text):
        return None, [Problem("yaml-tab", display, len(text[:tab.start()].splitlines()) + 1, len(tab.group(1)) + 1)]
    doc, problems = parse(text, display)
    return doc, problems + pii.in_file(text, display, doc.positions if doc is not None else None)  # comments too: the files are public


def _unreadable(text: str, offset: int, display: str) -> Problem:
    """A character YAML cannot read; NUL bytes between the letters mean the file was saved as UTF-16."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    code = "yaml-utf16" if text.count("\x00") * 4 >= len(text) else "yaml-control-char"
    return Problem(code, display, line, column, params={"char": char_name(text[offset])})


def parse(text: str, display: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text into a Document; problems name the place of each surprise."""
    loader = _Loader(text)
    builder = _Builder(display, iter(loader.get_event, None))  # the events without yaml.parse's generator: a third faster
    try:
        builder.stream()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem("yaml-syntax", display, line, column, params={"detail": exc.problem or str(exc)})]
    except yaml.YAMLError as exc:  # the reader's own errors (a character it refuses) carry an offset, not a mark
        offset = getattr(exc, "position", 0) or 0
        return None, [_unreadable(text, min(offset, max(len(text) - 1, 0)), display) if text else
                      Problem("yaml-syntax", display, 1, 1, params={"detail": str(exc)})]
    finally:
        loader.dispose()
    if builder.fatal:
        return None, builder.problems
    return Document(display, builder.root, builder.positions), builder.problems


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALAR, _MAPPING, _SEQUENCE, _ALIAS = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent
_NODES = (_SCALAR, _MAPPING, _SEQUENCE, _ALIAS)
_STR = "tag:yaml.org,2002:str"
MAX_DEPTH = 50  # the data nests four levels deep; far deeper is a mistake (and Python's stack has a limit)


_new_tuple = tuple.__new__  # Pos(line, column) without the Python-level __new__ of a NamedTuple: 480,000 per 10,000 trips


def _pos(event) -> Pos:
    return Pos(event.start_mark.line + 1, event.start_mark.column + 1)


class _Builder:
    """Builds values from parser events by recursive descent, recording every value's position."""

    def __init__(self, display: str, events):
        self.display = display
        self.events = events
        self.problems: list[Problem] = []
        self.positions: dict[Path_, Pos] = {}
        self.root: object = None
        self.fatal = False

    def _error(self, code: str, pos: Pos, **params) -> None:
        self.problems.append(Problem(code, self.display, pos.line, pos.column, params=params))

    def _fatal(self, code: str, pos: Pos, **params) -> None:
        self._error(code, pos, **params)
        self.fatal = True

    def stream(self) -> None:
        documents = 0
        for event in self.events:
            if type(event) is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._fatal("yaml-many-documents", _pos(event))
            elif type(event) in _NODES:
                self.root = self.node(event, (), 0)

    def _properties(self, event, pos: Pos) -> None:
        """Anchors and tags: refused (aliases would hide a value, tags change its type)."""
        if event.anchor:
            self._fatal("yaml-anchor", pos, name=event.anchor)
        if event.tag and event.tag not in ("!", _STR) and not (type(event) is not _SCALAR and event.implicit):
            self._fatal("yaml-tag", pos, tag=event.tag)

    def node(self, event, path: Path_, depth: int) -> object:
        """The value that starts with `event` (its children read from the stream)."""
        mark = event.start_mark
        pos = self.positions[path] = _new_tuple(Pos, (mark.line + 1, mark.column + 1))
        kind = type(event)
        if kind is _ALIAS:
            self._fatal("yaml-alias", pos, name=event.anchor)
            return None
        if event.anchor or event.tag:
            self._properties(event, pos)
        if kind is _SCALAR:
            return self._scalar(event, pos, path)
        if depth >= MAX_DEPTH:
            raise yaml.MarkedYAMLError(problem=f"nested more than {MAX_DEPTH} levels deep", problem_mark=mark)
        return self.mapping(path, depth + 1) if kind is _MAPPING else self.sequence(path, depth + 1)

    def sequence(self, path: Path_, depth: int) -> list:
        items: list = []
        for event in self.events:
            if type(event) is yaml.SequenceEndEvent:
                return items
            items.append(self.node(event, path + (len(items),), depth))
        return items

    def mapping(self, path: Path_, depth: int) -> dict:
        values: dict = {}
        events = self.events
        for event in events:
            kind = type(event)
            if kind is yaml.MappingEndEvent:
                return values
            if kind is _SCALAR:
                if event.anchor or event.tag:
                    self._properties(event, _pos(event))
                key = event.value  # keys are always text: `yes:` and `2016:` are names here
                if not key.isascii():
                    key = self._text(key, _pos(event), path + (key,), event.style) or key
            elif kind is _ALIAS:
                self._fatal("yaml-alias", _pos(event), name=event.anchor)
                key = f"*{event.anchor}"
            else:  # a mapping or sequence as a key: read it (for its own problems), then drop the pair
                self._fatal("yaml-complex-key", _pos(event))
                self.node(event, ("?",), depth)
                self.node(next(events), ("?", "?"), depth)
                continue
            if key in values:
                self._error("yaml-duplicate-key", _pos(event), key=key)
            value = self.node(next(events), path + (key,), depth)
            values.setdefault(key, value)
        return values

    def _text(self, text: str, pos: Pos, path: Path_, style) -> str | None:
        """Text as every output gets it: NFC, without invisible characters, None when only blanks."""
        if bad := _INVISIBLE.search(text):
            column = pos.column + bad.start() if not style and "\n" not in text[:bad.start()] else pos.column
            field_name = next((p for p in reversed(path) if isinstance(p, str)), None)
            self.problems.append(Problem("text-invisible", self.display, pos.line, column, field_name,
                                         {"char": char_name(bad.group())}))
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        return None if blank(text) else text

    def _scalar(self, event, pos: Pos, path: Path_) -> object:
        text = event.value
        if not text.isascii() or (event.style and not (text.isprintable() and text.strip())):
            text = self._text(text, pos, path, event.style)  # escapes ("\e", "\u202e") can write anything
            if text is None:
                return None
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
        if _FLOAT.fullmatch(text) or _GROUPED.fullmatch(text):
            number = float(text) if not _INT.fullmatch(text.replace("_", "")) else int(text.replace("_", ""))
            if isinstance(number, float) and not math.isfinite(number):  # 1e999
                self._error("yaml-special-float", pos, value=text)
                return None
            return number
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
