"""Persona cards, n-up, for meetings: standard cards (header, quote, goals, frustrations,
motivations) in a grid with gutters and cut marks at every card corner. A4 and Letter take
2 × 2 portrait; bigger sheets take more. A card shows a chosen subset of the persona and
says how much it leaves to the poster ("+ 6 more sections")."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm

from ...model import CardLayout, Persona
from ...model.drift import data_changed
from ...model.layout import Rect, layout_card
from ...model.layout.chips import card_chips, chip_width
from ...model.lifecycle import is_overdue
from ...style import NEGATIVE_RED, PRINT
from ..pages import content_rect
from ..spec import Ctx, GeometryFor, PageJob, Sheet
from .card_draw import draw_card
from .persona_flow import contents, contents_of
from .persona_poster import DATA_CHANGED

SECTIONS = ["goals", "frustrations", "motivations", "channels"]
CARD_MM = (86.0, 118.0)
"""Trimmed card size (about A6 wide); px scale follows from the card's layout width."""
CARD_PX_W = 330.0
GUTTER = 8 * mm
FOOTER_LINES = 2
"""Footer lines the grid leaves room for (a sheet's footer lists every card's review date)."""


def jobs(ctx: Ctx, geometry: GeometryFor) -> list[PageJob]:
    g = geometry("portrait")
    area = content_rect(g, FOOTER_LINES)
    cw, ch = CARD_MM[0] * mm, CARD_MM[1] * mm
    cols = max(1, int((area.w + GUTTER) // (cw + GUTTER)))
    rows = max(1, int((area.h + GUTTER) // (ch + GUTTER)))
    if cols * rows == 0:
        cols = rows = 1
    per = cols * rows
    personas = list(ctx.project.personas)
    out = []
    for start in range(0, len(personas), per):
        chunk = personas[start : start + per]

        def draw(sheet: Sheet, chunk: list = chunk) -> None:
            _sheet(ctx, sheet, chunk, cols, rows)

        n = start // per + 1
        title = "Persona cards" if len(personas) <= per else f"Persona cards ({n})"
        out.append(
            PageJob(
                title,
                draw,
                g,
                ctx.footer("cut along the marks", personas=chunk),
                0 if n == 1 else None,
                key=f"cards-{n}",
            )
        )
    return out


def _sheet(ctx: Ctx, sheet: Sheet, personas: list[Persona], cols: int, rows: int) -> None:
    area: Rect = sheet.content
    pen = sheet.pen
    cw, ch = CARD_MM[0] * mm, CARD_MM[1] * mm
    if cols * cw + (cols - 1) * GUTTER > area.w:  # a sheet smaller than one card: shrink it
        f = area.w / cw
        cw, ch = cw * f, ch * f
    if rows * ch + (rows - 1) * GUTTER > area.h:
        f = area.h / ch
        cw, ch = cw * f, ch * f
    grid_w = cols * cw + (cols - 1) * GUTTER
    grid_h = rows * ch + (rows - 1) * GUTTER
    x0 = area.x + (area.w - grid_w) / 2
    y0 = area.y + (area.h - grid_h) / 2
    scale = cw / CARD_PX_W
    today = ctx.today
    for k, persona in enumerate(personas):
        row, col = divmod(k, cols)
        x, y = x0 + col * (cw + GUTTER), y0 + row * (ch + GUTTER)
        boxes = layout_card(
            persona,
            CardLayout.STANDARD,
            SECTIONS,
            CARD_PX_W,
            ctx.text,
            h=ch / scale - 44,
            sources=ctx.project.sources,
        )
        card_pen = pen.at(x, y, scale)
        draw_card(ctx, card_pen, persona, boxes)
        del boxes
        _footer(ctx, card_pen, persona, ch / scale, today)
        _cut_marks(pen, Rect(x, y, cw, ch))


def more_sections(persona, sources=()) -> int:
    """How many of the persona's non-empty sections the card leaves out (`sources`: the
    project's library, for the section of the sources it cites)."""
    shown = {title for title, _, _ in contents_of(persona, SECTIONS, sources)}
    return sum(1 for title, _, _ in contents(persona, sources) if title not in shown)


def _footer(ctx: Ctx, pen, persona, h: float, today: dt.date) -> None:
    overdue = is_overdue(persona, ctx.project.settings.review_period_months, today)
    text = f"v{persona.lifecycle.version} · review by {ctx.review_by(persona)}"
    more = more_sections(persona, ctx.project.sources)
    if more:
        label = f"+ {more} more section{'s' if more != 1 else ''} in the poster"
        pen.label(16, h - 40, label, 9, "#59636E", "italic", width=CARD_PX_W - 32)
    shown = pen.label(16, h - 22, text, 9, NEGATIVE_RED if overdue else "#8C959F", width=CARD_PX_W - 32)
    if data_changed(ctx.project, persona):
        _changed_chip(ctx, pen, Rect(0, 0, CARD_PX_W, h), left=16 + shown + 8)


def _changed_chip(ctx: Ctx, pen, card: Rect, left: float) -> None:
    """ "Data changed" as the canvas card shows it, right of the review line
    (model/layout/chips.py)."""
    (r,) = card_chips([chip_width(ctx.text.text_width(DATA_CHANGED, 9, bold=True))], card, left)
    pen.rect(r, PRINT.negative_fill, radius=r.h / 2)
    pen.text(r, DATA_CHANGED, 9, NEGATIVE_RED, "bold", "center", "middle", max_lines=1)


def _cut_marks(pen, r: Rect) -> None:
    """Short hairlines just outside each corner, in line with the card's edges."""
    gap, length = 1.5 * mm, 3.5 * mm
    for x in (r.x, r.right):
        for y in (r.y, r.bottom):
            sx = -1 if x == r.x else 1
            sy = -1 if y == r.y else 1
            pen.line(x + sx * gap, y, x + sx * (gap + length), y, "#000000", 0.3)
            pen.line(x, y + sy * gap, x, y + sy * (gap + length), "#000000", 0.3)
