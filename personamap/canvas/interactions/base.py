"""What every canvas gesture shares: start, move, end, cancel, and the scene knowing the one
that runs, so Esc (a key event, which never reaches the item holding the mouse) can cancel it."""

from __future__ import annotations

from typing import Any, Self

from PySide6.QtCore import QPointF

THRESHOLD = 4.0
"""Scene px the pointer must travel before a press becomes a drag (a click stays a click)."""


def past_threshold(press: QPointF, scene_pos: QPointF) -> bool:
    delta = scene_pos - press
    return abs(delta.x()) + abs(delta.y()) >= THRESHOLD


class Interaction:
    """One gesture from press to release. Subclasses fill in `_move`, `_end` and `_cancel`;
    once ended or cancelled, further events are ignored, so a release after Esc does nothing."""

    def __init__(self, scene: Any) -> None:
        self.scene = scene
        self.over = False

    def start(self) -> Self:
        """Make this the scene's running gesture (cancelling any other) and return it."""
        running = getattr(self.scene, "interaction", None)
        if running is not None and running is not self:
            running.cancel()
        if self.scene is not None:
            self.scene.interaction = self
        return self

    def move(self, scene_pos: QPointF) -> None:
        if not self.over:
            self._move(scene_pos)

    def end(self, scene_pos: QPointF) -> None:
        if not self.over:
            self._finish()
            self._end(scene_pos)

    def cancel(self) -> None:
        if not self.over:
            self._finish()
            self._cancel()

    def _finish(self) -> None:
        self.over = True
        if getattr(self.scene, "interaction", None) is self:
            self.scene.interaction = None

    def _move(self, scene_pos: QPointF) -> None: ...

    def _end(self, scene_pos: QPointF) -> None: ...

    def _cancel(self) -> None: ...
