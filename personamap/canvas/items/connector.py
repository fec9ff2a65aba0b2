"""Connectors: a line with an arrow between two elements, labelled with the relation it shows."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...style import RELATION_LABEL, TYPE, Theme
from ..text import font

if TYPE_CHECKING:
    from ...model import Connector, Project



def _edge_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the line from the rect's centre toward a point leaves the rect."""
    c = rect.center()
    dx, dy = toward.x() - c.x(), toward.y() - c.y()
    if dx == 0 and dy == 0:
        return c
    sx = (rect.width() / 2) / abs(dx) if dx else math.inf
    sy = (rect.height() / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy, 1.0)
    return QPointF(c.x() + dx * s, c.y() + dy * s)


class ConnectorItem(QGraphicsItem):
    """Drawn between its two end items; selectable, never moved by itself."""

    def __init__(self, element_id: str, theme: Theme) -> None:
        super().__init__()
        self.element_id = element_id
        self.theme = theme
        self.source_id = ""
        self.target_id = ""
        self.relation_id: str | None = None
        self.label = ""
        self._line = QLineF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(-1e6)  # under the cards it joins

    def depends_on(self) -> set[str]:
        return {self.source_id, self.target_id} | ({self.relation_id} if self.relation_id else set())

    def sync(self, element: Connector, project: Project) -> None:
        self.source_id, self.target_id = element.source_id, element.target_id
        self.relation_id = element.relation_id
        label = element.label
        if not label and element.relation_id:
            rel = next((r for r in project.relations if r.id == element.relation_id), None)
            label = RELATION_LABEL.get(rel.kind.value, rel.kind.value) if rel else ""
        self.label = label
        self.update()

    def set_ends(self, source: QRectF, target: QRectF) -> None:
        line = QLineF(_edge_point(source, target.center()), _edge_point(target, source.center()))
        if line != self._line:
            self.prepareGeometryChange()
            self._line = line

    def boundingRect(self) -> QRectF:
        r = QRectF(self._line.p1(), self._line.p2()).normalized()
        return r.adjusted(-80, -24, 80, 24)

    def shape(self) -> QPainterPath:
        path = QPainterPath(self._line.p1())
        path.lineTo(self._line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(path)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        color = QColor(self.theme.selection if self.isSelected() else self.theme.muted_text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 2 if self.isSelected() else 1.5))
        painter.drawLine(self._line)
        if self._line.length() > 12:
            angle = math.atan2(self._line.dy(), self._line.dx())
            tip = self._line.p2()
            wing = 10
            left = QPointF(tip.x() - wing * math.cos(angle - 0.4), tip.y() - wing * math.sin(angle - 0.4))
            right = QPointF(tip.x() - wing * math.cos(angle + 0.4), tip.y() - wing * math.sin(angle + 0.4))
            painter.setBrush(color)
            painter.drawPolygon(QPolygonF([tip, left, right]))
        if self.label and option.levelOfDetailFromTransform(painter.worldTransform()) > 0.35:
            mid = self._line.center()
            qfont = font(TYPE.caption)
            painter.setFont(qfont)
            width = painter.fontMetrics().horizontalAdvance(self.label) + 12
            box = QRectF(mid.x() - width / 2, mid.y() - 10, width, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.theme.canvas))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(color)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.label)
