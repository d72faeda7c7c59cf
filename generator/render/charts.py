"""Charts drawn at build time as inline SVG: no JavaScript, nothing fetched, readable on a phone.

Accessibility: each chart is `role="img"` named by its own `<title>` and `<desc>`, colours
keep 3:1 against white (WCAG 1.4.11), segments are split by white lines, the legend lists
series in stack order (bottom first) and every bar carries a `<title>` with its value. The
page shows the same numbers in a table. Output is deterministic: same input, same bytes.
"""
from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from generator.render.formatting import NOT_REPORTED, format_sek
from generator.i18n import current

# Okabe–Ito-like hues darkened to >= 3:1 on white; pairwise far apart (CIE76 ΔE > 30).
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#c0609a", "#8a6d00", "#6a3d9a", "#5f6b73", "#8c564b", "#b8004f")
TEXT = "#1f2328"  # 15:1 on white
AXIS = "#57606a"
GRID = "#d8dee4"  # decorative only
# A chart is drawn 300 units wide: on a 320 px phone it fills about 288 px, so 12-unit text reads at 11.5 px;
# portal.css caps its width so that the same text stays under 17 px on a wide screen.
WIDTH, PAD, FONT = 300, 8, 12
LINE = 15  # the distance between lines of text
PLOT_HEIGHT = 220
NO_DATA = {"sv": "Det finns inga uppgifter att visa.", "en": "There is no data to show."}


@dataclass(frozen=True)
class Series:
    """One stacked layer: a name for the legend and one value per category (None: unknown, drawn as a gap); `texts`
    say each value as the table beside the chart does (marks of partial and preliminary sums), else it is formatted."""
    name: str
    values: Sequence[float | int | None]
    texts: Sequence[str] | None = None


def _n(x: float) -> str:
    """Coordinates rounded to 2 decimals, no trailing zeros and never `-0`."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _esc(text: object) -> str:
    return escape(str(text), quote=True)


def _width(text: str, size: int = FONT) -> float:
    """A generous estimate of rendered text width: layout only needs to avoid overlaps."""
    return len(text) * size * 0.6


def _value(v: float | int | None) -> float:
    if v is None:
        return 0.0
    v = float(v)
    if not math.isfinite(v):
        raise ValueError(f"chart value is not a finite number: {v!r}")
    return v


def _ticks(lo: float, hi: float) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 times a power of ten) spanning lo..hi, about five steps."""
    if lo == hi == 0:
        return [0.0]
    raw = (hi - lo) / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(i * step, 10) + 0.0 for i in range(first, last + 1)]


def _check_prefix(id_prefix: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]+", id_prefix):
        raise ValueError(f"id_prefix must be letters, digits, '-' or '_': {id_prefix!r}")
    return id_prefix


def _svg(id_prefix: str, title: str, description: str, height: float, body: list[str]) -> str:
    p = _check_prefix(id_prefix)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="portal-svg" viewBox="0 0 {WIDTH} {_n(height)}" '
            f'width="100%" role="img" aria-labelledby="{p}-title {p}-desc" font-family="sans-serif" '
            f'font-size="{FONT}" fill="{TEXT}">')
    return "\n".join([head, f'<title id="{p}-title">{_esc(title)}</title>',
                      f'<desc id="{p}-desc">{_esc(description)}</desc>',
                      f'<rect width="{WIDTH}" height="{_n(height)}" fill="#ffffff"/>', *body, "</svg>"])


def _empty(id_prefix: str, title: str, description: str, lang: str | None) -> str:
    message = NO_DATA[lang or current()]
    return _svg(id_prefix, title, f"{description} {message}", 40,
                [f'<text x="{PAD}" y="24">{_esc(message)}</text>'])


def _legend(names: Sequence[str], top: float) -> tuple[list[str], float]:
    """Swatches with names, flowing into rows, in series order; returns (elements, height)."""
    parts, x, y = [], PAD, top
    for i, name in enumerate(names):
        item = 18 + _width(name) + 16
        if x > PAD and x + item > WIDTH - PAD:
            x, y = PAD, y + 20
        parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
                     f'<text x="{_n(x + 18)}" y="{_n(y + 10)}">{_esc(name)}</text>')
        x += item
    return ["<g class=\"legend\">", *parts, "</g>"], (y - top + 20 if names else 0)


def bar_chart(categories: list[str], series: list[Series], *, title: str, description: str, lang: str | None = None,
              stacked: bool = True, value_format: Callable[[float], str] | None = None,
              id_prefix: str = "chart") -> str:
    """Vertical bars per category (years), stacked (or side by side) by series; values in kronor by default."""
    fmt = value_format or (lambda v: format_sek(v, lang))
    for s in series:
        if len(s.values) != len(categories):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for {len(categories)} categories")
    if not categories or not series:
        return _empty(id_prefix, title, description, lang)
    grid = [[_value(v) for v in s.values] for s in series]
    columns = list(zip(*grid))
    if stacked:
        hi = max(sum(v for v in col if v > 0) for col in columns)
        lo = min(sum(v for v in col if v < 0) for col in columns)
    else:
        hi, lo = max(max(col) for col in columns), min(min(col) for col in columns)
    ticks = _ticks(min(lo, 0.0), max(hi, 0.0))
    labels = [fmt(t) for t in ticks]
    left = min(max(max(_width(t) for t in labels) + PAD + 6, 40), WIDTH * 0.4)
    names = [str(c) if len(str(c)) <= 24 else str(c)[:23] + "…" for c in categories]
    longest = max(_width(c) for c in names)
    rotate = longest > (WIDTH - left - PAD) / len(categories) * 0.9  # too wide for its band: written upwards
    legend, legend_h = _legend([s.name for s in series], PAD)
    top = PAD + legend_h + 12
    bottom = top + PLOT_HEIGHT
    band = (WIDTH - left - PAD) / len(categories)
    below = longest + 20 if rotate else 24
    t_lo, t_hi = ticks[0], ticks[-1]
    span = (t_hi - t_lo) or 1.0

    def y(v: float) -> float:
        return bottom - (v - t_lo) / span * PLOT_HEIGHT

    body = ['<g class="axis">']
    for t, text in zip(ticks, labels):
        colour = AXIS if t == 0 else GRID
        body.append(f'<line x1="{_n(left)}" x2="{_n(WIDTH - PAD)}" y1="{_n(y(t))}" y2="{_n(y(t))}" stroke="{colour}"/>'
                    f'<text x="{_n(left - 6)}" y="{_n(y(t))}" dy="0.32em" text-anchor="end">{_esc(text)}</text>')
    for i, name in enumerate(names):
        cx, ty = left + band * (i + 0.5), bottom + (8 if rotate else 16)
        turn = f' dy="0.32em" transform="rotate(-90 {_n(cx)} {_n(ty)})"' if rotate else ""
        anchor = "end" if rotate else "middle"
        body.append(f'<text x="{_n(cx)}" y="{_n(ty)}" text-anchor="{anchor}"{turn}>{_esc(name)}</text>')
    gap = NOT_REPORTED[lang or current()]
    upright = _width(gap) > band * 0.9  # too wide for its band: written upwards, so neighbouring gaps never overlap
    for i, category in enumerate(categories):  # a gap, said in words: unknown is not a zero bar
        if all(s.values[i] is None for s in series):
            gx, gy = left + band * (i + 0.5), bottom - 6
            place = (f'x="{_n(gx)}" y="{_n(gy)}" dy="0.32em" text-anchor="start" transform="rotate(-90 {_n(gx)} {_n(gy)})"'
                     if upright else f'x="{_n(gx)}" y="{_n(gy)}" text-anchor="middle"')
            body.append(f'<text class="gap" {place} fill="{AXIS}">{_esc(gap)}</text>')
    body.append("</g>")
    body.append('<g class="bars" stroke="#ffffff" stroke-width="1">')
    bar_w = min(band * 0.6, 72) if stacked else min(band * 0.8, 96) / len(series)
    for i, category in enumerate(categories):
        pos = neg = 0.0
        x0 = left + band * (i + 0.5) - (bar_w / 2 if stacked else bar_w * len(series) / 2)
        for j, s in enumerate(series):
            v = grid[j][i]
            if v == 0:
                continue
            if stacked:
                base = pos if v > 0 else neg
                a, b, x = base, base + v, x0
                pos, neg = (b, neg) if v > 0 else (pos, b)
            else:
                a, b, x = 0.0, v, x0 + j * bar_w
            tip = f"{category}, {s.name}: {s.texts[i] if s.texts else fmt(v)}"
            body.append(f'<rect class="bar" x="{_n(x)}" y="{_n(y(max(a, b)))}" width="{_n(bar_w)}" '
                        f'height="{_n(abs(y(a) - y(b)))}" fill="{PALETTE[j % len(PALETTE)]}">'
                        f'<title>{_esc(tip)}</title></rect>')
    body.append("</g>")
    return _svg(id_prefix, title, description, bottom + below + PAD, legend + body)


def horizontal_bar_chart(labels: list[str], values: list[float | int | None], *, title: str, description: str,
                         lang: str | None = None, value_format: Callable[[float], str] | None = None,
                         id_prefix: str = "chart", series_name: str | None = None,
                         texts: Sequence[str] | None = None) -> str:
    """A ranking: one bar per label, the full label above its bar and the value at its end, or under the label when
    the values are too long to leave the bars room (`texts`: each value as the table beside the chart says it, marks
    included)."""
    fmt = value_format or (lambda v: format_sek(v, lang))
    if len(labels) != len(values):
        raise ValueError(f"{len(values)} values for {len(labels)} labels")
    if not labels:
        return _empty(id_prefix, title, description, lang)
    nums = [_value(v) for v in values]
    texts = texts or [NOT_REPORTED[lang or current()] if v is None else fmt(n) for v, n in zip(values, nums)]
    lo, hi = min(min(nums), 0.0), max(max(nums), 0.0)
    room = max(_width(t) for t in texts) + 6
    beside = room <= (WIDTH - 2 * PAD) * 0.4  # else each value is written under its label, and the bars get the width
    left = PAD + (room if lo < 0 and beside else 0)
    length = WIDTH - PAD - left - (room if hi > 0 and beside else 0)
    scale = length / ((hi - lo) or 1.0)
    zero = left - lo * scale
    legend, legend_h = _legend([series_name], PAD) if series_name else ([], 0.0)
    top = PAD + legend_h + (PAD if series_name else 0)
    body = ['<g class="bars">']
    per_line = int((WIDTH - 2 * PAD) / (FONT * 0.6))
    for label, v, text in zip(labels, nums, texts):
        lines = textwrap.wrap(str(label), per_line) or [""]
        below = [] if beside else textwrap.wrap(text, per_line)
        for k, line in enumerate(lines):
            body.append(f'<text x="{PAD}" y="{_n(top + 12 + LINE * k)}">{_esc(line)}</text>')
        for k, line in enumerate(below, start=len(lines)):
            body.append(f'<text class="value" x="{PAD}" y="{_n(top + 12 + LINE * k)}" font-weight="bold">'
                        f'{_esc(line)}</text>')
        bar_y = top + LINE * (len(lines) + len(below)) + 4
        end = zero + v * scale
        if v != 0:
            body.append(f'<rect class="bar" x="{_n(min(zero, end))}" y="{_n(bar_y)}" width="{_n(abs(end - zero))}" '
                        f'height="18" fill="{PALETTE[0]}"><title>{_esc(f"{label}: {text}")}</title></rect>')
        body.append(f'<line x1="{_n(zero)}" x2="{_n(zero)}" y1="{_n(bar_y - 2)}" y2="{_n(bar_y + 20)}" stroke="{AXIS}"/>')
        if beside:
            anchor, tx = ("end", end - 6) if v < 0 else ("start", end + 6)
            body.append(f'<text class="value" x="{_n(tx)}" y="{_n(bar_y + 9)}" dy="0.32em" text-anchor="{anchor}">'
                        f'{_esc(text)}</text>')
        top = bar_y + 18 + 12
    body.append("</g>")
    return _svg(id_prefix, title, description, top + PAD, legend + body)
