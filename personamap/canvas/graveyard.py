"""Items taken off the scene while one of them may still be inside its own event handler."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer


class Graveyard:
    """Items removed from the scene while one of them may still be in its own event handler:
    kept alive until the event loop comes round (docs/QT-NOTES.md: PySide deletes on last reference)."""

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
