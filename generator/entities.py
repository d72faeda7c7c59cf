"""Which files hold which resource, and how a YAML record becomes table rows.

Records that staff edit one at a time (memberships, agreements, trips) live one per
file; small reference lists live in one file each. Lists inside a record (its
participants, destinations, cost lines ...) become rows of child resources that
point back to the record. The Frictionless Table Schemas in `schemas/` say what
each column means; this registry only says where the rows come from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent / "schemas"
PARTIAL_DATE_PATTERN = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"  # a year, a month or a day
PERIOD_PATTERN = "^[0-9]{4}(-H[12]|-Q[1-4])?$"  # a year, a half-year or a quarter
PARENT_FIELDS_OF_COSTS = ("trip_id", "membership_id", "agreement_id")
_VERSION = re.compile(r"([0-9]+)\.([0-9]+)\.([0-9]+)")


@dataclass(frozen=True)
class Child:
    key: str  # the list's key in the parent record
    resource: str
    parent_field: str
    numbered: bool  # each line carries `id: <n>`, a number of its own: the row's id is <parent>-<n>
    ordered: bool = False  # rows also get `position`, their 1-based place in the list (order, not identity)


@dataclass(frozen=True)
class Entity:
    resource: str
    pattern: str  # glob relative to the data folder
    per_file: bool  # one record per file (named after its id), or a list of records
    children: tuple[Child, ...] = ()
    groups: tuple[str, ...] = ()  # nested mappings flattened into <group>_<key> columns
    lists: tuple[str, ...] = ()  # lists of plain values, stored joined by ';'


def _costs(parent_field: str) -> Child:
    return Child("costs", "costs", parent_field, True)


ENTITIES: tuple[Entity, ...] = (
    Entity("municipalities", "municipalities.yaml", False),
    Entity("bodies", "bodies.yaml", False),
    Entity("people", "people.yaml", False),
    Entity("organisations", "organisations.yaml", False),
    Entity("memberships", "memberships/*.yaml", True,
           children=(Child("forums", "membership_forums", "membership_id", True, True), _costs("membership_id"))),
    Entity("agreements", "agreements/*.yaml", True,
           children=(Child("parties", "agreement_parties", "agreement_id", False), _costs("agreement_id")),
           lists=("themes",)),
    Entity("trips", "trips/*/*.yaml", True,
           children=(Child("destinations", "trip_destinations", "trip_id", True, True),
                     Child("participants", "trip_participants", "trip_id", False),
                     _costs("trip_id")),
           groups=("decision",), lists=("purposes",)),
    Entity("completeness", "completeness.yaml", False),
)

# Resources in an order where each one's foreign keys point to earlier ones or itself.
RESOURCES: tuple[str, ...] = (
    "municipalities", "bodies", "people", "organisations",
    "memberships", "membership_forums", "agreements", "agreement_parties",
    "trips", "trip_destinations", "trip_participants", "costs", "completeness",
)

# Tables the portal computes from the others (no data file): published beside them.
DERIVED_RESOURCES: tuple[str, ...] = ("membership_fees", "totals")
PUBLISHED: tuple[str, ...] = RESOURCES + DERIVED_RESOURCES


@cache
def schema_descriptor(resource: str) -> dict:
    """The Table Schema of a resource, as the JSON file in `schemas/` says."""
    return json.loads((SCHEMA_DIR / f"{resource}.json").read_text(encoding="utf-8"))


@cache
def fields(resource: str) -> dict[str, dict]:
    return {f["name"]: f for f in schema_descriptor(resource)["fields"]}


def version_key(version: str) -> tuple[int, ...] | None:
    """A version number as numbers, to compare (`0.10.0` comes after `0.9.0`); None if it is not `<n>.<n>.<n>`."""
    match = _VERSION.fullmatch(str(version))
    return tuple(map(int, match.groups())) if match else None


def in_version(spec: dict, version: str) -> bool:
    """Whether a version's files hold this field or resource: not if it is marked `"x-since"` a later version.

    A published version's files never change (`downloads/recorded.py`), so a column or table added to the
    schemas appears in the versions from its `x-since` on; a version that is not a number gets everything."""
    since, key = spec.get("x-since"), version_key(version)
    return since is None or key is None or version_key(since) <= key


def version_resources(version: str) -> tuple[str, ...]:
    """The published tables a version's files hold, in PUBLISHED order."""
    return tuple(r for r in PUBLISHED if in_version(schema_descriptor(r), version))


def version_fields(resource: str, version: str) -> list[dict]:
    """The columns `resource` has in a version's files (field descriptors, in schema order)."""
    return [spec for spec in schema_descriptor(resource)["fields"] if in_version(spec, version)]


def version_schema(resource: str, version: str) -> dict:
    """The Table Schema of `resource` as a version's files have it: its fields, and the foreign keys of those."""
    schema = dict(schema_descriptor(resource))
    schema["fields"] = version_fields(resource, version)
    names = {spec["name"] for spec in schema["fields"]}
    keys = [fk for fk in schema.get("foreignKeys", [])
            if set([fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]) <= names]
    if keys:
        schema["foreignKeys"] = keys
    else:  # a schema whose keys all came later has none in the versions before them
        schema.pop("foreignKeys", None)
    return schema


def computed_fields(resource: str) -> tuple[str, ...]:
    """Columns the portal computes for the downloads (`x-computed`); staff never write them."""
    return tuple(name for name, spec in fields(resource).items() if spec.get("x-computed"))


def derived_fields(child: Child) -> tuple[str, ...]:
    """Columns a child row gets from where it stands; staff must not write them (`id` is written as a number)."""
    parents = PARENT_FIELDS_OF_COSTS if child.resource == "costs" else (child.parent_field,)
    return parents + (("position",) if child.ordered else ())


def line_id(parent_id, number: int) -> str:
    """A numbered line's id: its record's id and its own number (never its place in the list)."""
    return f"{parent_id}-{number}"


@cache
def labels(resource: str, field: str, lang: str = "sv") -> dict[str, str]:
    """Display labels of an enumerated field's codes (one shared dict: read it, do not change it)."""
    return {code: names[lang] for code, names in fields(resource)[field].get("x-labels", {}).items()}
