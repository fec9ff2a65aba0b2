"""The persona poster as a PNG or SVG: the PDF poster's own layout, drawn with QPainter.

`QtPen` is the export `Pen` with Qt primitives underneath, so the poster code draws the same
page for paper and for pictures; lines are broken by the same measurer as the PDF, and Qt
sets each line in the same font (registered from the file the PDF embeds), falling back per
script and reordering right-to-left text itself. Units are points (1/72 in).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from ...model import Persona, Project
from ...model.layout import Rect
from ...model.layout.direction import aligned
from ..pages import FOOTER_LINE, PageGeometry, footer_size
from ..pdf.draw import MUTED, TEXT, Pen
from ..pdf.fonts import FontSet
from ..pdf.persona_poster import picture_job
from ..pdf.text import PdfText
from ..spec import Ctx, PdfOptions, Sheet

POSTER_WIDTH_PT = 842.0
"""A picture of a persona is as wide as an A3 sheet's short side: three columns of sections."""


@cache
def _families(paths: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for path in paths:
        font_id = QFontDatabase.addApplicationFont(path)
        out += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return tuple(dict.fromkeys(out))


class QtPen(Pen):
    """A `Pen` painting with a QPainter in points, y down (no flip, no offset)."""

    def __init__(self, painter: QPainter, text: PdfText, families: Sequence[str]) -> None:
        super().__init__(None, text, 0.0, 0.0)  # no reportlab canvas: every primitive below paints
        self.painter = painter
        self.families = list(families)

    def py(self, y: float) -> float:
        return y

    def _q(self, hex_color: str) -> QColor:
        return QColor(hex_color)

    def _set(self, fill: str | None, stroke: str | None, width: float, dash: Sequence[float] | None) -> None:
        p = self.painter
        p.setBrush(QBrush(self._q(fill)) if fill else Qt.BrushStyle.NoBrush)
        if stroke:
            pen = QPen(self._q(stroke), width)
            if dash:
                pen.setDashPattern([d / max(width, 0.01) for d in dash])
            p.setPen(pen)
        else:
            p.setPen(Qt.PenStyle.NoPen)

    def rect(
        self,
        r: Rect,
        fill: str | None = None,
        stroke: str | None = None,
        width: float = 0.5,
        radius: float = 0.0,
        dash: Sequence[float] | None = None,
    ) -> None:
        if r.w <= 0 or r.h <= 0 or not (fill or stroke):
            return
        self._set(fill, stroke, width, dash)
        rad = min(radius, r.w / 2, r.h / 2)
        self.painter.drawRoundedRect(QRectF(r.x, r.y, r.w, r.h), rad, rad)

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        color: str,
        width: float = 0.5,
        dash: Sequence[float] | None = None,
    ) -> None:
        self._set(None, color, width, dash)
        self.painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    def polygon(
        self,
        points: Sequence[tuple[float, float]],
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.5,
        close: bool = True,
    ) -> None:
        if len(points) < 2:
            return
        self._set(fill, stroke, width, None)
        poly = QPolygonF([QPointF(x, y) for x, y in points])
        if close:
            self.painter.drawPolygon(poly)
        else:
            self.painter.drawPolyline(poly)

    def circle(
        self,
        cx: float,
        cy: float,
        rad: float,
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.5,
    ) -> None:
        self._set(fill, stroke, width, None)
        self.painter.drawEllipse(QPointF(cx, cy), rad, rad)

    def _font(self, size: float, style: str) -> QFont:
        font = QFont()
        font.setFamilies(self.families or ["Noto Sans", "DejaVu Sans"])
        font.setPointSizeF(max(0.5, size))
        font.setBold("bold" in style)
        font.setItalic("italic" in style)
        return font

    def lines(
        self,
        r: Rect,
        lines: Sequence[str],
        size: float,
        color: str = TEXT,
        style: str = "regular",
        align: str = "left",
        valign: str = "top",
    ) -> None:
        if not lines:
            return
        font = self._font(size, style)
        metrics = QFontMetricsF(font)
        p = self.painter
        p.setFont(font)
        p.setPen(QPen(self._q(color)))
        for line, base in zip(lines, self.baselines(r, len(lines), size, valign), strict=True):
            line_align = aligned(align, line) if r.w > 0 else align
            x = r.x
            if line_align != "left":
                w = metrics.horizontalAdvance(line)
                x += (r.w - w) if line_align == "right" else (r.w - w) / 2
            p.drawText(QPointF(x, base), line)

    def image(self, r: Rect, data: bytes, circle: bool = False) -> bool:
        img = QImage.fromData(data)
        if img.isNull() or img.width() <= 0 or img.height() <= 0:
            return False
        cover = max(r.w / img.width(), r.h / img.height())
        w, h = img.width() * cover, img.height() * cover
        p = self.painter
        p.save()
        clip = QPainterPath()
        if circle:
            clip.addEllipse(QPointF(r.cx, r.cy), min(r.w, r.h) / 2, min(r.w, r.h) / 2)
        else:
            clip.addRect(QRectF(r.x, r.y, r.w, r.h))
        p.setClipPath(clip)
        p.drawImage(QRectF(r.cx - w / 2, r.cy - h / 2, w, h), img)
        p.restore()
        return True


def poster_ctx(project: Project, today: dt.date | None = None) -> Ctx:
    fonts = FontSet()
    return Ctx(project, PdfOptions(), fonts, PdfText(fonts), today or dt.date.today())


def poster_size(project: Project, persona: Persona) -> tuple[float, float]:
    """The picture's size in points."""
    g = picture_job(poster_ctx(project), persona, POSTER_WIDTH_PT).geometry
    return g.trim_w, g.trim_h


def paint_poster(project: Project, persona: Persona, painter: QPainter, scale: float) -> tuple[float, float]:
    """Paint the poster with `painter` at `scale` device units per point; returns its size (pt).
    The device must be at 72 dpi while painting, so a point-sized font is one unit."""
    ctx = poster_ctx(project)
    job = picture_job(ctx, persona, POSTER_WIDTH_PT)
    g: PageGeometry = job.geometry
    faces = ctx.fonts.faces[ctx.fonts.primary_family]
    families = _families(tuple(str(f.path) for f in faces.values()))
    painter.save()
    painter.scale(scale, scale)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    pen = QtPen(painter, ctx.text, families)
    job.draw(Sheet(pen, g, ctx.content_rect(g, job.footer), 1, 1))
    size = footer_size(g)
    lines = ctx.footer_lines(job.footer, g)
    y = g.trim_h - g.margin - size * FOOTER_LINE * len(lines)
    pen.lines(Rect(g.margin, y, g.trim_w - 2 * g.margin, size * FOOTER_LINE * len(lines)), lines, size, MUTED)
    painter.restore()
    return g.trim_w, g.trim_h
