"""The completeness page: per municipality, what each body has reported for each period.

A body and period with no entry in `completeness.yaml` read "Ej rapporterat": its
figures for the period are unknown, which the cost pages show as "uppgift saknas".
"""

from __future__ import annotations

import datetime as dt

from generator import periods
from generator.model import Dataset
from generator import figures
from generator.i18n import from_data
from generator.i18n import t as _
from generator.addresses import COMPLETENESS, localized
from generator.render.links import link
from generator.render.views import Cell, Header, PageView, Section, TableView, label



def completeness_page(dataset: Dataset, as_of: dt.date | None) -> PageView:
    """Body × period for every body of every municipality, newest period first, up to the data's year."""
    kind = dataset.period_kind
    first, last = figures.data_years(dataset, as_of)
    shown = [p for year in range(last, first - 1, -1) for p in reversed(periods.periods_of_year(year, kind))]
    sections = []
    url = localized(COMPLETENESS)
    for m in sorted(dataset.municipalities.values(), key=lambda m: m.name):
        bodies = sorted(m.bodies, key=lambda b: b.name)
        rows = []
        for b in bodies:
            cells = [Cell(link(b, url, b.name), sort=b.name)]
            for period in shown:
                report = b.completeness.get(period)
                cells.append(Cell(label("completeness", "status", report.status) if report else _("Ej rapporterat")))
            rows.append(cells)
        table = TableView(_("Rapportering per organ och period, {municipality}", municipality=m.name),
                          [Header(_("Organ", context="singular"))] + [Header(p) for p in shown],
                          rows, row_headers=True, searchable=False)
        notes = [from_data(f"{b.name}, {r.period}: {r.note}") for b in bodies for r in sorted(b.completeness.values(),
                                                                                     key=lambda r: r.period) if r.note]
        years = range(last, first - 1, -1)
        covered = [figures.coverage(m, y, kind) for y in years]
        summary = _("Rapporterat: ") + "; ".join(
            f"{c.year}: {c.parts.text}"
            + (_(" ({n} preliminärt)", n=c.preliminary) if c.preliminary else "") for c in covered)
        sections.append(Section(m.name, text=summary + ".", table=table, items=notes or None))
    lead = _("Varje organ rapporterar per period om dess resor och kostnader är kompletta, preliminära eller om det "
             "inte finns något att rapportera (en nollrapport). Ett organ som inte har rapporterat en period har okända "
             "kostnader för den: de visas som uppgift saknas, aldrig som 0 kr.")
    example = any(r.example for r in dataset.completeness)
    return PageView(url, _("Rapportering"), example, lead=lead, sections=sections)
