"""Dragging notes inside maps: the notes follow the pointer; the drop becomes one op.

The drag itself never touches the model: notes move as items while the button is held, and
on release the host map turns the drop point into a single op (several notes: one undo step)
or, when the drop lands nowhere useful or Esc cancels, puts them back where the layout says.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF

from .base import Interaction, past_threshold

DRAG_Z = 1000.0


class NoteDrag(Interaction):
    """One drag of a group of note items (children of the same map item, `host`)."""

    def __init__(self, host: Any, items: list[Any], press: QPointF) -> None:
        super().__init__(host.scene())
        self.host = host
        self.items = items
        self.press = QPointF(press)
        self.starts = {id(item): QPointF(item.pos()) for item in items}
        self.z = {id(item): item.zValue() for item in items}
        self.active = False

    def note_ids(self) -> list[str]:
        return [item.note_id for item in self.items]

    def _move(self, scene_pos: QPointF) -> None:
        if not self.active and not past_threshold(self.press, scene_pos):
            return
        self.active = True
        delta = scene_pos - self.press
        for item in self.items:
            item.setZValue(DRAG_Z)
            item.setPos(self.starts[id(item)] + delta)

    def _restore_z(self) -> None:
        for item in self.items:
            item.setZValue(self.z[id(item)])

    def _end(self, scene_pos: QPointF) -> None:
        if not self.active:
            return
        self._restore_z()
        if not self.host.drop_notes(self.items, scene_pos):
            self.host.place_notes()

    def _cancel(self) -> None:
        self._restore_z()
        for item in self.items:
            item.setPos(self.starts[id(item)])
