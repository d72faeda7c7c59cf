"""The `settings:` of `datapackage.yaml`, typed and read once.

Each setting is a field of `Settings` with its type, its default and what it steers,
so the rules, the warnings' limits, the periods and the published branch read one
object instead of each looking into the mapping with a default of its own. The
loader reads it (`read`); a setting that is unknown or of the wrong kind is reported
at its line, and its default stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from generator import periods
from generator.problems import Problem
from generator.yamlsource import Document, Pos

MAX_COUNT = 10 ** 12  # no limit or count is larger; a larger one would overflow the date arithmetic


@dataclass(frozen=True)
class Settings:
    report_due_days: int = 60
    """Days after a completed trip's end before its missing report is warned about (`trip-no-report`)."""
    preliminary_due_days: int = 90
    """Days a cost line may stay preliminary (after its date, or its trip's end) before it is warned about."""
    max_trip_days: int = 60
    """A trip longer than this many days (start to end, both counted) is warned about."""
    earliest_year: int = 1950
    """A trip that starts before this year is warned about."""
    max_amount_sek: int = 100_000_000
    """A cost line or trip total above this many SEK is warned about."""
    completeness_period: str = periods.DEFAULT_KIND
    """How long a period of `completeness.yaml` is: one of `periods.KINDS`."""
    published_branch: str | None = None
    """The branch the published versions are read from; None: `published`, else `main` or `master`."""
    refused: frozenset[str] = field(default=frozenset(), repr=False)
    """Not a setting: those given a value that was reported and not used (the rules they steer skip their check)."""


NAMES = tuple(f.name for f in fields(Settings) if f.name != "refused")
_TYPES = {f.name: f.type for f in fields(Settings)}


def read(given, package_file: str, doc: Document | None) -> tuple[Settings, list[Problem]]:
    """The settings of the mapping `given` (None: all defaults), and a problem for each unknown or unusable one."""
    values, refused, problems = {}, set(), []
    for key, value in (given.items() if isinstance(given, dict) else ()):
        pos = doc.pos(("settings", key)) if doc is not None else Pos(1, 1)
        if key not in NAMES:  # misspelt, or a newer version's
            problems.append(Problem("setting-unknown", package_file, pos.line, pos.column, f"settings.{key}",
                                    {"key": key, "names_sv": f"{', '.join(NAMES[:-1])} och {NAMES[-1]}",
                                     "names_en": f"{', '.join(NAMES[:-1])} and {NAMES[-1]}"}))
        elif key == "completeness_period" and value not in periods.KINDS:
            refused.add(key)
            problems.append(Problem("completeness-period-setting", package_file, pos.line, pos.column, f"settings.{key}",
                                    {"value": str(value), "allowed": ", ".join(periods.KINDS)}))
        elif _TYPES[key] == "int" and not (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT):
            refused.add(key)
            problems.append(Problem("setting-invalid", package_file, pos.line, pos.column, f"settings.{key}",
                                    {"key": key, "expected_sv": f"ett heltal 0–{MAX_COUNT}",
                                     "expected_en": f"a whole number 0–{MAX_COUNT}"}))
        elif _TYPES[key] != "int" and not (isinstance(value, str) and value.strip()):
            refused.add(key)
            problems.append(Problem("setting-invalid", package_file, pos.line, pos.column, f"settings.{key}",
                                    {"key": key, "expected_sv": "en text", "expected_en": "a text"}))
        else:
            values[key] = value
    return Settings(**values, refused=frozenset(refused)), problems
