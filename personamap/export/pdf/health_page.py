"""The "Project health" page of the deck (`--what health`, and in `all`): the lint's findings
by severity with counts, then each journey's persona × stage coverage heat map, the same
figures as the editor's Insights dock (personamap/insights/). Long lists flow onto more pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...insights.coverage import JourneyMatrix, coverage_matrix
from ...insights.lint import lint
from ...model.layout import Rect
from ...style import PRINT, SEVERITY_COLORS
from ..pages import PageGeometry
from ..spec import Ctx, GeometryFor, PageJob, Sheet
from .draw import HAIRLINE, MUTED, TEXT, Pen, mix, on_color

TITLE = "Project health"
SEVERITIES = (("error", "Errors"), ("warning", "Warnings"), ("info", "Tips"))
ONE = {"error": "error", "warning": "warning", "info": "tip"}
COVERAGE_NOTE = (
    "Notes and scores per persona and stage: the stronger the blue, the more; a dashed cell says nothing yet."
)
LABEL_W, MAX_CELL_W, CELL_H = 110.0, 70.0, 20.0


@dataclass
class Block:
    """A piece of the page flow: its height and how to draw it with its top at y."""

    height: float
    draw: Callable[[Pen, Rect], object]
    keep_with_next: bool = False


def jobs(ctx: Ctx, geometry: GeometryFor, level: int = 0) -> list[PageJob]:
    """The health page(s): always at least one, which says so when nothing was found."""
    g = geometry("portrait")
    footer = ctx.footer("project health")
    area = ctx.content_rect(g, footer)
    findings = lint(ctx.project, ctx.today)
    blocks = _finding_blocks(ctx, g, area.w, findings) + _coverage_blocks(ctx, g, area.w)
    pages = _paginate(blocks, area.h - _head_height(g))
    out = []
    for n, page in enumerate(pages):
        title = TITLE if n == 0 else f"{TITLE} — continued"

        def draw(sheet: Sheet, page: list[Block] = page, title: str = title) -> None:
            _draw(ctx, sheet, title, findings, page)

        out.append(PageJob(title, draw, g, footer, level if n == 0 else None, key=f"health-{n}"))
    return out


# --- flow -------------------------------------------------------------------------------------


def _head_height(g: PageGeometry) -> float:
    k = g.type_scale()
    return 54 * k


def _paginate(blocks: list[Block], room: float) -> list[list[Block]]:
    """Blocks in order onto pages; a heading never ends a page alone."""
    pages: list[list[Block]] = [[]]
    y = 0.0
    for k, block in enumerate(blocks):
        need = block.height
        if block.keep_with_next and k + 1 < len(blocks):
            need += blocks[k + 1].height
        if pages[-1] and y + need > room:
            pages.append([])
            y = 0.0
        pages[-1].append(block)
        y += block.height
    return pages


def _finding_blocks(ctx: Ctx, g: PageGeometry, width: float, findings: list[Any]) -> list[Block]:
    k = g.type_scale()
    body, small = 10 * k, 8 * k
    t = ctx.text
    if not findings:
        return [
            Block(
                body * 3, lambda pen, r: pen.label(r.x, r.y, "No finding: nothing stands out.", body, MUTED)
            )
        ]
    out: list[Block] = []
    text_x = 18 * k
    for severity, heading in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        out.append(
            Block(body * 2.4, _heading(severity, f"{heading} ({len(group)})", 12 * k), keep_with_next=True)
        )
        for finding in group:
            lines = t.wrap(finding.message, width - text_x, body)  # in full: a finding is short
            where = ", ".join(str(p.get("name") or p.get("kind", "")) for p in finding.where)
            height = t.leading * (body * len(lines) + (small if where else 0)) + 8 * k
            out.append(Block(height, _row(severity, lines, where, body, small, text_x)))
    return out


def _heading(severity: str, text: str, size: float) -> Callable[[Pen, Rect], object]:
    def draw(pen: Pen, r: Rect) -> None:
        _mark(pen, severity, r.x + size * 0.45, r.y + size * 0.7, size * 0.45)
        pen.label(r.x + size * 1.3, r.y, text, size, TEXT, "bold", r.w - size * 1.3)

    return draw


def _row(
    severity: str, lines: list[str], where: str, body: float, small: float, text_x: float
) -> Callable[[Pen, Rect], object]:
    def draw(pen: Pen, r: Rect) -> None:
        _mark(pen, severity, r.x + text_x * 0.4, r.y + body * 0.7, body * 0.32)
        height = pen.t.leading * body * len(lines)
        pen.lines(Rect(r.x + text_x, r.y, r.w - text_x, height), lines, body, TEXT)
        if where:
            pen.label(r.x + text_x, r.y + height, where, small, MUTED, width=r.w - text_x)

    return draw


def _mark(pen: Pen, severity: str, cx: float, cy: float, rad: float) -> None:
    """A circle for an error, a triangle for a warning, a small square for a tip: the shape
    tells them apart in grayscale too."""
    color = SEVERITY_COLORS.get(severity, SEVERITY_COLORS["info"])
    if severity == "warning":
        pen.polygon(
            [(cx, cy - rad * 1.2), (cx + rad * 1.15, cy + rad * 0.85), (cx - rad * 1.15, cy + rad * 0.85)],
            color,
        )
    elif severity == "error":
        pen.circle(cx, cy, rad, color)
    else:
        pen.rect(Rect(cx - rad * 0.85, cy - rad * 0.85, rad * 1.7, rad * 1.7), color)


def _coverage_blocks(ctx: Ctx, g: PageGeometry, width: float) -> list[Block]:
    k = g.type_scale()
    matrices = [m for m in coverage_matrix(ctx.project) if m.personas and m.stages]
    if not matrices:
        return []

    def heading(pen: Pen, r: Rect) -> None:
        pen.label(r.x, r.y + 12 * k, "Coverage", 12 * k, TEXT, "bold", r.w)
        pen.label(r.x, r.y + 27 * k, COVERAGE_NOTE, 8 * k, MUTED, width=r.w)

    out = [Block(40 * k, heading, keep_with_next=True)]
    for m in matrices:
        head_h = 12 * k * ctx.text.leading + 2 * 8 * k * ctx.text.leading + 6 * k
        height = head_h + CELL_H * k * len(m.personas) + 14 * k
        out.append(Block(height, _heat_map(ctx, m, k, head_h)))
    return out


def _heat_map(ctx: Ctx, m: JourneyMatrix, k: float, head_h: float) -> Callable[[Pen, Rect], object]:
    def draw(pen: Pen, r: Rect) -> None:
        t = ctx.text
        pen.label(r.x, r.y, m.journey, 10 * k, TEXT, "bold", r.w)
        label_w = LABEL_W * k
        cell_w = min(MAX_CELL_W * k, (r.w - label_w) / len(m.stages))
        cell_h = CELL_H * k
        small = 7.5 * k
        top = max((c.count for row in m.cells for c in row), default=0)
        y0 = r.y + 10 * k * t.leading + 4 * k
        for col, (_sid, name) in enumerate(m.stages):
            box = Rect(r.x + label_w + col * cell_w + 1 * k, y0, cell_w - 2 * k, 2 * small * t.leading)
            pen.text(box, name, small, MUTED, align="center", valign="bottom", max_lines=2)
        y = r.y + head_h
        for row, (_pid, persona) in enumerate(m.personas):
            pen.label(r.x, y + (cell_h - 9 * k * t.leading) / 2, persona, 9 * k, TEXT, width=label_w - 6 * k)
            for col, cell in enumerate(m.cells[row]):
                box = Rect(
                    r.x + label_w + col * cell_w + 1.5 * k, y + 1.5 * k, cell_w - 3 * k, cell_h - 3 * k
                )
                _cell(pen, box, cell.count, top, 8 * k)
            y += cell_h

    return draw


def _cell(pen: Pen, box: Rect, value: int, top: int, size: float) -> None:
    if value == 0:
        pen.rect(box, None, PRINT.negative, 0.8, radius=2, dash=(2, 1.5))
        pen.label(
            box.x,
            box.y + (box.h - size * pen.t.leading) / 2,
            "–",
            size,
            PRINT.negative,
            width=box.w,
            align="center",
        )
        return
    share = 0.18 + 0.72 * value / top if top else 0.0
    fill = mix(PRINT.card, PRINT.selection, share)
    pen.rect(box, fill, HAIRLINE, 0.3, radius=2)
    ink = on_color(fill)
    pen.label(
        box.x, box.y + (box.h - size * pen.t.leading) / 2, str(value), size, ink, width=box.w, align="center"
    )


# --- page -------------------------------------------------------------------------------------


def _draw(ctx: Ctx, sheet: Sheet, title: str, findings: list[Any], blocks: list[Block]) -> None:
    pen, g, area = sheet.pen, sheet.geometry, sheet.content
    k = g.type_scale()
    pen.label(area.x, area.y, title, 16 * k, TEXT, "bold", area.w)
    counts = [(sev, label, sum(1 for f in findings if f.severity == sev)) for sev, label in SEVERITIES]
    summary = "  ·  ".join(f"{n} {ONE[sev] if n == 1 else label.lower()}" for sev, label, n in counts)
    pen.label(area.x, area.y + 24 * k, summary, 9 * k, MUTED, width=area.w)
    pen.line(area.x, area.y + 44 * k, area.right, area.y + 44 * k, HAIRLINE, 0.5)
    y = area.y + _head_height(g)
    for block in blocks:
        block.draw(pen, Rect(area.x, y, area.w, block.height))
        y += block.height
