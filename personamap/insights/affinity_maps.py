"""Affinity groups of the notes inside a journey cell or an empathy quadrant. Those notes have no
free position to move to, so accepting groups there tags each note with its group's label (the
tag is the header the note carries) and, when all the notes share one cell or quadrant, orders
them group by group at its end. Each step is built on the project the previous one left, so
the editor runs the list as one undoable step (Document.try_apply_all).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from personamap.model.note import Note
from personamap.model.ops import (
    Op,
    OpError,
    empathy_map_of,
    journey_of,
    move_empathy_notes,
    move_journey_notes,
    update_empathy_note,
    update_journey_note,
)
from personamap.model.project import Project

from .affinity import Group

MapKind = Literal["journey_note", "empathy_note"]
Build = Callable[[Project], Op]


def map_notes(project: Project, kind: MapKind, owner_id: str) -> list[Note]:
    """The notes of a journey (kind "journey_note") or an empathy map ("empathy_note")."""
    owner = journey_of(project, owner_id) if kind == "journey_note" else empathy_map_of(project, owner_id)
    return list(owner.notes)


def group_map_notes(project: Project, kind: MapKind, owner_id: str, groups: Sequence[Group]) -> list[Build]:
    """The steps that tag every grouped note with its group's label and, for notes of one cell,
    order them group by group; OpError when a note is not the map's or is in two groups."""
    notes = {n.id: n for n in map_notes(project, kind, owner_id)}
    wanted = [i for g in groups for i in g.note_ids]
    if not wanted:
        raise OpError("no groups to apply")
    if len(set(wanted)) != len(wanted):
        raise OpError("a note is in two groups")
    missing = next((i for i in wanted if i not in notes), None)
    if missing is not None:
        raise OpError(f"no note {missing} in this map")
    update = update_journey_note if kind == "journey_note" else update_empathy_note

    def tag(ident: str, tags: list[str]) -> Build:
        return lambda p: update(p, owner_id, ident, tags=tags)

    builds: list[Build] = []
    for group in groups:
        label = group.label[:500]
        builds.extend(tag(i, [t for t in notes[i].tags if t != label] + [label]) for i in group.note_ids)
    place = _place(project, kind, owner_id, wanted)
    if place is not None:
        builds.extend(_gather(place, list(g.note_ids)) for g in groups if g.note_ids)
    return builds


def _gather(place: Callable[[Project, list[str]], Op], ids: list[str]) -> Build:
    return lambda p: place(p, ids)


def _place(
    project: Project, kind: MapKind, owner_id: str, wanted: list[str]
) -> Callable[[Project, list[str]], Op] | None:
    """How to move notes to the end of the one cell (or quadrant) all of `wanted` share."""
    if kind == "journey_note":
        journey = journey_of(project, owner_id)
        cells = journey.note_cells()
        shared = {cells[i] for i in wanted}
        cell = shared.pop() if len(shared) == 1 else None
        if cell is None:
            return None
        lane, stage, step = cell
        return lambda p, ids: move_journey_notes(p, owner_id, ids, lane, stage, step)
    emap = empathy_map_of(project, owner_id)
    quadrants = {n.quadrant for n in emap.notes if n.id in set(wanted)}
    if len(quadrants) != 1:
        return None
    quadrant = quadrants.pop()
    return lambda p, ids: move_empathy_notes(p, owner_id, ids, quadrant)
