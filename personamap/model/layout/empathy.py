"""The empathy map canvas at a given size: quadrants around the persona, notes flowing inside.

Classic canvas: a title band; Says and Thinks on top, Does and Feels below, around a central
persona circle; Pains and Gains as two boxes across the bottom. The extended canvas adds a
Goal band under the title and Sees / Hears as side columns left and right of the quadrants.
Quadrant labels sit in the outer corners, where the persona circle never covers them.

Notes flow in a grid in list order, skipping the slots the circle covers. Space is filled
before anything shrinks: while a quadrant has room, its notes grow taller to show all their
text instead of ending in "…" (all rows alike, then a note alone into free space below it).
When notes do not fit, the notes of every quadrant shrink together (down to `min_scale`), so
neighbours keep one type size; past that, the last slot shows "+N" for the notes left out.
The Goal band, a strip of another shape, sizes its own.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from itertools import islice

from ..empathy import EmpathyMap
from ..enums import Quadrant
from .geometry import Rect
from .measure import TextMeasure, line_count, line_height, lines_fitting
from .stack import reading_index

QUADRANT_LABELS: dict[Quadrant, str] = {
    Quadrant.SAYS: "Says",
    Quadrant.THINKS: "Thinks",
    Quadrant.DOES: "Does",
    Quadrant.FEELS: "Feels",
    Quadrant.PAINS: "Pains",
    Quadrant.GAINS: "Gains",
    Quadrant.GOAL: "Goal",
    Quadrant.SEES: "Sees",
    Quadrant.HEARS: "Hears",
}
_RIGHT = {Quadrant.THINKS, Quadrant.FEELS}
_BOTTOM = {Quadrant.DOES, Quadrant.FEELS}


@dataclass(frozen=True)
class EmpathyMetrics:
    """Sizes in screen px at 100 %; fractions share out whatever size the element has."""

    title_h: float = 56
    goal_h: float = 96
    side_frac: float = 0.2
    bottom_frac: float = 0.28
    circle_d: float = 128
    circle_frac: float = 0.4
    pad: float = 12
    label_h: float = 24
    label_size: float = 15
    goal_text_w: float = 320
    note_w: float = 120
    note_h: float = 80
    note_pad: float = 8
    gap: float = 8
    min_scale: float = 0.5
    scale_step: float = 0.1
    body: float = 13


@dataclass(frozen=True)
class EmpathyLayout:
    """Where everything of one empathy map goes, at the size it was laid out for.

    Notes of a quadrant share one size: `note_scale` times the metrics' note size, with
    text at `note_scale` times the body size.
    """

    size: tuple[float, float]
    title_rect: Rect
    quadrant_rects: dict[Quadrant, Rect]
    label_rects: dict[Quadrant, Rect]
    label_align: dict[Quadrant, str]
    """"left" or "right": labels hug the outer corner of their quadrant."""
    content_rects: dict[Quadrant, Rect]
    persona_rect: Rect
    """The bounding square of the persona circle."""
    goal_text_rect: Rect | None
    note_rects: dict[str, Rect]
    note_text_rects: dict[str, Rect]
    note_lines: dict[str, int]
    note_elided: frozenset[str]
    note_scale: dict[Quadrant, float]
    note_columns: dict[Quadrant, int]
    overflow: dict[Quadrant, int]
    """Notes left out per quadrant (0 when all show)."""
    overflow_rects: dict[Quadrant, Rect]
    """The slot that shows "+N", for quadrants with an overflow and room for one slot."""
    hidden_notes: tuple[str, ...] = ()
    """Notes in quadrants this canvas does not show (Sees, Hears, Goal on a classic map)."""
    metrics: EmpathyMetrics = field(default_factory=EmpathyMetrics)


def _regions(emap: EmpathyMap, w: float, h: float, m: EmpathyMetrics) -> tuple[dict[Quadrant, Rect], Rect]:
    y0 = m.title_h + (m.goal_h if emap.extended else 0.0)
    body = max(0.0, h - y0)
    bottom_h = body * m.bottom_frac
    upper = body - bottom_h
    side = w * m.side_frac if emap.extended else 0.0
    gx, gw = side, max(0.0, w - 2 * side)
    hw, hh = gw / 2, upper / 2
    rects = {
        Quadrant.SAYS: Rect(gx, y0, hw, hh),
        Quadrant.THINKS: Rect(gx + hw, y0, hw, hh),
        Quadrant.DOES: Rect(gx, y0 + hh, hw, hh),
        Quadrant.FEELS: Rect(gx + hw, y0 + hh, hw, hh),
        Quadrant.PAINS: Rect(0.0, y0 + upper, w / 2, bottom_h),
        Quadrant.GAINS: Rect(w / 2, y0 + upper, w / 2, bottom_h),
    }
    if emap.extended:
        rects[Quadrant.GOAL] = Rect(0.0, m.title_h, w, m.goal_h)
        rects[Quadrant.SEES] = Rect(0.0, y0, side, upper)
        rects[Quadrant.HEARS] = Rect(w - side, y0, side, upper)
    d = min(m.circle_d, m.circle_frac * min(gw, upper))
    return rects, Rect(gx + hw - d / 2, y0 + hh - d / 2, d, d)


def _label_and_content(
    q: Quadrant, r: Rect, measure: TextMeasure, m: EmpathyMetrics
) -> tuple[Rect, str, Rect]:
    inner = r.inset(m.pad)
    label_w = min(inner.w, measure.text_width(QUADRANT_LABELS[q], m.label_size, True))
    if q == Quadrant.GOAL:
        label = Rect(inner.x, inner.y, label_w, min(m.label_h, inner.h))
        return label, "left", inner.adjusted(label_w + m.gap, 0, 0, 0)
    x = inner.right - label_w if q in _RIGHT else inner.x
    label_h = min(m.label_h, inner.h)
    if q in _BOTTOM:
        label = Rect(x, inner.bottom - label_h, label_w, label_h)
        content = inner.adjusted(0, 0, 0, -label_h)
    else:
        label = Rect(x, inner.y, label_w, label_h)
        content = inner.adjusted(0, label_h, 0, 0)
    return label, "right" if q in _RIGHT else "left", content


def _slots(content: Rect, nw: float, nh: float, gap: float, avoid: Rect) -> Iterator[Rect]:
    """Note slots in reading order, skipping those the persona circle's square covers."""
    cols = math.floor((content.w + gap) / (nw + gap) + 1e-9) if nw > 0 else 0
    rows = math.floor((content.h + gap) / (nh + gap) + 1e-9) if nh > 0 else 0
    for row in range(rows):
        for col in range(cols):
            slot = Rect(content.x + col * (nw + gap), content.y + row * (nh + gap), nw, nh)
            if not slot.intersects(avoid):
                yield slot


def _fit(content: Rect, count: int, m: EmpathyMetrics, avoid: Rect) -> tuple[float, list[Rect]]:
    """The largest note scale (in steps down to min_scale) at which `count` notes fit, and
    the slots at that scale (at most count)."""
    scale = 1.0
    while True:
        nw, nh = m.note_w * scale, m.note_h * scale
        slots = list(islice(_slots(content, nw, nh, m.gap, avoid), count))
        if len(slots) >= count or scale <= m.min_scale + 1e-9:
            return scale, slots
        scale = max(m.min_scale, round(scale - m.scale_step, 6))


def _at_scale(content: Rect, count: int, scale: float, m: EmpathyMetrics, avoid: Rect) -> list[Rect]:
    """The first `count` slots for notes at `scale`."""
    return list(islice(_slots(content, m.note_w * scale, m.note_h * scale, m.gap, avoid), count))


def _grown(
    content: Rect,
    texts: list[str],
    scale: float,
    measure: TextMeasure,
    m: EmpathyMetrics,
    avoid: Rect,
) -> list[Rect]:
    """Slots for the notes at `scale`, as tall as their longest text needs while all of them
    still fit (never shorter than the usual note)."""
    nw, nh = m.note_w * scale, m.note_h * scale
    size, pad = m.body * scale, m.note_pad * scale
    line = line_height(measure, size)
    need = max((line_count(measure, t, nw - 2 * pad, size) * line + 2 * pad for t in texts), default=0.0)
    steps = math.ceil((need - nh) / line - 1e-6) if line > 0 and need > nh else 0
    for k in range(min(steps, 200), 0, -1):
        slots = list(islice(_slots(content, nw, nh + k * line, m.gap, avoid), len(texts)))
        if len(slots) >= len(texts):
            return slots
    return list(islice(_slots(content, nw, nh, m.gap, avoid), len(texts)))


def _lengthened(slot: Rect, need: float, slots: list[Rect], content: Rect, avoid: Rect, gap: float) -> Rect:
    """`slot` made taller, up to `need`, into the free space below it (down to the next slot of
    its column or the content's bottom, clear of the persona circle)."""
    if need <= slot.h + 1e-6:
        return slot
    below = [s.y for s in slots if abs(s.x - slot.x) < 1e-6 and s.y > slot.y + 1e-6]
    limit = (min(below) - gap if below else content.bottom) - slot.y
    taller = Rect(slot.x, slot.y, slot.w, max(slot.h, min(need, limit)))
    return slot if taller.intersects(avoid) else taller


def _common_scale(
    rects: dict[Quadrant, Rect],
    contents: dict[Quadrant, Rect],
    emap: EmpathyMap,
    m: EmpathyMetrics,
    avoid: Rect,
) -> float:
    """The one note scale of the quadrants (Goal aside): the smallest any of them needs."""
    needed = [
        _fit(contents[q], len(notes), m, avoid)[0]
        for q in rects
        if q != Quadrant.GOAL and (notes := emap.notes_in(q))
    ]
    return min(needed, default=1.0)


def layout_empathy(
    emap: EmpathyMap,
    w: float,
    h: float,
    measure: TextMeasure,
    metrics: EmpathyMetrics = EmpathyMetrics(),
) -> EmpathyLayout:
    """Lay out an empathy map in a w × h element."""
    m = metrics
    rects, circle = _regions(emap, w, h, m)
    avoid = circle.adjusted(-m.gap, -m.gap, m.gap, m.gap) if circle.w > 0 else Rect(0, 0, 0, 0)
    labels: dict[Quadrant, Rect] = {}
    align: dict[Quadrant, str] = {}
    contents: dict[Quadrant, Rect] = {}
    note_rects: dict[str, Rect] = {}
    text_rects: dict[str, Rect] = {}
    note_lines: dict[str, int] = {}
    elided: set[str] = set()
    scales: dict[Quadrant, float] = {}
    columns: dict[Quadrant, int] = {}
    overflow: dict[Quadrant, int] = {}
    overflow_rects: dict[Quadrant, Rect] = {}
    goal_text: Rect | None = None
    for q, r in rects.items():
        labels[q], align[q], content = _label_and_content(q, r, measure, m)
        if q == Quadrant.GOAL and emap.goal:
            goal_w = min(m.goal_text_w, content.w * 0.4)
            goal_text = Rect(content.x, content.y, goal_w, content.h)
            content = content.adjusted(goal_w + m.gap, 0, 0, 0)
        contents[q] = content
    common = _common_scale(rects, contents, emap, m, avoid)
    for q in rects:
        content = contents[q]
        notes = emap.notes_in(q)
        if q == Quadrant.GOAL:
            scale, slots = _fit(content, max(1, len(notes)), m, avoid)
        else:
            scale, slots = common, _at_scale(content, max(1, len(notes)), common, m, avoid)
        if notes and len(slots) >= len(notes):
            slots = _grown(content, [n.text for n in notes], scale, measure, m, avoid)
        scales[q] = scale
        nw = m.note_w * scale
        columns[q] = max(1, math.floor((content.w + m.gap) / (nw + m.gap) + 1e-9))
        shown = len(notes) if len(slots) >= len(notes) else max(0, len(slots) - 1)
        overflow[q] = len(notes) - shown
        if overflow[q] and slots:
            overflow_rects[q] = slots[shown]
        size, pad = m.body * scale, m.note_pad * scale
        line = line_height(measure, size)
        for note, slot in zip(notes[:shown], slots, strict=False):
            count = line_count(measure, note.text, slot.w - 2 * pad, size)
            slot = _lengthened(slot, count * line + 2 * pad, slots, content, avoid, m.gap)
            note_rects[note.id] = slot
            text_rects[note.id] = slot.inset(pad)
            fit = lines_fitting(slot.h - 2 * pad, line)
            note_lines[note.id] = fit
            if count > fit:
                elided.add(note.id)
    return EmpathyLayout(
        size=(w, h),
        title_rect=Rect(0.0, 0.0, w, min(h, m.title_h)),
        quadrant_rects=rects,
        label_rects=labels,
        label_align=align,
        content_rects=contents,
        persona_rect=circle,
        goal_text_rect=goal_text,
        note_rects=note_rects,
        note_text_rects=text_rects,
        note_lines=note_lines,
        note_elided=frozenset(elided),
        note_scale=scales,
        note_columns=columns,
        overflow=overflow,
        overflow_rects=overflow_rects,
        hidden_notes=tuple(n.id for n in emap.notes if n.quadrant not in rects),
        metrics=m,
    )


def quadrant_at(layout: EmpathyLayout, x: float, y: float) -> Quadrant | None:
    """The quadrant under a point; None on the persona circle, the title or outside."""
    c = layout.persona_rect
    if c.w > 0 and (x - c.cx) ** 2 + (y - c.cy) ** 2 <= (c.w / 2) ** 2:
        return None
    return next((q for q, r in layout.quadrant_rects.items() if r.contains(x, y)), None)


def empathy_insertion_index(
    layout: EmpathyLayout,
    emap: EmpathyMap,
    quadrant: Quadrant,
    x: float,
    y: float,
    exclude: Collection[str] = (),
) -> int:
    """Where a note dropped at (x, y) goes among the quadrant's notes (0..count), `exclude`
    leaving out the notes being dragged. Past the last note shown it goes to the very end,
    after any notes the overflow hides."""
    notes = [n for n in emap.notes_in(quadrant) if n.id not in exclude]
    rects = [layout.note_rects[n.id] for n in notes if n.id in layout.note_rects]
    index = reading_index(rects, x, y, layout.note_columns.get(quadrant, 1), layout.metrics.gap)
    return len(notes) if index >= len(rects) else index
