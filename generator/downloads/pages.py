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


def downloads_markdown(release: Release, prefix: str = "") -> str:
    """The downloads page: what each format is for, the files of the latest version, licence and citation."""
    latest = f"{prefix}data/latest/"
    rows = "\n".join(f"| {schema_descriptor(r)['title']} | `{r}` | <a href=\"{latest}{r}.csv\">{r}.csv</a> | "
                     f"<a href=\"{latest}tables/{r}.json\">{r}.json</a> |" for r in PUBLISHED)
    return f"""# Öppna data

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
[versioner](versioner.md). Denna version ({download_links(release.version, prefix)}) citeras:

> {release.citation()}
"""


def write_pages(log: dict, release: Release, docs_dir: Path) -> list:
    """Write the three pages under docs_dir/oppna-data/; returns their nav entry."""
    folder = docs_dir / SECTION
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.md").write_text(downloads_markdown(release, "../"), encoding="utf-8")
    (folder / "dataordbok.md").write_text(data_dictionary_markdown("sv"), encoding="utf-8")
    (folder / "versioner.md").write_text(changelog_markdown(log, release, "sv", "../../"), encoding="utf-8")
    return [{"Öppna data": [f"{SECTION}/index.md", {"Dataordbok": f"{SECTION}/dataordbok.md"},
                            {"Versioner": f"{SECTION}/versioner.md"}]}]
