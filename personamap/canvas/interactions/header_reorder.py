"""Dragging a stage or lane header to a new place: an insertion bar follows the pointer;
release moves the stage or lane (one op), Esc leaves the order as it was."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt

from ...model import ops
from ..items.journey_drop import reorder_index
from .base import Interaction, past_threshold


class HeaderReorder(Interaction):
    """A drag of `header` (a JourneyHeaderItem of kind stage or lane) over its map `host`,
    which draws `host.indicator`."""

    def __init__(self, host: Any, header: Any, press: QPointF) -> None:
        super().__init__(host.scene())
        self.host = host
        self.header = header
        self.press = QPointF(press)

    def _move(self, scene_pos: QPointF) -> None:
        if not self.header.dragging and not past_threshold(self.press, scene_pos):
            return
        self._set_dragging(True)
        found = reorder_index(self.host, self.header, self.host.mapFromScene(scene_pos))
        self._indicate(found[1] if found else None)

    def _end(self, scene_pos: QPointF) -> None:
        dragging = self.header.dragging
        self._clear()
        if not dragging:
            return
        found = reorder_index(self.host, self.header, self.host.mapFromScene(scene_pos))
        if found is None or found[2]:
            return
        index, jid, ident = found[0], self.host.journey_id, self.header.ident
        if self.header.kind == "stage":
            self.host.apply(lambda p: ops.move_stage(p, jid, ident, index))
        else:
            self.host.apply(lambda p: ops.move_lane(p, jid, ident, index))

    def _cancel(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self._set_dragging(False)
        self._indicate(None)

    def _set_dragging(self, on: bool) -> None:
        if self.header.dragging != on:
            self.header.dragging = on
            self.header.setCursor(Qt.CursorShape.ClosedHandCursor if on else Qt.CursorShape.OpenHandCursor)
            self.header.update()

    def _indicate(self, rect: Any) -> None:
        self.host.indicator = rect
        self.host.update()
