"""The journey map poster: the whole map fitted to one sheet, or tiled across several sheets
for a wall, with overlap and alignment marks.

The map is drawn once, into a PDF form (XObject), and each tile shows its part of it through
a clip: a tiled poster costs one drawing, however many sheets it spans. Tiles overlap by
`overlap_mm`; registration targets sit in every overlap, so matching targets on neighbouring
sheets line them up, and each sheet names its row and column in the margin.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from reportlab.lib.units import mm

from ..model import JourneyMap
from ..model.layout import JourneyLayout, Rect, layout_journey
from ..style import TYPE
from .draw import MUTED, Pen
from .journey_draw import draw_journey
from .pages import content_rect
from .spec import Ctx, ExportError, PageJob, Sheet

MIN_READABLE_PT = 5.0
AUTO_BODY_PT = 9.0
_TILE = re.compile(r"^\s*(\d+)\s*[x×]\s*(\d+)\s*$", re.IGNORECASE)


def parse_tile(text: str) -> tuple[int, int] | None:
    """ "3x2" -> (3 columns, 2 rows); "auto" -> None (chosen from the map's size)."""
    if text.strip().lower() == "auto":
        return None
    match = _TILE.match(text)
    if not match or not (1 <= int(match.group(1)) <= 20 and 1 <= int(match.group(2)) <= 20):
        raise ExportError(f"bad --tile {text!r} (use COLUMNSxROWS such as 3x2, at most 20x20, or auto)")
    return int(match.group(1)), int(match.group(2))


def jobs(ctx: Ctx, geometry: Callable, journey: JourneyMap, level: int = 0) -> list[PageJob]:
    layout = layout_journey(journey, ctx.project.settings.emotion_scale, ctx.text)
    g = geometry("landscape")
    area = content_rect(g)
    personas = [p for pid in journey.persona_ids if (p := ctx.project.persona(pid)) is not None]
    footer = ctx.footer(f"journey version {journey.version}", personas=personas)
    form = f"journey-{journey.id}"
    tile = ctx.options.tile
    if not tile:
        scale = min(area.w / layout.width, area.h / layout.height)
        if TYPE.body * scale < MIN_READABLE_PT:
            ctx.warnings.append(
                f"journey {journey.title!r}: on one sheet its text is {TYPE.body * scale:.1f} pt; "
                "use a bigger page or --tile auto for a readable wall poster"
            )

        def draw_fit(sheet: Sheet) -> None:
            pen = sheet.pen
            x = area.x + (area.w - layout.width * scale) / 2
            draw_journey(ctx, pen.at(x, area.y, scale), journey, layout)

        return [PageJob(journey.title, draw_fit, g, footer, level, key=form)]
    overlap = max(0.0, ctx.options.overlap_mm) * mm
    wanted = parse_tile(tile)
    best = None
    for orientation in ("landscape", "portrait") if ctx.options.orientation == "auto" else ("",):
        g_try = geometry(orientation or "landscape")
        a_try = content_rect(g_try)
        grid_try = wanted or _auto_grid(layout, a_try, overlap)
        s_try = _span_scale(layout, a_try, grid_try, overlap)
        if (
            best is None
            or s_try > best[0] * 1.01
            or (wanted is None and _sheets(grid_try) < _sheets(best[3]))
        ):
            best = (s_try, g_try, a_try, grid_try)
    assert best is not None
    scale, g, area, grid = best
    cols, rows = grid
    span_w = cols * area.w - (cols - 1) * overlap
    span_h = rows * area.h - (rows - 1) * overlap
    offset = ((span_w - layout.width * scale) / 2, (span_h - layout.height * scale) / 2)
    out = []
    for row in range(rows):
        for col in range(cols):

            def draw_tile(sheet: Sheet, row: int = row, col: int = col) -> None:
                _tile(
                    ctx, sheet, journey, layout, form, scale, (col, row), (cols, rows), area, overlap, offset
                )

            title = f"{journey.title} (row {row + 1}, column {col + 1})"
            first = row == 0 and col == 0
            out.append(
                PageJob(
                    title,
                    draw_tile,
                    g,
                    footer,
                    level if first else None,
                    key=form if first else f"{form}-{row}-{col}",
                )
            )
    if out:
        out[0].title = journey.title
    return out


def _sheets(grid: tuple[int, int]) -> int:
    return grid[0] * grid[1]


def _span_scale(layout: JourneyLayout, area: Rect, grid: tuple[int, int], overlap: float) -> float:
    span_w = grid[0] * area.w - (grid[0] - 1) * overlap
    span_h = grid[1] * area.h - (grid[1] - 1) * overlap
    return min(span_w / layout.width, span_h / layout.height)


def _auto_grid(layout: JourneyLayout, area: Rect, overlap: float) -> tuple[int, int]:
    """Enough sheets that note text prints at about 9 pt."""
    scale = AUTO_BODY_PT / TYPE.body
    w, h = layout.width * scale, layout.height * scale
    cols = max(1, math.ceil((w - overlap) / max(1.0, area.w - overlap)))
    rows = max(1, math.ceil((h - overlap) / max(1.0, area.h - overlap)))
    return min(cols, 20), min(rows, 20)


def _tile(
    ctx: Ctx,
    sheet: Sheet,
    journey: JourneyMap,
    layout: JourneyLayout,
    form: str,
    scale: float,
    at: tuple[int, int],
    grid: tuple[int, int],
    area: Rect,
    overlap: float,
    offset: tuple[float, float],
) -> None:
    pen = sheet.pen
    c = pen.c
    poster_w, poster_h = layout.width * scale, layout.height * scale
    if not c.hasForm(form):
        c.beginForm(form, 0, 0, poster_w, poster_h)
        draw_journey(ctx, Pen(c, pen.t, 0, poster_h, scale, pen.grayscale), journey, layout)
        c.endForm()
    col, row = at
    # this sheet shows poster x from col*(area.w - overlap), y from row*(area.h - overlap)
    dx, dy = col * (area.w - overlap) - offset[0], row * (area.h - overlap) - offset[1]
    c.saveState()
    clip = c.beginPath()
    clip.rect(pen.px(area.x), pen.py(area.bottom), area.w, area.h)
    c.clipPath(clip, stroke=0, fill=0)
    c.translate(pen.px(area.x - dx), pen.py(area.y - dy) - poster_h)
    c.doForm(form)
    c.restoreState()
    c.saveState()
    c.clipPath(_clip_again(pen, area), stroke=0, fill=0)
    for tx, ty in _targets(grid, area, overlap):
        _target(pen, area.x + tx - dx - offset[0], area.y + ty - dy - offset[1])
    c.restoreState()
    cols, rows = grid
    k = sheet.geometry.type_scale() ** 0.5
    label = f"{journey.title} — sheet row {row + 1} of {rows}, column {col + 1} of {cols}"
    pen.label(area.x, area.y - 8 * k * pen.t.leading - 2, label, 8 * k, MUTED, width=area.w * 0.7)
    seams = []
    if col > 0:
        seams.append("left")
    if row > 0:
        seams.append("top")
    if seams:
        note = f"overlap {overlap / mm:.0f} mm on the {' and '.join(seams)} edge: match the targets"
        pen.label(area.x, area.y - 8 * k * pen.t.leading - 2, note, 8 * k, MUTED, width=area.w, align="right")
    # ticks in the margin where the neighbours' edges fall
    for x in ([area.x + overlap] if col > 0 else []) + ([area.right - overlap] if col < cols - 1 else []):
        pen.line(x, area.y - 6, x, area.y - 1, "#000000", 0.3)
        pen.line(x, area.bottom + 1, x, area.bottom + 6, "#000000", 0.3)
    for y in ([area.y + overlap] if row > 0 else []) + ([area.bottom - overlap] if row < rows - 1 else []):
        pen.line(area.x - 6, y, area.x - 1, y, "#000000", 0.3)
        pen.line(area.right + 1, y, area.right + 6, y, "#000000", 0.3)


def _clip_again(pen: Pen, area: Rect):
    p = pen.c.beginPath()
    p.rect(pen.px(area.x), pen.py(area.bottom), area.w, area.h)
    return p


def _targets(grid: tuple[int, int], area: Rect, overlap: float) -> list[tuple[float, float]]:
    """Centres of registration targets (poster points) in every overlap, three per seam."""
    cols, rows = grid
    out = []
    for c in range(1, cols):
        x = c * (area.w - overlap) + overlap / 2
        for r in range(rows):
            y0 = r * (area.h - overlap)
            out += [(x, y0 + area.h * f) for f in (0.2, 0.5, 0.8)]
    for r in range(1, rows):
        y = r * (area.h - overlap) + overlap / 2
        for c in range(cols):
            x0 = c * (area.w - overlap)
            out += [(x0 + area.w * f, y) for f in (0.2, 0.5, 0.8)]
    return out


def _target(pen: Pen, x: float, y: float) -> None:
    r = min(3 * mm, 3.5 * mm)
    pen.circle(x, y, r, None, "#000000", 0.3)
    pen.line(x - r * 1.6, y, x + r * 1.6, y, "#000000", 0.3)
    pen.line(x, y - r * 1.6, x, y + r * 1.6, "#000000", 0.3)
