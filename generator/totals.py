"""Every figure the site shows, as rows: the totals table of the downloads (`totals.csv` and the other formats).

A reader who recomputes the site's numbers from the files needs them with what they cover:
a plain SUM over `costs.csv` reads an unreported year as 0 kr. So each figure the pages show
of costs, trips, fees and emissions is a row here, made from the figure objects the pages
are made from (`figures`: the tables of `MunicipalityFigures`, `year_figures`, `rates`,
`co2e`), with its value (None when unknown), its preliminary part and its parts (how many
bodies reported of how many). Per municipality or body, never across municipalities.
`tests/test_totals_on_site.py` reads every figure of the built pages back from this table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator import figures
from generator.figures import Figure, Parts
from generator.model import Body, Dataset, Municipality

MONEY = frozenset({"costs", "trip_costs", "membership_costs", "agreement_costs", "category_costs",
                   "country_trip_costs", "costs_responsible", "costs_paid", "membership_fees", "counted_trip_costs",
                   "sek_per_traveller", "sek_per_traveller_day", "sek_per_inhabitant"})
"""Measures in kronor: only they have a preliminary part."""

ALL_BODIES = "all"  # the body part of the id of a figure of all the municipality's bodies


@dataclass(frozen=True)
class Total:
    municipality: str
    body: str | None  # None: all the municipality's bodies
    period: str  # `2025`, or `2016/2025` for a sum over the years between
    measure: str
    group: str | None  # a category or a country; None: not broken down
    figure: Figure
    uncounted: int | None = None  # trips left out of a rate or an emission sum

    @property
    def id(self) -> str:
        return "/".join([self.municipality, self.body or ALL_BODIES, self.period, self.measure]
                        + ([self.group] if self.group else []))

    def row(self) -> dict:
        """The row as the downloads carry it (`schemas/totals.json`)."""
        f, money = self.figure, self.measure in MONEY
        parts = f.parts
        return {"id": self.id, "municipality_id": self.municipality, "body_id": self.body, "period": self.period,
                "measure": self.measure, "breakdown": self.group, "value": f.value,
                "complete_value": f.value if f.known and not f.partial else None,
                "preliminary_value": f.preliminary if money and f.known else None,
                "preliminary": bool(money and f.known and f.preliminary), "partial": f.partial,
                "parts_reported": len(parts.reported) if parts.total else None,
                "parts_total": len(parts.total) if parts.total else None,
                "parts_unit": _unit(parts), "uncounted_trips": self.uncounted}


def _unit(parts: Parts) -> str | None:
    """What `Parts.text` calls the parts: organ, organår (a sum over several years) or medlemskap."""
    if not parts.total:
        return None
    if parts.unit == "membership":
        return "membership"
    return "body_year" if len({y for _, y in parts.total}) > 1 else "body"


def period(years: list[int]) -> str:
    """A sum over `years` as the table names it: the first and the last, both included."""
    return str(years[0]) if len(years) == 1 else f"{min(years)}/{max(years)}"


Key = Callable[[str], tuple[str, str | None, str | None]]  # a table's key -> (measure, group, body)


def _table(m: Municipality, table: figures.Table, key: Key, foot: tuple[str, str | None, str | None]) -> Iterator[Total]:
    """A table of figures as the pages show it (`views.amount_table`): each cell, each key's total over the years,
    each year's total over the keys and the grand total."""
    if not table.years:
        return
    span = period(table.years)
    for k in table.keys:
        measure, group, body = key(k)
        for y in table.years:
            yield Total(m.id, body, str(y), measure, group, table.cell(k, y))
        yield Total(m.id, body, span, measure, group, table.total(k))
    measure, group, body = foot
    for y in table.years:
        yield Total(m.id, body, str(y), measure, group, table.year_total(y))
    yield Total(m.id, body, span, measure, group, table.grand_total())


def _year(dataset: Dataset, m: Municipality, year: int, as_of: dt.date | None) -> Iterator[Total]:
    """A municipality's figures of a year (the start page's key figures, the comparison, the trips per year)."""
    y = figures.year_figures(dataset, m, year, as_of)
    r, key, when = y.rates, y.key, str(year)
    yield from (Total(m.id, None, when, measure, None, f) for measure, f in (
        ("costs", key.spent), ("trips", key.trips), ("travellers", key.travellers),
        ("memberships", Figure(key.memberships)), ("membership_fees", key.membership_fees),
        ("agreements", Figure(key.agreements)), ("sek_per_inhabitant", y.per_inhabitant)))
    yield from _rates(m, None, when, r)
    yield Total(m.id, None, when, "co2e_kg", None, y.climate.figure, y.climate.uncounted)


def _rates(m: Municipality, body: str | None, when: str, r: figures.Rates) -> Iterator[Total]:
    """What trips cost per traveller and day (`figures.rates`), with the trips that could not be counted; the counts
    are of the counted trips, whole as the pages show them, the amounts cover what the cost covers."""
    left = r.trips - r.counted
    for measure, f in (("counted_trips", Figure(r.counted)), ("counted_trip_costs", r.cost),
                       ("counted_travellers", Figure(r.travellers)), ("traveller_days", Figure(r.traveller_days)),
                       ("sek_per_traveller", r.per_traveller), ("sek_per_traveller_day", r.per_traveller_day)):
        yield Total(m.id, body, when, measure, None, f, left)


def _body(b: Body, kind: str, trip_years: list[int]) -> Iterator[Total]:
    """A body's figures: what it paid per category (its page), in all (the list of bodies), its trips' rates and
    emissions per year (the cost page per traveller, the climate page)."""
    m = b.municipality
    paid = figures.by(b.costs_paid, lambda c: c.category, lambda _k, y: figures.reported(b, y, kind))
    yield from _table(m, paid, lambda k: ("costs_paid", k, b.id), ("costs_paid", None, b.id))
    years = figures.body_years(b)
    if years:
        yield Total(m.id, b.id, period(years), "costs_paid", None, figures.body_paid(b, kind))
    for year in sorted({t.year for t in b.trips if t.status != "cancelled"}):
        yield from _rates(m, b.id, str(year), figures.rates((t for t in b.trips if t.year == year),
                                                            figures.body_parts(b, year, kind)))
    if b.trips:
        parts = {y: figures.body_parts(b, y, kind) for y in trip_years}
        for y in trip_years:
            e = figures.co2e([t for t in b.trips if t.year == y], parts[y])
            yield Total(m.id, b.id, str(y), "co2e_kg", None, e.figure, e.uncounted)
        e = figures.co2e([t for t in b.trips if t.year in parts], sum(parts.values(), figures.WHOLE))
        yield Total(m.id, b.id, period(trip_years), "co2e_kg", None, e.figure, e.uncounted)


def totals(dataset: Dataset, as_of: dt.date | None) -> list[Total]:
    """Every figure the pages show, once each (a figure two pages show is one row), in the order made."""
    latest = figures.latest_full_year(dataset, as_of)
    trip_years = sorted({t.year for t in dataset.trips.values()})
    found: dict[str, Total] = {}
    for mf in figures.per_municipality(dataset, as_of):
        m, trips = mf.municipality, mf.trips()
        made = [
            _table(m, mf.by_kind(), lambda k: (f"{k}_costs", None, None), ("costs", None, None)),
            _table(m, mf.by_category(), lambda k: ("category_costs", k, None), ("costs", None, None)),
            _table(m, mf.by_country(), lambda k: ("country_trip_costs", k, None), ("country_trip_costs", None, None)),
            _table(m, trips, lambda k: ("trip_costs", None, None), ("trip_costs", None, None)),
            _table(m, mf.by_responsible_body(), lambda k: ("costs_responsible", None, k), ("costs", None, None)),
            _table(m, mf.by_paying_body(), lambda k: ("costs_paid", None, k), ("costs_paid", None, None)),
        ]
        for year in sorted(set(mf.years) | set(trip_years) | {latest - 1, latest}):
            made.append(_year(dataset, m, year, as_of))
            if year in trip_years:
                made.append(iter([Total(m.id, None, str(year), "trip_costs", None, trips.cell("trips", year))]))
        made += [_body(b, dataset.period_kind, trip_years) for b in sorted(m.bodies, key=lambda b: b.id)]
        for total in (t for each in made for t in each):
            found.setdefault(total.id, total)
    return list(found.values())
