"""One page per record (trip, membership, agreement, organisation, body, person).

Each page shows everything its record holds and links to every record it touches,
so a reader can follow the money both ways. The stable id, a citation, the last
change, its downloads and where to report an error come from `record_footer`.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from generator.downloads.records import record_download_urls
from generator.model import Agreement, Body, Membership, Organisation, Person, Trip
from generator import figures
from generator.render import emissions, maps
from generator.corrections import PAGED, Correction, Withdrawn
from generator.entities import fields
from generator.render.charts import Series, bar_chart
from generator.figures import Figure
from generator.addresses import url_for
from generator.render.links import (SiteInfo, absolute, history_url, in_language, link, name_html, name_of, relative,
                                   report_email_url, report_error_url, vantage)
from generator.render.formatting import country_name, currency_name, format_date, format_number, format_sek
from generator.i18n import current, data_lang, from_data, n_
from generator.i18n import t as _
from generator.render.views import (Cell, Header, PageView, Section, TableView, amount_table, count, date, date_cell,
                                    date_range, field_title, known, label, money, original_amount, partial_date,
                                    preliminary_note, purpose_label, report_html, resource_title, row_html, sek)


def record_footer(record, site: SiteInfo, version: str, corrections: list[Correction]) -> dict:
    """`changed` is the newest row of the Changes section (`corrections`, newest first), None when there is none:
    a commit that touched the file without changing the record (a comment, a move) is not a change."""
    url = url_for(record)
    latest = corrections[0] if corrections else None
    return {
        "id": record.id,
        "cite": Markup(_("{name}. {site}, id {id}, dataversion {version}. {url}")).format(
            name=from_data(name_of(record)), site=from_data(site.name), id=record.id, version=version,
            url=absolute(site, url)),
        "changed": _("{date}, version {version}", date=date(latest.date) if latest.date else "–",
                                version=latest.version) if latest else None,
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
        return _("Ja") if value else _("Nej")
    if kind in ("number", "integer") and isinstance(value, (int, float)):
        return format_sek(value) if name.endswith("_sek") else format_number(value, decimals=0 if float(value).is_integer() else 2)
    if kind == "date" and isinstance(value, str):
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if "x-labels" in spec:
        return "; ".join(label(resource, name, code) for code in str(value).split(";"))
    if name == "country":
        return country_name(str(value))
    if name == "original_currency":
        return currency_name(str(value))
    return str(value)


def _value_cell(resource: str, name: str, value) -> Cell:
    """The shown value, and the value as stored (what the downloads hold) to sort by."""
    if isinstance(value, dict):  # a line added or removed: its fields
        text = "; ".join(f"{field_title(resource, k)}: {_shown(resource, k, v)}" for k, v in value.items())
        return Cell(text)
    return Cell(_shown(resource, name, value), sort="" if value is None else str(value))


def _reason(c: Correction) -> str | Markup:
    """Why, as the `Rättelse:` lines of its commits gave it (free text from the data), or that no reason was given."""
    return from_data("; ".join(c.reasons)) if c.reasons else _("Ingen motivering angiven")


def corrections_section(corrections: list[Correction]) -> Section:
    """The record's changes per version: what, old value -> new value, when and why."""
    rows = []
    for c in corrections:
        why = _reason(c)
        for change in c.changes:
            field = field_title(change.resource, change.field) if change.field else ""
            what = field if change.resource in PAGED else \
                f"{resource_title(change.resource)} {change.key}" + (f": {field}" if change.field else "")
            rows.append([Cell(c.version), date_cell(c.date) if c.date else Cell("–"), Cell(what or "–"),
                         _value_cell(change.resource, change.field, change.old),
                         _value_cell(change.resource, change.field, change.new), Cell(why)])
        if not c.changes:
            rows.append([Cell(c.version), date_cell(c.date) if c.date else Cell("–"), Cell(_("Posten togs bort")),
                         Cell("–"), Cell("–"), Cell(why)])
    table = TableView(_("Rättelser och ändringar per version"),
                      [Header(_("Version")), Header(_("Datum")), Header(_("Vad")), Header(_("Före")), Header(_("Efter")), Header(_("Skäl"))],
                      rows, searchable=False) if rows else None
    return Section(_("Ändringar"), table=table, note=None if rows else _("Posten har inte ändrats sedan den publicerades."))


def withdrawn_page(w: Withdrawn) -> PageView:
    """The page of a record no longer in the data: when and why it went, and where its last values are."""
    url = url_for(w.record)
    c = w.correction
    lead = (_("Posten togs bort i version {version}", version=c.version) + (f" ({date(c.date)})" if c.date else "")
            + ". " + _("Dess sista uppgifter finns kvar i version {version} av öppna data.", version=w.last_version))
    own = record_download_urls(w.record)  # kept from the last version that held the record
    downloads = Markup(_('posten som <a href="{0}">JSON</a> och <a href="{1}">CSV</a>; hela versionen som '
                         '<a href="{2}">portal.xlsx</a>')).format(relative(own["json"], url), relative(own["csv"], url),
                                                              relative(f"data/v{w.last_version}/portal.xlsx", url))
    facts = [(_("Id"), w.key), (_("Borttagen i version"), c.version), (_("Skäl"), _reason(c)),
             (_("Senast publicerad i"), Markup("version {0}: {1}").format(w.last_version, downloads))]
    return PageView(url, _("Borttagen: {name}", name=name_of(w.record)), False, lead=lead, facts=facts,
                    sections=[corrections_section([c])])


def destinations(trip: Trip) -> str:
    """The places, each marked when the portal could not find its position (it is then not on a map)."""
    return "; ".join(f"{d.city} ({country_name(d.country)}{'' if d.position else ', ' + maps.unplaced()})"
                     for d in trip.destinations) or "–"


_trip_rows: dict[tuple, tuple[Trip, Markup]] = {}  # (id(trip), language, `vantage`) -> (trip, row): one trip, many tables


def trip_table(trips: list[Trip], url: str, caption: str, sortable: bool = True, csv_file: str = "") -> TableView:
    """The trips index table: date, destination, event, body, travellers, purpose, total.

    A trip is listed on its year's page and on the pages of its body, organiser, people
    and membership; its row is rendered once for each way it links from a page.
    """
    headers = [Header(_("Datum"), csv="start_date"), Header(_("Resa och resmål"), csv="title"),
               Header(_("Evenemang"), csv="event"), Header(_("Organ", context="singular"), csv="body_id"),
               Header(_("Resenärer"), True, csv="participants"), Header(_("Inriktning"), csv="purposes"),
               Header(_("Kostnad"), True, csv="municipality_sek")]
    labels = [h.text for h in headers]
    rows = []
    for t in trips:
        key = (id(t), current(), vantage(url, url_for(t), url_for(t.body)))
        cached = _trip_rows.get(key)
        if cached is None or cached[0] is not t:
            trip_link, body_link = link(t, url), link(t.body, url)
            title = Markup(f"{trip_link}<br>{escape(destinations(t))}")
            cached = _trip_rows[key] = (t, row_html([
                date_cell(t.start_date), Cell(title, sort=t.title), Cell(in_language(t.event, t.event_language),
                                                                         value=None if t.event else ""),
                Cell(body_link, sort=name_of(t.body), value=t.body.id),
                Cell(str(len(t.participants)), sort=str(len(t.participants)), numeric=True),
                Cell(", ".join(purpose_label(p) for p in t.purposes), value=";".join(t.purposes)),
                money(figures.trip_figure(t))], labels=labels, row_id=t.id))
        rows.append(cached[1])
    return TableView(caption, headers, rows, sortable=sortable, searchable=False, csv_file=csv_file)


def forget_rows() -> None:
    """Drop the rendered rows (at the start of each build: the data may have changed)."""
    _trip_rows.clear()


def cost_table(costs, url: str, caption: str, known_zero: bool = False) -> TableView:
    """The cost lines; the foot adds what the municipality paid (uppgift saknas without lines, unless `known_zero`)."""
    headers = [Header(_("Kategori")), Header(_("Beskrivning")), Header(_("Belopp"), True), Header(_("Originalbelopp"), True),
               Header(_("Status")), Header(_("Betalt av"))]
    rows = []
    for c in costs:
        original = original_amount(c.original_amount, c.original_currency)
        if c.original_amount and c.exchange_rate_date:
            original += _(" (kurs {date})", date=date(c.exchange_rate_date))
        payer = link(c.paid_by_body, url, c.paid_by_body.name) if c.paid_by_body else from_data(c.paid_by_other or "–")
        status = label("costs", "status", c.status) + (_(" (exempel)") if c.example else "")
        rows.append([Cell(label("costs", "category", c.category)), Cell(from_data(c.description or "–")), money(c.amount_sek),
                     Cell(original, numeric=True), Cell(status), Cell(payer)])
    total = figures.figure(costs, known_zero)
    foot = [Cell(_("Betalt av kommunen")), Cell(""), money(total), Cell(""), Cell(""), Cell("")]
    return TableView(caption, headers, rows, foot, searchable=False)


def trip_page(t: Trip) -> PageView:
    url = url_for(t)
    organiser = link(t.organiser, url) if t.organiser else from_data(t.organiser_name or "–")
    facts = [(_("Datum"), date_range(t.start_date, t.end_date)), (_("Resmål"), destinations(t)),
             (_("Evenemang"), in_language(t.event, t.event_language)), (_("Arrangör"), organiser),
             (_("Ansvarigt organ"), link(t.body, url)), (_("Status"), label("trips", "status", t.status)),
             (_("Kostnad för kommunen"), sek(figures.trip_figure(t))), (_("Klimatpåverkan"), emissions.trip_line(t, url))]
    if t.membership:
        facts.append((_("Medlemskap", context="singular"), link(t.membership, url)))
    if t.agreement:
        facts.append((_("Avtal", context="singular"), link(t.agreement, url)))
    decision = known([(_("Diarienummer"), t.decision_reference), (_("Beslutsnummer"), t.decision_number),
                      (_("Beslutsdatum"), t.decision_date and date(t.decision_date)),
                      (_("Dagordningspunkt"), t.decision_agenda_item),
                      (_("Beslutat av"), t.decision_body and link(t.decision_body, url))])
    people = [Markup("{}, {}{}").format(link(p.person, url), from_data(p.person.title),
                                         Markup(" – {}").format(from_data(p.role)) if p.role else "")
              for p in t.participants]
    purposes = [(purpose_label(code), _("Ja") if code in t.purposes else _("Nej")) for code in
                ("profiling", "monitoring", "cooperation", "influence")]
    others = sum(c.amount_sek for c in t.costs if not c.paid_by_us)
    sections = [
        Section(_("Beslut"), facts=decision or None, text=None if decision else _("Inget beslut är angivet.")),
        Section(_("Deltagare"), items=people, empty=_("Inga deltagare är angivna.")),
        Section(_("Syfte"), facts=purposes, text=from_data(t.purpose_text)),
        Section(_("Reserapport"), html=report_html(t.report),
                text=_("Rapporten lämnades {date}.", date=date(t.report_date)) if t.report and t.report_date
                else None if t.report else _("Ingen reserapport är publicerad.")),
        Section(_("Kostnader"), table=cost_table(t.costs, url, _("Kostnader för resan"), t.total_sek_stated is not None),
                note=" ".join(n for n in (
                    _("Kostnader som andra betalat ({amount}) räknas inte in i kommunens kostnad.", amount=sek(others))
                    if others else "",
                    preliminary_note() if t.has_preliminary_costs else "",
                    "" if t.costs else _("Resans kostnader är inte rapporterade.")) if n) or None),
    ]
    sections.append(rates_section(t))
    if t.source:
        sections.append(Section(_("Källa"), text=from_data(t.source)))
    return PageView(url, t.title, t.has_example_data, facts=facts, sections=sections, title_lang=data_lang())


def rates_section(t: Trip) -> Section:
    """What the trip cost the municipality per traveller, per day and per traveller and day, and what those words mean."""
    r = figures.trip_rates(t)
    own = t.body.municipality.name
    rows = [[Cell(_("Kostnad för kommunen")), money(r.cost)], [Cell(_("Resenärer")), count(r.travellers)],
            [Cell(_("Dagar")), count(r.days)], [Cell(_("Resenärsdagar")), count(r.traveller_days)],
            [Cell(_("Per resenär")), money(r.per_traveller)], [Cell(_("Per dag")), money(r.per_day)],
            [Cell(_("Per resenär och dag")), money(r.per_traveller_day)]]
    table = TableView(_("Kostnad per resenär och dag"), [Header(_("Mått")), Header(_("Värde"), True)], rows,
                      row_headers=True, searchable=False)
    others = len(t.participants) - len(t.travellers)
    note = " ".join(n for n in (
        _("Resenärer är resans deltagare som hör till ett organ i {municipality}: kommunens kostnad gäller deras resor.",
          municipality=own),
        n_("{n} deltagare hör inte till ett organ i {municipality} och räknas inte.",
           "{n} deltagare hör inte till ett organ i {municipality} och räknas inte.", others, municipality=own)
        if others else "",
        _("Dagar räknas från första till sista resdagen, båda medräknade; resenärsdagar är resenärer gånger dagar."),
        _("Uppgift saknas när kostnaden eller resenärerna inte är rapporterade.") if not r.counted else "",
        preliminary_note() if r.cost.known and r.cost.preliminary else "") if n)
    return Section(_("Kostnad per resenär och dag"), table=table, note=note)


def fee_status_text(status: str) -> str:
    return {"paid": _("betald"), "free": _("avgiftsfri"), "unknown": _("ej rapporterad")}[status]


def fee_section(m: Membership, first: int, last: int) -> Section:
    """The fee of each year the membership ran in the data's years, as a chart and a table: paid, free or unknown
    (a gap in the chart, "uppgift saknas" in the table), each reading so. No chart when no fee is known: an axis
    from 0 kr would read as a figure."""
    years = m.years(first, last)
    fees = {y: Figure(m.fee_for(y), round(sum(c.amount_sek for c in m.fees(y) if c.preliminary), 2)) for y in years}
    rows = [[Cell(str(y)), money(fees[y]), Cell(fee_status_text(m.fee_status(y)))] for y in reversed(years)]
    table = TableView(_("Avgift per år, {name}", name=name_of(m)), [Header(_("År")), Header(_("Avgift"), True),
                                                                     Header(_("Avgiften"))], rows,
                      row_headers=True, searchable=False) if rows else None
    chart = Markup(bar_chart([str(y) for y in years], [Series(_("Avgift"), [fees[y].value for y in years])],
                             title=_("Avgift per år, {name}", name=name_of(m)),
                             description=_("Medlemsavgiften per år i kronor. Ett år utan rapporterad avgift är en lucka, "
                                           "inte noll."), id_prefix=f"fees-{m.id}")) \
        if any(f.known for f in fees.values()) else None
    text = (_("Medlemskapet är avgiftsfritt.") if m.free else
            _("Avgiften är uppgift saknas för år utan avgiftsrad: den är inte rapporterad, vilket inte betyder 0 kr."))
    return Section(_("Avgift per år"), table=table, chart=chart, text=text)


def _trip_costs(trips: list[Trip]) -> str:
    """The trips' cost to the municipality: the known costs added, and how many trips that covers."""
    known_costs = [figures.trip_figure(t) for t in trips if t.total_sek is not None]
    return n_("{amount} ({known} av {n} resa med känd kostnad)", "{amount} ({known} av {n} resor med känd kostnad)",
              len(trips), amount=sek(figures.add(known_costs)), known=len(known_costs))


def outcomes_section(trips: list[Trip], url: str) -> Section:
    """What the trips' reports say came of them, each under its trip's heading."""
    parts, missing = [], []
    for t in sorted(trips, key=lambda t: (t.start_date, t.id)):
        if t.report:
            parts.append(Markup("<h3>{0}</h3>\n<p>{1}{2}</p>\n{3}").format(
                link(t, url), date_range(t.start_date, t.end_date),
                ". " + _("Rapporten lämnades {date}.", date=date(t.report_date)) if t.report_date else ".",
                Markup('<div lang="sv">{}</div>').format(report_html(t.report, 3)) if data_lang()
                else report_html(t.report, 3)))
        else:
            missing.append(link(t, url))
    text = None if parts else _("Ingen av resorna har en publicerad reserapport.") if trips else \
        _("Inga resor att rapportera.")
    return Section(_("Vad resorna gav"), html=Markup("\n").join(parts) or None, text=text,
                   items=[Markup("{} ").format(_("Ingen reserapport:")) + t for t in missing] if missing else None)


def membership_page(m: Membership, first: int, last: int) -> PageView:
    """A membership and what it gives: fees per year, the trips made within it, the forums and what the reports say.

    `first`..`last` are the data's years (its fees are listed for those it ran in)."""
    url = url_for(m)
    facts = known([(_("Organisation"), link(m.organisation, url)), (_("Medlem"), link(m.body, url)), (_("Roll"), from_data(m.role)),
                   (_("Sedan"), partial_date(m.start_date)), (_("Till"), m.end_date and partial_date(m.end_date)),
                   (_("Status"), label("memberships", "status", m.status)), (_("Diarienummer"), m.decision_reference),
                   (_("Beslutat av"), m.decision_body and link(m.decision_body, url)),
                   (_("Beslutsdatum"), m.decision_date and date(m.decision_date)),
                   (_("Nästa omprövning"), m.review_date and date(m.review_date))])
    events = m.event_trips()
    trips = m.trips + events
    summary = [(_("Avgifter totalt"), sek(figures.fees_paid(m))), (_("Resor inom medlemskapet"), str(len(m.trips))),
               (_("Resor till organisationens evenemang"), str(len(events))),
               (_("Resornas kostnad"), _trip_costs(trips) if trips else _("inga resor")),
               (_("Resenärer"), str(len({p.id for t in trips for p in t.travellers}))),
               (_("Forum och arbetsgrupper"), str(len(m.forums)))]
    forums = TableView(_("Forum och arbetsgrupper"), [Header(_("Forum")), Header(_("Deltagande organ")),
                                                      Header(_("Anteckning"))],
                       [[Cell(from_data(f.name)),
                         Cell(link(f.attending_body, url, f.attending_body.name) if f.attending_body else "–"),
                         Cell(from_data(f.notes or "–"))] for f in m.forums], row_headers=True,
                       searchable=False) if m.forums else None
    sections = [Section(_("Vad medlemskapet ger"), facts=summary,
                        note=_("Avgifter och resekostnader är det kommunen betalat; summor är de kända beloppen, och "
                               "resekostnaden säger hur många resor den gäller. Resenärer är olika personer ur "
                               "{municipality} på resorna.", municipality=m.body.municipality.name)),
                fee_section(m, first, last),
                Section(_("Avgifter och kostnader"), table=cost_table(m.costs, url, _("Avgifter och kostnader för medlemskapet"),
                                                                  m.free)),
                Section(_("Resor inom medlemskapet"), table=trip_table(m.trips, url, _("Resor inom medlemskapet"), False)
                        if m.trips else None, text=None if m.trips else _("Inga resor är kopplade till medlemskapet.")),
                Section(_("Resor till organisationens evenemang"),
                        table=trip_table(events, url, _("Resor till organisationens evenemang"), False) if events else None,
                        text=_("Resor som {municipality} gjort till evenemang som {organisation} arrangerat medan "
                               "medlemskapet gällde, utan att resan är kopplad till medlemskapet.",
                               municipality=m.body.municipality.name, organisation=m.organisation.display_name)
                        if events else _("Inga andra resor till organisationens evenemang.")),
                Section(_("Forum och arbetsgrupper"), table=forums, text=None if m.forums else _("Inga forum är angivna.")),
                outcomes_section(trips, url)]
    if m.notes:
        sections.insert(0, Section(_("Om medlemskapet"), text=from_data(m.notes)))
    if m.source:
        sections.append(Section(_("Källa"), text=from_data(m.source)))
    example = m.example or any(c.example for c in m.costs) or any(t.has_example_data for t in trips)
    return PageView(url, _("Medlemskap: {name}", name=name_of(m)), example, facts=facts, sections=sections,
                    heading=Markup(_("Medlemskap: {name}")).format(name=name_html(m)))


def agreement_page(a: Agreement) -> PageView:
    url = url_for(a)
    parties = [Markup("{}{}").format(link(p.organisation, url), Markup(" ({})").format(from_data(p.role)) if p.role else "")
               for p in a.parties]
    facts = known([(_("Slag"), label("agreements", "kind", a.kind)), (_("Organ", context="singular"), link(a.body, url)),
                   (_("Status"), label("agreements", "status", a.status)),
                   (_("Undertecknat"), a.signed_date and partial_date(a.signed_date)),
                   (_("Gäller från"), a.start_date and partial_date(a.start_date)),
                   (_("Gäller till"), a.end_date and partial_date(a.end_date)),
                   (_("Nästa omprövning"), a.review_date and date(a.review_date)), (_("Diarienummer"), a.decision_reference)])
    sections = [Section(_("Parter"), items=parties, empty=_("Inga parter är angivna.")),
                Section(_("Teman"), items=[from_data(theme) for theme in a.themes], empty=_("Inga teman är angivna."))]
    if a.description:
        sections.insert(0, Section(_("Om avtalet"), text=from_data(a.description)))
    if a.costs:
        sections.append(Section(_("Kostnader"), table=cost_table(a.costs, url, _("Kostnader för avtalet"))))
    if a.trips:
        sections.append(Section(_("Resor inom avtalet"), table=trip_table(a.trips, url, _("Resor"), False)))
    if a.source:
        sections.append(Section(_("Källa"), text=from_data(a.source)))
    example = a.example or any(c.example for c in a.costs) or any(t.has_example_data for t in a.trips)
    return PageView(url, a.title, example, facts=facts, sections=sections, title_lang=data_lang())


def organisation_page(o: Organisation) -> PageView:
    url = url_for(o)
    facts = [(_("Namn"), in_language(o.name, o.name_language)), (_("Slag"), label("organisations", "kind", o.kind)),
             (_("Ort"), ", ".join(x for x in (o.city, o.country and country_name(o.country)) if x) or "–")]
    if o.website:
        facts.append((_("Webbplats"), Markup('<a href="{0}">{0}</a>').format(o.website)))
    sections = [Section(_("Medlemskap"), items=[link(m, url) for m in o.memberships], empty=_("Inga medlemskap.")),
                Section(_("Avtal"), items=[link(a, url) for a in o.agreements], empty=_("Inga avtal.")),
                Section(_("Resor till organisationens evenemang"),
                        table=trip_table(o.trips, url, _("Resor"), False) if o.trips else None,
                        text=None if o.trips else _("Inga resor."))]
    sections += maps.map_sections(o.trips, _("för resor till organisationens evenemang"), "map-org")
    example = o.example or any(t.has_example_data for t in o.trips)
    return PageView(url, o.display_name, example, facts=facts, sections=sections, heading=name_html(o))


def body_page(b: Body, kind: str) -> PageView:
    """A body: what it paid per category and year (a year it reported without costs is a known zero)."""
    url = url_for(b)
    spent = figures.by(b.costs_paid, lambda c: c.category, lambda _k, y: figures.reported(b, y, kind))
    facts = [(_("Kommun"), b.municipality.name), (_("Slag"), label("bodies", "kind", b.kind)),
             (_("Engelskt namn"), b.name_en)]
    facts = known(facts)
    sections = [
        Section(_("Kostnader per år"), text=None if spent.keys else _("Inga kostnader är rapporterade för organet."),
                table=amount_table(
                    _("Vad organet betalat, per kategori och år"), _("Kategori"),
                    [(label("costs", "category", k), k) for k in spent.keys_by_total()], spent, spent.years)
                if spent.keys else None, note=figures.partial_note() if spent.grand_total().partial else None),
        Section(_("Rapportering"), items=[Markup("{}: {}{}").format(r.period, label("completeness", "status", r.status),
                                                                  Markup(" ({})").format(from_data(r.note)) if r.note
                                                                  else "")
                                          for r in sorted(b.completeness.values(), key=lambda r: r.period)],
                empty=_("Organet har inte rapporterat någon period.")),
        Section(_("Resor"), table=trip_table(b.trips, url, _("Resor som organet ansvarat för"), False) if b.trips else None,
                text=None if b.trips else _("Inga resor.")),
        Section(_("Medlemskap"), items=[link(m, url) for m in b.memberships], empty=_("Inga medlemskap.")),
        Section(_("Avtal"), items=[link(a, url) for a in b.agreements], empty=_("Inga avtal.")),
        Section(_("Personer"), items=[link(p, url) for p in b.people], empty=_("Inga personer.")),
    ]
    sections[3:3] = maps.map_sections(b.trips, _("för organets resor"), "map-body")
    example = b.example or any(c.example for c in b.costs_paid) or any(t.has_example_data for t in b.trips)
    return PageView(url, f"{b.name}, {b.municipality.name}", example, facts=facts, sections=sections, title_lang=data_lang())


def person_page(p: Person) -> PageView:
    url = url_for(p)
    facts = [(_("Roll"), from_data(p.title)), (_("Organ", context="singular"), link(p.body, url) if p.body else "–")]
    if p.protected:
        note = _("Personen publiceras bara med sin roll, inte med namn.")
        return PageView(url, p.display_name, p.example, lead=note, facts=facts, title_lang=data_lang())
    sections = [Section(_("Resor"), table=trip_table(p.trips, url, _("Resor"), False) if p.trips else None,
                        text=None if p.trips else _("Inga resor."))]
    example = p.example or any(t.has_example_data for t in p.trips)
    return PageView(url, p.display_name, example, facts=facts, sections=sections, title_lang=data_lang())
