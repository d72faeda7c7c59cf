"""The municipalities side by side: spending per year and per inhabitant, trips, travellers,
memberships, agreements, and the policies they set themselves.

Each municipality has a column of its own and nothing is added across them. Every figure
says what it covers: the measures table starts with how many of each municipality's bodies
have reported the year, the tables per year say it for each year, and a population gives
its year and source. The measures are a list (`MEASURES`): a new comparison is one more `Measure`
(the CO₂ of the year's trips is one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Dataset, Municipality
from generator import figures
from generator.render import emissions
from generator.render.charts import Series, bar_chart
from generator.render.costs import unknown_note
from generator.figures import MunicipalityFigures, YearFigures
from generator.render.formatting import format_number
from generator.i18n import from_data, n_
from generator.i18n import t as _
from generator.addresses import COMPARISON, localized
from generator.render.views import Cell, Header, PageView, Section, TableView, count, label, money, preliminary_note, sek



@dataclass(frozen=True)
class Measure:
    name: Callable[[], str]  # in the language being rendered
    cell: Callable[[YearFigures], Cell]


MEASURES = [
    Measure(lambda: _("Organ som rapporterat"), lambda y: Cell(y.key.coverage.fraction, numeric=True)),
    Measure(lambda: _("Kostnader som kommunen betalat"), lambda y: money(y.key.spent)),
    Measure(lambda: _("Kostnader per invånare"), lambda y: money(y.per_inhabitant)),
    Measure(lambda: _("Resor"), lambda y: count(y.key.trips)),
    Measure(lambda: _("Resenärer (olika personer)"), lambda y: count(y.key.travellers)),
    Measure(lambda: _("Resekostnad per resenär"), lambda y: money(y.rates.per_traveller)),
    Measure(lambda: _("Resekostnad per resenär och dag"), lambda y: money(y.rates.per_traveller_day)),
    Measure(lambda: _("Medlemskap"), lambda y: count(y.key.memberships)),
    Measure(lambda: _("Medlemsavgifter"), lambda y: money(y.key.membership_fees)),
    Measure(lambda: _("Avtal som gällde"), lambda y: count(y.key.agreements)),
    Measure(lambda: _("Resornas klimatpåverkan (beräknad)"), lambda y: emissions.cell(y.climate)),
]
"""The rows of the comparison for the latest full year, in order."""


def _population_note(ms: list[Municipality]) -> Markup:
    parts = [Markup(_("{municipality}: {n} invånare {year} ({source})")).format(
                 municipality=m.name, n=format_number(m.population), year=m.population_year,
                 source=from_data(m.population_source))
             if m.population else _("{municipality}: folkmängden är inte angiven, så per invånare står som uppgift "
                                    "saknas", municipality=m.name)
             for m in ms]
    return Markup("{}{}.").format(_("Per invånare räknas med kommunens angivna folkmängd för alla år: "),
                                  Markup("; ").join(parts))


def measures_section(dataset: Dataset, per: list[MunicipalityFigures], year: int, as_of: dt.date | None) -> Section:
    years = [figures.year_figures(dataset, mf.municipality, year, as_of) for mf in per]
    rows = [[Cell(measure.name())] + [measure.cell(y) for y in years] for measure in MEASURES]
    table = TableView(_("Kommunerna jämförda, {year}", year=year),
                      [Header(_("Mått"))] + [Header(mf.municipality.name, True) for mf in per], rows, row_headers=True)
    note = (" ".join(f"{y.key.coverage.text}." for y in years) + " " + _(
        "{year} är det senaste hela året före den senaste ändringen av uppgifterna. Resenärer är resornas deltagare som "
        "hör till ett organ i kommunen; kostnad per resenär räknas bara på resor vars kostnad och resenärer båda är "
        "kända, och en resenärsdag är en resenär en dag, första och sista resdagen medräknade.", year=year)
        + " " + unknown_note() + " " + preliminary_note())
    return Section(_("I siffror, {year}", year=year), table=table, note=note)


def years_section(per: list[MunicipalityFigures]) -> Section:
    """Spending per year, in total and per inhabitant: a row per year and municipality, with what its bodies reported."""
    years = sorted({y for mf in per for y in mf.years})
    amounts = {mf.municipality.id: {y: figures.paid_in(mf.costs, y, mf.coverage(y)) for y in years} for mf in per}
    rows = [[Cell(str(y)), Cell(mf.municipality.name), money(amounts[mf.municipality.id][y]),
             money(figures.per_inhabitant(mf.municipality, amounts[mf.municipality.id][y])),
             Cell(mf.coverage(y).parts.text, numeric=True)]
            for y in reversed(years) for mf in per]
    table = TableView(_("Kostnader per år och kommun"), [Header(_("År")), Header(_("Kommun")), Header(_("Kostnad"), True),
                                                         Header(_("Per invånare"), True), Header(_("Rapporterat"), True)],
                      rows, row_headers=True)
    chart = Markup(bar_chart([str(y) for y in years],
                             [Series(mf.municipality.name, [amounts[mf.municipality.id][y].value for y in years],
                                     [sek(amounts[mf.municipality.id][y]) for y in years])
                              for mf in per], stacked=False, title=_("Kostnader per år, kommunerna bredvid varandra"),
                             description=_("Vad varje kommun betalat per år för resor, medlemskap och avtal, i kronor, "
                                           "en stapel per kommun. År utan kända uppgifter visas som uppgift saknas."),
                             id_prefix="compare-years"))
    return Section(_("Kostnader per år"), chart=chart, table=table,
                   note=Markup(" ").join([_("Rapporterat: hur många av kommunens organ som har rapporterat året."),
                                  unknown_note(), _("Kommunerna läggs aldrig ihop."),
                                  _population_note([mf.municipality for mf in per])]))


def policies_section(dataset: Dataset, ms: list[Municipality]) -> Section:
    """What each municipality's policy says, beside what the data shows of it."""
    rows = []
    for m in ms:
        twins = sum(a.kind == "twin_city" and a.status == "active" for a in dataset.agreements.values()
                    if a.body.municipality is m)
        rows.append([Cell(m.name), Cell(label("municipalities", "twin_city_policy", m.twin_city_policy)),
                     count(twins),
                     Cell(n_("varje år", "vart {n}:e år", m.review_interval_years) if m.review_interval_years
                          else _("anges inte")),
                     Cell(from_data(m.policy_reference or "–"))])
    table = TableView(_("Kommunernas styrdokument"), [Header(_("Kommun")), Header(_("Vänortsavtal")),
                                                      Header(_("Gällande vänortsavtal"), True),
                                                      Header(_("Omprövning av medlemskap och intentionsavtal")),
                                                      Header(_("Styrdokument"))], rows, row_headers=True)
    return Section(_("Styrdokument"), table=table,
                   note=_("Gällande vänortsavtal: avtal av slaget vänortsavtal med status gällande, enligt uppgifterna. "
                          "Hur väl uppgifterna följer styrdokumenten står på sidan Principerna."))


def population_section(ms: list[Municipality]) -> Section:
    rows = [[Cell(m.name), count(m.population), Cell(str(m.population_year) if m.population_year else "–"),
             Cell(from_data(m.population_source or "–"))] for m in ms]
    return Section(_("Invånare"), table=TableView(_("Kommunernas folkmängd"),
                                                  [Header(_("Kommun")), Header(_("Invånare"), True), Header(_("År")),
                                                   Header(_("Källa"))], rows, row_headers=True))


def compare_page(dataset: Dataset, as_of: dt.date | None) -> PageView:
    per = figures.per_municipality(dataset, as_of)
    year = figures.latest_full_year(dataset, as_of)
    ms = [mf.municipality for mf in per]
    sections = [measures_section(dataset, per, year, as_of), years_section(per), policies_section(dataset, ms),
                population_section(ms)]
    example = any(c.example for c in dataset.costs) or any(t.has_example_data for t in dataset.trips.values())
    return PageView(localized(COMPARISON), _("Kommunerna jämförda"), example,
                    lead=_("Kommunerna bredvid varandra: vad de betalar, per år och per invånare, hur de reser, deras "
                           "medlemskap och avtal och vad deras styrdokument säger. Varje kommun räknas för sig; inget "
                           "läggs ihop över kommunerna, och varje tal säger hur många organ som har rapporterat."),
                    sections=sections)
