"""The catalogue written with the downloads conforms to the DCAT-AP 3.0.1 shapes and states the real files."""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef

from test_catalog import results, shapes  # noqa: F401  (the shapes fixture, parsed once)
from test_downloads_formats import downloads  # noqa: F401

SPDX = "http://spdx.org/rdf/terms#"
DCAT = "http://www.w3.org/ns/dcat#"


def test_catalogue_of_the_downloads_has_no_violations(downloads, shapes):  # noqa: F811
    graph = Graph().parse(downloads / "catalog.ttl", format="turtle")
    assert results(graph, shapes["mandatory"], "Violation") == []
    assert len(Graph().parse(downloads / "catalog.jsonld", format="json-ld")) == len(graph)


def test_distributions_state_the_files_sizes_and_checksums(downloads):  # noqa: F811
    graph = Graph().parse(downloads / "catalog.ttl", format="turtle")
    urls = [str(o) for o in graph.objects(None, URIRef(DCAT + "downloadURL"))]
    assert {u.rsplit("/", 1)[1] for u in urls} == {"portal.xlsx", "portal.zip", "portal.sqlite", "datapackage.json"}
    values = {str(o) for o in graph.objects(None, URIRef(SPDX + "checksumValue"))}
    sizes = {int(o) for o in graph.objects(None, URIRef(DCAT + "byteSize")) if isinstance(o, Literal)}
    for url in urls:
        path = downloads / url.split("portal.example.org/", 1)[1]
        assert hashlib.sha256(path.read_bytes()).hexdigest() in values
        assert path.stat().st_size in sizes
