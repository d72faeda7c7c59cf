"""The pages of figures: the start page's key figures and the cost pages, per municipality.

Every table here is one municipality's: nothing is added across municipalities. Each
says what it covers (how many of the municipality's bodies have reported the year)
and marks sums that hold preliminary amounts. The numbers come from `figures`.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from generator.model import Dataset
from generator import figures
from generator.render.formatting import country_name
from generator.render.charts import Series, bar_chart, horizontal_bar_chart
from generator.figures import Figure, MunicipalityFigures, partial_note
from generator.i18n import t as _
from generator import addresses as at
from generator.addresses import localized
from generator.render.links import link, name_of
from generator.render.views import (Cell, Header, PageView, Section, TableView, amount_table, change, count, label,
                                    money, preliminary_note, sek)

KINDS = ("trip", "membership", "agreement")


def kind_name(kind: str) -> str:
    return {"trip": _("Resor"), "membership": _("Medlemskap"), "agreement": _("Avtal")}[kind]


def unknown_note() -> str:
    return " ".join([_("Ett belopp utan kostnadsrader är 0 kr bara när alla som kunde ha haft kostnaden har "
                       "rapporterat året; annars står det uppgift saknas. Totaler är summan av de kända beloppen."),
                     partial_note()])


def coverage_note(mf: MunicipalityFigures, years: list[int], preliminary: bool) -> str:
    """What a municipality's table covers, year by year, and how to read its marks."""
    parts = "; ".join(f"{mf.coverage(y).text}" for y in years)
    text = f"{mf.municipality.name}: {parts}." if parts else _("{municipality}: inga år att visa.",
                                                               municipality=mf.municipality.name)
    return " ".join([text, unknown_note()] + ([preliminary_note()] if preliminary else []))


def _prefix(mf: MunicipalityFigures, what: str) -> str:
    return f"{what}-{mf.municipality.id}"


def _series(name: str, cells: list[Figure]) -> Series:
    """A chart's layer of figures, each said as the table says it."""
    return Series(name, [f.value for f in cells], [sek(f) for f in cells])


def category_chart(mf: MunicipalityFigures, cats: figures.Table, prefix: str) -> Markup:
    series = [_series(label("costs", "category", k), [cats.cell(k, y) for y in cats.years]) for k in cats.keys_by_total()]
    return Markup(bar_chart([str(y) for y in cats.years], series,
                            title=_("Kostnader per år och kategori, {municipality}", municipality=mf.municipality.name),
                            description=_("Vad {municipality} betalat per år, uppdelat på kostnadskategori, i kronor. År "
                                          "utan kända uppgifter visas som uppgift saknas.",
                                          municipality=mf.municipality.name),
                            id_prefix=prefix))


def category_table(mf: MunicipalityFigures, cats: figures.Table) -> TableView:
    return amount_table(_("Kostnader per kategori och år, {municipality}, kronor", municipality=mf.municipality.name),
                        _("Kategori"),
                        [(label("costs", "category", k), k) for k in cats.keys_by_total()], cats, cats.years)


def _preliminary_part(f: Figure) -> Figure:
    return Figure(f.preliminary, parts=f.parts) if f.known else f


def change_note() -> str:
    return _("Förändringen visas bara mellan år där lika många organ har rapporterat (och lika många avgifter är "
             "kända), märkt ofullst. när inte alla har det; annars står det ej jämförbar.")


def key_figures_section(dataset: Dataset, mf: MunicipalityFigures, year: int, as_of: dt.date | None) -> Section:
    m = mf.municipality
    old, new = (figures.key_figures(dataset, m, y, as_of) for y in (year - 1, year))
    rows = [(_("Organ som rapporterat"), old.coverage.fraction, new.coverage.fraction, None),
            (_("Kostnader som kommunen betalat"), old.spent, new.spent, "money"),
            (_("varav preliminärt"), _preliminary_part(old.spent), _preliminary_part(new.spent), "money"),
            (_("Resor"), old.trips, new.trips, "count"),
            (_("Resenärer (olika personer)"), old.travellers, new.travellers, "count"),
            (_("Medlemskap"), Figure(old.memberships), Figure(new.memberships), "count"),
            (_("Medlemsavgifter"), old.membership_fees, new.membership_fees, "money"),
            (_("Avtal som gällde"), Figure(old.agreements), Figure(new.agreements), "count")]
    body = []
    for name, a, b, kind in rows:
        if kind == "money":
            cells = [money(a), money(b), change(a, b)]
        elif kind == "count":
            cells = [count(a), count(b), change(a, b)]
        else:
            cells = [Cell(a, numeric=True), Cell(b, numeric=True), Cell("–", numeric=True)]
        body.append([Cell(name)] + cells)
    table = TableView(_("Nyckeltal för {municipality}, {previous} och {year}", municipality=m.name, previous=year - 1,
                        year=year),
                      [Header(_("Nyckeltal")), Header(str(year - 1), True), Header(str(year), True),
                       Header(_("Förändring"), True)], body, row_headers=True)
    note = f"{old.coverage.text}; {new.coverage.text}. " + _(
        "{year} är det senaste hela året före den senaste ändringen av uppgifterna. Kostnader och avgifter som inte är "
        "rapporterade står som uppgift saknas, aldrig som 0 kr; antal resor och resenärer likaså när inga är "
        "rapporterade och alla organ inte har rapporterat.", year=year) + " " + partial_note() + " " + change_note()
    return Section(_("Nyckeltal för {year}, {municipality}", year=year, municipality=m.name), table=table, note=note)


def start_sections(dataset: Dataset, year: int, as_of: dt.date | None) -> list[Section]:
    """Per municipality: its key figures, then its costs per year and category."""
    sections = []
    for mf in figures.per_municipality(dataset, as_of):
        cats = mf.by_category()
        sections.append(key_figures_section(dataset, mf, year, as_of))
        sections.append(Section(_("Kostnader per år och kategori, {municipality}", municipality=mf.municipality.name),
                                chart=category_chart(mf, cats, _prefix(mf, "start")), table=category_table(mf, cats),
                                note=coverage_note(mf, cats.years, cats.preliminary)))
    return sections


def _body_section(mf: MunicipalityFigures, table: figures.Table, view: str, what: str, url: str, prefix: str) -> Section:
    """One of the two views of costs per body: by the responsible body or by the paying one."""
    m = mf.municipality
    bodies = {b.id: b for b in m.bodies}
    keys = table.keys_by_total()
    chart = Markup(horizontal_bar_chart([name_of(bodies[k]) for k in keys], [table.total(k).value for k in keys],
                                        texts=[sek(table.total(k)) for k in keys],
                                        title=_("Kostnader {view}, {municipality}", view=view, municipality=m.name),
                                        description=_("{what}, sammanlagt för de år som visas, i kronor.", what=what),
                                        id_prefix=_prefix(mf, prefix)))
    rows = [(link(bodies[k], url, bodies[k].name), k) for k in keys]
    return Section(_("Kostnader {view}, {municipality}", view=view, municipality=m.name), chart=chart,
                   table=amount_table(_("Kostnader {view} och år, {municipality}, kronor", view=view, municipality=m.name),
                                      _("Organ", context="singular"), rows, table, table.years),
                   note=f"{what}. " + coverage_note(mf, table.years, table.preliminary))


def rates_note() -> str:
    return _("Resenärer är resornas deltagare som hör till ett organ i kommunen, räknade en gång per resa; dagar räknas "
             "från första till sista resdagen, båda medräknade, och resenärsdagar är resenärer gånger dagar. Bara resor "
             "vars kostnad och resenärer båda är kända räknas in (kolumnen Räknade resor), så en okänd kostnad sänker "
             "aldrig ett snitt; utan någon sådan resa står det uppgift saknas. Inställda resor räknas inte. En resa hör "
             "till sitt startår och till organet som ansvarar för den.")


def rates_section(mf: MunicipalityFigures) -> Section:
    """Per responsible body and year: what the trips cost per traveller and per traveller and day."""
    m = mf.municipality
    url = localized(at.COSTS_PER_TRAVELLER_DAY)
    rows, partial = [], False
    for body in sorted(m.bodies, key=lambda b: b.name):
        for year in sorted({t.year for t in body.trips if t.status != "cancelled"}, reverse=True):
            r = figures.rates((t for t in body.trips if t.year == year), figures.body_parts(body, year, mf.kind))
            partial = partial or r.cost.partial
            rows.append([Cell(link(body, url, body.name), sort=body.name), Cell(str(year)),
                         Cell(_("{counted} av {n}", counted=r.counted, n=r.trips), sort=str(r.counted), numeric=True),
                         count(r.travellers), count(r.traveller_days), money(r.cost), money(r.per_traveller),
                         money(r.per_traveller_day)])
    table = TableView(_("Resekostnad per resenär och dag, per organ och år, {municipality}", municipality=m.name),
                      [Header(_("Organ", context="singular")), Header(_("År")), Header(_("Räknade resor"), True),
                       Header(_("Resenärer"), True), Header(_("Resenärsdagar"), True), Header(_("Kostnad"), True),
                       Header(_("Per resenär"), True), Header(_("Per resenär och dag"), True)], rows, row_headers=True,
                      sortable=True) if rows else None
    preliminary = any(t.has_preliminary_costs for b in m.bodies for t in b.trips)
    return Section(_("Per resenär och dag, {municipality}", municipality=m.name), table=table,
                   text=None if rows else _("Inga resor."),
                   note=" ".join([rates_note()] + ([preliminary_note()] if preliminary else [])
                                 + ([partial_note()] if partial else [])))


def cost_pages(dataset: Dataset, as_of: dt.date | None) -> list[PageView]:
    """Spending per year, per body (two views), per category and per destination country: per municipality."""
    example = any(c.example for c in dataset.costs)
    per_year, per_body, per_category, per_country, per_traveller = [], [], [], [], []
    for mf in figures.per_municipality(dataset, as_of):
        m = mf.municipality
        kinds = mf.by_kind()
        keys = [k for k in KINDS if k in kinds.keys]
        chart = Markup(bar_chart([str(y) for y in kinds.years],
                                 [_series(kind_name(k), [kinds.cell(k, y) for y in kinds.years]) for k in keys],
                                 title=_("Kostnader per år, {municipality}", municipality=m.name),
                                 description=_("Vad {municipality} betalat per år för resor, medlemskap och avtal, i "
                                               "kronor.", municipality=m.name), id_prefix=_prefix(mf, "year")))
        per_year.append(Section(_("Per år, {municipality}", municipality=m.name), chart=chart,
                                table=amount_table(_("Kostnader per år, {municipality}, kronor", municipality=m.name),
                                                   _("Slag"), [(kind_name(k), k) for k in keys], kinds, kinds.years),
                                note=coverage_note(mf, kinds.years, kinds.preliminary)))
        per_body.append(_body_section(mf, mf.by_responsible_body(), _("per ansvarigt organ"),
                                      _("Kostnaderna räknas till organet som ansvarar för resan, medlemskapet eller "
                                        "avtalet, vem inom kommunen som än betalade"), localized(at.COSTS_BY_BODY),
                                      "responsible"))
        per_body.append(_body_section(mf, mf.by_paying_body(), _("per betalande organ"),
                                      _("Kostnaderna räknas till organet som betalade dem"), localized(at.COSTS_BY_BODY),
                                      "payer"))
        per_traveller.append(rates_section(mf))
        cats = mf.by_category()
        per_category.append(Section(_("Kostnader per kategori, {municipality}", municipality=m.name), chart=category_chart(mf, cats, _prefix(mf, "category")),
                                    table=category_table(mf, cats), note=coverage_note(mf, cats.years, cats.preliminary)))
        countries = mf.by_country()
        country_keys = countries.keys_by_total()
        country_chart = Markup(horizontal_bar_chart([country_name(k) for k in country_keys],
                                                    [countries.total(k).value for k in country_keys],
                                                    texts=[sek(countries.total(k)) for k in country_keys],
                                                    title=_("Resekostnader per land, {municipality}", municipality=m.name),
                                                    description=_("Vad {municipality} betalat för resor per "
                                                                  "resmålsland, i kronor.", municipality=m.name),
                                                    id_prefix=_prefix(mf, "country")))
        per_country.append(Section(_("Resekostnader per land, {municipality}", municipality=m.name), chart=country_chart,
                                   table=amount_table(_("Resekostnader per land och år, {municipality}, kronor",
                                                        municipality=m.name), _("Land"),
                                                      [(country_name(k), k) for k in country_keys], countries,
                                                      countries.years),
                                   note=_("En resa räknas till sitt första resmåls land. Medlemskap och avtal "
                                          "ingår inte.") + " " + coverage_note(mf, countries.years, countries.preliminary)))
    return [
        PageView(localized(at.COSTS), _("Kostnader"), example,
                 lead=_("Bara kostnader som kommunen själv betalat räknas; det som arrangörer eller andra betalat visas "
                        "på respektive resa. Varje kommun för sig."), sections=per_year),
        PageView(localized(at.COSTS_BY_BODY), _("Per organ"), example,
                 lead=_("Två sätt att räkna: efter organet som ansvarar för resan, medlemskapet eller avtalet, och "
                        "efter organet som betalade."), sections=per_body),
        PageView(localized(at.COSTS_BY_CATEGORY), _("Per kategori"), example, sections=per_category),
        PageView(localized(at.COSTS_BY_COUNTRY), _("Per land"), example, sections=per_country),
        PageView(localized(at.COSTS_PER_TRAVELLER_DAY), _("Per resenär och dag"),
                 any(t.has_example_data for t in dataset.trips.values()),
                 lead=_("Vad resorna kostat kommunen per resenär och per resenär och dag, per ansvarigt organ och år. "
                        "Varje resas egna tal står på resans sida och i trips.csv."), sections=per_traveller),
    ]
