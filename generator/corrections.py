"""Each record's corrections across the published versions, and the records withdrawn.

Corrections must be visible where the record is, never silent. Every version is
compared with the one before by the comparison `portal diff` uses; a change to a
record's lines (its costs, destinations, participants, forums, parties) counts as a
change to the record. A reason is published only where it was written as one: a
line `Rättelse: <text>` (or `Correction: <text>`) in the message of a commit that
touched the record's file between the two versions gives the reason for every record
the commit changed, `Rättelse(<id>): <text>` for the record with that id alone (the
contributing guide, content/bidra.md, says so); the rest of a message is never
published. A reason is data: one holding a personal identity number fails the build,
naming the commit. A person who is protected today is never named by the history
either: the versions are read as they may be published, and `withheld` takes the names they
were given out of a reason too.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator import pii
from generator.changes import compare, keyed
from generator.history import file_log
from generator.outfolder import BuildError

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

    @property
    def corrects(self) -> bool:
        """A published value changed or taken away; an empty field filled in or a line added is an addition."""
        return self.old is not None and self.old != ""


@dataclass
class Correction:
    """What one version changed in one record."""
    version: str
    date: dt.date | None
    reasons: list[str]  # as written in `Rättelse:` lines, protected names withheld; empty: no reason was given
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




def record_counts(changes, new) -> tuple[int, int, int]:
    """Records added, changed and withdrawn (`changes`: `changes.compare` of some data with `new`), each counted once
    by its top-level record: a new trip's destinations, travellers and cost lines are one new record, a cost line
    added to a trip a change to it."""
    added, touched, withdrawn = set(), set(), set()
    for resource, items in changes.added.items():
        for key, values in items:
            owner = _owner(resource, values) or (resource, key)
            (added if owner == (resource, key) else touched).add(owner)
    for resource, items in changes.removed.items():
        for key, values in items:
            owner = _owner(resource, values) or (resource, key)
            (withdrawn if owner == (resource, key) else touched).add(owner)
    for resource, items in changes.changed.items():
        rows = keyed(new, resource)
        touched.update(_owner(resource, rows.get(key, {})) or (resource, key) for key, _ in items)
    return len(added), len(touched - added - withdrawn), len(withdrawn)


def past_of(versions: list, data_dir: Path) -> Past:
    """The corrections of every record, from the published versions (oldest first, the working tree last)."""
    if len(versions) < 2:
        return NO_PAST
    hidden = versions[-1].hidden  # who is protected today is never named by the history (`withheld`)
    corrections: dict[tuple[str, str], list[Correction]] = {}
    withdrawn: dict[tuple[str, str], Withdrawn] = {}
    for old, new in zip(versions, versions[1:]):
        reasons = _reasons(data_dir, old.commit, new.commit)
        changes = compare(old.loaded, new.loaded, set(hidden.people))
        rows = functools.cache(lambda resource, loaded=new.loaded: keyed(loaded, resource))
        found: dict[tuple[str, str], Correction] = {}

        def entry(owner: tuple[str, str]) -> Correction:
            if owner not in found:
                files = {_file(v.dataset, *owner) for v in (old, new)} - {None}
                given = [text for f in sorted(files) for by_record in reasons.get(f, [])
                         for text in by_record.get(owner[1], []) + by_record.get(None, [])]
                why = [hidden.text(text) for text in dict.fromkeys(given)]
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


REASON = re.compile(r"^[ \t]*(?:Rättelse|Correction)(?:\([ \t]*([^()\s]+)[ \t]*\))?[ \t]*:[ \t]*(\S.*?)[ \t\r]*$",
                    re.IGNORECASE | re.MULTILINE)
"""A reason line of a commit message: `Rättelse: <text>`, or `Rättelse(<record id>): <text>` for one record."""


def reasons_in(message: str) -> dict[str | None, list[str]]:
    """The reasons a commit message gives, by the record id they name (None: every record the commit changed)."""
    found: dict[str | None, list[str]] = {}
    for key, text in REASON.findall(message):
        found.setdefault(key or None, []).append(text)
    return found


def _reasons(data_dir: Path, since: str | None, until: str | None) -> dict[str, list[dict[str | None, list[str]]]]:
    """Per data file (relative to the data folder), the reasons of each commit in `since..until` that touched it,
    oldest first (until None: up to HEAD). BuildError if a reason holds a personal identity number."""
    span = f"{since}..{until or 'HEAD'}" if since else (until or "HEAD")
    found: dict[str, list[dict[str | None, list[str]]]] = {}
    for header, files in reversed(file_log(data_dir, "%H%n%B", span)):
        commit, _, message = header.partition("\n")
        given = reasons_in(message)
        if any(pii.find(text) for texts in given.values() for text in texts):
            raise BuildError(f"the commit {commit[:10]} gives as the reason for a correction what looks "
                             f"like a personal identity number, and reasons are published: reword its Rättelse: line "
                             f"(git rebase -i, reword) before it reaches the published branch")
        for name in files:
            if given:
                found.setdefault(name, []).append(given)
    return found
