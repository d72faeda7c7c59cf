"""A value as read from YAML, made the type its schema field says, once, for every reader.

Frictionless accepts the text "12_000" as a number and "false" as a flag, but the row
would keep the text: the rules would skip it (a quoted amount escaped the check of a
trip's total), the model would read "false" as true, and the downloads would publish
`12_000` verbatim. So text where a number, flag or date is meant is refused here with
a hint to write it without quotes; numbers are stored as numbers (1e3 -> 1000); and a
SEK amount may not have more decimals than the schema's `x-decimals` (öre).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

TYPE_WORDS = {  # type -> sv, en, hint sv, hint en
    "date": ("ett datum", "a date", "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2016-11-21", "Write the date as YYYY-MM-DD, e.g. 2016-11-21"),
    "number": ("ett tal", "a number", "Skriv beloppet med siffror, punkt som decimaltecken och utan mellanslag, t.ex. 1234.50",
               "Write the amount in digits, with a point as decimal separator and no spaces, e.g. 1234.50"),
    "integer": ("ett heltal", "a whole number", "Skriv ett heltal med siffror, t.ex. 4", "Write a whole number in digits, e.g. 4"),
    "boolean": ("sant eller falskt", "true or false", "Skriv true eller false", "Write true or false"),
}
REFUSED_VALUES = frozenset({"quoted-value", "too-many-decimals", "number-too-large", "type"})  # later complaints about such a value only echo these
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DAY_FIRST = re.compile(r"([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})")  # 21/11/2016, 21.11.2016: Swedish order
_YEAR_FIRST = re.compile(r"([0-9]{4})[./-]?([0-9]{1,2})[./-]?([0-9]{1,2})")  # 2016/11/21, 2016-3-9, 20161121
_FLAGS = {"true": "true", "false": "false", "1": "true", "0": "false"}  # what Frictionless reads as a flag
_EXACT = 2 ** 53  # floats above it are not whole numbers any more


def typed(spec: dict, value, key: str) -> tuple[object, str | None, dict]:
    """(the value to store, a problem code or None, the problem's params) for a field of schema `spec`."""
    kind = spec.get("type")
    if kind not in TYPE_WORDS or value is None or isinstance(value, bool) and kind == "boolean":
        return value, None, {}
    if isinstance(value, str):
        code, params = _text_for(kind, value.strip(), value, key)
        # no reader gets an unreadable date, nor a NaN or infinity (Frictionless itself fails on "sNaN")
        return (None if code in ("type", "yaml-special-float") else value), code, params
    if kind in ("number", "integer") and isinstance(value, float) and value.is_integer() and abs(value) < _EXACT:
        value = int(value)  # 1e3 and 1000.0 are 1000 in every download
    if kind in ("number", "integer") and isinstance(value, int) and abs(value) >= _EXACT:
        return None, "number-too-large", {"value": str(value)}  # no output (SQLite, a float) holds it; rules could not add it
    places = spec.get("x-decimals")
    if places is not None and isinstance(value, float) and -(written := Decimal(repr(value))).as_tuple().exponent > places:
        rounded = written.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)  # as written, not as the float nearest it
        return value, "too-many-decimals", {"value": repr(value), "places": places, "rounded": str(rounded)}
    return value, None, {}


def _text_for(kind: str, text: str, value: str, key: str) -> tuple[str | None, dict]:
    """Text that is a valid number, flag or date when written without quotes: refused (else Frictionless reports it)."""
    bare = None
    if kind in ("number", "integer"):
        try:
            number = Decimal(text)  # as Frictionless reads it: "12_000", "1e3", and "sNaN", which broke it
        except InvalidOperation:
            return None, {}
        if not number.is_finite():
            return "yaml-special-float", {"value": value}
        whole = number == number.to_integral_value() and abs(number) < _EXACT
        bare = str(int(number)) if whole else repr(float(number))
    elif kind == "boolean":
        bare = _FLAGS.get(text.lower())
    elif kind == "date" and _ISO_DATE.fullmatch(text):
        try:
            bare = dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None, {}  # not in the calendar: reported as such
    elif kind == "date":  # Frictionless would read 2025-3-14 as a date and keep the text: every reader after it would trip
        words = TYPE_WORDS[kind]
        return "type", {"value": value, "type_sv": words[0], "type_en": words[1], "type_hint_sv": words[2],
                        "type_hint_en": words[3], "suggestion": meant(kind, value)}
    if bare is None:
        return None, {}
    words = TYPE_WORDS[kind]
    return "quoted-value", {"value": f'"{value}"', "bare": bare, "key": key, "type_sv": words[0], "type_en": words[1]}


def meant(kind: str | None, value) -> str | None:
    """The valid value a person most likely meant: 21/11/2016 -> 2016-11-21, 1 234,50 -> 1234.50."""
    text = str(value).strip()
    if kind == "date":
        day_first, year_first = _DAY_FIRST.fullmatch(text), _YEAR_FIRST.fullmatch(text)
        parts = (day_first.group(3, 2, 1) if day_first else year_first.groups() if year_first else None)
        try:
            return dt.date(*map(int, parts)).isoformat() if parts else None
        except ValueError:
            return None
    if kind in ("number", "integer"):
        cleaned = re.sub(r"(?i)\s|\u00a0|kr$|sek$|:-$", "", text)
        if "," in cleaned:  # a Swedish decimal comma; points before it group thousands
            cleaned = cleaned.replace(".", "").replace(",", ".", 1)
        if kind == "integer" and re.fullmatch(r"-?[0-9]+", cleaned) or kind == "number" and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cleaned):
            return cleaned if cleaned != text else None
    return None
