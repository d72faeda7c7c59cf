"""The open-data pages of the site: downloads, the data dictionary and the changelog.

Registered as a page provider: `portal build` calls `pages` before MkDocs runs. The
downloads themselves are written after MkDocs, so links to them are HTML links,
which MkDocs does not check, relative to the page so any host and prefix work.
"""

from __future__ import annotations

from pathlib import Path

from generator.downloads.changelog import changelog_markdown, download_links
from generator.downloads.dictionary import data_dictionary_markdown
from generator.downloads.release import Release
from generator.entities import PUBLISHED, schema_descriptor

SECTION = "oppna-data"
DOWNLOADS = {"sv": """# Öppna data

Alla uppgifter på webbplatsen går att ladda ned, fritt att använda under
[{release.licence_title}]({release.licence_url}) (`{release.licence}`). Senaste version: **{release.version}**.

- **Excel**: <a href="{latest}portal.xlsx">portal.xlsx</a>, ett blad per tabell och ett första blad som förklarar kolumnerna.
  Öppna den här filen i Excel; svenska Excel läser CSV-filer med kommatecken fel.
- **Allt i en fil**: <a href="{latest}portal.zip">portal.zip</a> (CSV, JSON, Excel, SQLite och schema).
- **SQLite** för Datasette, DuckDB eller sqlite3: <a href="{latest}portal.sqlite">portal.sqlite</a>, med
  <a href="{latest}portal.metadata.json">portal.metadata.json</a> som ger Datasette tabellernas och kolumnernas
  namn och beskrivningar, enheter och licens: `datasette portal.sqlite --metadata portal.metadata.json`.
- **Frictionless Data Package** med tabellscheman, nycklar och licens: <a href="{latest}datapackage.json">datapackage.json</a>.
- **JSON** som posterna visas på webbplatsen: <a href="{latest}trips.json">trips.json</a>,
  <a href="{latest}memberships.json">memberships.json</a>, <a href="{latest}agreements.json">agreements.json</a>.
- **Kontrollsummor** (SHA-256): <a href="{latest}SHA256SUMS">SHA256SUMS</a>.
- **Flöden**: nya och ändrade resor i <a href="{prefix}feed.atom">feed.atom</a>; varje rättelse med värdet före och efter i <a href="{prefix}corrections.atom">corrections.atom</a>.
- **Dataordbok** som data: <a href="{latest}datadictionary.csv">datadictionary.csv</a> (och första bladet i Excel-filen).
- **Metadata** för dataportaler (DCAT-AP-SE 3.0.1, varje fil i varje version med storlek och kontrollsumma):
  <a href="{prefix}catalog.rdf">catalog.rdf</a> (RDF/XML, adressen som Sveriges dataportal skördar),
  <a href="{prefix}catalog.ttl">catalog.ttl</a>, <a href="{prefix}catalog.jsonld">catalog.jsonld</a>.

Varje post har också egna filer (JSON och CSV), länkade från postens sida.

## Tabeller (CSV och JSON)

UTF-8 utan BOM, komma som avgränsare, punkt som decimaltecken, datum som ÅÅÅÅ-MM-DD.
Vad kolumnerna betyder står i [dataordboken](dataordbok.md).

| Tabell | Namn | CSV | JSON |
|---|---|---|---|
{rows}

## Versioner och citering

Varje version finns kvar under `data/v<version>/`; vad som ändrats står under
[versioner](versioner.md). Denna version ({links}) citeras:

> {citation}
""",
             "en": """# Open data

All the data on the site can be downloaded, free to use under
[{release.licence_title}]({release.licence_url}) (`{release.licence}`). Latest version: **{release.version}**.
Column names and codes are in English; free text (titles, purposes, reports) is in Swedish.

- **Excel**: <a href="{latest}portal.xlsx">portal.xlsx</a>, a sheet per table and a first sheet that explains the columns.
- **Everything in one file**: <a href="{latest}portal.zip">portal.zip</a> (CSV, JSON, Excel, SQLite and schema).
- **SQLite** for Datasette, DuckDB or sqlite3: <a href="{latest}portal.sqlite">portal.sqlite</a>, with
  <a href="{latest}portal.metadata.json">portal.metadata.json</a>, which gives Datasette the tables' and columns'
  names and descriptions, units and licence: `datasette portal.sqlite --metadata portal.metadata.json`.
- **Frictionless Data Package** with table schemas, keys and licence: <a href="{latest}datapackage.json">datapackage.json</a>.
- **JSON** as the records are shown on the site: <a href="{latest}trips.json">trips.json</a>,
  <a href="{latest}memberships.json">memberships.json</a>, <a href="{latest}agreements.json">agreements.json</a>.
- **Checksums** (SHA-256): <a href="{latest}SHA256SUMS">SHA256SUMS</a>.
- **Feeds**: new and changed trips in <a href="{prefix}feed.atom">feed.atom</a>; every correction with the value before and after in <a href="{prefix}corrections.atom">corrections.atom</a>.
- **Data dictionary** as data: <a href="{latest}datadictionary.csv">datadictionary.csv</a> (and the first sheet of the Excel file).
- **Metadata** for data portals (DCAT-AP-SE 3.0.1, every file of every version with its size and checksum):
  <a href="{prefix}catalog.rdf">catalog.rdf</a> (RDF/XML, the address Sweden's data portal harvests),
  <a href="{prefix}catalog.ttl">catalog.ttl</a>, <a href="{prefix}catalog.jsonld">catalog.jsonld</a>.

Each record also has files of its own (JSON and CSV), linked from its page.

## Tables (CSV and JSON)

UTF-8 without BOM, comma as separator, full stop as decimal mark, dates as YYYY-MM-DD.
What the columns mean is in the [data dictionary](dataordbok.md).

| Table | Name | CSV | JSON |
|---|---|---|---|
{rows}

## Versions and citation

Every version stays under `data/v<version>/`; what changed is listed under
[versions](versioner.md). This version ({links}) is cited as (the publisher's names are Swedish):

> <span lang="sv">{citation}</span>
"""}
"""The downloads page per language; its placeholders are filled by `downloads_markdown`."""


def downloads_markdown(release: Release, prefix: str = "", lang: str = "sv") -> str:
    """The downloads page in `lang`: what each format is for, the files of the latest version, licence and citation."""
    latest = f"{prefix}data/latest/"
    title = "title" if lang == "sv" else "title_en"
    rows = "\n".join(f"| {schema_descriptor(r)[title]} | `{r}` | <a href=\"{latest}{r}.csv\">{r}.csv</a> | "
                     f"<a href=\"{latest}tables/{r}.json\">{r}.json</a> |" for r in PUBLISHED)
    return DOWNLOADS[lang].format(latest=latest, prefix=prefix, rows=rows, release=release,
                                  links=download_links(release.version, prefix), citation=release.citation(lang))


def write_pages(log: dict, release: Release, docs_dir: Path) -> list:
    """Write the three pages under docs_dir/oppna-data/, and in English under docs_dir/en/oppna-data/; returns the
    Swedish nav entry (the English nav has the same pages under en/, see `render.pages.localized_nav`)."""
    for lang, root in (("sv", ""), ("en", "../")):
        folder = docs_dir / ("en" if lang == "en" else "") / SECTION
        folder.mkdir(parents=True, exist_ok=True)
        pages = {"index.md": downloads_markdown(release, root + "../", lang), "dataordbok.md": data_dictionary_markdown(lang),
                 "versioner.md": changelog_markdown(log, release, lang, root + "../../")}
        for name, markdown in pages.items():
            (folder / name).write_text(markdown, encoding="utf-8")
    return [{"Öppna data": [f"{SECTION}/index.md", {"Dataordbok": f"{SECTION}/dataordbok.md"},
                            {"Versioner": f"{SECTION}/versioner.md"}]}]
