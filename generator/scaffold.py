"""`portal new`: start a record the way the data wants it, so staff never begin from a blank file.

Every field is written with its description from the schema as a Swedish comment,
so the explanations never drift from the contract. What the flags (or the answers
to the questions) give is filled in; what stays empty is what a person still has
to fill in, and `portal validate` says so. Nothing is ever overwritten: new records
get a fresh id and a file of their own, and list files and cost lists are appended
to as text, so their comments stay, then read back to prove nothing else changed.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator import yamlsource
from generator.entities import ENTITIES, PARTIAL_DATE_PATTERN, Entity, computed_fields, derived_fields, fields, schema_descriptor
from generator.text import INVISIBLE, char_name, printable
from generator.validate import _closest
from generator.values import meant

WIDTH = 88
LIST_HINT = "I filen: en per rad under nyckeln, som börjar med '  - '."
EXTRA_HINTS = {  # what the schema cannot say about writing YAML by hand
    "report": "Skriv `report: |` och texten på raderna under, indragen två mellanslag, med rubrikerna "
              "## Positionering, ## Verksamhetsutveckling, ## Bevakning och påverkan.",
}
STOPWORDS = {"i", "och", "om", "pa", "for", "med", "till", "av", "en", "ett", "the", "of", "and", "in", "on", "s", "at"}


class ScaffoldError(Exception):
    """Bad input to `portal new`: says what is wrong and what to do."""


@dataclass(frozen=True)
class Ask:
    """One flag (and interactive question): which field it fills and how an answer is checked."""

    flag: str
    field: str
    check: str  # text, date, partial, number, enum, code (an enum in capitals), destination, id:<resource>
    resource: str  # the resource whose schema describes the field
    many: bool = False
    needed: bool = False  # needed to make the id or find the file: asked until answered


def _asks(resource: str, *specs) -> tuple[Ask, ...]:
    return tuple(Ask(flag, fld, check, res or resource, **opts) for flag, fld, check, res, opts in specs)


KINDS: dict[str, tuple[str, tuple[Ask, ...]]] = {
    "trip": ("trips", _asks(
        "trips",
        ("title", "title", "text", None, {"needed": True}),
        ("start", "start_date", "date", None, {"needed": True}),
        ("end", "end_date", "date", None, {}),
        ("destination", "destinations", "destination", "trip_destinations", {"many": True}),
        ("travel-mode", "travel_mode", "enum", None, {}),
        ("body", "body_id", "id:bodies", None, {}),
        ("event", "event", "text", None, {}),
        ("organiser", "organiser_id", "id:organisations", None, {}),
        ("purpose", "purposes", "enum", None, {"many": True}),
        ("participant", "participants", "id:people", "trip_participants", {"many": True}),
        ("decision-reference", "decision_reference", "text", None, {}))),
    "membership": ("memberships", _asks(
        "memberships",
        ("body", "body_id", "id:bodies", None, {"needed": True}),
        ("organisation", "organisation_id", "id:organisations", None, {"needed": True}),
        ("start", "start_date", "partial", None, {}),
        ("role", "role", "text", None, {}),
        ("decision-reference", "decision_reference", "text", None, {}))),
    "agreement": ("agreements", _asks(
        "agreements",
        ("title", "title", "text", None, {}),
        ("kind", "kind", "enum", None, {}),
        ("body", "body_id", "id:bodies", None, {"needed": True}),
        ("party", "parties", "id:organisations", "agreement_parties", {"many": True, "needed": True}),
        ("signed", "signed_date", "partial", None, {}),
        ("start", "start_date", "partial", None, {}),
        ("end", "end_date", "partial", None, {}))),
    "organisation": ("organisations", _asks(
        "organisations",
        ("name", "name", "text", None, {"needed": True}),
        ("kind", "kind", "enum", None, {}),
        ("country", "country", "code", None, {}),
        ("city", "city", "text", None, {}),
        ("website", "website", "text", None, {}))),
    "person": ("people", _asks(  # a protected person has no name: the id then comes from the title
        "people",
        ("name", "name", "text", None, {}),
        ("title", "title", "text", None, {}),
        ("body", "body_id", "id:bodies", None, {}))),
    "cost": ("costs", _asks(
        "costs",
        ("to", "to", "id:records", None, {"needed": True}),
        ("category", "category", "enum", None, {}),
        ("amount", "amount_sek", "number", None, {}),
        ("description", "description", "text", None, {}),
        ("date", "date", "date", None, {}),
        ("status", "status", "enum", None, {}),
        ("paid-by", "paid_by_body_id", "id:bodies", None, {}),
        ("paid-by-other", "paid_by_other", "text", None, {}),
        ("currency", "original_currency", "code", None, {}),
        ("original-amount", "original_amount", "number", None, {}))),
}
DEFAULTS = {"trips": {"status": "planned"}, "memberships": {"status": "active"},
            "agreements": {"status": "active"}, "costs": {"status": "preliminary"}}


# --- checking answers -------------------------------------------------------------

def choices(ask: Ask) -> list[str]:
    """The allowed codes of an enumerated field (or of a ;-list such as purposes, from its labels)."""
    spec = fields(ask.resource)[ask.field]
    return [str(v) for v in spec.get("constraints", {}).get("enum") or spec.get("x-labels", {})]


def check(ask: Ask, text: str, ids: dict[str, set[str]]):
    """The value of one answer, or ScaffoldError saying how to write it."""
    if bad := INVISIBLE.search(text.strip()):  # refused in the data too: never written into a file
        raise ScaffoldError(f"{printable(text)!r} innehåller det osynliga tecknet eller styrtecknet {char_name(bad.group())}; "
                            "skriv om texten utan det.")
    text = unicodedata.normalize("NFC", text.strip())
    if ask.check == "text":
        return text
    if ask.check == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ScaffoldError(f"{text!r} är inte ett datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-02"
                                f"{_meant(meant('date', text))}.")
    if ask.check == "partial":
        if not re.fullmatch(PARTIAL_DATE_PATTERN, text):
            raise ScaffoldError(f"{text!r} är inte ett datum; skriv ÅÅÅÅ-MM-DD, eller bara ÅÅÅÅ eller ÅÅÅÅ-MM.")
        return dt.date.fromisoformat(text) if len(text) == 10 else text
    if ask.check == "number":
        try:  # forgiving: 1 234,50 is what a Swede writes, and what is meant is clear
            number = float(meant("number", text) or text)
        except ValueError:
            raise ScaffoldError(f"{text!r} är inte ett belopp; skriv siffror, t.ex. 1234.50.")
        return int(number) if number.is_integer() else number
    if ask.check in ("enum", "code"):
        allowed = choices(ask)
        value = text.upper() if ask.check == "code" else text
        if value not in allowed:
            raise ScaffoldError(f"{text!r} är inte tillåtet{_meant(_closest(text, allowed))}."
                                + ("" if len(allowed) > 12 else f" Välj en av: {', '.join(allowed)}."))
        return value
    if ask.check == "destination":
        city, _, country = text.rpartition(",")
        if not city.strip():
            raise ScaffoldError(f"{text!r}: skriv orten och landskoden med komma emellan, t.ex. \"Bryssel, BE\".")
        return {"city": city.strip(), "country": check(Ask("", "country", "code", "trip_destinations"), country, ids)}
    resource = ask.check.removeprefix("id:")
    if text not in ids[resource]:
        where = "resor, medlemskap och avtal" if resource == "records" else schema_descriptor(resource)["title"].lower()
        raise ScaffoldError(f"'{text}' finns inte bland {where}{_meant(_closest(text, sorted(ids[resource])))}.")
    return text


def _meant(suggestion: str | None) -> str:
    return f" (menade du '{suggestion}'?)" if suggestion else ""


# --- ids ------------------------------------------------------------------------------

def slug(text: str) -> str:
    """An id word from any text: å/ä -> a, ö -> o, other accents dropped, the rest joined by '-'."""
    text = text.lower().translate(str.maketrans({"å": "a", "ä": "a", "ö": "o", "æ": "ae", "ø": "o", "ß": "ss"}))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", text))


def short_title(title: str, leave_out: str = "", words: int = 4) -> str:
    dropped = set(leave_out.split("-")) | STOPWORDS
    return "-".join([w for w in slug(title).split("-") if w not in dropped][:words])


def fresh_id(base: str, taken: set[str]) -> str:
    """`base`, or base-2, base-3 ... when it is taken: an id is never reused."""
    if not base:
        raise ScaffoldError("det går inte att bilda ett id; ange --id.")
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def base_id(kind: str, values: dict, children: dict, municipality_of: dict[str, str]) -> str:
    if kind == "trip":
        start = values["start_date"]
        place = slug(children["destinations"][0]["city"]) if children.get("destinations") else ""
        return "-".join(p for p in (f"{start:%Y-%m}", place, short_title(values["title"], place)) if p)
    if kind == "membership":
        return f"{municipality_of.get(values['body_id'], '')}-{values['organisation_id']}".strip("-")
    if kind == "agreement":
        party = children["parties"][0]["organisation_id"]
        year = str(values.get("signed_date") or values.get("start_date") or "")[:4]
        return "-".join(p for p in (municipality_of.get(values["body_id"], ""), party, year) if p)
    return slug(values.get("name") or values.get("title") or "")


# --- writing YAML text -----------------------------------------------------------------

def scalar(value) -> str:
    """A value as YAML text that the strict reader gives back unchanged (quoted when needed)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else repr(value)
    text = str(value)
    doc, problems = yamlsource.parse(f"v: {text}\n", "-")
    if "\n" not in text and not problems and doc is not None and doc.value == {"v": text}:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def comment(text: str, indent: int) -> list[str]:
    pad = " " * indent
    return textwrap.wrap(text, WIDTH - indent, initial_indent=pad + "# ", subsequent_indent=pad + "# ") if text else []


def describe(resource: str, name: str) -> str:
    """The Swedish comment of a field: its schema description, whether required, the codes to choose from."""
    spec = fields(resource)[name]
    constraints = spec.get("constraints", {})
    text = ("Obligatoriskt. " if constraints.get("required") else "") + spec.get("description", "")
    labels = spec.get("x-labels", {})
    codes = constraints.get("enum") or list(labels)  # a ;-list such as purposes has labels but no enum
    if labels and len(codes) <= 12:
        text += " Välj en av: " + ", ".join(f"{c} ({labels[c]['sv']})" if c in labels else str(c) for c in codes) + "."
    return text


def mapping_lines(resource: str, values: dict, indent: int, entity: Entity | None = None, item: bool = False) -> list[str]:
    """Every own field of `resource`, each after its comment; `item` starts it as a list entry."""
    pad, lines, groups_done = " " * indent, [], set()
    derived = next((derived_fields(c) for e in ENTITIES for c in e.children if c.resource == resource), ())
    derived += computed_fields(resource)
    groups = entity.groups if entity else ()
    lists = entity.lists if entity else ()
    for name in fields(resource):
        if name in derived:
            continue
        group = next((g for g in groups if name.startswith(g + "_")), None)
        if group:
            if group not in groups_done:
                groups_done.add(group)
                lines.append(f"{pad}{group}:")
            lines += comment(describe(resource, name), indent + 2)
            lines.append(f"{pad}  {name[len(group) + 1:]}: {scalar(values.get(name))}".rstrip())
            continue
        lines += comment(describe(resource, name) + (" " + LIST_HINT if name in lists else ""), indent)
        lines += comment(EXTRA_HINTS.get(name, ""), indent)
        value = values.get(name)
        if name in lists and value:
            lines.append(f"{pad}{name}:")
            lines += [f"{pad}  - {scalar(v)}" for v in value]
        else:
            lines.append(f"{pad}{name}: {scalar(value)}".rstrip())
    if item:  # the first key line becomes '- key: ...', with its comments above it
        first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
        lines[first] = " " * (indent - 2) + "- " + lines[first][indent:]
        lines[:first] = [line[2:] for line in lines[:first]]
    return lines


def record_text(entity: Entity, values: dict, children: dict[str, list[dict]]) -> str:
    """A whole record file: its fields, then each child list with its fields explained once."""
    lines = mapping_lines(entity.resource, values, 0, entity)
    for child in entity.children:
        items = children.get(child.key, [])
        meta = schema_descriptor(child.resource)
        lines.append("")
        lines += comment(f"{meta['title']}: {meta['description']} En post per rad som börjar med '- '.", 0)
        if not items:  # a commented entry to copy: each field with its explanation
            own = [n for n in fields(child.resource) if n not in derived_fields(child) + computed_fields(child.resource)]
            for n, name in enumerate(own):
                lines += textwrap.wrap(f"{name}: {describe(child.resource, name)}", WIDTH,
                                       initial_indent="#   - " if n == 0 else "#     ", subsequent_indent="#         ")
            lines += comment(f"Lägg till med `portal new cost --to {values.get('id')}`.", 0) if child.resource == "costs" else []
            lines.append(f"{child.key}: []")
            continue
        lines.append(f"{child.key}:")
        for item in items:
            lines += mapping_lines(child.resource, item, 4, item=True)
    return "\n".join(lines) + "\n"


def append_to_list(text: str, key: str | None, item_lines) -> str:
    """`text` with one more entry in a list: the whole file's (key None) or a record's `key:` list.

    `item_lines(indent)` gives the entry's lines with its keys at `indent`; the entry
    takes the indentation of the entries already there.
    """
    if key is None:
        return text.rstrip("\n") + "\n\n" + "\n".join(item_lines(2)) + "\n"
    lines = text.splitlines()
    found = [(i, m) for i, line in enumerate(lines) if (m := re.fullmatch(rf"{key}:\s*(\[\s*\])?\s*(#.*)?", line))]
    if not found:
        return text.rstrip("\n") + f"\n{key}:\n" + "\n".join(item_lines(4)) + "\n"
    start, match = found[0]
    lines[start] = f"{key}:" + (f"  {match.group(2)}" if match.group(2) else "")  # `costs: []` opens; a comment stays
    end, indent = start + 1, None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line.startswith((" ", "#", "-")):
            break
        if line.strip() and not line.lstrip().startswith("#"):
            end = i + 1
            if indent is None and line.lstrip().startswith("- "):
                indent = len(line) - len(line.lstrip()) + 2
    return "\n".join(lines[:end] + item_lines(indent or 4) + lines[end:]) + "\n"


# --- creating a record -------------------------------------------------------------

@dataclass(frozen=True)
class Created:
    path: Path
    record_id: str | None  # None for a cost line, whose id comes from its place
    line: int  # where the new text starts
    appended: bool = False  # added to an existing file, not a file of its own


def new(kind: str, data_dir: Path, given: dict[str, list[str]], record_id: str | None = None,
        prompt=None, today: dt.date | None = None, protected: bool = False) -> Created:
    """Create a `kind` record from the flags in `given` (flag -> raw answers), asking `prompt` for the rest.

    A `protected` person's name is neither asked for nor written (the data files are
    public), and the id comes from the title, never from the name.
    """
    from generator.loader import load

    resource, asks = KINDS[kind]
    entity = next((e for e in ENTITIES if e.resource == resource), None)
    loaded = load(data_dir)
    ids = {name: {r.values["id"] for r in rows if isinstance(r.values.get("id"), str)} for name, rows in loaded.tables.items()}
    ids["records"] = ids["trips"] | ids["memberships"] | ids["agreements"]
    values: dict = dict(DEFAULTS.get(resource, {}))
    children: dict[str, list] = {}
    child_keys = {"trip_participants": "person_id", "agreement_parties": "organisation_id"}
    for ask in asks:
        if protected and ask.field == "name":
            continue
        raw = given.get(ask.flag) or []
        answers = [check(ask, text, ids) for text in raw] if raw or prompt is None else prompt(ask, ids)
        if ask.needed and not answers:
            raise ScaffoldError(f"ange --{ask.flag} (eller kör kommandot i en terminal för att få frågor).")
        if not answers:
            continue
        if ask.resource in child_keys:
            children[ask.field] = [{child_keys[ask.resource]: a} for a in answers]
        elif ask.check == "destination":
            children[ask.field] = [{"id": n, **answer} for n, answer in enumerate(answers, start=1)]
        else:
            values[ask.field] = answers if ask.many else answers[-1]
    if kind == "cost":
        return _add_cost(data_dir, loaded, values)
    if kind == "person" and protected:
        values["protected"] = True
        if not (values.get("title") or record_id):
            raise ScaffoldError("ange --title (rollen) eller --id; en skyddad persons id bildas aldrig av namnet.")
    if kind == "person" and not (values.get("name") or values.get("title")):
        raise ScaffoldError("ange --name, eller bara --title för en skyddad person.")
    if kind == "trip":
        values.setdefault("end_date", values["start_date"])
        if values["end_date"] < values["start_date"]:
            raise ScaffoldError(f"resan slutar ({values['end_date']}) före den börjar ({values['start_date']}); rätta --end.")
        values["status"] = "planned" if values["start_date"] >= (today or dt.date.today()) else "completed"
    municipality_of = {r.values.get("id"): r.values.get("municipality_id") for r in loaded.tables["bodies"]}
    taken = ids[resource] | ({p.stem for p in data_dir.glob(entity.pattern)} if entity.per_file else set())
    if record_id is not None:
        if not re.fullmatch(fields(resource)["id"]["constraints"]["pattern"], record_id):
            raise ScaffoldError(f"'{record_id}' är inget giltigt id: små bokstäver a–z, siffror och bindestreck.")
        if record_id in taken:
            raise ScaffoldError(f"id '{record_id}' används redan; välj ett annat (ett id återanvänds aldrig).")
    else:
        base = base_id(kind, values, children, municipality_of)
        if not re.fullmatch(fields(resource)["id"]["constraints"]["pattern"], base):
            raise ScaffoldError("det går inte att bilda ett id av uppgifterna; ange --id.")
        record_id = fresh_id(base, taken)
    values = {"id": record_id, **values}
    if entity.per_file:
        folder = data_dir / entity.pattern.split("/")[0]
        path = folder / (f"{values['start_date'].year}/{record_id}.yaml" if kind == "trip" else f"{record_id}.yaml")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "x", encoding="utf-8") as out:
                out.write(record_text(entity, values, children))
        except FileExistsError:
            raise ScaffoldError(f"{path} finns redan och skrivs aldrig över.")
        return Created(path, record_id, 1)
    path = data_dir / entity.pattern
    line = _append(path, None, lambda indent: mapping_lines(resource, values, indent, item=True), values)
    return Created(path, record_id, line, True)


def _add_cost(data_dir: Path, loaded, values: dict) -> Created:
    parent = values.pop("to")
    row = next(r for name in ("trips", "memberships", "agreements") for r in loaded.tables[name] if r.values.get("id") == parent)
    path = Path(row.file)
    numbers = [r.values["id"].removeprefix(f"{parent}-") for r in loaded.tables["costs"]
               if r.file == row.file and str(r.values.get("id", "")).startswith(f"{parent}-")]
    values = {"id": max((int(n) for n in numbers if n.isdigit()), default=0) + 1, **values}  # never a number in use
    line = _append(path, "costs", lambda indent: mapping_lines("costs", values, indent, item=True), values)
    return Created(path, None, line, True)


def _append(path: Path, key: str | None, item_lines, values: dict) -> int:
    """Append an entry as text, then prove by reading both versions that only that entry was added."""
    old_text = path.read_text(encoding="utf-8") if path.exists() else ""
    new_text = append_to_list(old_text, key, item_lines)
    old, _ = yamlsource.parse(old_text, str(path))
    new, problems = yamlsource.parse(new_text, str(path))
    if old is None or new is None or problems:
        raise ScaffoldError(f"{path} går inte att läsa; rätta filen först (kör `portal validate`).")
    if key is None:
        ok = isinstance(new.value, list) and new.value[:-1] == (old.value or []) and _same(new.value[-1], values)
        index = (len(new.value) - 1,)
    else:
        old_value, new_value = old.value or {}, new.value
        old_list, new_list = old_value.get(key) or [], new_value.get(key) or []
        ok = ({k: v for k, v in old_value.items() if k != key} == {k: v for k, v in new_value.items() if k != key}
              and bool(new_list) and new_list[:-1] == old_list and _same(new_list[-1], values))
        index = (key, len(new_list) - 1)
    if not ok:
        raise ScaffoldError(f"kunde inte lägga till posten i {path} automatiskt; lägg till den för hand.")
    path.write_text(new_text, encoding="utf-8")
    return new.pos(index).line


def _same(item, values: dict) -> bool:
    given = {k: v for k, v in values.items() if v is not None}
    return isinstance(item, dict) and {k: v for k, v in item.items() if v is not None} == given


def ask_in_terminal(ask: Ask, ids: dict[str, set[str]], read=input, write=print) -> list:
    """Ask one question until the answer is valid; an empty answer skips (or ends a list)."""
    title = fields(ask.resource).get(ask.field, {}).get("title", ask.flag)
    if ask.check == "destination":
        title, help_text = "Resmål", "ort och landskod, t.ex. Bryssel, BE"
    elif ask.field in ("participants", "parties"):
        title, help_text = schema_descriptor(ask.resource)["title"], "id, en i taget; tom rad avslutar"
    else:
        help_text = describe(ask.resource, ask.field)
    if ask.check == "enum":
        help_text += "" if "Välj en av" in help_text else f" Välj en av: {', '.join(choices(ask))}."
    write(f"{title}: {help_text}")
    answers: list = []
    while True:
        more = " (fler? tom rad avslutar)" if ask.many and answers else ""
        text = read(f"  --{ask.flag}{more}> ").strip()
        if not text:
            if ask.needed and not answers:
                write("  Uppgiften behövs.")
                continue
            return answers
        try:
            answers.append(check(ask, text, ids))
        except ScaffoldError as exc:
            write(f"  {exc}")
            continue
        if not ask.many:
            return answers
