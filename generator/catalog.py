"""The portal's open data described as a DCAT-AP-SE catalogue (catalog.rdf, catalog.ttl, catalog.jsonld).

DCAT-AP-SE is the Swedish profile of DCAT-AP; Sweden's data portal harvests it as RDF/XML
from one URL (`catalog.rdf`), wants absolute IRIs for catalogue, datasets, distributions,
publisher and contact point, and no dcat:CatalogRecord. The graph is checked against the
official DCAT-AP 3.0.1 SHACL shapes and our shapes for those Swedish rules (tests/shapes/).
Those shapes check classes (sh:class) and no remote vocabulary can be loaded, so every node
the catalogue points at (licence, media type, theme ...) is typed here, with the labels the
shapes ask for. Every node gets an IRI (no blank nodes) so that the same input serializes
to the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlparse
from xml.sax.saxutils import escape

from rdflib import OWL, RDF, XSD, Graph, Literal, Namespace, URIRef

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
DCATAP = Namespace("http://data.europa.eu/r5r/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
GSP = Namespace("http://www.opengis.net/ont/geosparql#")
PREFIXES = {"dcat": DCAT, "dct": DCT, "dcatap": DCATAP, "foaf": FOAF, "owl": OWL, "rdf": RDF,
            "skos": SKOS, "spdx": SPDX, "vcard": VCARD, "xsd": XSD}

EU = "http://publications.europa.eu/resource/authority/"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
IANA = "http://www.iana.org/assignments/media-types/"
DOC = "catalog.ttl"  # node IRIs are <base>catalog.ttl#...: on a static host they lead to this file
SE_ORGANISATION = "http://dataportal.se/organisation/SE"
"""Sweden's data portal merges a publisher harvested from several catalogues by this IRI + the
10-digit organisation number (its harvesting guide, "Identifierare för utgivande organisationer")."""

# Download file extension -> (IANA media type, EU file-type IRI), for the caller.
# The EU file-type vocabulary has no SQLite term (checked: SQL means SQL statements, GPKG is
# the GeoPackage profile of SQLite); BIN ("binary data") is the closest correct one, and the
# media type application/vnd.sqlite3 (IANA-registered) says exactly what the file is.
FORMATS = {
    "csv": ("text/csv", EU + "file-type/CSV"),
    "json": ("application/json", EU + "file-type/JSON"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EU + "file-type/XLSX"),
    "sqlite": ("application/vnd.sqlite3", EU + "file-type/BIN"),
    "zip": ("application/zip", EU + "file-type/ZIP"),
}
_THEMES = {  # EU data themes, labels as in the EU vocabulary (sv, en)
    "AGRI": ("Jordbruk, fiske, skogsbruk och livsmedel", "Agriculture, fisheries, forestry and food"),
    "ECON": ("Ekonomi och finans", "Economy and finance"),
    "EDUC": ("Utbildning, kultur och sport", "Education, culture and sport"),
    "ENER": ("Energi", "Energy"), "ENVI": ("Miljö", "Environment"),
    "GOVE": ("Regeringen och den offentliga sektorn", "Government and public sector"),
    "HEAL": ("Hälsa", "Health"), "INTR": ("Internationella frågor", "International issues"),
    "JUST": ("Rättvisa, rättsliga system och allmän säkerhet", "Justice, legal system and public safety"),
    "REGI": ("Regioner och städer", "Regions and cities"),
    "SOCI": ("Befolkning och samhälle", "Population and society"),
    "TECH": ("Vetenskap och teknik", "Science and technology"), "TRAN": ("Transport", "Transport"),
}
LABELS = {EU + "data-theme/" + code: {"sv": sv, "en": en} for code, (sv, en) in _THEMES.items()} | {
    "http://purl.org/adms/licencetype/PublicDomain": {"en": "Public domain"},
    "http://purl.org/adms/licencetype/Attribution": {"en": "Attribution"},
    "http://purl.org/adms/licencetype/ShareAlike": {"en": "Share-alike"},
    "http://purl.org/adms/publishertype/LocalAuthority": {"en": "Local Authority"},
    "http://purl.org/adms/publishertype/RegionalAuthority": {"en": "Regional authority"},
    "http://purl.org/adms/publishertype/NationalAuthority": {"en": "National authority"},
} | {EU + "planned-availability/" + code.upper(): {"en": code}
     for code in ("available", "experimental", "stable", "temporary")}
LICENCE_TYPES = {  # licence (without scheme) -> ADMS licence types, the recommended dct:type
    "creativecommons.org/publicdomain/zero/1.0/": ["PublicDomain"],
    "creativecommons.org/licenses/by/4.0/": ["Attribution"],
    "creativecommons.org/licenses/by-sa/4.0/": ["Attribution", "ShareAlike"],
}
QUOTE = {'"': "&quot;"}
LANGUAGES = {"sv": "SWE", "en": "ENG"}  # ISO 639-1 -> EU language authority code
LOCAL_AUTHORITY = "http://purl.org/adms/publishertype/LocalAuthority"  # a municipality, in the ADMS publisher types
COUNTRIES = {  # ISO 3166-1 alpha-2 -> EU country authority code, names (sv, en): the Nordic countries
    "SE": ("SWE", "Sverige", "Sweden"), "NO": ("NOR", "Norge", "Norway"), "DK": ("DNK", "Danmark", "Denmark"),
    "FI": ("FIN", "Finland", "Finland"), "IS": ("ISL", "Island", "Iceland"),
}


@dataclass(frozen=True, kw_only=True)
class Place:
    """A dct:Location: an outside IRI (EU country ...) or a name of ours (`iri` None: <base>catalog.ttl#place-<id>)."""
    id: str
    name_sv: str
    name_en: str
    iri: str | None = None
    bbox: str | None = None  # WKT, if known
    centroid: str | None = None


@dataclass(frozen=True, kw_only=True)
class CatalogInfo:
    base_url: str  # the site's absolute URL, ending with /
    title_sv: str
    title_en: str
    description_sv: str
    description_en: str
    publisher_name: str
    publisher_url: str  # the publisher's website (the agent's foaf:homepage)
    publisher_type: str  # http://purl.org/adms/publishertype/...
    contact_email: str
    contact_name: str
    issued: dt.date
    modified: dt.date
    version: str
    licence_url: str = CC0
    language: str = "sv"
    organisation_number: str | None = None  # the publisher's, 10 digits: its IRI becomes SE_ORGANISATION + it
    places: tuple[Place, ...] = ()  # the catalogue's and every dataset's dct:spatial


@dataclass(frozen=True, kw_only=True)
class DistributionInfo:
    url: str  # absolute download URL
    title_sv: str
    title_en: str
    media_type: str  # IANA, e.g. text/csv
    format: str  # EU file-type IRI
    byte_size: int
    sha256: str
    modified: dt.date
    licence_url: str = CC0
    conforms_to: str | None = None  # e.g. the datapackage.json describing the table
    description_sv: str | None = None  # default: said from the dataset title and the file type
    description_en: str | None = None
    availability: str = EU + "planned-availability/AVAILABLE"


@dataclass(frozen=True, kw_only=True)
class DatasetInfo:
    id: str  # slug, dots allowed (a version number)
    title_sv: str
    title_en: str
    description_sv: str
    description_en: str
    keywords_sv: list[str]
    keywords_en: list[str]
    themes: list[str]  # EU data-theme IRIs
    accrual_periodicity: str  # EU frequency IRI
    landing_page: str
    distributions: list[DistributionInfo] = field(default_factory=list)
    temporal_start: dt.date | None = None
    temporal_end: dt.date | None = None
    version: str | None = None  # default: the catalogue's
    previous: str | None = None  # id of the dataset of the version before (dcat:previousVersion)
    issued: dt.date | None = None  # when this version was published


def _both(g: Graph, node: URIRef, prop: URIRef, sv: str, en: str) -> None:
    g.add((node, prop, Literal(sv, lang="sv")))
    g.add((node, prop, Literal(en, lang="en")))


def _thing(g: Graph, iri: str, *classes: URIRef, scheme: str | None = None) -> URIRef:
    """An outside resource, typed as the shapes' sh:class wants (no vocabulary is loaded)."""
    node = URIRef(iri)
    for cls in classes:
        g.add((node, RDF.type, cls))
    if scheme:
        g.add((node, SKOS.inScheme, URIRef(scheme)))
    if SKOS.Concept in classes:  # every skos:Concept needs a skos:prefLabel
        labels = LABELS.get(iri) or {"": iri.rstrip("/").rsplit("/", 1)[-1]}
        for lang, label in sorted(labels.items()):
            g.add((node, SKOS.prefLabel, Literal(label, lang=lang or None)))
    return node


def _licence(g: Graph, url: str) -> URIRef:
    node = _thing(g, url, DCT.LicenseDocument)
    for kind in LICENCE_TYPES.get(re.sub(r"^https?://", "", url), []):
        g.add((node, DCT.type, _thing(g, "http://purl.org/adms/licencetype/" + kind, SKOS.Concept,
                                      scheme="http://purl.org/adms/licencetype/1.0")))
    return node


def _check(ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(f"catalogue: {message}")


def build_catalog(catalog: CatalogInfo, datasets: list[DatasetInfo]) -> Graph:
    """The DCAT-AP-SE graph of the catalogue, its datasets and their distributions."""
    base = catalog.base_url
    _check(base.startswith(("http://", "https://")) and base.endswith("/"),
           f"base_url {base!r}: absolute, ending with /")
    _check(catalog.language in LANGUAGES, f"language {catalog.language!r}: one of {sorted(LANGUAGES)}")
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)

    def node(name: str) -> URIRef:
        return URIRef(f"{base}{DOC}#{quote(name, safe='-._~/')}")

    cat = node("catalog")
    g.add((cat, RDF.type, DCAT.Catalog))
    _both(g, cat, DCT.title, catalog.title_sv, catalog.title_en)
    _both(g, cat, DCT.description, catalog.description_sv, catalog.description_en)
    number = catalog.organisation_number
    _check(number is None or re.fullmatch(r"[0-9]{10}", number) is not None,
           f"organisation number {number!r}: 10 digits, no hyphen")
    publisher = URIRef(SE_ORGANISATION + number) if number else node("publisher")
    for cls in (FOAF.Agent, FOAF.Organization):
        g.add((publisher, RDF.type, cls))
    g.add((publisher, FOAF.name, Literal(catalog.publisher_name)))
    if number:
        g.add((publisher, DCT.identifier, Literal(number)))
    g.add((publisher, FOAF.homepage, URIRef(catalog.publisher_url)))
    g.add((publisher, DCT.type, _thing(g, catalog.publisher_type, SKOS.Concept,
                                        scheme="http://purl.org/adms/publishertype/1.0")))
    contact = node("contact")
    for cls in (VCARD.Kind, VCARD.Organization):  # typed Kind too: no vcard ontology says Organization is one
        g.add((contact, RDF.type, cls))
    g.add((contact, VCARD.fn, Literal(catalog.contact_name)))
    g.add((contact, VCARD.hasEmail, URIRef("mailto:" + catalog.contact_email)))
    # The metadata is in both languages; the data itself in the catalogue's language.
    languages = [_thing(g, EU + "language/" + code, DCT.LinguisticSystem, scheme=EU + "language")
                 for code in sorted(LANGUAGES.values())]
    data_language = URIRef(EU + "language/" + LANGUAGES[catalog.language])
    places = []
    for place in catalog.places:
        spatial = _thing(g, place.iri, DCT.Location) if place.iri else node(f"place-{place.id}")
        g.add((spatial, RDF.type, DCT.Location))
        _both(g, spatial, SKOS.prefLabel, place.name_sv, place.name_en)
        for prop, wkt in ((DCAT.bbox, place.bbox), (DCAT.centroid, place.centroid)):
            if wkt:
                g.add((spatial, prop, Literal(wkt, datatype=GSP.wktLiteral)))
        g.add((cat, DCT.spatial, spatial))
        places.append(spatial)
    g.add((cat, DCT.publisher, publisher))
    g.add((cat, DCT.license, _licence(g, catalog.licence_url)))
    for language in languages:
        g.add((cat, DCT.language, language))
    g.add((cat, FOAF.homepage, _thing(g, base, FOAF.Document)))
    g.add((cat, DCT.issued, Literal(catalog.issued, datatype=XSD.date)))
    g.add((cat, DCT.modified, Literal(catalog.modified, datatype=XSD.date)))
    taxonomy = _thing(g, EU + "data-theme", SKOS.ConceptScheme)
    g.add((taxonomy, DCT.title, Literal("Data theme", lang="en")))
    g.add((cat, DCAT.themeTaxonomy, taxonomy))

    seen: set[URIRef] = set()
    for ds in datasets:
        _check(re.fullmatch(r"[a-z0-9]+([-.][a-z0-9]+)*", ds.id) is not None, f"dataset id {ds.id!r}: a slug")
        d = node(f"dataset-{ds.id}")
        _check(d not in seen, f"dataset {ds.id!r} twice")
        seen.add(d)
        g.add((cat, DCAT.dataset, d))
        g.add((d, RDF.type, DCAT.Dataset))
        _both(g, d, DCT.title, ds.title_sv, ds.title_en)
        _both(g, d, DCT.description, ds.description_sv, ds.description_en)
        # A UUID (made from the IRI, so it never changes): the data portal finds duplicates by it.
        g.add((d, DCT.identifier, Literal(str(uuid.uuid5(uuid.NAMESPACE_URL, str(d))))))
        g.add((d, DCT.publisher, publisher))
        g.add((d, DCAT.contactPoint, contact))
        g.add((d, DCT.language, data_language))
        # dcat:version, not owl:versionInfo: DCAT-AP 3 deprecates the latter (deprecateduris.ttl).
        g.add((d, DCAT.version, Literal(ds.version or catalog.version)))
        if ds.previous:
            g.add((d, DCAT.previousVersion, node(f"dataset-{ds.previous}")))
        for lang, words in (("sv", ds.keywords_sv), ("en", ds.keywords_en)):
            for word in words:
                g.add((d, DCAT.keyword, Literal(word, lang=lang)))
        for theme in ds.themes:
            g.add((d, DCAT.theme, _thing(g, theme, SKOS.Concept, scheme=EU + "data-theme")))
        g.add((d, DCT.accrualPeriodicity, _thing(g, ds.accrual_periodicity, DCT.Frequency, scheme=EU + "frequency")))
        g.add((d, DCAT.landingPage, _thing(g, ds.landing_page, FOAF.Document)))
        for spatial in places:
            g.add((d, DCT.spatial, spatial))
        if ds.temporal_start or ds.temporal_end:
            period = node(f"dataset-{ds.id}-period")
            g.add((period, RDF.type, DCT.PeriodOfTime))
            for prop, day in ((DCAT.startDate, ds.temporal_start), (DCAT.endDate, ds.temporal_end)):
                if day:
                    g.add((period, prop, Literal(day, datatype=XSD.date)))
            g.add((d, DCT.temporal, period))
        if ds.issued:
            g.add((d, DCT.issued, Literal(ds.issued, datatype=XSD.date)))
        modified = max((dist.modified for dist in ds.distributions), default=catalog.modified)
        g.add((d, DCT.modified, Literal(modified, datatype=XSD.date)))
        for dist in ds.distributions:
            _distribution(g, node, base, ds, d, dist, seen)
    return g


def _distribution(g: Graph, node, base: str, ds: DatasetInfo, d: URIRef, dist: DistributionInfo,
                  seen: set[URIRef]) -> None:
    """One download file: where, what format, how big, its checksum and licence."""
    _check(dist.url.startswith(("http://", "https://")), f"distribution URL {dist.url!r}: absolute")
    _check(re.fullmatch(r"[0-9a-fA-F]{64}", dist.sha256) is not None, f"{dist.url}: sha256 is 64 hex digits")
    _check(dist.byte_size >= 0, f"{dist.url}: byte_size >= 0")
    path = urlparse(dist.url).path
    name = PurePosixPath(path).name
    where = dist.url[len(base):] if dist.url.startswith(base) else path.lstrip("/")  # tables/x.json and x.json differ
    x = node(f"dataset-{ds.id}-{where}")
    _check(x not in seen, f"dataset {ds.id!r}: two distributions at {where!r}")
    seen.add(x)
    g.add((d, DCAT.distribution, x))
    g.add((x, RDF.type, DCAT.Distribution))
    url = URIRef(dist.url)
    g.add((x, DCAT.accessURL, url))
    g.add((x, DCAT.downloadURL, url))
    _both(g, x, DCT.title, dist.title_sv, dist.title_en)
    kind = PurePosixPath(name).suffix.lstrip(".").upper() or dist.media_type
    _both(g, x, DCT.description, dist.description_sv or f"{ds.title_sv} som {kind}-fil.",
          dist.description_en or f"{ds.title_en} as a {kind} file.")
    g.add((x, DCT["format"], _thing(g, dist.format, DCT.MediaTypeOrExtent, scheme=EU + "file-type")))
    g.add((x, DCAT.mediaType, _thing(g, IANA + dist.media_type, DCT.MediaType)))
    g.add((x, DCT.license, _licence(g, dist.licence_url)))
    g.add((x, DCAT.byteSize, Literal(str(dist.byte_size), datatype=XSD.nonNegativeInteger)))
    g.add((x, DCT.modified, Literal(dist.modified, datatype=XSD.date)))
    g.add((x, DCATAP.availability, _thing(g, dist.availability, SKOS.Concept, scheme=EU + "planned-availability")))
    if dist.conforms_to:
        g.add((x, DCT.conformsTo, _thing(g, dist.conforms_to, DCT.Standard)))
    checksum = URIRef(f"{x}-sha256")
    g.add((checksum, RDF.type, SPDX.Checksum))
    g.add((checksum, SPDX.algorithm, _thing(g, str(SPDX.checksumAlgorithm_sha256), SPDX.ChecksumAlgorithm)))
    g.add((checksum, SPDX.checksumValue, Literal(dist.sha256.lower(), datatype=XSD.hexBinary)))
    g.add((x, SPDX.checksum, checksum))


def _sorted_json(value):
    """JSON-LD with every key and every (unordered) value array sorted: stable across runs."""
    if isinstance(value, dict):
        return {k: v if k == "@list" else _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted_json(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


def rdf_xml(graph: Graph) -> bytes:
    """RDF/XML, one rdf:Description per subject, subjects and properties sorted.

    rdflib's RDF/XML writers follow the store's (hash-seeded) subject order; this one gives
    the same bytes on every run. Every node is an IRI, so no blank-node syntax is needed.
    """
    names = {str(ns): prefix for prefix, ns in PREFIXES.items()}

    def qname(predicate: URIRef) -> str:
        text = str(predicate)
        ns = max((n for n in names if text.startswith(n)), key=len, default=None)
        _check(ns is not None and re.fullmatch(r"[A-Za-z_][\w.-]*", text[len(ns):]) is not None,
               f"no prefix for property {text}")
        return f"{names[ns]}:{text[len(ns):]}"

    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f'   xmlns:{prefix}="{escape(str(ns))}"' for prefix, ns in sorted(PREFIXES.items())] + [">"]
    for subject in sorted(set(graph.subjects())):
        _check(isinstance(subject, URIRef), f"blank node {subject}")
        lines.append(f'  <rdf:Description rdf:about="{escape(str(subject), QUOTE)}">')
        for predicate, obj in sorted(graph.predicate_objects(subject)):
            tag = qname(predicate)
            if isinstance(obj, URIRef):
                lines.append(f'    <{tag} rdf:resource="{escape(str(obj), QUOTE)}"/>')
                continue
            _check(isinstance(obj, Literal), f"blank node {obj}")
            attrs = (f' xml:lang="{obj.language}"' if obj.language else
                     f' rdf:datatype="{escape(str(obj.datatype), QUOTE)}"' if obj.datatype else "")
            lines.append(f"    <{tag}{attrs}>{escape(str(obj))}</{tag}>")
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_catalog(graph: Graph, out_dir: Path) -> list[Path]:
    """Write catalog.rdf (what harvesters read), catalog.ttl and catalog.jsonld; same graph, same bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rdf = out_dir / "catalog.rdf"
    rdf.write_bytes(rdf_xml(graph))
    ttl = out_dir / "catalog.ttl"
    ttl.write_bytes(graph.serialize(format="turtle", encoding="utf-8"))  # rdflib sorts subjects, predicates, objects
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    doc = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    jsonld = out_dir / "catalog.jsonld"
    jsonld.write_bytes((json.dumps(_sorted_json(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
                       .encode("utf-8"))
    return [rdf, ttl, jsonld]
