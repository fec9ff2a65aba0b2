"""The empathy map page: quadrants around the persona, notes flowing inside, from
`layout_empathy` (the canvas's rules) laid out at the page's proportions."""

from __future__ import annotations

from ...model import EmpathyMap, Quadrant
from ...model.layout import EmpathyLayout, EmpathyMetrics, Rect, initials, layout_empathy
from ...style import PRINT, TYPE
from ..spec import Ctx, GeometryFor, PageJob, Sheet
from .draw import MUTED, TEXT, Pen, mix, on_color

PAGE_METRICS = EmpathyMetrics(note_w=176, note_h=112)
"""Bigger notes than the canvas's: a page has room, and notes shrink together when full."""
_TINT = {
    Quadrant.PAINS: PRINT.lane("red")[1],
    Quadrant.GAINS: PRINT.lane("green")[1],
    Quadrant.GOAL: PRINT.lane("blue")[1],
}
"""The print palette's washes, as on the canvas (canvas/items/empathy.py QUADRANT_HUE)."""


def job(ctx: Ctx, geometry: GeometryFor, emap: EmpathyMap, level: int = 0) -> PageJob:
    g = geometry("landscape")
    persona = ctx.project.persona(emap.persona_id) if emap.persona_id else None
    footer = ctx.footer(personas=[persona] if persona else [])

    def draw(sheet: Sheet) -> None:
        area: Rect = sheet.content
        # lay out in canvas px at a size whose body text prints at ~9 pt × the page's type scale
        scale = 9.0 * sheet.geometry.type_scale() / TYPE.body * 0.85
        layout = layout_empathy(emap, area.w / scale, area.h / scale, ctx.text, PAGE_METRICS)
        draw_empathy(ctx, sheet.pen.at(area.x, area.y, scale), emap, layout)

    return PageJob(emap.title, draw, g, footer, level, key=f"empathy-{emap.id}")


def draw_empathy(ctx: Ctx, pen: Pen, emap: EmpathyMap, layout: EmpathyLayout) -> None:
    w, h = layout.size
    pen.rect(Rect(0, 0, w, h), "#FFFFFF", "#D0D7DE", 0.6, radius=8)
    persona = ctx.project.persona(emap.persona_id) if emap.persona_id else None
    accent = persona.color if persona else "#59636E"
    t = pen.t
    title = layout.title_rect.adjusted(16, 0, -16, 0)
    pen.label(
        title.x, title.cy - t.leading * TYPE.section / 2, emap.title, TYPE.section, TEXT, "bold", title.w
    )
    pen.line(0, layout.title_rect.bottom, w, layout.title_rect.bottom, "#D0D7DE")
    for q, r in layout.quadrant_rects.items():
        pen.rect(r, _TINT.get(q, "#FFFFFF"), "#D0D7DE", 0.5)
        lr = layout.label_rects[q]
        pen.label(
            lr.x,
            lr.y,
            _label(q),
            layout.metrics.label_size,
            mix(accent, "#000000", 0.2),
            "bold",
            lr.w + 2,
            layout.label_align[q],
        )
    if layout.goal_text_rect is not None and emap.goal:
        pen.text(layout.goal_text_rect, emap.goal, TYPE.body, TEXT, min_size=TYPE.caption)
    _persona_circle(ctx, pen, layout.persona_rect, persona, accent)
    for note in emap.notes:
        box = layout.note_rects.get(note.id)
        if box is None:
            continue
        pen.sticky_note(box, note.color)
        s = layout.note_scale.get(note.quadrant, 1.0)
        pen.text(
            layout.note_text_rects[note.id],
            note.text,
            layout.metrics.body * s,
            TEXT,
            max_lines=max(1, layout.note_lines.get(note.id, 1)),
        )
    for q, r in layout.overflow_rects.items():
        pen.rect(r, "#F6F7F9", "#D0D7DE", 0.5, radius=3, dash=(2, 2))
        size = TYPE.card_title
        pen.label(
            r.x, r.cy - t.leading * size / 2, f"+{layout.overflow[q]}", size, MUTED, "bold", r.w, "center"
        )


def _label(q: Quadrant) -> str:
    from ...model.layout import QUADRANT_LABELS

    return QUADRANT_LABELS[q]


def _persona_circle(ctx: Ctx, pen: Pen, r: Rect, persona, accent: str) -> None:
    if r.w <= 0:
        return
    pen.circle(r.cx, r.cy, r.w / 2 + 3, "#FFFFFF", "#D0D7DE", 0.6)
    data = ctx.photo(persona) if persona else None
    if not (data and pen.image(r, data, circle=True)):
        pen.circle(r.cx, r.cy, r.w / 2, accent)
        text = initials(persona.name) if persona else "?"
        size = r.w * 0.32
        pen.label(r.x, r.cy - pen.t.leading * size / 2, text, size, on_color(accent), "bold", r.w, "center")
    if persona is not None:
        size = TYPE.caption
        pill_w = min(r.w * 1.6, pen.t.width(persona.name, size, "bold") + 16)
        pill = Rect(r.cx - pill_w / 2, r.bottom - 6, pill_w, size * 1.8)
        pen.rect(pill, "#FFFFFF", accent, 0.6, radius=pill.h / 2)
        pen.label(
            pill.x + 6,
            pill.y + (pill.h - pen.t.leading * size) / 2,
            persona.name,
            size,
            TEXT,
            "bold",
            pill.w - 12,
            "center",
        )
