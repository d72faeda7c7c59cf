"""`feed.atom`: new and changed trips; `corrections.atom`: corrections and withdrawals, for journalists' feed readers.

One entry per trip, its id the trip's permanent page URL, so a corrected trip comes
back as an updated entry rather than a new one. `updated` is the trip's last change as
its page's "Senast ändrad" says it (the newest of its corrections, `corrections.Past`),
else the date of the version that first published it (never the clock, nor a commit that
touched the file without changing the trip); the summary says whether the trip is new
or which fields changed in the current version. `corrections.atom` holds what changed
or took away a published value (`FieldChange.corrects`) and withdrawn records: a field
filled in or a line added is news for `feed.atom`, not a correction.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.downloads.records import record_download_urls
from generator.downloads.release import Release
from generator.model import Dataset
from generator.corrections import Past
from generator.addresses import CORRECTIONS_FEED, FEED, VERSIONS, url_for, url_of

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50
TRIP_CHILDREN = ("trip_destinations", "trip_participants", "costs")


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def trip_changes(latest_entry: dict | None) -> dict[str, list[str] | None]:
    """Trip id -> fields changed in the latest version (None: the trip is new); from the changelog."""
    if not latest_entry or latest_entry.get("first"):
        return {}
    found: dict[str, list[str] | None] = {}
    resources = latest_entry["resources"]
    trips = resources.get("trips", {})
    for key in trips.get("added", []):
        found[key] = None
    for change in trips.get("changed", []):
        found[change["id"]] = list(change["fields"])
    for resource in TRIP_CHILDREN:
        item = resources.get(resource, {})
        keys = item.get("added", []) + item.get("removed", []) + [c["id"] for c in item.get("changed", [])]
        for key in keys:
            trip_id = key.split("/")[0] if "/" in key else key.rsplit("-", 1)[0]
            if found.get(trip_id, []) is not None:
                found[trip_id] = sorted(set(found.get(trip_id) or []) | {resource})
    return found


def first_published(log: dict) -> dict[str, dt.date | None]:
    """Trip id -> the date of the version that first held it (the changelog, `log`); a trip of the first version
    is under `None`."""
    found: dict[str, dt.date | None] = {}
    for entry in reversed(log["versions"]):  # oldest first
        day = dt.date.fromisoformat(entry["date"]) if entry.get("date") else None
        if entry.get("first"):
            found[None] = day
        for key in entry["resources"].get("trips", {}).get("added", []) if not entry.get("first") else ():
            found.setdefault(key, day)
    return found


def feed_bytes(dataset: Dataset, release: Release, past: Past, log: dict) -> bytes:
    ET.register_namespace("", ATOM)
    base = release.base_url
    what = trip_changes(log["versions"][0] if log["versions"] else None)
    first = first_published(log)

    def updated(trip) -> dt.date:
        """As the trip's page says it was last changed, else when it was first published."""
        latest = next((c.date for c in past.of("trips", trip.id) if c.date), None)
        return latest or first.get(trip.id, first.get(None)) or trip.report_date or trip.end_date

    trips = sorted(dataset.trips.values(), key=lambda t: (updated(t), t.id), reverse=True)[:MAX_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"})
    sub = lambda parent, tag, text=None, **attrs: _sub(parent, tag, text, attrs)  # noqa: E731
    sub(feed, "id", f"{base}feed.atom")
    sub(feed, "title", f"{release.package.title} – resor")
    sub(feed, "subtitle", "Nya och ändrade resor / New and changed trips")
    newest = max((updated(t) for t in trips), default=release.date or dt.date(1970, 1, 1))
    sub(feed, "updated", _stamp(newest))
    sub(feed, "link", rel="self", type="application/atom+xml", href=f"{base}feed.atom")
    sub(feed, "link", rel="alternate", type="text/html", href=f"{base}resor/")
    author = sub(feed, "author")
    sub(author, "name", release.publisher.get("name") or release.name)
    if release.publisher.get("url"):
        sub(author, "uri", release.publisher["url"])
    sub(feed, "rights", f"{release.licence_title} ({release.licence})")
    for trip in trips:
        entry = sub(feed, "entry")
        page = base + url_for(trip)
        sub(entry, "id", page)
        sub(entry, "title", trip.title)
        sub(entry, "updated", _stamp(updated(trip)))
        sub(entry, "link", rel="alternate", type="text/html", href=page)
        sub(entry, "link", rel="related", type="application/json", href=base + record_download_urls(trip)["json"])
        state = what.get(trip.id, [])
        if trip.id in what:
            sub(entry, "category", term="new" if state is None else "changed",
                label="Ny resa" if state is None else "Ändrad resa")
        places = ", ".join(f"{d.city} ({d.country})" for d in trip.destinations)
        period = trip.start_date.isoformat() + ("" if trip.end_date == trip.start_date else f"–{trip.end_date.isoformat()}")
        if trip.id not in what:
            note = ""
        elif state is None:
            note = f"Ny i version {release.version}. "
        else:
            note = f"Ändrad i version {release.version}: {', '.join(state)}. "
        sub(entry, "summary", f"{note}{period}, {places}. {trip.body.name}.".strip())
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _sub(parent, tag: str, text: str | None, attrs: dict):
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def write_feed(dataset: Dataset, release: Release, past: Past, log: dict, site_dir: Path) -> Path:
    path = site_dir / FEED
    path.write_bytes(feed_bytes(dataset, release, past, log))
    return path


def corrections_bytes(past: Past, release: Release) -> bytes:
    """`corrections.atom`: one entry per record and version that corrected or withdrew it, newest first."""
    base = release.base_url
    found = [(c, owner) for owner, items in past.corrections.items() for c in items
             if c.kind == "withdrawn" or any(f.corrects for f in c.changes)]
    found.sort(key=lambda item: (item[0].date or dt.date(1970, 1, 1), item[0].version, item[1]), reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"})
    sub = lambda parent, tag, text=None, **attrs: _sub(parent, tag, text, attrs)  # noqa: E731
    sub(feed, "id", f"{base}corrections.atom")
    sub(feed, "title", f"{release.package.title} – rättelser")
    sub(feed, "subtitle", "Rättade och borttagna poster, med före och efter / Corrected and withdrawn records")
    newest = found[0][0].date if found and found[0][0].date else release.date or dt.date(1970, 1, 1)
    sub(feed, "updated", _stamp(newest))
    sub(feed, "link", rel="self", type="application/atom+xml", href=f"{base}corrections.atom")
    sub(feed, "link", rel="alternate", type="text/html", href=base + VERSIONS)
    author = sub(feed, "author")
    sub(author, "name", release.publisher.get("name") or release.name)
    sub(feed, "rights", f"{release.licence_title} ({release.licence})")
    for correction, (resource, key) in found[:MAX_ENTRIES]:
        page = base + url_of(resource, key)
        entry = sub(feed, "entry")
        sub(entry, "id", f"{page}#version-{correction.version}")
        what = "Borttagen" if correction.kind == "withdrawn" else "Ändrad"
        sub(entry, "title", f"{what} i version {correction.version}: {key}")
        sub(entry, "updated", _stamp(correction.date or newest))
        sub(entry, "link", rel="alternate", type="text/html", href=page)
        sub(entry, "category", term=correction.kind, label=what)
        listed = "; ".join(f"{c.field or c.key}: {_plain(c.old)} → {_plain(c.new)}" for c in correction.changes
                           if c.corrects)
        reason = "; ".join(correction.reasons) or "ingen motivering angiven"
        sub(entry, "summary", f"{listed}. Skäl: {reason}.".strip(" ."))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _plain(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def write_corrections_feed(past: Past, release: Release, site_dir: Path) -> Path:
    path = site_dir / CORRECTIONS_FEED
    path.write_bytes(corrections_bytes(past, release))
    return path
