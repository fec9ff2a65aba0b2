"""Edits of the emotion curve: one score per step per persona, on the project's scale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pydantic import ValidationError

from ..journey import EmotionScore
from ..project import EmotionScale, Project, ScaleLabel
from .common import known_evidence
from .core import Compound, Op, SetField, reason
from .errors import OpError
from .journey import journey_of, step_of
from .special import SetEmotion


def set_emotion(
    project: Project,
    journey_id: str,
    persona_id: str | None,
    step_id: str,
    score: float | None,
    note: str | None = None,
    evidence_ids: list[str] | None = None,
) -> Op:
    """Score a persona (None: the map's own curve) at a step. A raw value, such as a dragged
    marker's, snaps to the nearest point of the scale; None clears the score (a gap).
    `note` None keeps the score's note, `evidence_ids` None the sources it cites."""
    journey = journey_of(project, journey_id)
    step_of(journey, step_id)
    if persona_id is not None and persona_id not in journey.persona_ids:
        raise OpError(f"persona {persona_id} is not on this journey")
    if score is None:
        return SetEmotion(journey_id, persona_id, step_id, None, name="Clear emotion score")
    try:
        value = project.settings.emotion_scale.clamp(score)
    except (ValueError, OverflowError, TypeError):
        raise OpError(f"{score!r} is not a score") from None
    current = next((e for e in journey.emotions if e.persona_id == persona_id and e.step_id == step_id), None)
    text = note if note is not None else (current.note if current else "")
    if evidence_ids is not None:
        known_evidence(project, evidence_ids)
    refs = evidence_ids if evidence_ids is not None else (current.evidence_ids if current else [])
    try:
        new = EmotionScore(persona_id=persona_id, step_id=step_id, score=value, note=text, evidence_ids=refs)
    except ValidationError as exc:
        raise OpError(f"invalid emotion score: {reason(exc)}") from None
    return SetEmotion(journey_id, persona_id, step_id, new, name="Set emotion score")


def cite_emotion(
    project: Project, journey_id: str, persona_id: str | None, step_id: str, evidence_ids: list[str]
) -> Op:
    """Set the sources a score rests on; a step without a score has nothing to cite them for."""
    journey = journey_of(project, journey_id)
    current = next((e for e in journey.emotions if e.persona_id == persona_id and e.step_id == step_id), None)
    if current is None:
        raise OpError("score this step first, then cite the sources of the score")
    op = set_emotion(project, journey_id, persona_id, step_id, current.score, evidence_ids=evidence_ids)
    return replace(op, name="Cite sources for emotion score")


def clear_emotion(project: Project, journey_id: str, persona_id: str | None, step_id: str) -> Op:
    return set_emotion(project, journey_id, persona_id, step_id, None)


def set_emotion_scale(
    project: Project, minimum: int, maximum: int, labels: Sequence[ScaleLabel] | None = None
) -> Op:
    """Change the scale and map every existing score (and, unless new labels are given,
    every label) linearly onto it, rounded to the nearest point."""
    old = project.settings.emotion_scale

    def rescale(value: int) -> int:
        span = (maximum - minimum) / (old.maximum - old.minimum)
        return new.clamp(minimum + (value - old.minimum) * span)

    try:
        new = EmotionScale(minimum=minimum, maximum=maximum, labels=[])
        if labels is None:
            labels = [ScaleLabel(value=rescale(lab.value), label=lab.label) for lab in old.labels]
        new = EmotionScale(minimum=minimum, maximum=maximum, labels=list(labels))
    except ValidationError as exc:
        raise OpError(f"invalid emotion scale: {reason(exc)}") from None
    ops: list[Op] = [SetField(("settings", "emotion_scale"), new)]
    for journey in project.journeys:
        for e in journey.emotions:
            score = rescale(e.score)
            if score != e.score:
                moved = e.model_copy(update={"score": score})
                ops.append(SetEmotion(journey.id, e.persona_id, e.step_id, moved))
    return Compound(tuple(ops), name="Change emotion scale")
