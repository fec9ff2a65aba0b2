"""A long journey in bands: cut between steps (at stage boundaries where it can) into parts
that are stacked down the sheets like lines of text, each part led by the lane headers.

A journey far wider than tall (hundreds of steps, two or three lanes) tiled as one strip
fills a row of sheets a third of their height; in bands the same type size takes a fraction
of the paper. Each band shows the map drawn once into a PDF form, through clips.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ...model import JourneyMap
from ...model.layout import JourneyLayout, Rect
from ...style import TYPE
from ..pages import PageGeometry
from .draw import MUTED, Pen

BAND_GAP = 8 * mm


class Band(NamedTuple):
    """Map x from x0 to x1 (layout px); the first band starts at 0 and holds the lane headers."""

    x0: float
    x1: float


class Banding(NamedTuple):
    scale: float
    g: PageGeometry
    area: Rect
    bands: tuple[Band, ...]
    per_sheet: int
    head_w: float

    @property
    def sheets(self) -> int:
        return math.ceil(len(self.bands) / self.per_sheet)

    def band_w(self, band: Band) -> float:
        """Printed width (points) of a band, its repeated lane headers included."""
        head = 0.0 if band.x0 == 0 else self.head_w
        return (head + band.x1 - band.x0) * self.scale

    def blank(self, layout: JourneyLayout) -> float:
        used = sum(self.band_w(b) for b in self.bands) * layout.height * self.scale
        return 1.0 - used / (self.sheets * self.area.w * self.area.h)

    def sheet_bands(self, sheet: int) -> tuple[Band, ...]:
        return self.bands[sheet * self.per_sheet : (sheet + 1) * self.per_sheet]


def _bounds(layout: JourneyLayout, head: float) -> tuple[list[float], set[float]]:
    """Where a band may end: every column edge; stage edges are preferred."""
    cols = sorted(
        {r.x for r in layout.column_rects.values()} | {r.right for r in layout.column_rects.values()}
    )
    stages = {r.x for r in layout.stage_rects.values()} | {r.right for r in layout.stage_rects.values()}
    ends = [x for x in cols if x > head] + [layout.width]
    return sorted(set(ends)), stages


def plan_bands(layout: JourneyLayout, g: PageGeometry, area: Rect, scale: float) -> Banding | None:
    """Bands at `scale` on sheets of `g`; None when a band would not fit a sheet's height or
    one column is wider than a sheet, or the map needs no more than one band."""
    height = layout.height * scale
    per_sheet = int((area.h + BAND_GAP) // (height + BAND_GAP))
    head = layout.corner_rect.right
    if per_sheet < 1:
        return None
    ends, stages = _bounds(layout, head)
    room = area.w / scale
    bands: list[Band] = []
    start = 0.0
    while start < layout.width - 0.5:
        limit = start + room - (head if start > 0 else 0.0)
        fits = [x for x in ends if start < x <= limit + 1e-6]
        if not fits:
            return None
        at_stage = [x for x in fits if x in stages and x >= start + (limit - start) * 0.6]
        end = max(at_stage) if at_stage and max(fits) < layout.width else max(fits)
        bands.append(Band(start, end))
        start = end
    if len(bands) < 2:
        return None
    return Banding(scale, g, area, tuple(bands), per_sheet, head)


def best_banding(
    layout: JourneyLayout, candidates: list[tuple[PageGeometry, Rect]], scale: float
) -> Banding | None:
    """The orientation whose bands take the fewest sheets at `scale` or more, grown (in 2 %
    steps) as far as that sheet count allows, so the paper is filled: least blank."""
    options = []
    for g, a in candidates:
        banding = plan_bands(layout, g, a, scale)
        while banding is not None:
            bigger = plan_bands(layout, g, a, banding.scale * 1.02)
            if bigger is None or bigger.sheets > banding.sheets:
                break
            banding = bigger
        if banding is not None:
            options.append(banding)
    return min(options, key=lambda b: (b.sheets, b.blank(layout)), default=None)


def draw_bands(
    pen: Pen,
    banding: Banding,
    sheet: int,
    form: str,
    layout: JourneyLayout,
    journey: JourneyMap,
    draw_form: Callable[[], None],
) -> None:
    """This sheet's bands, top to bottom, from the map's form (drawn on first use)."""
    c: Canvas = pen.c
    s, area = banding.scale, banding.area
    height = layout.height * s
    if not c.hasForm(form):
        draw_form()
    first = sheet * banding.per_sheet
    y = area.y
    for k, band in enumerate(banding.sheet_bands(sheet)):
        x = area.x
        if band.x0 > 0:
            title_h = layout.title_rect.bottom * s
            _show(pen, form, Rect(x, y + title_h, banding.head_w * s, height - title_h), x, y, height)
            size = TYPE.caption * s
            label = f"{journey.title} — part {first + k + 1} of {len(banding.bands)}"
            pen.label(
                x + 12 * s,
                y + (title_h - pen.t.leading * size) / 2,
                label,
                size,
                MUTED,
                "italic",
                area.w * 0.6,
            )
            x += banding.head_w * s
        clip = Rect(x, y, (band.x1 - band.x0) * s, height)
        _show(pen, form, clip, x - band.x0 * s, y, height)
        y += height + BAND_GAP


def _show(pen: Pen, form: str, clip: Rect, x: float, y: float, height: float) -> None:
    """The form with its top-left corner at (x, y) (sheet points), seen through `clip`."""
    c = pen.c
    c.saveState()
    p = c.beginPath()
    p.rect(pen.px(clip.x), pen.py(clip.bottom), clip.w, clip.h)
    c.clipPath(p, stroke=0, fill=0)
    c.translate(pen.px(x), pen.py(y) - height)
    c.doForm(form)
    c.restoreState()
