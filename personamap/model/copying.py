"""Copies with fresh identities: a project made from a template, pasted or duplicated content.

Ids must never repeat across projects that may later be merged or pasted into one another, so
every entity id is replaced, and every reference to it (`*_id`, `*_ids` fields) follows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from pydantic import BaseModel

from .base import new_id
from .integrity import walk_entities
from .project import Project

M = TypeVar("M", bound=BaseModel)


def _is_ref_key(key: str) -> bool:
    return key == "id" or key.endswith("_id") or key.endswith("_ids")


def _remap(value: Any, mapping: dict[str, str], key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _remap(v, mapping, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_remap(v, mapping, key) for v in value]
    if isinstance(value, str) and _is_ref_key(key):
        return mapping.get(value, value)
    return value


def with_new_ids(node: M) -> M:
    """A deep copy of `node` in which every entity inside gets a new id; references between
    entities inside the copy follow, references to things outside are kept."""
    mapping = {entity.id: new_id() for _, entity in walk_entities(node)}
    data = _remap(node.model_dump(mode="json"), mapping)
    return type(node).model_validate(data)


def instantiate(template: Project, today: dt.datetime | None = None) -> Project:
    """A new project from a template: fresh ids, created and modified now."""
    now = today or dt.datetime.now(dt.UTC).replace(microsecond=0)
    project = with_new_ids(template)
    project.created = now
    project.modified = now
    return project
