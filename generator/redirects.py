"""Old addresses that keep answering: a small page that sends the reader on.

A published address is cited and bookmarked, so it must never become a 404. Trips
used to be filed under their year (`resor/2016/<id>/`), which a corrected date would
move; every such address that any published version had now leads to the trip's
lasting address (`resor/<id>/`), where a withdrawn trip's page says what happened.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from generator.render.links import former_urls, relative, url_for

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
    """A redirect at every former address of every record in any version, unless a page is there."""
    written = []
    for version in versions:
        for record in version.dataset.trips.values():
            target = url_for(record)
            for old in former_urls(record):
                path = site_dir / old / "index.html"
                if old == target or path.exists():
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(PAGE.format(title=escape(record.title), absolute=escape(base_url + target),
                                            target=escape(relative(target, old)), root=escape(relative("", old))),
                                encoding="utf-8")
                written.append(path)
    return written
