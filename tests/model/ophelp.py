"""Checks shared by the op tests: an op must be sound, invertible and re-doable exactly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from personamap.model import Project, problems
from personamap.model.ops import Changes, Op, OpError


def dump(project: Project) -> dict[str, Any]:
    return project.model_dump(mode="json")


def roundtrip(project: Project, op: Op) -> Changes:
    """Apply `op`, check the project is sound, undo (exactly the old dump), redo (exactly the
    new dump), undo and redo once more; leave the project edited and return the notice."""
    before = dump(project)
    inverse, changes = op.apply(project)
    assert problems(project) == [], problems(project)
    after = dump(project)
    assert inverse.name == op.name
    redo, _ = inverse.apply(project)
    assert dump(project) == before
    again, _ = redo.apply(project)
    assert dump(project) == after
    redo2, _ = again.apply(project)
    assert dump(project) == before
    redo2.apply(project)
    assert dump(project) == after
    return changes


def refused(project: Project, build: Callable[[], Op], match: str) -> None:
    """Building or applying the op raises OpError matching `match` and changes nothing."""
    before = dump(project)
    with pytest.raises(OpError, match=match):
        build().apply(project)
    assert dump(project) == before
