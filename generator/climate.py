"""A trip's greenhouse-gas emissions, estimated: distance by mode of travel times an official factor.

Method (the site's page "Klimatpåverkan" says the same in Swedish): the great-circle
distance (`geo.great_circle_km`) from the municipality to each destination and back,
times a factor per passenger-kilometre for the trip's mode of travel (`travel_mode`;
flight where the data does not say, and the site says so), per traveller, times the
number of travellers. Flights take their factor by the one-way distance band. Unknown
stays unknown: a destination without a position leaves the trip's figure unknown, and
a trip without travellers has a figure per traveller but no total.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import geo

SOURCE = ("UK Department for Energy Security and Net Zero (DESNZ), Greenhouse gas reporting: "
          "conversion factors 2025, flat file, kg CO2e")
SOURCE_YEAR = 2025
DEFAULT_MODE = "flight"
DOMESTIC_MAX_KM = 500
"""One-way flights shorter than this take the domestic factor (DESNZ's domestic flights average 434 km)."""
SHORT_HAUL_MAX_KM = 3700
"""DESNZ's boundary between short-haul and long-haul flights."""


@dataclass(frozen=True)
class Factor:
    key: str
    kg_per_km: float  # kg CO2e per passenger-km (car: per vehicle-km, see below)
    desnz_name: str  # the row of DESNZ's table, as it names it
    desnz_id: str  # the row's ID in DESNZ's flat file, which pins it
    label: str  # Swedish, for the site


# DESNZ, Greenhouse gas reporting: conversion factors 2025 (published June 2025), flat file,
# column "GHG Conversion Factor 2025", unit "kg CO2e". Flights: "Business travel- air", the
# rows with radiative forcing ("With RF": the non-CO2 effects of flying at altitude),
# Average passenger. Car: "Business travel- land", per vehicle-km, counted per traveller as
# if each drove alone (an upper bound; the data do not say who shared a car).
FACTORS: dict[str, Factor] = {f.key: f for f in (
    Factor("flight-domestic", 0.22928, "Business travel- air > Flights > Domestic, to/from UK > Average passenger, "
           "With RF (passenger.km)", "21_316_3160_11_1", f"flyg, kortare än {DOMESTIC_MAX_KM} km"),
    Factor("flight-short", 0.12786, "Business travel- air > Flights > Short-haul, to/from UK > Average passenger, "
           "With RF (passenger.km)", "21_316_3162_11_1", f"flyg, {DOMESTIC_MAX_KM}–{SHORT_HAUL_MAX_KM} km"),
    Factor("flight-long", 0.15282, "Business travel- air > Flights > Long-haul, to/from UK > Average passenger, "
           "With RF (passenger.km)", "21_316_3168_11_1", f"flyg, längre än {SHORT_HAUL_MAX_KM} km"),
    Factor("train", 0.03546, "Business travel- land > Rail > National rail (passenger.km)", "25_315_3147_11_1", "tåg"),
    Factor("car", 0.16725, "Business travel- land > Cars (by size) > Average car > Unknown (km)", "25_301_3074_4_1",
           "bil"),
    Factor("ferry", 0.1127, "Business travel- sea > Ferry > Average (all passenger) (passenger.km)", "23_318_3190_11_1",
           "färja"),
)}


def factor_for(mode: str, one_way_km: float) -> Factor:
    """The factor of a leg: by mode, and for flights by the one-way distance band."""
    if mode != "flight":
        return FACTORS[mode]
    if one_way_km < DOMESTIC_MAX_KM:
        return FACTORS["flight-domestic"]
    return FACTORS["flight-short"] if one_way_km <= SHORT_HAUL_MAX_KM else FACTORS["flight-long"]


@dataclass(frozen=True)
class Estimate:
    mode: str
    mode_assumed: bool  # the data gave no mode: flight is assumed
    travellers: int
    distance_km: float | None  # there and back, every destination; None when a position is unknown
    per_traveller_kg: float | None
    factors: tuple[Factor, ...]  # one per destination, in order (empty when unknown)
    cancelled: bool = False  # the trip did not happen: no estimate, and no part of any sum
    legs_km: tuple[float, ...] = ()  # one way to each destination, in order (empty when unknown)

    @property
    def total_kg(self) -> float | None:
        """All travellers together; None without travellers or distance: unknown, never zero."""
        if self.per_traveller_kg is None or self.travellers == 0:
            return None
        return self.per_traveller_kg * self.travellers


def estimate(home: geo.Position | None, destinations: list[geo.Position | None], mode: str | None,
             travellers: int, cancelled: bool = False) -> Estimate:
    """There and back from `home` to each destination, per traveller and in total."""
    used = mode or DEFAULT_MODE
    if cancelled:
        return Estimate(used, mode is None, travellers, None, None, (), cancelled=True)
    if home is None or not destinations or any(d is None for d in destinations):
        return Estimate(used, mode is None, travellers, None, None, ())
    legs = [geo.great_circle_km(home, d) for d in destinations]
    factors = tuple(factor_for(used, km) for km in legs)
    return Estimate(used, mode is None, travellers, round(2 * sum(legs), 1),
                    round(sum(2 * km * f.kg_per_km for km, f in zip(legs, factors)), 1), factors, legs_km=tuple(legs))
