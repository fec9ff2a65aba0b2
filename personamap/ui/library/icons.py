"""Small pictograms for the palette tiles, drawn with QPainter in the house colours (no image
files to ship, crisp at any device pixel ratio)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ...model.enums import LaneKind, NoteColor
from ...style import LANE_LOOK, NOTE_FILL, OKABE_ITO

W, H = 44.0, 34.0
INK = QColor("#59636E")
LINE = QColor("#D0D7DE")
CARD = QColor("#FFFFFF")
BLUE = QColor(OKABE_ITO[0])

Painter = Callable[[QPainter], None]


def _icon(paint: Painter, ratio: float = 2.0) -> QIcon:
    pixmap = QPixmap(round(W * ratio), round(H * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint(painter)
    painter.end()
    return QIcon(pixmap)


def _frame(p: QPainter, rect: QRectF, fill: QColor = CARD, radius: float = 3) -> None:
    p.setPen(QPen(LINE, 1))
    p.setBrush(fill)
    p.drawRoundedRect(rect, radius, radius)


def _persona_card(p: QPainter) -> None:
    card = QRectF(9, 2, 26, 30)
    _frame(p, card)
    p.fillRect(QRectF(12, 2, 20, 2.5), BLUE)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    p.drawEllipse(QRectF(13, 7, 8, 8))
    p.setBrush(INK)
    for y, w in ((9, 9), (12, 6), (19, 18), (23, 15), (27, 17)):
        p.drawRect(QRectF(23 if y < 15 else 13, y, w, 1.6))


def _grid(p: QPainter, lanes: list[QColor], curve: bool) -> None:
    outer = QRectF(2, 3, 40, 28)
    _frame(p, outer, radius=2)
    p.fillRect(QRectF(2.5, 3.5, 39, 5), QColor("#EEF1F4"))
    top, lane_h = 8.5, 22.0 / len(lanes)
    for k, tint in enumerate(lanes):
        p.fillRect(QRectF(2.5, top + k * lane_h, 7, lane_h - 0.5), tint)
    p.setPen(QPen(LINE, 0.8))
    for x in (16, 24, 32):
        p.drawLine(QPointF(x, 3.5), QPointF(x, 30.5))
    if curve:
        path = QPainterPath(QPointF(11, 20))
        path.cubicTo(QPointF(16, 12), QPointF(21, 26), QPointF(27, 18))
        path.cubicTo(QPointF(31, 13), QPointF(35, 15), QPointF(40, 12))
        p.setPen(QPen(BLUE, 1.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)


def _journey(p: QPainter) -> None:
    tints = [LANE_LOOK[k].tint for k in (LaneKind.ACTIONS, LaneKind.THOUGHTS, LaneKind.PAIN_POINTS)]
    _grid(p, [QColor(t) for t in tints] + [QColor(LANE_LOOK[LaneKind.OPPORTUNITIES].tint)], True)


def _blueprint(p: QPainter) -> None:
    _grid(p, [QColor("#EEF1F4"), QColor("#D4E8FF"), QColor("#E4E7EB"), QColor("#E4E7EB")], False)
    p.setPen(QPen(INK, 0.9, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(3, 19.5), QPointF(41, 19.5))


def _b2b(p: QPainter) -> None:
    _grid(p, [QColor("#EEF1F4"), QColor(LANE_LOOK[LaneKind.OBJECTIONS].tint), QColor("#FDE2E1")], True)


def _empathy(extended: bool) -> Painter:
    def paint(p: QPainter) -> None:
        outer = QRectF(6, 2, 32, 30)
        _frame(p, outer, radius=2)
        top = 2.0
        if extended:
            p.fillRect(QRectF(6.5, 2.5, 31, 5), QColor("#DDF5E3"))
            top = 7.5
        mid_y = top + (32 - top) * 0.62
        p.setPen(QPen(LINE, 0.9))
        p.drawLine(QPointF(6, top), QPointF(38, mid_y))
        p.drawLine(QPointF(38, top), QPointF(6, mid_y))
        p.drawLine(QPointF(6, mid_y), QPointF(38, mid_y))
        p.drawLine(QPointF(22, mid_y), QPointF(22, 32))
        p.setPen(QPen(QColor("#FFFFFF"), 1.2))
        p.setBrush(BLUE)
        d = 9.0
        p.drawEllipse(QRectF(22 - d / 2, mid_y - d * 0.75, d, d))

    return paint


def _note(color: NoteColor) -> Painter:
    def paint(p: QPainter) -> None:
        fill = QColor(NOTE_FILL[color])
        rect = QRectF(10, 3, 24, 24)
        path = QPainterPath()
        path.moveTo(rect.topLeft())
        path.lineTo(rect.topRight())
        path.lineTo(rect.right(), rect.bottom() - 6)
        path.lineTo(rect.right() - 6, rect.bottom())
        path.lineTo(rect.bottomLeft())
        path.closeSubpath()
        p.setPen(QPen(fill.darker(125), 1))
        p.setBrush(fill)
        p.drawPath(path)
        p.setPen(QPen(fill.darker(125), 1))
        p.setBrush(fill.darker(108))
        fold = QPainterPath(QPointF(rect.right(), rect.bottom() - 6))
        fold.lineTo(rect.right() - 6, rect.bottom() - 6)
        fold.lineTo(rect.right() - 6, rect.bottom())
        fold.closeSubpath()
        p.drawPath(fold)

    return paint


def _text(p: QPainter) -> None:
    font = p.font()
    font.setPixelSize(20)
    font.setBold(True)
    p.setFont(font)
    p.setPen(INK)
    p.drawText(QRectF(0, 0, W, H - 6), Qt.AlignmentFlag.AlignCenter, "Aa")
    p.fillRect(QRectF(12, 26, 20, 1.6), INK)


def _image(p: QPainter) -> None:
    rect = QRectF(6, 4, 32, 26)
    _frame(p, rect, QColor("#F0F2F5"), 3)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(OKABE_ITO[6]))
    p.drawEllipse(QRectF(27, 8, 6, 6))
    hills = QPainterPath(QPointF(7, 29))
    hills.lineTo(16, 16)
    hills.lineTo(22, 23)
    hills.lineTo(27, 19)
    hills.lineTo(37, 29)
    hills.closeSubpath()
    p.setBrush(QColor(OKABE_ITO[2]))
    p.drawPath(hills)


PAINTERS: dict[str, Painter] = {
    "persona_card": _persona_card,
    "journey:default": _journey,
    "journey:blueprint": _blueprint,
    "journey:b2b": _b2b,
    "empathy:classic": _empathy(False),
    "empathy:extended": _empathy(True),
    "text": _text,
    "image": _image,
    **{f"note:{c.value}": _note(c) for c in NoteColor},
}


def icon(key: str) -> QIcon:
    return _icon(PAINTERS[key])
