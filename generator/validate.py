"""Validate the data folder: Frictionless for each table, then the rules across them.

The YAML records are turned into tables and checked by the `frictionless` library
against the Table Schemas in `schemas/`, foreign keys included. Its errors come back
with a row and a column; the rows remember their file, line and column, so every
problem points at the place a person has to change.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import re
from pathlib import Path

from generator import package, pii, plausibility, published, rules
from generator.entities import ENTITIES, PARTIAL_DATE_PATTERN, RESOURCES, derived_fields, fields, schema_descriptor
from generator.background import Job
from generator.loader import Loaded, Row, load
from generator.problems import Problem, Report
from generator.values import REFUSED_VALUES, TYPE_WORDS, meant

# Columns a child row takes from its parent (a numbered line's id too): wrong only when the parent's id is,
# and then reported there.
DERIVED_COLUMNS = {c.resource: derived_fields(c) + (("id",) if c.numbered else ()) for e in ENTITIES for c in e.children}
_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
_VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")


class Validation:
    """A validation under way: Frictionless checks the tables in a forked process
    (`background.Job`) while the rules run here, and a build may go on beside it."""

    def __init__(self, data_dir: Path, today: dt.date | None = None, cache_dir: Path | None = None):
        gc.unfreeze()  # what an earlier validation froze (portal serve) may be garbage now
        gc.disable()  # reading creates no cycles to collect, only objects to keep
        try:
            self.loaded = load(data_dir, cache_dir)
        finally:
            gc.enable()
        gc.freeze()  # kept to the end: never scanned again by the collector (or copied by a forked job)
        with Job(check_tables, self.loaded.tables) as self.tables:
            self.before = list(self.loaded.problems) + check_package(self.loaded)
            today = today or dt.date.today()
            self.after = (rules.check(self.loaded, today, cache_dir) + pii.check(self.loaded.tables, self.loaded.problems)
                          + plausibility.check(self.loaded, today) + published.check(self.loaded, data_dir))
        self._report: Report | None = None

    @property
    def early_errors(self) -> bool:
        """Errors found without the table check (each of them an error in the full report too)."""
        return any(p.severity == "error" for p in self.before + self.after)

    def report(self) -> Report:
        """Every problem: waits for the table check."""
        if self._report is None:
            problems = self.before + self.tables.result() + self.after
            self._report = Report(_without_typo_echoes(_without_echoes(problems), self.loaded))
        return self._report


def validate(data_dir: Path, today: dt.date | None = None) -> tuple[Report, Loaded]:
    """Every problem in the data folder, and what was loaded (for the model)."""
    validation = Validation(data_dir, today)
    return validation.report(), validation.loaded


_FIRST_WORD = ("yaml-", "line-id-")  # problems that say all there is to say about their place


def _without_echoes(problems: list[Problem]) -> list[Problem]:
    """Drop later complaints about a value whose reading (YAML, a line's id) was already refused."""
    unread = {(p.file, p.line, p.column) for p in problems if p.code.startswith(_FIRST_WORD)}
    refused = unread | {(p.file, p.line, p.column) for p in problems if p.code in REFUSED_VALUES}
    return [p for p in problems if p.code.startswith(_FIRST_WORD)
            or (p.file, p.line, p.column) not in (unread if p.code in REFUSED_VALUES else refused)]


def _without_typo_echoes(problems: list[Problem], loaded: Loaded) -> list[Problem]:
    """Drop "required field F missing" when the same record has an unknown key that is F misspelt (`titel:`)."""
    starts: dict[str, list[int]] = {}
    for rows in loaded.tables.values():
        for row in rows:
            starts.setdefault(row.file, []).append(row.pos.line)
    meant = set()
    for p in problems:
        if p.code == "unknown-key" and p.params.get("suggestion"):
            record_line = max((line for line in starts.get(p.file, ()) if line <= p.line), default=None)
            meant.add((p.file, record_line, p.params["suggestion"]))
    return [p for p in problems if not (p.code == "required" and (p.file, p.line, p.field) in meant)]


def validated_dataset(data_dir: Path, today: dt.date | None = None):
    """The report, and the typed dataset when there are no errors (else None)."""
    from generator.model import build

    report, loaded = validate(data_dir, today)
    return report, (build(loaded, data_dir) if report.ok else None)


def check_package(loaded: Loaded) -> list[Problem]:
    meta = loaded.package
    if not meta:
        return []
    problems = package.check(meta, loaded.package_file, loaded.package_doc)
    for key in ("name", "title", "version", "licence"):
        if not meta.get(key):
            problems.append(Problem("package-field", loaded.package_file, 1, 1, key, {"key": key, "detail": "saknas / missing"}))
    if "example_data" in meta and not isinstance(meta["example_data"], bool):  # "false" in quotes would flag every page
        problems.append(Problem("package-field", loaded.package_file, 1, 1, "example_data",
                                {"key": "example_data", "detail": f"{meta['example_data']!r} ≠ true/false"}))
    version = meta.get("version")
    if version and not (isinstance(version, str) and _VERSION.fullmatch(version)):
        problems.append(Problem("package-field", loaded.package_file, 1, 1, "version",
                                {"key": "version", "detail": f"{version!r} ≠ MAJOR.MINOR.PATCH (\"1.2.0\")"}))
    publisher = meta.get("publisher") if isinstance(meta.get("publisher"), dict) else {}
    number = publisher.get("organisation_number")
    if number is not None and pii.organisation_number(number) is None:
        problems.append(Problem("package-field", loaded.package_file, 1, 1, "publisher.organisation_number",
                                {"key": "publisher.organisation_number",
                                 "detail": f"{number!r}: NNNNNN-NNNN med rätt kontrollsiffra / with a valid check digit"}))
    return problems


def check_tables(tables: dict[str, list[Row]]) -> list[Problem]:
    """Run Frictionless over all resources as one package, so foreign keys are checked."""
    from frictionless import Package, Resource, Schema  # heavy: imported only when validating

    resources = []
    for name in RESOURCES:
        header = list(fields(name))
        data = _Shared([header] + [[row.values.get(column) for column in header] for row in tables[name]])
        resources.append(Resource(name=name, data=data, schema=Schema.from_descriptor(schema_descriptor(name))))
    report = Package(resources=resources).validate(limit_errors=100_000)
    problems = []
    for task in report.tasks:
        for error in task.errors:
            problem = _problem(task.name, error, tables)
            if problem is not None:
                problems.append(problem)
    return problems


class _Shared(list):
    """Inline table data that Frictionless may share instead of copying.

    Frictionless deep-copies a resource's inline data each time it opens a foreign-key
    lookup; for ten thousand trips that copying took longer than the validation.
    The rows are never changed, so a shared reference is safe.
    """

    def __deepcopy__(self, memo):
        return self


def _problem(resource: str, error, tables: dict[str, list[Row]]) -> Problem | None:
    """A Frictionless error as a problem at its source; None when it only echoes the parent record's."""
    rows = tables[resource]
    row = rows[error.row_number - 2] if getattr(error, "row_number", None) else None
    column = getattr(error, "field_name", None)
    if error.type == "foreign-key":
        column = error.field_names[0]
    pos = row.where(column) if row else None
    file, line, col = (row.file, pos.line, pos.column) if row else (resource, 1, 1)
    spec = fields(resource).get(column, {}) if column else {}
    value = getattr(error, "cell", None)
    params = {"value": _shown(value), "resource": resource}
    code = "schema-other"
    if error.type == "type-error":
        code = "type"
        words = TYPE_WORDS.get(spec.get("type"), (spec.get("type"), spec.get("type"), "", ""))
        params.update(type_sv=words[0], type_en=words[1], type_hint_sv=words[2], type_hint_en=words[3],
                      suggestion=meant(spec.get("type"), value))
    elif error.type == "constraint-error":
        match = _CONSTRAINT.search(error.note)
        constraint = match.group(1) if match else ""
        constraints = spec.get("constraints", {})
        if constraint == "required":
            code = "required"
            params.update(title_sv=spec.get("title", column), title_en=spec.get("title_en", column),
                          description_sv=spec.get("description", ""), description_en=spec.get("description_en", ""))
            codes = [str(v) for v in constraints.get("enum", [])]
            if 0 < len(codes) <= 12:  # say what may be written, not only that something is missing
                params.update(choices_sv=f" Välj en av: {', '.join(codes)}.", choices_en=f" Choose one of: {', '.join(codes)}.")
        elif constraint == "enum":
            code = "enum"
            allowed = [str(v) for v in constraints["enum"]]
            many = len(allowed) > 12
            params["allowed_sv"] = "en giltig ISO-kod (versaler)" if many else ", ".join(allowed)
            params["allowed_en"] = "a valid ISO code (capitals)" if many else ", ".join(allowed)
            params["suggestion"] = _closest(str(value), allowed)
        elif constraint == "pattern":
            if column in DERIVED_COLUMNS.get(resource, ()):
                return None  # the parent's id is wrong, and reported there
            code = "pattern"
            params.update(description_sv=spec.get("description", ""), description_en=spec.get("description_en", ""))
            if constraints.get("pattern") == _ID_PATTERN:
                params.update(description_sv="Ett id består av små bokstäver a–z, siffror och bindestreck, t.ex. malmo-eurocities.",
                              description_en="An id is lowercase letters a-z, digits and hyphens, e.g. malmo-eurocities.")
            elif constraints.get("pattern") == PARTIAL_DATE_PATTERN:
                params["suggestion"] = meant("date", value)
            for lang in ("sv", "en"):  # the template ends the sentence, after a suggestion if there is one
                params[f"description_{lang}"] = params[f"description_{lang}"].removesuffix(".")
        elif constraint in ("minimum", "maximum", "maxLength"):
            code = "too-long" if constraint == "maxLength" else constraint
            if column in ("latitude", "longitude"):
                code = "coordinate-range"
            params["limit"] = constraints[constraint]
    elif error.type in ("primary-key", "unique-error"):
        key = schema_descriptor(resource)["primaryKey"]
        own = [c for c in key if c not in DERIVED_COLUMNS.get(resource, ())]
        if not own:
            return None  # only a duplicated parent id can cause it, and that is reported there
        code = "duplicate-id"
        params["key"] = " + ".join(str(row.values.get(c)) for c in key)
        column = own[-1]
        pos = row.where(column)
        line, col = pos.line, pos.column
    elif error.type == "foreign-key":
        code = "foreign-key"
        value = error.field_cells[0]
        target_ids = [str(r.values.get("id")) for r in tables[error.reference_name]]
        params.update(value=_shown(value), target=error.reference_name, suggestion=_closest(str(value), target_ids))
    if code == "schema-other":
        params["detail"] = error.message
    return Problem(code, file, line, col, column, params)


def _shown(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _closest(value: str, candidates: list[str]) -> str | None:
    found = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    if not found:
        found = difflib.get_close_matches(value.lower(), [c.lower() for c in candidates], n=1, cutoff=0.6)
        found = [c for c in candidates if found and c.lower() == found[0]]
    return found[0] if found else None
