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
                         "fee_sek_computed": _number(m.fee_for(year)), "preliminary": any(c.preliminary for c in lines)})
    return rows
