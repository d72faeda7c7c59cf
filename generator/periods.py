"""Reporting periods: calendar years, half-years or quarters, written `2025`, `2025-H1`, `2025-Q3`.

Bodies report completeness per period (`completeness.yaml`); how long a period is,
`datapackage.yaml` says once for all (`Settings.completeness_period`). The rules,
the model and the pages all place a date in a period through this module.
"""

from __future__ import annotations

import datetime as dt
import re

KINDS = ("year", "half", "quarter")
DEFAULT_KIND = "year"
_FORMS = {"year": re.compile(r"[0-9]{4}"), "half": re.compile(r"[0-9]{4}-H[12]"), "quarter": re.compile(r"[0-9]{4}-Q[1-4]")}
EXAMPLES = {"year": "2025", "half": "2025-H1", "quarter": "2025-Q3"}


def matches(period: str, kind: str) -> bool:
    return isinstance(period, str) and bool(_FORMS[kind].fullmatch(period))


def period_of(day: dt.date, kind: str) -> str:
    if kind == "half":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if kind == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def periods_of_year(year: int, kind: str) -> list[str]:
    if kind == "half":
        return [f"{year}-H1", f"{year}-H2"]
    if kind == "quarter":
        return [f"{year}-Q{q}" for q in range(1, 5)]
    return [str(year)]


def start_of(period: str) -> dt.date:
    """The first day of a period written as `matches` accepts it."""
    part = period[5:]
    month = 1 if not part else 1 + 6 * (int(part[1]) - 1) if part[0] == "H" else 1 + 3 * (int(part[1]) - 1)
    return dt.date(int(period[:4]), month, 1)


def year_of(period: str) -> int:
    return int(period[:4])
