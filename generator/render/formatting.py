"""Swedish (and English) display formatting for amounts, numbers and dates.

Written here rather than taken from Babel: the portal needs a handful of fixed
patterns, and a pinned, dependency-free version keeps builds identical everywhere.
The functions double as Jinja2 filters. Without a `lang` they format for the language
being rendered (`i18n.current`).
"""
from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel import Locale
from babel.numbers import get_currency_name

from generator.i18n import current

NBSP = "\u00a0"
MINUS = "\u2212"  # a real minus sign: a hyphen reads as a dash and can break a line
EN_DASH = "\u2013"
NO_VALUE = EN_DASH
NOT_REPORTED = {"sv": "uppgift saknas", "en": "not reported"}
"""What an unknown amount reads as: never a zero, never a dash that could be read as nothing."""

MONTHS = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
# (thousands separator, decimal mark)
SEPARATORS = {"sv": (NBSP, ","), "en": (",", ".")}


def _lang(lang: str | None) -> str:
    """`lang`, or the language being rendered (`i18n.current`) when None."""
    lang = lang or current()
    if lang not in SEPARATORS:
        raise ValueError(f"unsupported language: {lang!r}")
    return lang


def _decimal(n: float | int | Decimal, decimals: int) -> Decimal:
    """Round half up (as people expect; Python's round() goes to even) via the shortest repr."""
    if isinstance(n, float) and not math.isfinite(n):
        raise ValueError(f"not a finite number: {n!r}")
    value = n if isinstance(n, Decimal) else Decimal(str(n))
    if not value.is_finite():
        raise ValueError(f"not a finite number: {n!r}")
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _digits(value: Decimal, decimals: int, lang: str) -> str:
    """Group the integer part in threes; the sign is a real minus and never `−0`."""
    group, mark = SEPARATORS[_lang(lang)]
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = group.join(groups) + (mark + frac if frac else "")
    return (MINUS if value < 0 else "") + text


def format_number(n: float | int | Decimal, lang: str | None = None, decimals: int = 0) -> str:
    """`12 345` / `1,5` in Swedish (no-break space groups), `12,345` / `1.5` in English."""
    return _digits(_decimal(n, decimals), decimals, lang)


def format_sek(amount: float | int | Decimal | None, lang: str | None = None) -> str:
    """`12 345 kr` (`1 234,50 kr` when öre are present); English `SEK 12,345`; None: `uppgift saknas`."""
    if amount is None:
        return NOT_REPORTED[_lang(lang)]
    value = _decimal(amount, 2)
    decimals = 0 if value == value.to_integral_value() else 2
    text = _digits(value, decimals, lang)
    return f"{text}{NBSP}kr" if _lang(lang) == "sv" else f"SEK{NBSP}{text}"


def _parse(d: dt.date | str) -> tuple[int, int | None, int | None]:
    """(year, month, day) from a date or an ISO string that may stop at the year or month."""
    if isinstance(d, dt.datetime):
        d = d.date()
    if isinstance(d, dt.date):
        return d.year, d.month, d.day
    text = str(d).strip()
    if len(text) == 4 and text.isdigit():
        return int(text), None, None
    if len(text) == 7 and text[4] == "-":
        month = dt.date.fromisoformat(text + "-01")  # validates the month
        return month.year, month.month, None
    day = dt.date.fromisoformat(text[:10])
    return day.year, day.month, day.day


def format_date(d: dt.date | str, lang: str | None = None) -> str:
    """`21 november 2016`, `november 2016` or `1997`: only as precise as the data."""
    year, month, day = _parse(d)
    if month is None:
        return str(year)
    name = MONTHS[_lang(lang)][month - 1]
    return f"{name} {year}" if day is None else f"{day} {name} {year}"


def format_date_range(start: dt.date | str, end: dt.date | str | None, lang: str | None = None) -> str:
    """`21–22 november 2016`, `30 november – 2 december 2016`; repeats only what differs."""
    first = _parse(start)
    last = _parse(end) if end else first
    if last == first:
        return format_date(start, lang)
    if None in first or None in last:  # partial dates: no shared parts to fold
        return f"{format_date(start, lang)} {EN_DASH} {format_date(end, lang)}"
    if last < first:
        raise ValueError(f"date range ends before it starts: {start} – {end}")
    (y1, m1, d1), (y2, m2, d2) = first, last
    months = MONTHS[_lang(lang)]
    if (y1, m1) == (y2, m2):
        return f"{d1}{EN_DASH}{d2} {months[m1 - 1]} {y1}"
    if y1 == y2:
        return f"{d1} {months[m1 - 1]} {EN_DASH} {d2} {months[m2 - 1]} {y1}"
    return f"{format_date(start, lang)} {EN_DASH} {format_date(end, lang)}"


def format_percent_change(old: float | int | None, new: float | int | None, lang: str | None = None) -> str:
    """`+12 %` / `−5 %` (English `+12%`); `–` when there is nothing to compare with."""
    if old is None or new is None or old == 0:
        return NO_VALUE
    value = _decimal((Decimal(str(new)) - Decimal(str(old))) / abs(Decimal(str(old))) * 100, 0)
    sign = "+" if value > 0 else ""
    return f"{sign}{format_number(value, lang)}{NBSP if _lang(lang) == 'sv' else ''}%"


@cache
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse(lang).territories)


def country_name(code: str | None, lang: str | None = None) -> str:
    """`FR` as a reader says it, `Frankrike` (CLDR, through Babel); the code itself where CLDR has no name."""
    if not code:
        return NO_VALUE
    return _territories(_lang(lang)).get(code, code)


def currency_name(code: str | None, lang: str | None = None, count: float | None = None) -> str:
    """`EUR` as a reader says it, `euro`; `USD` `amerikansk dollar`, `amerikanska dollar` when `count` is more than
    one (CLDR, through Babel); English `US dollars`; the code itself where CLDR has no name."""
    if not code:
        return NO_VALUE
    return get_currency_name(code, count, locale=_lang(lang))
