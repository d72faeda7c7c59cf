"""Every figure on the start page and the cost pages, recomputed from the CSV downloads alone.

The recomputation reads the CSV files with the csv module and knows only what the
data dictionary says (a cost counts on its date, or its trip's start; it is the
municipality's when one of its bodies paid; an empty figure is zero only when every
body it could come from has reported the year). It uses none of the generator's code,
so the site and the downloads cannot disagree without this test failing.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from test_site_build import sample_site  # noqa: F401

COUNTRY_NAMES = {"BE": "Belgien", "FI": "Finland", "FR": "Frankrike", "PT": "Portugal"}  # the sample's, as a reader says them
CATEGORY_LABELS = {k: v["sv"] for k, v in next(
    f for f in json.loads((Path(__file__).parents[1] / "generator/schemas/costs.json").read_text(encoding="utf-8"))["fields"]
    if f["name"] == "category")["x-labels"].items()}
KIND_LABELS = {"trip": "Resor", "membership": "Medlemskap", "agreement": "Avtal"}


class _Tables(HTMLParser):
    """caption -> rows of (text, data-sort or None) cells, header row first."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[tuple[str, str | None]]]] = {}
        self._rows = self._cell = self._caption = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = ""
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = ["", dict(attrs).get("data-sort")]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._rows[-1].append((self._cell[0].strip(), self._cell[1]))
            self._cell = None
        elif tag == "caption":
            self._name, self._caption = self._caption.strip(), None
        elif tag == "table" and self._rows is not None:
            self.tables[self._name] = self._rows
            self._rows = None

    def handle_data(self, data):
        if self._caption is not None:
            self._caption += data
        elif self._cell is not None:
            self._cell[0] += data


def tables(site: Path, url: str) -> dict:
    parser = _Tables()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser.tables


def shown(cell: tuple[str, str | None]) -> float | None:
    """A money cell's amount: its sort value, empty when the page says uppgift saknas."""
    text, sort = cell
    assert sort is not None, cell
    assert (sort == "") == text.startswith("uppgift saknas"), cell
    return None if sort == "" else float(sort)


class Downloads:
    """The CSV files, and the figures they imply."""

    def __init__(self, folder: Path):
        def read(name):
            with open(folder / f"{name}.csv", encoding="utf-8", newline="") as f:
                return list(csv.DictReader(f))

        self.municipalities = {r["id"]: r for r in read("municipalities")}
        self.bodies = {r["id"]: r for r in read("bodies")}
        self.trips = {r["id"]: r for r in read("trips")}
        self.memberships = {r["id"]: r for r in read("memberships")}
        self.agreements = {r["id"]: r for r in read("agreements")}
        self.participants = read("trip_participants")
        self.people = {r["id"]: r for r in read("people")}
        self.costs = read("costs")
        self.fees = read("membership_fees")
        self.reported = {(r["body_id"], r["period"]) for r in read("completeness")}
        self.last = int(json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["created"][:4])
        for c in self.costs:
            owner = (self.trips.get(c["trip_id"]) or self.memberships.get(c["membership_id"])
                     or self.agreements.get(c["agreement_id"]))
            c["_year"] = int((c["date"] or self.trips.get(c["trip_id"], {}).get("start_date", ""))[:4])
            c["_body"] = owner["body_id"]
            c["_municipality"] = self.bodies[owner["body_id"]]["municipality_id"]

    def municipality_of(self, trip: dict) -> str:
        return self.bodies[trip["body_id"]]["municipality_id"]

    def travellers(self, trip: dict) -> list[str]:
        """The trip's participants whose body is one of its municipality's (the data dictionary's travellers)."""
        own = self.municipality_of(trip)
        body = {p: r["body_id"] for p, r in self.people.items()}
        return [p["person_id"] for p in self.participants if p["trip_id"] == trip["id"] and body[p["person_id"]]
                and self.bodies[body[p["person_id"]]]["municipality_id"] == own]

    @staticmethod
    def days(trip: dict) -> int:
        return (dt.date.fromisoformat(trip["end_date"]) - dt.date.fromisoformat(trip["start_date"])).days + 1

    @staticmethod
    def trip_cost(trip: dict) -> float | None:
        """What the trip cost the municipality: the lines its bodies paid, or the stated total without lines."""
        value = trip["municipality_sek_computed"] or trip["total_sek"]
        return float(value) if value else None

    def rates(self, trips: list[dict]) -> tuple[int, int, float | None, int | None, int | None]:
        """(trips, counted, cost, travellers, traveller-days) over the trips not cancelled whose cost and travellers are
        both known."""
        taken = [t for t in trips if t["status"] != "cancelled"]
        counted = [t for t in taken if self.trip_cost(t) is not None and self.travellers(t)]
        cost = round(sum(self.trip_cost(t) for t in counted), 2) if counted else None
        return (len(taken), len(counted), cost, sum(len(self.travellers(t)) for t in counted) or None,
                sum(len(self.travellers(t)) * self.days(t) for t in counted) or None)

    def bodies_of(self, municipality: str) -> list[str]:
        return [b for b, r in self.bodies.items() if r["municipality_id"] == municipality]

    def coverage(self, municipality: str, year: int) -> tuple[int, int]:
        bodies = self.bodies_of(municipality)
        return sum((b, str(year)) in self.reported for b in bodies), len(bodies)

    def all_reported(self, municipality: str, year: int) -> bool:
        done, total = self.coverage(municipality, year)
        return done == total

    @staticmethod
    def figure(lines: list[dict], known_zero: bool) -> float | None:
        if not lines and not known_zero:
            return None
        return round(sum(float(c["amount_sek"]) for c in lines if c["paid_by_body_id"]), 2)

    @staticmethod
    def add(values) -> float | None:
        known = [v for v in values if v is not None]
        return round(sum(known), 2) if known else None

    def total(self, cells: list[tuple[list[dict], bool]]) -> float | None:
        """Cells (their lines, whether empty means zero) added up: with no line among them, unknown unless every
        one is a known zero, as a single cell is."""
        if not any(lines for lines, _ in cells) and not all(zero for _, zero in cells):
            return None
        return self.add(self.figure(lines, zero) for lines, zero in cells)

    def years(self, municipality: str) -> list[int]:
        years = {c["_year"] for c in self.costs if c["_municipality"] == municipality}
        years |= {int(p[:4]) for b, p in self.reported if self.bodies[b]["municipality_id"] == municipality}
        return sorted(y for y in years if y <= self.last)


@pytest.fixture(scope="module")
def dl(sample_site) -> Downloads:  # noqa: F811
    return Downloads(sample_site / "data" / "latest")


def check_amount_table(rows, dl: Downloads, municipality: str, key, label, known_zero, costs=None) -> int:
    """Compare a shown table (key × year, totals) with the recomputation; returns the cells compared.

    `costs`: the lines the table adds up (default: those of the municipality's records).
    """
    header, *body = rows
    years = [int(text) for text, _ in header[1:-1]]
    assert years == dl.years(municipality)
    if costs is None:
        costs = [c for c in dl.costs if c["_municipality"] == municipality]
    costs = [c for c in costs if key(c) is not None]
    keys = {key(c) for c in costs} | set(getattr(known_zero, "keys", ()))
    cells = {(k, y): ([c for c in costs if key(c) == k and c["_year"] == y], known_zero(k, y)) for k in keys for y in years}
    checked = 0
    shown_rows = {row[0][0]: row for row in body}
    for k in keys:
        row = shown_rows.pop(label(k))
        assert [shown(c) for c in row[1:-1]] == [dl.figure(*cells[(k, y)]) for y in years], (label(k), row)
        assert shown(row[-1]) == dl.total([cells[(k, y)] for y in years]), label(k)
        checked += len(row) - 1
    total = shown_rows.pop("Totalt")
    assert [shown(c) for c in total[1:-1]] == [dl.total([cells[(k, y)] for k in keys]) for y in years]
    assert shown(total[-1]) == dl.total(list(cells.values()))
    assert shown_rows == {}, shown_rows
    return checked + len(total) - 1


def year_expected(dl: Downloads, mid: str, y: int) -> dict[str, object]:
    """A municipality's figures of a year as the start page and the comparison name them: the coverage as text, the
    rest as the amount or number a cell holds (None: uppgift saknas)."""
    done, total = dl.coverage(mid, y)
    lines = [c for c in dl.costs if c["_municipality"] == mid and c["_year"] == y]
    spent = dl.figure(lines, dl.all_reported(mid, y))
    prelim = round(sum(float(c["amount_sek"]) for c in lines if c["paid_by_body_id"] and c["status"] == "preliminary"), 2)
    trips = [t for t in dl.trips.values() if t["start_date"][:4] == str(y) and dl.municipality_of(t) == mid]
    taken = [t for t in trips if t["status"] != "cancelled"]
    count = lambda n: float(n) if n or dl.all_reported(mid, y) else None  # noqa: E731: none, and not reported
    fees = [f for f in dl.fees if f["year"] == str(y)
            and dl.bodies[dl.memberships[f["membership_id"]]["body_id"]]["municipality_id"] == mid]
    _, _, cost, travellers, traveller_days = dl.rates(trips)
    population = dl.municipalities[mid]["population"]
    climate = [float(t["co2e_kg_computed"]) for t in taken if t["co2e_kg_computed"]]
    return {
        "Organ som rapporterat": f"{done} av {total}",
        "Kostnader som kommunen betalat": spent,
        "varav preliminärt": None if spent is None else prelim,
        "Kostnader per invånare": round(spent / int(population), 2) if spent is not None and population else None,
        "Resor": count(len(taken)),
        "Resenärer (olika personer)": count(len({p for t in taken for p in dl.travellers(t)})),
        "Resekostnad per resenär": round(cost / travellers, 2) if travellers else None,
        "Resekostnad per resenär och dag": round(cost / traveller_days, 2) if traveller_days else None,
        "Medlemskap": float(sum(_active(r["start_date"], r["end_date"], y, r["status"] != "ended")
                                for r in dl.memberships.values() if dl.bodies[r["body_id"]]["municipality_id"] == mid)),
        "Medlemsavgifter": dl.add(float(f["fee_sek_computed"]) if f["fee_sek_computed"] else None for f in fees),
        "Avtal som gällde": float(sum(_active(r["start_date"] or r["signed_date"], r["end_date"], y, r["status"] == "active")
                                      for r in dl.agreements.values() if dl.bodies[r["body_id"]]["municipality_id"] == mid)),
        "Resornas klimatpåverkan (beräknad)": (("inga resor" if dl.all_reported(mid, y) else None) if not taken
                                               else round(sum(climate), 1) if climate else None),
    }


def check_figure(cell: tuple[str, str | None], wanted) -> None:
    assert (cell[0] if isinstance(wanted, str) else shown(cell)) == wanted, (cell, wanted)


def test_start_page_figures_equal_the_downloads(sample_site, dl):  # noqa: F811
    found = tables(sample_site, "")
    year = dl.last - 1
    compared = 0
    for mid, m in dl.municipalities.items():
        rows = {row[0][0]: row for row in found[f"Nyckeltal för {m['name']}, {year - 1} och {year}"][1:]}
        for i, y in enumerate((year - 1, year), start=1):
            wanted = year_expected(dl, mid, y)
            for name, row in rows.items():
                check_figure(row[i], wanted[name])
                compared += 1
        compared += check_amount_table(found[f"Kostnader per kategori och år, {m['name']}, kronor"], dl, mid,
                                       lambda c: c["category"], CATEGORY_LABELS.get, lambda k, y, mid=mid: dl.all_reported(mid, y))
    for row in found["De senaste resorna"][1:]:
        trip = next(t for t in dl.trips.values() if t["title"] in row[1][0])
        assert shown(row[-1]) == dl.trip_cost(trip)
        compared += 1
    assert compared > 50


def _active(start: str, end: str, year: int, open_ended: bool) -> bool:
    if not start or int(start[:4]) > year:
        return False
    return int(end[:4]) >= year if end else open_ended


def test_cost_pages_figures_equal_the_downloads(sample_site, dl):  # noqa: F811
    compared = 0
    for mid, m in dl.municipalities.items():
        name = m["name"]
        all_reported = lambda k, y, mid=mid: dl.all_reported(mid, y)  # noqa: E731
        compared += check_amount_table(tables(sample_site, "kostnader/")[f"Kostnader per år, {name}, kronor"], dl, mid,
                                       lambda c: "trip" if c["trip_id"] else "membership" if c["membership_id"]
                                       else "agreement", KIND_LABELS.get, all_reported)
        compared += check_amount_table(tables(sample_site, "kostnader/kategori/")[f"Kostnader per kategori och år, {name}, kronor"],
                                       dl, mid, lambda c: c["category"], CATEGORY_LABELS.get, all_reported)
        first_country = {}
        with open(sample_site / "data/latest/trip_destinations.csv", encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r["position"] == "1":
                    first_country[r["trip_id"]] = r["country"]
        compared += check_amount_table(tables(sample_site, "kostnader/land/")[f"Resekostnader per land och år, {name}, kronor"],
                                       dl, mid, lambda c: first_country.get(c["trip_id"]) if c["trip_id"] else None,
                                       COUNTRY_NAMES.get, all_reported)

        class BodyReported:
            keys = dl.bodies_of(mid)

            def __call__(self, body, year):
                return (body, str(year)) in dl.reported

        body_name = lambda b: dl.bodies[b]["name"]  # noqa: E731
        by_body = tables(sample_site, "kostnader/organ/")
        compared += check_amount_table(by_body[f"Kostnader per ansvarigt organ och år, {name}, kronor"], dl, mid,
                                       lambda c: c["_body"], body_name, BodyReported())
        paid = [c for c in dl.costs if c["paid_by_body_id"] and dl.bodies[c["paid_by_body_id"]]["municipality_id"] == mid]
        compared += check_amount_table(by_body[f"Kostnader per betalande organ och år, {name}, kronor"], dl, mid,
                                       lambda c: c["paid_by_body_id"], body_name, BodyReported(), paid)
    assert compared > 100


def test_the_sample_shows_unknown_figures_and_nil_returns(sample_site, dl):  # noqa: F811
    """The sample is meant to show each case: a known total, an unknown one, and a known zero from nil returns."""
    shown_values = [shown(c) for rows in tables(sample_site, "kostnader/organ/").values() for row in rows[1:]
                    for c in row[1:]]
    assert None in shown_values and 0.0 in shown_values and any(v for v in shown_values)


def _number(value: str) -> float | None:
    return float(value) if value else None


def test_trip_rates_on_every_trip_page_and_in_trips_csv_equal_the_recomputation(sample_site, dl):  # noqa: F811
    """Days count both ends; travellers are the participants of the trip's own municipality; unknown stays empty."""
    for trip in dl.trips.values():
        cost, travellers, days = dl.trip_cost(trip), len(dl.travellers(trip)) or None, dl.days(trip)
        wanted = {"Kostnad för kommunen": cost, "Resenärer": travellers, "Dagar": days,
                  "Resenärsdagar": travellers * days if travellers else None,
                  "Per resenär": round(cost / travellers, 2) if cost is not None and travellers else None,
                  "Per dag": round(cost / days, 2) if cost is not None else None,
                  "Per resenär och dag": round(cost / (travellers * days), 2) if cost is not None and travellers else None}
        assert (_number(trip["travellers_computed"]), _number(trip["days_computed"]),
                _number(trip["sek_per_traveller_computed"]), _number(trip["sek_per_day_computed"]),
                _number(trip["sek_per_traveller_day_computed"])) == (
            wanted["Resenärer"], wanted["Dagar"], wanted["Per resenär"], wanted["Per dag"], wanted["Per resenär och dag"])
        rows = {row[0][0]: row[1] for row in tables(sample_site, f"resor/{trip['id']}/")["Kostnad per resenär och dag"][1:]}
        assert {name: shown(cell) for name, cell in rows.items()} == wanted, trip["id"]
    paris = dl.trips["2016-11-paris-oecd-inclusive-growth"]
    assert (paris["days_computed"], paris["travellers_computed"], paris["sek_per_traveller_computed"]) == ("1", "3", "8050")


def test_cost_per_traveller_per_body_and_year_equals_the_downloads(sample_site, dl):  # noqa: F811
    found = tables(sample_site, "kostnader/resenar/")
    compared = 0
    for mid, m in dl.municipalities.items():
        header, *rows = found[f"Resekostnad per resenär och dag, per organ och år, {m['name']}"]
        assert [h for h, _ in header] == ["Organ", "År", "Räknade resor", "Resenärer", "Resenärsdagar", "Kostnad",
                                          "Per resenär", "Per resenär och dag"]
        wanted_keys = {(dl.bodies[t["body_id"]]["name"], t["start_date"][:4]) for t in dl.trips.values()
                       if dl.municipality_of(t) == mid and t["status"] != "cancelled"}
        assert {(r[0][0], r[1][0]) for r in rows} == wanted_keys
        for row in rows:
            trips = [t for t in dl.trips.values() if dl.bodies[t["body_id"]]["name"] == row[0][0]
                     and dl.municipality_of(t) == mid and t["start_date"][:4] == row[1][0]]
            taken, counted, cost, travellers, traveller_days = dl.rates(trips)
            assert row[2][0] == f"{counted} av {taken}"
            assert [shown(c) for c in row[3:]] == [
                travellers, traveller_days, cost, round(cost / travellers, 2) if travellers else None,
                round(cost / traveller_days, 2) if traveller_days else None]
            compared += len(row)
    assert compared > 20


def test_the_comparison_of_municipalities_equals_the_downloads(sample_site, dl):  # noqa: F811
    found = tables(sample_site, "jamforelse/")
    year = dl.last - 1
    names = {m["name"]: mid for mid, m in dl.municipalities.items()}
    header, *rows = found[f"Kommunerna jämförda, {year}"]
    columns = [names[h] for h, _ in header[1:]]
    assert sorted(columns) == sorted(dl.municipalities)
    wanted = {mid: year_expected(dl, mid, year) for mid in columns}
    shown_names = [row[0][0] for row in rows]
    assert shown_names[0] == "Organ som rapporterat"  # what every column covers, first
    for row in rows:
        for mid, cell in zip(columns, row[1:]):
            check_figure(cell, wanted[mid][row[0][0]])
    assert "Kostnader per invånare" in shown_names and "Resekostnad per resenär" in shown_names

    header, *rows = found["Kostnader per år och kommun"]
    assert [h for h, _ in header] == ["År", "Kommun", "Kostnad", "Per invånare", "Rapporterat"]
    years = sorted({y for mid in columns for y in dl.years(mid)}, reverse=True)
    assert [(int(r[0][0]), names[r[1][0]]) for r in rows] == [(y, mid) for y in years for mid in columns]
    for row in rows:
        y, mid = int(row[0][0]), names[row[1][0]]
        wanted = year_expected(dl, mid, y)
        assert (shown(row[2]), shown(row[3])) == (wanted["Kostnader som kommunen betalat"], wanted["Kostnader per invånare"])
        done, total = dl.coverage(mid, y)
        assert row[4][0] == f"{done} av {total} organ"

    policies = {row[0][0]: row for row in found["Kommunernas styrdokument"][1:]}
    population = {row[0][0]: row for row in found["Kommunernas folkmängd"][1:]}
    for mid, m in dl.municipalities.items():
        row = policies[m["name"]]
        assert row[1][0] == {"allowed": "Tillåtna", "forbidden": "Tecknar inte vänortsavtal"}[m["twin_city_policy"]]
        assert shown(row[2]) == sum(a["kind"] == "twin_city" and a["status"] == "active" for a in dl.agreements.values()
                                    if dl.bodies[a["body_id"]]["municipality_id"] == mid)
        assert row[3][0] == (f"vart {m['review_interval_years']}:e år" if m["review_interval_years"] else "anges inte")
        row = population[m["name"]]
        assert (shown(row[1]), row[2][0], row[3][0]) == (float(m["population"]), m["population_year"], m["population_source"])


def test_membership_fees_per_year_equal_membership_fees_csv(sample_site, dl):  # noqa: F811
    """The fee table of every membership page, with a chart beside it when a fee is known: a gap per unknown year."""
    for mid, m in dl.memberships.items():
        html = (sample_site / "medlemskap" / mid / "index.html").read_text(encoding="utf-8")
        found = [rows for caption, rows in tables(sample_site, f"medlemskap/{mid}/").items()
                 if caption.startswith("Avgift per år, ")]
        fees = {f["year"]: f for f in dl.fees if f["membership_id"] == mid}
        if not fees:
            assert not found
            continue
        [rows] = found
        assert {r[0][0]: shown(r[1]) for r in rows[1:]} == {y: _number(f["fee_sek_computed"]) for y, f in fees.items()}
        chart = re.search(r'<svg[^>]*aria-labelledby="fees-' + re.escape(mid) + r'-title.*?</svg>', html, re.S)
        if any(f["fee_sek_computed"] for f in fees.values()):
            assert chart and chart.group(0).count('class="gap"') == sum(not f["fee_sek_computed"] for f in fees.values())
        else:
            assert chart is None  # an axis from 0 kr would read as a figure
