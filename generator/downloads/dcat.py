"""The DCAT-AP-SE catalogue of the downloads, through `generator.catalog`.

One dataset for the whole data package, with one distribution per whole-package file
(workbook, zip of CSV files, SQLite, Data Package descriptor). Harvesters such as
Sweden's data portal expect the distributions of a dataset to hold the same data in
different formats; the per-table CSV files are parts, not alternatives, so they are
reached through the zip and `datapackage.json` rather than listed as distributions.
Byte sizes and SHA-256 checksums are those of the files written for this version.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.downloads.archive import sha256
from generator.downloads.release import Release
from generator.model import Dataset

DISTRIBUTIONS = (  # file, extension for the format, title sv, title en
    ("portal.xlsx", "xlsx", "Excel-arbetsbok, ett blad per tabell", "Excel workbook, one sheet per table"),
    ("portal.zip", "zip", "Alla filer (CSV, JSON, Excel, SQLite, schema) i en zip", "All files (CSV, JSON, Excel, SQLite, schema) in one zip"),
    ("portal.sqlite", "sqlite", "SQLite-databas med nycklar", "SQLite database with keys"),
    ("datapackage.json", "json", "Frictionless Data Package: tabeller, scheman och nycklar",
     "Frictionless Data Package: tables, schemas and keys"),
)


def write_dcat(dataset: Dataset, release: Release, site_dir: Path) -> list[Path]:
    from generator import catalog

    package, publisher = release.package, release.publisher
    date = release.date or dt.date(1970, 1, 1)
    folder = site_dir / "data" / f"v{release.version}"
    licence = catalog.CC0 if release.licence == "CC0-1.0" else release.licence_url
    distributions = []
    for name, ext, title_sv, title_en in DISTRIBUTIONS:
        media_type, file_type = catalog.FORMATS[ext]
        path = folder / name
        distributions.append(catalog.DistributionInfo(
            url=release.url(name), title_sv=title_sv, title_en=title_en, media_type=media_type, format=file_type,
            byte_size=path.stat().st_size, sha256=sha256(path), modified=date, licence_url=licence,
            conforms_to=None if name == "datapackage.json" else release.url("datapackage.json")))
    days = [t.start_date for t in dataset.trips.values()] + [t.end_date for t in dataset.trips.values()]
    days += [c.date for c in dataset.costs if c.date]
    description_sv = " ".join(str(package.get("description", "")).split())
    description_en = " ".join(str(package.get("description_en", "")).split())
    info = catalog.CatalogInfo(
        base_url=release.base_url, title_sv=package.get("title", release.name),
        title_en=package.get("title_en") or package.get("title", release.name),
        description_sv=description_sv, description_en=description_en or description_sv,
        publisher_name=publisher.get("name", ""), publisher_url=publisher.get("url") or release.base_url,
        publisher_type="http://purl.org/adms/publishertype/LocalAuthority",
        contact_email=publisher.get("email", ""), contact_name=publisher.get("name", ""),
        issued=date, modified=date, version=release.version, licence_url=licence)
    data = catalog.DatasetInfo(
        id=release.name, title_sv=info.title_sv, title_en=info.title_en,
        description_sv=description_sv, description_en=description_en or description_sv,
        keywords_sv=["internationellt arbete", "medlemskap", "avtal", "resor", "kostnader"],
        keywords_en=["international work", "memberships", "agreements", "trips", "costs"],
        themes=[catalog.EU + "data-theme/GOVE", catalog.EU + "data-theme/INTR"],
        accrual_periodicity=catalog.EU + "frequency/IRREG",
        landing_page=release.base_url + "oppna-data/", distributions=distributions,
        temporal_start=min(days, default=None), temporal_end=max(days, default=None))
    return catalog.write_catalog(catalog.build_catalog(info, [data]), site_dir)
