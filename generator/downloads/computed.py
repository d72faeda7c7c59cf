"""What the downloads carry beyond the data files: totals computed by the model.

A reader of `trips.csv` should not have to add up `costs.csv` to know what a trip
cost, nor mistake an empty stated total for zero. So every trip row carries
`total_sek_computed` (the sum of all its lines: what a stated `total_sek` must be) and
`municipality_sek_computed` (the lines one of our bodies paid: the trip's cost on the
site), both empty without lines; its days and travellers and what it cost per traveller,
per day and per traveller and day (empty when the cost or the travellers are unknown);
and `membership_fees` has each membership's fee per year: paid, free or unknown. The
numbers are the model's (`Trip.lines_total`, `Trip.paid_total`, `figures.trip_rates`,
`Membership.fee_for`), the same the pages show. Each trip row also carries its estimated
climate impact (`distance_km_computed`, `co2e_kg_per_traveller_computed`,
`co2e_kg_computed`, from `Trip.climate`), empty when unknown. `totals` holds every figure the pages show
(`generator/totals.py`), with what it covers.
"""

from __future__ import annotations

import datetime as dt

from generator.model import Dataset
from generator.figures import trip_rates
from generator.totals import totals


def _number(value: float | None) -> float | int | None:
    """A sum as the data files write amounts: 25700, not 25700.0."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


OF_THE_RECORD = ("municipality_id_computed", "year_computed")
"""Columns a child row repeats from its record: left out where the child stands inside it (the nested JSON)."""

_MUNICIPALITY = {  # resource -> the municipality of a row: its record's responsible body's
    "trip_participants": lambda dataset, row: dataset.trips[row["trip_id"]].body.municipality,
    "memberships": lambda dataset, row: dataset.memberships[row["id"]].body.municipality,
    "membership_forums": lambda dataset, row: dataset.memberships[row["membership_id"]].body.municipality,
    "agreements": lambda dataset, row: dataset.agreements[row["id"]].body.municipality,
    "agreement_parties": lambda dataset, row: dataset.agreements[row["agreement_id"]].body.municipality,
    "completeness": lambda dataset, row: dataset.bodies[row["body_id"]].municipality,
}


def fill(resource: str, rows: list[dict], dataset: Dataset) -> None:
    """Set the computed columns of `resource`'s rows (in place)."""
    if resource == "trips":
        for row in rows:
            trip = dataset.trips[row["id"]]
            row["total_sek_computed"], row["municipality_sek_computed"] = _number(trip.lines_total), _number(trip.paid_total)
            r = trip_rates(trip)
            row.update(days_computed=r.days, travellers_computed=r.travellers,
                       sek_per_traveller_computed=_number(r.per_traveller.value), sek_per_day_computed=_number(r.per_day.value),
                       sek_per_traveller_day_computed=_number(r.per_traveller_day.value))
            co2 = trip.climate
            row["distance_km_computed"] = _number(co2.distance_km)
            row["co2e_kg_per_traveller_computed"] = _number(co2.per_traveller_kg)
            row["co2e_kg_computed"] = _number(None if co2.total_kg is None else round(co2.total_kg, 1))
            one = co2.factors[0] if co2.factors and len(set(co2.factors)) == 1 else None  # the legs' one factor
            row.update(municipality_id_computed=trip.body.municipality.id, year_computed=trip.year,
                       travel_mode_computed=co2.mode, emission_factor_computed=one and one.key,
                       emission_factor_kg_per_km_computed=one and one.kg_per_km)
    elif resource == "trip_destinations":
        for row in rows:
            trip = dataset.trips[row["trip_id"]]
            place, co2 = trip.destinations[row["position"] - 1].position, trip.climate
            leg = row["position"] - 1 if co2.legs_km else None
            row.update(municipality_id_computed=trip.body.municipality.id, year_computed=trip.year,
                       latitude_computed=place and place.latitude, longitude_computed=place and place.longitude,
                       position_source_computed=place and place.source, geonames_id_computed=place and place.geonames_id,
                       distance_km_computed=None if leg is None else _number(round(2 * co2.legs_km[leg], 1)),
                       emission_factor_computed=None if leg is None else co2.factors[leg].key,
                       emission_factor_kg_per_km_computed=None if leg is None else co2.factors[leg].kg_per_km)
    elif resource == "costs":
        costs = {c.id: c for c in dataset.costs}
        for row in rows:
            cost = costs[row["id"]]  # counted by figures.per_municipality: its municipality, its year
            row.update(municipality_id_computed=cost.municipality.id, year_computed=cost.year)
    elif resource in _MUNICIPALITY:
        of = _MUNICIPALITY[resource]
        for row in rows:
            row["municipality_id_computed"] = of(dataset, row).id
        if resource == "trip_participants":
            for row in rows:
                row["year_computed"] = dataset.trips[row["trip_id"]].year


def derived_rows(resource: str, dataset: Dataset, as_of: dt.date | None) -> list[dict]:
    if resource == "totals":  # every figure the pages show, made as they make them
        return [{k: _number(v) for k, v in t.row().items()} for t in totals(dataset, as_of)]
    if resource != "membership_fees":
        raise KeyError(resource)
    first, last = dataset.years(as_of)
    rows = []
    for m in dataset.memberships.values():
        for year in m.years(first, last):
            lines = m.fees(year)
            rows.append({"membership_id": m.id, "year": year, "fee_status": m.fee_status(year),
                         "fee_sek_computed": _number(m.fee_for(year)), "preliminary": any(c.preliminary for c in lines),
                         "municipality_id_computed": m.body.municipality.id})
    return rows
