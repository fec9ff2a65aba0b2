"""Every entity id in a model tree, fast: per-class plans visit only the fields that can hold
entities, and a list of entities that hold none (notes, steps, elements) gives its ids in one
C-level pass, so a 20,000-note project is walked in a few milliseconds (the generic walk in
`integrity.walk_entities` costs more than parsing the file)."""

from __future__ import annotations

import types
import typing
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

from .base import Entity

_Plan = tuple[bool, tuple[str, ...]]
_PLANS: dict[type, _Plan] = {}
_LEAF: _Plan = (True, ())
"""The plan of an entity with no entities below it."""
_ID = attrgetter("id")


def _model_classes(annotation: Any) -> list[type[BaseModel]]:
    """Every model class an annotation can hold (through list, Optional, unions, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        if isinstance(arg, type | types.GenericAlias | types.UnionType) or typing.get_origin(arg):
            found.extend(_model_classes(arg))
    return found


def _reaches_entity(cls: type[BaseModel], seen: frozenset[type] = frozenset()) -> bool:
    if issubclass(cls, Entity):
        return True
    if cls in seen:
        return False
    return any(
        _reaches_entity(sub, seen | {cls})
        for field in cls.model_fields.values()
        for sub in _model_classes(field.annotation)
    )


def _plan(cls: type) -> _Plan:
    """(is an entity, names of the fields that can lead to an entity) for one class."""
    fields = []
    if isinstance(cls, type) and issubclass(cls, BaseModel):
        for name, field in cls.model_fields.items():
            if any(_reaches_entity(sub) for sub in _model_classes(field.annotation)):
                fields.append(name)
    plan = (isinstance(cls, type) and issubclass(cls, Entity), tuple(fields))
    _PLANS[cls] = plan
    return plan


def entity_ids(root: BaseModel) -> list[str]:
    """The ids of every entity in `root` (itself included), in no particular order."""
    ids: list[str] = []
    stack: list[Any] = [root]
    plans = _PLANS
    while stack:
        node = stack.pop()
        is_entity, fields = plans.get(type(node)) or _plan(type(node))
        if is_entity:
            ids.append(node.id)
        for name in fields:
            value = getattr(node, name)
            if type(value) is list:
                if all((plans.get(kind) or _plan(kind)) == _LEAF for kind in set(map(type, value))):
                    ids.extend(map(_ID, value))
                else:
                    stack.extend(value)
            elif value is not None:
                stack.append(value)
    return ids
