"""`portal build` as a user runs it: the sample site, its links, determinism, atomic failure.

The sample site is built once per session (`sample_site`), by the CLI in a subprocess;
other site test modules import the fixture from here.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO, SAMPLE_DATA, SAMPLE_VERSION, run_portal

PARIS = "resor/2016-11-paris-oecd-inclusive-growth/"
RECORD_URL = re.compile(r"(resor/\d{4}|medlemskap|avtal|organisationer|organ|personer)/[a-z0-9-]+/$")
_built: dict[str, Path] = {}


def build_sample(tmp_path_factory) -> Path:
    """Build the sample data once per session (shared by every module that imports the fixture)."""
    if "site" not in _built:
        out = tmp_path_factory.mktemp("sample") / "site"
        result = run_portal("build", "--data", str(SAMPLE_DATA), "--out", str(out), cwd=REPO)
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith("Built "), result.stdout
        _built["site"] = out
    return _built["site"]


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


class _Links(HTMLParser):
    """Collects ids and the URLs a page points at (href and src)."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) is not None and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.links.append(attrs[key])


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the site's HTML that points nowhere."""
    parsed = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        parsed[path] = parser
    broken = []
    for path, parser in parsed.items():
        base = path.parent.relative_to(site).as_posix()
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            rel = unquote(parts.path)
            target = posixpath.normpath(rel.lstrip("/") if rel.startswith("/") else posixpath.join(base, rel)) \
                if rel else None
            file = path if target is None else site / target
            if file.is_dir():
                file = file / "index.html"
            if target is not None and (target.startswith("..") or not file.is_file()):
                broken.append(f"{path.relative_to(site)}: {link}")
            elif parts.fragment and file.suffix == ".html" and unquote(parts.fragment) not in parsed[file].ids:
                broken.append(f"{path.relative_to(site)}: {link} (no such anchor)")
    return broken


def test_every_kind_of_page_is_built(sample_site):
    for url in ("", "resor/", "resor/2016/", PARIS, "medlemskap/", "medlemskap/malmo-eurocities/", "avtal/",
                "avtal/malmo-newcastle-2003/", "organisationer/", "organisationer/oecd/", "organ/",
                "organ/stockholm-kommunstyrelsen/", "personer/", "personer/karin-wanngard/", "kostnader/",
                "kostnader/organ/", "kostnader/kategori/", "kostnader/land/", "kostnader/resenar/", "jamforelse/",
                "om-datan/", "tillganglighet/"):
        assert (sample_site / url / "index.html").is_file(), url
    assert (sample_site / "sok" / "index.html").is_file() and (sample_site / "pagefind" / "pagefind.js").is_file()
    assert (sample_site / "assets" / "portal" / "tables.js").is_file()


def test_numbers_and_dates_are_swedish(sample_site):
    html = page(sample_site, PARIS)
    assert "21 november 2016" in html
    assert "24\u00a0150\u00a0kr" in html or "24 150 kr" in html


def test_record_page_shows_id_citation_history_and_error_report(sample_site):
    html = page(sample_site, PARIS)
    assert "<code>2016-11-paris-oecd-inclusive-growth</code>" in html
    assert f"dataversion {SAMPLE_VERSION}. https://portal.example.org/resor/2016-11-paris-oecd-inclusive-growth/" in html
    assert "/commits/main/data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml" in html
    assert "/issues/new?title=Fel%20i%20posten%202016-11-paris-oecd-inclusive-growth" in html
    for fmt in ("json", "csv"):  # the record's own downloads, which the link checker proves exist
        assert f'href="../../data/records/trips/2016-11-paris-oecd-inclusive-growth.{fmt}" download' in html
    assert "mailto:registrator@example.org?subject=Fel%20i%20posten%202016-11-paris-oecd-inclusive-growth" in html
    assert "Dataversion%3A%20" + SAMPLE_VERSION in html  # the e-mail says which version the reader saw


def test_trip_page_links_to_everything_it_touches(sample_site):
    html = page(sample_site, PARIS)
    for target in ("organisationer/oecd/", "organ/stockholm-kommunstyrelsen/", "medlemskap/stockholm-champion-mayors/",
                   "personer/karin-wanngard/", "organ/stockholm-internationella-beredningen/"):
        assert f'href="../../{target}"' in html, target
    for orientation in ("Profilering", "Omvärldsbevakning", "Samverkan", "Påverkan"):
        assert f"<dt>{orientation}</dt>" in html


def test_example_data_is_flagged_only_where_shown(sample_site):
    assert "portal-example" in page(sample_site, PARIS)
    assert "portal-example" in page(sample_site, "")
    assert "portal-example" not in page(sample_site, "avtal/malmo-newcastle-2003/")


def test_protected_person_shows_only_the_role(sample_site):
    html = page(sample_site, "personer/exempel-skyddad-handlaggare/")
    assert '<h1 id="innehall">handläggare</h1>' in html
    assert "bara med sin roll" in html


def test_record_pages_stay_out_of_the_sidebar(sample_site):
    for url in ("", PARIS, "resor/2016/"):
        html = page(sample_site, url)
        sidebar = html.split('md-sidebar--primary', 1)[1].split('md-sidebar--secondary', 1)[0]
        hrefs = re.findall(r'href="([^"]+)"', sidebar)
        resolved = [posixpath.normpath(posixpath.join(url or ".", h)) + "/" for h in hrefs]
        assert not [h for h in resolved if RECORD_URL.search(h)], resolved


def test_every_page_links_the_accessibility_statement(sample_site):
    for path in sample_site.rglob("*.html"):
        assert "tillganglighet/" in path.read_text(encoding="utf-8"), path


def test_no_broken_internal_links_or_anchors(sample_site):
    assert broken_links(sample_site) == []


def test_link_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">no</a><a href="#x">no anchor</a>')
    (tmp_path / "a" / "index.html").write_text('<p id="x"><a href="../#x">no</a><a href="../index.html">ok</a></p>')
    assert broken_links(tmp_path) == ["a/index.html: ../#x (no such anchor)", "index.html: b/", "index.html: #x (no such anchor)"]


def test_nothing_loads_from_another_host(sample_site):
    """No external script, stylesheet or font in any page (links to other sites are fine)."""
    for path in sample_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'<(script|img|iframe)[^>]+src="(https?:)?//', html), path
        assert not re.search(r'<link[^>]+rel="(stylesheet|preconnect|preload)"[^>]+href="(https?:)?//', html), path
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path


def test_a_second_build_is_byte_identical_and_replaces_the_first(sample_site, tmp_path):
    out = tmp_path / "site"
    for _ in range(2):
        result = run_portal("build", "--data", str(SAMPLE_DATA), "--out", str(out), cwd=REPO)
        assert result.returncode == 0, result.stderr
    assert tree(out) == tree(sample_site)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging or old folders left


def test_pages_filled_into_the_engines_layout_are_what_the_engine_renders(sample_site, tmp_path, monkeypatch):
    """Record pages are filled into the layout the engine built once per kind: byte for byte its own pages."""
    from generator import publish, stamping
    from generator.validate import validated_dataset

    plan = stamping.plan
    monkeypatch.setattr(stamping, "plan", lambda generated, in_nav, stamp=True: plan(generated, in_nav, False))
    publish.build_site(validated_dataset(SAMPLE_DATA)[1], SAMPLE_DATA, tmp_path / "site")
    assert tree(tmp_path / "site") == tree(sample_site)


def test_most_record_pages_are_stamped_and_unlike_pages_fall_back_to_the_engine(sample_site, tmp_path, monkeypatch, capsys):
    """When two pages of a group come out of the engine unlike each other, the engine builds every page."""
    from generator import publish, sitesource, stamping
    from generator.render import pages
    from generator.validate import validated_dataset

    dataset = validated_dataset(SAMPLE_DATA)[1]
    rendered = pages.render(dataset, sitesource.site_info(), {}, "", [])
    swedish = {path: page for path, page in rendered.pages.items() if page.lang == "sv"}
    layout_plan = stamping.plan(swedish, publish._nav_paths(rendered.nav))
    assert len(layout_plan.stamped) >= 20
    assert not any(path in str(rendered.nav) for path in layout_plan.stamped)
    fill_built, calls = stamping.fill_built, []

    def first_group_unlike(site, generated, layout_plan, root, prefix="", previous=None):
        calls.append((prefix, len(layout_plan.stamped)))
        filled = fill_built(site, generated, layout_plan, root, prefix, previous)
        if len(calls) == 1:
            filled.untrusted.append(next(iter(layout_plan.groups)))
        return filled

    monkeypatch.setattr(stamping, "fill_built", first_group_unlike)
    publish.build_site(dataset, SAMPLE_DATA, tmp_path / "site")
    assert calls[:2] == [("", len(layout_plan.stamped)), ("", 0)] and calls[2][0] == "en/" and calls[2][1] > 20
    assert "every page is built by the engine instead" in capsys.readouterr().err
    assert tree(tmp_path / "site") == tree(sample_site)


def test_pages_rendered_and_stamped_in_two_processes_are_the_same(sample_site, tmp_path, monkeypatch):
    """From 2,000 trips, half the trip pages are rendered, and half the stamped pages written, by another process."""
    from generator import publish, stamping
    from generator.render import kept
    from generator.validate import validated_dataset

    monkeypatch.setattr(kept, "PARALLEL_FROM", 1)
    monkeypatch.setattr(stamping, "STAMP_IN_TWO_FROM", 1)
    publish.build_site(validated_dataset(SAMPLE_DATA)[1], SAMPLE_DATA, tmp_path / "site")
    assert tree(tmp_path / "site") == tree(sample_site)


def test_the_site_source_is_on_disk_and_every_page_has_a_pagefind_body(sample_site):
    """The search index covers the pages' bodies (never nav or footer), in fragments, from the site itself."""
    import json

    entry = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"sv", "en"}  # each language its own index, by the page's <html lang>
    for lang, folder in (("sv", sample_site), ("en", sample_site / "en")):
        assert entry["languages"][lang]["page_count"] >= len(list(folder.glob("resor/*/index.html"))) - 10
    trip = page(sample_site, PARIS)
    assert trip.count("data-pagefind-body") == 1 and "PORTALx" not in trip


def test_the_search_index_is_what_pagefind_makes_of_the_built_site(sample_site, tmp_path):
    """Pagefind reads copies of the page bodies while the build goes on: the index is the one the built pages give."""
    import json
    import subprocess
    import sys

    from generator import search

    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(sample_site), "--output-path",
                           str(tmp_path / "pagefind"), f"--include-characters={search.WORD_CHARACTERS}", "--silent"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    entry = tmp_path / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, ensure_ascii=False,
                                separators=(",", ":")), encoding="utf-8")
    built = tree(sample_site / "pagefind")
    assert len(built) > 20 and tree(tmp_path / "pagefind") == built


def test_bad_data_exits_1_with_the_validator_message_and_keeps_the_site(workdir):
    out = workdir / "site"
    assert run_portal("build", "--out", "site", cwd=workdir).returncode == 0
    before = tree(out)
    trip = workdir / "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
    trip.write_text(trip.read_text(encoding="utf-8").replace("organiser_id: oecd", "organiser_id: oecdd"), encoding="utf-8")
    result = run_portal("build", "--out", "site", cwd=workdir)
    assert result.returncode == 1
    validated = run_portal("validate", cwd=workdir)
    [error] = [line for line in validated.stdout.splitlines() if ": fel: " in line]
    assert error.startswith("data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml:4:15: fel:")
    assert error in result.stderr.splitlines()
    assert "Error: the data has errors; the site in site was not changed." in result.stderr
    assert tree(out) == before
    assert sorted(p.name for p in workdir.iterdir()) == [".cache", "data", "site"]  # the cache is kept, nothing else


def test_a_failing_step_after_the_engine_keeps_the_previous_site(workdir, monkeypatch):
    from generator import publish
    from generator.downloads import hooks
    from generator.validate import validated_dataset

    out = workdir / "site"
    report, dataset = validated_dataset(workdir / "data")
    publish.build_site(dataset, workdir / "data", out)
    before = tree(out)

    def broken_writer(dataset, site_dir, *rest):
        (site_dir / "half-written.csv").write_text("id\n")
        raise publish.BuildError("the downloads could not be written")

    monkeypatch.setattr(hooks, "post_build", broken_writer)
    with pytest.raises(publish.BuildError, match="downloads could not be written"):
        publish.build_site(dataset, workdir / "data", out)
    assert tree(out) == before
    assert sorted(p.name for p in workdir.iterdir()) == ["data", "site"]


def test_hand_written_pages_are_built_and_in_the_nav(workdir):
    from generator import publish
    from generator.validate import validated_dataset

    content = workdir / "content"
    content.mkdir()
    (content / "datakatalog.md").write_text("# Datakatalog\n\nSe [om datan](om.md).\n", encoding="utf-8")
    (content / "om.md").write_text("# Om\n\nText.\n", encoding="utf-8")
    publish.build_site(validated_dataset(workdir / "data")[1], workdir / "data", workdir / "site", content=content)
    assert 'href="../om/"' in page(workdir / "site", "datakatalog/")
    assert 'href="datakatalog/"' in page(workdir / "site", "")


@pytest.mark.parametrize("out", [".", "data", "notes"])
def test_build_refuses_to_replace_what_is_not_a_site(workdir, out):
    (workdir / "notes").mkdir()
    (workdir / "notes" / "todo.txt").write_text("keep me")
    result = run_portal("build", "--out", out, cwd=workdir)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and "choose another --out folder" in result.stderr
    assert (workdir / "notes" / "todo.txt").read_text() == "keep me"
    assert (workdir / "data" / "datapackage.yaml").is_file()


def test_a_mkdocs_warning_fails_the_build_and_keeps_the_site(workdir):
    from generator import publish
    from generator.validate import validated_dataset

    dataset = validated_dataset(workdir / "data")[1]
    publish.build_site(dataset, workdir / "data", workdir / "site")
    before = tree(workdir / "site")
    content = workdir / "content"
    content.mkdir()
    (content / "om.md").write_text("# Om\n\nSe [sidan som saknas](saknas.md).\n", encoding="utf-8")
    with pytest.raises(publish.BuildError, match=r"mkdocs failed:\nWARNING .*saknas\.md"):
        publish.build_site(dataset, workdir / "data", workdir / "site", content=content)
    assert tree(workdir / "site") == before


def test_a_file_that_did_not_change_is_not_written_again(workdir):
    """After one trip's title changed, every page and per-record file that came out the same is the previous build's
    file, linked (same inode, same date), and its changed page is a new file; the old site kept its bytes until the
    swap, so a reader of the old site never saw a half-written one."""
    from conftest import run_portal

    site = workdir / "site"
    assert run_portal("build", "--out", str(site), cwd=workdir).returncode == 0
    files = {p: (p.stat().st_ino, p.read_bytes()) for p in site.rglob("*") if p.is_file()}
    trip = workdir / "data" / "trips" / "2016" / "2016-11-paris-oecd-inclusive-growth.yaml"
    trip.write_text(trip.read_text(encoding="utf-8").replace("inkluderande tillväxt", "tillväxt för alla", 1),
                    encoding="utf-8")
    built = run_portal("build", "--out", str(site), cwd=workdir)
    assert built.returncode == 0, built.stderr
    changed = {p for p in site.rglob("*") if p.is_file() and (p not in files or p.read_bytes() != files[p][1])}
    relinked = {p for p in site.rglob("*") if p in files and p not in changed and p.stat().st_ino == files[p][0]}
    paris = site / "resor" / "2016-11-paris-oecd-inclusive-growth" / "index.html"
    assert paris in changed and paris.stat().st_ino != files[paris][0]
    for kind in ("resor/*/index.html", "en/resor/*/index.html", "organ/*/index.html", "data/records/trips/*.json",
                 "data/records/trips/*.csv"):
        same = {p for p in site.glob(kind) if p not in changed}
        assert same and same <= relinked, (kind, sorted(str(p) for p in same - relinked)[:3])
