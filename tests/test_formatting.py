"""Swedish and English display formats: exact strings, since readers and screen readers see them as is."""

import datetime as dt
from decimal import Decimal

import pytest

from generator.render.formatting import (currency_name, format_date, format_date_range, format_number,
                                         format_percent_change, format_sek)

NB = "\u00a0"
MINUS = "\u2212"


@pytest.mark.parametrize("amount, sv, en", [
    (12345, f"12{NB}345{NB}kr", f"SEK{NB}12,345"),
    (12345.0, f"12{NB}345{NB}kr", f"SEK{NB}12,345"),
    (1234.5, f"1{NB}234,50{NB}kr", f"SEK{NB}1,234.50"),
    (Decimal("1234.567"), f"1{NB}234,57{NB}kr", f"SEK{NB}1,234.57"),
    (-12345, f"{MINUS}12{NB}345{NB}kr", f"SEK{NB}{MINUS}12,345"),
    (0, f"0{NB}kr", f"SEK{NB}0"),
    (-0.001, f"0{NB}kr", f"SEK{NB}0"),  # never "−0"
    (999, f"999{NB}kr", f"SEK{NB}999"),
    (1000, f"1{NB}000{NB}kr", f"SEK{NB}1,000"),
    (999.995, f"1{NB}000{NB}kr", f"SEK{NB}1,000"),  # half up, then whole
    (0.125, f"0,13{NB}kr", f"SEK{NB}0.13"),  # half up, not to even
    (10**12, f"1{NB}000{NB}000{NB}000{NB}000{NB}kr", f"SEK{NB}1,000,000,000,000"),
])
def test_format_sek(amount, sv, en):
    assert format_sek(amount) == sv
    assert format_sek(amount, "en") == en


@pytest.mark.parametrize("args, expected", [
    ((12345,), f"12{NB}345"),
    ((1.5, "sv", 1), "1,5"),
    ((1.45, "sv", 1), "1,5"),
    ((2.5,), "3"),
    ((-2.5,), f"{MINUS}3"),
    ((1234567.891, "en", 2), "1,234,567.89"),
    ((0.4, "sv", 0), "0"),
    ((-0.4, "sv", 0), "0"),
    ((123,), "123"),
])
def test_format_number(args, expected):
    assert format_number(*args) == expected


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN")])
def test_non_finite_numbers_are_refused(bad):
    with pytest.raises(ValueError):
        format_number(bad)


@pytest.mark.parametrize("value, sv, en", [
    (dt.date(2016, 11, 21), "21 november 2016", "21 November 2016"),
    (dt.datetime(2016, 5, 1, 12, 30), "1 maj 2016", "1 May 2016"),
    ("2016-11-21", "21 november 2016", "21 November 2016"),
    ("2016-11-21T09:00:00", "21 november 2016", "21 November 2016"),
    ("2016-11", "november 2016", "November 2016"),
    ("2003-03", "mars 2003", "March 2003"),
    ("1997", "1997", "1997"),
])
def test_format_date(value, sv, en):
    assert format_date(value) == sv
    assert format_date(value, "en") == en


@pytest.mark.parametrize("bad", ["2016-13", "2016-02-30", "nov 2016", ""])
def test_bad_dates_are_refused(bad):
    with pytest.raises(ValueError):
        format_date(bad)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        format_date("2016-11-21", "de")


@pytest.mark.parametrize("start, end, sv, en", [
    ("2016-11-21", "2016-11-22", "21–22 november 2016", "21–22 November 2016"),
    ("2016-11-30", "2016-12-02", "30 november – 2 december 2016", "30 November – 2 December 2016"),
    ("2016-12-30", "2017-01-02", "30 december 2016 – 2 januari 2017", "30 December 2016 – 2 January 2017"),
    ("2016-11-21", "2016-11-21", "21 november 2016", "21 November 2016"),
    ("2016-11-21", None, "21 november 2016", "21 November 2016"),
    (dt.date(2016, 11, 21), dt.date(2016, 11, 22), "21–22 november 2016", "21–22 November 2016"),
    ("2016-11", "2017", "november 2016 – 2017", "November 2016 – 2017"),
])
def test_format_date_range(start, end, sv, en):
    assert format_date_range(start, end) == sv
    assert format_date_range(start, end, "en") == en


def test_a_range_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        format_date_range("2016-11-22", "2016-11-21")


@pytest.mark.parametrize("old, new, sv, en", [
    (100, 112, f"+12{NB}%", "+12%"),
    (100, 95, f"{MINUS}5{NB}%", f"{MINUS}5%"),
    (100, 100, f"0{NB}%", "0%"),
    (100, 99.6, f"0{NB}%", "0%"),  # rounds to zero: no sign
    (200, 201, f"+1{NB}%", "+1%"),  # 0.5 rounds up
    (100, 2000, f"+1{NB}900{NB}%", "+1,900%"),
    (-100, -50, f"+50{NB}%", "+50%"),  # relative to the size of the old value
    (0, 5, "–", "–"),
    (None, 5, "–", "–"),
    (5, None, "–", "–"),
])
def test_format_percent_change(old, new, sv, en):
    assert format_percent_change(old, new) == sv
    assert format_percent_change(old, new, "en") == en


def test_usable_as_jinja_filters():
    from jinja2 import Environment

    env = Environment()
    env.filters.update(sek=format_sek, date=format_date, daterange=format_date_range)
    out = env.from_string("{{ a|sek }} {{ d|date('en') }} {{ s|daterange(e) }}").render(
        a=1500, d="2016-11", s="2016-11-21", e="2016-11-22")
    assert out == f"1{NB}500{NB}kr November 2016 21–22 november 2016"


@pytest.mark.parametrize("code, count, sv, en", [
    ("EUR", None, "euro", "Euro"),
    ("EUR", 2300, "euro", "euros"),
    ("USD", 1, "amerikansk dollar", "US dollar"),
    ("USD", 2.5, "amerikanska dollar", "US dollars"),
    ("GBP", 120, "brittiska pund", "British pounds"),
    ("DKK", 1, "dansk krona", "Danish krone"),
    ("QQQ", 5, "QQQ", "QQQ"),  # no name in CLDR: the code, never an empty cell
    (None, None, "–", "–"),
])
def test_currency_name_from_cldr(code, count, sv, en):
    assert currency_name(code, count=count) == sv
    assert currency_name(code, "en", count) == en
