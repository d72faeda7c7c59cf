"""What the strategy's principle checks find, per municipality, each finding linked to its record.

The findings are the warnings of `rules.check`, the very checks `portal validate`
runs, not a copy of them: a warning names the file and line it was found at, and
each trip, membership and agreement is one file, so the file names the record.
They are checked against the day of the data's last change (never the clock), so the
same data builds the same page.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from generator import rules
from generator.model import Dataset, Municipality
from generator import figures
from generator.i18n import current, from_data
from generator.i18n import t as _
from generator.addresses import PRINCIPLES, localized
from generator.render.links import link
from generator.render.views import Cell, Header, PageView, Section, TableView, date



def heading(code: str) -> str:
    """What the findings of a check are, as the page's heading."""
    return {
        "policy-twin-city": _("Vänortsavtal trots att kommunen inte tecknar vänortsavtal"),
        "cooperation-no-end": _("Samarbetsavtal utan slutdatum"),
        "cooperation-no-theme": _("Samarbetsavtal utan tema"),
        "review-overdue": _("Medlemskap och avsiktsförklaringar vars omprövning har passerat"),
        "review-missing": _("Medlemskap och avsiktsförklaringar utan datum för omprövning"),
        "trip-no-decision": _("Resor utan beslutshänvisning"),
        "trip-no-report": _("Genomförda resor utan reserapport"),
        "trip-planned-past": _("Resor som fortfarande står som planerade fast de är över"),
        "cost-preliminary-overdue": _("Kostnader som länge varit preliminära"),
    }[code]


def url_for_municipality(m: Municipality) -> str:
    return localized(f"{PRINCIPLES}{m.id}/")


def municipalities(dataset: Dataset) -> list[Municipality]:
    return sorted(dataset.municipalities.values(), key=lambda m: m.name)


def checked_on(dataset: Dataset, as_of: dt.date | None) -> dt.date:
    """The day the checks are run against: the data's last change, else its latest date."""
    return as_of or max(figures.data_days(dataset), default=dt.date(2000, 1, 1))


def findings(dataset: Dataset, day: dt.date) -> list[tuple[str, object, str]]:
    """(code, record, message) of every principle and follow-up warning, in the rules' order."""
    loaded = dataset.source
    if loaded is None:
        return []
    records = {"trips": dataset.trips, "memberships": dataset.memberships, "agreements": dataset.agreements}
    by_file = {row.file: records[name][row.values["id"]] for name in records for row in loaded.tables[name]}
    return [(p.code, by_file[p.file], p.message(current())) for p in rules.check(loaded, day)
            if p.code in rules.PRINCIPLES + rules.FOLLOW_UP and p.file in by_file]


def principle_pages(dataset: Dataset, as_of: dt.date | None) -> list[PageView]:
    day = checked_on(dataset, as_of)
    found = findings(dataset, day)
    views = []
    for m in municipalities(dataset):
        url = url_for_municipality(m)
        mine = [(code, record, message) for code, record, message in found if record.body.municipality is m]
        sections = []
        for code in rules.PRINCIPLES + rules.FOLLOW_UP:
            rows = [[Cell(link(record, url), sort=record.id), Cell(message)] for c, record, message in mine if c == code]
            if rows:
                sections.append(Section(heading(code), table=TableView(heading(code), [Header(_("Post")), Header(_("Vad"))],
                                                                       rows, searchable=False)))
        lead = _("Vad kontrollerna av strategins principer hittar för {municipality}, per {date} (dagen för den "
                 "senaste ändringen av uppgifterna). Det är samma kontroller som granskar varje ändring av uppgifterna.",
                 municipality=m.name, date=date(day))
        policy = Markup(_("Styrdokument: {policy}.")).format(policy=from_data(m.policy_reference)) \
            if m.policy_reference else None
        if not sections:
            sections.append(Section(_("Inga avvikelser"), text=_("Kontrollerna hittar inget att anmärka på.")))
        views.append(PageView(url, _("Principerna: {municipality}", municipality=m.name), False, lead=lead, intro=None,
                              sections=[Section(_("Om kontrollerna"), text=policy)] + sections if policy else sections))
    return views


def principles_index(dataset: Dataset) -> PageView:
    url = localized(PRINCIPLES)
    items = [Markup('<a href="{0}">{1}</a>').format(url_for_municipality(m).removeprefix(url), m.name)
             for m in municipalities(dataset)]
    lead = _("Strategierna säger hur det internationella arbetet ska gå till: inga vänortsavtal där kommunen valt bort "
             "dem, samarbetsavtal med tema och slutdatum, medlemskap som omprövas, resor som beslutas och följs upp "
             "med en rapport. Här visas vad kontrollerna av principerna hittar, för varje kommun.")
    return PageView(url, _("Principerna"), False, lead=lead, sections=[Section(_("Kommuner"), items=items)], hide_toc=True)
