"""Each record's corrections across the published versions, and the records withdrawn.

Corrections must be visible where the record is, never silent. Every version is
compared with the one before by the comparison `portal diff` uses; a change to a
record's lines (its costs, destinations, participants, forums, parties) counts as a
change to the record. The reason given is the message of the commits that touched
the record's file between the two versions. A person who is protected today is
never named by the history either (`diff.compare` withholds the name).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from generator.diff import compare, keyed, protected_people
from generator.history import file_log

PAGED = ("trips", "memberships", "agreements", "organisations", "bodies", "people")  # resources with a page
PARENTS = {"costs": (("trips", "trip_id"), ("memberships", "membership_id"), ("agreements", "agreement_id")),
           "trip_destinations": (("trips", "trip_id"),), "trip_participants": (("trips", "trip_id"),),
           "membership_forums": (("memberships", "membership_id"),),
           "agreement_parties": (("agreements", "agreement_id"),)}


@dataclass
class FieldChange:
    resource: str  # the record's own resource, or one of its lines'
    key: str  # the record's or the line's id
    field: str
    old: object
    new: object


@dataclass
class Correction:
    """What one version changed in one record."""
    version: str
    date: dt.date | None
    reasons: list[str]
    kind: str  # "changed", "withdrawn"
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class Withdrawn:
    resource: str
    key: str
    record: object  # the model record as last published
    last_version: str
    correction: Correction


@dataclass
class Past:
    corrections: dict[tuple[str, str], list[Correction]]  # (resource, id) -> newest first
    withdrawn: list[Withdrawn]

    def of(self, resource: str, key: str) -> list[Correction]:
        return self.corrections.get((resource, key), [])


NO_PAST = Past({}, [])


def _owner(resource: str, values: dict) -> tuple[str, str] | None:
    if resource in PAGED:
        return resource, str(values.get("id"))
    for parent, column in PARENTS.get(resource, ()):
        if values.get(column):
            return parent, str(values[column])
    return None




def past_of(versions: list, data_dir: Path) -> Past:
    """The corrections of every record, from the published versions (oldest first, the working tree last)."""
    if len(versions) < 2:
        return NO_PAST
    protected = protected_people(versions[-1].loaded)  # who is protected today is never named by the history
    corrections: dict[tuple[str, str], list[Correction]] = {}
    withdrawn: dict[tuple[str, str], Withdrawn] = {}
    for old, new in zip(versions, versions[1:]):
        reasons = _reasons(data_dir, old.commit, new.commit)
        changes = compare(old.loaded, new.loaded, protected)
        rows = functools.cache(lambda resource, loaded=new.loaded: keyed(loaded, resource))
        found: dict[tuple[str, str], Correction] = {}

        def entry(owner: tuple[str, str]) -> Correction:
            if owner not in found:
                files = {_file(v.dataset, *owner) for v in (old, new)} - {None}
                why = sorted({subject for f in files for subject in reasons.get(f, [])})
                found[owner] = Correction(new.release.version, new.release.date, why, "changed")
            return found[owner]

        for resource, items in changes.changed.items():
            for key, columns in items:
                values = rows(resource).get(key, {})
                owner = _owner(resource, values)
                if owner is None:
                    continue
                for column, (a, b) in sorted(columns.items()):
                    entry(owner).changes.append(FieldChange(resource, key, column, a, b))
        for what, items in (("added", changes.added), ("removed", changes.removed)):
            for resource, rows in items.items():
                for key, values in rows:
                    owner = _owner(resource, values)
                    if owner is None:
                        continue
                    if resource in PAGED:
                        if what == "removed":
                            record = _record(old.dataset, resource, key)
                            correction = entry(owner)
                            correction.kind = "withdrawn"
                            withdrawn[owner] = Withdrawn(resource, key, record, old.release.version, correction)
                        else:
                            withdrawn.pop(owner, None)  # back again: its page is a record page once more
                        continue
                    shown = {c: v for c, v in values.items() if v is not None and c not in ("id", "position")}
                    old_value, new_value = (None, shown) if what == "added" else (shown, None)
                    entry(owner).changes.append(FieldChange(resource, key, "", old_value, new_value))
        for owner, correction in found.items():
            corrections.setdefault(owner, []).insert(0, correction)
    return Past(corrections, list(withdrawn.values()))


def _record(dataset, resource: str, key: str):
    return getattr(dataset, resource).get(key)


def _file(dataset, resource: str, key: str) -> str | None:
    record = _record(dataset, resource, key)
    return record.source_file if record is not None else None


def _reasons(data_dir: Path, since: str | None, until: str | None) -> dict[str, list[str]]:
    """Commit subjects per data file (relative to the data folder) in `since..until` (until None: up to HEAD)."""
    span = f"{since}..{until or 'HEAD'}" if since else (until or "HEAD")
    found: dict[str, list[str]] = {}
    for subject, files in file_log(data_dir, "%s", span):
        for name in files:
            if subject.strip():
                found.setdefault(name, []).append(subject.strip())
    return found
