"""The cache between builds: an entry that cannot be trusted is refused, deleted and made again,
and a build from a damaged cache is the same, byte for byte, as a build without one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE_DATA, run_portal
from generator.cache import ENTRIES, Cache, _checksum


def _entries(root: Path) -> dict[tuple[str, str], tuple]:
    with sqlite3.connect(root / ENTRIES) as db:
        return {(kind, key): (code, checksum, payload)
                for kind, key, code, checksum, payload in db.execute("SELECT * FROM entries")}


def _set(root: Path, kind: str, key: str, code: str, checksum: str, payload: bytes) -> None:
    db = sqlite3.connect(root / ENTRIES)
    with db:
        db.execute("UPDATE entries SET code = ?, checksum = ?, payload = ? WHERE kind = ? AND key = ?",
                   (code, checksum, payload, kind, key))
    db.close()


def _flip(data: bytes) -> bytes:
    return data[:5] + bytes([data[5] ^ 0x01]) + data[6:]


DAMAGE = {
    "flipped": lambda code, checksum, payload, other: (code, checksum, _flip(payload)),
    "truncated": lambda code, checksum, payload, other: (code, checksum, payload[: len(payload) // 2]),
    "another entry's": lambda code, checksum, payload, other: other,
    "stale": lambda code, checksum, payload, other: ("0" * 64, _checksum("rows", "a", "0" * 64, payload), payload),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_an_entry_that_cannot_be_trusted_is_refused_and_deleted(tmp_path, damage):
    with Cache(tmp_path) as cache:
        cache.put("rows", "a", b"the rows of file a")
        cache.put("rows", "b", b"the rows of file b")
    with Cache(tmp_path) as cache:
        assert cache.get("rows", "a") == b"the rows of file a"
    stored = _entries(tmp_path)
    _set(tmp_path, "rows", "a", *DAMAGE[damage](*stored[("rows", "a")], stored[("rows", "b")]))
    with Cache(tmp_path) as cache:
        assert cache.get("rows", "a") is None
        assert cache.get("rows", "b") == b"the rows of file b"
    assert list(_entries(tmp_path)) == [("rows", "b")]  # deleted when the cache was closed
    with Cache(tmp_path) as cache:
        cache.put("rows", "a", b"the rows of file a")
    with Cache(tmp_path) as cache:
        assert cache.get("rows", "a") == b"the rows of file a"


def test_a_damaged_entries_file_is_deleted_and_the_build_goes_on(tmp_path):
    with Cache(tmp_path) as cache:
        cache.put("rows", "a", b"payload")
    (tmp_path / ENTRIES).write_bytes(b"not a database " * 500)
    with Cache(tmp_path) as cache:
        assert cache.get("rows", "a") is None
        cache.put("rows", "a", b"payload")
    with Cache(tmp_path) as cache:
        assert cache.get("rows", "a") == b"payload"


def test_a_cache_folder_that_cannot_be_made_is_left_out_with_one_warning(tmp_path):
    (tmp_path / "a-file").write_text("")
    with pytest.warns(UserWarning, match="is not used") as warned:
        with Cache(tmp_path / "a-file" / "cache") as cache:
            assert cache.get("rows", "a") is None and cache.get("rows", "b") is None
            cache.put("rows", "a", b"payload")
            cache.put_folder("versions", "v1", tmp_path, [tmp_path / "a-file"])
            assert cache.get_folder("versions", "v1", tmp_path / "out") is None
    assert len(warned) == 1


def test_a_folder_entry_with_a_changed_missing_or_added_file_is_refused(tmp_path):
    source = tmp_path / "source"
    (source / "tables").mkdir(parents=True)
    files = [source / "a.csv", source / "tables" / "b.json"]
    files[0].write_text("id\n1\n")
    files[1].write_text("[]")
    root = tmp_path / "cache"
    with Cache(root) as cache:
        cache.put_folder("versions", "v1", source, files)
    with Cache(root) as cache:
        got = cache.get_folder("versions", "v1", tmp_path / "out")
    assert [p.relative_to(tmp_path / "out").as_posix() for p in got] == ["a.csv", "tables/b.json"]
    assert (tmp_path / "out" / "a.csv").read_text() == "id\n1\n"
    kept = root / "versions" / "v1"
    for damage in (lambda: (kept / "a.csv").write_text("id\n2\n"), lambda: (kept / "a.csv").unlink(),
                   lambda: (kept / "extra.csv").write_text("x")):
        with Cache(root) as cache:
            cache.put_folder("versions", "v1", source, files)
        damage()
        with Cache(root) as cache:
            assert cache.get_folder("versions", "v1", tmp_path / f"out-{id(damage)}") is None
        assert not kept.exists() and ("versions", "v1") not in _entries(root)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_build_from_a_damaged_cache_rebuilds_it_and_equals_a_build_without_one(tmp_path):
    """The sample in this repository: its published versions' downloads and every data file are cached."""
    cache = tmp_path / "cache"

    def build(out: str, *options: str) -> dict[str, bytes]:
        done = run_portal("build", "--data", str(SAMPLE_DATA), "--out", str(tmp_path / out), *options, cwd=REPO)
        assert done.returncode == 0, done.stdout + done.stderr
        return _tree(tmp_path / out)

    without = build("plain", "--no-cache")
    assert build("first", "--cache-dir", str(cache)) == without
    entries = _entries(cache)
    rows = sorted(key for kind, key in entries if kind == "rows")
    versions = sorted(key for kind, key in entries if kind == "versions")
    assert len(rows) > 20 and len(versions) >= 2  # every data file, every published version but the current one
    read = sorted(key for kind, key in entries if kind == "versions-read")
    assert len(read) == len(versions)  # each published version's data, read and checked once
    _set(cache, "versions-read", read[0], *entries[("versions-read", read[1])])
    first, second, third = rows[:3]
    _set(cache, "rows", first, *DAMAGE["flipped"](*entries[("rows", first)], None))
    _set(cache, "rows", second, *DAMAGE["truncated"](*entries[("rows", second)], None))
    _set(cache, "rows", third, *entries[("rows", rows[3])])
    kept = cache / "versions" / versions[0] / "portal.xlsx"
    damaged = _flip(kept.read_bytes())
    kept.unlink()  # not written in place: the first site holds the same file (a hard link)
    kept.write_bytes(damaged)

    assert build("second", "--cache-dir", str(cache)) == without
    remade = _entries(cache)
    assert remade.keys() == entries.keys()  # each damaged entry made again, as it was (a version's data as read
    assert {k: v for k, v in remade.items() if k[0] != "versions-read"} == \
        {k: v for k, v in entries.items() if k[0] != "versions-read"}  # name the temporary folder it was read from)
    with Cache(cache) as again:
        assert again.get("versions-read", read[0]) is not None  # the one copied over it was replaced
    assert kept.read_bytes() != damaged
    assert build("third", "--cache-dir", str(cache)) == without


def test_a_published_version_is_read_and_checked_once_then_taken_from_the_cache(tmp_path, monkeypatch):
    """Its data never change: a later build (a new process, hence the cleared memo) does not check it again."""
    import importlib

    from generator.published import published_versions

    versions = importlib.import_module("generator.downloads.versions")
    found = published_versions(SAMPLE_DATA)
    assert found, "the sample has published versions"
    first = versions._at_commit(SAMPLE_DATA.resolve(), found[0].commit, found[0].date, tmp_path)
    versions._at_commit.cache_clear()

    def read_again(*args):
        raise AssertionError("read and checked again")

    monkeypatch.setattr(versions, "_read_at", read_again)
    again = versions._at_commit(SAMPLE_DATA.resolve(), found[0].commit, found[0].date, tmp_path)
    versions._at_commit.cache_clear()
    assert again is not None and first is not None
    assert again[0].tables.keys() == first[0].tables.keys()
    assert {t: [r.values for r in rows] for t, rows in again[0].tables.items()} == \
        {t: [r.values for r in rows] for t, rows in first[0].tables.items()}
    assert again[1].trips.keys() == first[1].trips.keys()


def test_what_geonames_said_of_the_same_places_is_kept_between_builds(tmp_path, monkeypatch):
    """One pass over GeoNames' 34,000 cities is most of checking a small data folder: a later build asking the same
    places (a new process: an empty memo) takes the answers from the cache, the same answers."""
    from generator import geo

    asked = [("Paris", "FR"), ("Bryssel", "BE"), ("Ingenstans", "SE")]
    monkeypatch.setattr(geo, "_found", {})
    geo.locate(asked, tmp_path)
    first = {place: geo._found[geo._key(*place)] for place in asked}
    assert first[("Paris", "FR")] is not None and first[("Ingenstans", "SE")] is None

    def search_again(wanted):
        raise AssertionError("GeoNames read again")

    monkeypatch.setattr(geo, "_found", {})
    monkeypatch.setattr(geo, "_search", search_again)
    geo.locate(asked, tmp_path)
    assert {place: geo._found[geo._key(*place)] for place in asked} == first
    with pytest.raises(AssertionError, match="read again"):  # other places: GeoNames is read
        geo.locate([("Oslo", "NO")], tmp_path)


def test_a_version_git_cannot_give_this_time_is_skipped_but_not_remembered(tmp_path, monkeypatch):
    """A failed `git archive` (a partial clone offline) says nothing of the version's data: the next build tries."""
    import importlib

    from generator.history import GitError
    from generator.published import published_versions

    versions = importlib.import_module("generator.downloads.versions")
    found = published_versions(SAMPLE_DATA)[0]
    real = versions.extract

    def fails(*args):
        raise GitError("git archive failed")

    from generator.downloads.release import Release
    from generator.package import Metadata

    from generator.loader import load

    tree = versions.Version(Release(Metadata(version="99.0.0"), None, "https://example.org/"), None, load(SAMPLE_DATA), None)
    monkeypatch.setattr(versions, "extract", fails)
    with pytest.warns(UserWarning, match="is skipped"):
        skipped = versions.versions(tree, SAMPLE_DATA, "https://example.org/", tmp_path)
    assert found.version not in [v.release.version for v in skipped]
    monkeypatch.setattr(versions, "extract", real)  # the same process (portal serve), the same cache: tried again
    again = versions.versions(tree, SAMPLE_DATA, "https://example.org/", tmp_path)
    versions._at_commit.cache_clear()
    assert found.version in [v.release.version for v in again]


def test_a_process_that_remembers_reads_again_only_the_files_that_changed(tmp_path, monkeypatch):
    """`portal serve` loads after every save: the rows of a file whose bytes are the same are the ones read before,
    a changed file is read again, a removed one is forgotten, and the result is what a fresh load gives."""
    import shutil

    from generator import loader

    monkeypatch.setattr(loader, "_memory", None)
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    loader.remember()
    first = loader.load(data)
    trip = next(data.glob("trips/2016/*.yaml"))
    trip.write_text(trip.read_text(encoding="utf-8").replace("title: ", "title: Ny ", 1), encoding="utf-8")
    gone = sorted(data.glob("trips/2025/*.yaml"))[0]
    gone.unlink()
    reads = []
    monkeypatch.setattr(loader, "_read_file", lambda *args, real=loader._read_file: reads.append(args[2]) or real(*args))
    second = loader.load(data)
    assert reads == [loader.display_path(trip)]  # only the changed file was read
    before = {row.values["id"]: row for row in first.tables["bodies"]}
    assert all(row is before[row.values["id"]] for row in second.tables["bodies"])  # the same objects, not copies
    monkeypatch.setattr(loader, "_memory", None)
    fresh = loader.load(data)
    assert {name: [(r.values, r.file, r.pos, r.positions) for r in rows] for name, rows in second.tables.items()} == \
        {name: [(r.values, r.file, r.pos, r.positions) for r in rows] for name, rows in fresh.tables.items()}
    assert second.problems == fresh.problems
    assert not any(row.file == loader.display_path(gone) for row in second.tables["trips"])


def test_a_trip_is_rendered_again_only_when_what_its_pages_read_changed(tmp_path, monkeypatch):
    """Kept pages (`render/kept.py`): nothing is rendered on a second build of the same data; renaming a body renders
    again exactly its trips, and what comes out equals a render without the cache."""
    from generator import sitesource
    from generator.render import pages
    from generator.validate import validated_dataset

    rendered: list[str] = []
    render = pages.trip_pages
    monkeypatch.setattr(pages, "trip_pages", lambda trips, *rest: rendered.extend(t.id for t in trips) or
                        render(trips, *rest))
    dataset, site = validated_dataset(SAMPLE_DATA)[1], sitesource.site_info()
    first = pages.render(dataset, site, {}, cache_dir=tmp_path).pages
    assert sorted(rendered) == sorted(dataset.trips) and len(rendered) > 5
    rendered.clear()
    assert pages.render(dataset, site, {}, cache_dir=tmp_path).pages == first and rendered == []
    body = next(t.body for t in dataset.trips.values())
    body.name = "Nämnden med nytt namn"
    again = pages.render(dataset, site, {}, cache_dir=tmp_path).pages
    assert sorted(rendered) == sorted(t.id for t in dataset.trips.values() if t.body is body)
    assert again == pages.render(dataset, site, {}).pages
    assert "Nämnden med nytt namn" in again[f"resor/{rendered[0]}.md"].html
