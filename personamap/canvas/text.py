"""Plain-text drawing for items: word wrap, a line limit and a clean ellipsis.

User text is always drawn with QTextLayout / drawText, which never interpret markup, so a
persona named `<img src=…>` is shown as those characters (docs/RELIABILITY.md pitfall 4).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QStaticText,
    QTextLayout,
    QTextOption,
    QTransform,
)

from ..fonts.qt import content_font
from ..model.layout.direction import is_rtl


@lru_cache(maxsize=64)
def _font(size: float, bold: bool, italic: bool) -> QFont:
    return content_font(size, bold=bold, italic=italic)


def font(size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    return _font(round(size * 4) / 4, bold, italic)


@lru_cache(maxsize=64)
def _option(rtl: bool) -> QTextOption:
    """Wrapping at word boundaries (anywhere in an over-long word), in the paragraph's direction:
    Qt then reorders a line as the paragraph reads, like the PDF (`model.layout.direction`)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return option


@lru_cache(maxsize=20_000)
def _lines(text: str, font_key: str, width: float) -> tuple[tuple[int, int, float], ...]:
    """(start, length, natural width) of each wrapped line of one paragraph. Cached: measuring
    a card's layout and drawing it break the same paragraphs at the same width."""
    layout = QTextLayout(text, _FONTS[font_key])
    layout.setTextOption(_option(is_rtl(text)))
    out = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        out.append((line.textStart(), line.textLength(), line.naturalTextWidth()))
    layout.endLayout()
    return tuple(out)


_FONTS: dict[str, QFont] = {}


_KEY_BY_OBJECT: dict[int, tuple[QFont, str]] = {}


def _key(qfont: QFont) -> str:
    """A font's identity for the caches; the house fonts are shared objects, so look them up
    by object first (QFont.key() builds a string on every call)."""
    known = _KEY_BY_OBJECT.get(id(qfont))
    if known is not None and known[0] is qfont:
        return known[1]
    key = qfont.key()
    if key not in _FONTS:
        _FONTS[key] = QFont(qfont)
    if len(_KEY_BY_OBJECT) < 512:
        _KEY_BY_OBJECT[id(qfont)] = (qfont, key)
    return key


@lru_cache(maxsize=256)
def qcolor(color: str) -> QColor:
    return QColor(color)


@lru_cache(maxsize=256)
def _spacing(font_key: str) -> float:
    return QFontMetricsF(_FONTS[font_key]).lineSpacing()


def _static(chunk: str, qfont: QFont, rtl: bool) -> QStaticText:
    """A pre-laid-out line: drawing it again costs a glyph blit, not a text layout. Plain text
    always (QStaticText would otherwise guess rich text), in its paragraph's direction."""
    static = QStaticText(chunk)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setTextOption(_option(rtl))
    static.prepare(QTransform(), qfont)
    return static


@lru_cache(maxsize=40_000)
def _fitted_lines(
    text: str, font_key: str, width: float, fit: int
) -> tuple[tuple[QStaticText, float, bool], ...]:
    """The lines of `text` wrapped to `width`, at most `fit` of them, the last one elided when
    text remains, each with its paragraph's direction (True: right to left). Cached: a frame
    redraws the same notes over and over."""
    qfont = _FONTS[font_key]
    metrics = QFontMetricsF(qfont)
    out: list[tuple[QStaticText, float, bool]] = []
    paragraphs = text.split("\n")
    for paragraph_no, paragraph in enumerate(paragraphs):
        rtl = is_rtl(paragraph)
        lines = _lines(paragraph, font_key, width) or ((0, 0, 0.0),)
        for i, (start, length, natural) in enumerate(lines):
            chunk = paragraph[start : start + length].rstrip()
            more = i < len(lines) - 1 or paragraph_no < len(paragraphs) - 1
            if len(out) + 1 >= fit and more:
                chunk = metrics.elidedText(chunk + " …", Qt.TextElideMode.ElideRight, width)
                if not chunk.endswith("…"):
                    chunk = metrics.elidedText(chunk + "…", Qt.TextElideMode.ElideRight, width)
                out.append((_static(chunk, qfont, rtl), metrics.horizontalAdvance(chunk), rtl))
                return tuple(out)
            out.append((_static(chunk, qfont, rtl), natural, rtl))
            if len(out) >= fit:
                return tuple(out)
    return tuple(out)


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
    """Draw `text` wrapped into `rect`, eliding the last line that fits. Returns the height used.
    `AlignLeft` means "at the start": a right-to-left paragraph is set flush right, as in the PDF."""
    if not text or rect.width() <= 1:
        return 0.0
    key = _key(qfont)
    spacing = _spacing(key)
    fit = max(0, int((rect.height() + 0.01) // spacing))
    if max_lines is not None:
        fit = min(fit, max_lines)
    if fit == 0:
        return 0.0
    lines = _fitted_lines(text, key, round(rect.width(), 1), fit)
    painter.setFont(qfont)
    painter.setPen(color if isinstance(color, QColor) else qcolor(color))
    top = y = rect.top()
    left, room = rect.left(), rect.width()
    centered = bool(align & Qt.AlignmentFlag.AlignHCenter)
    right = bool(align & Qt.AlignmentFlag.AlignRight)
    for static, width, rtl in lines:
        flush_right = right or (rtl and not centered)
        x = left + (room - width) / 2 if centered else left + room - width if flush_right else left
        painter.drawStaticText(QPointF(x, y), static)
        y += spacing
    return y - top


class QtMeasure:
    """The layout rules' TextMeasure, answered by Qt's font metrics (personamap.model.layout)."""

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        return QFontMetricsF(font(size, bold=bold)).horizontalAdvance(text)

    def wrapped_height(self, text: str, width: float, size: float, bold: bool = False) -> float:
        qfont = font(size, bold=bold)
        key, width = _key(qfont), round(width, 1)
        count = sum(len(_lines(p, key, width)) or 1 for p in text.split("\n")) if text else 1
        return count * _spacing(key)
