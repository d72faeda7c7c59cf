"""The data dictionary, generated from the Table Schemas so it never drifts from them.

As a page: every resource and field, type, whether it is required, constraints, allowed
values with their Swedish and English labels, descriptions in both languages, the keys,
and how formula-like text is written in the CSV files. As data (`dictionary_rows`): one
row per column of the published tables, written as `datadictionary.csv`, as the table on
the workbook's first sheet and as Datasette's column descriptions, so all three agree.
"""

from __future__ import annotations

import html
from pathlib import Path

from generator.downloads.csvfile import csv_bytes
from generator.downloads.tables import FORMULA_STARTS, NEUTRALISER, Table
from generator.entities import PUBLISHED, schema_descriptor
from generator.i18n import language, n_
from generator.i18n import t as _

MAX_LISTED = 12  # longer code lists (ISO currencies, countries) are described, not listed

TYPES = {"string": ("text", "text"), "number": ("tal", "number"), "integer": ("heltal", "integer"),
         "date": ("datum (ÅÅÅÅ-MM-DD)", "date (YYYY-MM-DD)"), "boolean": ("sant/falskt (true/false)", "true/false")}
_CHAR_NAMES = {"\t": ("tabb", "tab"), "\r": ("vagnretur", "carriage return")}


def _cell(text) -> str:
    """A schema's text as one Markdown table cell that reads as that text: `<id>` in a description is no tag
    (escaped outside code spans; inside them Markdown shows it as written)."""
    parts = " ".join(str(text).split()).split("`")
    return "`".join(part if i % 2 else html.escape(part, quote=False) for i, part in enumerate(parts)).replace("|", "\\|")


def _constraints(spec: dict) -> str:
    """A field's constraints in the current language's words."""
    c = spec.get("constraints", {})
    words = {"min": _("minst"), "max": _("högst")}
    parts = []
    for key, word in (("minimum", "min"), ("maximum", "max"), ("minLength", "min"), ("maxLength", "max")):
        if key in c:
            parts.append(f"{words[word]} {c[key]}")
    if "pattern" in c:
        parts.append(f"{_('mönster')} `{c['pattern']}`")
    if c.get("unique"):
        parts.append(_("unik"))
    return "; ".join(parts)


def _swedish(lang: str):
    """How the page writes Swedish text: marked `lang="sv"` on the English page (WCAG 3.1.2), as is on the Swedish."""
    return (lambda text: f'<span lang="sv">{text}</span>' if text else text) if lang == "en" else (lambda text: text)


def _codes(codes: list) -> str:
    """A long list of codes, described instead of listed."""
    return n_("{n} kod, se schemat i datapackage.json", "{n} koder, se schemat i datapackage.json", len(codes))


def _allowed(spec: dict, sv=str) -> list[str]:
    codes = spec.get("constraints", {}).get("enum")
    if not codes:
        return []
    labels = spec.get("x-labels", {})
    if len(codes) > MAX_LISTED and not labels:
        return [f"{_('Tillåtna värden')}: {_codes(codes)}"]
    items = [f"`{code}` ({sv(_cell(labels[code]['sv']))} / {_cell(labels[code]['en'])})" if code in labels else f"`{code}`"
             for code in codes]
    return [f"{_('Tillåtna värden')}: " + ", ".join(items)]


def data_dictionary_markdown(lang: str = "sv") -> str:
    """The data dictionary page (Markdown) in `lang` ("sv" or "en"); both descriptions are always given."""
    with language(lang):
        return _dictionary_markdown(lang)


def _dictionary_markdown(lang: str) -> str:
    i = 0 if lang == "sv" else 1
    sv = _swedish(lang)
    chars = ", ".join(f"`{c}`" if c not in _CHAR_NAMES else _CHAR_NAMES[c][i] for c in FORMULA_STARTS)
    intro = _("Alla tabeller och fält i de nedladdningsbara uppgifterna, hämtade ur samma scheman som uppgifterna "
              "kontrolleras mot. Kolumnnamn och koder är på engelska; etiketterna visas på svenska och engelska. Ordboken "
              "finns också som data: `datadictionary.csv` i varje version och första bladet i Excel-filen.")
    formula = _("Text som börjar med {chars} skulle ett kalkylprogram kunna köra som en formel. I CSV-filerna får sådan "
                "text därför ett inledande `{n}` (OWASP:s råd), och det får även text som redan börjar med `{n}`: ta bort "
                "ett inledande `{n}` för att få originalvärdet. Talkolumner påverkas inte. I Excel-filen lagras text som "
                "text och visas precis som den står, och JSON och SQLite innehåller originalvärdena.", chars=chars, n=NEUTRALISER)
    lines = [f"# {_('Dataordbok')}", "", intro, "", formula, ""]
    for resource in PUBLISHED:
        meta = schema_descriptor(resource)
        title = meta.get("title" if lang == "sv" else "title_en", resource)  # the contents list the page's language
        lines += [f"## {title} (`{resource}`)", "",
                  f"{sv(meta.get('description', ''))}  ", f"*{meta.get('description_en', '')}*", "",
                  f"{_('Primärnyckel')}: " + ", ".join(f"`{k}`" for k in meta["primaryKey"]) + "  "]
        for fk in meta.get("foreignKeys", []):
            own = fk["fields"] if isinstance(fk["fields"], str) else ", ".join(fk["fields"])
            lines.append(f"{_('Hänvisningar')}: `{own}` {_('pekar på')} "
                         f"`{fk['reference']['resource']}.{fk['reference']['fields']}`  ")
        lines += ["", f"| {_('Fält')} | {_('Typ')} | {_('Krävs')} | {_('Villkor')} | {_('Beskrivning')} |",
                  "|---|---|---|---|---|"]
        for spec in meta["fields"]:
            required = _("ja") if spec.get("constraints", {}).get("required") else ""
            texts = [f"**{sv(_cell(spec.get('title', '')))}** / **{_cell(spec.get('title_en', ''))}**",
                     sv(_cell(spec.get("description", ""))), f"*{_cell(spec.get('description_en', ''))}*"]
            texts += _allowed(spec, sv)  # its labels made cells as they are marked
            if spec.get("x-since"):  # older versions' files do not have the column
                texts.append(_("I filerna från version {version}.", version=spec["x-since"]))
            lines.append(f"| `{spec['name']}` | {TYPES[spec['type']][i]} | {required} | "
                         f"{_cell(_constraints(spec))} | {'<br>'.join(texts)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


DICTIONARY_FILE = "datadictionary.csv"
COLUMNS = (  # column of datadictionary.csv -> its heading in the workbook
    ("table", "Tabell / Table"), ("field", "Kolumn / Column"), ("title_sv", "Titel"), ("title_en", "Title"),
    ("type", "Typ / Type"), ("required", "Krävs / Required"), ("unit", "Enhet / Unit"), ("key", "Nyckel / Key"),
    ("constraints", "Villkor / Constraints"), ("allowed_values", "Tillåtna värden / Allowed values"),
    ("description_sv", "Beskrivning"), ("description_en", "Description"),
)
UNITS = {"_sek": "SEK", "_years": "year", "_days": "day"}  # by the column name's ending; names Pint (Datasette) reads


def unit(field: dict) -> str:
    """The unit of a number column, said by its name (amounts are `*_sek`): the schemas name it so."""
    if field["type"] not in ("number", "integer"):
        return ""
    return next((u for ending, u in UNITS.items() if field["name"].endswith(ending)), "")


def foreign_keys(schema: dict) -> dict[str, tuple[str, str]]:
    """column -> (table, column) it refers to, as a Table Schema says."""
    found = {}
    for fk in schema.get("foreignKeys", []):
        own = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
        theirs = fk["reference"]["fields"]
        theirs = [theirs] if isinstance(theirs, str) else theirs
        for mine, other in zip(own, theirs):
            found[mine] = (fk["reference"]["resource"] or schema["name"], other)
    return found


def _plain_allowed(spec: dict) -> str:
    codes = spec.get("constraints", {}).get("enum") or []
    labels = spec.get("x-labels", {})
    if len(codes) > MAX_LISTED and not labels:
        return _codes(codes)
    return "; ".join(f"{code} ({labels[code]['sv']} / {labels[code]['en']})" if code in labels else str(code)
                     for code in codes)


def dictionary_rows(tables: dict[str, Table]) -> list[dict]:
    """One row per column of every published table, in table and column order: the file's words are English."""
    with language("en"):
        return _dictionary_rows(tables)


def _dictionary_rows(tables: dict[str, Table]) -> list[dict]:
    rows = []
    for table in tables.values():
        key, refs = table.key, foreign_keys(table.schema)
        for spec in table.fields:
            name = spec["name"]
            keys = ["primary key"] if name in key else []
            keys += [f"foreign key {'.'.join(refs[name])}"] if name in refs else []
            rows.append({
                "table": table.resource, "field": name, "title_sv": spec.get("title", ""),
                "title_en": spec.get("title_en", ""), "type": spec["type"],
                "required": "yes" if spec.get("constraints", {}).get("required") else "",
                "unit": unit(spec), "key": "; ".join(keys),
                "constraints": _constraints(spec).replace("`", ""),
                "allowed_values": _plain_allowed(spec), "description_sv": " ".join(spec.get("description", "").split()),
                "description_en": " ".join(spec.get("description_en", "").split()),
            })
    return rows


def write_dictionary(tables: dict[str, Table], out_dir: Path) -> Path:
    """`datadictionary.csv`, written like the tables' CSV files (UTF-8, CRLF, formula-safe)."""
    fields = [{"name": name, "type": "string"} for name, _ in COLUMNS]
    path = out_dir / DICTIONARY_FILE
    path.write_bytes(csv_bytes(Table("datadictionary", fields, dictionary_rows(tables))))
    return path
