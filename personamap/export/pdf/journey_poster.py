"""The journey map poster: the whole map fitted to one sheet, or tiled across several sheets
for a wall, with overlap and alignment marks. No text prints under 6 pt: a map that one sheet
cannot hold legibly continues across sheets (as `--tile auto` would) and the export warns.

The map is drawn once, into a PDF form (XObject), and each tile shows its part of it through
a clip: a tiled poster costs one drawing, however many sheets it spans. Tiles overlap by
`overlap_mm`; registration targets sit in every overlap, so matching targets on neighbouring
sheets line them up, and each sheet names its row and column in the margin.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple, Protocol

from reportlab.lib.units import mm

from ...model import JourneyMap
from ...model.layout import JourneyLayout, Rect, layout_journey
from ...style import TYPE
from ..pages import FOOTER_GAP, PageGeometry, footer_size
from ..spec import Ctx, ExportError, GeometryFor, PageJob, Sheet
from .draw import MUTED, Pen
from .journey_bands import Banding, best_banding, draw_bands
from .journey_draw import draw_journey

MIN_TEXT_PT = 6.0
"""No poster prints text smaller than this."""
AUTO_BODY_PT = 9.0
"""`--tile auto` aims at note text this big, on as few sheets as reach it."""
MAX_AUTO_SHEETS = 400
_TILE = re.compile(r"^\s*(\d+)\s*[x×]\s*(\d+)\s*$", re.IGNORECASE)


def parse_tile(text: str) -> tuple[int, int] | None:
    """ "3x2" -> (3 columns, 2 rows); "auto" -> None (chosen from the map's size)."""
    if text.strip().lower() == "auto":
        return None
    match = _TILE.match(text)
    if not match or not (1 <= int(match.group(1)) <= 20 and 1 <= int(match.group(2)) <= 20):
        raise ExportError(f"bad --tile {text!r} (use COLUMNSxROWS such as 3x2, at most 20x20, or auto)")
    return int(match.group(1)), int(match.group(2))


def smallest_text_pt(scale: float) -> float:
    """The smallest type the journey drawing uses (captions), printed at `scale`."""
    return TYPE.caption * scale


class PosterShape(Protocol):
    """What tiling needs of a poster (a journey layout, a board): its size in layout px and
    the rects registration targets keep clear of."""

    @property
    def width(self) -> float: ...
    @property
    def height(self) -> float: ...
    @property
    def note_rects(self) -> dict: ...


class Tiling(NamedTuple):
    """A journey spread over cols × rows sheets of geometry `g`, its content area `area`."""

    scale: float
    g: PageGeometry
    area: Rect
    grid: tuple[int, int]
    overlap: float

    @property
    def span(self) -> tuple[float, float]:
        cols, rows = self.grid
        return (
            cols * self.area.w - (cols - 1) * self.overlap,
            rows * self.area.h - (rows - 1) * self.overlap,
        )

    def offset(self, layout: PosterShape) -> tuple[float, float]:
        """Where the poster starts in the span (centred)."""
        w, h = self.span
        return (w - layout.width * self.scale) / 2, (h - layout.height * self.scale) / 2

    def blank(self, layout: PosterShape) -> float:
        """The fraction of the sheets' content areas the poster leaves blank."""
        cols, rows = self.grid
        used = layout.width * layout.height * self.scale**2
        return 1.0 - used / (cols * rows * self.area.w * self.area.h)


def _tiling(
    layout: PosterShape, g: PageGeometry, area: Rect, grid: tuple[int, int], overlap: float
) -> Tiling:
    t = Tiling(0.0, g, area, grid, overlap)
    w, h = t.span
    return t._replace(scale=min(w / layout.width, h / layout.height))


def choose_tiling(
    layout: PosterShape,
    candidates: list[tuple[PageGeometry, Rect]],
    overlap: float,
    wanted: tuple[int, int] | None,
    target: float | None = None,
) -> Tiling:
    """The given grid (at the bigger scale of the candidate orientations), or for "auto" the
    fewest sheets that reach scale `target` (default: notes at AUTO_BODY_PT), filled as fully
    as that sheet count allows (least blank paper); when no count up to MAX_AUTO_SHEETS
    reaches it, the biggest scale."""
    if wanted is not None:
        return max((_tiling(layout, g, a, wanted, overlap) for g, a in candidates), key=lambda t: t.scale)
    target = AUTO_BODY_PT / TYPE.body if target is None else target
    best: Tiling | None = None
    for n in range(1, MAX_AUTO_SHEETS + 1):
        options = [
            _tiling(layout, g, a, (cols, n // cols), overlap)
            for g, a in candidates
            for cols in range(1, n + 1)
            if n % cols == 0
        ]
        top = max(options, key=lambda t: t.scale)
        if top.scale >= target:
            return top
        if best is None or top.scale > best.scale:
            best = top
    assert best is not None
    return best


def jobs(ctx: Ctx, geometry: GeometryFor, journey: JourneyMap, level: int = 0) -> list[PageJob]:
    layout = layout_journey(journey, ctx.project.settings.emotion_scale, ctx.text)
    g = geometry("landscape")
    personas = [p for pid in journey.persona_ids if (p := ctx.project.persona(pid)) is not None]
    footer = ctx.footer(f"journey version {journey.version}", personas=personas)
    area = ctx.content_rect(g, footer)
    form = f"journey-{journey.id}"
    tile = ctx.options.tile
    fit = min(area.w / layout.width, area.h / layout.height)
    if not tile and smallest_text_pt(fit) >= MIN_TEXT_PT:

        def draw_fit(sheet: Sheet) -> None:
            pen = sheet.pen
            x = area.x + (area.w - layout.width * fit) / 2
            draw_journey(ctx, pen.at(x, area.y, fit), journey, layout)

        return [PageJob(journey.title, draw_fit, g, footer, level, key=form)]
    overlap = max(0.0, ctx.options.overlap_mm) * mm
    wanted = parse_tile(tile) if tile else None
    orientations = ("landscape", "portrait") if ctx.options.orientation == "auto" else ("",)
    candidates = []
    for orientation in orientations:
        g_try = geometry(orientation or "landscape")
        candidates.append((g_try, ctx.content_rect(g_try, footer)))
    tiling = choose_tiling(layout, candidates, overlap, wanted)
    cols, rows = tiling.grid
    if wanted is None:
        banding = best_banding(layout, candidates, max(tiling.scale, MIN_TEXT_PT / TYPE.caption))
        if banding is not None and banding.sheets < cols * rows:
            if not tile:
                ctx.warnings.append(
                    f"journey {journey.title!r} does not fit one {ctx.options.page_size} sheet legibly "
                    f"(its text would print at {smallest_text_pt(fit):.1f} pt): it continues across "
                    f"{banding.sheets} sheets in {len(banding.bands)} bands; "
                    "use a bigger --page-size for one sheet"
                )
            return _band_jobs(ctx, journey, layout, banding, footer, form, level)
    if smallest_text_pt(tiling.scale) < MIN_TEXT_PT:
        raise ExportError(
            f"journey {journey.title!r} on {cols}×{rows} sheets would print text at "
            f"{smallest_text_pt(tiling.scale):.1f} pt (under {MIN_TEXT_PT:g} pt): "
            "use more sheets, a bigger --page-size or --tile auto"
        )
    if not tile:
        ctx.warnings.append(
            f"journey {journey.title!r} does not fit one {ctx.options.page_size} sheet legibly "
            f"(its text would print at {smallest_text_pt(fit):.1f} pt): it continues across "
            f"{cols * rows} sheets ({cols}×{rows}); use a bigger --page-size for one sheet"
        )
    g, area = tiling.g, tiling.area
    offset = tiling.offset(layout)
    targets = registration_targets(layout, tiling)

    def paint(pen: Pen) -> None:
        draw_journey(ctx, pen, journey, layout)

    out = []
    for row in range(rows):
        for col in range(cols):

            def draw_one(sheet: Sheet, row: int = row, col: int = col) -> None:
                draw_tile(sheet, journey.title, layout, form, paint, tiling, (col, row), offset, targets)

            title = f"{journey.title} (row {row + 1}, column {col + 1})"
            first = row == 0 and col == 0
            out.append(
                PageJob(
                    title,
                    draw_one,
                    g,
                    footer,
                    level if first else None,
                    key=form if first else f"{form}-{row}-{col}",
                )
            )
    if out:
        out[0].title = journey.title
    return out


def _band_jobs(
    ctx: Ctx,
    journey: JourneyMap,
    layout: JourneyLayout,
    banding: Banding,
    footer: str,
    form: str,
    level: int,
) -> list[PageJob]:
    out = []
    for n in range(banding.sheets):

        def draw(sheet: Sheet, n: int = n) -> None:
            pen = sheet.pen

            def draw_form() -> None:
                h = layout.height * banding.scale
                pen.c.beginForm(form, 0, 0, layout.width * banding.scale, h)
                draw_journey(ctx, Pen(pen.c, pen.t, 0, h, banding.scale, pen.grayscale), journey, layout)
                pen.c.endForm()

            draw_bands(pen, banding, n, form, layout, journey, draw_form)
            bands = banding.sheet_bands(n)
            first = n * banding.per_sheet + 1
            size = _label_size(sheet.geometry)
            box = label_box(banding.area, size, pen.t.leading)
            parts = f"part {first}" if len(bands) == 1 else f"parts {first}–{first + len(bands) - 1}"
            label = f"{journey.title} — sheet {n + 1} of {banding.sheets}: {parts} of {len(banding.bands)}"
            pen.label(box.x, box.y, label, size, MUTED, width=box.w)

        title = journey.title if n == 0 else f"{journey.title} — continued"
        key = form if n == 0 else f"{form}-sheet-{n + 1}"
        out.append(PageJob(title, draw, banding.g, footer, level if n == 0 else None, key=key))
    return out


def draw_tile(
    sheet: Sheet,
    title: str,
    layout: PosterShape,
    form: str,
    paint: Callable[[Pen], None],
    tiling: Tiling,
    at: tuple[int, int],
    offset: tuple[float, float],
    targets: list[tuple[float, float]],
) -> None:
    """One sheet of a tiled poster: its part of the poster (`paint` draws the whole poster
    once, into the form `form`, with a pen at print scale), the registration targets on it,
    its row and column above the content and trim ticks in the margins."""
    pen = sheet.pen
    c = pen.c
    area, overlap, scale = tiling.area, tiling.overlap, tiling.scale
    poster_h = layout.height * scale
    if not c.hasForm(form):
        c.beginForm(form, 0, 0, layout.width * scale, poster_h)
        paint(Pen(c, pen.t, 0, poster_h, scale, pen.grayscale))
        c.endForm()
    col, row = at
    # this sheet shows span x from col*(area.w - overlap), y from row*(area.h - overlap)
    sx, sy = col * (area.w - overlap), row * (area.h - overlap)
    c.saveState()
    c.clipPath(_clip(pen, area), stroke=0, fill=0)
    c.saveState()
    c.translate(pen.px(area.x - sx + offset[0]), pen.py(area.y - sy + offset[1]) - poster_h)
    c.doForm(form)
    c.restoreState()
    for tx, ty in targets:  # only those on this sheet
        if (
            sx - TARGET_REACH <= tx <= sx + area.w + TARGET_REACH
            and sy - TARGET_REACH <= ty <= sy + area.h + TARGET_REACH
        ):
            _target(pen, area.x + tx - sx, area.y + ty - sy)
    c.restoreState()
    cols, rows = tiling.grid
    size = _label_size(sheet.geometry)
    box = label_box(area, size, pen.t.leading)
    label = f"{title} — sheet row {row + 1} of {rows}, column {col + 1} of {cols}"
    pen.label(box.x, box.y, label, size, MUTED, width=box.w * 0.7)
    seams = []
    if col > 0:
        seams.append("left")
    if row > 0:
        seams.append("top")
    if seams:
        note = f"overlap {overlap / mm:.0f} mm on the {' and '.join(seams)} edge: match the targets"
        pen.label(box.x, box.y, note, size, MUTED, width=box.w, align="right")
    for x1, y1, x2, y2 in trim_ticks(area, tiling.grid, at, overlap, footer_size(sheet.geometry)):
        pen.line(x1, y1, x2, y2, "#000000", 0.3)


def _label_size(g: PageGeometry) -> float:
    return 8 * g.type_scale() ** 0.5


TICK = 5.0
"""Length of the trim ticks in the margins, points."""


def label_box(area: Rect, size: float, leading: float) -> Rect:
    """Where a tile names its row and column: above the content, clear of the trim ticks."""
    h = size * leading
    return Rect(area.x, area.y - TICK - 3 - h, area.w, h)


def trim_ticks(
    area: Rect, grid: tuple[int, int], at: tuple[int, int], overlap: float, footer_pt: float
) -> list[tuple[float, float, float, float]]:
    """Short lines in the margins where the neighbouring sheets' edges fall; they stop short of
    the label above the content and of the footer below it."""
    cols, rows = grid
    col, row = at
    below = min(TICK, footer_pt * FOOTER_GAP - 1.5)
    out = []
    for x in ([area.x + overlap] if col > 0 else []) + ([area.right - overlap] if col < cols - 1 else []):
        out.append((x, area.y - 1 - TICK, x, area.y - 1))
        out.append((x, area.bottom + 1, x, area.bottom + 1 + below))
    for y in ([area.y + overlap] if row > 0 else []) + ([area.bottom - overlap] if row < rows - 1 else []):
        out.append((area.x - 1 - TICK, y, area.x - 1, y))
        out.append((area.right + 1, y, area.right + 1 + TICK, y))
    return out


def _clip(pen: Pen, area: Rect):
    p = pen.c.beginPath()
    p.rect(pen.px(area.x), pen.py(area.bottom), area.w, area.h)
    return p


TARGET_R = 3 * mm
TARGET_REACH = TARGET_R * 1.6
"""Half the size of a registration target (its cross arms)."""


def target_rect(x: float, y: float) -> Rect:
    return Rect(x - TARGET_REACH, y - TARGET_REACH, 2 * TARGET_REACH, 2 * TARGET_REACH)


def registration_targets(
    layout: PosterShape, tiling: Tiling, cover: bool = False
) -> list[tuple[float, float]]:
    """Centres of registration targets (span points), three per seam of each sheet where room
    allows: in the middle of the overlap, moved along the seam until clear of every note.
    With `cover` a stretch of seam with no clear spot gets its targets anyway: centred in the
    gaps between notes, else spread along it (a board's notes can line a seam end to end)."""
    area, overlap, scale = tiling.area, tiling.overlap, tiling.scale
    ox, oy = tiling.offset(layout)
    notes = [
        (ox + r.x * scale, oy + r.y * scale, ox + r.right * scale, oy + r.bottom * scale)
        for r in layout.note_rects.values()
    ]

    def seam(fixed: float, lo: float, hi: float, vertical: bool) -> list[tuple[float, float]]:
        chosen = along(fixed, lo, hi, vertical, TARGET_REACH + 2.0)
        if cover and not chosen:
            chosen = along(fixed, lo, hi, vertical, 2.0)
        lo, hi = lo + TARGET_REACH * 2, hi - TARGET_REACH * 2
        if cover and not chosen and hi >= lo:
            spread = (0.2, 0.5, 0.8) if (hi - lo) * 0.3 >= TARGET_REACH * 4 else (0.5,)
            chosen = [lo + (hi - lo) * f for f in spread]
        return [(fixed, p) if vertical else (p, fixed) for p in chosen]

    def along(fixed: float, lo: float, hi: float, vertical: bool, reach: float) -> list[float]:
        # the stretches of the seam a target's centre must avoid: notes within reach, widened
        blocked = sorted(
            (n[1] - reach, n[3] + reach) if vertical else (n[0] - reach, n[2] + reach)
            for n in notes
            if (n[0] - reach < fixed < n[2] + reach if vertical else n[1] - reach < fixed < n[3] + reach)
        )
        merged: list[list[float]] = []
        for a, b in blocked:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        edges = [x for a, b in merged for x in (a - 0.01, b + 0.01)]
        lo, hi = lo + TARGET_REACH * 2, hi - TARGET_REACH * 2

        def free(pos: float) -> bool:
            return lo <= pos <= hi and not any(a < pos < b for a, b in merged)

        chosen: list[float] = []
        for f in (0.2, 0.5, 0.8):
            want = lo + (hi - lo) * f
            for pos in sorted([want, *edges], key=lambda x: abs(x - want)):
                if free(pos) and all(abs(pos - c) >= TARGET_REACH * 4 for c in chosen):
                    chosen.append(pos)
                    break
        return chosen

    cols, rows = tiling.grid
    out = []
    for c in range(1, cols):
        x = c * (area.w - overlap) + overlap / 2
        for r in range(rows):
            y0 = r * (area.h - overlap)
            out += seam(x, y0, y0 + area.h, True)
    for r in range(1, rows):
        y = r * (area.h - overlap) + overlap / 2
        for c in range(cols):
            x0 = c * (area.w - overlap)
            out += seam(y, x0, x0 + area.w, False)
    return out


def _target(pen: Pen, x: float, y: float) -> None:
    pen.circle(x, y, TARGET_R, None, "#000000", 0.3)
    pen.line(x - TARGET_REACH, y, x + TARGET_REACH, y, "#000000", 0.3)
    pen.line(x, y - TARGET_REACH, x, y + TARGET_REACH, "#000000", 0.3)
