"""What every placed element shares: an id, a size, selection outline and resize handles.

Items never write to the model. A move or resize changes only the item; when the mouse is
released the scene turns the new geometry of every touched item into one op (ARCHITECTURE.md
rule 3), so one drag is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...style import Theme
from ..target import Target

if TYPE_CHECKING:
    from ...model import Placed, Project

HANDLE = 8.0
MIN_SIZE = 40.0
Geometry = tuple[float, float, float, float]


_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
    | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
)
"""Computed once: combining Python enum flags per item cost ~10 % of opening a 20k board."""
_SELECTED_CHANGED = QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged
_POSITION_CHANGE = QGraphicsItem.GraphicsItemChange.ItemPositionChange

_NO_PEN = QPen(Qt.PenStyle.NoPen)
_HANDLE_MARGIN = QPen(QColor(0, 0, 0, 0), 2 * HANDLE + 2)
"""An invisible pen: it widens the bounds and the hit shape of a selected item to its handles."""


class ElementItem(QGraphicsRectItem):
    """Base of the items that stand for one board element.

    A QGraphicsRectItem underneath: bounds and hit shape come from C++ (no Python call per
    item in an index query or a hit test, which made hit tests 3–5× slower than plain items);
    only painting is Python. The rect is the element's size; selection widens it by an
    invisible pen so the handles are drawn and hit inside the bounds.
    """

    resizable = True
    cached = True
    """Whether an interactive scene may keep this item's rendering as a pixmap (see
    BoardScene.item_cache). Maps, large and often partly visible, paint live."""

    def __init__(self, element_id: str, theme: Theme) -> None:
        super().__init__(0, 0, 100, 100)
        self.setPen(_NO_PEN)
        self.element_id = element_id
        self.theme = theme
        self._w = 100.0
        self._h = 100.0
        self._resize_corner: int | None = None
        self._press_rect = QRectF()
        self._press_pos = QPointF()
        self._placed = False
        """Flags are set at the first sync, after the first move: an item that sends geometry
        changes costs two more Python notifications for that move (of ~8 while a board opens)."""
        self.setAcceptHoverEvents(True)

    # --- model -> view ----------------------------------------------------------------

    def sync(self, element: Placed, project: Project) -> None:
        """Take position, size and z from the element; subclasses read their content too."""
        self.set_geometry((element.x, element.y, element.w, element.h))
        if not self._placed:
            self._placed = True
            self.setFlags(_FLAGS)
        self.setZValue(element.z)
        self.update()

    def target(self) -> Target:
        """The model object this item stands for (the inspector shows it)."""
        board_id = getattr(self.scene(), "board_id", None)
        return Target("element", self.element_id, board_id)

    def depends_on(self) -> set[str]:
        """Model ids whose change means this item must sync (besides its element)."""
        return set()

    def set_geometry(self, geometry: Geometry) -> None:
        x, y, w, h = geometry
        if (w, h) != (self._w, self._h):
            self._set_size(w, h)
        self.setPos(x, y)

    def _set_size(self, w: float, h: float) -> None:
        self._w, self._h = w, h
        self.setRect(0, 0, w, h)

    def geometry(self) -> Geometry:
        return (self.pos().x(), self.pos().y(), self._w, self._h)

    def size(self) -> tuple[float, float]:
        return self._w, self._h

    # --- drawing ----------------------------------------------------------------------

    def content_rect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def scene_content_rect(self) -> QRectF:
        return self.mapRectToScene(self.content_rect())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self.paint_content(painter, option)
        if self.isSelected() and getattr(self.scene(), "show_selection", True):
            self._paint_selection(painter)

    def paint_content(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        raise NotImplementedError

    def paint_card_frame(self, painter: QPainter) -> QRectF:
        """The white rounded card most elements sit on; returns its rect."""
        rect = self.content_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.theme.card_border), 1))
        painter.setBrush(QColor(self.theme.card))
        painter.drawRoundedRect(rect, 8, 8)
        return rect

    def _paint_selection(self, painter: QPainter) -> None:
        color = QColor(self.theme.selection)
        painter.setPen(QPen(color, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.content_rect().adjusted(-1, -1, 1, 1))
        if self.resizable:
            painter.setBrush(QColor(self.theme.chip))
            painter.setPen(QPen(color, 1.5))
            for corner in self._handle_rects():
                painter.drawRect(corner)

    def _handle_rects(self) -> list[QRectF]:
        r, h = self.content_rect(), HANDLE
        return [
            QRectF(x - h / 2, y - h / 2, h, h)
            for x, y in (
                (r.left(), r.top()),
                (r.right(), r.top()),
                (r.right(), r.bottom()),
                (r.left(), r.bottom()),
            )
        ]

    # --- resizing ---------------------------------------------------------------------

    def handle_at(self, pos: QPointF) -> int | None:
        if not (self.resizable and self.isSelected()):
            return None
        for i, rect in enumerate(self._handle_rects()):
            if rect.adjusted(-2, -2, 2, 2).contains(pos):
                return i
        return None

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        corner = self.handle_at(event.pos()) if event.button() == Qt.MouseButton.LeftButton else None
        if corner is not None:
            self._resize_corner = corner
            self._press_rect = QRectF(self.pos(), self.content_rect().size())
            self._press_pos = event.scenePos()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resize_corner is None:
            super().mouseMoveEvent(event)
            return
        d = event.scenePos() - self._press_pos
        r = QRectF(self._press_rect)
        left, top, right, bottom = r.left(), r.top(), r.right(), r.bottom()
        if self._resize_corner in (0, 3):
            left = min(left + d.x(), right - MIN_SIZE)
        else:
            right = max(right + d.x(), left + MIN_SIZE)
        if self._resize_corner in (0, 1):
            top = min(top + d.y(), bottom - MIN_SIZE)
        else:
            bottom = max(bottom + d.y(), top + MIN_SIZE)
        self.set_geometry((left, top, right - left, bottom - top))
        self.update()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._resize_corner = None
        super().mouseReleaseEvent(event)

    def hoverMoveEvent(self, event: Any) -> None:
        corner = self.handle_at(event.pos())
        shapes = (Qt.CursorShape.SizeFDiagCursor, Qt.CursorShape.SizeBDiagCursor)
        if corner is None:
            self.unsetCursor()
        else:
            self.setCursor(shapes[corner % 2])
        super().hoverMoveEvent(event)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        """Selection widens the pen to the handles; a dragged item snaps. Every other change
        is returned as it came: that is all QGraphicsItem::itemChange does, and skipping the
        call back into C++ saves a round trip on each of the ~8 notifications per item while a
        board opens."""
        if change is _POSITION_CHANGE:
            snap = getattr(self.scene(), "snap", None)
            if snap is not None and self._resize_corner is None:
                return snap(value)
        elif change is _SELECTED_CHANGED:
            self.setPen(_HANDLE_MARGIN if value else _NO_PEN)
        return value
