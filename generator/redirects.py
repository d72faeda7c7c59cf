"""Old addresses that keep answering: a small page that sends the reader on.

A published address is cited and bookmarked, so it must never become a 404. Trips
used to be filed under their year (`resor/2016/<id>/`), which a corrected date would
move; every such address that any published version had now leads to the trip's
lasting address (`resor/<id>/`), where a withdrawn trip's page says what happened; and
a year's list of trips, once no trip is left in that year, leads to the list of years.
Each language's site keeps its own addresses (the English ones under `en/`).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from generator.i18n import LANGUAGES, current, from_data, language
from generator.i18n import t as _
from generator.addresses import TRIPS, former_urls, localized, url_for, year_url
from generator.render.links import relative

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{moved}: {title}</title>
<link rel="canonical" href="{absolute}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<main>
<h1>{moved}</h1>
<p>{now_at}</p>
</main>
<footer><p><a href="{accessibility}">{statement}</a></p></footer>
</body>
</html>
"""


def write_redirects(versions: list, site_dir: Path, base_url: str) -> list[Path]:
    """A redirect at every former address of any published version that the current site has no page at.

    Written beside the pages (into the folder that is moved into the site), so only
    addresses the current data cannot have a page at are taken: a trip's year-based
    address, and a year's trip list once no trip is left in that year.
    """
    written = []
    for lang in LANGUAGES:
        with language(lang):
            written += _write(_moved(versions), site_dir, base_url)
    return written


def _moved(versions: list) -> dict[str, tuple[str, str | Markup]]:
    """Former address -> (new address, what it was), in the language being rendered (a trip's title as the data has it)."""
    years_now = {trip.year for trip in versions[-1].dataset.trips.values()}
    moved: dict[str, tuple[str, str | Markup]] = {}
    for version in (v for v in versions if v.commit):  # only a published version's addresses were ever seen
        for trip in version.dataset.trips.values():
            for old in former_urls(trip):
                moved.setdefault(localized(old), (url_for(trip), from_data(trip.title)))
            if trip.year not in years_now:
                moved.setdefault(year_url(trip.year), (localized(TRIPS), _("Resor {year}", year=trip.year)))
    return moved


def _write(moved: dict[str, tuple[str, str | Markup]], site_dir: Path, base_url: str) -> list[Path]:
    written = []
    for old, (target, title) in sorted(moved.items()):
        path = site_dir / old / "index.html"
        if old == target or path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        link = Markup('<a href="{0}">{1}</a>').format(relative(target, old), base_url + target)
        page = PAGE.format(lang=current(), moved=escape(_("Sidan har flyttat")), title=escape(escape(title).striptags()),
                           absolute=escape(base_url + target), target=escape(relative(target, old)),
                           now_at=Markup(escape(_("{title} finns på {link}."))).format(title=title, link=link),
                           accessibility=escape(relative("tillganglighet/", old)),  # in Swedish only
                           statement=escape(from_data("Tillgänglighetsredogörelse")))
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
