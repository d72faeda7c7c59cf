"""`portal serve` shows an edited trip's pages before the whole build: the very pages the build then makes, and
taken back when the build fails."""

from __future__ import annotations

import shutil
import time

from conftest import SAMPLE_DATA
from support.fixtures import browser  # noqa: F401
from test_site_serve import PARIS, PARIS_FILE, _get, _printed_since, _serving

TITLE = "title: OECD:s möte om inkluderande tillväxt i städer, Paris"
PAGES = [PARIS + "index.html", "en/" + PARIS + "index.html"]


def test_the_page_shown_first_is_the_page_the_build_makes_and_undo_puts_the_old_one_back(tmp_path):
    from generator import edited
    from generator.publish import validate_and_build

    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    served = tmp_path / "served"
    built = validate_and_build(data, served)
    before = {page: (served / page).read_bytes() for page in PAGES}
    trip = tmp_path / PARIS_FILE
    trip.write_text(trip.read_text(encoding="utf-8").replace(TITLE, "title: Ett nytt namn & en ny rubrik")
                    .replace("Second Meeting", "Andra mötet", 1), encoding="utf-8")
    assert "event: Andra mötet" in trip.read_text(encoding="utf-8")

    shown = edited.show(data, served, {trip, data / "people.yaml"}, built.layouts, None)
    assert shown is not None and sorted(p.relative_to(served).as_posix() for p in shown.before) == sorted(PAGES)
    first = {page: (served / page).read_bytes() for page in PAGES}
    assert all("Ett nytt namn &amp; en ny rubrik" in text.decode("utf-8") for text in first.values())
    validate_and_build(data, tmp_path / "whole")
    assert first == {page: (tmp_path / "whole" / page).read_bytes() for page in PAGES}  # byte for byte

    shown.undo()
    assert {page: (served / page).read_bytes() for page in PAGES} == before
    assert edited.show(data, served, {data / "people.yaml"}, built.layouts, None) is None  # no trip: the build says
    trip.write_text(trip.read_text(encoding="utf-8").replace("end_date: 2016-11-21", "end_date: 2016-11-20"),
                    encoding="utf-8")
    assert edited.show(data, served, {trip}, built.layouts, None) is None  # dates the page cannot show: the build says


def test_serve_shows_the_edited_page_first_and_takes_it_back_when_the_build_fails(tmp_path, browser):  # noqa: F811
    shutil.copytree(SAMPLE_DATA, tmp_path / "data")
    trip = tmp_path / PARIS_FILE
    good = trip.read_text(encoding="utf-8")
    with _serving(tmp_path) as (root, said):
        visit = browser.open(root + PARIS)
        visit.page.wait_for_function("performance.getEntriesByType('resource').some(e => e.name.includes('status'))")
        start = len(said)
        trip.write_text(good.replace(TITLE, "title: Först visad"), encoding="utf-8")
        printed = _printed_since(said, start, "Rebuilt in")
        assert printed.index("Showed the edited page") < printed.index("Rebuilt in"), printed
        assert "Först visad" in _get(root + PARIS)

        start = len(said)  # the loader reads it, the rules refuse it (a stated total unlike the lines): shown, taken back
        trip.write_text(good.replace(TITLE, "title: Aldrig publicerad").replace("total_sek: 24150", "total_sek: 99999"),
                        encoding="utf-8")
        printed = _printed_since(said, start, "Rebuild failed")
        assert "Showed the edited page" in printed and "total_sek" in printed, printed
        time.sleep(0.2)
        page = _get(root + PARIS)
        assert "Först visad" in page and "Aldrig publicerad" not in page
        visit.page.locator("#portal-build-failed").wait_for(timeout=60_000)  # the open page: the last good build
        assert visit.page.locator("h1").inner_text() == "Först visad"
        visit.close()
    assert "Traceback" not in "".join(said)
