"""Small vector icons for lane types (style.LANE_LOOK names them), drawn with QPainter paths:
a second channel beside the lane tint (docs/VISUAL.md), never emoji glyphs."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from ...style import Theme

ICON_ROLE: dict[str, str] = {"warning": "negative", "lightbulb": "idea", "emotion": "selection"}
"""Icons with a colour of their own name its theme role; the rest draw in `Theme.icon`."""


def _pen(painter: QPainter, color: str, width: float = 1.4) -> None:
    pen = QPen(QColor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _warning(p: QPainter, r: QRectF) -> None:
    tri = QPolygonF(
        [
            QPointF(r.center().x(), r.top() + 1),
            QPointF(r.right() - 0.5, r.bottom() - 1),
            QPointF(r.left() + 0.5, r.bottom() - 1),
        ]
    )
    p.drawPolygon(tri)
    cx = r.center().x()
    p.drawLine(QPointF(cx, r.top() + r.height() * 0.38), QPointF(cx, r.top() + r.height() * 0.66))
    p.drawPoint(QPointF(cx, r.top() + r.height() * 0.8))


def _lightbulb(p: QPainter, r: QRectF) -> None:
    bulb = QRectF(r.left() + r.width() * 0.2, r.top(), r.width() * 0.6, r.height() * 0.62)
    path = QPainterPath()
    path.arcMoveTo(bulb, -40)
    path.arcTo(bulb, -40, 260)
    base = r.top() + r.height() * 0.78
    path.lineTo(QPointF(r.left() + r.width() * 0.38, base))
    path.lineTo(QPointF(r.left() + r.width() * 0.62, base))
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(
        QPointF(r.left() + r.width() * 0.4, r.bottom() - 0.5),
        QPointF(r.left() + r.width() * 0.6, r.bottom() - 0.5),
    )


def _thought(p: QPainter, r: QRectF) -> None:
    p.drawEllipse(QRectF(r.left(), r.top() + 1, r.width(), r.height() * 0.62))
    p.drawEllipse(QRectF(r.left() + 2, r.bottom() - 4, 3, 3))


def _emotion(p: QPainter, r: QRectF) -> None:
    p.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5))
    p.drawPoint(QPointF(r.left() + r.width() * 0.35, r.top() + r.height() * 0.4))
    p.drawPoint(QPointF(r.left() + r.width() * 0.65, r.top() + r.height() * 0.4))
    mouth = QRectF(
        r.left() + r.width() * 0.28, r.top() + r.height() * 0.35, r.width() * 0.44, r.height() * 0.38
    )
    path = QPainterPath()
    path.arcMoveTo(mouth, 200)
    path.arcTo(mouth, 200, 140)
    p.drawPath(path)


def _touchpoint(p: QPainter, r: QRectF) -> None:
    p.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5))
    p.drawEllipse(r.adjusted(r.width() * 0.3, r.height() * 0.3, -r.width() * 0.3, -r.height() * 0.3))


def _channel(p: QPainter, r: QRectF) -> None:
    p.drawRoundedRect(QRectF(r.left() + r.width() * 0.25, r.top(), r.width() * 0.5, r.height()), 2, 2)
    p.drawLine(QPointF(r.center().x() - 1, r.bottom() - 2.5), QPointF(r.center().x() + 1, r.bottom() - 2.5))


def _action(p: QPainter, r: QRectF) -> None:
    path = QPainterPath(QPointF(r.left() + 1, r.center().y()))
    path.lineTo(QPointF(r.right() - 1, r.center().y()))
    path.moveTo(QPointF(r.right() - r.width() * 0.4, r.top() + 2))
    path.lineTo(QPointF(r.right() - 1, r.center().y()))
    path.lineTo(QPointF(r.right() - r.width() * 0.4, r.bottom() - 2))
    p.drawPath(path)


def _goal(p: QPainter, r: QRectF) -> None:
    x = r.left() + r.width() * 0.25
    p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
    flag = QPolygonF(
        [
            QPointF(x, r.top() + 1),
            QPointF(r.right(), r.top() + r.height() * 0.25),
            QPointF(x, r.top() + r.height() * 0.5),
        ]
    )
    p.drawPolygon(flag)


def _question(p: QPainter, r: QRectF) -> None:
    p.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5))
    p.setFont(p.font())
    path = QPainterPath()
    arc = QRectF(r.left() + r.width() * 0.34, r.top() + r.height() * 0.2, r.width() * 0.32, r.height() * 0.3)
    path.arcMoveTo(arc, 160)
    path.arcTo(arc, 160, -250)
    path.lineTo(QPointF(r.center().x(), r.top() + r.height() * 0.62))
    p.drawPath(path)
    p.drawPoint(QPointF(r.center().x(), r.top() + r.height() * 0.78))


def _eye(p: QPainter, r: QRectF, crossed: bool = False) -> None:
    path = QPainterPath(QPointF(r.left(), r.center().y()))
    path.quadTo(QPointF(r.center().x(), r.top() - 1), QPointF(r.right(), r.center().y()))
    path.quadTo(QPointF(r.center().x(), r.bottom() + 1), QPointF(r.left(), r.center().y()))
    p.drawPath(path)
    p.drawEllipse(r.center(), r.width() * 0.14, r.width() * 0.14)
    if crossed:
        p.drawLine(QPointF(r.left() + 1, r.bottom() - 1), QPointF(r.right() - 1, r.top() + 1))


def _support(p: QPainter, r: QRectF) -> None:
    c, outer, inner = r.center(), r.width() / 2 - 0.5, r.width() * 0.22
    p.drawEllipse(c, outer, outer)
    p.drawEllipse(c, inner, inner)
    for k in range(4):
        a = math.pi / 4 + k * math.pi / 2
        p.drawLine(
            QPointF(c.x() + inner * math.cos(a), c.y() + inner * math.sin(a)),
            QPointF(c.x() + outer * math.cos(a), c.y() + outer * math.sin(a)),
        )


def _kpi(p: QPainter, r: QRectF) -> None:
    for k, frac in enumerate((0.45, 0.7, 1.0)):
        x = r.left() + 1.5 + k * r.width() * 0.32
        p.drawLine(QPointF(x, r.bottom() - 0.5), QPointF(x, r.bottom() - r.height() * frac + 0.5))


def _evidence(p: QPainter, r: QRectF) -> None:
    page = QRectF(r.left() + r.width() * 0.18, r.top(), r.width() * 0.64, r.height())
    p.drawRect(page)
    for k in (0.35, 0.55, 0.75):
        y = r.top() + r.height() * k
        p.drawLine(QPointF(page.left() + 2, y), QPointF(page.right() - 2, y))


def _owner(p: QPainter, r: QRectF) -> None:
    p.drawEllipse(QPointF(r.center().x(), r.top() + r.height() * 0.3), r.width() * 0.2, r.width() * 0.2)
    body = QRectF(r.left() + 1, r.top() + r.height() * 0.58, r.width() - 2, r.height() * 0.8)
    path = QPainterPath()
    path.arcMoveTo(body, 0)
    path.arcTo(body, 0, 180)
    p.drawPath(path)


def _objection(p: QPainter, r: QRectF) -> None:
    c, rad = r.center(), r.width() / 2 - 0.5
    pts = [
        QPointF(
            c.x() + rad * math.cos(math.pi / 8 + k * math.pi / 4),
            c.y() + rad * math.sin(math.pi / 8 + k * math.pi / 4),
        )
        for k in range(8)
    ]
    p.drawPolygon(QPolygonF(pts))
    p.drawLine(QPointF(c.x() - rad * 0.45, c.y()), QPointF(c.x() + rad * 0.45, c.y()))


def _vote(p: QPainter, r: QRectF) -> None:
    p.setBrush(p.pen().color())
    p.drawEllipse(r.center(), r.width() * 0.28, r.width() * 0.28)


ICONS: dict[str, Callable[[QPainter, QRectF], None]] = {
    "warning": _warning,
    "lightbulb": _lightbulb,
    "thought": _thought,
    "emotion": _emotion,
    "touchpoint": _touchpoint,
    "channel": _channel,
    "action": _action,
    "goal": _goal,
    "question": _question,
    "frontstage": _eye,
    "backstage": lambda p, r: _eye(p, r, crossed=True),
    "support": _support,
    "kpi": _kpi,
    "evidence": _evidence,
    "owner": _owner,
    "objection": _objection,
    "vote": _vote,
}


def paint_icon(painter: QPainter, name: str, rect: QRectF, theme: Theme) -> None:
    """Draw the named icon into `rect` (about 16 px square); unknown names draw nothing."""
    draw = ICONS.get(name)
    if draw is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _pen(painter, getattr(theme, ICON_ROLE.get(name, "icon")))
    draw(painter, rect)
    painter.restore()
