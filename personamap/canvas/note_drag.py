"""Dragging notes inside maps: the notes follow the pointer; the drop becomes one op.

The drag itself never touches the model: notes move as items while the button is held, and
on release the host map turns the drop point into a single op (several notes: one undo step)
or, when the drop lands nowhere useful, puts them back where the layout says they belong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QTimer

from ..model import ops

THRESHOLD = 4.0
"""Scene px the pointer must travel before a press becomes a drag (a click stays a click)."""
DRAG_Z = 1000.0


class NoteDrag:
    """One drag of a group of note items (children of the same map item)."""

    def __init__(self, items: list[Any], press: QPointF) -> None:
        self.items = items
        self.press = QPointF(press)
        self.starts = {id(item): QPointF(item.pos()) for item in items}
        self.z = {id(item): item.zValue() for item in items}
        self.active = False

    def move(self, scene_pos: QPointF) -> None:
        delta = scene_pos - self.press
        if not self.active and abs(delta.x()) + abs(delta.y()) < THRESHOLD:
            return
        self.active = True
        for item in self.items:
            item.setZValue(DRAG_Z)
            item.setPos(self.starts[id(item)] + delta)

    def note_ids(self) -> list[str]:
        return [item.note_id for item in self.items]


def restore_z(items: list[Any]) -> None:
    for item in items:
        item.setZValue(0)


def try_apply(item: Any, factory: Callable[[], ops.Op]) -> bool:
    """Build and apply an op for an item's scene; a refused edit goes to the status bar.

    Unlike BoardScene.apply this never rebuilds the scene, so it is safe inside the item's
    own mouse handlers (a refused op changes nothing; Document.apply guarantees it)."""
    scene = item.scene()
    if scene is None:
        return False
    try:
        scene.document.apply(factory())
    except ops.OpError as exc:
        scene.error.emit(str(exc))
        return False
    return True


class Graveyard:
    """Items removed from the scene while one of them may still be in its own event handler:
    kept alive until the event loop comes round (QT-NOTES: PySide deletes on last reference)."""

    def __init__(self) -> None:
        self._dead: list[Any] = []

    def bury(self, item: Any) -> None:
        item.hide()
        scene = item.scene()
        if scene is not None:
            scene.removeItem(item)
        else:
            item.setParentItem(None)
        if not self._dead:
            QTimer.singleShot(0, self._dead.clear)
        self._dead.append(item)
