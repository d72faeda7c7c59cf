"""Dataset -> the generated pages (HTML bodies and metadata) and the navigation, independent of the site engine.

Each page body is HTML rendered by Jinja2 with autoescaping, so no data value is ever
read as Markdown or HTML; the engine only wraps it in the site's layout. Only
`publish.py` knows MkDocs: replacing the engine means replacing that module, not this one.
Only index pages go into the navigation; record pages are reached from their index,
so the sidebar does not grow with the data. Every page is made in each language
(`i18n.LANGUAGES`): Swedish at its address, English at the same address under `en/`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jinja2
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from generator.history import Change
from generator.model import Dataset
from generator.corrections import NO_PAST, Past
from generator import figures
from generator.render import compare, costs, coverage, emissions, kept, maps, principles, records
from generator.render.formatting import country_name, format_number
from generator.i18n import LANGUAGES, MissingTranslation, current, data_lang, from_data, language, n_
from generator.i18n import t as _
from generator import addresses as at
from generator.addresses import PREFIX, index_path, localized, resource_of, source_path, twins, url_for, year_url
from generator.render.links import SiteInfo, link, name_html, name_of, relative
from generator.render.views import (Cell, Header, PageView, Section, TableView, count, label, money, partial_date,
                                    preliminary_note)

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
    lang: str = "sv"  # the page's language: its <html lang> and the engine theme's language
    alternate: dict[str, str] = field(default_factory=dict)  # language -> the page's address in it (site-relative
    # URL, e.g. {"sv": "resor/x/", "en": "en/resor/x/"}), itself included: for <link rel="alternate" hreflang>
    title_lang: str | None = None  # the title's language where it is the data's, not the page's (a record's name)


@dataclass
class Rendered:
    pages: dict[str, Page]  # docs-relative path (as a Markdown source, e.g. resor/index.md, en/resor/index.md) -> page
    navs: dict[str, list]  # language -> MkDocs-style nav, [{title: path or [...]}, ...]; records are left out

    @property
    def nav(self) -> list:
        """The Swedish site's navigation."""
        return self.navs["sv"]


@cache
def environment() -> jinja2.Environment:
    """The page templates, compiled once per build (`render` clears the cache: `portal serve` sees edits)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                              auto_reload=False)  # no stat of every template for each of 10,000 pages
    env.globals["_"] = _
    env.globals["n_"] = n_
    return env


def render_page(view: PageView, markdown: str = "") -> Page:
    """A view as a page in the language being rendered: section anchors assigned (as Markdown's toc would), the
    body rendered with a link to the page in the other language."""
    ids: set[str] = {TITLE_ANCHOR}
    headings = []
    for section in view.sections:
        section.anchor = unique(slugify(section.heading, "-"), ids)
        headings.append((section.anchor, section.heading))
    if view.record is not None:
        heading = _("Om posten")
        view.record["anchor"] = unique(slugify(heading, "-"), ids)
        headings.append((view.record["anchor"], heading))
    html = environment().get_template("page.html.j2").render(**vars(view), title_anchor=TITLE_ANCHOR,
                                                             data_lang=data_lang())
    return Page(view.title, html, headings, view.hide_toc, markdown, current(), twins(view.url), view.title_lang)


def record_page(view: PageView, record, site: SiteInfo, version: str, past: Past) -> Page:
    """A record's page: its Changes section and its "last changed" both from its corrections."""
    corrections = past.of(resource_of(record), record.id)
    view.sections.append(records.corrections_section(corrections))
    view.record = records.record_footer(record, site, version, corrections)
    return render_page(view)


def trip_pages(trips: list, site: SiteInfo, version: str, past: Past) -> list[dict[str, Page]]:
    """Each trip's pages, one per language, in the trips' order (a job that may run in another process)."""
    made: list[dict[str, Page]] = [{} for _ in trips]
    for lang in LANGUAGES:
        with language(lang):
            for pages, t in zip(made, trips):
                pages[source_path(url_for(t))] = record_page(records.trip_page(t), t, site, version, past)
    return made


def _trip_context(site: SiteInfo, version: str, past: Past):
    """What a trip's pages read besides the model (`kept.pages`): the site, the version, its corrections."""
    return lambda t: repr((site, version, past.of("trips", t.id)))


def render(dataset: Dataset, site: SiteInfo, changes: dict[str, Change], intro: str = "",
           extra_nav: list | None = None, past: Past = NO_PAST, intro_en: str = "", cache_dir: Path | None = None
           ) -> Rendered:
    """Every generated page in every language, and each language's nav.

    `extra_nav` (the hand-written and provided pages, Swedish) goes at the end of each nav: in
    English the same pages under `en/`, their titles translated. `intro` and `intro_en` are the
    start page's hand-written Markdown. `past` holds each record's corrections and the records
    withdrawn, whose pages stay. With `cache_dir`, a trip whose inputs are unchanged since the
    last build keeps its pages (`kept`)."""
    as_of = max((c.date for c in changes.values()), default=None)
    files: dict[str, Page] = {}
    records.forget_rows()
    environment.cache_clear()
    intros = {"sv": intro, "en": intro_en}

    def add(into: dict[str, Page], view: PageView, index: bool = False, record=None, markdown: str = "") -> None:
        if record is not None:
            into[source_path(view.url)] = record_page(view, record, site, dataset.version, past)
        else:
            into[index_path(view.url) if index else source_path(view.url)] = render_page(view, markdown)

    by_year: dict[int, list] = {}
    trips = list(dataset.trips.values())
    for trip in trips:
        by_year.setdefault(trip.year, []).append(trip)
    navs = {}

    def other_pages() -> dict[str, Page]:
        """Every page but the trip pages, in every language: start, indexes, the other records, costs."""
        rest: dict[str, Page] = {}
        for lang in LANGUAGES:
            with language(lang):
                add(rest, start_page(dataset, as_of, bool(intros[lang])), index=True, markdown=intros[lang])
                rest[source_path(localized(at.SEARCH))] = search_page()
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
                add(rest, emissions.method_page(dataset), index=True)
                cost_views = costs.cost_pages(dataset, as_of)
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
                navs[lang] = nav(dataset, sorted(by_year, reverse=True), cost_views, localized_nav(extra_nav or []))
        return rest

    # The trips not kept: two thirds by the other core, the rest by this one, then the other pages.
    trip_entries, rest = kept.pages(trips, trip_pages, (site, dataset.version, past),
                                    _trip_context(site, dataset.version, past), cache_dir, meanwhile=other_pages)
    for lang in LANGUAGES:  # one order however the work was split: per language the start page, trips, the rest
        own = {path: page for path, page in rest.items() if page.lang == lang}
        start = index_path(PREFIX[lang])
        files[start] = own.pop(start)
        for entry in trip_entries:
            files.update((path, page) for path, page in entry.items() if page.lang == lang)
        files.update(own)
    records.forget_rows()
    return Rendered(files, navs)


def nav(dataset: Dataset, years: list[int], cost_views: list[PageView], extra: list) -> list:
    """The navigation of the language being rendered: the index pages, then `extra`."""
    return [{_("Start"): index_path(localized(""))},
            {_("Resor"): [index_path(localized(at.TRIPS))] + [{str(y): index_path(year_url(y))} for y in years]},
            {_("Klimatpåverkan"): index_path(localized(at.CLIMATE))},
            {_("Kostnader"): [index_path(localized(at.COSTS))] + [{v.title: source_path(v.url)} for v in cost_views[1:]]},
            {_("Jämförelse"): index_path(localized(at.COMPARISON))}, {_("Medlemskap"): index_path(localized(at.MEMBERSHIPS))},
            {_("Avtal"): index_path(localized(at.AGREEMENTS))}, {_("Organisationer"): index_path(localized(at.ORGANISATIONS))},
            {_("Organ"): index_path(localized(at.BODIES))}, {_("Personer"): index_path(localized(at.PEOPLE))},
            {_("Rapportering"): index_path(localized(at.COMPLETENESS))},
            {_("Principerna"): [index_path(localized(at.PRINCIPLES))]
             + [{m.name: source_path(principles.url_for_municipality(m))} for m in principles.municipalities(dataset)]}
            ] + extra


def localized_nav(entries: list) -> list:
    """Nav entries of Swedish pages (docs-relative paths, `{title: path or [...]}`) as the language being
    rendered has them: the same paths under its prefix, the titles translated. A page registered without an
    English title is left out of the English nav (it has no English twin either: `tests/test_english.py`)."""
    localized = []
    for entry in entries:
        if isinstance(entry, str):
            localized.append(PREFIX[current()] + entry)
            continue
        try:
            localized.append({_(title): PREFIX[current()] + value if isinstance(value, str) else localized_nav(value)
                              for title, value in entry.items()})
        except MissingTranslation:
            continue
    return localized


SEARCH_PATH = source_path(at.SEARCH)  # the Swedish one; the English is under en/


def search_page() -> Page:
    """The search page: the header's search form leads here, Pagefind answers in the browser."""
    title, url = _("Sök"), localized(at.SEARCH)
    html = environment().get_template("search.html.j2").render(title=title, title_anchor=TITLE_ANCHOR,
                                                               bundle=relative(at.SEARCH_BUNDLE, url))
    return Page(title, html, [], hide_toc=True, lang=current(), alternate=twins(url))


def _example_costs(costs) -> bool:
    return any(c.example for c in costs)


def start_page(dataset: Dataset, as_of: dt.date | None, intro: bool) -> PageView:
    """Key figures and costs per municipality, the latest trips; the hand-written intro (Markdown) goes first."""
    year = figures.latest_full_year(dataset, as_of)
    latest = figures.latest_trips(dataset)
    sections = costs.start_sections(dataset, year, as_of) + [
        Section(_("Senaste resorna"), table=records.trip_table(latest, localized(""), _("De senaste resorna"),
                                                              sortable=False),
                items=[Markup('<a href="{}">{}</a>').format(at.TRIPS, _("Alla resor")),
                       Markup('<a href="{}">{}</a>').format(at.COSTS, _("Alla kostnader")),
                       Markup('<a href="{}">{}</a>').format(at.COMPLETENESS, _("Vad organen har rapporterat"))])]
    return PageView(localized(""), _("Internationellt arbete: vad det kostar"), _example_costs(dataset.costs),
                    intro=Markup(MARKDOWN_SLOT) if intro else None, sections=sections, hide_toc=True)


def trips_index(dataset: Dataset, by_year: dict[int, list], as_of: dt.date | None) -> PageView:
    """Trips and their cost per year, each municipality in its own columns, with what its bodies reported."""
    per = figures.per_municipality(dataset, as_of)
    tables = {mf.municipality.id: mf.trips() for mf in per}
    headers = [Header(_("År"))]
    for mf in per:
        headers += [Header(_("Resor, {municipality}", municipality=mf.municipality.name), True),
                    Header(_("Kostnad, {municipality}", municipality=mf.municipality.name), True),
                    Header(_("Rapporterat, {municipality}", municipality=mf.municipality.name), True)]
    headers += [Header(_("Klimatpåverkan, {municipality}", municipality=mf.municipality.name), True) for mf in per]
    rows = []
    for y, ts in sorted(by_year.items(), reverse=True):
        covers = [mf.coverage(y) for mf in per]
        row = [Cell(Markup('<a href="{0}/">{0}</a>').format(y))]
        for mf, cover in zip(per, covers):  # never added across the municipalities
            trips = figures.counted(sum(t.body.municipality is cover.municipality for t in ts), cover.parts)
            row += [count(trips), money(tables[mf.municipality.id].cell("trips", y)), Cell(cover.parts.text, numeric=True)]
        row += [emissions.year_total(ts, cover) for cover in covers]
        rows.append(row)
    table = TableView(_("Resor per år"), headers, rows, row_headers=True)
    note = " ".join([_("Kostnaden är vad kommunen betalat för sina resor det året."), costs.unknown_note(),
                     preliminary_note(), _("Klimatpåverkan är en uppskattning (kg CO₂e) som sidan Klimatpåverkan "
                                           "förklarar; resor vars påverkan är okänd räknas som ”okända”, inte som noll."),
                     _("Antal resor och klimatpåverkan följer samma regel som kostnaden: inga resor bara när alla "
                       "organ har rapporterat året, annars uppgift saknas.")])
    sections = [Section(_("Per år"), table=table, note=note)]
    sections += maps.map_sections(dataset.trips.values(), _("för alla resor"), "map-all", (maps.WORLD, maps.EUROPE))
    return PageView(localized(at.TRIPS), _("Resor"), any(t.has_example_data for t in dataset.trips.values()),
                    lead=_("Resor till konferenser och möten utomlands, per år. Välj ett år för att se resorna."),
                    sections=sections)


def trips_year(year: int, trips: list, dataset: Dataset) -> PageView:
    """A year's trips; the lead says how many bodies of each municipality have reported the year."""
    url = year_url(year)
    trips = sorted(trips, key=lambda t: (t.start_date, t.id))
    table = records.trip_table(trips, url, _("Resor {year}", year=year), csv_file=f"resor-{year}")
    covered = "; ".join(f"{m.name}: {figures.coverage(m, year, dataset.period_kind).text}"
                        for m in sorted(dataset.municipalities.values(), key=lambda m: m.name))
    lead = n_("{n} resa. Kostnaden är det kommunen betalat; klicka på en kolumnrubrik för att sortera. {covered}.",
              "{n} resor. Kostnaden är det kommunen betalat; klicka på en kolumnrubrik för att sortera. {covered}.",
              len(trips), n=format_number(len(trips)), covered=covered)
    sections = [Section(_("Alla resor"), table=table)] + maps.map_sections(trips, _("för resorna {year}", year=year), "map-year")
    return PageView(url, _("Resor {year}", year=year), any(t.has_example_data for t in trips), lead=lead,
                    sections=sections, hide_toc=True)


def _simple_index(url: str, title: str, lead: str, headers: list[Header], rows: list[list[Cell]], example: bool,
                  ids: list[str]) -> PageView:
    """A list of records, sorted and filtered in the browser; `ids` are its rows' records."""
    table = TableView(title, headers, rows, sortable=True, row_headers=True, searchable=False, ids=ids,
                      csv_file=url.strip("/"))
    return PageView(url, title, example, lead=lead, sections=[Section(_("Förteckning"), table=table)], hide_toc=True)


def memberships_index(dataset: Dataset) -> PageView:
    url = localized(at.MEMBERSHIPS)
    ms = sorted(dataset.memberships.values(), key=name_of)
    rows = [[Cell(link(m, url), sort=name_of(m), value=m.organisation.id), Cell(from_data(m.body.name), value=m.body.id),
             Cell(partial_date(m.start_date), sort=m.start_date), Cell(label("memberships", "status", m.status), value=m.status),
             money(figures.fees_paid(m))] for m in ms]
    return _simple_index(url, _("Medlemskap"), _("Kommunernas medlemskap i internationella organisationer och nätverk. "
                         "Avgifter totalt är summan av de avgifter som är rapporterade; uppgift saknas när ingen är "
                         "det, 0 kr bara för ett avgiftsfritt medlemskap."),
                         [Header(_("Organisation"), csv="organisation_id"), Header(_("Medlem"), csv="body_id"),
                          Header(_("Sedan"), csv="start_date"), Header(_("Status"), csv="status"),
                          Header(_("Avgifter totalt"), True, csv="fees_sek")], rows,
                         any(m.example or _example_costs(m.costs) for m in ms), [m.id for m in ms])


def agreements_index(dataset: Dataset) -> PageView:
    url = localized(at.AGREEMENTS)
    ags = sorted(dataset.agreements.values(), key=lambda a: a.title)
    rows = [[Cell(link(a, url), sort=a.title), Cell(label("agreements", "kind", a.kind), value=a.kind),
             Cell(Markup(", ").join(name_html(p.organisation) for p in a.parties) or "–",
                  value=";".join(p.organisation.id for p in a.parties)),
             Cell(partial_date(a.signed_date), sort=a.signed_date or ""),
             Cell(label("agreements", "status", a.status), value=a.status)]
            for a in ags]
    return _simple_index(url, _("Avtal"), _("Avtal med andra städer och regioner."),
                         [Header(_("Avtal", context="singular"), csv="title"), Header(_("Slag"), csv="kind"),
                          Header(_("Parter"), csv="organisation_ids"), Header(_("Undertecknat"), csv="signed_date"),
                          Header(_("Status"), csv="status")],
                         rows, any(a.example or _example_costs(a.costs) for a in ags), [a.id for a in ags])


def organisations_index(dataset: Dataset) -> PageView:
    url = localized(at.ORGANISATIONS)
    orgs = sorted(dataset.organisations.values(), key=lambda o: o.display_name)
    rows = [[Cell(link(o, url), sort=o.display_name, value=o.name), Cell(label("organisations", "kind", o.kind), value=o.kind),
             Cell(country_name(o.country), value=o.country or ""),
             Cell(str(len(o.memberships)), numeric=True), Cell(str(len(o.agreements)), numeric=True),
             Cell(str(len(o.trips)), numeric=True)] for o in orgs]
    return _simple_index(url, _("Organisationer"),
                         _("Organisationer, nätverk, städer och regioner som kommunerna samarbetar med."),
                         [Header(_("Namn"), csv="name"), Header(_("Slag"), csv="kind"), Header(_("Land"), csv="country"),
                          Header(_("Medlemskap"), True, csv="memberships"), Header(_("Avtal"), True, csv="agreements"),
                          Header(_("Resor"), True, csv="trips")], rows, any(o.example for o in orgs), [o.id for o in orgs])


def bodies_index(dataset: Dataset) -> PageView:
    url = localized(at.BODIES)
    bodies = sorted(dataset.bodies.values(), key=lambda b: (b.municipality.name, b.name))
    rows = [[Cell(link(b, url, b.name), sort=b.name), Cell(from_data(b.municipality.name), value=b.municipality.id),
             Cell(label("bodies", "kind", b.kind), value=b.kind), Cell(max(b.completeness, default="–"),
                                                                      value=max(b.completeness, default="")),
             money(figures.body_paid(b, dataset.period_kind))]
            for b in bodies]
    return _simple_index(url, _("Organ"), _("Kommunernas nämnder, bolag och förvaltningar, och vad de betalat. Betalat "
                         "totalt är summan av de rapporterade kostnaderna; uppgift saknas för ett organ som varken har "
                         "kostnader eller har rapporterat någon period.") + " " + figures.partial_note(),
                         [Header(_("Organ", context="singular"), csv="name"), Header(_("Kommun"), csv="municipality_id"),
                          Header(_("Slag"), csv="kind"), Header(_("Senast rapporterat"), csv="reported_period"),
                          Header(_("Betalat totalt"), True, csv="paid_sek")],
                         rows, any(b.example or _example_costs(b.costs_paid) for b in bodies), [b.id for b in bodies])


def people_index(dataset: Dataset) -> PageView:
    url = localized(at.PEOPLE)
    people = sorted(dataset.people.values(), key=lambda p: p.display_name)
    rows = [[Cell(link(p, url), sort=p.display_name, value=p.name or ""), Cell(from_data(p.title)),
             Cell(from_data(p.body.name if p.body else "–"), value=p.body.id if p.body else ""),
             Cell(str(len(p.trips)), numeric=True)] for p in people]
    return _simple_index(url, _("Personer"), _("Förtroendevalda och tjänstepersoner i sina offentliga roller."),
                         [Header(_("Namn"), csv="name"), Header(_("Roll"), csv="title"),
                          Header(_("Organ", context="singular"), csv="body_id"), Header(_("Resor"), True, csv="trips")],
                         rows, any(p.example for p in people), [p.id for p in people])
