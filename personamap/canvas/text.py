"""Plain-text drawing for items: word wrap, a line limit and a clean ellipsis.

User text is always drawn with QTextLayout / drawText, which never interpret markup, so a
persona named `<img src=…>` is shown as those characters (RELIABILITY.md pitfall 4).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from ..ui.fonts import content_font


@lru_cache(maxsize=64)
def _font(size: float, bold: bool, italic: bool) -> QFont:
    return content_font(size, bold=bold, italic=italic)


def font(size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    return _font(round(size * 4) / 4, bold, italic)


def _lines(text: str, qfont: QFont, width: float) -> list[tuple[int, int, float]]:
    """(start, length, natural width) of each wrapped line."""
    layout = QTextLayout(text, qfont)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    out = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        out.append((line.textStart(), line.textLength(), line.naturalTextWidth()))
    layout.endLayout()
    return out


def line_height(qfont: QFont) -> float:
    return QFontMetricsF(qfont).lineSpacing()


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    qfont: QFont,
    color: QColor | str,
    *,
    max_lines: int | None = None,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> float:
    """Draw `text` wrapped into `rect`, eliding the last line that fits. Returns the height used."""
    if not text or rect.width() <= 1:
        return 0.0
    metrics = QFontMetricsF(qfont)
    spacing = metrics.lineSpacing()
    fit = max(0, int((rect.height() + 0.01) // spacing))
    if max_lines is not None:
        fit = min(fit, max_lines)
    if fit == 0:
        return 0.0
    painter.setFont(qfont)
    painter.setPen(QColor(color))
    y = rect.top()
    for paragraph_no, paragraph in enumerate(text.split("\n")):
        lines = _lines(paragraph, qfont, rect.width()) or [(0, 0, 0.0)]
        for i, (start, length, width) in enumerate(lines):
            used = (y - rect.top()) / spacing
            last_allowed = used + 1 >= fit
            chunk = paragraph[start : start + length].rstrip()
            more = i < len(lines) - 1 or paragraph_no < text.count("\n")
            if last_allowed and more:
                chunk = metrics.elidedText(chunk + " …", Qt.TextElideMode.ElideRight, rect.width())
                if not chunk.endswith("…"):
                    chunk = metrics.elidedText(chunk + "…", Qt.TextElideMode.ElideRight, rect.width())
                width = metrics.horizontalAdvance(chunk)
            x = rect.left()
            if align & Qt.AlignmentFlag.AlignHCenter:
                x += (rect.width() - width) / 2
            elif align & Qt.AlignmentFlag.AlignRight:
                x += rect.width() - width
            painter.drawText(QPointF(x, y + metrics.ascent()), chunk)
            y += spacing
            if last_allowed:
                return y - rect.top()
    return y - rect.top()


class QtMeasure:
    """The layout rules' TextMeasure, answered by Qt's font metrics (personamap.model.layout)."""

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        return QFontMetricsF(font(size, bold=bold)).horizontalAdvance(text)

    def wrapped_height(self, text: str, width: float, size: float, bold: bool = False) -> float:
        qfont = font(size, bold=bold)
        count = sum(len(_lines(p, qfont, width)) or 1 for p in text.split("\n")) if text else 1
        return count * line_height(qfont)
