"""Rules that span fields and records, and the policy principles.

Frictionless checks each value and the keys between tables; these rules check what
only makes sense together (dates in order, totals that add up, a payer per cost
line). The principles from the municipality's strategy are warnings: the data may
break them, but then the reviewer should see it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

from generator import geo, periods
from generator.loader import Loaded, Row
from generator.problems import Problem
from generator.settings import Settings

PRINCIPLES = ("policy-twin-city", "cooperation-no-end", "cooperation-no-theme", "review-overdue", "review-missing",
              "trip-no-decision", "trip-no-report")
"""The strategy's principles: warnings that the site also lists per municipality."""
FOLLOW_UP = ("trip-planned-past", "cost-preliminary-overdue")
"""Stale states: warnings the site lists beside the principles."""
_ISO_PREFIX = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def _p(row: Row, code: str, column: str | None = None, **params) -> Problem:
    pos = row.where(column)
    return Problem(code, row.file, pos.line, pos.column, column, params)


def _is_date(value) -> bool:
    return isinstance(value, dt.date)


def _partial_before(end, start) -> bool:
    """True when a (possibly partial) ISO date `end` is surely before `start`."""
    end, start = (v.isoformat() if _is_date(v) else v for v in (end, start))
    if not all(isinstance(v, str) and _ISO_PREFIX.fullmatch(v) for v in (end, start)):
        return False  # an unreadable date is reported as such, not compared
    n = min(len(end), len(start))
    return end[:n] < start[:n]


def check(loaded: Loaded, today: dt.date, cache_dir: Path | None = None) -> list[Problem]:
    """The rules across fields and records (`cache_dir`: where GeoNames' answers are kept, see `geo.locate`)."""
    t = loaded.tables
    settings = loaded.settings
    due_days = None if "report_due_days" in settings.refused else settings.report_due_days
    municipalities = {r.values.get("id"): r.values for r in t["municipalities"]}
    body_municipality = {r.values.get("id"): municipalities.get(r.values.get("municipality_id"), {}) for r in t["bodies"]}
    problems: list[Problem] = []

    for resource in ("trips", "memberships", "agreements"):
        for row in t[resource]:
            start, end = row.values.get("start_date"), row.values.get("end_date")
            if start and end and _partial_before(end, start):
                problems.append(_p(row, "end-before-start", "end_date", start=str(start), end=str(end)))

    problems += _costs(t["costs"])
    problems += _free_memberships(t["memberships"], t["costs"])
    problems += _totals(t["trips"], t["costs"])
    problems += _people(t["people"])
    problems += _population(t["municipalities"])
    problems += _stale(t["trips"], t["costs"], settings, today)
    problems += _completeness(loaded, settings, today)
    problems += _places(t["municipalities"], t["trip_destinations"], cache_dir)

    for row in t["trips"]:
        v = row.values
        start = v.get("start_date")
        folder = Path(row.file).parent.name
        if _is_date(start) and folder != str(start.year):
            problems.append(_p(row, "trip-wrong-folder", "start_date", year=start.year, folder=folder))
        if v.get("status") != "cancelled" and not (v.get("decision_reference") or v.get("decision_number")):
            problems.append(_p(row, "trip-no-decision", "id"))
        end = v.get("end_date")
        if (v.get("status") == "completed" and not v.get("report") and _is_date(end)
                and due_days is not None and (today - end).days > due_days):  # no overflow near 9999-12-31
            problems.append(_p(row, "trip-no-report", "report", end=end.isoformat(), days=due_days))

    for row in t["agreements"]:
        v = row.values
        municipality = body_municipality.get(v.get("body_id"), {})
        if v.get("kind") == "twin_city" and municipality.get("twin_city_policy") == "forbidden":
            problems.append(_p(row, "policy-twin-city", "kind", municipality=municipality.get("name")))
        if v.get("kind") == "cooperation" and not v.get("end_date"):
            problems.append(_p(row, "cooperation-no-end", "end_date"))
        if v.get("kind") == "cooperation" and not v.get("themes"):
            problems.append(_p(row, "cooperation-no-theme", "themes"))
        if v.get("kind") == "intention" and v.get("status") == "active":
            problems += _review(row, municipality, today)

    for row in t["memberships"]:
        if row.values.get("status") == "active":
            problems += _review(row, body_municipality.get(row.values.get("body_id"), {}), today)
    return problems


def _stale(trips: list[Row], costs: list[Row], settings: Settings, today: dt.date) -> list[Problem]:
    """A planned trip whose end has passed; a cost line preliminary for longer than the configured days."""
    problems = []
    ends = {}
    for row in trips:
        end = row.values.get("end_date")
        ends[row.values.get("id")] = end
        if row.values.get("status") == "planned" and _is_date(end) and end < today:
            problems.append(_p(row, "trip-planned-past", "status", end=end.isoformat()))
    due_days = None if "preliminary_due_days" in settings.refused else settings.preliminary_due_days
    for row in costs:
        v = row.values
        since = v.get("date") or ends.get(v.get("trip_id"))
        if v.get("status") == "preliminary" and due_days is not None and _is_date(since) \
                and (today - since).days > due_days:  # no overflow, whatever the setting says
            problems.append(_p(row, "cost-preliminary-overdue", "status", since=since.isoformat(), days=due_days))
    return problems


_KIND_SV = {"year": "kalenderår", "half": "halvår", "quarter": "kvartal"}


def _completeness(loaded: Loaded, settings: Settings, today: dt.date) -> list[Problem]:
    """Periods written as configured, no nil return for a period with the body's trips or costs in it, and no
    period reported before it began (by the build's date, or by the date it was reported)."""
    t = loaded.tables
    if "completeness_period" in settings.refused:
        return []  # reported with the settings: periods are not checked against a guess
    kind = settings.completeness_period
    trip_starts = {r.values.get("id"): r.values.get("start_date") for r in t["trips"]}
    activity: dict[tuple, int] = Counter()  # (body, period) -> trips and cost lines in it
    for row in t["trips"]:
        start = row.values.get("start_date")
        if _is_date(start):
            activity[(row.values.get("body_id"), periods.period_of(start, kind))] += 1
    for row in t["costs"]:
        day = row.values.get("date") or trip_starts.get(row.values.get("trip_id"))
        if _is_date(day) and row.values.get("paid_by_body_id"):
            activity[(row.values.get("paid_by_body_id"), periods.period_of(day, kind))] += 1
    problems = []
    for row in t["completeness"]:
        v = row.values
        period = v.get("period")
        if isinstance(period, str) and not periods.matches(period, kind):
            problems.append(_p(row, "completeness-period", "period", value=period, kind=kind, kind_sv=_KIND_SV[kind],
                               example=periods.EXAMPLES[kind]))
        elif v.get("status") == "nothing_to_report" and activity.get((v.get("body_id"), period)):
            problems.append(_p(row, "nil-return-contradicted", "status", period=period,
                               count=activity[(v.get("body_id"), period)]))
        if not (isinstance(period, str) and periods.matches(period, kind)):
            continue
        begins = periods.start_of(period)
        if begins > today:
            problems.append(_p(row, "completeness-future-period", "period", period=period, start=begins.isoformat()))
        elif _is_date(v.get("reported_date")) and v["reported_date"] < begins:
            problems.append(_p(row, "completeness-before-period", "reported_date", period=period,
                               start=begins.isoformat(), reported=v["reported_date"].isoformat()))
    return problems


def _review(row: Row, municipality: dict, today: dt.date) -> list[Problem]:
    review = row.values.get("review_date")
    if _is_date(review) and review < today:
        return [_p(row, "review-overdue", "review_date", date=review.isoformat())]
    years = municipality.get("review_interval_years")
    if review is None and years:
        return [_p(row, "review-missing", "review_date", municipality=municipality.get("name"), years=years)]
    return []


def _costs(costs: list[Row]) -> list[Problem]:
    problems = []
    for row in costs:
        v = row.values
        if v.get("paid_by_body_id") and v.get("paid_by_other"):
            problems.append(_p(row, "payer-both", "paid_by_other"))
        elif not (v.get("paid_by_body_id") or v.get("paid_by_other")):
            problems.append(_p(row, "payer-missing"))
        if (v.get("original_amount") is None) != (v.get("original_currency") is None):
            problems.append(_p(row, "currency-incomplete", "original_amount" if v.get("original_amount") is not None else "original_currency"))
        if v.get("original_currency") == "SEK":
            problems.append(_p(row, "currency-sek", "original_currency"))
        if v.get("exchange_rate_date") is not None and v.get("original_currency") is None:
            problems.append(_p(row, "rate-date-without-currency", "exchange_rate_date"))
        if v.get("original_currency") not in (None, "SEK") and v.get("exchange_rate_date") is None:
            problems.append(_p(row, "rate-date-missing", "original_currency", currency=v["original_currency"]))
        if not v.get("trip_id") and not v.get("date"):
            problems.append(_p(row, "cost-needs-date", "date"))
        if v.get("amount_sek") == 0 and v.get("category") != "membership_fee":
            problems.append(_p(row, "cost-zero", "amount_sek"))  # 0 kr states a free membership year, nothing else
    return problems


def _free_memberships(memberships: list[Row], costs: list[Row]) -> list[Problem]:
    """A membership stated free (`free: true`) has no fee above 0 kr: the page cannot say both."""
    paid = {row.values.get("membership_id") for row in costs
            if row.values.get("category") == "membership_fee" and isinstance(row.values.get("amount_sek"), (int, float))
            and row.values["amount_sek"] > 0}
    return [_p(row, "membership-free-with-fees", "free") for row in memberships
            if row.values.get("free") is True and row.values.get("id") in paid]


def _totals(trips: list[Row], costs: list[Row]) -> list[Problem]:
    sums: dict[str, float] = defaultdict(float)
    unknown = set()  # trips with an amount that is not a number: reported as such, no sum to compare
    for row in costs:
        amount, trip_id = row.values.get("amount_sek"), row.values.get("trip_id")
        if trip_id and isinstance(amount, (int, float)) and not isinstance(amount, bool):
            sums[trip_id] += amount
        elif trip_id:
            unknown.add(trip_id)
    seen = Counter(row.values.get("id") for row in trips)
    unknown |= {i for i, n in seen.items() if n > 1}  # duplicated trips' lines cannot be told apart
    problems = []
    for row in trips:
        total = row.values.get("total_sek")
        if row.values.get("id") in unknown:
            continue
        if isinstance(total, (int, float)) and not isinstance(total, bool):
            added = round(sums.get(row.values.get("id"), 0.0), 2)
            if abs(added - total) > 0.005:
                problems.append(_p(row, "total-mismatch", "total_sek", total=_amount(total), sum=_amount(added)))
    return problems


def _amount(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _people(people: list[Row]) -> list[Problem]:
    problems = []
    for row in people:
        protected = row.values.get("protected") is True
        if protected and row.values.get("name"):
            problems.append(_p(row, "protected-named", "name"))
        if not protected and not row.values.get("name"):
            problems.append(_p(row, "unnamed-person", "name"))
    return problems


def _places(municipalities: list[Row], destinations: list[Row], cache_dir: Path | None) -> list[Problem]:
    """Coordinates come in pairs; a place the portal cannot find has no position on the map or in the CO2 figures."""
    problems = []
    texts = [r.values for r in destinations + municipalities if isinstance(r.values.get("country"), str)]
    geo.locate([(v["city"], v["country"]) for v in texts if isinstance(v.get("city"), str)]
               + [(n, v["country"]) for v in texts if isinstance(v.get("name"), str) and isinstance(v.get("id"), str)
                  for n in geo.municipality_names(v["name"], v["id"])], cache_dir)  # one pass over GeoNames for all
    for row, name in [(r, r.values.get("city")) for r in destinations] + [(r, None) for r in municipalities]:
        v = row.values
        lat, lon = v.get("latitude"), v.get("longitude")
        if (lat is None) != (lon is None):
            missing = "longitude" if lon is None else "latitude"
            problems.append(_p(row, "coordinates-half", "latitude" if lat is not None else "longitude", missing=missing))
            continue
        if not isinstance(v.get("country"), str) or (name is not None and not isinstance(name, str)):
            continue  # a missing or unreadable name is reported as such
        if name is not None:
            found = geo.place(name, v["country"], lat, lon)
        else:
            found = geo.municipality_place(str(v.get("name", "")), str(v.get("id", "")), v["country"], lat, lon)
        if found is None:
            problems.append(_p(row, "place-unknown", "city" if name is not None else "name",
                               place=name if name is not None else v.get("name", ""), country=v["country"]))
    return problems


POPULATION = ("population", "population_year", "population_source")


def _population(municipalities: list[Row]) -> list[Problem]:
    """A population says which year it counts and where it comes from: all three fields or none."""
    problems = []
    for row in municipalities:
        given = [name for name in POPULATION if row.values.get(name) not in (None, "")]
        if given and len(given) < len(POPULATION):
            missing = ", ".join(name for name in POPULATION if name not in given)
            problems.append(_p(row, "population-incomplete", given[0], missing=missing))
    return problems
