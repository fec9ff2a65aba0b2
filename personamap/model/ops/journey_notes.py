"""Edits of the notes in a journey's cells: add, edit, move to another cell and place, delete.

A cell is a lane and a stage, optionally narrowed to one of the stage's steps; a note
without a step shows in its stage's first step, and counts there. Notes keep their order
within a cell by their order in `journey.notes`, so a place in a cell becomes an index in
that list here, up front, and the ops carry absolute indices.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..enums import NoteColor
from ..journey import JourneyMap, JourneyNote
from ..project import Project
from .common import block_moves, cell_insert_index, find, known_evidence, known_ids, make, plural, update
from .core import Compound, Insert, Op, Remove
from .errors import OpError
from .journey import journey_of, stage_of
from .special import Relocate

_CELL = ("lane_id", "stage_id", "step_id")


def _check_cell(journey: JourneyMap, lane_id: str, stage_id: str, step_id: str | None) -> None:
    find(journey.lanes, lane_id, "lane")
    stage = stage_of(journey, stage_id)
    if step_id is not None and step_id not in {s.id for s in stage.steps}:
        raise OpError(f"“{stage.name}” has no step with id {step_id}")


def _notes(journey_id: str) -> tuple[str, ...]:
    return ("journeys", journey_id, "notes")


def add_journey_note(
    project: Project,
    journey_id: str,
    lane_id: str,
    stage_id: str,
    step_id: str | None = None,
    text: str = "",
    *,
    color: NoteColor = NoteColor.YELLOW,
    index: int | None = None,
    note: JourneyNote | None = None,
) -> Op:
    """Add a note to a cell at place `index` among the notes it shows (None: last). A given
    `note` is placed as it is, apart from its cell."""
    journey = journey_of(project, journey_id)
    _check_cell(journey, lane_id, stage_id, step_id)
    if note is None:
        note = make(JourneyNote, lane_id=lane_id, stage_id=stage_id, step_id=step_id, text=text, color=color)
    else:
        note = note.model_copy(
            update={"lane_id": lane_id, "stage_id": stage_id, "step_id": step_id}, deep=True
        )
    cell = journey.shown_cell(lane_id, stage_id, step_id)

    def in_cell(n: JourneyNote) -> bool:
        same_ids = n.lane_id == lane_id and n.stage_id == stage_id
        return same_ids and journey.shown_cell(n.lane_id, n.stage_id, n.step_id) == cell

    at = cell_insert_index(journey.notes, in_cell, index)
    return Insert(_notes(journey_id), at, note, name="Add note")


def update_journey_note(project: Project, journey_id: str, note_id: str, **values: Any) -> Op:
    """Note fields: text, color, tags, votes, evidence_ids (move notes with move_journey_notes)."""
    journey = journey_of(project, journey_id)
    find(journey.notes, note_id, "note")
    if "evidence_ids" in values:
        known_evidence(project, values["evidence_ids"])
    return update((*_notes(journey_id), note_id), values, "Edit note", locked=_CELL)


def move_journey_notes(
    project: Project,
    journey_id: str,
    note_ids: Sequence[str],
    lane_id: str,
    stage_id: str,
    step_id: str | None = None,
    index: int | None = None,
) -> Op:
    """Move notes, together and in their current order, to a cell at place `index` among
    the other notes the cell shows (None: after them); a step-less note counts in its stage's
    first step, as the layout shows it."""
    journey = journey_of(project, journey_id)
    _check_cell(journey, lane_id, stage_id, step_id)
    if not note_ids:
        raise OpError("no notes to move")
    wanted = set(note_ids)
    if len(wanted) != len(note_ids):
        raise OpError("a note is named twice")
    order = [n.id for n in journey.notes]
    known_ids(order, note_ids, "note")
    moving = [i for i in order if i in wanted]
    cells, target = journey.note_cells(), journey.shown_cell(lane_id, stage_id, step_id)
    moves = block_moves(order, moving, lambda i: cells[i] == target, index)
    values = (("lane_id", lane_id), ("stage_id", stage_id), ("step_id", step_id))
    ops = tuple(Relocate(_notes(journey_id), note_id, at, values) for note_id, at in moves)
    return Compound(ops, name=f"Move {plural(len(ops), 'note')}")


def remove_journey_notes(project: Project, journey_id: str, note_ids: Sequence[str]) -> Op:
    journey = journey_of(project, journey_id)
    if not note_ids:
        raise OpError("no notes to delete")
    known_ids([n.id for n in journey.notes], note_ids, "note")
    ops = tuple(Remove(_notes(journey_id), note_id) for note_id in dict.fromkeys(note_ids))
    return Compound(ops, name=f"Delete {plural(len(ops), 'note')}")
