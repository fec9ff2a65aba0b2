"""Connectors: a line with an arrow between two elements, labelled with the relation it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...model.layout import Rect
from ...model.layout.connector import ConnectorPath, connector_label, connector_path
from ...style import RELATION_LABEL, TYPE, Theme
from ..text import font

if TYPE_CHECKING:
    from ...model import Connector, Project


def _rect(r: QRectF) -> Rect:
    return Rect(r.x(), r.y(), r.width(), r.height())


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
        self.path: ConnectorPath | None = None
        """The shared geometry (model.layout.connector) the item draws; None until placed."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(-1e6)  # under the cards it joins

    def depends_on(self) -> set[str]:
        return {self.source_id, self.target_id} | ({self.relation_id} if self.relation_id else set())

    def sync(self, element: Connector, project: Project) -> None:
        self.source_id, self.target_id = element.source_id, element.target_id
        self.relation_id = element.relation_id
        self.label = connector_label(element, project, RELATION_LABEL)
        self.update()

    def set_ends(self, source: QRectF, target: QRectF) -> None:
        path = connector_path(_rect(source), _rect(target))
        line = QLineF(QPointF(*path.start), QPointF(*path.end))
        if line != self._line:
            self.prepareGeometryChange()
            self._line = line
        self.path = path

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
        if self.path is not None and self.path.head is not None:
            painter.setBrush(color)
            painter.drawPolygon(QPolygonF([QPointF(*p) for p in self.path.head]))
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
