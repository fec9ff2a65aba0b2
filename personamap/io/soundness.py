"""Integrity checking fast enough for loading 20,000 notes.

`model.integrity.problems()` walks every field of every object with nested generators; on a
20,000-note project that costs more than parsing the JSON. Duplicate ids are the expensive
half, so here ids are collected with per-class plans that visit only the fields that can hold
entities. When they are unique, the project's problems are exactly the reference problems;
otherwise the full `problems()` runs and reports. tests/io/test_soundness.py proves the
equivalence on random and broken projects.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from personamap.model import integrity
from personamap.model.base import Entity
from personamap.model.project import Project

_Plan = tuple[bool, tuple[str, ...]]
_PLANS: dict[type, _Plan] = {}


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
                stack.extend(value)
            elif value is not None:
                stack.append(value)
    return ids


def project_problems(project: Project) -> list[integrity.Problem]:
    """Same result as `integrity.problems(project)`, several times faster on sound projects."""
    ids = entity_ids(project)
    if len(set(ids)) != len(ids):
        return integrity.problems(project)
    return list(integrity._reference_problems(project))


def problem_pairs(project: Project) -> list[tuple[str, str]]:
    """The integrity problems as (place, reason), the shape ProjectFileError carries."""
    return [(integrity.format_loc(p.loc), p.message) for p in project_problems(project)]
