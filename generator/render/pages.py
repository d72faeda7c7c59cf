"""Dataset -> the generated pages (HTML bodies and metadata) and the navigation, independent of the site engine.

Each page body is HTML rendered by Jinja2 with autoescaping, so no data value is ever
read as Markdown or HTML; the engine only wraps it in the site's layout. Only
`publish.py` knows MkDocs: replacing the engine means replacing that module, not this one.
Only index pages go into the navigation; record pages are reached from their index,
so the sidebar does not grow with the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from generator.background import in_two
from generator.history import Change
from generator.model import Dataset
from generator.corrections import NO_PAST, Past
from generator.render import compare, costs, coverage, figures, principles, records
from generator.render.formatting import country_name
from generator.render.links import SiteInfo, index_path, link, name_of, resource_of, source_path, url_for, year_url
from generator.render.views import (PRELIMINARY_NOTE, Cell, Header, PageView, Section, TableView, label, money,
                                    partial_date)

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "pages"
TITLE_ANCHOR = "innehall"
"""The id of every generated page's h1: where the layout's skip link ("Hoppa till innehåll") leads."""
MARKDOWN_SLOT = "<!-- portal:markdown -->"
"""Where a page's hand-written Markdown (`Page.markdown`), converted by the engine, goes in its HTML."""


@dataclass
class Page:
    """One generated page, ready for a site engine to put in its layout."""
    title: str  # plain text
    html: str  # the body: h1, sections; MARKDOWN_SLOT marks where `markdown` goes
    headings: list[tuple[str, str]]  # (anchor, text) of the h2 sections: the table of contents
    hide_toc: bool = False
    markdown: str = ""  # hand-written Markdown (the start page's intro) for the engine to convert


@dataclass
class Rendered:
    pages: dict[str, Page]  # docs-relative path (as a Markdown source, e.g. resor/index.md) -> page
    nav: list  # MkDocs-style: [{title: path or [...]}, ...]; records are left out


@cache
def environment() -> jinja2.Environment:
    """The page templates, compiled once per build (`render` clears the cache: `portal serve` sees edits)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                              auto_reload=False)  # no stat of every template for each of 10,000 pages


def render_page(view: PageView, markdown: str = "") -> Page:
    """A view as a page: section anchors assigned (as Markdown's toc would), the body rendered."""
    ids: set[str] = {TITLE_ANCHOR}
    headings = []
    for section in view.sections:
        section.anchor = unique(slugify(section.heading, "-"), ids)
        headings.append((section.anchor, section.heading))
    if view.record is not None:
        view.record["anchor"] = unique(slugify("Om posten", "-"), ids)
        headings.append((view.record["anchor"], "Om posten"))
    html = environment().get_template("page.html.j2").render(**vars(view), title_anchor=TITLE_ANCHOR)
    return Page(view.title, html, headings, view.hide_toc, markdown)


PARALLEL_FROM = 2000  # trips; below it a second process costs more than it saves


def record_page(view: PageView, record, site: SiteInfo, version: str, changes: dict[str, Change], past: Past) -> Page:
    view.sections.append(records.corrections_section(past.of(resource_of(record), record.id)))
    view.record = records.record_footer(record, site, version, changes)
    return render_page(view)


def trip_pages(trips: list, site: SiteInfo, version: str, changes: dict[str, Change], past: Past) -> dict[str, Page]:
    """The pages of `trips`, in their order (a job that may run in another process)."""
    return {source_path(url_for(t)): record_page(records.trip_page(t), t, site, version, changes, past) for t in trips}


def render(dataset: Dataset, site: SiteInfo, changes: dict[str, Change], intro: str = "",
           extra_nav: list | None = None, past: Past = NO_PAST) -> Rendered:
    """Every generated page and the nav; `extra_nav` (hand-written pages) goes at the end.

    `past` holds each record's corrections and the records withdrawn, whose pages stay."""
    as_of = max((c.date for c in changes.values()), default=None)
    files: dict[str, Page] = {}
    records.forget_rows()
    environment.cache_clear()

    def add(into: dict[str, Page], view: PageView, index: bool = False, record=None, markdown: str = "") -> None:
        if record is not None:
            into[source_path(view.url)] = record_page(view, record, site, dataset.version, changes, past)
        else:
            into[index_path(view.url) if index else source_path(view.url)] = render_page(view, markdown)

    add(files, start_page(dataset, as_of, bool(intro)), index=True, markdown=intro)
    files[SEARCH_PATH] = search_page()
    by_year: dict[int, list] = {}
    trips = list(dataset.trips.values())
    for trip in trips:
        by_year.setdefault(trip.year, []).append(trip)
    cost_views = costs.cost_pages(dataset, as_of)

    def other_pages() -> dict[str, Page]:
        """Every page after the trip pages: indexes, the other records, costs."""
        rest: dict[str, Page] = {}
        add(rest, trips_index(dataset, by_year, as_of), index=True)
        for year, trips in by_year.items():
            add(rest, trips_year(year, trips, dataset), index=True)
        first, last = figures.data_years(dataset, as_of)
        for m in dataset.memberships.values():
            add(rest, records.membership_page(m, first, last), record=m)
        for a in dataset.agreements.values():
            add(rest, records.agreement_page(a), record=a)
        for o in dataset.organisations.values():
            add(rest, records.organisation_page(o), record=o)
        for b in dataset.bodies.values():
            add(rest, records.body_page(b, dataset.period_kind), record=b)
        for p in dataset.people.values():
            add(rest, records.person_page(p), record=p)
        for view in (memberships_index(dataset), agreements_index(dataset), organisations_index(dataset),
                     bodies_index(dataset), people_index(dataset)):
            add(rest, view, index=True)
        add(rest, cost_views[0], index=True)
        for view in cost_views[1:]:
            add(rest, view)
        for gone in past.withdrawn:
            add(rest, records.withdrawn_page(gone))
        add(rest, compare.compare_page(dataset, as_of), index=True)
        add(rest, coverage.completeness_page(dataset, as_of), index=True)
        for view in principles.principle_pages(dataset, as_of):
            add(rest, view)
        add(rest, principles.principles_index(dataset), index=True)
        return rest

    # The other core renders two thirds of the trips; this one the rest of them, then the other pages.
    split = len(trips) // 3 if len(trips) >= PARALLEL_FROM else len(trips)
    for part in in_two(trip_pages, trips, split, site, dataset.version, changes, past, meanwhile=other_pages):
        files.update(part)
    years = sorted(by_year, reverse=True)
    nav = [{"Start": "index.md"},
           {"Resor": ["resor/index.md"] + [{str(y): index_path(year_url(y))} for y in years]},
           {"Kostnader": ["kostnader/index.md"] + [{v.title: source_path(v.url)} for v in cost_views[1:]]},
           {"Jämförelse": index_path(compare.URL)}, {"Medlemskap": "medlemskap/index.md"}, {"Avtal": "avtal/index.md"},
           {"Organisationer": "organisationer/index.md"}, {"Organ": "organ/index.md"},
           {"Personer": "personer/index.md"}, {"Rapportering": "fullstandighet/index.md"},
           {"Principerna": ["principer/index.md"] + [{m.name: source_path(principles.url_for_municipality(m))}
                                                     for m in principles.municipalities(dataset)]}] + (extra_nav or [])
    records.forget_rows()
    return Rendered(files, nav)


SEARCH_PATH = "sok.md"


def search_page() -> Page:
    """The search page: the header's search form leads here, Pagefind answers in the browser."""
    title = "Sök"
    return Page(title, environment().get_template("search.html.j2").render(title=title, title_anchor=TITLE_ANCHOR),
                [], hide_toc=True)


def _example_costs(costs) -> bool:
    return any(c.example for c in costs)


def start_page(dataset: Dataset, as_of: dt.date | None, intro: bool) -> PageView:
    """Key figures and costs per municipality, the latest trips; the hand-written intro (Markdown) goes first."""
    year = figures.latest_full_year(dataset, as_of)
    latest = figures.latest_trips(dataset)
    sections = costs.start_sections(dataset, year, as_of) + [
        Section("Senaste resorna", table=records.trip_table(latest, "", "De senaste resorna", sortable=False),
                items=[Markup('<a href="resor/">Alla resor</a>'), Markup('<a href="kostnader/">Alla kostnader</a>'),
                       Markup('<a href="fullstandighet/">Vad organen har rapporterat</a>')])]
    return PageView("", "Internationellt arbete: vad det kostar", _example_costs(dataset.costs),
                    intro=Markup(MARKDOWN_SLOT) if intro else None, sections=sections, hide_toc=True)


def trips_index(dataset: Dataset, by_year: dict[int, list], as_of: dt.date | None) -> PageView:
    """Trips and their cost per year, each municipality in its own columns, with what its bodies reported."""
    per = figures.per_municipality(dataset, as_of)
    tables = {mf.municipality.id: mf.trips() for mf in per}
    headers = [Header("År"), Header("Resor", True)]
    for mf in per:
        headers += [Header(f"Kostnad, {mf.municipality.name}", True), Header(f"Rapporterat, {mf.municipality.name}", True)]
    rows = []
    for y, ts in sorted(by_year.items(), reverse=True):
        row = [Cell(Markup('<a href="{0}/">{0}</a>').format(y)), Cell(str(len(ts)), numeric=True)]
        for mf in per:
            row += [money(tables[mf.municipality.id].cell("trips", y)), Cell(mf.coverage(y).fraction + " organ", numeric=True)]
        rows.append(row)
    table = TableView("Resor per år", headers, rows, row_headers=True)
    note = ("Kostnaden är vad kommunen betalat för sina resor det året. " + costs.UNKNOWN_NOTE + " " + PRELIMINARY_NOTE)
    return PageView("resor/", "Resor", any(t.has_example_data for t in dataset.trips.values()),
                    lead="Resor till konferenser och möten utomlands, per år. Välj ett år för att se resorna.",
                    sections=[Section("Per år", table=table, note=note)])


def trips_year(year: int, trips: list, dataset: Dataset) -> PageView:
    """A year's trips; the lead says how many bodies of each municipality have reported the year."""
    url = year_url(year)
    trips = sorted(trips, key=lambda t: (t.start_date, t.id))
    table = records.trip_table(trips, url, f"Resor {year}")
    covered = "; ".join(f"{m.name}: {figures.coverage(m, year, dataset.period_kind).text}"
                        for m in sorted(dataset.municipalities.values(), key=lambda m: m.name))
    lead = (f"{len(trips)} resor. Kostnaden är det kommunen betalat; klicka på en kolumnrubrik för att sortera. "
            f"{covered}.")
    return PageView(url, f"Resor {year}", any(t.has_example_data for t in trips), lead=lead,
                    sections=[Section("Alla resor", table=table)], hide_toc=True)


def _simple_index(url: str, title: str, lead: str, headers: list[Header], rows: list[list[Cell]], example: bool) -> PageView:
    table = TableView(title, headers, rows, sortable=True, row_headers=True, searchable=False)
    return PageView(url, title, example, lead=lead, sections=[Section("Förteckning", table=table)], hide_toc=True)


def memberships_index(dataset: Dataset) -> PageView:
    url = "medlemskap/"
    ms = sorted(dataset.memberships.values(), key=name_of)
    rows = [[Cell(link(m, url), sort=name_of(m)), Cell(m.body.name), Cell(partial_date(m.start_date), sort=m.start_date),
             Cell(label("memberships", "status", m.status)), money(figures.fees_paid(m))] for m in ms]
    return _simple_index(url, "Medlemskap", "Kommunernas medlemskap i internationella organisationer och nätverk. "
                         "Avgifter totalt är summan av de avgifter som är rapporterade; uppgift saknas när ingen är "
                         "det, 0 kr bara för ett avgiftsfritt medlemskap.",
                         [Header("Organisation"), Header("Medlem"), Header("Sedan"), Header("Status"),
                          Header("Avgifter totalt", True)], rows,
                         any(m.example or _example_costs(m.costs) for m in ms))


def agreements_index(dataset: Dataset) -> PageView:
    url = "avtal/"
    ags = sorted(dataset.agreements.values(), key=lambda a: a.title)
    rows = [[Cell(link(a, url), sort=a.title), Cell(label("agreements", "kind", a.kind)),
             Cell(", ".join(p.organisation.display_name for p in a.parties) or "–"),
             Cell(partial_date(a.signed_date), sort=a.signed_date or ""), Cell(label("agreements", "status", a.status))]
            for a in ags]
    return _simple_index(url, "Avtal", "Avtal med andra städer och regioner.",
                         [Header("Avtal"), Header("Slag"), Header("Parter"), Header("Undertecknat"), Header("Status")],
                         rows, any(a.example or _example_costs(a.costs) for a in ags))


def organisations_index(dataset: Dataset) -> PageView:
    url = "organisationer/"
    orgs = sorted(dataset.organisations.values(), key=lambda o: o.display_name)
    rows = [[Cell(link(o, url), sort=o.display_name), Cell(label("organisations", "kind", o.kind)), Cell(country_name(o.country)),
             Cell(str(len(o.memberships)), numeric=True), Cell(str(len(o.agreements)), numeric=True),
             Cell(str(len(o.trips)), numeric=True)] for o in orgs]
    return _simple_index(url, "Organisationer", "Organisationer, nätverk, städer och regioner som kommunerna samarbetar med.",
                         [Header("Namn"), Header("Slag"), Header("Land"), Header("Medlemskap", True),
                          Header("Avtal", True), Header("Resor", True)], rows, any(o.example for o in orgs))


def bodies_index(dataset: Dataset) -> PageView:
    url = "organ/"
    bodies = sorted(dataset.bodies.values(), key=lambda b: (b.municipality.name, b.name))
    rows = [[Cell(link(b, url, b.name), sort=b.name), Cell(b.municipality.name), Cell(label("bodies", "kind", b.kind)),
             Cell(max(b.completeness, default="–")), money(figures.figure(b.costs_paid, bool(b.completeness)))]
            for b in bodies]
    return _simple_index(url, "Organ", "Kommunernas nämnder, bolag och förvaltningar, och vad de betalat. Betalat "
                         "totalt är summan av de rapporterade kostnaderna; uppgift saknas för ett organ som varken har "
                         "kostnader eller har rapporterat någon period.",
                         [Header("Organ"), Header("Kommun"), Header("Slag"), Header("Senast rapporterat"),
                          Header("Betalat totalt", True)], rows,
                         any(b.example or _example_costs(b.costs_paid) for b in bodies))


def people_index(dataset: Dataset) -> PageView:
    url = "personer/"
    people = sorted(dataset.people.values(), key=lambda p: p.display_name)
    rows = [[Cell(link(p, url), sort=p.display_name), Cell(p.title), Cell(p.body.name if p.body else "–"),
             Cell(str(len(p.trips)), numeric=True)] for p in people]
    return _simple_index(url, "Personer", "Förtroendevalda och tjänstepersoner i sina offentliga roller.",
                         [Header("Namn"), Header("Roll"), Header("Organ"), Header("Resor", True)], rows,
                         any(p.example for p in people))
