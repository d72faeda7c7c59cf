"""The catalogue written with the downloads: DCAT-AP 3.0.1 and our DCAT-AP-SE shapes, and the real files.

Every version is a dataset, and every data file of a version one of its distributions,
with the size and SHA-256 of the bytes written (checked against the files themselves).
"""

from __future__ import annotations

import hashlib
import shutil

import pytest
import yaml
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from conftest import SAMPLE_DATA, SAMPLE_VERSION, run_portal
from test_catalog import results, shapes  # noqa: F401  (the shapes fixture, parsed once)
from test_downloads_formats import BASE_URL, downloads, write_downloads  # noqa: F401

SPDX = "http://spdx.org/rdf/terms#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
IANA = "http://www.iana.org/assignments/media-types/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


def _graph(site) -> Graph:
    return Graph().parse(site / "catalog.rdf", format="xml")


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")  # raised inside rdflib's JSON-LD parser
def test_catalogue_of_the_downloads_has_no_violations(downloads, shapes):  # noqa: F811
    graph = _graph(downloads)
    assert results(graph, shapes["mandatory"], "Violation") == []  # DCAT-AP 3.0.1 + dcat-ap-se.ttl
    assert isomorphic(graph, Graph().parse(downloads / "catalog.ttl", format="turtle"))
    assert len(Graph().parse(downloads / "catalog.jsonld", format="json-ld")) == len(graph)
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)
    assert not list(graph.subjects(RDF.type, URIRef(DCAT + "CatalogRecord")))


def test_every_file_of_every_version_is_a_distribution_with_size_and_checksum(downloads):  # noqa: F811
    graph = _graph(downloads)
    datasets = list(graph.subjects(RDF.type, URIRef(DCAT + "Dataset")))
    versions = {str(graph.value(d, URIRef(DCAT + "version"))): d for d in datasets}
    assert SAMPLE_VERSION in versions and len(versions) == len(datasets)
    for version, dataset in versions.items():
        folder = downloads / "data" / f"v{version}"
        listed = [line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text().splitlines()]
        expected = {name for name in listed if name != "portal.metadata.json"}
        assert "datadictionary.csv" in expected and "portal.xlsx" in expected and "tables/trips.json" in expected
        found = {}
        for dist in graph.objects(dataset, URIRef(DCAT + "distribution")):
            url = str(graph.value(dist, URIRef(DCAT + "downloadURL")))
            assert url.startswith(f"{BASE_URL}data/v{version}/")
            found[url.split(f"/v{version}/", 1)[1]] = dist
        assert set(found) == expected, version
        for name, dist in found.items():
            data = (folder / name).read_bytes()
            checksum = graph.value(dist, URIRef(SPDX + "checksum"))
            assert str(graph.value(checksum, URIRef(SPDX + "checksumValue"))) == hashlib.sha256(data).hexdigest()
            assert int(graph.value(dist, URIRef(DCAT + "byteSize"))) == len(data)
            media = str(graph.value(dist, URIRef(DCAT + "mediaType")))
            kind = str(graph.value(dist, URIRef(DCT + "format")))
            assert media.startswith(IANA) and kind.startswith(FILE_TYPE)
            assert {".csv": "text/csv", ".json": "application/json", ".xlsx": "spreadsheetml.sheet",
                    ".sqlite": "application/vnd.sqlite3", ".zip": "application/zip"}[name[name.rindex("."):]] in media


def test_versions_link_back_and_state_their_coverage(downloads):  # noqa: F811
    graph = _graph(downloads)
    datasets = set(graph.subjects(RDF.type, URIRef(DCAT + "Dataset")))
    previous = {d: graph.value(d, URIRef(DCAT + "previousVersion")) for d in datasets}
    first = [d for d in datasets if previous[d] is None]
    assert len(first) == 1 and set(previous.values()) - {None} <= datasets  # one chain, oldest first
    current = next(d for d in datasets if str(graph.value(d, URIRef(DCAT + "version"))) == SAMPLE_VERSION)
    chain = [current]
    while previous[chain[-1]] is not None:
        chain.append(previous[chain[-1]])
    assert set(chain) == datasets
    period = graph.value(current, URIRef(DCT + "temporal"))
    assert str(graph.value(period, URIRef(DCAT + "startDate"))) == "2016-11-21"  # the Paris trip, the earliest date
    names = {str(label) for place in graph.objects(current, URIRef(DCT + "spatial"))
             for label in graph.objects(place, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))}
    assert {"Stockholms stad", "Malmö stad", "Sverige"} <= names
    assert URIRef("http://publications.europa.eu/resource/authority/country/SWE") in set(
        graph.objects(current, URIRef(DCT + "spatial")))


def test_organisation_number_gives_the_portals_publisher_iri(tmp_path, shapes):  # noqa: F811
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    package = yaml.safe_load((data / "datapackage.yaml").read_text(encoding="utf-8"))
    package["publisher"]["organisation_number"] = "212000-0142"
    (data / "datapackage.yaml").write_text(yaml.safe_dump(package, allow_unicode=True), encoding="utf-8")
    graph = _graph(write_downloads(data, tmp_path / "site"))
    publisher = URIRef("http://dataportal.se/organisation/SE2120000142")
    assert set(graph.objects(None, URIRef(DCT + "publisher"))) == {publisher}
    assert graph.value(publisher, URIRef(DCT + "identifier")) == Literal("2120000142")
    assert results(graph, shapes["swedish"], "Violation") == []


def test_validate_refuses_a_wrong_organisation_number(workdir):
    path = workdir / "data" / "datapackage.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  email: registrator@example.org",
                                 "  email: registrator@example.org\n  organisation_number: 212000-0143"), encoding="utf-8")
    done = run_portal("validate", "--data", "data", "--lang", "en", cwd=workdir)
    assert done.returncode == 1 and "publisher.organisation_number" in done.stdout + done.stderr
    path.write_text(text.replace("  email: registrator@example.org",
                                 "  email: registrator@example.org\n  organisation_number: 212000-0142"), encoding="utf-8")
    done = run_portal("validate", "--data", "data", "--lang", "en", cwd=workdir)
    assert "organisation_number" not in done.stdout + done.stderr, done.stdout


def test_open_data_page_links_the_harvested_catalogue_and_the_dictionary():
    from generator.downloads.pages import downloads_markdown
    from generator.downloads.release import Release
    from generator.package import metadata

    package = yaml.safe_load((SAMPLE_DATA / "datapackage.yaml").read_text(encoding="utf-8"))
    page = downloads_markdown(Release(metadata(package), None, BASE_URL), "../")
    assert '<a href="../catalog.rdf">catalog.rdf</a>' in page
    assert '<a href="../data/latest/datadictionary.csv">datadictionary.csv</a>' in page
