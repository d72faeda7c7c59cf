"""The same site source built by each engine that reads mkdocs.yml: every record has its page in each."""

from __future__ import annotations

import html
import re

import pytest

from conftest import REPO, SAMPLE_DATA, run_portal
from test_site_build import page, sample_site  # noqa: F401


def _records():
    from generator.addresses import url_for
    from generator.validate import validated_dataset

    dataset = validated_dataset(SAMPLE_DATA)[1]
    for table in (dataset.trips, dataset.memberships, dataset.agreements, dataset.organisations, dataset.bodies,
                  dataset.people):
        for record in table.values():
            yield url_for(record)


@pytest.fixture(scope="module")
def default_titles(sample_site):  # noqa: F811
    """Each record page's h1, as the default engine's site has it."""
    return {url: re.search(r"<h1[^>]*>(.*?)</h1>", page(sample_site, url), re.S).group(1) for url in _records()}


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_every_record_has_its_page_with_each_engine(engine, tmp_path, default_titles):
    out = tmp_path / "site"
    result = run_portal("build", "--engine", engine, "--data", str(SAMPLE_DATA), "--out", str(out), cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(default_titles) > 40
    for url, title in default_titles.items():
        built = page(out, url)
        assert f">{title}</h1>" in built, (engine, url)
        assert "PORTALx" not in built and built.count("data-pagefind-body") == 1, (engine, url)
        assert f"<title>{html.unescape(re.sub('<[^>]+>', '', title))}" in html.unescape(built), (engine, url)
    assert (out / "pagefind" / "pagefind.js").is_file() and (out / "data" / "latest" / "costs.csv").is_file()
    assert "portal-search" in page(out, "") and "Tillgänglighetsredogörelse" in page(out, "")
    assert 'class="portal-language" href="en/" hreflang="en"' in page(out, "")  # the override, in MiniJinja too
    assert '<html lang="en"' in page(out, "en/") and 'href="../" hreflang="sv"' in page(out, "en/")


def test_an_engine_that_is_not_installed_says_how_to_install_it(monkeypatch):
    from generator import engines

    monkeypatch.setitem(engines.ENGINES, "zensical", engines.Engine("zensical", "no_such_engine_module", ("build",),
                                                                    engines.EXTRA))
    with pytest.raises(engines.BuildError, match=r"^the engine zensical is not installed: pip install -e '\.\[engines\]'$"):
        engines.engine("zensical")


def test_an_unknown_engine_is_a_usage_error():
    result = run_portal("build", "--engine", "hugo", "--data", str(SAMPLE_DATA), "--out", "/tmp/never", cwd=REPO)
    assert result.returncode == 2 and "invalid choice: 'hugo'" in result.stderr


def test_plugins_and_hooks_in_mkdocs_yml_are_refused_not_dropped(workdir):
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - search\n  - blog")
    (workdir / "mkdocs.yml").write_text(config + "hooks:\n  - hooks.py\n", encoding="utf-8")
    from generator import sitesource

    with pytest.raises(sitesource.BuildError, match="remove blog, hooks: the portal builds with any engine"):
        sitesource.engine_config(workdir / "mkdocs.yml", [], "sv")


def test_the_engine_runs_again_only_when_what_it_sees_changes(workdir, monkeypatch):
    """A change of data alone leaves the engine's source as it was: its output comes from the cache, checked."""
    from generator import engines, publish
    from generator.validate import validated_dataset

    runs = []
    start = engines.start
    monkeypatch.setattr(engines, "start", lambda *args: runs.append(args[1]) or start(*args))
    cache, data = workdir / "cache", workdir / "data"

    def build(out: str):
        publish.build_site(validated_dataset(data)[1], data, workdir / out, cache_dir=cache)
        return workdir / out

    first = build("first")
    assert len(runs) == 2  # one run per language
    trip = data / "trips/2016/2016-11-paris-oecd-inclusive-growth.yaml"
    trip.write_text(trip.read_text(encoding="utf-8").replace(
        "title: OECD:s möte om inkluderande tillväxt i städer, Paris", "title: Nytt namn på resan"), encoding="utf-8")
    second = build("second")
    assert len(runs) == 2  # the engine did not run
    assert ">Nytt namn på resan</h1>" in page(second, "resor/2016-11-paris-oecd-inclusive-growth/")
    entry = sorted((cache / "engine").iterdir())[0]
    damaged = next(entry.rglob("index.html"))
    damaged.write_bytes(damaged.read_bytes().replace(b"<html", b"<htm1", 1))
    third = build("third")
    assert len(runs) == 3  # a damaged entry is not used: the engine built that source again
    assert tree_of(third) == tree_of(second)
    (workdir / "content").mkdir()
    (workdir / "content" / "om.md").write_text("# Om\n\nText.\n", encoding="utf-8")
    publish.build_site(validated_dataset(data)[1], data, workdir / "fourth", content=workdir / "content",
                       cache_dir=cache)
    assert len(runs) >= 4 and "Text." in page(workdir / "fourth", "om/")
    assert tree_of(first) != tree_of(second)


def tree_of(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
