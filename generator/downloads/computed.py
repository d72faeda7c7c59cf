"""What the downloads carry beyond the data files: totals computed by the model.

A reader of `trips.csv` should not have to add up `costs.csv` to know what a trip
cost, nor mistake an empty stated total for zero. So every trip row carries
`total_sek_computed` (its lines paid by one of our bodies, empty without lines),
and `membership_fees` has each membership's fee per year: paid, free or unknown.
The numbers are the model's (`Trip.lines_total`, `Membership.fee_for`), the same
the pages show.
"""

from __future__ import annotations

import datetime as dt

from generator.model import Dataset


def fill(resource: str, rows: list[dict], dataset: Dataset) -> None:
    """Set the computed columns of `resource`'s rows (in place)."""
    if resource == "trips":
        for row in rows:
            row["total_sek_computed"] = dataset.trips[row["id"]].lines_total


def derived_rows(resource: str, dataset: Dataset, as_of: dt.date | None) -> list[dict]:
    if resource != "membership_fees":
        raise KeyError(resource)
    first, last = dataset.years(as_of)
    rows = []
    for m in dataset.memberships.values():
        for year in m.years(first, last):
            lines = m.fees(year)
            rows.append({"membership_id": m.id, "year": year, "fee_status": m.fee_status(year),
                         "fee_sek_computed": m.fee_for(year), "preliminary": any(c.preliminary for c in lines)})
    return rows
