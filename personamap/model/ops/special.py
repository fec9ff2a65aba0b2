"""Ops for edits that the generic ones would make clumsy: moving an entry to another cell and
position in one step, setting fields of many entries at once (a drag of several board
elements, a z-order change), and emotion scores, which have no id of their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..journey import EmotionScore
from ..project import Project
from .address import Address, collection_key, index_of, resolve, resolve_list, show
from .core import Changes, Op, fresh, reason, set_checked
from .errors import OpError

Values = tuple[tuple[str, Any], ...]
"""Field name and absolute value pairs, in the order they are set."""


def _restore(entity: Any, olds: list[tuple[str, Any]]) -> None:
    for name, value in reversed(olds):
        entity.__dict__[name] = value


def _set_values(entity: Any, values: Values, where: Address) -> list[tuple[str, Any]]:
    """Set several fields of one entity, all or nothing; returns the old values."""
    olds: list[tuple[str, Any]] = []
    try:
        for name, value in values:
            if name not in type(entity).model_fields:
                raise OpError(f"{show(where)} has no field {name!r}")
            olds.append((name, set_checked(entity, name, fresh(value), (*where, name))))
    except OpError:
        _restore(entity, olds)
        raise
    return olds


@dataclass(frozen=True)
class Relocate(Op):
    """Move entry `item_id` of the list at `address` to `index` and set some of its fields,
    e.g. a journey note to another lane, stage, step and place, as one edit."""

    address: Address
    item_id: str
    index: int
    values: Values = ()

    def apply(self, project: Project) -> tuple[Op, Changes]:
        _parent, _name, items = resolve_list(project, self.address)
        old_index = index_of(items, self.item_id, self.address)
        if not 0 <= self.index < len(items):
            raise OpError(
                f"index {self.index} is out of range for {show(self.address)} ({len(items)} entries)"
            )
        olds = _set_values(items[old_index], self.values, (*self.address, self.item_id))
        items.insert(self.index, items.pop(old_index))
        inverse = Relocate(self.address, self.item_id, old_index, tuple(olds), name=self.name)
        changes = Changes.of(updated=[self.item_id], collections=[collection_key(project, self.address)])
        return inverse, changes


@dataclass(frozen=True)
class SetFields(Op):
    """Set fields of several entries of one list at once: `updates` pairs entry ids with
    absolute values, e.g. the new (x, y, w, h) of every dragged board element."""

    address: Address
    updates: tuple[tuple[str, Values], ...]

    def apply(self, project: Project) -> tuple[Op, Changes]:
        _parent, _name, items = resolve_list(project, self.address)
        by_id = {item.id: item for item in items} if len(self.updates) > 1 else {}
        targets = [
            by_id.get(item_id) or items[index_of(items, item_id, self.address)] for item_id, _ in self.updates
        ]
        done: list[tuple[Any, list[tuple[str, Any]]]] = []
        try:
            for (item_id, values), entity in zip(self.updates, targets, strict=True):
                done.append((entity, _set_values(entity, values, (*self.address, item_id))))
        except OpError:
            for entity, olds in reversed(done):
                _restore(entity, olds)
            raise
        olds_by_item = tuple(
            (item_id, tuple(olds)) for (item_id, _), (_e, olds) in zip(self.updates, done, strict=True)
        )
        inverse = SetFields(self.address, tuple(reversed(olds_by_item)), name=self.name)
        return inverse, Changes.of(updated=[item_id for item_id, _ in self.updates])


@dataclass(frozen=True)
class SetEmotion(Op):
    """Set the score of one persona (None: the map's own curve) at one step of a journey,
    or clear it (`score` None: a gap). `index` places a new score in the list, so that
    undoing a clear puts it back where it was."""

    journey_id: str
    persona_id: str | None
    step_id: str
    score: EmotionScore | None
    index: int | None = None

    def apply(self, project: Project) -> tuple[Op, Changes]:
        journey = resolve(project, ("journeys", self.journey_id))
        emotions: list[EmotionScore] = journey.emotions
        where = next(
            (
                i
                for i, e in enumerate(emotions)
                if e.persona_id == self.persona_id and e.step_id == self.step_id
            ),
            None,
        )
        changes = Changes.of(updated=[self.journey_id], collections=[(self.journey_id, "emotions")])
        if self.score is None:
            if where is None:
                return self, Changes()
            old = emotions.pop(where)
            return self._with(old, where), changes
        new = self._checked(project, journey)
        if where is not None:
            old, emotions[where] = emotions[where], new
            return self._with(old, where), changes
        index = len(emotions) if self.index is None else self.index
        if not 0 <= index <= len(emotions):
            raise OpError(f"index {index} is out of range for the emotion scores ({len(emotions)} entries)")
        emotions.insert(index, new)
        return self._with(None, None), changes

    def _with(self, score: EmotionScore | None, index: int | None) -> SetEmotion:
        return SetEmotion(self.journey_id, self.persona_id, self.step_id, score, index, name=self.name)

    def _checked(self, project: Project, journey: Any) -> EmotionScore:
        try:
            new = EmotionScore.model_validate(fresh(self.score))
        except ValidationError as exc:
            raise OpError(f"invalid emotion score: {reason(exc)}") from None
        if (new.persona_id, new.step_id) != (self.persona_id, self.step_id):
            raise OpError("the score names another persona or step than the op")
        if self.step_id not in {s.id for s in journey.steps()}:
            raise OpError(f"no step with id {self.step_id} in this journey")
        if self.persona_id is not None and project.persona(self.persona_id) is None:
            raise OpError(f"no persona with id {self.persona_id}")
        return new
