"""The PDF writer: plan the pages, then draw them one by one onto a reportlab canvas.

Every font is an embedded TrueType subset: the canvas is created with our own initial font,
so reportlab never even names Helvetica. The file is written next to the target and moved
into place when complete, so a cancelled or failed export leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ... import __version__
from ...model import Project
from ...model.layout import Rect
from ..outfile import replacing
from ..pages import FOOTER_LINE, PageGeometry, footer_size, oriented, parse_orientation, parse_page_size
from ..spec import Ctx, ExportCancelled, ExportResult, PageJob, PdfOptions, Sheet
from .draw import MUTED, Pen
from .fonts import FontSet
from .plan import plan
from .text import PdfText

Progress = Callable[[int, int], None]


def geometry_for(options: PdfOptions, default_orientation: str, size: str | None = None) -> PageGeometry:
    """The sheet for a product: the chosen size, in the chosen (or the product's) orientation."""
    _, portrait = parse_page_size(size or options.page_size)
    orientation = parse_orientation(options.orientation)
    w, h = oriented(portrait, default_orientation if orientation == "auto" else orientation)
    return PageGeometry(w, h, max(0.0, options.bleed_mm) * mm, options.crop_marks)


def render(
    project: Project,
    out_path: Path,
    options: PdfOptions,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    fonts = FontSet()
    text = PdfText(fonts)
    ctx = Ctx(project, options, fonts, text, options.today or dt.date.today())
    jobs = plan(ctx, lambda default, size=None: geometry_for(options, default, size))
    a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: smaller and faster than ASCII85 (a PDF is binary anyway)
    try:
        with replacing(Path(out_path), ".pdf") as tmp:
            c = Canvas(
                str(tmp),
                pagesize=jobs[0].geometry.media,
                pageCompression=1,
                initialFontName=fonts.primary(),
                initialFontSize=10,
                initialLeading=12,
            )
            _metadata(c, ctx, jobs)
            for number, job in enumerate(jobs, 1):
                if cancelled is not None and cancelled():
                    raise ExportCancelled("export cancelled")
                _page(c, ctx, job, number, len(jobs))
                if progress is not None:
                    progress(number, len(jobs))
            c.save()
    finally:
        rl_config.useA85 = a85
    warnings = ctx.warnings + fonts.warnings()
    return ExportResult(len(jobs), warnings)


def _metadata(c: Canvas, ctx: Ctx, jobs: list[PageJob]) -> None:
    o, p = ctx.options, ctx.project
    c.setTitle(o.title or (f"{p.title} — {jobs[0].title}" if len(jobs) == 1 else p.title))
    owners = sorted({x.lifecycle.owner for x in p.personas if x.lifecycle.owner})
    c.setAuthor(o.author or ", ".join(owners) or "personamap")
    c.setSubject(o.subject or f"Personas and journeys of {p.title}, exported {ctx.today.isoformat()}")
    c.setCreator(f"personamap {__version__}")
    c.setKeywords("personas, journey map, empathy map")
    c.setPageCompression(1)


def _page(c: Canvas, ctx: Ctx, job: PageJob, number: int, count: int) -> None:
    g = job.geometry
    c.setPageSize(g.media)
    off = g.offset
    c.setTrimBox((off, off, off + g.trim_w, off + g.trim_h))
    c.setBleedBox((off - g.bleed, off - g.bleed, off + g.trim_w + g.bleed, off + g.trim_h + g.bleed))
    c.setFont(ctx.fonts.primary(), 10)
    pen = Pen(c, ctx.text, off, off + g.trim_h, 1.0, ctx.options.grayscale)
    if job.outline is not None:
        key = job.key or f"page{number}"
        c.bookmarkPage(key)
        c.addOutlineEntry(job.title, key, level=job.outline)
    job.draw(Sheet(pen, g, ctx.content_rect(g, job.footer), number, count))
    if job.footer:
        size = footer_size(g)
        lines = ctx.footer_lines(job.footer, g)
        y = g.trim_h - g.margin - size * FOOTER_LINE * len(lines)
        width = g.trim_w - 2 * g.margin
        pen.lines(Rect(g.margin, y, width, size * FOOTER_LINE * len(lines)), lines, size, MUTED)
        pen.label(g.margin, y, f"{number} / {count}", size, MUTED, width=width, align="right")
    if g.crop_marks:
        _crop_marks(c, g)
    c.showPage()


def _crop_marks(c: Canvas, g: PageGeometry) -> None:
    """Hairline marks at the trim corners, outside the bleed."""
    off, gap, length = g.offset, g.bleed + 2 * mm, 8 * mm
    c.saveState()
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(0.25)
    for x in (off, off + g.trim_w):
        for y in (off, off + g.trim_h):
            sx = -1 if x == off else 1
            sy = -1 if y == off else 1
            c.line(x + sx * gap, y, x + sx * (gap + length), y)
            c.line(x, y + sy * gap, x, y + sy * (gap + length))
    c.restoreState()
