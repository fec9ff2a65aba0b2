"""A pen for reportlab in the layout's coordinates: top-left origin, y down, one scale factor.

Products draw with layout rects (canvas px or points) and never think about PDF's bottom-up
axis. Colours go through one place, so the grayscale option turns every colour into a grey of
the same lightness (shapes and labels carry meaning too, docs/VISUAL.md). Line widths are in
points whatever the scale: print hairlines stay hairlines.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from ...model.enums import NoteColor
from ...model.image_header import refusal
from ...model.layout import Rect, Segment
from ...style import NOTE_FILL, PRINT, contrast
from .text import Fitted, PdfText

TEXT = PRINT.text
MUTED = PRINT.muted_text
HAIRLINE = PRINT.card_border


def luminance(hex_color: str) -> float:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[k : k + 2], 16) / 255 for k in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def on_color(hex_color: str) -> str:
    """Text colour readable on a fill: white or near-black, whichever contrasts more (WCAG)."""
    return "#FFFFFF" if contrast("#FFFFFF", hex_color) >= contrast(TEXT, hex_color) else TEXT


def mix(hex_color: str, other: str, t: float) -> str:
    """`hex_color` moved a fraction t towards `other` (tints for washes and bands)."""
    a, b = hex_color.lstrip("#"), other.lstrip("#")
    out = [round(int(a[k : k + 2], 16) * (1 - t) + int(b[k : k + 2], 16) * t) for k in (0, 2, 4)]
    return "#" + "".join(f"{v:02X}" for v in out)


class Pen:
    def __init__(
        self, c: Canvas, text: PdfText, ox: float, top: float, scale: float = 1.0, grayscale: bool = False
    ) -> None:
        self.c, self.t = c, text
        self.ox, self.top, self.s = ox, top, scale
        self.grayscale = grayscale
        self._colors: dict[str, Color] = {}

    def at(self, x: float, y: float, scale: float) -> Pen:
        """A pen whose origin is this pen's (x, y) and whose units are `scale` of this pen's."""
        pen = Pen(self.c, self.t, self.px(x), self.py(y), self.s * scale, self.grayscale)
        pen._colors = self._colors
        return pen

    def px(self, x: float) -> float:
        return self.ox + x * self.s

    def py(self, y: float) -> float:
        return self.top - y * self.s

    def color(self, hex_color: str) -> Color:
        col = self._colors.get(hex_color)
        if col is None:
            h = hex_color.lstrip("#")
            r, g, b = (int(h[k : k + 2], 16) / 255 for k in (0, 2, 4))
            if self.grayscale:
                r = g = b = luminance(hex_color)
            col = self._colors[hex_color] = Color(r, g, b)
        return col

    def _paint(
        self, fill: str | None, stroke: str | None, width: float, dash: Sequence[float] | None
    ) -> None:
        c = self.c
        if fill:
            c.setFillColor(self.color(fill))
        if stroke:
            c.setStrokeColor(self.color(stroke))
            c.setLineWidth(width)
            c.setDash(list(dash) if dash else [])

    # --- shapes -------------------------------------------------------------------------------

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
        self._paint(fill, stroke, width, dash)
        x, y, w, h = self.px(r.x), self.py(r.bottom), r.w * self.s, r.h * self.s
        rad = min(radius * self.s, w / 2, h / 2)
        if rad >= 0.8:  # smaller corners do not show in print
            self.c.roundRect(x, y, w, h, rad, stroke=int(bool(stroke)), fill=int(bool(fill)))
        else:
            self.c.rect(x, y, w, h, stroke=int(bool(stroke)), fill=int(bool(fill)))

    def sticky_note(self, r: Rect, color: NoteColor) -> None:
        """A map's sticky note: its pastel fill with a slightly darker hairline, as on the canvas."""
        fill = NOTE_FILL[color]
        self.rect(r, fill, mix(fill, "#000000", 0.13), 0.5, radius=3)

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
        self._paint(None, color, width, dash)
        self.c.line(self.px(x1), self.py(y1), self.px(x2), self.py(y2))

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
        self._paint(fill, stroke, width, None)
        p = self.c.beginPath()
        p.moveTo(self.px(points[0][0]), self.py(points[0][1]))
        for x, y in points[1:]:
            p.lineTo(self.px(x), self.py(y))
        if close:
            p.close()
        self.c.drawPath(p, stroke=int(bool(stroke)), fill=int(bool(fill) and close))

    def circle(
        self,
        cx: float,
        cy: float,
        rad: float,
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.5,
    ) -> None:
        self._paint(fill, stroke, width, None)
        self.c.circle(self.px(cx), self.py(cy), rad * self.s, stroke=int(bool(stroke)), fill=int(bool(fill)))

    def curve(self, segments: Sequence[Segment], color: str, width: float) -> None:
        """A run of cubic Béziers as one vector path (the emotion curve)."""
        if not segments:
            return
        self._paint(None, color, width, None)
        self.c.setLineCap(1)
        self.c.setLineJoin(1)
        p = self.c.beginPath()
        p.moveTo(self.px(segments[0][0][0]), self.py(segments[0][0][1]))
        for _, (x1, y1), (x2, y2), (x3, y3) in segments:
            p.curveTo(self.px(x1), self.py(y1), self.px(x2), self.py(y2), self.px(x3), self.py(y3))
        self.c.drawPath(p, stroke=1, fill=0)
        self.c.setLineCap(0)

    def marker(
        self, shape: str, cx: float, cy: float, size: float, color: str, outline: str = "#FFFFFF"
    ) -> None:
        """A curve marker in a persona's shape (model.layout.MARKER_SHAPES), as on the canvas."""
        r = size / 2
        if shape == "circle":
            self.circle(cx, cy, r, color, outline, 0.8)
            return
        if shape == "square":
            self.rect(Rect(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8), color, outline, 0.8)
            return
        pts: list[tuple[float, float]] = []
        if shape == "star":
            for k in range(10):
                rad = r * 1.3 if k % 2 == 0 else r * 0.55
                a = -math.pi / 2 + k * math.pi / 5
                pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
        else:
            sides = {"triangle": 3, "diamond": 4, "hexagon": 6}.get(shape, 4)
            rad = r * (1.25 if sides == 3 else 1.15)
            start = 0.0 if sides == 6 else -math.pi / 2
            dy = r * 0.25 if sides == 3 else 0.0
            pts = [
                (
                    cx + rad * math.cos(start + k * 2 * math.pi / sides),
                    cy + dy + rad * math.sin(start + k * 2 * math.pi / sides),
                )
                for k in range(sides)
            ]
        self.polygon(pts, color, outline, 0.8)

    # --- text ---------------------------------------------------------------------------------

    def text(
        self,
        r: Rect,
        text: str,
        size: float,
        color: str = TEXT,
        style: str = "regular",
        align: str = "left",
        valign: str = "top",
        max_lines: int | None = None,
        min_size: float | None = None,
    ) -> Fitted:
        """Plain text wrapped into `r` (layout units), shrunk within `min_size`, then elided."""
        fitted = self.t.fit(text, r.w, r.h, size, style, min_size, max_lines)
        self.lines(r, fitted.lines, fitted.size, color, style, align, valign)
        return fitted

    def baselines(self, r: Rect, count: int, size: float, valign: str) -> list[float]:
        """Where `count` lines of `size` sit in `r` (layout units), top, middle or bottom: one
        rule for the PDF and for the poster pictures drawn with Qt."""
        lh = self.t.leading * size
        y = r.y
        if valign != "top":
            spare = r.h - lh * count
            y += spare if valign == "bottom" else spare / 2
        return [y + k * lh + lh / 2 + 0.35 * size for k in range(count)]

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
        self.c.setFillColor(self.color(color))
        for line, base in zip(lines, self.baselines(r, len(lines), size, valign), strict=True):
            self.t.draw_line(
                self.c, self.px(r.x), self.py(base), line, size * self.s, style, align, r.w * self.s
            )

    def label(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        color: str = TEXT,
        style: str = "regular",
        width: float = 0.0,
        align: str = "left",
    ) -> float:
        """One line whose box top is at y, elided to `width` (when given); returns its width."""
        line = text.replace("\n", " ")
        if width > 0 and self.t.width(line, size, style) > width:
            line = self.t.elide(line, width, size, style)
        self.lines(Rect(x, y, width, self.t.leading * size), [line], size, color, style, align)
        return self.t.width(line, size, style)

    # --- images -------------------------------------------------------------------------------

    def image(self, r: Rect, data: bytes, circle: bool = False) -> bool:
        """An embedded photo filling `r` (centre-cropped, at its full resolution); False when
        the bytes are not an image reportlab can read, or claim too many pixels to decode."""
        if refusal(data) is not None:
            return False
        try:
            reader = ImageReader(io.BytesIO(data))
            iw, ih = reader.getSize()
        except Exception:
            return False
        if iw <= 0 or ih <= 0:
            return False
        cover = max(r.w / iw, r.h / ih)
        w, h = iw * cover, ih * cover
        x, y = r.cx - w / 2, r.cy - h / 2
        c = self.c
        c.saveState()
        p = c.beginPath()
        if circle:
            p.circle(self.px(r.cx), self.py(r.cy), min(r.w, r.h) / 2 * self.s)
        else:
            p.rect(self.px(r.x), self.py(r.bottom), r.w * self.s, r.h * self.s)
        c.clipPath(p, stroke=0, fill=0)
        if self.grayscale:
            reader = _grey(reader, data)
        try:  # a sound header over broken pixel data fails only here, when it is decoded
            c.drawImage(reader, self.px(x), self.py(y + h), w * self.s, h * self.s, mask="auto")
        except Exception:
            return False
        finally:
            c.restoreState()
        return True


def _grey(reader: ImageReader, data: bytes) -> ImageReader:
    try:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as im:
            out = io.BytesIO()
            im.convert("L").save(out, "PNG")
        return ImageReader(io.BytesIO(out.getvalue()))
    except Exception:
        return reader
