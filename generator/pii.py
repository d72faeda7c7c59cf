"""Swedish personal identity and coordination numbers must never be published.

A personnummer is YYMMDD-NNNC or YYYYMMDDNNNC (the separator `-`, `+` for people
over 100, or none), with a Luhn check digit over the ten digits. A coordination
number (samordningsnummer) has 60 added to the day. Matching the check digit and a
plausible date keeps ordinary numbers such as diary numbers from being flagged.
"""

from __future__ import annotations

import re

from generator.loader import Loaded
from generator.problems import Problem

_CANDIDATE = re.compile(r"(?<![0-9])((?:19|20)?[0-9]{6})([-+]?)([0-9]{4})(?![0-9])")


def luhn_ok(ten_digits: str) -> bool:
    total = 0
    for i, ch in enumerate(ten_digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _plausible_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if day > 60:
        day -= 60  # coordination number
    return 1 <= month <= 12 and 1 <= day <= 31


def find(text: str) -> list[re.Match]:
    """The personal identity or coordination numbers in a text."""
    hits = []
    for match in _CANDIDATE.finditer(text):
        date, _, tail = match.groups()
        if _plausible_date(date[-6:]) and luhn_ok(date[-6:] + tail):
            hits.append(match)
    return hits


def check(loaded: Loaded) -> list[Problem]:
    problems = []
    for rows in loaded.tables.values():
        for row in rows:
            for column, value in row.values.items():
                if not isinstance(value, str):
                    continue
                for match in find(value):
                    line, column_no = row.where(column)
                    if "\n" in value:  # a block of text: its lines start below the key, indented
                        line, column_no = line + 1 + value.count("\n", 0, match.start()), 1
                    problems.append(Problem("personal-number", row.file, line, column_no, column))
    return problems
