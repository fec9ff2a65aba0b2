"""The emotions lane: where a score sits vertically, and each persona's points per step.

Scores map linearly from the scale's minimum (bottom) to its maximum (top) inside the lane,
with padding so markers at the extremes are not cut. A missing score is a gap (None),
never interpolated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..journey import JourneyMap
from ..project import EmotionScale
from .geometry import Rect


class EmotionPoint(NamedTuple):
    step_id: str
    x: float
    y: float


Series = tuple[EmotionPoint | None, ...]


@dataclass(frozen=True)
class EmotionLayout:
    """One emotions lane: its plot area, the score axis and the points of every series.

    `series` maps a persona id (None: the map's own curve) to one entry per step, left to
    right. Scores outside the scale are drawn at its edge.
    """

    lane_id: str
    rect: Rect
    top: float
    bottom: float
    scale: EmotionScale
    neutral_y: float | None
    label_ys: tuple[tuple[int, str, float], ...]
    series: dict[str | None, Series]

    def y_of(self, score: float) -> float:
        lo, hi = self.scale.minimum, self.scale.maximum
        score = min(hi, max(lo, score))
        return self.bottom - (score - lo) / (hi - lo) * (self.bottom - self.top)

    def value_at(self, y: float) -> float:
        """The raw (unsnapped, unclamped) score at height y: the inverse of y_of."""
        lo, hi = self.scale.minimum, self.scale.maximum
        span = self.bottom - self.top
        return lo + (self.bottom - y) / span * (hi - lo) if span > 0 else (lo + hi) / 2

    def tick_ys(self) -> dict[int, float]:
        """Every whole score of the scale and its y, for grid lines."""
        return {v: self.y_of(v) for v in range(self.scale.minimum, self.scale.maximum + 1)}


def scale_text(value: int, label: str) -> str:
    """A scale label as the lane header shows it: "Delighted +2", "Frustrated −2" (a true
    minus sign), "Neutral 0"."""
    return f"{label} {value:+d}".replace("-", "\u2212") if value else f"{label} 0"


def score_at(emotion: EmotionLayout, y: float) -> int:
    """The score a marker dragged to height y stands for, snapped onto the scale."""
    return emotion.scale.clamp(emotion.value_at(y))


def series_order(journey: JourneyMap) -> list[str | None]:
    """The curves a journey draws: its own (if scored), its personas, then any other scored persona."""
    order: list[str | None] = []
    if any(e.persona_id is None for e in journey.emotions):
        order.append(None)
    order.extend(dict.fromkeys(journey.persona_ids))
    for e in journey.emotions:
        if e.persona_id is not None and e.persona_id not in order:
            order.append(e.persona_id)
    return order


def layout_emotion(
    lane_id: str,
    rect: Rect,
    journey: JourneyMap,
    scale: EmotionScale,
    column_rects: dict[str, Rect],
    pad: float,
) -> EmotionLayout:
    """Lay out one emotions lane whose plot area is `rect`; x of a step is its column centre."""
    pad = min(pad, rect.h / 2)
    top, bottom = rect.y + pad, rect.bottom - pad
    partial = EmotionLayout(lane_id, rect, top, bottom, scale, None, (), {})
    neutral = partial.y_of(0) if scale.contains(0) else None
    labels = tuple((lab.value, lab.label, partial.y_of(lab.value)) for lab in scale.labels)
    scores: dict[tuple[str | None, str], int] = {}
    for e in journey.emotions:
        scores.setdefault((e.persona_id, e.step_id), e.score)
    series: dict[str | None, Series] = {}
    for persona_id in series_order(journey):
        points: list[EmotionPoint | None] = []
        for step_id, col in column_rects.items():
            score = scores.get((persona_id, step_id))
            points.append(None if score is None else EmotionPoint(step_id, col.cx, partial.y_of(score)))
        series[persona_id] = tuple(points)
    return EmotionLayout(lane_id, rect, top, bottom, scale, neutral, labels, series)
