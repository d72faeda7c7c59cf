"""The pages of figures: the start page's key figures and the cost pages, per municipality.

Every table here is one municipality's: nothing is added across municipalities. Each
says what it covers (how many of the municipality's bodies have reported the year)
and marks sums that hold preliminary amounts. The numbers come from `figures`.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from generator.model import Dataset
from generator.render import figures
from generator.render.formatting import country_name
from generator.render.charts import Series, bar_chart, horizontal_bar_chart
from generator.render.figures import Figure, MunicipalityFigures
from generator.render.links import link, name_of
from generator.render.views import (PRELIMINARY_NOTE, Cell, Header, PageView, Section, TableView, amount_table, change,
                                    count, label, money)

KIND_NAMES = {"trip": "Resor", "membership": "Medlemskap", "agreement": "Avtal"}
UNKNOWN_NOTE = ("Ett belopp utan kostnadsrader är 0 kr bara när alla som kunde ha haft kostnaden har rapporterat året; "
                "annars står det uppgift saknas. Totaler är summan av de kända beloppen.")


def coverage_note(mf: MunicipalityFigures, years: list[int], preliminary: bool) -> str:
    """What a municipality's table covers, year by year, and how to read its marks."""
    parts = "; ".join(f"{mf.coverage(y).text}" for y in years)
    text = f"{mf.municipality.name}: {parts}." if parts else f"{mf.municipality.name}: inga år att visa."
    return " ".join([text, UNKNOWN_NOTE] + ([PRELIMINARY_NOTE] if preliminary else []))


def _prefix(mf: MunicipalityFigures, what: str) -> str:
    return f"{what}-{mf.municipality.id}"


def category_chart(mf: MunicipalityFigures, cats: figures.Table, prefix: str) -> Markup:
    series = [Series(label("costs", "category", k), [cats.cell(k, y).value for y in cats.years])
              for k in cats.keys_by_total()]
    return Markup(bar_chart([str(y) for y in cats.years], series,
                            title=f"Kostnader per år och kategori, {mf.municipality.name}",
                            description=f"Vad {mf.municipality.name} betalat per år, uppdelat på kostnadskategori, "
                                        "i kronor. År utan kända uppgifter visas som uppgift saknas.",
                            id_prefix=prefix))


def category_table(mf: MunicipalityFigures, cats: figures.Table) -> TableView:
    return amount_table(f"Kostnader per kategori och år, {mf.municipality.name}, kronor", "Kategori",
                        [(label("costs", "category", k), k) for k in cats.keys_by_total()], cats, cats.years)


def _preliminary_part(f: Figure) -> Figure:
    return Figure(f.preliminary) if f.known else f


def key_figures_section(dataset: Dataset, mf: MunicipalityFigures, year: int, as_of: dt.date | None) -> Section:
    m = mf.municipality
    old, new = (figures.key_figures(dataset, m, y, as_of) for y in (year - 1, year))
    rows = [("Organ som rapporterat", old.coverage.fraction, new.coverage.fraction, None),
            ("Kostnader som kommunen betalat", old.spent, new.spent, "money"),
            ("varav preliminärt", _preliminary_part(old.spent), _preliminary_part(new.spent), "money"),
            ("Resor", old.trips, new.trips, "count"), ("Resenärer (olika personer)", old.travellers, new.travellers, "count"),
            ("Medlemskap", old.memberships, new.memberships, "count"),
            ("Medlemsavgifter", old.membership_fees, new.membership_fees, "money"),
            ("Avtal som gällde", old.agreements, new.agreements, "count")]
    body = []
    for name, a, b, kind in rows:
        if kind == "money":
            cells = [money(a), money(b), Cell(change(a.value, b.value), numeric=True)]
        elif kind == "count":
            cells = [count(a), count(b), Cell(change(a, b), numeric=True)]
        else:
            cells = [Cell(a, numeric=True), Cell(b, numeric=True), Cell("–", numeric=True)]
        body.append([Cell(name)] + cells)
    table = TableView(f"Nyckeltal för {m.name}, {year - 1} och {year}",
                      [Header("Nyckeltal"), Header(str(year - 1), True), Header(str(year), True),
                       Header("Förändring", True)], body, row_headers=True)
    note = (f"{old.coverage.text}; {new.coverage.text}. {year} är det senaste hela året före den senaste ändringen "
            "av uppgifterna. Kostnader och avgifter som inte är rapporterade står som uppgift saknas, aldrig som 0 kr; "
            "antal resor och resenärer likaså när inga är rapporterade och alla organ inte har rapporterat.")
    return Section(f"Nyckeltal för {year}, {m.name}", table=table, note=note)


def start_sections(dataset: Dataset, year: int, as_of: dt.date | None) -> list[Section]:
    """Per municipality: its key figures, then its costs per year and category."""
    sections = []
    for mf in figures.per_municipality(dataset, as_of):
        cats = mf.by_category()
        sections.append(key_figures_section(dataset, mf, year, as_of))
        sections.append(Section(f"Kostnader per år och kategori, {mf.municipality.name}",
                                chart=category_chart(mf, cats, _prefix(mf, "start")), table=category_table(mf, cats),
                                note=coverage_note(mf, cats.years, cats.preliminary)))
    return sections


def _body_section(mf: MunicipalityFigures, table: figures.Table, view: str, what: str, url: str, prefix: str) -> Section:
    """One of the two views of costs per body: by the responsible body or by the paying one."""
    m = mf.municipality
    bodies = {b.id: b for b in m.bodies}
    keys = table.keys_by_total()
    chart = Markup(horizontal_bar_chart([name_of(bodies[k]) for k in keys], [table.total(k).value for k in keys],
                                        title=f"Kostnader {view}, {m.name}",
                                        description=f"{what}, sammanlagt för de år som visas, i kronor.",
                                        id_prefix=_prefix(mf, prefix)))
    rows = [(link(bodies[k], url, bodies[k].name), k) for k in keys]
    return Section(f"Kostnader {view}, {m.name}", chart=chart,
                   table=amount_table(f"Kostnader {view} och år, {m.name}, kronor", "Organ", rows, table, table.years),
                   note=f"{what}. " + coverage_note(mf, table.years, table.preliminary))


RATES_NOTE = ("Resenärer är resornas deltagare som hör till ett organ i kommunen, räknade en gång per resa; dagar räknas "
              "från första till sista resdagen, båda medräknade, och resenärsdagar är resenärer gånger dagar. Bara resor "
              "vars kostnad och resenärer båda är kända räknas in (kolumnen Räknade resor), så en okänd kostnad sänker "
              "aldrig ett snitt; utan någon sådan resa står det uppgift saknas. Inställda resor räknas inte. En resa hör "
              "till sitt startår och till organet som ansvarar för den.")


def rates_section(mf: MunicipalityFigures) -> Section:
    """Per responsible body and year: what the trips cost per traveller and per traveller and day."""
    m = mf.municipality
    rows = []
    for body in sorted(m.bodies, key=lambda b: b.name):
        for year in sorted({t.year for t in body.trips if t.status != "cancelled"}, reverse=True):
            r = figures.rates(t for t in body.trips if t.year == year)
            rows.append([Cell(link(body, "kostnader/resenar/", body.name), sort=body.name), Cell(str(year)),
                         Cell(f"{r.counted} av {r.trips}", sort=str(r.counted), numeric=True), count(r.travellers),
                         count(r.traveller_days), money(r.cost), money(r.per_traveller), money(r.per_traveller_day)])
    table = TableView(f"Resekostnad per resenär och dag, per organ och år, {m.name}",
                      [Header("Organ"), Header("År"), Header("Räknade resor", True), Header("Resenärer", True),
                       Header("Resenärsdagar", True), Header("Kostnad", True), Header("Per resenär", True),
                       Header("Per resenär och dag", True)], rows, row_headers=True, sortable=True) if rows else None
    preliminary = any(t.has_preliminary_costs for b in m.bodies for t in b.trips)
    return Section(f"Per resenär och dag, {m.name}", table=table, text=None if rows else "Inga resor.",
                   note=" ".join([RATES_NOTE] + ([PRELIMINARY_NOTE] if preliminary else [])))


def cost_pages(dataset: Dataset, as_of: dt.date | None) -> list[PageView]:
    """Spending per year, per body (two views), per category and per destination country: per municipality."""
    example = any(c.example for c in dataset.costs)
    per_year, per_body, per_category, per_country, per_traveller = [], [], [], [], []
    for mf in figures.per_municipality(dataset, as_of):
        m = mf.municipality
        kinds = mf.by_kind()
        keys = [k for k in KIND_NAMES if k in kinds.keys]
        chart = Markup(bar_chart([str(y) for y in kinds.years],
                                 [Series(KIND_NAMES[k], [kinds.cell(k, y).value for y in kinds.years]) for k in keys],
                                 title=f"Kostnader per år, {m.name}", description=f"Vad {m.name} betalat per år för "
                                 "resor, medlemskap och avtal, i kronor.", id_prefix=_prefix(mf, "year")))
        per_year.append(Section(f"Per år, {m.name}", chart=chart,
                                table=amount_table(f"Kostnader per år, {m.name}, kronor", "Slag",
                                                   [(KIND_NAMES[k], k) for k in keys], kinds, kinds.years),
                                note=coverage_note(mf, kinds.years, kinds.preliminary)))
        per_body.append(_body_section(mf, mf.by_responsible_body(), "per ansvarigt organ",
                                      "Kostnaderna räknas till organet som ansvarar för resan, medlemskapet eller "
                                      "avtalet, vem inom kommunen som än betalade", "kostnader/organ/", "responsible"))
        per_body.append(_body_section(mf, mf.by_paying_body(), "per betalande organ",
                                      "Kostnaderna räknas till organet som betalade dem", "kostnader/organ/", "payer"))
        per_traveller.append(rates_section(mf))
        cats = mf.by_category()
        per_category.append(Section(f"Kostnader per kategori, {m.name}", chart=category_chart(mf, cats, _prefix(mf, "category")),
                                    table=category_table(mf, cats), note=coverage_note(mf, cats.years, cats.preliminary)))
        countries = mf.by_country()
        country_keys = countries.keys_by_total()
        country_chart = Markup(horizontal_bar_chart([country_name(k) for k in country_keys],
                                                    [countries.total(k).value for k in country_keys],
                                                    title=f"Resekostnader per land, {m.name}",
                                                    description=f"Vad {m.name} betalat för resor per resmålsland, "
                                                    "i kronor.", id_prefix=_prefix(mf, "country")))
        per_country.append(Section(f"Resekostnader per land, {m.name}", chart=country_chart,
                                   table=amount_table(f"Resekostnader per land och år, {m.name}, kronor", "Land",
                                                      [(country_name(k), k) for k in country_keys], countries,
                                                      countries.years),
                                   note="En resa räknas till sitt första resmåls land. "
                                        "Medlemskap och avtal ingår inte. "
                                        + coverage_note(mf, countries.years, countries.preliminary)))
    return [
        PageView("kostnader/", "Kostnader", example, lead="Bara kostnader som kommunen själv betalat räknas; "
                 "det som arrangörer eller andra betalat visas på respektive resa. Varje kommun för sig.",
                 sections=per_year),
        PageView("kostnader/organ/", "Per organ", example, lead="Två sätt att räkna: efter organet som ansvarar för "
                 "resan, medlemskapet eller avtalet, och efter organet som betalade.", sections=per_body),
        PageView("kostnader/kategori/", "Per kategori", example, sections=per_category),
        PageView("kostnader/land/", "Per land", example, sections=per_country),
        PageView("kostnader/resenar/", "Per resenär och dag", any(t.has_example_data for t in dataset.trips.values()),
                 lead="Vad resorna kostat kommunen per resenär och per resenär och dag, per ansvarigt organ och år. "
                      "Varje resas egna tal står på resans sida och i trips.csv.", sections=per_traveller),
    ]
