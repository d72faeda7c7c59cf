"""Unknown is never none, and a total with unknown parts is shown one way: the known sum marked partial with its
coverage, on every page that shows it, in both languages, and in `portal diff`.

In the sample no municipality's year is fully reported (Malmö 2 of 9 bodies, Stockholm at most 2 of 6), so every
municipality figure with an amount must carry the mark, and a count or an emission of a year nothing was reported
for must read as unknown, never as "inga resor".
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import run_portal
from test_site_build import sample_site  # noqa: F401
from test_site_figures import tables

MARK = {"sv": "(ofullst.: ", "en": "(partial: "}
UNKNOWN = {"sv": "uppgift saknas", "en": "not reported"}
NONE = {"sv": "inga resor", "en": "no trips"}
NOTE = {"sv": "ofullst. = ofullständig", "en": "partial = the sum of what is known"}
PREFIX = {"sv": "", "en": "en/"}


def _rows(site: Path, url: str, caption_part: str) -> list[list[str]]:
    """The rows (texts) of the one table on the page whose caption holds `caption_part`."""
    [rows] = [rows for caption, rows in tables(site, url).items() if caption_part in caption]
    return [[text for text, _ in row] for row in rows]


def _column(rows: list[list[str]], header_part: str) -> dict[str, str]:
    """First cell of each row -> the cell under the header holding `header_part`."""
    [i] = [i for i, h in enumerate(rows[0]) if header_part in h]
    return {row[0]: row[i] for row in rows[1:]}


def _is_amount(text: str) -> bool:
    return any(unit in text for unit in ("kr", "SEK", "kg CO₂e")) and any(c.isdigit() for c in text)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_counts_and_emissions_of_unreported_years_are_unknown_not_none(sample_site, lang):  # noqa: F811
    p = PREFIX[lang]
    per_year = _rows(sample_site, f"{p}resor/", "Resor per år" if lang == "sv" else "Trips per year")
    climate = {row[0]: row[-1] for row in per_year[1:]}
    for year in ("2024", "2025", "2026"):  # Stockholm's bodies have not all reported, and it has no trips
        assert climate[year] == UNKNOWN[lang], (year, climate[year])
    assert MARK[lang] in climate["2016"]  # a trip in a year none of its bodies reported: the known sum, marked
    trips = "Resor, " if lang == "sv" else "Trips, "  # a column each: never added across the municipalities
    stockholm, malmo = (_column(per_year, trips + name) for name in ("Stockholms stad", "Malmö stad"))
    assert [stockholm[year] for year in ("2024", "2025", "2026")] == [UNKNOWN[lang]] * 3, stockholm
    assert malmo["2016"] == UNKNOWN[lang] and MARK[lang] in stockholm["2016"]  # 2016's trip is Stockholm's
    assert all(MARK[lang] in malmo[year] for year in ("2024", "2025", "2026")), malmo  # none fully reported

    body = "Kommunstyrelsen, Stockholms stad"
    [sums] = [rows for caption, rows in tables(sample_site, f"{p}klimat/").items() if "CO₂e" in caption and "DESNZ" not in caption]
    header = [text for text, _ in sums[0]]
    row = next([text for text, _ in r] for r in sums[1:] if r[0][0] == body)
    by_year = dict(zip(header, row))
    for year in ("2024", "2025", "2026"):
        assert by_year[year] == UNKNOWN[lang], (year, by_year[year])
    assert MARK[lang] in by_year["2016"] and MARK[lang] in row[-1]

    compare = _rows(sample_site, f"{p}jamforelse/", "Kommunerna jämförda" if lang == "sv" else "compared")
    stockholm = _column(compare, "Stockholm")
    for measure in (("Resor", "Trips"), ("Resenärer (olika personer)", "Travellers (different people)"),
                    ("Resornas klimatpåverkan (beräknad)", "The trips' climate impact (estimated)")):
        assert stockholm[measure[lang == "en"]] == UNKNOWN[lang], measure
    for page in ("resor/", "klimat/", "jamforelse/"):
        html = (sample_site / p / page / "index.html").read_text(encoding="utf-8")
        assert f">{NONE[lang]}<" not in html, page  # no body's year is a known none in the sample


MUNICIPALITY_TABLES = {  # page -> caption parts of the tables that add up a municipality's figures
    "": ("Nyckeltal för", "Kostnader per kategori och år"),
    "kostnader/": ("Kostnader per år,",),
    "kostnader/kategori/": ("Kostnader per kategori och år",),
    "kostnader/land/": ("Resekostnader per land och år",),
    "jamforelse/": ("Kommunerna jämförda", "Kostnader per år och kommun"),
    "resor/": ("Resor per år",),
}
MUNICIPALITY_TABLES_EN = {
    "": ("Key figures for", "Costs by category and year"),
    "kostnader/": ("Costs per year,",),
    "kostnader/kategori/": ("Costs by category and year",),
    "kostnader/land/": ("Trip costs by country and year",),
    "jamforelse/": ("compared", "Costs per year and municipality"),
    "resor/": ("Trips per year",),
}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_total_with_unknown_parts_is_marked_partial_with_its_coverage(sample_site, lang):  # noqa: F811
    p = PREFIX[lang]
    checked = 0
    for page, captions in (MUNICIPALITY_TABLES if lang == "sv" else MUNICIPALITY_TABLES_EN).items():
        found = tables(sample_site, p + page)
        html = (sample_site / p / page / "index.html").read_text(encoding="utf-8")
        assert NOTE[lang] in html, page  # the mark is explained where it is used
        chosen = [rows for caption, rows in found.items() if any(c in caption for c in captions)]
        assert chosen, (page, list(found))
        for rows in chosen:
            for row in rows[1:]:
                texts = [text for text, _ in row[1:]]
                partial = any(MARK[lang] in t for t in texts if "%" not in t)
                for text in texts:
                    if _is_amount(text) or (partial and text[:1] in "+-−0123456789" and "%" in text):
                        assert MARK[lang] in text, (page, row[0][0], text)  # never a bare figure
                        checked += 1
    assert checked > 60
    stockholm = _rows(sample_site, p + "kostnader/", "Stockholm")
    total = stockholm[-1][-1]  # the grand total beside the years Stockholm's bodies did not report
    wanted = "24 150 kr (ofullst.: 3 av 18 organår)" if lang == "sv" else "SEK 24,150 (partial: 3 of 18 body-years)"
    assert total.replace("\u00a0", " ") == wanted


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_change_in_percent_is_never_bare_between_partial_years(sample_site, lang):  # noqa: F811
    p = PREFIX[lang]
    key = _rows(sample_site, p, "Nyckeltal för Malmö" if lang == "sv" else "Key figures for Malmö")
    change = {row[0]: row[-1] for row in key[1:]}
    spent = change["Kostnader som kommunen betalat" if lang == "sv" else "Costs paid by the municipality"]
    # 2024 and 2025 were reported by the same 2 of 9 bodies: comparable, and marked as the sums are
    assert spent.replace("\u00a0", " ") == ("+19 % (ofullst.: 2 av 9 organ)" if lang == "sv"
                                            else "+19% (partial: 2 of 9 bodies)")


def _completeness(body: str, period: str) -> str:
    return (f"\n- body_id: {body}\n  period: {period}\n  status: nothing_to_report\n  reported_date: 2026-02-01\n"
            "  example: true\n")


def test_a_known_none_and_unequal_coverage(workdir):
    """Every Stockholm body reports 2025 (a known none: 'inga resor', 0 kr, not partial), and one more Malmö body
    reports 2025 than 2024 (the change between the years is not comparable)."""
    stockholm = ["stockholm-kommunfullmaktige", "stockholm-kommunstyrelsen", "stockholm-internationella-beredningen",
                 "stockholm-stadsledningskontoret"]
    with open(workdir / "data/completeness.yaml", "a", encoding="utf-8") as f:
        f.write("".join(_completeness(b, "2025") for b in stockholm + ["malmo-kulturforvaltningen"]))
    built = run_portal("build", "--out", str(workdir / "site"), "--no-cache", cwd=workdir)
    assert built.returncode == 0, built.stderr
    site = workdir / "site"
    for lang in ("sv", "en"):
        p = PREFIX[lang]
        per_year = _rows(site, f"{p}resor/", "Resor per år" if lang == "sv" else "Trips per year")
        assert {row[0]: row[-1] for row in per_year[1:]}["2025"] == NONE[lang]
        key = {row[0]: row[1:] for row in _rows(site, p, "Nyckeltal för Stockholm" if lang == "sv"
                                                 else "Key figures for Stockholm")[1:]}
        trips = key["Resor" if lang == "sv" else "Trips"]
        assert trips[1] == "0" and trips[0] == UNKNOWN[lang]  # 2025 a known zero, 2024 still unknown
        spent = key["Kostnader som kommunen betalat" if lang == "sv" else "Costs paid by the municipality"]
        assert spent[1].replace("\u00a0", " ") in ("0 kr", "SEK 0")  # complete: no mark
        malmo = {row[0]: row[-1] for row in _rows(site, p, "Nyckeltal för Malmö" if lang == "sv"
                                                   else "Key figures for Malmö")[1:]}
        # 2024: 2 of 9 bodies, 2025: 3 of 9: a change between them says nothing
        assert malmo["Kostnader som kommunen betalat" if lang == "sv" else "Costs paid by the municipality"] == \
            ("ej jämförbar" if lang == "sv" else "not comparable")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True)


def test_portal_diff_shows_unknown_as_a_dash_and_partial_sums_marked(workdir):
    """The only trip of Stockholm's 2016 goes: that year's sum was partial (none of its bodies reported 2016) and is
    now unknown, which the diff says as '–', never as 0."""
    _git(workdir, "init", "-q", "-b", "main")
    _git(workdir, "add", "data")
    _git(workdir, "commit", "-q", "-m", "sample")
    (workdir / "data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml").unlink()
    markdown = run_portal("diff", "main", cwd=workdir).stdout.splitlines()
    assert "| `stockholm 2016` | 24\u00a0150 (ofullst.: 0 av 6 organ) | – | – |" in markdown
    english = run_portal("diff", "main", "--lang", "en", cwd=workdir).stdout.splitlines()
    assert "| `stockholm 2016` | 24,150 (partial: 0 of 6 bodies) | – | – |" in english
    out = json.loads(run_portal("diff", "main", "--format", "json", cwd=workdir).stdout)
    assert out["totals"]["municipality_year"]["stockholm 2016"] == {
        "old": {"sek": 24150.0, "reported": 0, "of": 6}, "new": {"sek": None, "reported": 0, "of": 0}, "change": None}
