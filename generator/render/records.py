"""One page per record (trip, membership, agreement, organisation, body, person).

Each page shows everything its record holds and links to every record it touches,
so a reader can follow the money both ways. The stable id, a citation, the last
change, its downloads and where to report an error come from `record_footer`.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from generator.downloads.records import record_download_urls
from generator.history import Change
from generator.model import Agreement, Body, Membership, Organisation, Person, Trip
from generator.render import figures
from generator.corrections import PAGED, Correction, Withdrawn
from generator.entities import fields, schema_descriptor
from generator.render.charts import Series, bar_chart
from generator.render.figures import Figure
from generator.render.links import (SiteInfo, absolute, history_url, link, name_of, relative, report_email_url,
                                    report_error_url, url_for)
from generator.render.formatting import country_name, format_date, format_number, format_sek
from generator.render.views import (PRELIMINARY_NOTE, Cell, Header, PageView, Section, TableView, amount_table, count,
                                    date, date_cell, date_range, known, label, money, original_amount, partial_date, purpose_label,
                                    report_html, row_html, sek)


def record_footer(record, site: SiteInfo, version: str, changes: dict[str, Change]) -> dict:
    url = url_for(record)
    changed = changes.get(record.source_file)
    return {
        "id": record.id,
        "cite": f"{name_of(record)}. {site.name}, id {record.id}, dataversion {version}. {absolute(site, url)}",
        "changed": date(changed.date) if changed else "okänt (inte incheckad)",
        "history": history_url(site, record.source_file),
        "report": report_error_url(site, record.id, url, version),
        "email": report_email_url(site, record.id, url, version),
        "downloads": {fmt: relative(target, url) for fmt, target in record_download_urls(record).items()},
    }


def _shown(resource: str, name: str, value) -> str:
    """One value as the record page shows it elsewhere: amounts in kronor, dates in Swedish, codes by their label."""
    if value is None or value == "":
        return "–"
    spec = fields(resource).get(name, {})
    kind = spec.get("type")
    if isinstance(value, bool) or kind == "boolean":
        return "Ja" if value else "Nej"
    if kind in ("number", "integer") and isinstance(value, (int, float)):
        return format_sek(value) if name.endswith("_sek") else format_number(value, decimals=0 if float(value).is_integer() else 2)
    if kind == "date" and isinstance(value, str):
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if "x-labels" in spec:
        return "; ".join(label(resource, name, code) for code in str(value).split(";"))
    return str(value)


def _value_cell(resource: str, name: str, value) -> Cell:
    """The shown value, and the value as stored (what the downloads hold) to sort by."""
    if isinstance(value, dict):  # a line added or removed: its fields
        text = "; ".join(f"{fields(resource).get(k, {}).get('title', k)}: {_shown(resource, k, v)}" for k, v in value.items())
        return Cell(text)
    return Cell(_shown(resource, name, value), sort="" if value is None else str(value))


def corrections_section(corrections: list[Correction]) -> Section:
    """The record's changes per version: what, old value -> new value, when and why."""
    rows = []
    for c in corrections:
        why = "; ".join(c.reasons) or "–"
        for change in c.changes:
            meta = fields(change.resource).get(change.field, {})
            what = (meta.get("title", change.field) if change.field else "") if change.resource in PAGED else \
                f"{schema_descriptor(change.resource)['title']} {change.key}" + (f": {meta.get('title', change.field)}"
                                                                                if change.field else "")
            rows.append([Cell(c.version), date_cell(c.date) if c.date else Cell("–"), Cell(what or "–"),
                         _value_cell(change.resource, change.field, change.old),
                         _value_cell(change.resource, change.field, change.new), Cell(why)])
        if not c.changes:
            rows.append([Cell(c.version), date_cell(c.date) if c.date else Cell("–"), Cell("Posten togs bort"),
                         Cell("–"), Cell("–"), Cell(why)])
    table = TableView("Rättelser och ändringar per version",
                      [Header("Version"), Header("Datum"), Header("Vad"), Header("Före"), Header("Efter"), Header("Skäl")],
                      rows, searchable=False) if rows else None
    return Section("Ändringar", table=table, text=None if rows else "Posten har inte ändrats sedan den publicerades.")


def withdrawn_page(w: Withdrawn) -> PageView:
    """The page of a record no longer in the data: when and why it went, and where its last values are."""
    url = url_for(w.record)
    c = w.correction
    lead = (f"Posten togs bort i version {c.version}" + (f" ({date(c.date)})" if c.date else "") + ". "
            f"Dess sista uppgifter finns kvar i version {w.last_version} av öppna data.")
    own = record_download_urls(w.record)  # kept from the last version that held the record
    downloads = Markup('posten som <a href="{0}">JSON</a> och <a href="{1}">CSV</a>; hela versionen som '
                       '<a href="{2}">portal.xlsx</a>').format(relative(own["json"], url), relative(own["csv"], url),
                                                              relative(f"data/v{w.last_version}/portal.xlsx", url))
    facts = [("Id", w.key), ("Borttagen i version", c.version), ("Skäl", "; ".join(c.reasons) or "–"),
             ("Senast publicerad i", Markup("version {0}: {1}").format(w.last_version, downloads))]
    return PageView(url, f"Borttagen: {name_of(w.record)}", False, lead=lead, facts=facts,
                    sections=[corrections_section([c])])


def destinations(trip: Trip) -> str:
    return "; ".join(f"{d.city} ({country_name(d.country)})" for d in trip.destinations) or "–"


_trip_rows: dict[tuple, tuple[Trip, Markup]] = {}  # (id(trip), links) -> (trip, row): one trip, many tables


def trip_table(trips: list[Trip], url: str, caption: str, sortable: bool = True) -> TableView:
    """The trips index table: date, destination, event, body, travellers, purpose, total.

    A trip is listed on its year's page and on the pages of its body, organiser, people
    and membership; its row is rendered once for each way it links from a page.
    """
    headers = [Header("Datum"), Header("Resa och resmål"), Header("Evenemang"), Header("Organ"),
               Header("Resenärer", True), Header("Inriktning"), Header("Kostnad", True)]
    rows = []
    for t in trips:
        trip_link, body_link = link(t, url), link(t.body, url)
        key = (id(t), trip_link, body_link)
        cached = _trip_rows.get(key)
        if cached is None or cached[0] is not t:
            title = Markup(f"{trip_link}<br>{escape(destinations(t))}")
            cached = _trip_rows[key] = (t, row_html([
                date_cell(t.start_date), Cell(title, sort=t.title), Cell(t.event or "–"),
                Cell(body_link, sort=name_of(t.body)),
                Cell(str(len(t.participants)), sort=str(len(t.participants)), numeric=True),
                Cell(", ".join(purpose_label(p) for p in t.purposes)), money(figures.trip_figure(t))]))
        rows.append(cached[1])
    return TableView(caption, headers, rows, sortable=sortable, searchable=False)


def forget_rows() -> None:
    """Drop the rendered rows (at the start of each build: the data may have changed)."""
    _trip_rows.clear()


def cost_table(costs, url: str, caption: str, known_zero: bool = False) -> TableView:
    """The cost lines; the foot adds what the municipality paid (uppgift saknas without lines, unless `known_zero`)."""
    headers = [Header("Kategori"), Header("Beskrivning"), Header("Belopp", True), Header("Originalbelopp", True),
               Header("Status"), Header("Betalt av")]
    rows = []
    for c in costs:
        original = original_amount(c.original_amount, c.original_currency)
        if c.original_amount and c.exchange_rate_date:
            original += f" (kurs {date(c.exchange_rate_date)})"
        payer = link(c.paid_by_body, url, c.paid_by_body.name) if c.paid_by_body else (c.paid_by_other or "–")
        status = label("costs", "status", c.status) + (" (exempel)" if c.example else "")
        rows.append([Cell(label("costs", "category", c.category)), Cell(c.description or "–"), money(c.amount_sek),
                     Cell(original, numeric=True), Cell(status), Cell(payer)])
    total = figures.figure(costs, known_zero)
    foot = [Cell("Betalt av kommunen"), Cell(""), money(total), Cell(""), Cell(""), Cell("")]
    return TableView(caption, headers, rows, foot, searchable=False)


def trip_page(t: Trip) -> PageView:
    url = url_for(t)
    organiser = link(t.organiser, url) if t.organiser else (t.organiser_name or "–")
    facts = [("Datum", date_range(t.start_date, t.end_date)), ("Resmål", destinations(t)),
             ("Evenemang", t.event or "–"), ("Arrangör", organiser), ("Ansvarigt organ", link(t.body, url)),
             ("Status", label("trips", "status", t.status)), ("Kostnad för kommunen", sek(figures.trip_figure(t)))]
    if t.membership:
        facts.append(("Medlemskap", link(t.membership, url)))
    if t.agreement:
        facts.append(("Avtal", link(t.agreement, url)))
    decision = known([("Diarienummer", t.decision_reference), ("Beslutsnummer", t.decision_number),
                      ("Beslutsdatum", t.decision_date and date(t.decision_date)),
                      ("Dagordningspunkt", t.decision_agenda_item),
                      ("Beslutat av", t.decision_body and link(t.decision_body, url))])
    people = [Markup(f"{link(p.person, url)}, {escape(p.person.title)}{escape(f' – {p.role}' if p.role else '')}")
              for p in t.participants]
    purposes = [(purpose_label(code), "Ja" if code in t.purposes else "Nej") for code in
                ("profiling", "monitoring", "cooperation", "influence")]
    others = sum(c.amount_sek for c in t.costs if not c.paid_by_us)
    sections = [
        Section("Beslut", facts=decision or None, text=None if decision else "Inget beslut är angivet."),
        Section("Deltagare", items=people, empty="Inga deltagare är angivna."),
        Section("Syfte", facts=purposes, text=t.purpose_text),
        Section("Reserapport", html=report_html(t.report),
                text=f"Rapporten lämnades {date(t.report_date)}." if t.report and t.report_date
                else None if t.report else "Ingen reserapport är publicerad."),
        Section("Kostnader", table=cost_table(t.costs, url, "Kostnader för resan", t.total_sek_stated is not None),
                note=" ".join(n for n in (
                    f"Kostnader som andra betalat ({sek(others)}) räknas inte in i kommunens kostnad." if others else "",
                    PRELIMINARY_NOTE if t.has_preliminary_costs else "",
                    "" if t.costs else "Resans kostnader är inte rapporterade.") if n) or None),
    ]
    sections.append(rates_section(t))
    if t.source:
        sections.append(Section("Källa", text=t.source))
    return PageView(url, t.title, t.has_example_data, facts=facts, sections=sections)


def rates_section(t: Trip) -> Section:
    """What the trip cost the municipality per traveller, per day and per traveller and day, and what those words mean."""
    r = figures.trip_rates(t)
    own = t.body.municipality.name
    rows = [[Cell("Kostnad för kommunen"), money(r.cost)], [Cell("Resenärer"), count(r.travellers)],
            [Cell("Dagar"), count(r.days)], [Cell("Resenärsdagar"), count(r.traveller_days)],
            [Cell("Per resenär"), money(r.per_traveller)], [Cell("Per dag"), money(r.per_day)],
            [Cell("Per resenär och dag"), money(r.per_traveller_day)]]
    table = TableView("Kostnad per resenär och dag", [Header("Mått"), Header("Värde", True)], rows, row_headers=True,
                      searchable=False)
    others = len(t.participants) - len(t.travellers)
    note = " ".join(n for n in (
        f"Resenärer är resans deltagare som hör till ett organ i {own}: kommunens kostnad gäller deras resor.",
        f"{others} deltagare hör inte till ett organ i {own} och räknas inte." if others else "",
        "Dagar räknas från första till sista resdagen, båda medräknade; resenärsdagar är resenärer gånger dagar.",
        "Uppgift saknas när kostnaden eller resenärerna inte är rapporterade." if not r.counted else "",
        PRELIMINARY_NOTE if r.cost.known and r.cost.preliminary else "") if n)
    return Section("Kostnad per resenär och dag", table=table, note=note)


FEE_STATUS_TEXT = {"paid": "betald", "free": "avgiftsfri", "unknown": "ej rapporterad"}


def fee_section(m: Membership, first: int, last: int) -> Section:
    """The fee of each year the membership ran in the data's years, as a chart and a table: paid, free or unknown
    (a gap in the chart, "uppgift saknas" in the table), each reading so. No chart when no fee is known: an axis
    from 0 kr would read as a figure."""
    years = m.years(first, last)
    fees = {y: Figure(m.fee_for(y), round(sum(c.amount_sek for c in m.fees(y) if c.preliminary), 2)) for y in years}
    rows = [[Cell(str(y)), money(fees[y]), Cell(FEE_STATUS_TEXT[m.fee_status(y)])] for y in reversed(years)]
    table = TableView(f"Avgift per år, {name_of(m)}", [Header("År"), Header("Avgift", True), Header("Avgiften")], rows,
                      row_headers=True, searchable=False) if rows else None
    chart = Markup(bar_chart([str(y) for y in years], [Series("Avgift", [fees[y].value for y in years])],
                             title=f"Avgift per år, {name_of(m)}",
                             description="Medlemsavgiften per år i kronor. Ett år utan rapporterad avgift är en lucka, "
                                         "inte noll.", id_prefix=f"fees-{m.id}")) if any(f.known for f in fees.values()) else None
    text = ("Medlemskapet är avgiftsfritt." if m.free else
            "Avgiften är uppgift saknas för år utan avgiftsrad: den är inte rapporterad, vilket inte betyder 0 kr.")
    return Section("Avgift per år", table=table, chart=chart, text=text)


def _trip_costs(trips: list[Trip]) -> str:
    """The trips' cost to the municipality: the known costs added, and how many trips that covers."""
    known_costs = [figures.trip_figure(t) for t in trips if t.total_sek is not None]
    return f"{sek(figures.add(known_costs))} ({len(known_costs)} av {len(trips)} resor med känd kostnad)"


def outcomes_section(trips: list[Trip], url: str) -> Section:
    """What the trips' reports say came of them, each under its trip's heading."""
    parts, missing = [], []
    for t in sorted(trips, key=lambda t: (t.start_date, t.id)):
        if t.report:
            parts.append(Markup("<h3>{0}</h3>\n<p>{1}{2}</p>\n{3}").format(
                link(t, url), date_range(t.start_date, t.end_date),
                f". Rapporten lämnades {date(t.report_date)}." if t.report_date else ".", report_html(t.report, 3)))
        else:
            missing.append(link(t, url))
    text = None if parts else "Ingen av resorna har en publicerad reserapport." if trips else "Inga resor att rapportera."
    return Section("Vad resorna gav", html=Markup("\n").join(parts) or None, text=text,
                   items=[Markup("Ingen reserapport: ") + t for t in missing] if missing else None)


def membership_page(m: Membership, first: int, last: int) -> PageView:
    """A membership and what it gives: fees per year, the trips made within it, the forums and what the reports say.

    `first`..`last` are the data's years (its fees are listed for those it ran in)."""
    url = url_for(m)
    facts = known([("Organisation", link(m.organisation, url)), ("Medlem", link(m.body, url)), ("Roll", m.role),
                   ("Sedan", partial_date(m.start_date)), ("Till", m.end_date and partial_date(m.end_date)),
                   ("Status", label("memberships", "status", m.status)), ("Diarienummer", m.decision_reference),
                   ("Beslutat av", m.decision_body and link(m.decision_body, url)),
                   ("Beslutsdatum", m.decision_date and date(m.decision_date)),
                   ("Nästa omprövning", m.review_date and date(m.review_date))])
    events = m.event_trips()
    trips = m.trips + events
    summary = [("Avgifter totalt", sek(figures.fees_paid(m))), ("Resor inom medlemskapet", str(len(m.trips))),
               ("Resor till organisationens evenemang", str(len(events))),
               ("Resornas kostnad", _trip_costs(trips) if trips else "inga resor"),
               ("Resenärer", str(len({p.id for t in trips for p in t.travellers}))),
               ("Forum och arbetsgrupper", str(len(m.forums)))]
    forums = TableView("Forum och arbetsgrupper", [Header("Forum"), Header("Deltagande organ"), Header("Anteckning")],
                       [[Cell(f.name), Cell(link(f.attending_body, url, f.attending_body.name) if f.attending_body else "–"),
                         Cell(f.notes or "–")] for f in m.forums], row_headers=True, searchable=False) if m.forums else None
    sections = [Section("Vad medlemskapet ger", facts=summary,
                        note="Avgifter och resekostnader är det kommunen betalat; summor är de kända beloppen, och "
                             "resekostnaden säger hur många resor den gäller. Resenärer är olika personer ur "
                             f"{m.body.municipality.name} på resorna."),
                fee_section(m, first, last),
                Section("Avgifter och kostnader", table=cost_table(m.costs, url, "Avgifter och kostnader för medlemskapet",
                                                                  m.free)),
                Section("Resor inom medlemskapet", table=trip_table(m.trips, url, "Resor inom medlemskapet", False)
                        if m.trips else None, text=None if m.trips else "Inga resor är kopplade till medlemskapet."),
                Section("Resor till organisationens evenemang",
                        table=trip_table(events, url, "Resor till organisationens evenemang", False) if events else None,
                        text=f"Resor som {m.body.municipality.name} gjort till evenemang som {m.organisation.display_name} "
                             "arrangerat medan medlemskapet gällde, utan att resan är kopplad till medlemskapet."
                        if events else "Inga andra resor till organisationens evenemang."),
                Section("Forum och arbetsgrupper", table=forums, text=None if m.forums else "Inga forum är angivna."),
                outcomes_section(trips, url)]
    if m.notes:
        sections.insert(0, Section("Om medlemskapet", text=m.notes))
    if m.source:
        sections.append(Section("Källa", text=m.source))
    example = m.example or any(c.example for c in m.costs) or any(t.has_example_data for t in trips)
    return PageView(url, f"Medlemskap: {name_of(m)}", example, facts=facts, sections=sections)


def agreement_page(a: Agreement) -> PageView:
    url = url_for(a)
    parties = [Markup("{}{}").format(link(p.organisation, url), f" ({p.role})" if p.role else "") for p in a.parties]
    facts = known([("Slag", label("agreements", "kind", a.kind)), ("Organ", link(a.body, url)),
                   ("Status", label("agreements", "status", a.status)),
                   ("Undertecknat", a.signed_date and partial_date(a.signed_date)),
                   ("Gäller från", a.start_date and partial_date(a.start_date)),
                   ("Gäller till", a.end_date and partial_date(a.end_date)),
                   ("Nästa omprövning", a.review_date and date(a.review_date)), ("Diarienummer", a.decision_reference)])
    sections = [Section("Parter", items=parties, empty="Inga parter är angivna."),
                Section("Teman", items=list(a.themes), empty="Inga teman är angivna.")]
    if a.description:
        sections.insert(0, Section("Om avtalet", text=a.description))
    if a.costs:
        sections.append(Section("Kostnader", table=cost_table(a.costs, url, "Kostnader för avtalet")))
    if a.trips:
        sections.append(Section("Resor inom avtalet", table=trip_table(a.trips, url, "Resor", False)))
    if a.source:
        sections.append(Section("Källa", text=a.source))
    example = a.example or any(c.example for c in a.costs) or any(t.has_example_data for t in a.trips)
    return PageView(url, a.title, example, facts=facts, sections=sections)


def organisation_page(o: Organisation) -> PageView:
    url = url_for(o)
    facts = [("Namn", o.name), ("Slag", label("organisations", "kind", o.kind)),
             ("Ort", ", ".join(x for x in (o.city, o.country and country_name(o.country)) if x) or "–")]
    if o.website:
        facts.append(("Webbplats", Markup('<a href="{0}">{0}</a>').format(o.website)))
    sections = [Section("Medlemskap", items=[link(m, url) for m in o.memberships], empty="Inga medlemskap."),
                Section("Avtal", items=[link(a, url) for a in o.agreements], empty="Inga avtal."),
                Section("Resor till organisationens evenemang",
                        table=trip_table(o.trips, url, "Resor", False) if o.trips else None,
                        text=None if o.trips else "Inga resor.")]
    example = o.example or any(t.has_example_data for t in o.trips)
    return PageView(url, o.display_name, example, facts=facts, sections=sections)


def body_page(b: Body, kind: str) -> PageView:
    """A body: what it paid per category and year (a year it reported without costs is a known zero)."""
    url = url_for(b)
    spent = figures.by(b.costs_paid, lambda c: c.category, lambda _k, y: figures.reported(b, y, kind))
    facts = [("Kommun", b.municipality.name), ("Slag", label("bodies", "kind", b.kind)),
             ("Engelskt namn", b.name_en)]
    facts = known(facts)
    sections = [
        Section("Kostnader per år", text=None if spent.keys else "Inga kostnader är rapporterade för organet.",
                table=amount_table(
                    "Vad organet betalat, per kategori och år", "Kategori",
                    [(label("costs", "category", k), k) for k in spent.keys_by_total()], spent, spent.years)
                if spent.keys else None),
        Section("Rapportering", items=[f"{r.period}: {label('completeness', 'status', r.status)}"
                                       + (f" ({r.note})" if r.note else "") for r in sorted(b.completeness.values(),
                                                                                             key=lambda r: r.period)],
                empty="Organet har inte rapporterat någon period."),
        Section("Resor", table=trip_table(b.trips, url, "Resor som organet ansvarat för", False) if b.trips else None,
                text=None if b.trips else "Inga resor."),
        Section("Medlemskap", items=[link(m, url) for m in b.memberships], empty="Inga medlemskap."),
        Section("Avtal", items=[link(a, url) for a in b.agreements], empty="Inga avtal."),
        Section("Personer", items=[link(p, url) for p in b.people], empty="Inga personer."),
    ]
    example = b.example or any(c.example for c in b.costs_paid) or any(t.has_example_data for t in b.trips)
    return PageView(url, f"{b.name}, {b.municipality.name}", example, facts=facts, sections=sections)


def person_page(p: Person) -> PageView:
    url = url_for(p)
    facts = [("Roll", p.title), ("Organ", link(p.body, url) if p.body else "–")]
    if p.protected:
        note = "Personen publiceras bara med sin roll, inte med namn."
        return PageView(url, p.display_name, p.example, lead=note, facts=facts)
    sections = [Section("Resor", table=trip_table(p.trips, url, "Resor", False) if p.trips else None,
                        text=None if p.trips else "Inga resor.")]
    example = p.example or any(t.has_example_data for t in p.trips)
    return PageView(url, p.display_name, example, facts=facts, sections=sections)
