"""Dot-vote results for the deck: per map, its voted notes stage by stage with their dots
(`--what votes`, and in `all` when the project holds votes). Rows come from
`model.votes_report`, the same as the CSV, so the two never disagree."""

from __future__ import annotations

from ...model.enums import NoteColor
from ...model.layout import Rect
from ...model.votes_report import VoteRow, participants, vote_rows
from ...style import NOTE_FILL, OKABE_ITO
from ..pages import PageGeometry, content_rect
from ..spec import Ctx, GeometryFor, PageJob, Sheet
from .draw import MUTED, TEXT

ROW_LINES = 2


def jobs(ctx: Ctx, geometry: GeometryFor, level: int = 0) -> list[PageJob]:
    """One page (or more, when long) per journey or empathy map that has votes."""
    rows = vote_rows(ctx.project)
    if not rows:
        return []
    names = participants(ctx.project)
    colors = {n: OKABE_ITO[k % len(OKABE_ITO)] for k, n in enumerate(names)}
    by_map: dict[str, list[VoteRow]] = {}
    for row in rows:
        by_map.setdefault(row.owner_id, []).append(row)
    g = geometry("portrait")
    per_page = _rows_per_page(ctx, g)
    out = []
    for owner_id, map_rows in by_map.items():
        chunks = [map_rows[k : k + per_page] for k in range(0, len(map_rows), per_page)]
        for n, chunk in enumerate(chunks):
            title = f"Votes — {map_rows[0].map_title}" + (
                f" ({n + 1}/{len(chunks)})" if len(chunks) > 1 else ""
            )

            def draw(sheet: Sheet, chunk: list[VoteRow] = chunk, title: str = title) -> None:
                _draw(ctx, sheet, title, chunk, colors)

            key = f"votes-{owner_id}-{n}"
            out.append(PageJob(title, draw, g, ctx.footer("dot votes"), level if n == 0 else None, key=key))
    return out


def _metrics(ctx: Ctx, g: PageGeometry) -> tuple[float, float, float]:
    k = g.type_scale()
    body = 10 * k
    row_h = body * ctx.text.leading * ROW_LINES + 10 * k
    return k, body, row_h


def _rows_per_page(ctx: Ctx, g: PageGeometry) -> int:
    k, body, row_h = _metrics(ctx, g)
    area = content_rect(g)
    usable = area.h - 60 * k
    return max(4, int(usable // (row_h + body * 1.6 / 3)))


def _draw(ctx: Ctx, sheet: Sheet, title: str, rows: list[VoteRow], colors: dict[str, str]) -> None:
    pen, g = sheet.pen, sheet.geometry
    k, body, row_h = _metrics(ctx, g)
    area = content_rect(g)
    pen.label(area.x, area.y, title, 16 * k, TEXT, "bold", area.w)
    total = sum(r.votes for r in rows)
    pen.label(area.x, area.y + 24 * k, f"{total} dots on {len(rows)} notes", 9 * k, MUTED, width=area.w)
    y = area.y + 44 * k
    stage = None
    for row in rows:
        heading = row.stage or row.lane
        if heading != stage and row.map_kind == "journey":
            stage = heading
            pen.label(area.x, y, heading, 11 * k, TEXT, "bold", area.w)
            y += body * 1.6
        count_w = 34 * k
        pen.rect(Rect(area.x, y, count_w, row_h - 6 * k), "#1F2328", radius=4 * k)
        pen.label(
            area.x,
            y + (row_h - 6 * k) / 2 - body * 0.75,
            str(row.votes),
            body * 1.2,
            "#FFFFFF",
            "bold",
            count_w,
            "center",
        )
        bar_x = area.x + count_w + 8 * k
        lane_w = 90 * k
        text_w = area.w - count_w - 8 * k - lane_w - 8 * k
        pen.rect(Rect(bar_x, y, text_w, row_h - 6 * k), NOTE_FILL[NoteColor.YELLOW], radius=3 * k)
        pen.text(
            Rect(bar_x + 6 * k, y + 3 * k, text_w - 12 * k, row_h - 12 * k),
            row.text,
            body,
            TEXT,
            max_lines=ROW_LINES,
        )
        lane_x = bar_x + text_w + 8 * k
        pen.label(lane_x, y + 2 * k, row.lane, 8 * k, MUTED, width=lane_w)
        dx = lane_x
        for name, n in row.by_participant.items():
            for _ in range(min(n, 8)):
                if dx + 6 * k > lane_x + lane_w:
                    break
                pen.circle(dx + 3 * k, y + 20 * k, 2.6 * k, colors.get(name, "#59636E"))
                dx += 7 * k
        y += row_h + 4 * k
    # who voted, by colour (the dots' second channel is this legend)
    legend_y = y + 6 * k
    lx = area.x
    for name, color in colors.items():
        pen.circle(lx + 3 * k, legend_y + 5 * k, 3 * k, color)
        lx += 8 * k + pen.label(lx + 8 * k, legend_y, name, 8 * k, MUTED) + 14 * k
