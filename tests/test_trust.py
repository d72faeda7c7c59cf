"""Numbers a reader can trust: completeness and nil returns, unknown never shown as zero,
stale states, and the principle checks in public.

The rules are checked through `validate` on a copy of the sample; pages and
downloads through `portal build` in a subprocess, as a user runs it.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sqlite3
from pathlib import Path


from conftest import TODAY, run_portal
from generator.validate import validate
from test_site_build import page, sample_site  # noqa: F401

DAY = dt.date.fromisoformat(TODAY)
ICLEI = "medlemskap/malmo-iclei/"  # a membership without fee data
PARIS = Path("data/trips/2016/2016-11-paris-oecd-inclusive-growth.yaml")


def codes(data: Path, today: dt.date = DAY) -> list[str]:
    report, _ = validate(data, today)
    return [p.code for p in report.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- rules ---------------------------------------------------------------------------------------

def test_a_planned_trip_whose_end_has_passed_is_a_warning(workdir):
    data = workdir / "data"
    trip = data / "trips/2026/2026-06-eurocities-forum.yaml"
    assert "trip-planned-past" not in codes(data, dt.date(2026, 6, 12))  # the day it ends: not yet stale
    assert "trip-planned-past" in codes(data, dt.date(2026, 6, 13))
    edit(trip, "status: planned", "status: completed")
    assert "trip-planned-past" not in codes(data, dt.date(2026, 6, 13))


def test_a_cost_line_preliminary_longer_than_the_configured_days_is_a_warning(workdir):
    data = workdir / "data"

    def stale(day: dt.date) -> list:
        report, _ = validate(data, day)
        return [p for p in report.problems if p.code == "cost-preliminary-overdue" and "bryssel-regions" in p.file]

    ended = dt.date(2025, 10, 15)  # the trip's end: its preliminary lines count from there
    assert stale(ended + dt.timedelta(days=90)) == []
    found = stale(ended + dt.timedelta(days=91))
    assert len(found) == 2 and {(p.severity, p.field) for p in found} == {("warning", "status")}
    edit(data / "datapackage.yaml", "preliminary_due_days: 90", "preliminary_due_days: 400")
    assert stale(ended + dt.timedelta(days=91)) == []


def test_periods_follow_the_configured_granularity(workdir):
    data = workdir / "data"
    edit(data / "datapackage.yaml", "completeness_period: year", "completeness_period: quarter")
    assert codes(data).count("completeness-period") == 7  # every sample line is a year
    (data / "completeness.yaml").write_text("- body_id: malmo-stadskontoret\n  period: 2025-Q2\n  status: complete\n"
                                            "- body_id: malmo-stadskontoret\n  period: 2025-H1\n  status: complete\n",
                                            encoding="utf-8")
    assert codes(data).count("completeness-period") == 1
    edit(data / "datapackage.yaml", "completeness_period: quarter", "completeness_period: month")
    assert "completeness-period-setting" in codes(data)


def test_a_nil_return_for_a_period_with_trips_is_an_error(workdir):
    data = workdir / "data"
    (data / "completeness.yaml").write_text("- body_id: stockholm-kommunstyrelsen\n  period: 2016\n"
                                            "  status: nothing_to_report\n", encoding="utf-8")
    report, _ = validate(data, DAY)
    [problem] = [p for p in report.errors]
    assert problem.code == "nil-return-contradicted" and problem.line == 3
    assert "2016" in problem.message("en")


def test_completeness_is_checked_like_every_resource(workdir):
    data = workdir / "data"
    (data / "completeness.yaml").write_text("- body_id: malmo-stadskontort\n  period: 2025\n  status: done\n"
                                            "- body_id: malmo-kommunstyrelsen\n  period: 2024\n  status: complete\n",
                                            encoding="utf-8")
    report, _ = validate(data, DAY)
    found = {(p.code, p.line, p.field) for p in report.errors}
    assert ("foreign-key", 1, "body_id") in found and ("enum", 3, "status") in found
    assert any(p.params.get("suggestion") == "malmo-stadskontoret" for p in report.errors)


def test_staff_cannot_write_a_computed_total(workdir):
    edit(workdir / PARIS, "total_sek: 24150", "total_sek: 24150\ntotal_sek_computed: 24150")
    assert "unknown-key" in codes(workdir / "data")


# --- pages: unknown is never zero ------------------------------------------------------------------

def test_a_membership_without_fee_data_shows_no_zero(sample_site):  # noqa: F811
    html = page(sample_site, ICLEI)
    assert "uppgift saknas" in html
    assert not re.search(r"(?<![0-9\u00a0])0\u00a0kr", html)
    index = page(sample_site, "medlemskap/")
    [row] = [_texts(r) for r in re.findall(r"<tr[^>]*>(.*?)</tr>", index, re.S) if 'href="malmo-iclei/"' in r]
    assert "uppgift saknas" in row and not [cell for cell in row if cell.startswith("0\u00a0kr")], row


def test_a_free_membership_reads_as_zero_and_a_trip_without_lines_as_unknown(workdir):
    data = workdir / "data"
    edit(data / "memberships/malmo-iclei.yaml", "status: active", "status: active\nfree: true")
    trip = data / "trips/2024/2024-06-bryssel-green-week.yaml"
    text = trip.read_text(encoding="utf-8")
    trip.write_text(text[:text.index("costs:")] + text[text.index("report_date:"):], encoding="utf-8")
    result = run_portal("build", "--out", "site", cwd=workdir)
    assert result.returncode == 0, result.stderr
    site = workdir / "site"
    html = page(site, ICLEI)
    assert "Medlemskapet är avgiftsfritt." in html and "0\u00a0kr" in html and "uppgift saknas" not in html
    trip_html = page(site, "resor/2024-06-bryssel-green-week/")
    assert "<dd>uppgift saknas</dd>" in trip_html  # Kostnad för kommunen
    latest = site / "data/latest"
    with open(latest / "trips.csv", encoding="utf-8", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    assert rows["2024-06-bryssel-green-week"]["total_sek_computed"] == ""
    assert rows["2024-11-lissabon-eurocities-agm"]["total_sek_computed"] == "25700"  # as amounts are written
    with open(latest / "membership_fees.csv", encoding="utf-8", newline="") as f:
        fees = {(r["membership_id"], r["year"]): r for r in csv.DictReader(f)}
    assert fees[("malmo-iclei", "2025")]["fee_sek_computed"] == "0" and fees[("malmo-iclei", "2025")]["fee_status"] == "free"
    assert fees[("malmo-healthy-cities", "2025")]["fee_sek_computed"] == ""
    assert fees[("malmo-eurocities", "2025")]["fee_sek_computed"] == "186500"
    db = sqlite3.connect(latest / "portal.sqlite")
    try:
        assert db.execute("SELECT total_sek_computed FROM trips WHERE id = '2024-06-bryssel-green-week'").fetchone() == (None,)
        assert db.execute("SELECT fee_sek_computed, fee_status FROM membership_fees "
                          "WHERE membership_id = 'malmo-healthy-cities' AND year = 2025").fetchone() == (None, "unknown")
        assert db.execute("SELECT fee_sek_computed FROM membership_fees "
                          "WHERE membership_id = 'malmo-iclei' AND year = 2025").fetchone() == (0.0,)
        assert db.execute("SELECT count(*) FROM completeness").fetchone() == (7,)
    finally:
        db.close()
    import openpyxl

    sheet = openpyxl.load_workbook(latest / "portal.xlsx")["trips"]
    header, *body = [[c.value for c in row] for row in sheet.iter_rows()]
    [row] = [r for r in body if r[0] == "2024-06-bryssel-green-week"]
    assert row[header.index("total_sek_computed")] is None


def test_downloads_carry_computed_totals_for_every_trip(sample_site):  # noqa: F811
    latest = sample_site / "data/latest"
    with open(latest / "trips.csv", encoding="utf-8", newline="") as f:
        trips = list(csv.DictReader(f))
    with open(latest / "costs.csv", encoding="utf-8", newline="") as f:
        costs = list(csv.DictReader(f))
    for trip in trips:
        lines = [c for c in costs if c["trip_id"] == trip["id"]]
        assert float(trip["total_sek_computed"]) == sum(float(c["amount_sek"]) for c in lines)  # what total_sek must be
        assert float(trip["municipality_sek_computed"]) == sum(float(c["amount_sek"]) for c in lines if c["paid_by_body_id"])
        if trip["total_sek"]:
            assert float(trip["total_sek"]) == float(trip["total_sek_computed"])
    assert sum(float(t["municipality_sek_computed"]) for t in trips) == 167650
    import json

    package = json.loads((latest / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert "completeness" in names and "membership_fees" in names
    dictionary = (sample_site / "oppna-data/dataordbok/index.html").read_text(encoding="utf-8")
    assert "<code>completeness</code>" in dictionary and "<code>total_sek_computed</code>" in dictionary


# --- completeness and principles pages -----------------------------------------------------------

def test_completeness_page_shows_nil_returns_missing_and_preliminary_reports(sample_site):  # noqa: F811
    html = page(sample_site, "fullstandighet/")
    for malmo_row in [r for r in html.split("<tr>") if ">Kulturförvaltningen<" in r]:
        assert "Ej rapporterat" in malmo_row and "Komplett" not in malmo_row
    [environment] = [r for r in html.split("<tr>") if ">Miljö- och hälsoskyddsnämnden<" in r]
    assert environment.count("Inget att rapportera") == 2
    [office] = [r for r in html.split("<tr>") if ">Stadskontoret<" in r]
    assert "Preliminär" in office and "Komplett" in office
    assert "Logi och traktamente för Bryssel i oktober är inte slutligt bokförda." in html
    start = page(sample_site, "")
    assert "2 av 6 organ har rapporterat för 2025" in start  # Stockholm, beside its totals
    assert "2 av 9 organ har rapporterat för 2025, 2 av dem preliminärt" in start  # Malmö


def test_principles_page_lists_the_validators_warnings_linked_to_their_records(sample_site):  # noqa: F811
    from generator import rules
    from generator.history import last_changes
    from conftest import SAMPLE_DATA

    day = max(c.date for c in last_changes(SAMPLE_DATA).values())
    report, _ = validate(SAMPLE_DATA, day)
    wanted = [p for p in report.warnings if p.code in rules.PRINCIPLES + rules.FOLLOW_UP]
    html = {m: page(sample_site, f"principer/{m}/") for m in ("malmo", "stockholm")}
    for problem in wanted:
        record_id = Path(problem.file).stem
        municipality = "stockholm" if record_id.startswith("stockholm") or "2016-11-paris" in record_id else "malmo"
        assert problem.message("sv") in html[municipality], problem
        assert re.search(rf'href="[./]*(medlemskap|avtal|resor)/{record_id}/"', html[municipality]), record_id
    assert len(wanted) >= 5 and "Inga avvikelser" not in html["malmo"]


def test_charts_draw_an_unknown_figure_as_a_gap_said_in_words():
    from generator.render.charts import Series, bar_chart, horizontal_bar_chart

    svg = bar_chart(["2024", "2025"], [Series("Resor", [1000, None]), Series("Avgifter", [0, None])],
                    title="t", description="d", id_prefix="gap")
    assert svg.count('class="bar"') == 1 and svg.count("uppgift saknas") == 1
    ranking = horizontal_bar_chart(["Känt", "Noll", "Okänt"], [500, 0, None], title="t", description="d", id_prefix="gap")
    assert ranking.count('class="bar"') == 1 and "uppgift saknas" in ranking and "0\u00a0kr" in ranking


def test_quarterly_reporting_counts_a_year_once_every_quarter_is_in(workdir):
    data = workdir / "data"
    edit(data / "datapackage.yaml", "completeness_period: year", "completeness_period: quarter")
    lines = "".join(f"- body_id: stockholm-business-region\n  period: 2025-Q{q}\n  status: nothing_to_report\n"
                    for q in (1, 2, 3, 4))
    lines += "- body_id: stockholm-miljo-och-halsoskyddsnamnden\n  period: 2025-Q1\n  status: nothing_to_report\n"
    (data / "completeness.yaml").write_text(lines, encoding="utf-8")
    result = run_portal("build", "--out", "site", cwd=workdir)
    assert result.returncode == 0, result.stderr
    html = page(workdir / "site", "fullstandighet/")
    assert ">2025-Q4</th>" in html and ">2025-Q1</th>" in html
    [environment] = [r for r in html.split("<tr>") if ">Miljö- och hälsoskyddsnämnden<" in r]
    assert environment.count("Inget att rapportera") == 1
    assert "1 av 6 organ har rapporterat för 2025" in page(workdir / "site", "")  # three quarters missing: not reported


def _texts(row: str) -> list[str]:
    """A table row's cells (header and data), as text."""
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]


def _rows(html: str, caption: str) -> list[list[str]]:
    """The rows of the table with this caption (its first words), each as its cells' text."""
    table = html[html.index(f"<caption>{caption}"):]
    table = table[table.index("<tbody>"):table.index("</table>")]
    return [_texts(r) for r in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]


def _cells(html: str, caption: str) -> dict[str, str]:
    """A two-column table's rows: first cell -> second cell's text."""
    table = html[html.index(f"<caption>{caption}</caption>"):]
    table = table[:table.index("</table>")]
    return {re.sub(r"<[^>]+>", "", a).strip(): re.sub(r"<[^>]+>", "", b).strip()
            for a, b in re.findall(r"<tr><th[^>]*>(.*?)</th><td[^>]*>(.*?)</td>", table)}


def test_cost_per_traveller_is_unknown_when_the_cost_or_the_travellers_are(workdir):
    """A trip without cost lines, one without participants of its municipality, one with a guest from another
    municipality, and a municipality without a population: each unknown reads uppgift saknas and is empty in trips.csv,
    never 0, and an average counts only the trips whose cost and travellers are both known."""
    data = workdir / "data"
    green = data / "trips/2024/2024-06-bryssel-green-week.yaml"
    text = green.read_text(encoding="utf-8")
    green.write_text(text[:text.index("costs:")] + text[text.index("report_date:"):], encoding="utf-8")
    edit(data / "trips/2025/2025-03-cannes-mipim.yaml", "participants:\n  - person_id: exempel-kontaktperson-malmo\n"
         "    role: deltagare\n  - person_id: exempel-skyddad-handlaggare\n    role: deltagare\n",
         "participants:\n  - person_id: karin-wanngard\n")  # only a guest from Stockholm
    edit(data / "trips/2024/2024-11-lissabon-eurocities-agm.yaml", "participants:\n",
         "participants:\n  - person_id: magnus-ljungkvist\n")
    edit(data / "municipalities.yaml", "  population: 362133\n  population_year: 2023\n"
         "  population_source: SCB, folkmängd i riket, län och kommuner 31 december 2023\n", "")
    assert "362133" not in (data / "municipalities.yaml").read_text(encoding="utf-8")
    result = run_portal("build", "--out", "site", cwd=workdir)
    assert result.returncode == 0, result.stderr
    site = workdir / "site"

    no_cost = _cells(page(site, "resor/2024-06-bryssel-green-week/"), "Kostnad per resenär och dag")
    assert no_cost == {"Kostnad för kommunen": "uppgift saknas", "Resenärer": "2", "Dagar": "3", "Resenärsdagar": "6",
                       "Per resenär": "uppgift saknas", "Per dag": "uppgift saknas", "Per resenär och dag": "uppgift saknas"}
    cannes_html = page(site, "resor/2025-03-cannes-mipim/")
    no_travellers = _cells(cannes_html, "Kostnad per resenär och dag")
    assert no_travellers["Resenärer"] == no_travellers["Per resenär"] == no_travellers["Per resenär och dag"] \
        == no_travellers["Resenärsdagar"] == "uppgift saknas"
    assert no_travellers["Per dag"] not in ("uppgift saknas", "0\u00a0kr") and no_travellers["Dagar"] == "4"
    assert "1 deltagare hör inte till ett organ i Malmö stad och räknas inte." in cannes_html
    guest = _cells(page(site, "resor/2024-11-lissabon-eurocities-agm/"), "Kostnad per resenär och dag")
    assert (guest["Resenärer"], guest["Per resenär"]) == ("2", "12\u00a0850\u00a0kr")  # 25 700 kr, the guest not counted

    with open(site / "data/latest/trips.csv", encoding="utf-8", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    green_row, cannes_row = rows["2024-06-bryssel-green-week"], rows["2025-03-cannes-mipim"]
    assert (green_row["travellers_computed"], green_row["days_computed"], green_row["sek_per_traveller_computed"],
            green_row["sek_per_day_computed"], green_row["sek_per_traveller_day_computed"]) == ("2", "3", "", "", "")
    assert (cannes_row["travellers_computed"], cannes_row["sek_per_traveller_computed"]) == ("", "")
    assert float(cannes_row["sek_per_day_computed"]) > 0

    per_body = page(site, "kostnader/resenar/")
    malmo = _rows(per_body, "Resekostnad per resenär och dag, per organ och år, Malmö stad")
    [cells] = [row[2:] for row in malmo if row[:2] == ["Kommunstyrelsen", "2024"]]
    assert cells == ["1 av 2", "2", "6", "25\u00a0700\u00a0kr", "12\u00a0850\u00a0kr", "4\u00a0283,33\u00a0kr"]

    compare = page(site, "jamforelse/")
    population = _cells(compare, "Kommunernas folkmängd")
    assert population["Malmö stad"] == "uppgift saknas"
    per_year = _rows(compare, "Kostnader per år och kommun")
    per_inhabitant = [row[3] for row in per_year if re.fullmatch(r"\d{4}", row[0]) and row[1] == "Malmö stad"]
    assert per_inhabitant and set(per_inhabitant) == {"uppgift saknas"}
    assert "folkmängden är inte angiven" in compare
