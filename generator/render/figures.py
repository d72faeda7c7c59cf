"""The numbers the site shows: spending per year, body, category and country, key figures.

Computed once from the dataset so that every chart and the table beside it show the
same numbers. Only costs paid by one of the municipality's bodies count as spending:
lines paid by an organiser or another outside party are shown on their record but
are not the city's money.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from generator.model import Agreement, Cost, Dataset, Membership, Trip


def _year_of(partial: str | None) -> int | None:
    """The year of an ISO date that may hold only a year or a month."""
    return int(str(partial)[:4]) if partial else None


def spent(costs: list[Cost]) -> float:
    return round(sum(c.amount_sek for c in costs if c.paid_by_us), 2)


def trip_country(trip: Trip) -> str | None:
    """The country a trip's costs are counted under: its first destination's."""
    return trip.destinations[0].country if trip.destinations else None


@dataclass
class Table:
    """Amounts by a key (body, category, country) and year, with totals both ways."""
    years: list[int]
    rows: dict[str, dict[int, float]]

    def total(self, key: str) -> float:
        return round(sum(self.rows[key].values()), 2)

    def year_total(self, year: int) -> float:
        return round(sum(row.get(year, 0.0) for row in self.rows.values()), 2)

    def keys_by_total(self) -> list[str]:
        return sorted(self.rows, key=lambda k: (-self.total(k), k))


def by(costs: list[Cost], key) -> Table:
    """Spending grouped by `key(cost)` (None leaves the cost out) and by year."""
    rows: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    years = set()
    for cost in costs:
        k = key(cost)
        if k is None or not cost.paid_by_us:
            continue
        rows[k][cost.year] += cost.amount_sek
        years.add(cost.year)
    clean = {k: {y: round(v, 2) for y, v in sorted(row.items())} for k, row in sorted(rows.items())}
    return Table(sorted(years), clean)


def by_category(costs: list[Cost]) -> Table:
    return by(costs, lambda c: c.category)


def by_body(dataset: Dataset) -> Table:
    return by(dataset.costs, lambda c: c.paid_by_body.id if c.paid_by_body else None)


def by_country(dataset: Dataset) -> Table:
    return by(dataset.costs, lambda c: trip_country(c.trip) if c.trip else None)


def by_kind(dataset: Dataset) -> Table:
    """Spending on trips, memberships and agreements."""
    return by(dataset.costs, lambda c: "trip" if c.trip else "membership" if c.membership else "agreement")


def membership_active(m: Membership, year: int) -> bool:
    start, end = _year_of(m.start_date), _year_of(m.end_date)
    return start is not None and start <= year and (end is None or end >= year) and (end is not None or m.status != "ended")


def agreement_active(a: Agreement, year: int) -> bool:
    """In force during `year`: started by then and not ended before; without an end only while active."""
    start = _year_of(a.start_date or a.signed_date)
    end = _year_of(a.end_date)
    if start is None or start > year:
        return False
    return end >= year if end is not None else a.status == "active"


@dataclass
class KeyFigures:
    year: int
    spent: float
    trips: int
    travellers: int
    memberships: int
    membership_fees: float
    agreements: int


def key_figures(dataset: Dataset, year: int) -> KeyFigures:
    trips = [t for t in dataset.trips.values() if t.year == year and t.status != "cancelled"]
    costs = [c for c in dataset.costs if c.year == year]
    return KeyFigures(
        year=year,
        spent=spent(costs),
        trips=len(trips),
        travellers=len({p.person.id for t in trips for p in t.participants}),
        memberships=sum(membership_active(m, year) for m in dataset.memberships.values()),
        membership_fees=spent([c for c in costs if c.category == "membership_fee"]),
        agreements=sum(agreement_active(a, year) for a in dataset.agreements.values()),
    )


def latest_full_year(dataset: Dataset, as_of: dt.date | None) -> int:
    """The last year that has ended by `as_of` (the data's last change), never the clock."""
    if as_of is None:
        as_of = max((t.end_date for t in dataset.trips.values()), default=dt.date(2000, 1, 1))
    return as_of.year - 1


def latest_trips(dataset: Dataset, count: int = 5) -> list[Trip]:
    return sorted(dataset.trips.values(), key=lambda t: (t.start_date, t.id), reverse=True)[:count]
