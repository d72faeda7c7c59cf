"""Old addresses that keep answering: a small page that sends the reader on.

A published address is cited and bookmarked, so it must never become a 404. Trips
used to be filed under their year (`resor/2016/<id>/`), which a corrected date would
move; every such address that any published version had now leads to the trip's
lasting address (`resor/<id>/`), where a withdrawn trip's page says what happened; and
a year's list of trips, once no trip is left in that year, leads to the list of years.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from generator.render.links import former_urls, relative, url_for, year_url

PAGE = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sidan har flyttat: {title}</title>
<link rel="canonical" href="{absolute}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<main>
<h1>Sidan har flyttat</h1>
<p>{title} finns nu på <a href="{target}">{absolute}</a>.</p>
</main>
<footer><p><a href="{root}tillganglighet/">Tillgänglighetsredogörelse</a></p></footer>
</body>
</html>
"""


def write_redirects(versions: list, site_dir: Path, base_url: str) -> list[Path]:
    """A redirect at every former address of any published version that the current site has no page at.

    Written beside the pages (into the folder that is moved into the site), so only
    addresses the current data cannot have a page at are taken: a trip's year-based
    address, and a year's trip list once no trip is left in that year.
    """
    current = versions[-1].dataset.trips.values()
    years_now = {trip.year for trip in current}
    moved: dict[str, tuple[str, str]] = {}  # former address -> (new address, what it was)
    for version in (v for v in versions if v.commit):  # only a published version's addresses were ever seen
        for trip in version.dataset.trips.values():
            for old in former_urls(trip):
                moved.setdefault(old, (url_for(trip), trip.title))
            if trip.year not in years_now:
                moved.setdefault(year_url(trip.year), ("resor/", f"Resor {trip.year}"))
    written = []
    for old, (target, title) in sorted(moved.items()):
        path = site_dir / old / "index.html"
        if old == target or path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=escape(title), absolute=escape(base_url + target),
                                    target=escape(relative(target, old)), root=escape(relative("", old))),
                        encoding="utf-8")
        written.append(path)
    return written
