"""Charts drawn on the server as inline SVG: no JavaScript, no chart library, prints as is.

Every text that comes from data goes through ``escape``; attributes are numbers or fixed
colours.  Presentation attributes (``fill=``) rather than ``style=``, so a strict Content
Security Policy (no inline styles) still draws them.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from review.present import EVENT_TYPES
from review.timeline import Timeline

TYPE_COLOURS = {
    "ngay_hoi": "#2f9e44",
    "tong_ket": "#1971c2",
    "so_ket": "#f08c00",
    "trien_khai": "#9c36b5",
    "khac": "#868e96",
}
CELL_COLOUR = "#1971c2"
BAR_MAX = 56  # px: a few buckets still read as bars, not as a wall of colour
CELL_MAX = 96  # px: the same for the cells of the locality chart
FONT = 'font-family="system-ui, sans-serif"'


def _ticks(top: int) -> list[int]:
    """About five round steps from 0 to at least ``top``."""
    if top <= 5:
        return list(range(0, max(top, 1) + 1))
    raw = top / 5
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return list(range(0, top + step, step))


def _label_every(count: int, room: int) -> int:
    return max(1, -(-count // room))


def stacked_bars(timeline: Timeline, width: int = 960, height: int = 280) -> Markup:
    """Events per time bucket, stacked by event type, with a legend."""
    buckets = timeline.buckets
    if not buckets:
        return Markup("")
    left, right, top, bottom = 44, 12, 34, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(timeline.by_type.get(b, {}).values()) for b in buckets]
    ticks = _ticks(max(totals) or 1)
    scale = plot_h / ticks[-1]
    slot = plot_w / len(buckets)
    bar = min(max(1.0, slot * 0.78), BAR_MAX)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="Events per {escape(timeline.granularity)} by type" xmlns="http://www.w3.org/2000/svg">'
    ]
    for tick in ticks:
        y = top + plot_h - tick * scale
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dee2e6"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" {FONT}>{tick}</text>'
        )
    every = _label_every(len(buckets), 16)
    for i, (name, total) in enumerate(zip(buckets, totals, strict=True)):
        x = left + i * slot + (slot - bar) / 2
        y = top + plot_h
        for kind, colour in TYPE_COLOURS.items():
            n = timeline.by_type.get(name, {}).get(kind, 0)
            if not n:
                continue
            h = n * scale
            y -= h
            label = escape(f"{name} · {EVENT_TYPES[kind]}: {n}")
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{label}</title></rect>"
            )
        if i % every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" font-size="11" '
                f"{FONT}>{escape(name)}</text>"
            )
        if total and slot >= 18:
            y_total = top + plot_h - total * scale - 4
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{y_total:.1f}" text-anchor="middle" '
                f'font-size="10" fill="#495057" {FONT}>{total}</text>'
            )
    x = left
    for kind, colour in TYPE_COLOURS.items():
        parts.append(f'<rect x="{x}" y="8" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="18" font-size="12" {FONT}>{escape(EVENT_TYPES[kind])}</text>')
        x += 28 + 8 * len(EVENT_TYPES[kind])
    parts.append("</svg>")
    return Markup("".join(parts))


def matrix(timeline: Timeline, width: int = 960) -> Markup:
    """Localities (rows) × time (columns); darker cells hold more events."""
    rows, buckets = timeline.rows, timeline.buckets
    if not rows or not buckets:
        return Markup("")
    left, top, row_h = 170, 8, 24
    plot_w = width - left - 8
    slot = plot_w / len(buckets)
    height = top + row_h * len(rows) + 26
    most = max(timeline.cells.values())
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="Events per locality over time" xmlns="http://www.w3.org/2000/svg">'
    ]
    for r, row in enumerate(rows):
        y = top + r * row_h
        name = row if len(row) <= 24 else row[:23] + "…"
        parts.append(
            f'<text x="{left - 8}" y="{y + row_h / 2 + 4:.1f}" text-anchor="end" font-size="12" {FONT}>'
            f"<title>{escape(row)}</title>{escape(name)}</text>"
        )
        parts.append(
            f'<line x1="{left}" x2="{width - 8}" y1="{y + row_h}" y2="{y + row_h}" stroke="#f1f3f5"/>'
        )
        for c, name_b in enumerate(buckets):
            n = timeline.cells.get((row, name_b), 0)
            if not n:
                continue
            cell = min(max(slot - 2, 1), CELL_MAX)
            x = left + c * slot + (slot - cell) / 2
            opacity = 0.15 + 0.85 * n / most
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 2}" width="{cell:.1f}" height="{row_h - 4}" '
                f'fill="{CELL_COLOUR}" fill-opacity="{opacity:.2f}" rx="2">'
                f"<title>{escape(f'{row} · {name_b}: {n}')}</title></rect>"
            )
            if slot >= 22:
                colour = "#ffffff" if opacity > 0.55 else "#212529"
                parts.append(
                    f'<text x="{x + cell / 2:.1f}" y="{y + row_h / 2 + 4:.1f}" text-anchor="middle" '
                    f'font-size="11" fill="{colour}" {FONT}>{n}</text>'
                )
    every = _label_every(len(buckets), 16)
    for c, name_b in enumerate(buckets):
        if c % every == 0:
            x_label = left + c * slot + slot / 2
            parts.append(
                f'<text x="{x_label:.1f}" y="{height - 8}" text-anchor="middle" font-size="11" '
                f"{FONT}>{escape(name_b)}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))
