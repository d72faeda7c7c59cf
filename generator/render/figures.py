"""The numbers the site shows: spending per municipality, year, body, category and country; key figures.

Computed once from the dataset so that every chart and the table beside it show the
same numbers. Only costs paid by one of the municipality's bodies count as spending:
lines paid by an organiser or another outside party are shown on their record but
are not the city's money.

Three rules keep the numbers honest:

- Per municipality first: nothing is added across municipalities.
- Unknown is never zero. A figure with no cost lines behind it is a known zero only
  when every body it could come from has reported the year (`completeness`): the
  body itself for a body's figure, every body of the municipality otherwise. Else it
  is unknown (`Figure.value` None) and shows as "uppgift saknas". A total of figures
  is the sum of the known ones, unknown only when all of them are.
- Every figure says what it covers: its municipality's `Coverage` of the year, and
  how much of it is preliminary.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator import periods
from generator.model import Agreement, Body, Cost, Dataset, Membership, Municipality, Trip
from generator.i18n import t as _


def _year_of(partial: str | None) -> int | None:
    """The year of an ISO date that may hold only a year or a month."""
    return int(str(partial)[:4]) if partial else None


@dataclass(frozen=True)
class Figure:
    """An amount the municipality paid: None when unknown; `preliminary` is the part that may still change."""
    value: float | None
    preliminary: float = 0.0

    @property
    def known(self) -> bool:
        return self.value is not None


UNKNOWN = Figure(None)


def figure(costs: Iterable[Cost], known_zero: bool) -> Figure:
    """What `costs` add up to for the municipality; with no lines, zero only when `known_zero`."""
    costs = list(costs)
    if not costs and not known_zero:
        return UNKNOWN
    ours = [c for c in costs if c.paid_by_us]
    return Figure(round(sum(c.amount_sek for c in ours), 2), round(sum(c.amount_sek for c in ours if c.preliminary), 2))


def add(figures: Iterable[Figure]) -> Figure:
    """The sum of the known figures; unknown when none is known."""
    known = [f for f in figures if f.known]
    if not known:
        return UNKNOWN
    return Figure(round(sum(f.value for f in known), 2), round(sum(f.preliminary for f in known), 2))


def trip_figure(trip: Trip) -> Figure:
    """A trip's cost for the municipality (`Trip.total_sek`), with its preliminary part."""
    return Figure(trip.total_sek, round(sum(c.amount_sek for c in trip.costs if c.preliminary and c.paid_by_us), 2))


def share(amount: Figure, divisor: int | None) -> Figure:
    """An amount shared out (per traveller, per day), to the öre: unknown when the amount or the divisor is."""
    if not amount.known or not divisor:
        return UNKNOWN
    return Figure(round(amount.value / divisor, 2), round(amount.preliminary / divisor, 2))


@dataclass(frozen=True)
class Rates:
    """What trips cost the municipality per traveller, per day and per traveller and day.

    A traveller is a participant of the trip's own municipality (`Trip.travellers`); a day is
    a calendar day from the start to the end, both counted (`Trip.days`). Over several trips
    only those whose cost and travellers are both known count (`counted` of `trips`), so an
    unknown cost never lowers an average; cancelled trips are left out.
    """
    trips: int
    counted: int
    cost: Figure
    travellers: int | None
    days: int | None
    traveller_days: int | None

    @property
    def per_traveller(self) -> Figure:
        return share(self.cost, self.travellers)

    @property
    def per_day(self) -> Figure:
        return share(self.cost, self.days)

    @property
    def per_traveller_day(self) -> Figure:
        return share(self.cost, self.traveller_days)


def trip_rates(trip: Trip) -> Rates:
    """One trip's rates (`sek_per_traveller_computed` and its neighbours in trips.csv)."""
    cost, travellers = trip_figure(trip), trip.traveller_count
    return Rates(1, int(cost.known and travellers is not None), cost, travellers, trip.days,
                 travellers * trip.days if travellers else None)


def rates(trips: Iterable[Trip]) -> Rates:
    """The rates of a set of trips: the counted trips' costs added, divided by their travellers (and days)."""
    taken = [t for t in trips if t.status != "cancelled"]
    counted = [t for t in taken if t.total_sek is not None and t.traveller_count]
    return Rates(len(taken), len(counted), add(trip_figure(t) for t in counted),
                 sum(t.traveller_count for t in counted) or None, sum(t.days for t in counted) or None,
                 sum(t.traveller_count * t.days for t in counted) or None)


def fees_paid(m: Membership) -> Figure:
    """A membership's fees over all years: its fee lines, 0 when stated free, else unknown."""
    return figure([c for c in m.costs if c.category == "membership_fee"], m.free)


def spent(costs: list[Cost]) -> float:
    return round(sum(c.amount_sek for c in costs if c.paid_by_us), 2)


def trip_country(trip: Trip) -> str | None:
    """The country a trip's costs are counted under: its first destination's."""
    return trip.destinations[0].country if trip.destinations else None


# --- completeness

def reported(body: Body, year: int, kind: str) -> bool:
    """True when the body has reported every period of `year` (complete, preliminary or nothing to report)."""
    return all(p in body.completeness for p in periods.periods_of_year(year, kind))


def preliminary_report(body: Body, year: int, kind: str) -> bool:
    return any(body.completeness.get(p) and body.completeness[p].status == "preliminary"
               for p in periods.periods_of_year(year, kind))


@dataclass(frozen=True)
class Coverage:
    """How many of a municipality's bodies have reported a year: what its totals cover."""
    municipality: Municipality
    year: int
    reported: int
    total: int
    preliminary: int  # of those that reported the whole year, how many in part preliminarily

    @property
    def complete(self) -> bool:
        return self.reported == self.total

    @property
    def fraction(self) -> str:
        return _("{reported} av {total}", reported=self.reported, total=self.total)

    @property
    def text(self) -> str:
        more = _(", {n} av dem preliminärt", n=self.preliminary) if self.preliminary else ""
        return _("{fraction} organ har rapporterat för {year}", fraction=self.fraction, year=self.year) + more


def coverage(municipality: Municipality, year: int, kind: str) -> Coverage:
    bodies = municipality.bodies
    done = [b for b in bodies if reported(b, year, kind)]
    return Coverage(municipality, year, len(done), len(bodies), sum(preliminary_report(b, year, kind) for b in done))


def data_years(dataset: Dataset, as_of: dt.date | None) -> tuple[int, int]:
    """The years the data speaks of: from its first cost or report to the year of its last change."""
    return dataset.years(as_of)


def data_days(dataset: Dataset) -> list[dt.date]:
    return dataset.days()


# --- tables of figures

@dataclass
class Table:
    """Figures by a key (body, category, country, kind) and year, with totals both ways."""
    years: list[int]
    keys: list[str]
    costs: dict[tuple[str, int], list[Cost]]
    known_zero: Callable[[str, int], bool]  # whether a cell without cost lines is a known zero

    def __post_init__(self):
        self._cells: dict[tuple[str, int], Figure] = {}

    def cell(self, key: str, year: int) -> Figure:
        """One key's figure of a year (computed once: totals, charts and tables all ask)."""
        found = self._cells.get((key, year))
        if found is None:
            found = self._cells[(key, year)] = figure(self.costs.get((key, year), ()), self.known_zero(key, year))
        return found

    def total(self, key: str) -> Figure:
        return self._sum([(key, y) for y in self.years])

    def year_total(self, year: int) -> Figure:
        return self._sum([(k, year) for k in self.keys])

    def grand_total(self) -> Figure:
        return self._sum([(k, y) for k in self.keys for y in self.years])

    def _sum(self, cells: list[tuple[str, int]]) -> Figure:
        """The known cells added up, as a cell is: with no cost line among them, zero only when every one is
        a known zero (a body that reported nothing beside bodies that did not report adds up to unknown)."""
        if not any(self.costs.get(c) for c in cells) and not all(self.known_zero(*c) for c in cells):
            return UNKNOWN
        return add(self.cell(*c) for c in cells)

    def keys_by_total(self) -> list[str]:
        return sorted(self.keys, key=lambda k: (-(self.total(k).value or 0.0), k))

    @property
    def preliminary(self) -> bool:
        return any(c.preliminary and c.paid_by_us for cs in self.costs.values() for c in cs)


def by(costs: Iterable[Cost], key: Callable[[Cost], str | None], known_zero: Callable[[str, int], bool],
       keys: Iterable[str] = (), years: Iterable[int] = ()) -> Table:
    """Costs grouped by `key(cost)` (None leaves the cost out) and year; `keys` and `years` are shown even when empty."""
    cells: dict[tuple[str, int], list[Cost]] = defaultdict(list)
    all_keys, all_years = set(keys), set(years)
    for cost in costs:
        k = key(cost)
        if k is None:
            continue
        cells[(k, cost.year)].append(cost)
        all_keys.add(k)
        all_years.add(cost.year)
    return Table(sorted(all_years), sorted(all_keys), dict(cells), known_zero)


@dataclass
class MunicipalityFigures:
    """Everything the cost pages show for one municipality."""
    municipality: Municipality
    kind: str  # reporting period kind
    costs: list[Cost]  # the costs of its trips, memberships and agreements
    years: list[int]

    def coverage(self, year: int) -> Coverage:
        return coverage(self.municipality, year, self.kind)

    def _all_reported(self, _key: str, year: int) -> bool:
        return self.coverage(year).complete

    def _body_reported(self, body_id: str, year: int) -> bool:
        return any(b.id == body_id and reported(b, year, self.kind) for b in self.municipality.bodies)

    def by_kind(self) -> Table:
        return by(self.costs, cost_kind, self._all_reported, years=self.years)

    def by_category(self) -> Table:
        return by(self.costs, lambda c: c.category, self._all_reported, years=self.years)

    def by_country(self) -> Table:
        return by(self.costs, lambda c: trip_country(c.trip) if c.trip else None, self._all_reported, years=self.years)

    def trips(self) -> Table:
        """Trip costs per year (one key, "trips")."""
        return by([c for c in self.costs if c.trip], lambda c: "trips", self._all_reported, ["trips"], self.years)

    def by_responsible_body(self) -> Table:
        """Per body responsible for the trip, membership or agreement, whoever paid."""
        return by(self.costs, lambda c: c.responsible_body.id, self._body_reported,
                  [b.id for b in self.municipality.bodies], self.years)

    def by_paying_body(self) -> Table:
        """Per body that paid (lines paid by others are left out)."""
        paid = [c for b in self.municipality.bodies for c in b.costs_paid]
        return by(paid, lambda c: c.paid_by_body.id, self._body_reported, [b.id for b in self.municipality.bodies],
                  self.years)


def cost_kind(cost: Cost) -> str:
    return "trip" if cost.trip else "membership" if cost.membership else "agreement"


def per_municipality(dataset: Dataset, as_of: dt.date | None) -> list[MunicipalityFigures]:
    """One set of figures per municipality, in name order; years with costs or reports, up to the data's year."""
    first, last = data_years(dataset, as_of)
    result = []
    for m in sorted(dataset.municipalities.values(), key=lambda m: m.name):
        costs = [c for c in dataset.costs if c.municipality is m]
        years = {c.year for c in costs} | {periods.year_of(r.period) for b in m.bodies for r in b.completeness.values()}
        result.append(MunicipalityFigures(m, dataset.period_kind, costs, sorted(y for y in years if y <= last)))
    return result


# --- key figures

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


def membership_fees(memberships: Iterable[Membership], year: int, first: int, last: int) -> Figure:
    """The year's fees of `memberships` that ran that year: known fees added, unknown when none is known."""
    figures = []
    for m in memberships:
        if year in m.years(first, last):
            fee = m.fee_for(year)
            figures.append(Figure(fee, round(sum(c.amount_sek for c in m.fees(year) if c.preliminary), 2))
                           if fee is not None else UNKNOWN)
    return add(figures)


@dataclass
class KeyFigures:
    year: int
    coverage: Coverage
    spent: Figure
    trips: int | None  # None: none reported while some body has not reported (no trips and no report look alike)
    travellers: int | None  # different people of the municipality (`Trip.travellers`)
    memberships: int
    membership_fees: Figure
    agreements: int


def key_figures(dataset: Dataset, municipality: Municipality, year: int, as_of: dt.date | None) -> KeyFigures:
    first, last = data_years(dataset, as_of)
    cover = coverage(municipality, year, dataset.period_kind)
    trips = [t for t in dataset.trips.values() if t.year == year and t.status != "cancelled" and t.body.municipality is municipality]
    costs = [c for c in dataset.costs if c.year == year and c.municipality is municipality]
    memberships = [m for m in dataset.memberships.values() if m.body.municipality is municipality]
    return KeyFigures(
        year=year,
        coverage=cover,
        spent=figure(costs, cover.complete),
        trips=len(trips) or (0 if cover.complete else None),
        travellers=len({p.id for t in trips for p in t.travellers}) or (0 if cover.complete else None),
        memberships=sum(membership_active(m, year) for m in memberships),
        membership_fees=membership_fees(memberships, year, first, last),
        agreements=sum(agreement_active(a, year) for a in dataset.agreements.values() if a.body.municipality is municipality),
    )


def latest_full_year(dataset: Dataset, as_of: dt.date | None) -> int:
    """The last year that has ended by `as_of` (the data's last change), never the clock."""
    if as_of is None:
        as_of = max((t.end_date for t in dataset.trips.values()), default=dt.date(2000, 1, 1))
    return as_of.year - 1


def latest_trips(dataset: Dataset, count: int = 5) -> list[Trip]:
    return sorted(dataset.trips.values(), key=lambda t: (t.start_date, t.id), reverse=True)[:count]
