"""The mistakes staff typically make, and exactly what `portal validate` tells them.

Each message must say what is wrong and what to do, name the file, line, column and
field, and suggest the closest valid value where there is one; in Swedish, in
English with `--lang en`, and as annotations on the pull request's lines in GitHub
Actions. The mistakes are made in a copy of the sample data without moving any other
line, so each position below is where a person would look.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, TODAY, line_of, run_portal

PARIS = "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
GREEN_WEEK = "data/trips/2024/2024-06-bryssel-green-week.yaml"
MIPIM = "data/trips/2025/2025-03-cannes-mipim.yaml"
EUROCITIES = "data/memberships/malmo-eurocities.yaml"

# file, text before, text after: each a mistake someone makes by hand
MISTAKES = [
    (EUROCITIES, "organisation_id: eurocities\n", "organisation_id: eurocitis\n"),  # misspelt id
    (EUROCITIES, "start_date: 1997\n", "start_date: 21/11/1997\n"),  # a date that may be only a year
    (PARIS, "category: lodging\n", "category: lodgin\n"),  # misspelt category
    (PARIS, "end_date: 2016-11-21\n", "end_date: 21/11/2016\n"),  # the date as it is written in a letter
    (PARIS, "amount_sek: 2700\n", "amount_sek: 1234,50\n"),  # a Swedish decimal comma
    (GREEN_WEEK, "    amount_sek: 7900\n    status: final\n", "    amount_sek: 7900\n"),  # a required field left out
    (MIPIM, "title: MIPIM, Cannes\n", "titel: MIPIM, Cannes\n"),  # a key in Swedish spelling
]


def at(file: str, text: str, column: int) -> str:
    """file:line:column, the line being where `text` first stands in the sample file (as MISTAKES changes it)."""
    return f"{file}:{line_of((REPO / file).read_text(encoding='utf-8'), text)}:{column}"


# (file:line:column, field, message and hint) per language; a missing field is named at its mapping's first line
EXPECTED = {
    "sv": [
        (at(EUROCITIES, "organisation_id: eurocities\n", 18), "organisation_id",
         "'eurocitis' i 'organisation_id' finns inte bland organisationer.",
         "Använd ett befintligt id (menade du 'eurocities'?), eller lägg först till posten bland organisationer."),
        (at(EUROCITIES, "start_date: 1997\n", 13), "start_date", "Värdet 21/11/1997 har fel form för 'start_date'.",
         "Datum som ÅÅÅÅ-MM-DD, eller bara ÅÅÅÅ eller ÅÅÅÅ-MM när mer inte är känt (menade du '1997-11-21'?)."),
        (at(PARIS, "end_date: 2016-11-21\n", 11), "end_date", "Värdet 21/11/2016 är inte ett datum.",
         "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2016-11-21 (menade du '2016-11-21'?)."),
        (at(PARIS, "category: lodging\n", 15), "category", "Värdet lodgin är inte tillåtet i 'category'.",
         "Välj transport, lodging, fees, per_diem, meals_representation, membership_fee, other (menade du 'lodging'?)."),
        (at(PARIS, "amount_sek: 2700\n", 17), "amount_sek", "Värdet 1234,50 är inte ett tal.",
         "Skriv beloppet med siffror, punkt som decimaltecken och utan mellanslag, t.ex. 1234.50 (menade du '1234.50'?)."),
        (at(GREEN_WEEK, "  - id: 2\n    category: lodging\n    amount_sek: 7900\n", 5), "status", "Det obligatoriska fältet 'status' saknas eller är tomt.",
         "Fyll i Status: Om beloppet är preliminärt eller slutligt. Välj en av: preliminary, final."),
        (at(MIPIM, "title: MIPIM, Cannes\n", 8), "titel", "Fältet 'titel' finns inte i resor.",
         "Kontrollera stavningen (menade du 'title'?); tillåtna fält står i datakatalogen."),
    ],
    "en": [
        (at(EUROCITIES, "organisation_id: eurocities\n", 18), "organisation_id",
         "'eurocitis' in 'organisation_id' is not among the organisations.",
         "Use an existing id (did you mean 'eurocities'?), or first add the record to organisations."),
        (at(EUROCITIES, "start_date: 1997\n", 13), "start_date", "The value 21/11/1997 has the wrong form for 'start_date'.",
         "Date as YYYY-MM-DD, or only YYYY or YYYY-MM when no more is known (did you mean '1997-11-21'?)."),
        (at(PARIS, "end_date: 2016-11-21\n", 11), "end_date", "The value 21/11/2016 is not a date.",
         "Write the date as YYYY-MM-DD, e.g. 2016-11-21 (did you mean '2016-11-21'?)."),
        (at(PARIS, "category: lodging\n", 15), "category", "The value lodgin is not allowed in 'category'.",
         "Choose transport, lodging, fees, per_diem, meals_representation, membership_fee, other (did you mean 'lodging'?)."),
        (at(PARIS, "amount_sek: 2700\n", 17), "amount_sek", "The value 1234,50 is not a number.",
         "Write the amount in digits, with a point as decimal separator and no spaces, e.g. 1234.50 (did you mean '1234.50'?)."),
        (at(GREEN_WEEK, "  - id: 2\n    category: lodging\n    amount_sek: 7900\n", 5), "status", "The required field 'status' is missing or empty.",
         "Fill in Status: Whether the amount is preliminary or final. Choose one of: preliminary, final."),
        (at(MIPIM, "title: MIPIM, Cannes\n", 8), "titel", "The field 'titel' does not exist in trips.",
         "Check the spelling (did you mean 'title'?); the allowed fields are in the data dictionary."),
    ],
}
CODES = ["foreign-key", "pattern", "type", "enum", "type", "required", "unknown-key"]
WORDS = {"sv": ("fel", "gör så här", "7 fel, "), "en": ("error", "hint", "7 errors, ")}


@pytest.fixture
def mistaken(workdir: Path) -> Path:
    for file, before, after in MISTAKES:
        path = workdir / file
        text = path.read_text(encoding="utf-8")
        assert text.count(before) >= 1, (file, before)
        path.write_text(text.replace(before, after, 1), encoding="utf-8")
    return workdir


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_mistake_is_named_where_it_is_with_what_to_do(mistaken, lang):
    args = ["validate", "--today", TODAY] + (["--lang", lang] if lang == "en" else [])  # Swedish is the default
    result = run_portal(*args, cwd=mistaken)
    assert result.returncode == 1
    error, hint, summary = WORDS[lang]
    lines = result.stdout.splitlines()
    errors = [(line, lines[i + 1]) for i, line in enumerate(lines) if f": {error}: " in line]
    assert errors == [(f"{where}: {error}: {message} [{field}]", f"    {hint}: {text}")
                      for where, field, message, text in EXPECTED[lang]]
    assert lines[-1].startswith(summary)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_github_actions_show_them_on_the_lines(mistaken, lang):
    args = ["validate", "--today", TODAY] + (["--lang", lang] if lang == "en" else [])
    result = run_portal(*args, cwd=mistaken, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    expected = []
    for (where, _, message, text), code in zip(EXPECTED[lang], CODES):
        file, line, column = where.rsplit(":", 2)
        expected.append(f"::error file={file},line={line},col={column},title={code}::{message} ({text})")
    assert annotations == expected
    assert WORDS[lang][0] in result.stderr  # the log still has the text for people


def test_json_carries_the_same_facts(mistaken):
    import json

    result = run_portal("validate", "--format", "json", "--lang", "en", "--today", TODAY, cwd=mistaken)
    errors = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    assert [(f"{p['file']}:{p['line']}:{p['column']}", p["field"], p["message"], p["hint"]) for p in errors] == EXPECTED["en"]
    assert [p["code"] for p in errors] == CODES


def test_every_message_says_what_to_do():
    """No message without a hint, in either language: a person must always know the next step."""
    from generator.messages import MESSAGES

    for code, (_, texts) in MESSAGES.items():
        for lang in ("sv", "en"):
            message, hint = texts[lang]
            assert message.strip() and hint.strip(), (code, lang)
