"""Edits of empathy maps and their notes: maps, their persona, notes in quadrants (moved
within a map or to another one)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..empathy import EmpathyMap, EmpathyNote
from ..enums import NoteColor, Quadrant
from ..project import Project
from .common import (
    block_moves,
    cell_insert_index,
    elements_where,
    find,
    index_or_end,
    known_evidence,
    known_ids,
    make,
    need,
    plural,
    titled,
    update,
)
from .core import Compound, Insert, Move, Op, Remove, SetField
from .errors import OpError
from .special import Relocate


def empathy_map_of(project: Project, map_id: str) -> EmpathyMap:
    return need(project.empathy_map(map_id), "empathy map", map_id)


def _quadrant(emap: EmpathyMap, quadrant: Quadrant | str) -> Quadrant:
    try:
        q = Quadrant(quadrant)
    except ValueError:
        raise OpError(f"no quadrant {quadrant!r}") from None
    if q not in emap.quadrants():
        raise OpError(f"“{emap.title}” does not show the {q.value} quadrant")
    return q


def add_empathy_map(
    project: Project,
    emap: EmpathyMap | None = None,
    index: int | None = None,
    *,
    title: str = "Empathy map",
    persona_id: str | None = None,
) -> Op:
    """Add a map (an empty one titled `title`, about `persona_id`, when none is given)."""
    emap = emap if emap is not None else make(EmpathyMap, title=title, persona_id=persona_id)
    if emap.persona_id is not None:
        need(project.persona(emap.persona_id), "persona", emap.persona_id)
    at = index_or_end(index, len(project.empathy_maps))
    return Insert(("empathy_maps",), at, emap, name=titled("Add", "empathy map", emap.title))


def remove_empathy_map(project: Project, map_id: str) -> Op:
    """Delete a map and its elements on boards (with their connectors)."""
    emap = empathy_map_of(project, map_id)
    ops = elements_where(project, lambda el: el.type == "empathy_map" and el.map_id == map_id)
    ops.append(Remove(("empathy_maps",), map_id))
    return Compound(tuple(ops), name=titled("Delete", "empathy map", emap.title))


def move_empathy_map(project: Project, map_id: str, index: int) -> Op:
    emap = empathy_map_of(project, map_id)
    return Move(("empathy_maps",), map_id, index, name=titled("Move", "empathy map", emap.title))


def update_empathy_map(project: Project, map_id: str, **values: Any) -> Op:
    """Map fields: title, goal, extended, persona_id."""
    empathy_map_of(project, map_id)
    if values.get("persona_id") is not None:
        need(project.persona(values["persona_id"]), "persona", values["persona_id"])
    name = "Rename empathy map" if set(values) == {"title"} else "Edit empathy map"
    return update(("empathy_maps", map_id), values, name, locked=("notes",))


def attach_empathy_persona(project: Project, map_id: str, persona_id: str) -> Op:
    """Make the map about a persona (replacing the one it was about)."""
    empathy_map_of(project, map_id)
    persona = need(project.persona(persona_id), "persona", persona_id)
    return SetField(
        ("empathy_maps", map_id, "persona_id"), persona_id, name=titled("Link", "persona", persona.name)
    )


def detach_empathy_persona(project: Project, map_id: str) -> Op:
    emap = empathy_map_of(project, map_id)
    if emap.persona_id is None:
        raise OpError(f"“{emap.title}” is about no persona")
    return SetField(("empathy_maps", map_id, "persona_id"), None, name="Unlink persona")


def add_empathy_note(
    project: Project,
    map_id: str,
    quadrant: Quadrant | str,
    text: str = "",
    *,
    color: NoteColor = NoteColor.YELLOW,
    index: int | None = None,
    note: EmpathyNote | None = None,
) -> Op:
    """Add a note to a quadrant at place `index` among its notes (None: last)."""
    emap = empathy_map_of(project, map_id)
    q = _quadrant(emap, quadrant)
    if note is None:
        note = make(EmpathyNote, quadrant=q, text=text, color=color)
    else:
        note = note.model_copy(update={"quadrant": q}, deep=True)
    at = cell_insert_index(emap.notes, lambda n: n.quadrant == q, index)
    return Insert(("empathy_maps", map_id, "notes"), at, note, name="Add note")


def update_empathy_note(project: Project, map_id: str, note_id: str, **values: Any) -> Op:
    """Note fields: text, color, tags, votes, evidence_ids (move notes with move_empathy_notes)."""
    find(empathy_map_of(project, map_id).notes, note_id, "note")
    if "evidence_ids" in values:
        known_evidence(project, values["evidence_ids"])
    return update(("empathy_maps", map_id, "notes", note_id), values, "Edit note", locked=("quadrant",))


def move_empathy_notes(
    project: Project,
    map_id: str,
    note_ids: Sequence[str],
    quadrant: Quadrant | str,
    index: int | None = None,
    target_map_id: str | None = None,
) -> Op:
    """Move notes, together and in their current order, to a quadrant of this map or of
    `target_map_id`, at place `index` among the quadrant's other notes (None: after them)."""
    emap = empathy_map_of(project, map_id)
    target = empathy_map_of(project, target_map_id) if target_map_id is not None else emap
    q = _quadrant(target, quadrant)
    if not note_ids or len(set(note_ids)) != len(note_ids):
        raise OpError("name each note to move once")
    order = [n.id for n in emap.notes]
    known_ids(order, note_ids, "note")
    wanted = set(note_ids)
    name = f"Move {plural(len(note_ids), 'note')}"
    if target is emap:
        quadrants = {n.id: n.quadrant for n in emap.notes}
        moves = block_moves(order, [i for i in order if i in wanted], lambda i: quadrants[i] == q, index)
        addr = ("empathy_maps", map_id, "notes")
        return Compound(tuple(Relocate(addr, i, at, (("quadrant", q),)) for i, at in moves), name=name)
    moving = [n for n in emap.notes if n.id in wanted]
    ops: list[Op] = [Remove(("empathy_maps", map_id, "notes"), n.id) for n in moving]
    at = cell_insert_index(target.notes, lambda n: n.quadrant == q, index)
    ops += [
        Insert(("empathy_maps", target.id, "notes"), at + k, n.model_copy(update={"quadrant": q}, deep=True))
        for k, n in enumerate(moving)
    ]
    return Compound(tuple(ops), name=name)


def remove_empathy_notes(project: Project, map_id: str, note_ids: Sequence[str]) -> Op:
    emap = empathy_map_of(project, map_id)
    if not note_ids:
        raise OpError("no notes to delete")
    known_ids([n.id for n in emap.notes], note_ids, "note")
    ops = tuple(Remove(("empathy_maps", map_id, "notes"), i) for i in dict.fromkeys(note_ids))
    return Compound(ops, name=f"Delete {plural(len(ops), 'note')}")
