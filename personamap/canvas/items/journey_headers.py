"""Stage, step and lane headers of a journey map as child items: each is something to select
(the inspector shows its Target), to right-click (its menu) and, for stages and lanes, to drag
to a new place. They draw through their map, which knows the layout."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ..interactions.header_reorder import HeaderReorder
from ..target import Target
from .journey_menus import rename
from .notes import refuse_band_selection
from .simple import level_of_detail


class JourneyHeaderItem(QGraphicsItem):
    """kind: "stage", "step" or "lane"; `ident` is that entity's id."""

    def __init__(self, kind: str, ident: str, host: Any) -> None:
        super().__init__()
        self.kind = kind
        self.ident = ident
        self.host = host
        self.rect = QRectF(0, 0, 10, 10)
        self._reorder: HeaderReorder | None = None
        self.dragging = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        if kind in ("stage", "lane"):
            self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_rect(self, rect: QRectF) -> None:
        if rect.size() != self.rect.size():
            self.prepareGeometryChange()
        self.rect = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())
        self.update()

    def target(self) -> Target:
        return Target(self.kind, self.ident, self.host.journey_id)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if refuse_band_selection(self, change, value):
            return False
        return super().itemChange(change, value)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self.host.paint_header(painter, self, level_of_detail(option, painter))
        if self.isSelected() or self.dragging:
            color = QColor(self.host.theme.selection)
            painter.setPen(QPen(color, 2))
            color.setAlpha(30)
            painter.setBrush(color if self.dragging else Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect.adjusted(1, 1, -1, -1))

    # --- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        event.accept()
        if event.button() == Qt.MouseButton.LeftButton and self.kind in ("stage", "lane"):
            self._reorder = HeaderReorder(self.host, self, event.scenePos()).start()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._reorder is not None:
            self._reorder.move(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        reorder, self._reorder = self._reorder, None
        super().mouseReleaseEvent(event)
        if reorder is not None:
            reorder.end(event.scenePos())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        event.accept()
        rename(self.host, self.kind, self.ident)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        menu = self.host.header_menu(self.kind, self.ident)
        if menu is not None:
            event.accept()
            self.setSelected(True)
            menu.exec(event.screenPos())
