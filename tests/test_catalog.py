"""The DCAT-AP-SE catalogue against the official DCAT-AP 3.0.1 SHACL shapes and our Swedish ones, offline.

The shapes are kept in the project (tests/shapes/; nothing is downloaded). Shapes graph (all
Violation): shapes.ttl (cardinalities, node kinds, datatypes) + range.ttl (sh:class of every
object) + dcat-ap-SHACL.ttl (the generated template of the 3.0.1 spec) + dcat-ap-se.ttl (ours:
what Sweden's data portal requires of a harvested catalogue, and what every distribution states).
shapes_recommended.ttl (+ deprecateduris.ttl) give warnings: counted and printed, not asserted.
imports.ttl / mdr_imports.ttl / mdr-vocabularies.shape.ttl need remote vocabularies: not used.
Run with `-rP` to see the counts and timings.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from generator.catalog import (CC0, DCAT, DCT, EU, FORMATS, SPDX, VCARD, CatalogInfo, DatasetInfo, DistributionInfo,
                               Place, build_catalog, write_catalog)

REPO = Path(__file__).resolve().parents[1]
SHAPES = REPO / "tests" / "shapes"
STANDARDS = SHAPES / "dcat-ap-3.0.1"
MANDATORY = ("shapes.ttl", "range.ttl", "dcat-ap-SHACL.ttl")
SWEDISH = SHAPES / "dcat-ap-se.ttl"
RECOMMENDED = ("shapes_recommended.ttl", "deprecateduris.ttl")
SH = "http://www.w3.org/ns/shacl#"
XSD_NNI = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")  # not rdflib's XSD: pytest's collection
XSD_HEX = URIRef("http://www.w3.org/2001/XMLSchema#hexBinary")  # pokes module globals and XSD warns on that
BASE = "https://portal.example.org/"


def sample() -> tuple[CatalogInfo, list[DatasetInfo]]:
    """Two datasets with two downloads each, as the portal publishes them."""
    catalog = CatalogInfo(
        base_url=BASE, title_sv="Internationellt arbete", title_en="International work",
        description_sv="Medlemskap, avtal, resor och kostnader.",
        description_en="Memberships, agreements, trips and costs.",
        publisher_name="Exempelkommunen", publisher_url="https://example.org/",
        publisher_type="http://purl.org/adms/publishertype/LocalAuthority",
        contact_email="registrator@example.org", contact_name="Registratorn",
        issued=dt.date(2026, 1, 15), modified=dt.date(2026, 10, 2), version="0.1.0",
        organisation_number="2120000142",
        places=(Place(id="se", name_sv="Sverige", name_en="Sweden", iri=EU + "country/SWE",
                      # approximate geometry of Sweden: a test fixture, not reference data
                      bbox="POLYGON((10.9 55.3,24.2 55.3,24.2 69.1,10.9 69.1,10.9 55.3))", centroid="POINT(16.5 62.4)"),
                Place(id="exempelkommunen", name_sv="Exempelkommunen", name_en="Example municipality")))

    def dist(name: str, ext: str, size: int, day: int) -> DistributionInfo:
        media_type, file_type = FORMATS[ext]
        return DistributionInfo(url=f"{BASE}data/v0.1.0/{name}.{ext}", title_sv=f"{name}.{ext}",
                                title_en=f"{name}.{ext}",
                                media_type=media_type, format=file_type, byte_size=size,
                                sha256=f"{size:064x}".upper(), modified=dt.date(2026, 10, day),
                                conforms_to=f"{BASE}data/v0.1.0/datapackage.json")

    datasets = [
        DatasetInfo(id="trips", title_sv="Resor", title_en="Trips",
                    description_sv="Resor utomlands och vad de kostade.",
                    description_en="Trips abroad and what they cost.", keywords_sv=["resor", "kostnader"],
                    keywords_en=["trips", "costs"], themes=[EU + "data-theme/GOVE", EU + "data-theme/INTR"],
                    accrual_periodicity=EU + "frequency/IRREG", landing_page=BASE + "resor/",
                    temporal_start=dt.date(2016, 1, 1), temporal_end=dt.date(2026, 9, 30),
                    distributions=[dist("trips", "csv", 51234, 1), dist("portal", "sqlite", 204800, 2)]),
        DatasetInfo(id="memberships", title_sv="Medlemskap", title_en="Memberships",
                    description_sv="Medlemskap i internationella nätverk.", description_en="Memberships of networks.",
                    keywords_sv=["medlemskap"], keywords_en=["memberships"], themes=[EU + "data-theme/GOVE"],
                    accrual_periodicity=EU + "frequency/MONTHLY", landing_page=BASE + "medlemskap/",
                    temporal_start=dt.date(2003, 1, 1), temporal_end=dt.date(2026, 9, 30),
                    distributions=[dist("memberships", "xlsx", 18000, 2), dist("portal", "zip", 99999, 2)]),
    ]
    return catalog, datasets


def write_sample(out_dir: str) -> None:
    """Used by the determinism test in a fresh interpreter."""
    write_catalog(build_catalog(*sample()), Path(out_dir))


@pytest.fixture(scope="module")
def shapes() -> dict[str, Graph]:
    missing = [name for name in MANDATORY + RECOMMENDED if not (STANDARDS / name).is_file()]
    assert not missing, f"DCAT-AP 3.0.1 SHACL shapes not found: {', '.join(missing)} in {STANDARDS}"
    start = time.perf_counter()
    graphs = {}
    for key, names in (("mandatory", MANDATORY), ("recommended", RECOMMENDED)):
        graphs[key] = Graph()
        for name in names:
            graphs[key].parse(STANDARDS / name, format="turtle")
    graphs["swedish"] = Graph().parse(SWEDISH, format="turtle")
    graphs["mandatory"] += graphs["swedish"]
    print(f"shapes parsed in {time.perf_counter() - start:.2f} s")
    return graphs


def results(data: Graph, shapes: Graph, severity: str) -> list[str]:
    """pyshacl's results of one severity, one readable line each."""
    from pyshacl import validate

    start = time.perf_counter()
    _, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    print(f"pyshacl: {len(data)} triples, {len(shapes)} shape triples, {time.perf_counter() - start:.2f} s")
    sh = lambda name: URIRef(SH + name)  # noqa: E731
    found = []
    for result in report.subjects(RDF.type, sh("ValidationResult")):
        if report.value(result, sh("resultSeverity")) == sh(severity):
            found.append(" | ".join(str(report.value(result, sh(p))) for p in
                                    ("focusNode", "resultPath", "value", "resultMessage", "sourceShape")))
    return sorted(found)


def test_catalogue_has_no_violations(shapes):
    graph = build_catalog(*sample())
    violations = results(graph, shapes["mandatory"], "Violation")
    assert not violations, "DCAT-AP 3.0.1 violations:\n" + "\n".join(violations)
    warnings = results(graph, shapes["recommended"], "Warning")
    print(f"{len(violations)} violations; {len(warnings)} warnings (shapes_recommended.ttl + deprecateduris.ttl)")
    print("\n".join(warnings))


def _first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


@pytest.mark.parametrize("broken", ["dataset without title", "distribution without accessURL",
                                    "licence not typed", "catalogue without publisher"])
def test_broken_catalogue_is_a_violation(shapes, broken):
    """Proves the shapes are applied: each defect gives a violation on that node and property."""
    graph = build_catalog(*sample())
    node, prop = {"dataset without title": (_first(graph, DCAT.Dataset), DCT.title),
                  "distribution without accessURL": (_first(graph, DCAT.Distribution), DCAT.accessURL),
                  "licence not typed": (URIRef(CC0), RDF.type),
                  "catalogue without publisher": (_first(graph, DCAT.Catalog), DCT.publisher)}[broken]
    graph.remove((node, prop, None))
    expected = {"licence not typed": (_first(graph, DCAT.Catalog), DCT.license)}.get(broken, (node, prop))
    violations = results(graph, shapes["mandatory"], "Violation")
    assert any(v.startswith(f"{expected[0]} | {expected[1]} |") for v in violations), "\n".join(violations)


def test_same_input_same_bytes(tmp_path):
    """Two builds, in this process and in fresh ones with other hash seeds, write identical files."""
    write_catalog(build_catalog(*sample()), tmp_path / "a")
    write_catalog(build_catalog(*sample()), tmp_path / "b")
    for seed in ("1", "2"):
        code = f"import sys; sys.path[:0] = {[str(REPO), str(REPO / 'tests')]!r}; " \
               f"from test_catalog import write_sample; write_sample({str(tmp_path / seed)!r})"
        subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": seed})
    for name in ("catalog.rdf", "catalog.ttl", "catalog.jsonld"):
        first = (tmp_path / "a" / name).read_bytes()
        assert first and all((tmp_path / run / name).read_bytes() == first for run in ("b", "1", "2")), name


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")  # raised inside rdflib's JSON-LD parser
def test_files_parse_back_to_the_same_graph(tmp_path):
    graph = build_catalog(*sample())
    rdf, ttl, jsonld = write_catalog(graph, tmp_path)
    assert [rdf.name, ttl.name, jsonld.name] == ["catalog.rdf", "catalog.ttl", "catalog.jsonld"]
    assert isomorphic(graph, Graph().parse(rdf, format="xml"))
    assert isomorphic(graph, Graph().parse(ttl, format="turtle"))
    assert isomorphic(graph, Graph().parse(jsonld, format="json-ld"))


def test_bilingual_typed_and_without_blank_nodes():
    catalog, datasets = sample()
    graph = build_catalog(catalog, datasets)
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)
    for node in [_first(graph, DCAT.Catalog), *graph.subjects(RDF.type, DCAT.Dataset)]:
        for prop in (DCT.title, DCT.description):
            assert {o.language for o in graph.objects(node, prop)} == {"sv", "en"}, (node, prop)
    assert all(o.language in ("sv", "en") for o in graph.objects(None, DCAT.keyword))
    assert set(graph.objects(None, VCARD.hasEmail)) == {URIRef("mailto:registrator@example.org")}
    assert {o.datatype for o in graph.objects(None, DCAT.byteSize)} == {XSD_NNI}
    first = datasets[0].distributions[0]
    checksum = graph.value(graph.value(predicate=DCAT.downloadURL, object=URIRef(first.url)), SPDX.checksum)
    assert graph.value(checksum, SPDX.checksumValue) == Literal(first.sha256.lower(), datatype=XSD_HEX)
    assert len(set(graph.subjects(RDF.type, DCAT.Distribution))) == 4


@pytest.mark.parametrize("change", [{"sha256": "abc"}, {"url": "data/trips.csv"}])
def test_bad_distribution_is_refused(change):
    catalog, datasets = sample()
    datasets[0].distributions[0] = replace(datasets[0].distributions[0], **change)
    with pytest.raises(ValueError, match="catalogue:"):
        build_catalog(catalog, datasets)


def test_base_url_must_end_with_slash():
    catalog, datasets = sample()
    with pytest.raises(ValueError, match="base_url"):
        build_catalog(replace(catalog, base_url=BASE.rstrip("/")), datasets)


PORTAL_ORG = URIRef("http://dataportal.se/organisation/SE2120000142")


def _blank_publisher(graph: Graph) -> None:
    blank = BNode()
    for p, o in list(graph.predicate_objects(PORTAL_ORG)):
        graph.add((blank, p, o))
    for s, p in list(graph.subject_predicates(PORTAL_ORG)):
        graph.add((s, p, blank))
    graph.remove((PORTAL_ORG, None, None))
    graph.remove((None, None, PORTAL_ORG))


SWEDISH_DEFECTS = {  # defect -> (change, what the violation must name)
    "publisher as a blank node": (_blank_publisher, "absolute"),
    "a catalogue record": (lambda g: g.add((URIRef(BASE + "record"), RDF.type, DCAT.CatalogRecord)), "CatalogRecord"),
    "publisher without type": (lambda g: g.remove((PORTAL_ORG, DCT.type, None)), "publisher's type"),
    "catalogue without licence": (lambda g: g.remove((_first(g, DCAT.Catalog), DCT.license, None)),
                                  "licence is mandatory"),
    "distribution without checksum": (lambda g: g.remove((_first(g, DCAT.Distribution), SPDX.checksum, None)),
                                      "SHA-256"),
    "distribution without byte size": (lambda g: g.remove((_first(g, DCAT.Distribution), DCAT.byteSize, None)),
                                       "byte size"),
    "dataset without spatial coverage": (lambda g: g.remove((_first(g, DCAT.Dataset), DCT.spatial, None)), "spatial"),
    "dataset without temporal coverage": (lambda g: g.remove((_first(g, DCAT.Dataset), DCT.temporal, None)),
                                          "temporal"),
    "organisation number beside another IRI": (lambda g: g.add((_first(g, DCAT.Catalog), DCT.publisher,
                                                               URIRef(BASE + "catalog.ttl#publisher"))), "SE<orgnr>"),
}


@pytest.mark.parametrize("defect", sorted(SWEDISH_DEFECTS))
def test_swedish_rules_catch_each_defect(shapes, defect):
    """Our DCAT-AP-SE shapes find each thing Sweden's data portal refuses (and the sample passes them)."""
    change, expected = SWEDISH_DEFECTS[defect]
    graph = build_catalog(*sample())
    assert results(graph, shapes["swedish"], "Violation") == []
    if defect == "organisation number beside another IRI":  # the same agent's identifier under a second IRI
        graph.add((URIRef(BASE + "catalog.ttl#publisher"), DCT.identifier, Literal("2120000142")))
        graph.add((URIRef(BASE + "catalog.ttl#publisher"), RDF.type, URIRef("http://xmlns.com/foaf/0.1/Agent")))
    change(graph)
    violations = results(graph, shapes["swedish"], "Violation")
    assert any(expected in v for v in violations), "\n".join(violations) or "no violation"


def test_publisher_identified_by_organisation_number_and_places_named():
    graph = build_catalog(*sample())
    assert graph.value(PORTAL_ORG, DCT.identifier) == Literal("2120000142")
    assert set(graph.objects(None, DCT.publisher)) == {PORTAL_ORG}
    places = set(graph.objects(_first(graph, DCAT.Dataset), DCT.spatial))
    assert places == {URIRef(EU + "country/SWE"), URIRef(BASE + "catalog.ttl#place-exempelkommunen")}
    catalog, datasets = sample()
    with pytest.raises(ValueError, match="organisation number"):
        build_catalog(replace(catalog, organisation_number="212000-0142"), datasets)
