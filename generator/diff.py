"""`portal diff`: what a change does to the published data, for the reviewer of a pull request.

A reviewer should not have to read YAML to see that a pull request adds one trip and
corrects an amount. Both sides are read by the same loader the validator uses: the
data at a git ref (taken with `git archive` into a temporary folder) and the working
tree. Records are matched by their primary keys, resource by resource, and compared
field by field; the money is added up by the site's own figures (`figures`: only what
the municipality paid, unknown where nothing is known, a sum that not every body has
reported marked partial with its coverage), per municipality: in all, per year, per paying body and per category,
never added across municipalities (the site never does).
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator import figures
from generator.changes import Changes, compare
from generator.entities import RESOURCES, schema_descriptor
from generator.figures import Figure
from generator.history import extract
from generator.i18n import language, record_counts
from generator.i18n import t as _
from generator.loader import Loaded


Totals = dict[str, dict[str, Figure]]  # a group of GROUPS -> key (a municipality's id first) -> SEK


@dataclass
class Diff:
    ref: str
    changes: Changes
    versions: tuple[str | None, str | None]
    totals: tuple[Totals | None, Totals | None]  # None: that side has errors, no totals


def _side(data_dir: Path) -> tuple[Loaded, Totals | None]:
    from generator.model import build
    from generator.published import VERSION_CODES
    from generator.validate import validate

    report, loaded = validate(data_dir)
    modelled = all(p.code in VERSION_CODES for p in report.errors)  # a version to raise does not change the sums
    return loaded, (totals(build(loaded, data_dir)) if modelled else None)


def diff(ref: str, data_dir: Path) -> Diff:
    with tempfile.TemporaryDirectory(prefix="portal-diff-") as tmp:
        old_loaded, old_totals = _side(extract(ref, data_dir, Path(tmp)))
    new_loaded, new_totals = _side(data_dir)
    return Diff(ref, compare(old_loaded, new_loaded),
                (old_loaded.package.get("version"), new_loaded.package.get("version")), (old_totals, new_totals))


GROUPS = ("municipality", "municipality_year", "body", "municipality_category")
"""Per municipality first, as the site adds up: nothing is added across municipalities (a paying body is one's)."""


def totals(dataset) -> Totals:
    """What each municipality paid, as the site's pages add it up (`figures`): in all, per year, per paying body and
    per category."""
    sums: dict[str, dict[str, Figure]] = {group: {} for group in GROUPS}
    for mf in figures.per_municipality(dataset, None):
        m = mf.municipality.id
        kinds, payers, categories = mf.by_kind(), mf.by_paying_body(), mf.by_category()
        sums["municipality"][m] = kinds.grand_total()
        for year in kinds.years:
            sums["municipality_year"][f"{m} {year}"] = kinds.year_total(year)
        for body in payers.keys:
            sums["body"][body] = payers.total(body)
        for category in categories.keys:
            sums["municipality_category"][f"{m} {category}"] = categories.total(category)
    return {group: dict(sorted(values.items())) for group, values in sums.items()}


def _same(a: Figure, b: Figure) -> bool:
    """The same figure for a reviewer: as known, to the öre, and covering as much."""
    return (a.known == b.known and (not a.known or abs(b.value - a.value) <= 0.005)
            and a.parts == b.parts)


def total_changes(d: Diff) -> dict[str, dict[str, dict]] | None:
    """Per group, the keys whose sum changed (in amount or in what it covers): the old and new figures (unknown where
    a side has none) and the difference of known ones; None when a side has errors."""
    old, new = d.totals
    if old is None or new is None:
        return None
    result = {}
    for group in GROUPS:
        rows = {}
        for key in sorted(old[group].keys() | new[group].keys()):
            a, b = old[group].get(key, Figure(None)), new[group].get(key, Figure(None))
            if not _same(a, b):
                rows[key] = {"old": a, "new": b, "change": round(b.value - a.value, 2) if a.known and b.known else None}
        result[group] = rows
    return result


def _plain_figure(f: Figure) -> dict:
    """A figure in the JSON output: its amount (None: unknown) and what it covers."""
    return {"sek": f.value, "reported": len(f.parts.reported), "of": len(f.parts.total)}


# --- output ------------------------------------------------------------------------------------

def _plain_rows(rows: dict[str, dict]) -> dict[str, dict]:
    return {key: {"old": _plain_figure(r["old"]), "new": _plain_figure(r["new"]), "change": r["change"]}
            for key, r in rows.items()}


def format_json(d: Diff) -> str:
    money = total_changes(d)
    added, changed, removed = d.changes.count()
    out = {
        "ref": d.ref,
        "version": {"old": d.versions[0], "new": d.versions[1]},
        "summary": {"added": added, "changed": changed, "removed": removed},
        "resources": {},
        "totals": None if money is None else {g: _plain_rows(v) for g, v in money.items()},
        "errors": {"old": d.totals[0] is None, "new": d.totals[1] is None},
    }
    for resource in RESOURCES:
        entry = {
            "added": [{"id": key, "values": values} for key, values in d.changes.added.get(resource, [])],
            "changed": [{"id": key, "fields": {c: {"old": a, "new": b} for c, (a, b) in cols.items()}}
                        for key, cols in d.changes.changed.get(resource, [])],
            "removed": [{"id": key, "values": values} for key, values in d.changes.removed.get(resource, [])],
        }
        if any(entry.values()):
            out["resources"][resource] = entry
    return json.dumps(out, ensure_ascii=False, indent=2, default=str)


MAX_ROWS = 200  # a pull-request comment has a size limit; the JSON output has everything


def _cell(value, limit: int = 100) -> str:
    if value is None:
        return "–"
    text = " ".join(str(value).split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|").replace("<", "&lt;")


def _money(value: float | None, lang: str, sign: bool = False) -> str:
    if value is None:
        return "–"
    text = f"{value:+,.2f}" if sign else f"{value:,.2f}"
    text = text.removesuffix(".00")
    return text.replace(",", "\u00a0").replace(".", ",") if lang == "sv" else text


def _figure(f: Figure, lang: str) -> str:
    """A sum as the site shows it: "–" when unknown, marked when partial (`figures.partial_mark`)."""
    return _money(f.value, lang) + figures.partial_mark(f)


def _label(values: dict) -> str:
    """A few words that tell a reviewer which record it is."""
    if values.get("amount_sek") is not None:
        return " ".join(str(values[k]) for k in ("category", "amount_sek", "description") if values.get(k) is not None)
    return next((str(values[k]) for k in ("title", "name", "city", "person_id", "organisation_id") if values.get(k)), "")


def format_markdown(d: Diff, lang: str = "sv") -> str:
    """The change as a pull-request comment in `lang`."""
    with language(lang):
        return _markdown(d, lang)


def _markdown(d: Diff, lang: str) -> str:
    kinds = {"added": _("tillagd"), "changed": _("ändrad"), "removed": _("borttagen")}
    heads = {"municipality": _("Per kommun"), "municipality_year": _("Per kommun och år"),
             "body": _("Per betalande organ"), "municipality_category": _("Per kommun och kategori")}
    before, after = _("före"), _("efter")
    lines = [f"### {_('Ändringar i de publicerade uppgifterna jämfört med')} `{d.ref}`", ""]
    added, changed, removed = d.changes.count()
    old_version, new_version = d.versions
    if not (added or changed or removed):
        lines.append(_("Inga ändringar i de publicerade uppgifterna."))
    else:
        lines.append(record_counts(added, changed, removed))
        lines.append("")
        if old_version == new_version:
            lines.append(_("**Obs:** versionen i `datapackage.yaml` är fortfarande {old}. Höj den: PATCH för rättelser, "
                           "MINOR för nya poster, MAJOR när kolumner ändras.", old=old_version))
        else:
            lines.append(_("Version: {old} → {new}.", old=old_version or "–", new=new_version or "–"))
    for resource in RESOURCES:
        rows = [(kinds["added"], key, "", None, _label(values)) for key, values in d.changes.added.get(resource, [])]
        rows += [(kinds["changed"], key, column, a, b) for key, cols in d.changes.changed.get(resource, [])
                 for column, (a, b) in cols.items()]
        rows += [(kinds["removed"], key, "", _label(values), None) for key, values in d.changes.removed.get(resource, [])]
        if not rows:
            continue
        meta = schema_descriptor(resource)
        lines += ["", f"#### {meta['title' if lang == 'sv' else 'title_en']} (`{resource}`)", "",
                  f"| {_('ändring')} | id | {_('fält')} | {before} | {after} |", "|---|---|---|---|---|"]
        for what, key, column, a, b in rows[:MAX_ROWS]:
            lines.append(f"| {what} | `{_cell(key)}` | {f'`{column}`' if column else ''} | {_cell(a)} | {_cell(b)} |")
        if len(rows) > MAX_ROWS:
            lines.append("")
            lines.append(_("… och {n} till (se JSON-utdata).", n=len(rows) - MAX_ROWS))
    lines += ["", f"#### {_('Kostnader som kommunen betalat (kr)')}", ""]
    money = total_changes(d)
    if money is None:
        sides = [side for side, t in zip((before, after), d.totals) if t is None]
        lines.append(_("Summorna kan inte räknas eftersom datan har fel ({side}); kör `portal validate`.",
                       side=", ".join(sides)))
    elif not any(money.values()):
        lines.append(_("Summorna är oförändrade."))
    else:
        for group in GROUPS:
            if not money[group]:
                continue
            lines += [f"| {heads[group]} | {before} | {after} | {_('skillnad')} |", "|---|--:|--:|--:|"]
            for key, r in money[group].items():
                lines.append(f"| `{key}` | {_figure(r['old'], lang)} | {_figure(r['new'], lang)} | "
                             f"{_money(r['change'], lang, True)} |")
            lines.append("")
        if any(r[side].partial for rows in money.values() for r in rows.values() for side in ("old", "new")):
            lines.append(figures.partial_note())
    return "\n".join(lines).rstrip() + "\n"
