"""The persona deck: a cover, a contents page with links, then one poster per persona
(and, for "all", every empathy map, journey poster and board after them)."""

from __future__ import annotations

import functools

from ...model.layout import Rect, initials
from ..pages import PageGeometry
from ..spec import Ctx, GeometryFor, PageJob, Sheet
from . import board_page, empathy_page, health_page, journey_poster, votes_page
from .draw import MUTED, TEXT, mix, on_color
from .persona_poster import persona_jobs

_SECTION_TITLES = {
    "persona": "Personas",
    "empathy": "Empathy maps",
    "journey": "Journeys",
    "board": "Boards",
    "votes": "Votes",
    "health": "Project health",
}


def deck_jobs(ctx: Ctx, geometry: GeometryFor, include_maps: bool) -> list[PageJob]:
    p = ctx.project
    body: list[tuple[str, PageJob]] = [("persona", j) for j in persona_jobs(ctx, geometry, p.personas, 1)]
    if include_maps:
        body += [("empathy", empathy_page.job(ctx, geometry, m, 1)) for m in p.empathy_maps]
        for j in p.journeys:
            body += [("journey", job) for job in journey_poster.jobs(ctx, geometry, j, 1)]
        for b in p.boards:
            body += [("board", job) for job in board_page.jobs(ctx, geometry, b, 1)]
        body += [("votes", job) for job in votes_page.jobs(ctx, geometry, 1)]  # when the project has votes
        body += [("health", job) for job in health_page.jobs(ctx, geometry, 1)]
    g = geometry("portrait")
    footer = ctx.footer()
    titled = [(section, job) for section, job in body if job.outline is not None]
    chunks = _contents_chunks(ctx, g, footer, [section for section, _ in titled])
    first = 2 + len(chunks)  # the cover, then the contents pages
    pages = {id(job): first + k for k, (_, job) in enumerate(body)}
    entries = [(section, job.title, job.key, pages[id(job)]) for section, job in titled]
    cover = PageJob(p.title, lambda s: _cover(ctx, s), g, "", 0, key="cover")
    contents = []
    start = 0
    for n, count in enumerate(chunks):
        chunk = entries[start : start + count]
        start += count
        contents.append(
            PageJob(
                "Contents" if n == 0 else "Contents — continued",
                functools.partial(_contents, ctx, entries=chunk, continued=n > 0),
                g,
                footer,
                0 if n == 0 else None,
                key="contents" if n == 0 else f"contents-{n + 1}",
            )
        )
    return [cover, *contents, *(job for _, job in body)]


def _contents_metrics(ctx: Ctx, g: PageGeometry) -> tuple[float, float, float, float]:
    """(size, row height, section heading height, heading height) of the contents page."""
    k = g.type_scale()
    size = 11 * k
    return size, size * 2.3, size * 2.2, 24 * k * ctx.text.leading + 10 * k


def _contents_chunks(ctx: Ctx, g: PageGeometry, footer: str, sections: list[str]) -> list[int]:
    """How many entries each contents page holds: as many as fit, none left out."""
    _, row_h, section_h, head_h = _contents_metrics(ctx, g)
    room = ctx.content_rect(g, footer).h - head_h
    chunks, y, current = [0], 0.0, ""
    for section in sections:
        need = row_h + (section_h if section != current else 0.0)
        if chunks[-1] and y + need > room:
            chunks.append(0)
            y, current = 0.0, ""
            need = row_h + section_h
        chunks[-1] += 1
        y += need
        current = section
    return chunks


def _cover(ctx: Ctx, sheet: Sheet) -> None:
    pen, g, t = sheet.pen, sheet.geometry, ctx.text
    p = ctx.project
    k = g.type_scale()
    m = g.margin
    colors = [x.color for x in p.personas] or ["#0072B2"]
    stripe = (g.trim_w + 2 * g.bleed) / len(colors)
    for i, color in enumerate(colors):
        pen.rect(Rect(-g.bleed + i * stripe, -g.bleed, stripe + 0.5, g.bleed + 14 * k), color)
    y = g.trim_h * 0.2
    pen.label(m * 1.5, y, "PERSONAS & JOURNEYS", 10 * k, MUTED, "bold", g.trim_w - 3 * m)
    y += 24 * k
    title = pen.text(
        Rect(m * 1.5, y, g.trim_w - 3 * m, 44 * k * t.leading * 3),
        p.title,
        40 * k,
        TEXT,
        "bold",
        min_size=26 * k,
    )
    y += len(title.lines) * title.size * t.leading + 12 * k
    if p.description:
        box = Rect(m * 1.5, y, g.trim_w * 0.75, 13 * k * t.leading * 6)
        desc = pen.text(box, p.description, 13 * k, MUTED)
        y += len(desc.lines) * 13 * k * t.leading
    y += 10 * k
    facts = [
        f"{len(p.personas)} personas",
        f"{len(p.journeys)} journeys",
        f"{len(p.empathy_maps)} empathy maps",
        f"exported {ctx.today.isoformat()}",
    ]
    pen.label(m * 1.5, y, "  ·  ".join(facts), 10 * k, MUTED, width=g.trim_w - 3 * m)
    # the cast: initials circles in persona colours, names under them
    d = 46 * k
    per_row = max(1, int((g.trim_w - 3 * m) // (d * 2.0)))
    y0 = g.trim_h * 0.62
    for i, x in enumerate(p.personas):
        row, col = divmod(i, per_row)
        cx = m * 1.5 + col * d * 2.0 + d / 2
        cy = y0 + row * d * 2.4
        pen.circle(cx, cy, d / 2, x.color)
        pen.label(
            cx - d / 2,
            cy - t.leading * d * 0.36 / 2,
            initials(x.name),
            d * 0.36,
            on_color(x.color),
            "bold",
            d,
            "center",
        )
        pen.label(cx - d, cy + d * 0.62, x.name, 8 * k, TEXT, "bold", d * 2, "center")
    pen.rect(
        Rect(-g.bleed, g.trim_h - 6 * k, g.trim_w + 2 * g.bleed, 6 * k + g.bleed),
        mix(colors[0], "#FFFFFF", 0.7),
    )


def _contents(ctx: Ctx, sheet: Sheet, entries: list[tuple[str, str, str, int]], continued: bool) -> None:
    pen, g, t = sheet.pen, sheet.geometry, ctx.text
    k = g.type_scale()
    area: Rect = sheet.content
    y = area.y
    pen.label(area.x, y, "Contents — continued" if continued else "Contents", 24 * k, TEXT, "bold", area.w)
    size, row_h, _, head_h = _contents_metrics(ctx, g)
    y += head_h
    personas = {f"persona-{x.id}": x for x in ctx.project.personas}
    section = ""
    for kind, title, key, page in entries:
        if kind != section:
            section = kind
            y += size * 0.6
            pen.label(area.x, y, _SECTION_TITLES[kind].upper(), size * 0.75, MUTED, "bold", area.w)
            y += size * 1.6
        persona = personas.get(key)
        x = area.x
        if persona is not None:
            pen.circle(x + size * 0.45, y + t.leading * size / 2, size * 0.42, persona.color)
        x += size * 1.4
        num = str(page)
        num_w = t.width(num, size, "bold")
        room = area.w * 0.5 if persona is not None and persona.role else area.right - num_w - x - size * 2
        w = pen.label(x, y, title, size, TEXT, "bold", room)
        if persona is not None and persona.role:
            pen.label(
                x + w + size * 0.8,
                y + size * 0.1,
                persona.role,
                size * 0.85,
                MUTED,
                width=area.right - num_w - (x + w + size * 0.8) - size * 3,
            )
        pen.label(area.right - num_w, y, num, size, TEXT, "bold", num_w + 1)
        pen.line(x, y + row_h - size * 0.6, area.right, y + row_h - size * 0.6, "#E1E6EB", 0.5)
        top = pen.py(y + row_h - size * 0.6)
        pen.c.linkRect("", key, (pen.px(area.x), top, pen.px(area.right), top + row_h * pen.s), relative=0)
        y += row_h
