"""Cut, copy, paste and duplicate on the current board.

Copy puts our JSON (see `personamap.model.transfer` for what it carries and the paste rule)
and plain text on the system clipboard. Paste lands where the copy was when that spot is
free, else 24 px further down-right per earlier paste (so repeated pastes fan out); if that
place is out of sight, the paste is centred in the view. Duplicate is a paste of the selection
that leaves the clipboard alone. Cut is a copy and a delete in one undo step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication

from ...canvas import clipboard
from ...canvas.scene import BoardScene
from ...canvas.view import BoardView
from ...document import Document
from ...model.arrange import bounds
from ...model.transfer import PasteError, Payload, copy_payload, plan_paste
from ...style import GRID
from .commands import Report, Selection, delete

PASTE_STEP = 24
MAX_FAN = 200


class Pasting:
    """The clipboard commands; `current` gives the active view, `report` the status bar."""

    def __init__(
        self, document: Callable[[], Document | None], current: Callable[[], BoardView | None], report: Report
    ) -> None:
        self._document = document
        self._current = current
        self._report = report

    # --- copy -----------------------------------------------------------------------------

    def _payload(self, document: Document, sel: Selection) -> Payload | None:
        if not sel.element_ids:
            return None
        return copy_payload(document.project, sel.board_id, sel.element_ids)

    def _note_texts(self, document: Document, sel: Selection) -> list[str]:
        texts = []
        for (kind, owner), ids in sel.notes.items():
            holder = (
                document.project.journey(owner)
                if kind == "journey_note"
                else document.project.empathy_map(owner)
            )
            wanted = set(ids)
            texts += [n.text for n in (holder.notes if holder else []) if n.id in wanted]
        return texts

    def copy(self, sel: Selection | None) -> bool:
        document = self._document()
        if document is None or not sel:
            self._report("Nothing selected to copy.")
            return False
        payload = self._payload(document, sel)
        if payload is not None and payload.elements:
            clipboard.put(payload)
        else:
            QGuiApplication.clipboard().setText("\n".join(self._note_texts(document, sel)))
        return True

    def cut(self, sel: Selection | None) -> bool:
        document = self._document()
        if document is None or not sel or not self.copy(sel):
            return False
        return delete(document, sel, self._report, verb="Cut")

    # --- paste ----------------------------------------------------------------------------

    def paste(self) -> bool:
        document, view = self._document(), self._current()
        if document is None or view is None:
            return False
        try:
            taken = clipboard.take()
        except PasteError as exc:
            self._report(str(exc))
            return False
        if taken is None:
            self._report("The clipboard holds nothing personamap can paste.")
            return False
        return self._place(document, view, taken[0], "Paste")

    def duplicate(self, sel: Selection | None) -> bool:
        document, view = self._document(), self._current()
        if document is None or view is None or not sel or not sel.element_ids:
            self._report("Select elements to duplicate.")
            return False
        payload = self._payload(document, sel)
        return payload is not None and self._place(document, view, payload, "Duplicate")

    def _place(self, document: Document, view: BoardView, payload: Payload, verb: str) -> bool:
        scene = view.board_scene
        dx, dy = self._offset(scene, view, payload)
        try:
            plan = plan_paste(document.project, scene.board_id, payload, dx, dy, verb=verb)
        except PasteError as exc:
            self._report(str(exc))
            return False
        if not document.try_apply(lambda _p: plan.op):
            return False
        scene.clearSelection()
        for ident in plan.element_ids:
            item = scene.items_by_id.get(ident)
            if item is not None:
                item.setSelected(True)
        view.setFocus()
        if plan.left_out:
            self._report(f"{plan.left_out} element(s) could not be pasted into this project.")
        return True

    def _offset(self, scene: BoardScene, view: BoardView, payload: Payload) -> tuple[float, float]:
        shapes = [e for e in payload.elements if e.type != "connector"]
        if not shapes:
            return 0.0, 0.0
        dx = dy = 0.0
        x, y, w, h = bounds({e.id: (e.x, e.y, e.w, e.h) for e in shapes})
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        if not visible.intersects(QRectF(x, y, w, h)):
            centre = visible.center()
            dx = round((centre.x() - w / 2 - x) / GRID) * GRID
            dy = round((centre.y() - h / 2 - y) / GRID) * GRID
        board = scene.board
        taken = {(e.type, e.x, e.y) for e in board.elements} if board else set()
        first = shapes[0]
        step = 0
        while (
            step < MAX_FAN
            and (first.type, first.x + dx + step * PASTE_STEP, first.y + dy + step * PASTE_STEP) in taken
        ):
            step += 1
        return dx + step * PASTE_STEP, dy + step * PASTE_STEP
