"""Datasette ready: `portal.metadata.json` beside `portal.sqlite`, and `portal explore` to open them.

Journalists who open the database in Datasette get titles, the licence, the source, each
table's and column's description in Swedish and English (from the schemas, through the
data dictionary rows), units for amounts, and the label column of each table that foreign
keys point at, so `trips.organiser_id` shows the organiser's name. The metadata follows
Datasette's metadata.json (https://docs.datasette.io/en/0.65/metadata.html); SEK is
defined for Pint as a unit of its own, since Pint knows no currencies.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from html import escape
from pathlib import Path

from generator.addresses import DICTIONARY
from generator.downloads.dictionary import dictionary_rows
from generator.downloads.jsonfile import dumps
from generator.downloads.release import Release
from generator.downloads.tables import Table
from generator.entities import schema_descriptor

METADATA_FILE = "portal.metadata.json"
DATABASE = "portal"  # Datasette names a database after its file: portal.sqlite
LABEL_COLUMNS = ("title", "name")  # the first a table has is what a foreign key to it shows
CUSTOM_UNITS = ["SEK = [currency]"]
INSTALL_HINT = "pip install -e '.[explore]'  (or: pip install datasette==0.65.5)"


def _both_html(sv: str, en: str) -> str:
    return f'<p lang="sv">{escape(sv)}</p><p lang="en">{escape(en)}</p>'


def metadata(tables: dict[str, Table], release: Release) -> dict:
    """Datasette's metadata for the database of this version."""
    package, publisher = release.package, release.publisher
    columns: dict[str, dict] = {}
    units: dict[str, dict] = {}
    for row in dictionary_rows(tables):
        text = f"{row['title_sv']} / {row['title_en']}: {row['description_sv']} / {row['description_en']}"
        columns.setdefault(row["table"], {})[row["field"]] = text
        if row["unit"]:
            units.setdefault(row["table"], {})[row["field"]] = row["unit"]
    described = {}
    for table in tables.values():
        schema = schema_descriptor(table.resource)
        entry = {"title": f"{schema.get('title', table.resource)} / {schema.get('title_en', table.resource)}",
                 "description_html": _both_html(schema.get("description", ""), schema.get("description_en", "")),
                 "columns": columns.get(table.resource, {})}
        label = next((name for name in LABEL_COLUMNS if name in table.names), None)
        if label:
            entry["label_column"] = label
        if table.resource in units:
            entry["units"] = units[table.resource]
        described[table.resource] = entry
    title = package.title
    return {
        "title": f"{title}, version {release.version}",
        "description_html": _both_html(package.description, package.description_en),
        "license": release.licence, "license_url": release.licence_url,
        "source": publisher.get("name", ""), "source_url": release.url(),
        "about": "Dataordbok / Data dictionary", "about_url": release.base_url + DICTIONARY,
        "custom_units": CUSTOM_UNITS,
        "databases": {DATABASE: {"title": title, "source": release.citation(), "source_url": release.url(),
                                 "license": release.licence, "license_url": release.licence_url,
                                 "tables": described}},
    }


def write_metadata(tables: dict[str, Table], release: Release, out_dir: Path) -> Path:
    path = out_dir / METADATA_FILE
    path.write_bytes(dumps(metadata(tables, release)))
    return path


def explore_command(database: Path, port: int) -> list[str]:
    """Datasette on `database` (read-only), with the metadata beside it, on 127.0.0.1 only."""
    command = [sys.executable, "-m", "datasette", "serve", "-i", str(database), "--host", "127.0.0.1",
               "--port", str(port)]
    beside = database.with_name(METADATA_FILE)
    return command + (["--metadata", str(beside)] if beside.is_file() else [])


def explore(database: Path, port: int) -> None:
    """Become Datasette (exec: stopping this process stops it); ValueError with a one-line reason if it cannot start."""
    if importlib.util.find_spec("datasette") is None:
        raise ValueError(f"Datasette is not installed; install it with: {INSTALL_HINT}")
    if not database.is_file():
        raise ValueError(f"{database} does not exist; build the site first (portal build) or name a database")
    print(f"Datasette: http://127.0.0.1:{port}/{database.stem} (Ctrl+C stops it)", flush=True)
    sys.stderr.flush()
    command = explore_command(database, port)
    os.execv(command[0], command)
