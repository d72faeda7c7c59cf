"""Values the schema allows but the site cannot use, or that are most likely mistakes.

Two kinds: an id that the site already uses for a page of its own (`index`) would
leave the record without a page, so it is an error; values that may be real but are
unlikely (a trip of 400 days, a completed trip in 2099, an amount of a billion) are
warnings, so a reviewer looks twice. The limits of the warnings are settings
(`settings.Settings`: a default each, changed under `settings:` in `datapackage.yaml`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from generator import geo
from generator.loader import Loaded, Row
from generator.problems import Problem
from generator.settings import Settings
from generator.addresses import taken_by_site

PAGED = ("municipalities", "bodies", "people", "organisations", "memberships", "agreements", "trips")


def _p(row: Row, code: str, column: str | None = None, **params) -> Problem:
    pos = row.where(column)
    return Problem(code, row.file, pos.line, pos.column, column, params)


def check(loaded: Loaded, today: dt.date) -> list[Problem]:
    t = loaded.tables
    problems = []
    for resource in PAGED:
        problems += [_p(row, "id-reserved", "id", id=row.values["id"]) for row in t[resource]
                     if isinstance(row.values.get("id"), str) and taken_by_site(resource, row.values["id"])]
    problems += _trips(t, today, loaded.settings)
    problems += _costs(t, loaded.settings)
    problems += _population(t["municipalities"], today)
    problems += _travel_modes(t)
    problems += _repeated_costs(t["costs"])
    return problems


def _is_date(value) -> bool:
    return isinstance(value, dt.date)


def _trips(t: dict[str, list[Row]], today: dt.date, limits: Settings) -> list[Problem]:
    problems = []
    has = {name: {row.values.get("trip_id") for row in t[name]} for name in ("trip_participants", "trip_destinations")}
    for row in t["trips"]:
        v = row.values
        start, end, report = v.get("start_date"), v.get("end_date"), v.get("report_date")
        if _is_date(start) and _is_date(end) and (end - start).days + 1 > limits.max_trip_days:
            problems.append(_p(row, "trip-too-long", "end_date", days=(end - start).days + 1, limit=limits.max_trip_days))
        if _is_date(start) and start.year < limits.earliest_year:
            problems.append(_p(row, "trip-too-early", "start_date", year=limits.earliest_year))
        if _is_date(report) and _is_date(end) and report < end:
            problems.append(_p(row, "report-before-end", "report_date", end=end.isoformat()))
        if v.get("status") != "completed":
            continue
        if _is_date(end) and end > today:
            problems.append(_p(row, "completed-in-future", "end_date", end=end.isoformat()))
        for name, column in (("trip_participants", "participants"), ("trip_destinations", "destinations")):
            if v.get("id") not in has[name]:
                problems.append(_p(row, f"completed-without-{column}", "id"))
    return problems


def _population(municipalities: list[Row], today: dt.date) -> list[Problem]:
    """A population counted in a year that has not come: most likely the year of a forecast, or a typing error."""
    return [_p(row, "population-year-future", "population_year", year=row.values["population_year"])
            for row in municipalities if isinstance(row.values.get("population_year"), int)
            and row.values["population_year"] > today.year]


OVERLAND = ("train", "car", "ferry")
CONTINENTS = {"EU": ("Europa", "Europe"), "AS": ("Asien", "Asia"), "AF": ("Afrika", "Africa"),
              "NA": ("Nordamerika", "North America"), "SA": ("Sydamerika", "South America"),
              "OC": ("Oceanien", "Oceania"), "AN": ("Antarktis", "Antarctica")}


def _travel_modes(t: dict[str, list[Row]]) -> list[Problem]:
    """A train, car or ferry to another continent than the body's municipality's (GeoNames' continents):
    most likely a flight, and the climate estimate depends on it."""
    home = {row.values.get("id"): row.values.get("country") or "SE" for row in t["municipalities"]}
    body_home = {row.values.get("id"): home.get(row.values.get("municipality_id")) for row in t["bodies"]}
    countries = defaultdict(list)
    for row in t["trip_destinations"]:
        countries[row.values.get("trip_id")].append(row.values.get("country"))
    problems = []
    for row in t["trips"]:
        mode, start = row.values.get("travel_mode"), geo.continent(str(body_home.get(row.values.get("body_id"))))
        if mode not in OVERLAND or start is None:
            continue
        far = next((c for c in countries[row.values.get("id")] if isinstance(c, str)
                    and geo.continent(c) not in (None, start)), None)
        if far is not None:
            sv, en = CONTINENTS.get(geo.continent(far), (geo.continent(far),) * 2)
            problems.append(_p(row, "travel-mode-continent", "travel_mode", mode=mode, country=far,
                               continent_sv=sv, continent_en=en))
    return problems


def _repeated_costs(costs: list[Row]) -> list[Problem]:
    """A cost line entered twice: the same record, category, amount, date and payer as a line before it."""
    seen: dict[tuple, Row] = {}
    problems = []
    for row in costs:
        v = row.values
        key = tuple(v.get(c) for c in ("trip_id", "membership_id", "agreement_id", "category", "amount_sek", "date",
                                        "paid_by_body_id", "paid_by_other"))
        if key in seen:
            first = seen[key].where("category")
            problems.append(_p(row, "cost-repeated", "amount_sek", line=first.line, id=seen[key].values.get("id")))
        else:
            seen[key] = row
    return problems


def _costs(t: dict[str, list[Row]], limits: Settings) -> list[Problem]:
    """Amounts above the limit, cost lines paid by a body of another municipality than the record's, and lodging
    on a trip that starts and ends the same day."""
    problems = []
    names = {row.values.get("id"): row.values.get("name") for row in t["municipalities"]}
    municipality = {row.values.get("id"): names.get(row.values.get("municipality_id")) for row in t["bodies"]}
    owner = defaultdict(dict)  # parent column -> record id -> the record's municipality
    for resource, column in (("trips", "trip_id"), ("memberships", "membership_id"), ("agreements", "agreement_id")):
        for row in t[resource]:
            owner[column][row.values.get("id")] = municipality.get(row.values.get("body_id"))
    for resource, column in (("costs", "amount_sek"), ("trips", "total_sek")):
        for row in t[resource]:
            amount = row.values.get(column)
            if isinstance(amount, (int, float)) and not isinstance(amount, bool) and amount > limits.max_amount_sek:
                problems.append(_p(row, "amount-implausible", column, limit=f"{limits.max_amount_sek:,}".replace(",", " ")))
    for row in t["costs"]:
        payer = municipality.get(row.values.get("paid_by_body_id"))
        record = next((owner[c].get(row.values[c]) for c in owner if row.values.get(c)), None)
        if payer and record and payer != record:
            problems.append(_p(row, "payer-other-municipality", "paid_by_body_id", payer=payer, record=record))
    same_day = {row.values.get("id"): row.values["start_date"] for row in t["trips"]
                if _is_date(row.values.get("start_date")) and row.values.get("start_date") == row.values.get("end_date")}
    problems += [_p(row, "lodging-same-day", "category", date=same_day[row.values["trip_id"]].isoformat())
                 for row in t["costs"] if row.values.get("category") == "lodging" and row.values.get("trip_id") in same_day]
    return problems
