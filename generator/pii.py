"""Swedish personal identity and coordination numbers must never be published.

A personnummer is YYMMDD-NNNC or YYYYMMDDNNNC (the separator `-`, `+` for people
over 100, spaces, or none), with a Luhn check digit over the ten digits. A
coordination number (samordningsnummer) has 60 added to the day. Matching the check
digit and a plausible date keeps ordinary numbers such as diary numbers from being
flagged.

Numbers are looked for in disguise too: text is first folded so that full-width and
other Unicode digits become 0-9, any space (a no-break space ...) a plain one, any dash
a hyphen, and invisible format characters (zero-width ...) disappear. Each file's raw
text is searched, comments included (the data files are public in the repository),
and then every value as read, for what YAML escapes could hide.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from functools import cache
from typing import Iterable, Mapping

from generator.problems import Problem

# Birth date, then a separator that may be spaced or broken over lines (`811218 - 9876`, a line folded after the
# dash and indented), then the serial: the check digit and a plausible date keep other numbers out.
_CANDIDATE = re.compile(r"(?<![0-9])((?:19|20)?[0-9]{6})(\s{0,8}[-+]?\s{0,8})([0-9]{4})(?![0-9])")
_ASCII_DIGITS = re.compile(r"[0-9]{6}")


def luhn_ok(ten_digits: str) -> bool:
    total = 0
    for i, ch in enumerate(ten_digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def organisation_number(value) -> str | None:
    """A Swedish organisation number (NNNNNN-NNNN or ten digits, Luhn check digit) as ten digits; None if not one.

    Its third digit is 2 or more (no month), so it is never taken for a personal identity number.
    """
    match = re.fullmatch(r"([0-9]{6})-?([0-9]{4})", str(value).strip())
    digits = "".join(match.groups()) if match else ""
    return digits if digits and int(digits[2]) >= 2 and luhn_ok(digits) else None


def _plausible_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if day > 60:
        day -= 60  # coordination number
    return 1 <= month <= 12 and 1 <= day <= 31


@cache
def _folding() -> tuple[dict[int, str | None], frozenset[str]]:
    """str.translate table (Unicode digits -> 0-9, spaces -> ' ', dashes -> '-', format characters
    removed), and the characters it removes."""
    table: dict[int, str | None] = {}
    for code in itertools.chain(range(0x80, 0x10000), range(0x1D7CE, 0x1D800), range(0x1FBF0, 0x1FBFA),
                                range(0xE0000, 0xE0080)):
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Nd":
            table[code] = str(unicodedata.digit(char))
        elif category == "Cf":
            table[code] = None
        elif category == "Zs":
            table[code] = " "
        elif category == "Pd" or char in "\u2212\uff0b":
            table[code] = "+" if char == "\uff0b" else "-"
    return table, frozenset(chr(code) for code, to in table.items() if to is None)


def _fold(text: str) -> tuple[str, list[int]]:
    """The text folded, and the offsets (in `text`) of the characters it dropped."""
    if text.isascii():
        return text, []
    table, dropping = _folding()
    dropped = [i for i, char in enumerate(text) if char in dropping] if dropping.intersection(text) else []
    return text.translate(table), dropped


def find(text: str) -> list[tuple[int, str]]:
    """The personal identity or coordination numbers in a text: (offset in `text`, a key for the number)."""
    folded, dropped = _fold(text)
    if not _ASCII_DIGITS.search(folded):
        return []
    hits = []
    for match in _CANDIDATE.finditer(folded):
        date, _, tail = match.groups()
        if _plausible_date(date[-6:]) and luhn_ok(date[-6:] + tail):
            offset = match.start()
            for gone in dropped:  # back to the offset in the text as written
                if gone <= offset:
                    offset += 1
            hits.append((offset, hashlib.sha256((date[-6:] + tail).encode()).hexdigest()[:16]))
    return hits


WITHHELD = "(skyddad uppgift)"  # what stands where a protected person's name was


def withhold(text: str, names: Iterable[str]) -> str:
    """`text` with every protected person's name in it (`names`: as they were written), and each word of the
    name, replaced by WITHHELD: case, spacing and Unicode form aside; a surname alone names a person too."""
    words = {w for name in names for w in [name, *name.split()] if len(w.strip()) > 1}
    if not words or not text:
        return text
    alternatives = sorted((r"\s+".join(map(re.escape, unicodedata.normalize("NFC", w).split())) for w in words),
                          key=len, reverse=True)  # a whole name before its words
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
    return pattern.sub(WITHHELD, unicodedata.normalize("NFC", text))


def in_file(text: str, display: str, positions: Mapping | None) -> list[Problem]:
    """Numbers anywhere in a file's text, comments included (`positions`: where each value of the file starts, by
    its path, as the YAML reader found them; None when it could not read the file).

    In a comment the problem points at the number; in a value, at the value (in a
    block of text, at the start of the number's line), as for numbers in values.
    """
    problems = []
    for offset, key in find(text):
        line_start = text.rfind("\n", 0, offset) + 1
        line, column = text.count("\n", 0, offset) + 1, offset - line_start + 1
        before = text[line_start:offset]
        field, start = (None, None) if positions is None or before.lstrip().startswith("#") or " #" in before else \
            _value_at(positions, line, column)
        if start is not None:
            column = start.column if start.line == line else 1
        problems.append(Problem("personal-number", display, line, column, field, {"key": key}))
    return problems


def _value_at(positions: Mapping, line: int, column: int):
    """The field and position of the last value that starts before (line, column)."""
    before = [(pos, path) for path, pos in positions.items() if pos <= (line, column)]
    if not before:
        return None, None
    pos, path = max(before, key=lambda pair: pair[0])
    return next((p for p in reversed(path) if isinstance(p, str)), None), pos


def check(tables: Mapping[str, Iterable], found: Iterable[Problem]) -> list[Problem]:
    """Numbers in the values as read (the loader's rows, by resource) that the files' text did not show (written
    with YAML escapes), beside the problems `found` in the text already."""
    seen = {(p.file, p.params.get("key")) for p in found if p.code == "personal-number"}
    problems = []
    for rows in tables.values():
        for row in rows:
            for column, value in row.values.items():
                if not isinstance(value, str):
                    continue
                for offset, key in find(value):
                    if (row.file, key) in seen:
                        continue
                    line, column_no = row.where(column)
                    if "\n" in value:  # a block of text: its lines start below the key, indented
                        line, column_no = line + 1 + value.count("\n", 0, offset), 1
                    problems.append(Problem("personal-number", row.file, line, column_no, column, {"key": key}))
    return problems
