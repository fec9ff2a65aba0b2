"""Dragging an emotion marker up or down: the curve previews the new score while the button
is held; release sets it (one op), Esc puts the marker back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF

from ...model import ops
from ...model.layout import score_at
from .base import Interaction


class MarkerDrag(Interaction):
    """The marker of series `persona_id` at `step_id`, in the emotions lane `lane_id` of `host`
    (a JourneyMapItem, which draws `host.preview`)."""

    def __init__(self, host: Any, persona_id: str | None, step_id: str, lane_id: str) -> None:
        super().__init__(host.scene())
        self.host = host
        self.persona_id = persona_id
        self.step_id = step_id
        self.lane_id = lane_id
        journey = host.journey
        self.score = journey.score(persona_id, step_id) if journey is not None else None
        self._show(self.score)

    def _show(self, score: int | None) -> None:
        self.host.preview = (self.persona_id, self.step_id, score)
        self.host.update()

    def _move(self, scene_pos: QPointF) -> None:
        layout = self.host.layout
        emotion = layout.emotions.get(self.lane_id) if layout is not None else None
        if emotion is not None:
            self._show(score_at(emotion, self.host.mapFromScene(scene_pos).y()))

    def _end(self, scene_pos: QPointF) -> None:
        preview = self.host.preview
        self._clear()
        if preview is None or preview[2] == self.score or preview[2] is None:
            return
        jid, (persona_id, step_id, score) = self.host.journey_id, preview
        self.host.apply(lambda p: ops.set_emotion(p, jid, persona_id, step_id, score))

    def _cancel(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self.host.preview = None
        self.host.update()
