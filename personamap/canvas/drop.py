"""Drops onto a board: library entries, personas onto maps, image files from the file manager.

An event filter on a BoardView's viewport (so the view needs no drop code of its own). Every
drop is one undo step (Document.try_apply_all); a refused drop (an edit the model refuses, a
broken or oversized image) says why in the status bar and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QMimeData, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsView

from ..model import ops
from .create import creation_for, photo_steps
from .images import BOARD_SIDE, IMAGE_SUFFIXES, PHOTO_SIDE, ImageImportError, import_image
from .items.base import ElementItem
from .items.connector import ConnectorItem
from .payload import MIME_TYPE, Payload, decode

FILE_OFFSET = 32.0
"""Several image files dropped at once fan out by this much."""
_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove)


def image_paths(mime: QMimeData) -> list[Path]:
    """Local files with an image suffix among the URLs of a drop."""
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES]


class DropHandler(QObject):
    """Accepts library payloads and image files on one view and turns them into ops."""

    def __init__(
        self,
        view: QGraphicsView,
        show_message: Callable[[str], None],
        pick_image: Callable[[], Path | None],
    ) -> None:
        super().__init__(view)
        self.setObjectName("library_drop")
        self.view = view
        self.show_message = show_message
        self.pick_image = pick_image
        self._marker: QGraphicsPathItem | None = None
        view.viewport().installEventFilter(self)

    @property
    def scene(self) -> Any:
        return self.view.scene()

    # --- events -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _DRAG_EVENTS or kind == QEvent.Type.Drop:
            mime = event.mimeData()
            if not (mime.hasFormat(MIME_TYPE) or image_paths(mime)):
                return False
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            pos = self.view.mapToScene(event.position().toPoint())
            if kind == QEvent.Type.Drop:
                self._clear_marker()
                self.drop(mime, pos)
            else:
                self._show_target(mime, pos)
            return True
        if kind == QEvent.Type.DragLeave:
            self._clear_marker()
        return False

    # --- what lies under the pointer ----------------------------------------------------

    def element_at(self, pos: QPointF) -> Any:
        """The topmost board element (not a connector) whose frame holds `pos`, or None."""
        board = self.scene.board
        if board is None:
            return None
        items = self.scene.items_by_id
        hits = [
            e
            for e in board.elements
            if isinstance(items.get(e.id), ElementItem)
            and not isinstance(items.get(e.id), ConnectorItem)
            and items[e.id].scene_content_rect().contains(pos)
        ]
        return max(hits, key=lambda e: e.z, default=None)

    def _drop_target(self, mime: QMimeData, pos: QPointF) -> Any:
        """The element a drop acts on rather than beside: a map for a persona, a card for a photo."""
        element = self.element_at(pos)
        if element is None:
            return None
        if mime.hasFormat(MIME_TYPE):
            payload = decode(bytes(mime.data(MIME_TYPE).data()))
            if payload and payload.kind == "persona" and element.type in ("journey_map", "empathy_map"):
                return element
            return None
        return element if element.type == "persona_card" else None

    def _show_target(self, mime: QMimeData, pos: QPointF) -> None:
        target = self._drop_target(mime, pos)
        if target is None:
            self._clear_marker()
            return
        if self._marker is None:
            self.show_message(self._hint(mime, target))
        rect = self.scene.items_by_id[target.id].scene_content_rect().adjusted(-6, -6, 6, 6)
        path = QPainterPath()
        path.addRoundedRect(QRectF(rect), 10, 10)
        if self._marker is None:
            self._marker = QGraphicsPathItem()
            wash = QColor(self.scene.theme.selection)
            pen = QPen(wash, 3, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._marker.setPen(pen)
            wash.setAlpha(24)
            self._marker.setBrush(wash)
            self._marker.setZValue(1e9)
            self.scene.addItem(self._marker)
        self._marker.setPath(path)

    def _hint(self, mime: QMimeData, target: Any) -> str:
        """What letting go here will do, for the status bar."""
        project = self.scene.document.project
        if target.type == "persona_card":
            persona = project.persona(target.persona_id)
            return f"Drop to make this the photo of {persona.name if persona else 'this persona'}"
        payload = decode(bytes(mime.data(MIME_TYPE).data()))
        persona = project.persona(payload.persona_id) if payload else None
        found = project.journey(target.map_id) or project.empathy_map(target.map_id)
        who = persona.name if persona else "the persona"
        return f"Drop to add {who} to “{found.title if found else 'this map'}”"

    def _clear_marker(self) -> None:
        if self._marker is not None:
            self.scene.removeItem(self._marker)
            self._marker = None

    # --- acting -------------------------------------------------------------------------

    def drop(self, mime: QMimeData, pos: QPointF) -> None:
        if mime.hasFormat(MIME_TYPE):
            payload = decode(bytes(mime.data(MIME_TYPE).data()))
            if payload is None:
                self.show_message("That drop did not come from the library")
                return
            if payload.kind == "image":  # a file dialog must not open inside the drag loop
                QTimer.singleShot(0, lambda: self.place(payload, pos))
                return
            self.place(payload, pos, target=self._drop_target(mime, pos))
        else:
            self.drop_files(image_paths(mime), pos)

    def place(self, payload: Payload, pos: QPointF, target: Any = None) -> str | None:
        """Create `payload` at `pos` (or attach a persona to the `target` map). Returns the new
        element's id, or None when nothing was placed."""
        doc, board_id = self.scene.document, self.scene.board_id
        if payload.kind == "persona" and target is not None:
            self._attach(payload.persona_id, target)
            return None
        asset = None
        if payload.kind == "image":
            path = self.pick_image()
            if path is None:
                return None
            try:
                asset = import_image(path, BOARD_SIDE)
            except ImageImportError as exc:
                self.show_message(str(exc))
                return None
        try:
            creation = creation_for(doc.project, board_id, payload, self._snapped(pos), asset)
        except (ops.OpError, ValidationError) as exc:  # a payload the library cannot create
            self.show_message(str(exc))
            return None
        if not doc.try_apply_all(creation.name, creation.steps):
            return None
        self._select(creation.element_id)
        return creation.element_id

    def _attach(self, persona_id: str, element: Any) -> None:
        doc = self.scene.document
        project = doc.project
        persona = project.persona(persona_id)
        map_id = element.map_id
        if element.type == "journey_map":
            if not doc.try_apply(lambda p: ops.attach_journey_persona(p, map_id, persona_id)):
                return
            found = project.journey(map_id)
        else:
            if not doc.try_apply(lambda p: ops.attach_empathy_persona(p, map_id, persona_id)):
                return
            found = project.empathy_map(map_id)
        name = persona.name if persona else "The persona"
        self.show_message(f"{name} is now on “{found.title if found else 'the map'}”")

    def drop_files(self, paths: list[Path], pos: QPointF) -> None:
        """A photo for the persona card under the pointer, else image elements at the pointer."""
        if not paths:
            return
        doc, board_id = self.scene.document, self.scene.board_id
        element = self.element_at(pos)
        if element is not None and element.type == "persona_card":
            try:
                asset = import_image(paths[0], PHOTO_SIDE)
            except ImageImportError as exc:
                self.show_message(str(exc))
                return
            doc.try_apply_all("Set persona photo", photo_steps(doc.project, element.persona_id, asset))
            return
        assets, refused = [], []
        for path in paths:
            try:
                assets.append(import_image(path, BOARD_SIDE))
            except ImageImportError as exc:
                refused.append(str(exc))
        if refused:
            self.show_message(refused[0] + (f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""))
        if not assets:
            return
        steps, ids = [], []
        center = self._snapped(pos)
        for k, asset in enumerate(assets):
            at = (center[0] + k * FILE_OFFSET, center[1] + k * FILE_OFFSET)
            creation = creation_for(doc.project, board_id, Payload("image"), at, asset)
            steps += creation.steps
            ids.append(creation.element_id)
        if doc.try_apply_all("Add image" if len(assets) == 1 else f"Add {len(assets)} images", steps):
            self._select(*ids)

    def _snapped(self, pos: QPointF) -> tuple[float, float]:
        snapped = self.scene.snap(pos)
        return (snapped.x(), snapped.y())

    def _select(self, *element_ids: str) -> None:
        self.scene.clearSelection()
        for ident in element_ids:
            item = self.scene.items_by_id.get(ident)
            if item is not None:
                item.setSelected(True)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)


def install_drop(
    view: QGraphicsView, show_message: Callable[[str], None], pick_image: Callable[[], Path | None]
) -> DropHandler:
    """The view's drop handler, installed once (a view may be announced several times)."""
    existing = view.findChild(DropHandler, "library_drop")
    if existing is not None:
        return existing
    return DropHandler(view, show_message, pick_image)
