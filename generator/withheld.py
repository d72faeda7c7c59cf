"""What the portal withholds from everything it publishes, in every version: one rule.

A person marked `protected: true` in the working tree's `people.yaml` is published by
role only, by every page and file of every version, however long ago they were named:
protection is the one change a published version takes (a redaction, dated by the
commit that protected them: `protected_since`). Where a version gave their name it reads
MARK, and the names they carried are replaced by MARK in its free text (a trip's
purpose, a note) and in the reasons given for corrections. Everything that publishes
reads the data through this rule: the model (`public_name`), the comparisons behind
corrections and `portal diff`, the changelog and feeds made from them, and every
version's downloads (`downloads.versions` reads each version redacted), the working
tree's too: its pages and feed are made from it as redacted, so a name left in today's
free text is withheld there as in the files.

On the ground floor: it reads rows, never pages or files (git is asked through `history`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import yaml

from generator.entities import fields, schema_descriptor
from generator.history import file_at, file_revisions
from generator.pii import WITHHELD, withhold

if TYPE_CHECKING:
    from generator.loader import Loaded

MARK = WITHHELD
"""What a withheld name reads where a version gave one: the version says that something is withheld, never what."""
PEOPLE_FILE = "people.yaml"


def public_name(values: dict) -> str | None:
    """A person's name as it may be published: none for a person marked protected."""
    return None if values.get("protected") is True else values.get("name")


@dataclass(frozen=True)
class Withheld:
    """Who is withheld (the people protected today) and the names they were published under."""
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person id -> the names any version gave them

    @property
    def people(self) -> frozenset[str]:
        return frozenset(self.names)

    @functools.cached_property
    def _all(self) -> tuple[str, ...]:
        return tuple(sorted({name for found in self.names.values() for name in found}))

    def text(self, value):
        """Any text with the names of the people protected today withheld (`pii.withhold`: each reads MARK)."""
        return withhold(value, self._all) if isinstance(value, str) and self._all else value

    def values(self, resource: str, values: dict) -> dict:
        """A row's values as they may be published (a new dict; the row read is never changed)."""
        text = free_text(resource)
        out = {column: self.text(value) if column in text else value for column, value in values.items()}
        if resource == "people" and values.get("id") in self.names and values.get("name"):
            out["name"] = MARK
        return out

    def touched(self, loaded: Loaded) -> frozenset[str]:
        """The people whose withheld name or text `loaded` holds: what a redaction of it takes out."""
        found = set()
        for row in loaded.tables.get("people", []):
            if row.values.get("id") in self.names and row.values.get("name") not in (None, MARK):
                found.add(row.values["id"])
        for person, names in self.names.items():
            if person in found or not names:
                continue
            if any(withhold(row.values[c], names) != row.values[c] for resource, rows in loaded.tables.items()
                   for row in rows for c in free_text(resource) if isinstance(row.values.get(c), str)):
                found.add(person)
        return frozenset(found)

    def loaded(self, loaded: Loaded) -> Loaded:
        """`loaded` as it may be published (a copy: what the loader and the caches keep is never changed)."""
        if not self.touched(loaded):
            return loaded
        tables = {resource: [dataclasses.replace(row, values=self.values(resource, row.values)) for row in rows]
                  for resource, rows in loaded.tables.items()}
        return dataclasses.replace(loaded, tables=tables)

    def key(self) -> str:
        """What a cached download made under this rule depends on."""
        return repr(sorted(self.names.items()))


NOTHING = Withheld()


@functools.cache
def free_text(resource: str) -> frozenset[str]:
    """The columns of free text, where a name may stand: text that is no key, code or pattern (an id such as
    `anna-berg` is a key other records point at, and stays)."""
    descriptor = schema_descriptor(resource)
    keys = set(descriptor["primaryKey"])
    for fk in descriptor.get("foreignKeys", []):
        keys.update([fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"])
    return frozenset(name for name, spec in fields(resource).items()
                     if spec["type"] == "string" and name not in keys
                     and not {"enum", "pattern"} & set(spec.get("constraints", {})))


def protected(loaded: Loaded) -> frozenset[str]:
    """The people marked protected in `loaded`."""
    return frozenset(str(r.values.get("id")) for r in loaded.tables.get("people", []) if r.values.get("protected") is True)


def of(today: Loaded, others: Iterable[Loaded] = (), also: Iterable[str] = ()) -> Withheld:
    """What is withheld: the people protected in `today` (and `also`), with every name `today` and `others` gave
    them (a protected person's row has no name: their names come from the versions that published one)."""
    people = protected(today) | frozenset(also)
    names: dict[str, set[str]] = {person: set() for person in people}
    for loaded in (today, *others):
        for row in loaded.tables.get("people", []):
            name = row.values.get("name")
            if row.values.get("id") in names and isinstance(name, str) and name.strip() and name != MARK:
                names[row.values["id"]].add(" ".join(name.split()))
    return Withheld({person: tuple(sorted(found)) for person, found in sorted(names.items())})


def protected_since(data_dir: Path, people: Iterable[str]) -> dict[str, dt.date | None]:
    """The date of the commit since which each person has been protected (None: not yet committed).

    Walks the commits that touched `people.yaml`, newest first, as long as the person is
    protected in them: a date from git, never the clock.
    """
    waiting = set(people)
    since: dict[str, dt.date | None] = dict.fromkeys(waiting)
    for commit, date in file_revisions(data_dir, PEOPLE_FILE):
        if not waiting:
            break
        try:
            rows = yaml.safe_load(file_at(data_dir, commit, PEOPLE_FILE) or "")
        except yaml.YAMLError:
            rows = None
        rows = rows.get("people") if isinstance(rows, dict) else rows  # a list, or under `people:`
        rows = rows if isinstance(rows, list) else []
        marked = {str(r.get("id")) for r in rows if isinstance(r, dict) and r.get("protected") is True}
        for person in list(waiting):
            if person in marked:
                since[person] = date
            else:  # not protected before this (or, at the newest commit, protected in the working tree only)
                waiting.discard(person)
    return since
