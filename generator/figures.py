"""The numbers the site shows: spending per municipality, year, body, category and country; key figures.

Computed once from the dataset so that every chart and the table beside it show the
same numbers. Only costs paid by one of the municipality's bodies count as spending:
lines paid by an organiser or another outside party are shown on their record but
are not the city's money.

Three rules keep the numbers honest:

- Per municipality first: nothing is added across municipalities.
- Unknown is never zero. A figure with nothing behind it (no cost lines, no trips) is
  a known zero only when every part it could come from has reported (`completeness`):
  the body itself for a body's figure, every body of the municipality otherwise. Else
  it is unknown (`Figure.value` None) and shows as "uppgift saknas". Amounts, counts,
  emissions and rates follow this one rule (`found`).
- Every figure says what it covers (`Parts`: how many of the bodies, per year, it adds
  up have reported) and how much of it is preliminary. A known figure that not every
  part has reported is partial: the sum of what is known, shown marked with its
  coverage (`partial_mark`), never bare; a change is shown only between figures of
  equal coverage (`comparable`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator import periods
from generator.model import Agreement, Body, Cost, Dataset, Membership, Municipality, Trip
from generator.i18n import n_
from generator.i18n import t as _


def _year_of(partial: str | None) -> int | None:
    """The year of an ISO date that may hold only a year or a month."""
    return int(str(partial)[:4]) if partial else None


Part = tuple[str, int]  # a body's year (body id, year), or a membership's fee of a year (membership id, year)


@dataclass(frozen=True)
class Parts:
    """What a figure adds up: its parts, and those of them that have reported (a sum takes the union of its terms').

    A part is a body's year (`unit` "body"), or a membership's fee of a year ("membership").
    A figure of a record of its own (a trip's cost) has no parts: it is whole."""
    reported: frozenset[Part] = frozenset()
    total: frozenset[Part] = frozenset()
    unit: str = "body"

    @property
    def complete(self) -> bool:
        return self.reported >= self.total

    def __add__(self, other: Parts) -> Parts:
        return Parts(self.reported | other.reported, self.total | other.total, self.unit if self.total else other.unit)

    @property
    def who(self) -> tuple[frozenset[str], frozenset[str]]:
        """The bodies (or memberships) that have reported, and all of them, whatever the year."""
        return frozenset(i for i, _ in self.reported), frozenset(i for i, _ in self.total)

    @property
    def text(self) -> str:
        """`2 av 9 organ`, `3 av 18 organår` (a sum over several years), `5 av 8 medlemskap`."""
        values = {"reported": len(self.reported), "n": len(self.total)}
        if self.unit == "membership":
            return n_("{reported} av {n} medlemskap", "{reported} av {n} medlemskap", len(self.total), **values)
        if len({y for _, y in self.total}) > 1:
            return n_("{reported} av {n} organår", "{reported} av {n} organår", len(self.total), **values)
        return n_("{reported} av {n} organ", "{reported} av {n} organ", len(self.total), **values)


WHOLE = Parts()


def one_part(part: Part, done: bool, unit: str = "body") -> Parts:
    return Parts(frozenset({part}) if done else frozenset(), frozenset({part}), unit)


def body_parts(body: Body, year: int, kind: str) -> Parts:
    """A body's year: one part, reported or not."""
    return one_part((body.id, year), reported(body, year, kind))


@dataclass(frozen=True)
class Figure:
    """A number the municipality reported (an amount, a count): None when unknown; `preliminary` is the part that
    may still change; `parts` what it adds up (partial when known while not every part has reported)."""
    value: float | None
    preliminary: float = 0.0
    parts: Parts = WHOLE

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def partial(self) -> bool:
        return self.known and not self.parts.complete


def found(value: float, anything: bool, known_zero: bool, parts: Parts = WHOLE, preliminary: float = 0.0) -> Figure:
    """The rule for every figure: what was found is known (partial when not every part has reported); nothing found
    is a zero only when `known_zero` (every part has reported), else unknown."""
    if not anything and not known_zero:
        return Figure(None, parts=parts)
    return Figure(value, preliminary, parts)


def figure(costs: Iterable[Cost], known_zero: bool, parts: Parts = WHOLE) -> Figure:
    """What `costs` add up to for the municipality; with no lines, zero only when `known_zero`."""
    costs = list(costs)
    ours = [c for c in costs if c.paid_by_us]
    return found(round(sum(c.amount_sek for c in ours), 2), bool(costs), known_zero, parts,
                 round(sum(c.amount_sek for c in ours if c.preliminary), 2))


def counted(n: int, parts: Parts) -> Figure:
    """A number of things (trips, travellers) over `parts`: none is a zero only when every part has reported."""
    return found(n, bool(n), parts.complete, parts)


def partial_mark(f: Figure) -> str:
    """What follows a partial figure wherever it is shown (tables, charts, `portal diff`):
    ` (ofullst.: 2 av 9 organ)`."""
    return _(" (ofullst.: {parts})", parts=f.parts.text) if f.partial else ""


def partial_note() -> str:
    return _("ofullst. = ofullständig: summan av det som är känt, när inte allt den räknar är rapporterat. ”2 av 9 organ” "
             "säger hur många av organen som har rapporterat året, ”3 av 18 organår” detsamma för en summa över flera "
             "år (ett organår är ett organ ett år) och ”5 av 8 medlemskap” hur många av avgifterna som är kända. Den "
             "verkliga summan kan vara större.")


def comparable(old: Figure, new: Figure) -> bool:
    """Whether a change between two figures says something: both known, and covering as much (the same bodies, or
    memberships, reported of the same ones); a change between partial figures is marked as they are."""
    return old.known and new.known and old.parts.who == new.parts.who


def add(figures: Iterable[Figure]) -> Figure:
    """The sum of the known figures, over the parts of all (partial when one is unknown); unknown when none is known."""
    figures = list(figures)
    parts = sum((f.parts for f in figures), WHOLE)
    known = [f for f in figures if f.known]
    if not known:
        return Figure(None, parts=parts)
    return Figure(round(sum(f.value for f in known), 2), round(sum(f.preliminary for f in known), 2), parts)


def trip_figure(trip: Trip) -> Figure:
    """A trip's cost for the municipality (`Trip.total_sek`), with its preliminary part."""
    return Figure(trip.total_sek, round(sum(c.amount_sek for c in trip.costs if c.preliminary and c.paid_by_us), 2))


def share(amount: Figure, divisor: int | None) -> Figure:
    """An amount shared out (per traveller, per day), to the öre, covering what the amount covers: unknown when the
    amount or the divisor is."""
    if not amount.known or not divisor:
        return Figure(None, parts=amount.parts)
    return Figure(round(amount.value / divisor, 2), round(amount.preliminary / divisor, 2), amount.parts)


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


def rates(trips: Iterable[Trip], parts: Parts = WHOLE) -> Rates:
    """The rates of a set of trips over `parts` (the bodies' years they are all the trips of): the counted trips'
    costs added, divided by their travellers (and days)."""
    taken = [t for t in trips if t.status != "cancelled"]
    counted = [t for t in taken if t.total_sek is not None and t.traveller_count]
    cost = add(trip_figure(t) for t in counted)
    return Rates(len(taken), len(counted), Figure(cost.value, cost.preliminary, parts),
                 sum(t.traveller_count for t in counted) or None, sum(t.days for t in counted) or None,
                 sum(t.traveller_count * t.days for t in counted) or None)


@dataclass(frozen=True)
class Emissions:
    """The estimated climate impact of a set of trips over `parts` (`Trip.climate`): the known totals added, how
    many trips there were and how many could not be counted (cancelled ones made no journey and are left out)."""
    figure: Figure
    trips: int
    uncounted: int


def co2e(trips: Iterable[Trip], parts: Parts) -> Emissions:
    """The rule of `found` for emissions: no trips is a known none only when every part has reported; trips none
    of which could be counted are unknown, not zero."""
    trips = [t for t in trips if not t.climate.cancelled]
    known = [t.climate.total_kg for t in trips if t.climate.total_kg is not None]
    if trips and not known:
        return Emissions(Figure(None, parts=parts), len(trips), len(trips))
    return Emissions(found(round(sum(known), 1), bool(trips), parts.complete, parts), len(trips),
                     len(trips) - len(known))


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
    kind: str  # the reporting period kind

    @property
    def complete(self) -> bool:
        return self.reported == self.total

    @property
    def parts(self) -> Parts:
        return sum((body_parts(b, self.year, self.kind) for b in self.municipality.bodies), WHOLE)

    @property
    def fraction(self) -> str:
        return _("{reported} av {total}", reported=self.reported, total=self.total)

    @property
    def text(self) -> str:
        more = _(", {n} av dem preliminärt", n=self.preliminary) if self.preliminary else ""
        return n_("{reported} av {n} organ har rapporterat för {year}", "{reported} av {n} organ har rapporterat för "
                  "{year}", self.total, reported=self.reported, year=self.year) + more


def coverage(municipality: Municipality, year: int, kind: str) -> Coverage:
    bodies = municipality.bodies
    done = [b for b in bodies if reported(b, year, kind)]
    return Coverage(municipality, year, len(done), len(bodies), sum(preliminary_report(b, year, kind) for b in done),
                    kind)


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
    cover: Callable[[str, int], Parts | bool]  # what a cell adds up (a bool: the year of the table's one body)

    def __post_init__(self):
        self._cells: dict[tuple[str, int], Figure] = {}

    def cell(self, key: str, year: int) -> Figure:
        """One key's figure of a year (computed once: totals, charts and tables all ask): a known zero without cost
        lines only when every part it adds up has reported."""
        cell = self._cells.get((key, year))
        if cell is None:
            parts = self.cover(key, year)
            if isinstance(parts, bool):
                parts = one_part(("", year), parts)
            cell = self._cells[(key, year)] = figure(self.costs.get((key, year), ()), parts.complete, parts)
        return cell

    def total(self, key: str) -> Figure:
        return self._sum([(key, y) for y in self.years])

    def year_total(self, year: int) -> Figure:
        return self._sum([(k, year) for k in self.keys])

    def grand_total(self) -> Figure:
        return self._sum([(k, y) for k in self.keys for y in self.years])

    def _sum(self, cells: list[tuple[str, int]]) -> Figure:
        """The known cells added up over all their parts, as a cell is: with no cost line among them, zero only
        when every one is a known zero (a body that reported nothing beside bodies that did not report adds up to
        unknown)."""
        total = add(self.cell(*c) for c in cells)
        return found(total.value, any(self.costs.get(c) for c in cells), total.parts.complete, total.parts,
                     total.preliminary)

    def keys_by_total(self) -> list[str]:
        return sorted(self.keys, key=lambda k: (-(self.total(k).value or 0.0), k))

    @property
    def preliminary(self) -> bool:
        return any(c.preliminary and c.paid_by_us for cs in self.costs.values() for c in cs)


def by(costs: Iterable[Cost], key: Callable[[Cost], str | None], cover: Callable[[str, int], Parts | bool],
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
    return Table(sorted(all_years), sorted(all_keys), dict(cells), cover)


@dataclass
class MunicipalityFigures:
    """Everything the cost pages show for one municipality."""
    municipality: Municipality
    kind: str  # reporting period kind
    costs: list[Cost]  # the costs of its trips, memberships and agreements
    years: list[int]

    def coverage(self, year: int) -> Coverage:
        return coverage(self.municipality, year, self.kind)

    def _all_reported(self, _key: str, year: int) -> Parts:
        return self.coverage(year).parts

    def _body_reported(self, body_id: str, year: int) -> Parts:
        return body_parts(next(b for b in self.municipality.bodies if b.id == body_id), year, self.kind)

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


def body_years(body: Body) -> list[int]:
    """The years a body has costs or reports in: what its total adds up."""
    return sorted({c.year for c in body.costs_paid} | {periods.year_of(p) for p in body.completeness})


def body_paid(body: Body, kind: str) -> Figure:
    """What a body paid in all, over the years it has costs or reports in (as its page adds them up)."""
    years = body_years(body)
    return by(body.costs_paid, lambda c: "paid", lambda _k, y: reported(body, y, kind), ["paid"], years).total("paid")


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
    """The year's fees of `memberships` that ran that year: known fees added (partial when one is not), unknown when
    none is known."""
    figures = []
    for m in memberships:
        if year in m.years(first, last):
            fee = m.fee_for(year)
            figures.append(Figure(fee, round(sum(c.amount_sek for c in m.fees(year) if c.preliminary), 2),
                                  one_part((m.id, year), fee is not None, "membership")))
    return add(figures)


@dataclass
class KeyFigures:
    year: int
    coverage: Coverage
    spent: Figure
    trips: Figure  # unknown: none reported while some body has not reported (no trips and no report look alike)
    travellers: Figure  # different people of the municipality (`Trip.travellers`)
    memberships: int
    membership_fees: Figure
    agreements: int


def paid_in(costs: Iterable[Cost], year: int, cover: Coverage) -> Figure:
    """What a municipality paid in `year` of its `costs`: a known zero only when every body reported the year."""
    return figure([c for c in costs if c.year == year], cover.complete, cover.parts)


def key_figures(dataset: Dataset, municipality: Municipality, year: int, as_of: dt.date | None) -> KeyFigures:
    first, last = data_years(dataset, as_of)
    cover = coverage(municipality, year, dataset.period_kind)
    trips = [t for t in dataset.trips.values() if t.year == year and t.status != "cancelled" and t.body.municipality is municipality]
    memberships = [m for m in dataset.memberships.values() if m.body.municipality is municipality]
    return KeyFigures(
        year=year,
        coverage=cover,
        spent=paid_in((c for c in dataset.costs if c.municipality is municipality), year, cover),
        trips=counted(len(trips), cover.parts),
        travellers=counted(len({p.id for t in trips for p in t.travellers}), cover.parts),
        memberships=sum(membership_active(m, year) for m in memberships),
        membership_fees=membership_fees(memberships, year, first, last),
        agreements=sum(agreement_active(a, year) for a in dataset.agreements.values() if a.body.municipality is municipality),
    )


@dataclass(frozen=True)
class YearFigures:
    """One municipality's figures of one year: the start page's key figures, the comparison's measures and the rows
    of the totals table all read them from here."""
    municipality: Municipality
    key: KeyFigures
    rates: Rates  # the year's trips per traveller
    climate: Emissions  # the year's trips' estimated emissions

    @property
    def per_inhabitant(self) -> Figure:
        return per_inhabitant(self.municipality, self.key.spent)


def per_inhabitant(m: Municipality, amount: Figure) -> Figure:
    """An amount per inhabitant, by the municipality's one stated population; unknown without it."""
    return share(amount, m.population)


def year_figures(dataset: Dataset, municipality: Municipality, year: int, as_of: dt.date | None) -> YearFigures:
    key = key_figures(dataset, municipality, year, as_of)
    trips = [t for b in municipality.bodies for t in b.trips if t.year == year]
    return YearFigures(municipality, key, rates(trips, key.coverage.parts), co2e(trips, key.coverage.parts))


def latest_full_year(dataset: Dataset, as_of: dt.date | None) -> int:
    """The last year that has ended by `as_of` (the data's last change), never the clock."""
    if as_of is None:
        as_of = max((t.end_date for t in dataset.trips.values()), default=dt.date(2000, 1, 1))
    return as_of.year - 1


def latest_trips(dataset: Dataset, count: int = 5) -> list[Trip]:
    return sorted(dataset.trips.values(), key=lambda t: (t.start_date, t.id), reverse=True)[:count]
