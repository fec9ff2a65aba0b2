"""Capture during a session: a new note in the focused cell with one key (N), and a parking
lot for ideas that belong to no cell (P). Both go through ordinary ops on the same document,
so undo and autosave cover everything typed while presenting."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QInputDialog

from ...canvas.items.empathy import EmpathyMapItem
from ...canvas.items.journey_map import JourneyMapItem
from ...model import ops
from ...model.base import new_id
from ...model.board import NoteElement, TextElement
from ...model.enums import LaneKind, NoteColor, Quadrant
from ...model.layout import cell_at
from .walkthrough import first_writable_lane

PARKING_TITLE = "Parking lot"
PARK_W, PARK_H, PARK_GAP = 320.0, 140.0, 16.0
PARK_ROWS = 6


class Capture:
    def __init__(self, window: Any, presenter: Any) -> None:
        self.window = window
        self.presenter = presenter

    # --- N: a note in the focused cell --------------------------------------------------------

    def quick_note(self) -> bool:
        """Open an in-place editor on a new note in the lane under the mouse (within the current
        stage), else in the stage's first lane that takes notes; on a quadrant, in it."""
        p = self.presenter
        stop = p.current()
        if p.present is None or stop is None or p.overview:
            self.park_prompt()
            return False
        view = p.present.view
        item = view.board_scene.items_by_id.get(stop.key[1]) if len(stop.key) > 1 else None
        if isinstance(item, JourneyMapItem) and stop.key[0] == "stage" and item.journey is not None:
            stage = next((s for s in item.journey.stages if s.id == stop.key[2]), None)
            if stage is None:
                return False
            lane_id = self._lane_under_mouse(view, item, stage.id) or first_writable_lane(item, stop.lane_ids)
            if lane_id is None:
                return False
            item.add_note_in((lane_id, stage.id, stage.steps[0].id))
            return True
        if isinstance(item, EmpathyMapItem) and stop.key[0] == "quadrant":
            item.add_note_in(Quadrant(stop.key[2]))
            return True
        self.park_prompt()
        return False

    def _lane_under_mouse(self, view: Any, item: JourneyMapItem, stage_id: str) -> str | None:
        pos = view.mapFromGlobal(QCursor.pos())
        if not view.viewport().rect().contains(pos) or item.layout is None or item.journey is None:
            return None
        local = item.mapFromScene(view.mapToScene(pos))
        cell = cell_at(item.layout, local.x(), local.y())
        if cell is None or cell[1] != stage_id:
            return None
        kinds = {lane.id: lane.kind for lane in item.journey.lanes}
        return cell[0] if kinds.get(cell[0]) != LaneKind.EMOTIONS else None

    # --- P: the parking lot -------------------------------------------------------------------

    def park_prompt(self) -> None:
        """In the present window a field at its foot; in the editor a small dialog."""
        if self.presenter.present is not None:
            self.presenter.present.open_parking()
            return
        text, ok = QInputDialog.getMultiLineText(self.window, PARKING_TITLE, "Park an idea for later:")
        if ok and text.strip():
            self.park(text)

    def board_id(self) -> str | None:
        p = self.presenter
        if p.present is not None:
            return p.present.view.board_scene.board_id
        view = self.window.tabs.current_view()
        return view.board_scene.board_id if view is not None else None

    def park(self, text: str, board_id: str | None = None) -> str | None:
        """Put `text` on a note in the board's parking lot (made on first use): one undo step.
        A refused note (Document.try_apply_all) says why in the status bar and on the
        projector, and leaves the board as it was."""
        doc = self.window.document
        board_id = board_id or self.board_id()
        board = doc.project.board(board_id) if doc is not None and board_id else None
        if board is None:
            return None
        title = next(
            (
                e
                for e in board.elements
                if isinstance(e, TextElement) and e.text.strip().casefold() == PARKING_TITLE.casefold()
            ),
            None,
        )
        builds: list[Callable[[Any], ops.Op]] = []
        lot_id, note_id = board.id, new_id()
        if title is None:
            right = max((e.x + e.w for e in board.elements), default=0.0)
            top = min((e.y for e in board.elements), default=0.0)
            title = TextElement(x=right + 120, y=top, w=PARK_W, h=48, text=PARKING_TITLE, size=28, bold=True)
            builds.append(partial(ops.place_element, board_id=lot_id, element=title))
        lot = title
        builds.append(lambda p: ops.place_element(p, lot_id, _lot_note(p, lot_id, lot, note_id, text)))
        if not doc.try_apply_all("Park a note", builds):
            return None
        if self.presenter.active:
            self.presenter.flash("Parked: " + text.strip().splitlines()[0][:60])
        return note_id


def _lot_note(project: Any, board_id: str, title: TextElement, note_id: str, text: str) -> dict[str, Any]:
    """The next parked note under `title`, as a dict: place_element checks it (too long a
    text is refused there like any invalid edit)."""
    board = project.board(board_id)
    k = sum(1 for e in board.elements if isinstance(e, NoteElement) and _in_lot(e, title)) if board else 0
    col, row = divmod(k, PARK_ROWS)
    return {
        "type": "note",
        "id": note_id,
        "x": title.x + col * (PARK_W + PARK_GAP),
        "y": title.y + 64 + row * (PARK_H + PARK_GAP),
        "w": PARK_W,
        "h": PARK_H,
        "text": text.strip(),
        "color": NoteColor.ORANGE,
    }


def _in_lot(note: NoteElement, title: TextElement) -> bool:
    """A note under the parking-lot title, in one of its columns."""
    return title.x - 1 <= note.x < title.x + 20 * (PARK_W + PARK_GAP) and note.y >= title.y + 40
