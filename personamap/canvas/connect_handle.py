"""The round "connect" handle on the right edge of a selected persona card: drag from it to
another card to say how the two personas relate.

The handle is a child of the card it serves (so it follows the card while it is dragged or
resized) and is itself a thin view: on release it only reports where the drag ended; the
editing controller decides what that means and applies the ops.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ..style import Theme

RADIUS = 7.0

Finder = Callable[[str, QPointF], object | None]
"""(source element id, scene point) -> the card item a release there would connect to."""
Finisher = Callable[[str, QPointF], None]


class ConnectHandle(QGraphicsItem):
    """Drawn at a constant screen size; emits intent through `on_release`."""

    def __init__(self, source_id: str, theme: Theme, on_release: Finisher, finder: Finder) -> None:
        super().__init__()
        self.source_id = source_id
        self.theme = theme
        self._on_release = on_release
        self._finder = finder
        self._line: QGraphicsLineItem | None = None
        self._hover = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip("Drag to another persona card to add a relation")
        self.setZValue(1e6)

    def place(self, card_size: tuple[float, float]) -> None:
        """Sit on the middle of the card's right edge (card coordinates)."""
        w, h = card_size
        self.setPos(w, h / 2)

    def boundingRect(self) -> QRectF:
        r = RADIUS + 3
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = QColor(self.theme.selection)
        r = RADIUS + (1.5 if self._hover else 0)
        painter.setPen(QPen(accent, 2))
        painter.setBrush(accent if self._hover or self._line else QColor(self.theme.card))
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setPen(QPen(QColor(self.theme.card) if self._hover or self._line else accent, 1.6))
        painter.drawLine(QLineF(-3.5, 0, 3.5, 0))
        painter.drawLine(QLineF(0, -3.5, 0, 3.5))

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)

    # --- the drag -----------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.scene() is None:
            event.ignore()
            return
        start = self.scenePos()
        self._line = QGraphicsLineItem(QLineF(start, event.scenePos()))
        pen = QPen(QColor(self.theme.selection), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._line.setPen(pen)
        self._line.setZValue(1e6)
        self.scene().addItem(self._line)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._line is None:
            return
        end = event.scenePos()
        target = self._finder(self.source_id, end)
        if target is not None and hasattr(target, "scene_content_rect"):
            end = target.scene_content_rect().center()
        self._line.setLine(QLineF(self.scenePos(), end))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        line, self._line = self._line, None
        if line is not None and line.scene() is not None:
            line.scene().removeItem(line)
        self.update()
        if line is not None:
            self._on_release(self.source_id, event.scenePos())
