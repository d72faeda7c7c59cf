"""The municipalities side by side: spending per year and per inhabitant, trips, travellers,
memberships, agreements, and the policies they set themselves.

Each municipality has a column of its own and nothing is added across them. Every figure
says what it covers: the measures table starts with how many of each municipality's bodies
have reported the year, the tables per year say it for each year, and a population gives
its year and source. The measures are a list (`MEASURES`): a new comparison, such as the
CO₂ of the year's trips, is one more `Measure`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Dataset, Municipality
from generator.render import figures
from generator.render.charts import Series, bar_chart
from generator.render.costs import UNKNOWN_NOTE
from generator.render.figures import Figure, KeyFigures, MunicipalityFigures, Rates
from generator.render.formatting import format_number
from generator.render.views import PRELIMINARY_NOTE, Cell, Header, PageView, Section, TableView, count, label, money

URL = "jamforelse/"


@dataclass(frozen=True)
class Year:
    """One municipality's numbers for one year: what a measure reads."""
    municipality: Municipality
    key: KeyFigures
    rates: Rates  # the year's trips per traveller

    @property
    def per_inhabitant(self) -> Figure:
        return per_inhabitant(self.municipality, self.key.spent)


@dataclass(frozen=True)
class Measure:
    name: str
    cell: Callable[[Year], Cell]


MEASURES = [
    Measure("Organ som rapporterat", lambda y: Cell(y.key.coverage.fraction, numeric=True)),
    Measure("Kostnader som kommunen betalat", lambda y: money(y.key.spent)),
    Measure("Kostnader per invånare", lambda y: money(y.per_inhabitant)),
    Measure("Resor", lambda y: count(y.key.trips)),
    Measure("Resenärer (olika personer)", lambda y: count(y.key.travellers)),
    Measure("Resekostnad per resenär", lambda y: money(y.rates.per_traveller)),
    Measure("Resekostnad per resenär och dag", lambda y: money(y.rates.per_traveller_day)),
    Measure("Medlemskap", lambda y: count(y.key.memberships)),
    Measure("Medlemsavgifter", lambda y: money(y.key.membership_fees)),
    Measure("Avtal som gällde", lambda y: count(y.key.agreements)),
    # The CO₂ of the year's trips (generator/geo.py) goes here, as one more Measure.
]
"""The rows of the comparison for the latest full year, in order."""


def per_inhabitant(m: Municipality, amount: Figure) -> Figure:
    """An amount per inhabitant, by the municipality's one stated population; unknown without it."""
    return figures.share(amount, m.population)


def spent(mf: MunicipalityFigures, year: int) -> Figure:
    """What the municipality paid in a year: as on the start page (`figures.key_figures`)."""
    return figures.figure([c for c in mf.costs if c.year == year], mf.coverage(year).complete)


def _population_note(ms: list[Municipality]) -> str:
    parts = [f"{m.name}: {format_number(m.population)} invånare {m.population_year} ({m.population_source})"
             if m.population else f"{m.name}: folkmängden är inte angiven, så per invånare står som uppgift saknas"
             for m in ms]
    return ("Per invånare räknas med kommunens angivna folkmängd för alla år: " + "; ".join(parts) + ".")


def measures_section(dataset: Dataset, per: list[MunicipalityFigures], year: int, as_of: dt.date | None) -> Section:
    years = [Year(mf.municipality, figures.key_figures(dataset, mf.municipality, year, as_of),
                  figures.rates(t for b in mf.municipality.bodies for t in b.trips if t.year == year)) for mf in per]
    rows = [[Cell(measure.name)] + [measure.cell(y) for y in years] for measure in MEASURES]
    table = TableView(f"Kommunerna jämförda, {year}", [Header("Mått")] + [Header(mf.municipality.name, True) for mf in per],
                      rows, row_headers=True)
    note = (" ".join(f"{y.key.coverage.text}." for y in years) + f" {year} är det senaste hela året före den senaste "
            "ändringen av uppgifterna. Resenärer är resornas deltagare som hör till ett organ i kommunen; kostnad per "
            "resenär räknas bara på resor vars kostnad och resenärer båda är kända, och en resenärsdag är en resenär en "
            "dag, första och sista resdagen medräknade. " + UNKNOWN_NOTE + " " + PRELIMINARY_NOTE)
    return Section(f"I siffror, {year}", table=table, note=note)


def years_section(per: list[MunicipalityFigures]) -> Section:
    """Spending per year, in total and per inhabitant: a row per year and municipality, with what its bodies reported."""
    years = sorted({y for mf in per for y in mf.years})
    amounts = {mf.municipality.id: {y: spent(mf, y) for y in years} for mf in per}
    rows = [[Cell(str(y)), Cell(mf.municipality.name), money(amounts[mf.municipality.id][y]),
             money(per_inhabitant(mf.municipality, amounts[mf.municipality.id][y])),
             Cell(mf.coverage(y).fraction + " organ", numeric=True)] for y in reversed(years) for mf in per]
    table = TableView("Kostnader per år och kommun", [Header("År"), Header("Kommun"), Header("Kostnad", True),
                                                      Header("Per invånare", True), Header("Rapporterat", True)],
                      rows, row_headers=True)
    chart = Markup(bar_chart([str(y) for y in years],
                             [Series(mf.municipality.name, [amounts[mf.municipality.id][y].value for y in years])
                              for mf in per], stacked=False, title="Kostnader per år, kommunerna bredvid varandra",
                             description="Vad varje kommun betalat per år för resor, medlemskap och avtal, i kronor, "
                                         "en stapel per kommun. År utan kända uppgifter visas som uppgift saknas.",
                             id_prefix="compare-years"))
    return Section("Kostnader per år", chart=chart, table=table,
                   note="Rapporterat: hur många av kommunens organ som har rapporterat året. " + UNKNOWN_NOTE
                        + " Kommunerna läggs aldrig ihop. " + _population_note([mf.municipality for mf in per]))


def policies_section(dataset: Dataset, ms: list[Municipality]) -> Section:
    """What each municipality's policy says, beside what the data shows of it."""
    rows = []
    for m in ms:
        twins = sum(a.kind == "twin_city" and a.status == "active" for a in dataset.agreements.values()
                    if a.body.municipality is m)
        rows.append([Cell(m.name), Cell(label("municipalities", "twin_city_policy", m.twin_city_policy)),
                     count(twins),
                     Cell(f"vart {m.review_interval_years}:e år" if m.review_interval_years else "anges inte"),
                     Cell(m.policy_reference or "–")])
    table = TableView("Kommunernas styrdokument", [Header("Kommun"), Header("Vänortsavtal"),
                                                   Header("Gällande vänortsavtal", True),
                                                   Header("Omprövning av medlemskap och intentionsavtal"),
                                                   Header("Styrdokument")], rows, row_headers=True)
    return Section("Styrdokument", table=table,
                   note="Gällande vänortsavtal: avtal av slaget vänortsavtal med status gällande, enligt uppgifterna. "
                        "Hur väl uppgifterna följer styrdokumenten står på sidan Principerna.")


def population_section(ms: list[Municipality]) -> Section:
    rows = [[Cell(m.name), count(m.population), Cell(str(m.population_year) if m.population_year else "–"),
             Cell(m.population_source or "–")] for m in ms]
    return Section("Invånare", table=TableView("Kommunernas folkmängd", [Header("Kommun"), Header("Invånare", True),
                                                                        Header("År"), Header("Källa")], rows,
                                               row_headers=True))


def compare_page(dataset: Dataset, as_of: dt.date | None) -> PageView:
    per = figures.per_municipality(dataset, as_of)
    year = figures.latest_full_year(dataset, as_of)
    ms = [mf.municipality for mf in per]
    sections = [measures_section(dataset, per, year, as_of), years_section(per), policies_section(dataset, ms),
                population_section(ms)]
    example = any(c.example for c in dataset.costs) or any(t.has_example_data for t in dataset.trips.values())
    return PageView(URL, "Kommunerna jämförda", example,
                    lead="Kommunerna bredvid varandra: vad de betalar, per år och per invånare, hur de reser, deras "
                         "medlemskap och avtal och vad deras styrdokument säger. Varje kommun räknas för sig; inget "
                         "läggs ihop över kommunerna, och varje tal säger hur många organ som har rapporterat.",
                    sections=sections)
