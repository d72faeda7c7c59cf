"""The validated data as typed records with their links resolved both ways.

Built only from data that passed validation, so references resolve and values
have their schema types. Renderers and downloads read this, never the YAML.
Protected people lose their name here (`withheld.public_name`), so nothing later can publish it;
a published version is modelled from its data as `withheld` lets it be published.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator import climate, geo, periods
from generator.loader import Loaded
from generator.package import Metadata
from generator.settings import Settings
from generator.withheld import public_name


@dataclass
class Municipality:
    id: str
    name: str
    name_en: str | None
    country: str
    website: str | None
    twin_city_policy: str
    review_interval_years: int | None
    policy_reference: str | None
    example: bool
    source_file: str
    population: int | None = None  # inhabitants in `population_year`, from `population_source` (all three or none)
    population_year: int | None = None
    population_source: str | None = None
    bodies: list[Body] = field(default_factory=list)
    position: geo.Position | None = None  # from the data or GeoNames (`geo.municipality_place`); None: unknown


@dataclass
class Body:
    id: str
    municipality: Municipality
    name: str
    name_en: str | None
    kind: str
    website: str | None
    example: bool
    source_file: str
    people: list[Person] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    costs_paid: list[Cost] = field(default_factory=list)
    completeness: dict[str, Completeness] = field(default_factory=dict)  # period -> what the body reported


@dataclass
class Completeness:
    """A body's report for a period: complete, preliminary or nothing to report (a nil return)."""
    body: Body
    period: str
    status: str
    reported_date: dt.date | None
    note: str | None
    example: bool


@dataclass
class Person:
    id: str
    name: str | None  # None for protected people: only the role is published
    title: str
    title_en: str | None
    body: Body | None
    protected: bool
    example: bool
    source_file: str
    trips: list[Trip] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        return self.name or self.title


@dataclass
class Organisation:
    id: str
    name: str
    name_sv: str | None
    kind: str
    country: str | None
    city: str | None
    website: str | None
    example: bool
    source_file: str
    memberships: list[Membership] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)  # trips to events it organised
    name_language: str | None = None  # the language `name` is in (BCP 47), when not Swedish

    @property
    def display_name(self) -> str:
        return self.name_sv or self.name

    @property
    def display_language(self) -> str | None:
        """The language of `display_name`: a Swedish name is Swedish, the own name is in `name_language`."""
        return None if self.name_sv else self.name_language


@dataclass
class Cost:
    id: str
    category: str
    description: str | None
    amount_sek: float
    original_amount: float | None
    original_currency: str | None
    exchange_rate_date: dt.date | None
    status: str
    paid_by_body: Body | None
    paid_by_other: str | None
    date: dt.date | None
    example: bool
    year: int  # the cost's date, or its trip's start
    trip: Trip | None = None
    membership: Membership | None = None
    agreement: Agreement | None = None

    @property
    def paid_by_us(self) -> bool:
        """Costs paid by an outside party are shown but not counted as the city's spending."""
        return self.paid_by_body is not None

    @property
    def preliminary(self) -> bool:
        return self.status == "preliminary"

    @property
    def day(self) -> dt.date | None:
        """The day the cost counts on: its date, or its trip's start."""
        return self.date or (self.trip.start_date if self.trip else None)

    @property
    def owner(self) -> Trip | Membership | Agreement:
        return self.trip or self.membership or self.agreement

    @property
    def responsible_body(self) -> Body:
        """The body responsible for the trip, membership or agreement (not necessarily the one that paid)."""
        return self.owner.body

    @property
    def municipality(self) -> Municipality:
        return self.responsible_body.municipality


@dataclass
class Forum:
    name: str
    attending_body: Body | None
    notes: str | None


@dataclass
class Membership:
    id: str
    body: Body
    organisation: Organisation
    role: str | None
    start_date: str  # ISO, possibly only a year or a month
    end_date: str | None
    status: str
    decision_reference: str | None
    decision_body: Body | None
    decision_date: dt.date | None
    review_date: dt.date | None
    notes: str | None
    source: str | None
    example: bool
    source_file: str
    free: bool = False  # stated free of charge: every year's fee is a known zero
    forums: list[Forum] = field(default_factory=list)
    costs: list[Cost] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)

    def fees(self, year: int) -> list[Cost]:
        """The year's fee lines paid by one of our bodies."""
        return [c for c in self.costs if c.category == "membership_fee" and c.year == year and c.paid_by_us]

    def fee_for(self, year: int) -> float | None:
        """The year's fee: the sum of its fee lines, 0 when stated free, None when unknown."""
        lines = self.fees(year)
        if lines:
            return round(sum(c.amount_sek for c in lines), 2)
        return 0.0 if self.free else None

    def fee_status(self, year: int) -> str:
        fee = self.fee_for(year)
        return "unknown" if fee is None else "free" if fee == 0 else "paid"

    def years(self, first: int, last: int) -> list[int]:
        """The years of `first`..`last` the membership ran in (from its start year to its end year)."""
        start = int(str(self.start_date)[:4])
        end = int(str(self.end_date)[:4]) if self.end_date else last
        return list(range(max(first, start), min(last, end) + 1))

    def event_trips(self) -> list[Trip]:
        """Trips of the member's municipality to events its organisation arranged while the membership ran,
        not linked to it by `membership_id` (those are `trips`)."""
        start = int(str(self.start_date)[:4])
        end = int(str(self.end_date)[:4]) if self.end_date else None
        return [t for t in self.organisation.trips if t.membership is not self
                and t.body.municipality is self.body.municipality and start <= t.year and (end is None or t.year <= end)]


@dataclass
class Party:
    organisation: Organisation
    role: str | None


@dataclass
class Agreement:
    id: str
    title: str
    kind: str
    body: Body
    status: str
    themes: list[str]
    signed_date: str | None
    start_date: str | None
    end_date: str | None
    review_date: dt.date | None
    decision_reference: str | None
    description: str | None
    source: str | None
    example: bool
    source_file: str
    parties: list[Party] = field(default_factory=list)
    costs: list[Cost] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)


@dataclass
class Destination:
    city: str
    country: str
    position: geo.Position | None = None  # from the data or GeoNames (`geo.place`); None: unknown


@dataclass
class Participant:
    person: Person
    role: str | None


@dataclass
class Trip:
    id: str
    title: str
    event: str | None
    organiser: Organisation | None
    organiser_name: str | None
    body: Body
    start_date: dt.date
    end_date: dt.date
    status: str
    purposes: list[str]
    purpose_text: str | None
    decision_reference: str | None
    decision_number: str | None
    decision_date: dt.date | None
    decision_agenda_item: str | None
    decision_body: Body | None
    membership: Membership | None
    agreement: Agreement | None
    report: str | None  # Markdown
    report_date: dt.date | None
    total_sek_stated: float | None
    source: str | None
    example: bool
    source_file: str
    travel_mode: str | None = None  # None: the data does not say (flight is assumed)
    destinations: list[Destination] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    costs: list[Cost] = field(default_factory=list)
    event_language: str | None = None  # the language `event` is in (BCP 47), when not Swedish

    @property
    def year(self) -> int:
        return self.start_date.year

    @property
    def lines_total(self) -> float | None:
        """The sum of all the trip's cost lines, whoever paid (`total_sek_computed`, what a stated total must be);
        None without lines."""
        return round(sum(c.amount_sek for c in self.costs), 2) if self.costs else None

    @property
    def paid_total(self) -> float | None:
        """The sum of the lines one of our bodies paid (`municipality_sek_computed`); None without lines."""
        return round(sum(c.amount_sek for c in self.costs if c.paid_by_us), 2) if self.costs else None

    @property
    def total_sek(self) -> float | None:
        """What the municipality paid: lines paid by an outside party are left out.

        None when the trip has no cost lines and no stated total: not reported is not zero.
        """
        return self.paid_total if self.costs else self.total_sek_stated

    @functools.cached_property
    def climate(self) -> climate.Estimate:
        """The estimated emissions of the journeys (`climate.estimate`): per traveller, total, or unknown."""
        return climate.estimate(self.body.municipality.position, [d.position for d in self.destinations],
                                self.travel_mode, self.traveller_count or 0, self.status == "cancelled")

    @property
    def has_preliminary_costs(self) -> bool:
        return any(c.preliminary and c.paid_by_us for c in self.costs)

    @property
    def days(self) -> int:
        """Days away, the first and the last counted (`days_computed`): a one-day trip is 1 day."""
        return (self.end_date - self.start_date).days + 1

    @property
    def travellers(self) -> list[Person]:
        """The participants of the trip's own municipality (their person's body is one of its bodies): the people
        whose journey the municipality's cost pays for. Others are listed on the trip but not counted."""
        own = self.body.municipality
        return [p.person for p in self.participants if p.person.body is not None and p.person.body.municipality is own]

    @property
    def traveller_count(self) -> int | None:
        """How many travellers (`travellers_computed`); None when none is given: not reported is not zero."""
        return len(self.travellers) or None

    @property
    def has_example_data(self) -> bool:
        return self.example or any(c.example for c in self.costs)


@dataclass
class Dataset:
    metadata: Metadata  # the package's own, as the loader read it
    municipalities: dict[str, Municipality]
    bodies: dict[str, Body]
    people: dict[str, Person]
    organisations: dict[str, Organisation]
    memberships: dict[str, Membership]
    agreements: dict[str, Agreement]
    trips: dict[str, Trip]
    costs: list[Cost]
    source: Loaded | None = field(default=None, repr=False, compare=False)  # the tables it was built from (downloads)
    completeness: list[Completeness] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)  # the package's `settings:`, as the loader read them

    def days(self) -> list[dt.date]:
        """Every date the data holds that says how far it reaches (trip ends, cost days, report days)."""
        days = [t.end_date for t in self.trips.values()] + [c.day for c in self.costs if c.day]
        return days + [r.reported_date for r in self.completeness if r.reported_date]

    def years(self, as_of: dt.date | None) -> tuple[int, int]:
        """The years the data speaks of: from its first cost or report to the year of `as_of` (its last change)."""
        last = as_of.year if as_of else max([d.year for d in self.days()] or [2000])
        first = min([c.year for c in self.costs] + [periods.year_of(r.period) for r in self.completeness] or [last])
        return min(first, last), last

    @property
    def period_kind(self) -> str:
        """How long a reporting period is: year, half or quarter (settings.completeness_period)."""
        return self.settings.completeness_period

    @property
    def version(self) -> str:
        return self.metadata.version

    @property
    def has_example_data(self) -> bool:
        return self.metadata.example_data


def _split(text: str | None) -> list[str]:
    return [part for part in (text or "").split(";") if part]


def build(loaded: Loaded, data_dir: Path) -> Dataset:
    """Typed records from validated tables; call only when validation found no errors."""
    t = {name: [r.values for r in rows] for name, rows in loaded.tables.items()}
    files = {name: [r.file for r in rows] for name, rows in loaded.tables.items()}

    root = os.path.abspath(data_dir)  # the files were found under it: no need to resolve links

    @functools.cache  # one file holds many rows
    def rel(file: str) -> str:
        path = os.path.abspath(file)
        return Path(os.path.relpath(path, root)).as_posix() if path.startswith(root + os.sep) else Path(file).as_posix()

    def rows(name: str):
        return zip(t[name], (rel(f) for f in files[name]))

    municipalities = {v["id"]: Municipality(v["id"], v["name"], v.get("name_en"), v["country"], v.get("website"),
                                            v["twin_city_policy"], v.get("review_interval_years"), v.get("policy_reference"),
                                            bool(v.get("example")), f, v.get("population"), v.get("population_year"),
                                            v.get("population_source")) for v, f in rows("municipalities")}
    bodies = {}
    for v, f in rows("bodies"):
        body = Body(v["id"], municipalities[v["municipality_id"]], v["name"], v.get("name_en"), v["kind"], v.get("website"),
                    bool(v.get("example")), f)
        bodies[body.id] = body
        body.municipality.bodies.append(body)
    people = {}
    for v, f in rows("people"):
        person = Person(v["id"], public_name(v), v["title"], v.get("title_en"),
                        bodies.get(v.get("body_id")), bool(v.get("protected")), bool(v.get("example")), f)
        people[person.id] = person
        if person.body:
            person.body.people.append(person)
    organisations = {v["id"]: Organisation(v["id"], v["name"], v.get("name_sv"), v["kind"], v.get("country"), v.get("city"),
                                           v.get("website"), bool(v.get("example")), f, name_language=v.get("name_language"))
                     for v, f in rows("organisations")}
    memberships = {}
    for v, f in rows("memberships"):
        m = Membership(v["id"], bodies[v["body_id"]], organisations[v["organisation_id"]], v.get("role"), v["start_date"],
                       v.get("end_date"), v["status"], v.get("decision_reference"), bodies.get(v.get("decision_body_id")),
                       v.get("decision_date"), v.get("review_date"), v.get("notes"), v.get("source"), bool(v.get("example")), f,
                       bool(v.get("free")))
        memberships[m.id] = m
        m.body.memberships.append(m)
        m.organisation.memberships.append(m)
    for v in t["membership_forums"]:
        memberships[v["membership_id"]].forums.append(Forum(v["name"], bodies.get(v.get("attending_body_id")), v.get("notes")))
    agreements = {}
    for v, f in rows("agreements"):
        a = Agreement(v["id"], v["title"], v["kind"], bodies[v["body_id"]], v["status"], _split(v.get("themes")),
                      v.get("signed_date"), v.get("start_date"), v.get("end_date"), v.get("review_date"),
                      v.get("decision_reference"), v.get("description"), v.get("source"), bool(v.get("example")), f)
        agreements[a.id] = a
        a.body.agreements.append(a)
    for v in t["agreement_parties"]:
        party = Party(organisations[v["organisation_id"]], v.get("role"))
        agreements[v["agreement_id"]].parties.append(party)
        party.organisation.agreements.append(agreements[v["agreement_id"]])
    trips = {}
    for v, f in rows("trips"):
        trip = Trip(v["id"], v["title"], v.get("event"), organisations.get(v.get("organiser_id")), v.get("organiser_name"),
                    bodies[v["body_id"]], v["start_date"], v["end_date"], v["status"], _split(v.get("purposes")),
                    v.get("purpose_text"), v.get("decision_reference"), v.get("decision_number"), v.get("decision_date"),
                    v.get("decision_agenda_item"), bodies.get(v.get("decision_body_id")), memberships.get(v.get("membership_id")),
                    agreements.get(v.get("agreement_id")), v.get("report"), v.get("report_date"), v.get("total_sek"),
                    v.get("source"), bool(v.get("example")), f, v.get("travel_mode"),
                    event_language=v.get("event_language"))
        trips[trip.id] = trip
        trip.body.trips.append(trip)
        for linked in (trip.organiser, trip.membership, trip.agreement):
            if linked:
                linked.trips.append(trip)
    geo.locate([(v["city"], v["country"]) for v in t["trip_destinations"] if v.get("latitude") is None]
               + [(n, v["country"]) for v in t["municipalities"] if v.get("latitude") is None
                  for n in geo.municipality_names(v["name"], v["id"])])  # one pass over GeoNames for all
    for v in t["municipalities"]:
        m = municipalities[v["id"]]
        m.position = geo.municipality_place(m.name, m.id, m.country, v.get("latitude"), v.get("longitude"))
    for v in t["trip_destinations"]:
        trips[v["trip_id"]].destinations.append(Destination(
            v["city"], v["country"], geo.place(v["city"], v["country"], v.get("latitude"), v.get("longitude"))))
    for v in t["trip_participants"]:
        participant = Participant(people[v["person_id"]], v.get("role"))
        trips[v["trip_id"]].participants.append(participant)
        participant.person.trips.append(trips[v["trip_id"]])
    costs = []
    for v in t["costs"]:
        trip = trips.get(v.get("trip_id"))
        year = v["date"].year if v.get("date") else trip.start_date.year
        cost = Cost(v["id"], v["category"], v.get("description"), float(v["amount_sek"]),
                    float(v["original_amount"]) if v.get("original_amount") is not None else None,
                    v.get("original_currency"), v.get("exchange_rate_date"), v["status"], bodies.get(v.get("paid_by_body_id")),
                    v.get("paid_by_other"), v.get("date"), bool(v.get("example")), year, trip,
                    memberships.get(v.get("membership_id")), agreements.get(v.get("agreement_id")))
        costs.append(cost)
        (trip or cost.membership or cost.agreement).costs.append(cost)
        if cost.paid_by_body:
            cost.paid_by_body.costs_paid.append(cost)
    costs.sort(key=lambda c: c.id)
    completeness = []
    for v in t["completeness"]:
        report = Completeness(bodies[v["body_id"]], str(v["period"]), v["status"], v.get("reported_date"), v.get("note"),
                              bool(v.get("example")))
        completeness.append(report)
        report.body.completeness[report.period] = report
    return Dataset(loaded.metadata, municipalities, bodies, people, organisations, memberships, agreements,
                   dict(sorted(trips.items())), costs, loaded, completeness, loaded.settings)
