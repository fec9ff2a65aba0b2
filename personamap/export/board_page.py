"""A whole board as laid out on the canvas: every element at its position, the lot scaled to
fit the page. Persona cards come from `layout_card`, maps from their layouts, so the page
looks like the board. Journey maps take their natural size, as on the canvas."""

from __future__ import annotations

from collections.abc import Callable

from ..model import Board
from ..model.board import (
    Connector,
    EmpathyMapElement,
    ImageElement,
    JourneyMapElement,
    NoteElement,
    PersonaCard,
    TextElement,
)
from ..model.layout import Rect, layout_card, layout_empathy, layout_journey
from ..model.layout.connector import connector_label, connector_path
from ..style import NOTE_FILL, RELATION_LABEL, TYPE
from .card_draw import draw_card
from .draw import MUTED, TEXT, Pen, mix
from .empathy_page import draw_empathy
from .journey_draw import draw_journey
from .pages import content_rect
from .spec import Ctx, PageJob, Sheet


def job(ctx: Ctx, geometry: Callable, board: Board, level: int = 0) -> PageJob:
    sizes = _sizes(ctx, board)
    bounds = _bounds(board, sizes)
    landscape = bounds.w >= bounds.h
    g = geometry("landscape" if landscape else "portrait")
    personas = [
        p for e in board.elements if isinstance(e, PersonaCard) and (p := ctx.project.persona(e.persona_id))
    ]

    def draw(sheet: Sheet) -> None:
        area = content_rect(sheet.geometry)
        title_h = 22 * sheet.geometry.type_scale()
        sheet.pen.label(area.x, area.y, board.name, 15 * sheet.geometry.type_scale(), TEXT, "bold", area.w)
        body = Rect(area.x, area.y + title_h, area.w, area.h - title_h)
        if bounds.w <= 0 or bounds.h <= 0:
            sheet.pen.label(body.x, body.y, "This board is empty.", 11, MUTED)
            return
        scale = min(body.w / bounds.w, body.h / bounds.h)
        x = body.x + (body.w - bounds.w * scale) / 2
        pen = sheet.pen.at(x, body.y, scale).at(-bounds.x, -bounds.y, 1.0)
        draw_board(ctx, pen, board, sizes)

    return PageJob(
        board.name, draw, g, ctx.footer("board", personas=personas), level, key=f"board-{board.id}"
    )


def _sizes(ctx: Ctx, board: Board) -> dict[str, tuple[float, float]]:
    """Element sizes as the canvas shows them: journey maps at their layout's natural size."""
    out = {}
    for e in board.elements:
        if isinstance(e, JourneyMapElement) and (j := ctx.project.journey(e.map_id)) is not None:
            out[e.id] = layout_journey(j, ctx.project.settings.emotion_scale, ctx.text).size
        else:
            out[e.id] = (e.w, e.h)
    return out


def _bounds(board: Board, sizes: dict[str, tuple[float, float]]) -> Rect:
    rects = [Rect(e.x, e.y, *sizes[e.id]) for e in board.elements if not isinstance(e, Connector)]
    if not rects:
        return Rect(0, 0, 0, 0)
    out = rects[0]
    for r in rects[1:]:
        out = out.united(r)
    return out.adjusted(-16, -16, 16, 16)


def draw_board(ctx: Ctx, pen: Pen, board: Board, sizes: dict[str, tuple[float, float]]) -> None:
    rects = {e.id: Rect(e.x, e.y, *sizes[e.id]) for e in board.elements}
    for e in sorted((e for e in board.elements if isinstance(e, Connector)), key=lambda e: e.z):
        _connector(ctx, pen, e, rects)
    for e in sorted((e for e in board.elements if not isinstance(e, Connector)), key=lambda e: e.z):
        r = rects[e.id]
        sub = pen.at(r.x, r.y, 1.0)
        if isinstance(e, PersonaCard):
            persona = ctx.project.persona(e.persona_id)
            if persona is None:
                sub.rect(Rect(0, 0, r.w, r.h), "#FFFFFF", "#D0D7DE", 0.6, radius=8)
                sub.label(16, 16, "Missing persona", TYPE.body, "#C62828")
                continue
            boxes = layout_card(persona, e.layout, e.sections, r.w, ctx.text, h=r.h)
            draw_card(ctx, sub, persona, boxes)
        elif isinstance(e, NoteElement):
            fill = NOTE_FILL[e.color]
            sub.rect(Rect(0, 0, r.w, r.h), fill, mix(fill, "#000000", 0.12), 0.5)
            sub.text(Rect(10, 8, r.w - 20, r.h - 16), e.text, TYPE.body, TEXT, min_size=TYPE.caption)
        elif isinstance(e, TextElement):
            sub.text(
                Rect(0, 0, r.w, r.h),
                e.text,
                e.size,
                TEXT,
                "bold" if e.bold else "regular",
                min_size=e.size * 0.7,
            )
        elif isinstance(e, ImageElement):
            asset = ctx.project.asset(e.asset_id)
            if not (asset and sub.image(Rect(0, 0, r.w, r.h), asset.raw())):
                sub.rect(Rect(0, 0, r.w, r.h), "#F0F2F5", "#D0D7DE", 0.5, dash=(3, 2))
                sub.label(8, 8, "Image unavailable", TYPE.caption, MUTED, width=r.w - 16)
        elif isinstance(e, JourneyMapElement):
            journey = ctx.project.journey(e.map_id)
            if journey is not None:
                draw_journey(
                    ctx, sub, journey, layout_journey(journey, ctx.project.settings.emotion_scale, ctx.text)
                )
        elif isinstance(e, EmpathyMapElement):
            emap = ctx.project.empathy_map(e.map_id)
            if emap is not None:
                draw_empathy(ctx, sub, emap, layout_empathy(emap, r.w, r.h, ctx.text))


def _connector(ctx: Ctx, pen: Pen, e: Connector, rects: dict[str, Rect]) -> None:
    a, b = rects.get(e.source_id), rects.get(e.target_id)
    if a is None or b is None:
        return
    path = connector_path(a, b)
    pen.line(*path.start, *path.end, MUTED, max(0.5, 1.5 * pen.s))
    if path.head is not None:
        pen.polygon(list(path.head), MUTED)
    label = connector_label(e, ctx.project, RELATION_LABEL)
    if label:
        w = pen.t.width(label, TYPE.caption) + 12
        mx, my = path.mid
        box = Rect(mx - w / 2, my - 10, w, 20)
        pen.rect(box, "#F6F7F9", radius=4)
        pen.label(
            box.x,
            box.cy - pen.t.leading * TYPE.caption / 2,
            label,
            TYPE.caption,
            MUTED,
            width=w,
            align="center",
        )
