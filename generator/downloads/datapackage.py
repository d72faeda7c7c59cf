"""`datapackage.json`: a Frictionless (Tabular) Data Package describing every CSV file.

Each resource carries its Table Schema from `generator/schemas/` as the version has it
(`Table.schema`: the columns of that version, primary and foreign keys included), so `frictionless validate datapackage.json` checks the
files against the same contract the data files were validated with. Byte sizes and
SHA-256 hashes let a reader verify what was downloaded.
"""

from __future__ import annotations

import copy
from pathlib import Path

from generator.downloads.archive import sha256
from generator.downloads.jsonfile import dumps
from generator.downloads.release import Release
from generator.downloads.tables import NEUTRALISER, Table

NEUTRALISED_NOTE = (f" I CSV-filerna börjar text som börjar med = + - @ tabb, vagnretur eller {NEUTRALISER} "
                    f"med ett extra {NEUTRALISER}; ta bort det för originalvärdet. / In the CSV files, text beginning "
                    f"with = + - @ tab, carriage return or {NEUTRALISER} has one {NEUTRALISER} added; remove it to get "
                    "the original value.")


def _schema(table: Table) -> dict:
    schema = copy.deepcopy(table.schema)
    schema.pop("$schema", None)
    for key in ("name", "title", "title_en", "description", "description_en"):
        schema.pop(key, None)  # said on the resource
    return schema


def descriptor(tables: dict[str, Table], release: Release, out_dir: Path) -> dict:
    """The package descriptor for the CSV files already written to `out_dir`."""
    package = release.package
    publisher = release.publisher
    resources = []
    for table in tables.values():
        meta = table.schema
        path = out_dir / f"{table.resource}.csv"
        resources.append({
            "name": table.resource, "path": path.name, "profile": "tabular-data-resource",
            "title": meta.get("title", table.resource), "title_en": meta.get("title_en", table.resource),
            "description": meta.get("description", "") + NEUTRALISED_NOTE,
            "description_en": meta.get("description_en", ""),
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "bytes": path.stat().st_size, "hash": f"sha256:{sha256(path)}",
            "schema": _schema(table),
        })
    result = {
        "profile": "tabular-data-package",
        "name": release.name,
        "title": package.title,
        "title_en": package.title_en,
        "description": package.description,
        "description_en": package.description_en,
        "version": release.version,
        "homepage": release.base_url,
        "id": release.url(),
        "licenses": [{"name": release.licence, "title": release.licence_title, "path": release.licence_url}],
        "contributors": [{"title": publisher.get("name", ""), "role": "publisher",
                          **({"email": publisher["email"]} if publisher.get("email") else {}),
                          **({"path": publisher["url"]} if publisher.get("url") else {})}],
        "sources": [{k: v for k, v in s.items() if k in ("title", "path", "email")} for s in package.sources],
        "citation": release.citation(),
        "example_data": package.example_data,
        "resources": resources,
    }
    if release.date:
        result["created"] = f"{release.date.isoformat()}T00:00:00Z"
    return result


def write_datapackage(tables: dict[str, Table], release: Release, out_dir: Path) -> Path:
    path = out_dir / "datapackage.json"
    path.write_bytes(dumps(descriptor(tables, release, out_dir)))
    return path
