"""The changelog: per version, the records added, changed (each field's old and new value) and removed.

Corrections must be visible, never silent: every version is compared with the one
before it. A protected person's name is withheld here as everywhere else (the versions are
read as they may be published, `withheld`), and each version says when something was
withheld from its files, never what.
"""

from __future__ import annotations

from generator.downloads.release import Release
from generator.i18n import language, n_, record_counts
from generator.i18n import t as _
from generator.downloads.versions import Version, changes_between
from generator.entities import RESOURCES, schema_descriptor

MAIN_FILES = ("portal.xlsx", "portal.zip", "portal.sqlite", "datapackage.json", "SHA256SUMS")


def changelog(versions: list[Version]) -> dict:
    """The changelog as data (what `changelog.json` holds), newest version first."""
    entries = []
    for i, version in enumerate(versions):
        release = version.release
        entry = {"version": release.version, "date": release.date.isoformat() if release.date else None,
                 "commit": version.commit, "url": release.url(), "citation": release.citation(),
                 "licence": release.licence, "first": i == 0, "resources": {},
                 "withheld": [day.isoformat() if day else None for day in version.withheld_on]}
        if i == 0:
            counts = {r: len(rows) for r, rows in version.loaded.tables.items() if rows}
            entry["summary"] = {"added": sum(counts.values()), "changed": 0, "removed": 0}
            entry["resources"] = {r: {"added": n} for r, n in counts.items()}
        else:
            changes = changes_between(versions[i - 1], version)
            added, changed, removed = changes.count()
            entry["summary"] = {"added": added, "changed": changed, "removed": removed}
            for resource in RESOURCES:
                item = {"added": [key for key, _ in changes.added.get(resource, [])],
                        "changed": [{"id": key, "fields": sorted(cols),
                                     "values": {c: {"old": a, "new": b} for c, (a, b) in sorted(cols.items())}}
                                    for key, cols in changes.changed.get(resource, [])],
                        "removed": [key for key, _ in changes.removed.get(resource, [])]}
                if any(item.values()):
                    entry["resources"][resource] = item
        entries.append(entry)
    latest = versions[-1].release
    return {"name": latest.name, "latest": latest.version, "licence": latest.licence,
            "licence_url": latest.licence_url, "versions": entries[::-1]}


def _withheld_note(days: list[str | None], lang: str) -> str:
    """When something was withheld from a version's files for privacy (never what)."""
    with language(lang):
        known = [day for day in days if day]
        if not known:
            return _("Uppgifter i den här versionens filer har undanhållits av integritetsskäl.")
        return _("Den {dates} undanhölls uppgifter i den här versionens filer av integritetsskäl: filerna och deras "
                 "kontrollsummor skrevs om, inget annat ändrades.", dates=", ".join(known))


def _value(value) -> str:
    """A value in the changelog page's Markdown, inert: code span, one line, no backticks."""
    if value is None or value == "":
        return "–"
    text = " ".join(str(value).replace("`", "'").split())
    return f"`{text[:120]}{'…' if len(text) > 120 else ''}`"


def download_links(version: str, prefix: str) -> str:
    """HTML links to a version's main files; HTML, since MkDocs checks Markdown links before they exist."""
    return " · ".join(f'<a href="{prefix}data/v{version}/{name}">{name}</a>' for name in MAIN_FILES)


def _swedish(text: str, lang: str) -> str:
    """The publisher's Swedish names in a citation, marked as Swedish on the English page."""
    return f'<span lang="sv">{text}</span>' if lang == "en" else text


def changelog_markdown(log: dict, release: Release, lang: str = "sv", prefix: str = "") -> str:
    """The changelog page; `prefix` leads from the page to the site root (e.g. "../../")."""
    with language(lang):
        return _changelog(log, release, lang, prefix)


def _changelog(log: dict, release: Release, lang: str, prefix: str) -> str:
    lines = [f"# {_('Versioner och ändringar')}", "",
             _("Varje publicerad version av uppgifterna finns kvar på en egen, stabil adress. Här står vad som lagts "
               "till, ändrats och tagits bort i varje version jämfört med versionen före; rättelser syns alltså "
               "alltid."), "",
             _("Licens: [{title}]({url}) (`{id}`).", title=release.licence_title, url=release.licence_url,
               id=release.licence), "",
             _("Så citerar du en version:"), "", f"> {_swedish(release.citation(lang), lang)}", ""]
    for entry in log["versions"]:
        date = f" ({entry['date']})" if entry["date"] else ""
        lines += [f"## Version {entry['version']}{date}", "",
                  f"{_('Nedladdningar')}: {download_links(entry['version'], prefix)}", ""]
        if entry["withheld"]:
            lines += [_withheld_note(entry["withheld"], lang), ""]
        summary = entry["summary"]
        if entry["first"]:
            lines += [n_("Första publicerade versionen: {n} post.", "Första publicerade versionen: {n} poster.",
                         summary["added"]), ""]
            continue
        if not any(summary.values()):
            lines += [_("Inga ändringar i posterna."), ""]
            continue
        lines += [record_counts(summary["added"], summary["changed"], summary["removed"]), ""]
        for resource, item in entry["resources"].items():
            meta = schema_descriptor(resource)
            lines += [f"### {meta['title' if lang == 'sv' else 'title_en']} (`{resource}`)", ""]
            for what, heading in (("added", _("Tillagda")), ("removed", _("Borttagna"))):
                if item[what]:
                    lines.append(f"- {heading}: " + ", ".join(f"`{key}`" for key in item[what]))
            for change in item["changed"]:
                lines.append(f"- {_('Ändrade')}: `{change['id']}`: "
                             + "; ".join(f"`{f}` {_value(v['old'])} → {_value(v['new'])}" for f, v in change["values"].items()))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
