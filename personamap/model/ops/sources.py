"""Edits of the research library: add, change, move and remove the project's sources.

Sources live at project level so that any persona field, note or emotion score can cite any of
them (docs/DOMAIN.md); removing one takes every citation of it along, as one undoable step.
"""

from __future__ import annotations

from typing import Any

from ..project import Project
from ..research import Source
from .common import evidence_drops, find, index_or_end, make, titled, update
from .core import Compound, Insert, Move, Op, Remove


def _label(source: Source) -> str:
    return source.title or source.kind.value.replace("_", " ")


def add_source(project: Project, source: Source | None = None, index: int | None = None, **values: Any) -> Op:
    """Add a source to the library (a new one from `values` when none is given), at the end by
    default."""
    source = source if source is not None else make(Source, **values)
    at = index_or_end(index, len(project.sources))
    return Insert(("sources",), at, source, name=titled("Add", "source", source.title))


def update_source(project: Project, source_id: str, **values: Any) -> Op:
    """Source fields: kind, title, date, sample_size, link, note, confidence. A dataset's
    figures are written by the import, not edited here."""
    source = find(project.sources, source_id, "source")
    return update(("sources", source_id), values, titled("Edit", "source", source.title), locked=("dataset",))


def move_source(project: Project, source_id: str, index: int) -> Op:
    source = find(project.sources, source_id, "source")
    return Move(("sources",), source_id, index, name=titled("Move", "source", source.title))


def remove_source(project: Project, source_id: str) -> Op:
    """Delete a source and every citation of it (a persona citation left citing nothing goes
    too); undo brings all of it back."""
    source = find(project.sources, source_id, "source")
    ops: list[Op] = [*evidence_drops(project, {source_id}), Remove(("sources",), source_id)]
    return Compound(tuple(ops), name=titled("Delete", "source", _label(source)))


def source_usage(project: Project, source_id: str) -> int:
    """How many places cite a source, so the editor can say what a removal takes with it."""
    return len(evidence_drops(project, {source_id}))
