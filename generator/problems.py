"""Problems found in the data, as data: where, what, and what to do.

A problem carries a stable code and the values its message needs; the words come
from `messages.py` in the reader's language. Reports are printed for people
(`file:line:column: error: message`), for machines (JSON) and for GitHub Actions
(workflow annotations on the pull request's lines). Every value from the data is
printed as an escape where it holds a line break or a control character, so that it
can neither forge a line (`::error ...` is a command to GitHub Actions) nor steer the
terminal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field as _field

from generator.i18n import language, n_
from generator.i18n import t as _
from generator.text import INVISIBLE, printable


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    line: int
    column: int
    field: str | None = None
    params: dict = _field(default_factory=dict, compare=False, hash=False)

    @property
    def severity(self) -> str:
        from generator.messages import severity

        return severity(self.code)

    def message(self, lang: str = "sv") -> str:
        from generator.messages import render

        return render(self, lang)[0]

    def hint(self, lang: str = "sv") -> str:
        from generator.messages import render

        return render(self, lang)[1]

    def sort_key(self):
        return (self.file, self.line, self.column, self.code, self.field or "")


@dataclass
class Report:
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems), key=Problem.sort_key)


def format_text(report: Report, lang: str = "sv") -> str:
    lines = []
    with language(lang):
        labels = {"error": _("fel"), "warning": _("varning"), "hint": _("gör så här")}
        total = (n_("{n} fel", "{n} fel", len(report.errors)) + ", "
                 + n_("{n} varning", "{n} varningar", len(report.warnings)) + ".")
    for p in report.sorted():
        where = f" [{printable(p.field)}]" if p.field else ""
        lines.append(f"{_shown_file(p.file)}:{p.line}:{p.column}: {labels[p.severity]}: {printable(p.message(lang))}{where}")
        hint = p.hint(lang)
        if hint:
            lines.append(f"    {labels['hint']}: {printable(hint)}")
    lines.append(total)
    return "\n".join(lines)


def _shown_file(file: str) -> str:
    """A file name that cannot start a workflow command (`::`) at the start of a line."""
    file = printable(file)
    return "./" + file if file.lstrip().startswith(":") else file


def format_json(report: Report, lang: str = "sv") -> str:
    items = [
        {"file": p.file, "line": p.line, "column": p.column, "field": p.field, "code": p.code,
         "severity": p.severity, "message": p.message(lang), "hint": p.hint(lang)}
        for p in report.sorted()
    ]
    summary = {"errors": len(report.errors), "warnings": len(report.warnings), "problems": items}
    text = json.dumps(summary, ensure_ascii=False, indent=2)  # controls below U+0020 are escaped by json already
    return INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000 else
                         json.dumps(m.group()).strip('"'), text)


def _escape_annotation(text: str) -> str:
    """GitHub's escapes for a workflow command's message, after control characters are made visible."""
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_annotation(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report, lang: str = "sv") -> str:
    """Workflow commands that GitHub shows as annotations on the changed lines."""
    lines = []
    for p in report.sorted():
        props = f"file={_escape_property(p.file)},line={p.line},col={p.column},title={_escape_property(p.code)}"
        text = p.message(lang) + (f" ({p.hint(lang)})" if p.hint(lang) else "")
        lines.append(f"::{p.severity} {props}::{_escape_annotation(text)}")
    return "\n".join(lines)
