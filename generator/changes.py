"""Records added, removed and changed between two readings of the data, matched by primary key, field by field.

`portal diff`, the changelog, each record's corrections and the version rules all compare
two readings this one way, with what is withheld today withheld from both sides.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator import withheld
from generator.entities import RESOURCES, schema_descriptor
from generator.loader import Loaded


@dataclass
class Changes:
    """Per resource: ids added and removed, and for changed ids each field's (old, new)."""

    added: dict[str, list[tuple[str, dict]]] = field(default_factory=lambda: defaultdict(list))
    removed: dict[str, list[tuple[str, dict]]] = field(default_factory=lambda: defaultdict(list))
    changed: dict[str, list[tuple[str, dict[str, tuple]]]] = field(default_factory=lambda: defaultdict(list))

    def count(self) -> tuple[int, int, int]:
        return tuple(sum(len(v) for v in d.values()) for d in (self.added, self.changed, self.removed))


def _plain(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def keyed(loaded: Loaded, resource: str, hidden: withheld.Withheld = withheld.NOTHING) -> dict[str, dict]:
    """The resource's rows by primary key, as `hidden` lets them be published."""
    key = schema_descriptor(resource)["primaryKey"]
    show = (lambda values: hidden.values(resource, values)) if hidden.names else (lambda values: values)
    return {"/".join(str(row.values.get(k)) for k in key): {c: _plain(v) for c, v in show(row.values).items()}
            for row in loaded.tables[resource]}


def compare(old: Loaded, new: Loaded, protected: set[str] | None = None) -> Changes:
    """Records added, removed and changed (field by field) in every resource, matched by primary key.

    A person protected on the new side (or in `protected`, those protected today) is never
    named by the comparison, whatever an older side held (`withheld`): a name reads WITHHELD
    on a side that gave one (the new side has none, so a change to it still counts), and in
    free text too.
    """
    changes = Changes()
    hidden = withheld.of(new, [old], protected or ())
    for resource in RESOURCES:
        before, after = keyed(old, resource, hidden), keyed(new, resource, hidden)
        for key in sorted(after.keys() - before.keys()):
            changes.added[resource].append((key, after[key]))
        for key in sorted(before.keys() - after.keys()):
            changes.removed[resource].append((key, before[key]))
        for key in sorted(before.keys() & after.keys()):
            columns = sorted(before[key].keys() | after[key].keys())
            fields_changed = {c: (before[key].get(c), after[key].get(c)) for c in columns
                              if before[key].get(c) != after[key].get(c)}
            if fields_changed:
                changes.changed[resource].append((key, fields_changed))
    return changes
