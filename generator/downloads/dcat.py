"""The DCAT-AP-SE catalogue of the downloads, through `generator.catalog`.

One dataset per published version (`dcat:version`, `dcat:previousVersion` to the one
before), since each version's files stay at their own URL and are cited by it. Every
file of a version is a distribution of its dataset: each CSV (one per table and the data
dictionary), the flat and the nested JSON files, the workbook, the SQLite database, the
Data Package descriptor and the zip. Harvesters and journalists' tools list files, and a
table's CSV is what most people want, so the tables are not hidden inside the zip.
Sizes and SHA-256 checksums are read from the version's SHA256SUMS (the bytes written).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

from generator.addresses import OPEN_DATA
from generator.downloads.release import Release
from generator.downloads.versions import Version
from generator.entities import PUBLISHED, schema_descriptor
from generator.model import Dataset

NOT_DATA = {"SHA256SUMS", "portal.metadata.json"}  # checksums and Datasette's settings: about the files, not data
WHOLE = {  # file -> (title sv, title en, description sv, description en)
    "portal.xlsx": ("Excel-arbetsbok", "Excel workbook",
                    "Alla tabeller, ett blad per tabell, och ett första blad som förklarar kolumnerna och licensen.",
                    "Every table, one sheet each, and a first sheet explaining the columns and the licence."),
    "portal.zip": ("Alla filer i en zip", "All files in one zip",
                   "CSV, JSON, Excel, SQLite, dataordbok och Data Package-beskrivning i en fil.",
                   "CSV, JSON, Excel, SQLite, data dictionary and Data Package descriptor in one file."),
    "portal.sqlite": ("SQLite-databas", "SQLite database",
                      "Alla tabeller med primär- och främmande nycklar, för Datasette, DuckDB eller sqlite3.",
                      "Every table with primary and foreign keys, for Datasette, DuckDB or sqlite3."),
    "datapackage.json": ("Frictionless Data Package", "Frictionless Data Package",
                         "Beskrivning av CSV-filerna: tabellscheman, nycklar, licens, storlek och kontrollsummor.",
                         "Descriptor of the CSV files: table schemas, keys, licence, sizes and checksums."),
    "datadictionary.csv": ("Dataordbok (CSV)", "Data dictionary (CSV)",
                           "Varje tabells kolumner: typ, krav, enhet, nycklar, tillåtna värden, beskrivning.",
                           "Every table's columns: type, required, unit, keys, allowed values, description."),
}
DATA_PACKAGE_SPEC = "https://specs.frictionlessdata.io/data-package/"
_NESTED = {"trips.json": ("Resor med delar", "Trips with their parts"),
           "memberships.json": ("Medlemskap med delar", "Memberships with their parts"),
           "agreements.json": ("Avtal med delar", "Agreements with their parts")}


def _titles(path: str) -> tuple[str, str, str | None, str | None]:
    """Title (sv, en) and description of a version's file, said from its schema where it is a table."""
    if path in WHOLE:
        return WHOLE[path]
    stem = PurePosixPath(path).stem
    if path in _NESTED:
        sv, en = _NESTED[path]
        return (f"{sv} (JSON)", f"{en} (JSON)", f"{sv}, som i datafilerna, i JSON.",
                f"{en}, nested as in the data files, in JSON.")
    if stem in PUBLISHED:
        meta = schema_descriptor(stem)
        sv, en = ("CSV", "CSV") if path.endswith(".csv") else ("JSON-tabell", "JSON table") \
            if path.startswith("tables/") else ("JSON", "JSON")
        return (f"{meta.get('title', stem)} ({sv})", f"{meta.get('title_en', stem)} ({en})",
                f"Tabellen {stem}: {meta.get('description', '')}",
                f"The table {stem}: {meta.get('description_en', '')}")
    return path, path, None, None


def _checksums(folder: Path) -> list[tuple[str, str]]:
    """(relative path, sha256) of every file of the version, as SHA256SUMS states them."""
    lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return [(name, digest) for digest, name in (line.split("  ", 1) for line in lines if line)]


def distributions(release: Release, folder: Path, licence: str, withheld_on: tuple = ()) -> list:
    """Every data file of one version's folder, as a catalogue distribution: modified when it was published, or when
    something was last withheld from it (`withheld_on`, a redaction)."""
    from generator import catalog

    date = max([day for day in withheld_on if day] + [release.date or dt.date(1970, 1, 1)])
    found = []
    for path, digest in _checksums(folder):
        if path in NOT_DATA:
            continue
        suffix = PurePosixPath(path).suffix.lstrip(".")
        if suffix not in catalog.FORMATS:  # a new kind of download: say what it is before it is published
            raise ValueError(f"catalogue: no media type for {path}; add .{suffix} to catalog.FORMATS or to NOT_DATA")
        media_type, file_type = catalog.FORMATS[suffix]
        title_sv, title_en, description_sv, description_en = _titles(path)
        conforms = DATA_PACKAGE_SPEC if path == "datapackage.json" else release.url("datapackage.json")
        found.append(catalog.DistributionInfo(
            url=release.url(path), title_sv=title_sv, title_en=title_en, media_type=media_type, format=file_type,
            byte_size=(folder / path).stat().st_size, sha256=digest, modified=date, licence_url=licence,
            conforms_to=conforms, description_sv=description_sv, description_en=description_en))
    return found


def _period(dataset: Dataset) -> tuple[dt.date | None, dt.date | None]:
    days = [t.start_date for t in dataset.trips.values()] + [t.end_date for t in dataset.trips.values()]
    days += [c.date for c in dataset.costs if c.date]
    return min(days, default=None), max(days, default=None)


def places(dataset: Dataset) -> tuple:
    """The municipalities (IRIs of ours, named) and their countries (EU country vocabulary)."""
    from generator import catalog

    found = [catalog.Place(id=m.id, name_sv=m.name, name_en=m.name_en or m.name)
             for m in sorted(dataset.municipalities.values(), key=lambda m: m.id)]
    for code in sorted({m.country for m in dataset.municipalities.values()}):
        if code in catalog.COUNTRIES:
            alpha3, sv, en = catalog.COUNTRIES[code]
            found.append(catalog.Place(id=code.lower(), name_sv=sv, name_en=en, iri=catalog.EU + "country/" + alpha3))
    return tuple(found)


def write_dcat(found: list[Version], site_dir: Path) -> list[Path]:
    """catalog.rdf, catalog.ttl and catalog.jsonld: every version in `found` (oldest first) a dataset."""
    from generator import catalog

    current = found[-1]
    release, package, publisher = current.release, current.release.package, current.release.publisher
    date = release.date or dt.date(1970, 1, 1)
    licence = catalog.CC0 if release.licence == "CC0-1.0" else release.licence_url
    description_sv = package.description
    description_en = package.description_en or description_sv
    info = catalog.CatalogInfo(
        base_url=release.base_url, title_sv=package.title,
        title_en=package.title_en or package.title,
        description_sv=description_sv, description_en=description_en,
        publisher_name=publisher.get("name", ""), publisher_url=publisher.get("url") or release.base_url,
        publisher_type=catalog.LOCAL_AUTHORITY,
        organisation_number=release.organisation_number,
        contact_email=publisher.get("email", ""), contact_name=publisher.get("name", ""),
        issued=found[0].release.date or date, modified=date, version=release.version, licence_url=licence,
        places=places(current.dataset))
    datasets, previous = [], None
    for version in found:
        r = version.release
        start, end = _period(version.dataset)
        ident = f"{r.name}-{r.version}"
        datasets.append(catalog.DatasetInfo(
            id=ident, title_sv=f"{r.package.title}, version {r.version}",
            title_en=f"{r.package.title_en or r.package.title}, version {r.version}",
            description_sv=description_sv, description_en=description_en,
            keywords_sv=["internationellt arbete", "medlemskap", "avtal", "resor", "kostnader"],
            keywords_en=["international work", "memberships", "agreements", "trips", "costs"],
            themes=[catalog.EU + "data-theme/GOVE", catalog.EU + "data-theme/INTR"],
            accrual_periodicity=catalog.EU + "frequency/IRREG",
            landing_page=release.base_url + OPEN_DATA,
            distributions=distributions(r, site_dir / "data" / f"v{r.version}", licence, version.withheld_on),
            temporal_start=start, temporal_end=end, version=r.version, previous=previous, issued=r.date))
        previous = ident
    return catalog.write_catalog(catalog.build_catalog(info, datasets), site_dir)
