"""Maps of destinations, drawn at build time as inline SVG from Natural Earth's land shapes.

The shapes are `generator/geodata/land-110m.json` (TopoJSON from the npm package
`world-atlas`, see the README beside it), read once per build; nothing is fetched at
build or view time. A map is a plate carrée (Europe: its longitudes narrowed by the
cosine of 52°), coordinates rounded to whole units and drawn as relative path steps
so that the world map stays small. Destinations are circles whose area grows with the
number of trips; each has a `<title>`, the SVG has `role="img"` with its own title and
description (the conventions of `charts.py`), and the page shows the same numbers in a
table. Places without a position are not drawn: the table and the description say so.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.render.charts import AXIS, PALETTE, WIDTH, _check_prefix, _esc, _n
from generator.render.formatting import country_name, format_number
from generator.i18n import from_data, n_
from generator.i18n import t as _
from generator.render.views import Cell, Header, Section, TableView

SHAPES = Path(__file__).resolve().parents[1] / "geodata" / "land-110m.json"
LAND = "#e3e7eb"  # decorative: the points and the table carry the information


@dataclass(frozen=True)
class Region:
    key: str
    name: str  # Swedish, for titles
    west: float
    east: float
    south: float
    north: float
    x_scale: float  # how much a degree of longitude is narrower than one of latitude

    @property
    def height(self) -> float:
        return WIDTH * (self.north - self.south) / ((self.east - self.west) * self.x_scale)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        k = WIDTH / (self.east - self.west)
        return (lon - self.west) * k, (self.north - lat) * k / self.x_scale

    def holds(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


WORLD = Region("world", "världen", -180, 180, -58, 84, 1.0)
EUROPE = Region("europe", "Europa", -25, 45, 34, 71, math.cos(math.radians(52)))


@dataclass(frozen=True)
class Place:
    """A destination on a map: its name, country, position (None: unknown) and its number of trips."""
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    trips: int


def places(trips) -> list[Place]:
    """Destinations of `trips`, one per city and country, counting each trip once; most visited first."""
    counts: dict[tuple[str, str], list] = {}
    for trip in trips:
        for d in {(d.city, d.country): d for d in trip.destinations}.values():
            entry = counts.setdefault((d.city, d.country), [d.position, 0])
            entry[1] += 1
    found = [Place(city, country, pos and pos.latitude, pos and pos.longitude, n)
             for (city, country), (pos, n) in counts.items()]
    return sorted(found, key=lambda p: (-p.trips, p.city, p.country))


@functools.cache
def _rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """The land polygons' rings as (lon, lat) points, decoded from the TopoJSON once."""
    topo = json.loads(SHAPES.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:  # delta-encoded, quantised
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> tuple[tuple[float, float], ...]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)
        return tuple(out)

    rings = []
    for geometry in topo["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for r in polygon:
                rings.extend(_unwrapped(ring(r)))
    return tuple(rings)


def _unwrapped(ring: tuple[tuple[float, float], ...]) -> list[tuple[tuple[float, float], ...]]:
    """A ring without jumps across the antimeridian, plus its copy a turn east or west where it crosses it.

    A ring around a pole (Antarctica) is closed along the pole, so it fills the map's bottom."""
    out = [ring[0]]
    for lon, lat in ring[1:]:
        prev = out[-1][0]
        lon += 360 * round((prev - lon) / 360)
        out.append((lon, lat))
    turn = out[-1][0] - out[0][0]
    if abs(turn) > 180:
        pole = -90.0 if sum(lat for _, lat in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    lons = [lon for lon, _ in out]
    shifts = [0] + ([-360] if max(lons) > 180 else []) + ([360] if min(lons) < -180 else [])
    return [tuple((lon + k, lat) for lon, lat in out) for k in shifts]


@functools.cache
def land_path(region: Region) -> str:
    """The land as one SVG path in `region`'s frame: whole units, relative steps, clamped just outside the frame."""
    lo_x, hi_x, lo_y, hi_y = -2, WIDTH + 2, -2, round(region.height) + 2
    parts = []
    for ring in _rings():
        points = []
        for lon, lat in ring:
            x, y = region.project(lon, lat)
            p = (min(max(round(x), lo_x), hi_x), min(max(round(y), lo_y), hi_y))
            if not points or p != points[-1]:
                points.append(p)
        if len(points) < 3 or len({p[0] for p in points}) < 2 or len({p[1] for p in points}) < 2:
            continue
        if all(p[0] in (lo_x, hi_x) or p[1] in (lo_y, hi_y) for p in points):
            continue  # wholly outside the frame
        steps = [f"M{points[0][0]} {points[0][1]}l"]
        steps += [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(points, points[1:])]
        parts.append(" ".join(steps).replace(" -", "-") + "z")
    return "".join(parts)


def _label(place: Place) -> str:
    return f"{place.city} ({country_name(place.country)})"


def _trips(n: int) -> str:
    return n_("{n} resa", "{n} resor", n, n=format_number(n))


def region_name(region: "Region") -> str:
    return {"world": _("världen"), "europe": _("Europa")}[region.key]


def region_for(found: list[Place]) -> Region:
    """Europe when every placed destination lies in it, else the world."""
    placed = [p for p in found if p.latitude is not None]
    return EUROPE if placed and all(EUROPE.holds(p.longitude, p.latitude) for p in placed) else WORLD


def destination_map(found: list[Place], region: Region, *, title: str, id_prefix: str) -> str:
    """The map: land, then one circle per placed destination (largest first, so small ones stay on top)."""
    p = _check_prefix(id_prefix)
    inside = [x for x in found if x.latitude is not None and region.holds(x.longitude, x.latitude)]
    unplaced = [x for x in found if x.latitude is None]
    most = max((x.trips for x in inside), default=1)
    summary = n_("{n} resmål på kartan", "{n} resmål på kartan", len(inside)) + (
        _("; flest resor till {place}: {trips}", place=_label(inside[0]), trips=_trips(inside[0].trips)) if inside else "")
    outside = len(found) - len(inside) - len(unplaced)
    notes = [n_("{n} resmål utanför kartans utsnitt", "{n} resmål utanför kartans utsnitt", outside) if outside else "",
             n_("{n} resmål med okänd position visas inte", "{n} resmål med okänd position visas inte", len(unplaced))
             if unplaced else ""]
    description = ". ".join([_("Karta över {region} med resmålen som cirklar, större ju fler resor",
                               region=region_name(region)), summary] + [n for n in notes if n]) \
        + ". " + _("Samma siffror finns i tabellen.")
    h = _n(round(region.height))
    body = [f'<path d="{land_path(region)}" fill="{LAND}" stroke="none"/>',
            f'<g class="places" fill="{PALETTE[1]}" fill-opacity="0.85" stroke="#ffffff" stroke-width="1">']
    for x in sorted(inside, key=lambda x: -x.trips):
        cx, cy = region.project(x.longitude, x.latitude)
        r = 3 + 9 * math.sqrt(x.trips / most)
        body.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}"><title>{_esc(_label(x))}: '
                    f'{_esc(_trips(x.trips))}</title></circle>')
    body.append("</g>")
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="portal-svg portal-map" viewBox="0 0 {WIDTH} {h}" '
            f'width="100%" role="img" aria-labelledby="{p}-title {p}-desc">')
    return "\n".join([head, f'<title id="{p}-title">{_esc(title)}</title>',
                      f'<desc id="{p}-desc">{_esc(description)}</desc>',
                      f'<rect width="{WIDTH}" height="{h}" fill="#ffffff" stroke="{AXIS}"/>', *body, "</svg>"])


def unplaced() -> str:
    """What the site says of a destination whose position the portal could not find."""
    return _("okänd position")


def _where(place: Place, region: Region) -> str:
    if place.latitude is None:
        return unplaced()
    return _("på kartan") if region.holds(place.longitude, place.latitude) else _("utanför kartan")


def place_table(found: list[Place], region: Region, caption: str) -> TableView:
    """The map's numbers: each destination, its country, its trips, and whether the map shows it."""
    rows = [[Cell(from_data(x.city)), Cell(country_name(x.country)), Cell(format_number(x.trips), sort=str(x.trips), numeric=True),
             Cell(_where(x, region))] for x in found]
    return TableView(caption, [Header(_("Resmål")), Header(_("Land")), Header(_("Resor"), True), Header(_("Position"))], rows,
                     row_headers=True, searchable=False)


def map_sections(trips, what: str, id_prefix: str, regions: tuple[Region, ...] | None = None) -> list[Section]:
    """Sections with a map of `trips`' destinations and its table; none without destinations."""
    found = places(trips)
    if not found:
        return []
    sections = []
    for region in regions or (region_for(found),):
        title = _("Resmål {what}, {region}", what=what, region=region_name(region))
        svg = destination_map(found, region, title=title, id_prefix=f"{id_prefix}-{region.key}")
        sections.append(Section(_("Karta: {region}", region=region_name(region)), chart=Markup(svg),
                                table=place_table(found, region, _("Resmål {what}, {region}: antal resor", what=what,
                                                                   region=region_name(region)))))
    return sections
