"""Hit testing on a laid-out journey: which cell a point is in, and where a dropped note goes."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from ..journey import JourneyMap
from .emotion import EmotionLayout
from .journey import JourneyLayout
from .stack import reading_index


def cell_at(layout: JourneyLayout, x: float, y: float) -> tuple[str, str, str] | None:
    """(lane_id, stage_id, step_id) of the cell under a point, None outside the lane area.

    The lane header column and the headers above are not cells.
    """
    lane_id = next((lid for lid, r in layout.lane_rects.items() if r.y <= y < r.bottom), None)
    step_id = next((sid for sid, r in layout.column_rects.items() if r.x <= x < r.right), None)
    if lane_id is None or step_id is None:
        return None
    return lane_id, layout.step_stage[step_id], step_id


MARKER_HIT = 9.0
"""How far (in x and in y) from a marker's centre a press still takes it."""


class MarkerHit(NamedTuple):
    lane_id: str
    persona_id: str | None
    step_id: str


def emotion_at(layout: JourneyLayout, x: float, y: float) -> EmotionLayout | None:
    """The emotions lane whose plot area holds the point."""
    return next((e for e in layout.emotions.values() if e.rect.contains(x, y)), None)


def marker_at(layout: JourneyLayout, series: Sequence[str | None], x: float, y: float) -> MarkerHit | None:
    """The curve marker under a point: its lane, series (persona id) and step. `series` is the
    drawing order; the topmost (last drawn) wins where markers overlap."""
    emotion = emotion_at(layout, x, y)
    if emotion is None:
        return None
    for persona_id in reversed(series):
        for point in emotion.series.get(persona_id, ()):
            if point is not None and abs(point.x - x) <= MARKER_HIT and abs(point.y - y) <= MARKER_HIT:
                return MarkerHit(emotion.lane_id, persona_id, point.step_id)
    return None


def insertion_index(
    layout: JourneyLayout,
    journey: JourneyMap,
    lane_id: str,
    stage_id: str,
    step_id: str,
    x: float,
    y: float,
    exclude: Collection[str] = (),
) -> int:
    """Where a note dropped at (x, y) goes among the cell's notes (0..count).

    `exclude` leaves out the notes being dragged, so the index counts the cell's *other*
    notes, as a move needs. Dropping onto a note's upper half (a grid: its left half)
    puts the new one before it; its centre maps back to its own index.
    """
    notes = [n for n in journey.notes_shown_in(lane_id, stage_id, step_id) if n.id not in exclude]
    rects = [layout.note_rects[n.id] for n in notes if n.id in layout.note_rects]
    if len(rects) != len(notes):
        return len(notes)
    columns = layout.column_per_row.get(step_id, 1)
    return reading_index(rects, x, y, columns, layout.metrics.gap)
