"""Positions, distances, CO2 estimates and the destination maps (issue 15, points 2 and 3)."""

from __future__ import annotations

import csv
import re

import pytest

from conftest import TODAY, line_of, run_portal
from generator import climate, geo
from test_site_build import page, sample_site  # noqa: F401  (the session's built sample site)

STOCKHOLM = geo.Position(59.32938, 18.06871, geo.SOURCE_GEONAMES, 2673730)  # with its GeoNames id
PARIS = geo.Position(48.85341, 2.3488, geo.SOURCE_GEONAMES, 2988507)
PARIS_TRIP = "2016-11-paris-oecd-inclusive-growth"


def test_geonames_places_the_sample_cities_by_their_swedish_names_too():
    assert geo.place("Paris", "FR") == PARIS
    assert geo.place("Bryssel", "BE") is not None  # an alternate name in GeoNames
    assert geo.place("Paris", "SE") is None  # the country matters
    assert geo.place("Atlantis", "GR") is None  # never guessed
    assert geo.place("Atlantis", "GR", 36.4, 25.4) == geo.Position(36.4, 25.4, geo.SOURCE_DATA)  # the data's own wins
    assert geo.municipality_place("Stockholms stad", "stockholm", "SE") == STOCKHOLM


def test_stockholm_paris_against_a_hand_computation():
    # Haversine by hand, R = 6371.0088 km:
    #   phi1 = 59.32938 deg = 1.035493 rad, phi2 = 48.85341 deg = 0.852654 rad
    #   dphi = -10.47597 deg = -0.182840 rad, dlambda = -15.71991 deg = -0.274363 rad
    #   sin^2(dphi/2) = (-0.091293)^2 = 0.0083344
    #   cos(phi1) cos(phi2) sin^2(dlambda/2) = 0.51025 * 0.65814 * (-0.136751)^2 = 0.0062800
    #   h = 0.0146144; c = 2 asin(sqrt h) = 2 asin(0.120890) = 0.242374 rad
    #   d = 6371.0088 * 0.242374 = 1544.2 km one way
    one_way = geo.great_circle_km(STOCKHOLM, PARIS)
    assert one_way == pytest.approx(1544.2, abs=0.5)
    # 1544 km one way is in the short-haul band (500-3700 km): DESNZ 2025, Short-haul, to/from UK,
    # Average passenger, With RF = 0.12786 kg CO2e per passenger-km.
    assert climate.factor_for("flight", one_way).kg_per_km == 0.12786
    # There and back: 2 * 1544.2 = 3088.4 km; 3088.4 * 0.12786 = 394.9 kg per traveller; 3 travellers: 1184.6 kg.
    e = climate.estimate(STOCKHOLM, [PARIS], None, 3)
    assert e.mode == "flight" and e.mode_assumed
    assert e.distance_km == pytest.approx(3088.4, abs=1)
    assert e.per_traveller_kg == pytest.approx(394.9, abs=0.2)
    assert e.total_kg == pytest.approx(1184.6, abs=0.6)


def test_bands_modes_and_unknowns():
    assert climate.factor_for("flight", 300).key == "flight-domestic"
    assert climate.factor_for("flight", 5000).key == "flight-long"
    assert climate.factor_for("train", 5000).key == "train"
    by_train = climate.estimate(STOCKHOLM, [PARIS], "train", 2)
    assert not by_train.mode_assumed and by_train.per_traveller_kg == pytest.approx(3088.4 * 0.03546, abs=0.2)
    unplaced = climate.estimate(STOCKHOLM, [PARIS, None], "flight", 2)
    assert unplaced.distance_km is None and unplaced.per_traveller_kg is None and unplaced.total_kg is None
    nobody = climate.estimate(STOCKHOLM, [PARIS], "flight", 0)
    assert nobody.per_traveller_kg is not None and nobody.total_kg is None  # unknown, not zero


def test_downloads_carry_the_estimate(sample_site):  # noqa: F811
    with open(sample_site / "data" / "latest" / "trips.csv", encoding="utf-8-sig", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    paris = rows[PARIS_TRIP]
    assert float(paris["distance_km_computed"]) == pytest.approx(3088.4, abs=1)
    assert float(paris["co2e_kg_per_traveller_computed"]) == pytest.approx(394.9, abs=0.2)
    assert float(paris["co2e_kg_computed"]) == pytest.approx(1184.6, abs=0.6)


def _maps(html: str) -> list[str]:
    return re.findall(r'<svg[^>]*class="portal-svg portal-map".*?</svg>', html, re.S)


@pytest.mark.parametrize("url, count", [("resor/", 2), ("resor/2024/", 1), ("organ/stockholm-kommunstyrelsen/", 1),
                                        ("organisationer/oecd/", 1)])
def test_maps_with_title_desc_and_table_and_nothing_from_elsewhere(sample_site, url, count):  # noqa: F811
    html = page(sample_site, url)
    maps = _maps(html)
    assert len(maps) == count
    for svg in maps:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
        assert "Samma siffror finns i tabellen" in svg
        assert re.search(r'<circle [^>]*><title>[^<]+: \d+ res(a|or)</title>', svg)
        assert not re.search(r"(href|src)=|url\(|https?://(?!www\.w3\.org/2000/svg\")", svg)
        assert len(svg) < 25_000
    assert html.count("<th scope=\"col\">Resmål</th>") == count and "<caption>Resmål " in html


def test_trip_page_and_method_page(sample_site):  # noqa: F811
    trip = page(sample_site, f"resor/{PARIS_TRIP}/")
    assert "395 kg CO₂e per resenär" in trip and "1\u00a0184 kg CO₂e totalt för 3 resenärer" in trip
    assert "Färdsätt inte angivet: beräknat som flyg, som för alla resor utan färdsätt." in trip
    method = page(sample_site, "klimat/")
    assert "DESNZ" in method and "0,12786" in method and "With RF" in method
    assert "Per organ och år" in method and "Begränsningar" in method


def test_bad_coordinates_name_file_line_and_hint(workdir):
    path = workdir / "data" / "trips" / "2016" / f"{PARIS_TRIP}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    city: Paris\n    country: FR\n",
                                 "    city: Paris\n    country: FR\n    latitude: 148.85\n    longitude: 2.35\n"),
                    encoding="utf-8")
    other = workdir / "data" / "trips" / "2024" / "2024-06-bryssel-green-week.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("city: Bryssel", "city: Brysel\n    latitude: 50.85"),
                     encoding="utf-8")
    result = run_portal("validate", "--lang", "en", "--today", TODAY, cwd=workdir)
    assert result.returncode == 1, result.stdout
    out = result.stdout
    line = line_of(path.read_text(encoding="utf-8"), "latitude: 148.85")
    assert (f"data/trips/2016/{PARIS_TRIP}.yaml:{line}:15: error: 148.85 is not a possible latitude: "
            "the value lies between -90 and 90. [latitude]") in out
    assert "not in degrees and minutes" in out
    line = line_of(other.read_text(encoding="utf-8"), "latitude: 50.85")
    assert (f"data/trips/2024/2024-06-bryssel-green-week.yaml:{line}:15: error: Half the coordinates: "
            "longitude is missing. [latitude]") in out


def test_a_place_not_found_is_a_warning_with_a_hint(workdir):
    path = workdir / "data" / "trips" / "2024" / "2024-06-bryssel-green-week.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("city: Bryssel", "city: Brysel"), encoding="utf-8")
    result = run_portal("validate", "--lang", "en", "--today", TODAY, cwd=workdir)
    assert result.returncode == 0, result.stdout
    line = line_of(path.read_text(encoding="utf-8"), "city: Brysel")
    assert (f"data/trips/2024/2024-06-bryssel-green-week.yaml:{line}:11: warning: The portal cannot find Brysel (BE) "
            "among GeoNames' cities") in result.stdout
    assert "give the place's coordinates" in result.stdout


def test_an_unplaced_destination_is_said_and_never_counted_as_zero(workdir):
    from generator.render import emissions, maps, records
    from generator.validate import validated_dataset

    path = workdir / "data" / "trips" / "2024" / "2024-06-bryssel-green-week.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("city: Bryssel", "city: Brysel"), encoding="utf-8")
    dataset = validated_dataset(workdir / "data")[1]
    trip = dataset.trips["2024-06-bryssel-green-week"]
    assert trip.climate.per_traveller_kg is None and trip.climate.total_kg is None
    facts = dict(records.trip_page(trip).facts)
    assert facts["Resmål"] == "Brysel (Belgien, okänd position)"
    assert str(facts["Klimatpåverkan"]).startswith("uppgift saknas: okänd position")
    sums = emissions.sums_table(dataset)
    body = [row for row in sums.rows if row[0].text.startswith("Kommunstyrelsen, Malmö")][0]
    column = [h.text for h in sums.headers].index("2024")
    assert body[column].text == "1\u00a0275 kg CO₂e + 1 okänd"  # the 2024 Lissabon trip counted, the Brysel trip not
    table = maps.place_table(maps.places(dataset.trips.values()), maps.EUROPE, "t")
    assert ["Brysel", "Belgien", "1", "okänd position"] in [[c.text for c in row] for row in table.rows]
