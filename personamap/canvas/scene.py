"""One board of a document as a QGraphicsScene of thin items.

The scene keeps `element id -> item` for every item's whole life (docs/QT-NOTES.md: PySide ownership
traps), builds items from the model, refreshes only the items a change names, and turns what
the user did with the mouse into ops: the geometry of everything moved or resized in one drag
becomes one `set_geometry` op.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from ..document import Document
from ..model import ops
from ..model.board import Board
from ..style import GRID, LIGHT, Theme
from .interactions.base import Interaction
from .items.base import ElementItem
from .items.connector import ConnectorItem
from .registry import item_for

GEOMETRY_EPSILON = 0.01
GRID_STEP = GRID * 3


@lru_cache(maxsize=4)
def _grid_tile(canvas: str, dot: str) -> QPixmap:
    """One grid cell with its dot: tiled by a brush, the dot grid costs one fill per frame."""
    tile = QPixmap(GRID_STEP, GRID_STEP)
    tile.fill(QColor(canvas))
    painter = QPainter(tile)
    painter.fillRect(0, 0, 2, 2, QColor(dot))
    painter.end()
    return tile


class BoardScene(QGraphicsScene):
    """The live scene of one board; edits go through the document's undo stack."""

    item_cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
    """Small items keep their rendering per view and scale: a frame blits instead of laying out
    text again, a dragged note moves without repainting. Scenes drawn into files (PDF-like SVG,
    exports) set NoCache, so text stays text."""

    def __init__(self, document: Document, board_id: str, theme: Theme = LIGHT) -> None:
        super().__init__()
        self.document = document
        self.board_id = board_id
        self.theme = theme
        self.grid_visible = True
        self.snap_to_grid = False
        self.show_selection = True  # off while rendering a picture of the board (overview, export)
        self.items_by_id: dict[str, Any] = {}
        self.interaction: Interaction | None = None
        """The gesture running now (a note, marker or header drag), for Esc to cancel."""
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor(theme.canvas))
        document.changed.connect(self._on_changed)
        document.replaced.connect(self.rebuild)
        self.rebuild()

    # --- model -> items ---------------------------------------------------------------

    @property
    def board(self) -> Board | None:
        return self.document.project.board(self.board_id)

    def rebuild(self) -> None:
        selected = {i for i, item in self.items_by_id.items() if item.isSelected()}
        for item in self.items_by_id.values():
            self.removeItem(item)
        self.items_by_id.clear()
        board = self.board
        if board is None:
            return
        for element in board.elements:
            self._add(element)
        self._update_connectors()
        for ident in selected & self.items_by_id.keys():
            self.items_by_id[ident].setSelected(True)

    def _add(self, element: Any) -> None:
        item = item_for(element, self.theme)
        if getattr(item, "cached", False):
            item.setCacheMode(self.item_cache)
        self.items_by_id[element.id] = item
        item.sync(element, self.document.project)
        self.addItem(item)

    def _on_changed(self, changes: ops.Changes, initiator: object) -> None:
        board = self.board
        if board is None:
            return
        if any(owner == self.board_id for owner, _ in changes.collections) or board.id in changes.removed:
            self._sync_membership(board)
        touched = changes.ids()
        elements = {e.id: e for e in board.elements}
        for ident, item in self.items_by_id.items():
            if ident in touched or item.depends_on() & touched:
                item.sync(elements[ident], self.document.project)
        self._update_connectors()

    def _sync_membership(self, board: Board) -> None:
        wanted = {e.id: e for e in board.elements}
        for ident in list(self.items_by_id):
            if ident not in wanted:
                self.removeItem(self.items_by_id.pop(ident))
        for ident, element in wanted.items():
            if ident not in self.items_by_id:
                self._add(element)
            else:
                self.items_by_id[ident].sync(element, self.document.project)

    def _update_connectors(self) -> None:
        for item in self.items_by_id.values():
            if isinstance(item, ConnectorItem):
                source = self.items_by_id.get(item.source_id)
                target = self.items_by_id.get(item.target_id)
                if source is not None and target is not None:
                    item.set_ends(source.scene_content_rect(), target.scene_content_rect())

    # --- items -> ops -----------------------------------------------------------------

    def element_items(self) -> list[ElementItem]:
        return [i for i in self.items_by_id.values() if isinstance(i, ElementItem)]

    def selected_ids(self) -> list[str]:
        board = self.board
        order = [e.id for e in board.elements] if board else []
        chosen = {i for i, item in self.items_by_id.items() if item.isSelected()}
        return [i for i in order if i in chosen]

    def commit_geometry(self) -> None:
        """Turn every item whose geometry differs from its element into one undoable op."""
        board = self.board
        if board is None:
            return
        changed = {}
        for element in board.elements:
            item = self.items_by_id.get(element.id)
            if not isinstance(item, ElementItem):
                continue
            geo = item.geometry()
            if any(
                abs(a - b) > GEOMETRY_EPSILON
                for a, b in zip(geo, (element.x, element.y, element.w, element.h), strict=True)
            ):
                changed[element.id] = geo
        if changed and not self.document.try_apply(lambda p: ops.set_geometry(p, self.board_id, changed)):
            self.rebuild()  # the items go back to where the model has them

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.commit_geometry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc cancels the running gesture: what it showed goes back, the model is untouched."""
        if event.key() == Qt.Key.Key_Escape and self.interaction is not None:
            self.interaction.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self.mouseGrabberItem() is not None:
            self._update_connectors()

    # --- grid -------------------------------------------------------------------------

    def snap(self, pos: QPointF) -> QPointF:
        if not self.snap_to_grid:
            return pos
        return QPointF(round(pos.x() / GRID) * GRID, round(pos.y() / GRID) * GRID)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor(self.theme.canvas))
        if not self.grid_visible or painter.worldTransform().m11() * GRID_STEP < 6:
            return
        painter.setBrushOrigin(0, 0)
        painter.fillRect(rect, QBrush(_grid_tile(self.theme.canvas, self.theme.grid_dot)))
