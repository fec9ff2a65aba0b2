"""What a facilitator does with the dots: sort notes by them, keep them as tags or as a Votes
lane, clear them. Each is planned as a list of op builders that the controller runs as one
undo step through Document.try_apply_all (a refusal anywhere leaves the project as it was)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...model import ops
from ...model.enums import LaneKind
from ...model.journey import JourneyNote
from ...model.votes_report import counted

VOTE_TAG = "votes:"

Build = Callable[[Any], ops.Op]


@dataclass
class Plan:
    """One undo step: its name, the op builders in order, and how many notes (or votes) it
    touches, for the message."""

    name: str
    builds: list[Build] = field(default_factory=list)
    count: int = 0


def _on(make: Callable[..., ops.Op], *args: Any, **kwargs: Any) -> Build:
    """`make` with everything but the project bound now (values, not loop variables)."""
    return lambda project: make(project, *args, **kwargs)


def _built(_project: Any, op: ops.Op) -> ops.Op:
    """An op built ahead (its new lane's id is needed by the ops after it)."""
    return op


def _count(note: Any, session: str | None) -> int:
    return sum(counted(note, session).values())


def _journeys(project: Any, owners: set[str] | None) -> list[Any]:
    return [j for j in project.journeys if owners is None or j.id in owners]


def _maps(project: Any, owners: set[str] | None) -> list[Any]:
    return [m for m in project.empathy_maps if owners is None or m.id in owners]


def sort_by_votes(project: Any, session: str | None, owners: set[str] | None) -> Plan:
    """Reorder the notes of every cell (and empathy quadrant) by their dots, most first; the
    count is how many notes move."""
    plan = Plan("Sort notes by votes")
    for journey in _journeys(project, owners):
        cells: dict[tuple[str, str, str], list[Any]] = {}
        shown = journey.note_cells()
        for note in journey.notes:
            cell = shown[note.id]
            if cell is not None:
                cells.setdefault(cell, []).append(note)
        for notes in cells.values():
            wanted = sorted(notes, key=lambda n: -_count(n, session))
            if [n.id for n in wanted] == [n.id for n in notes]:
                continue
            for k, note in enumerate(wanted):
                at = (note.lane_id, note.stage_id, note.step_id)
                plan.builds.append(_on(ops.move_journey_notes, journey.id, [note.id], *at, k))
                plan.count += 1
    for emap in _maps(project, owners):
        for quadrant in emap.quadrants():
            notes = emap.notes_in(quadrant)
            wanted = sorted(notes, key=lambda n: -_count(n, session))
            if [n.id for n in wanted] == [n.id for n in notes]:
                continue
            for k, note in enumerate(wanted):
                plan.builds.append(_on(ops.move_empathy_notes, emap.id, [note.id], quadrant, k))
                plan.count += 1
    return plan


def keep_as_tags(project: Any, session: str | None, owners: set[str] | None) -> Plan:
    """Tag every voted note "votes:N" (replacing an older votes tag)."""
    plan = Plan("Keep votes as tags")
    updates: list[tuple[Callable[..., ops.Op], str, Any, int]] = []
    for journey in _journeys(project, owners):
        updates += [(ops.update_journey_note, journey.id, n, _count(n, session)) for n in journey.notes]
    for emap in _maps(project, owners):
        updates += [(ops.update_empathy_note, emap.id, n, _count(n, session)) for n in emap.notes]
    for update, owner_id, note, n in updates:
        if n:
            tags = [t for t in note.tags if not t.startswith(VOTE_TAG)] + [f"{VOTE_TAG}{n}"]
            plan.builds.append(_on(update, owner_id, note.id, tags=tags))
            plan.count += 1
    return plan


def keep_as_lane(project: Any, session: str | None, owners: set[str] | None) -> Plan:
    """Add a "Votes" lane to each journey with voted notes: per stage, copies of its voted
    notes, most dots first, tagged "votes:N" (the copies carry no dots, so nothing counts twice)."""
    plan = Plan("Keep votes as a lane")
    for journey in _journeys(project, owners):
        voted = [(n, _count(n, session)) for n in journey.notes]
        voted = [(n, c) for n, c in voted if c]
        if not voted:
            continue
        lane_op = ops.add_lane(project, journey.id, "Votes", LaneKind.VOTES)
        lane_id = lane_op.item.id  # type: ignore[attr-defined]
        plan.builds.append(_on(_built, lane_op))  # only this journey's lanes change before it
        for stage in journey.stages:
            here = sorted([(n, c) for n, c in voted if n.stage_id == stage.id], key=lambda nc: -nc[1])
            for note, count in here:
                copy = JourneyNote(
                    lane_id=lane_id,
                    stage_id=stage.id,
                    text=note.text,
                    color=note.color,
                    tags=[f"{VOTE_TAG}{count}"],
                )
                plan.builds.append(_on(ops.add_journey_note, journey.id, lane_id, stage.id, note=copy))
                plan.count += 1
    return plan


def clear_votes(project: Any, session: str | None, owners: set[str] | None) -> Plan:
    """Take every dot (of one session, or all) off the notes in scope; one undo step."""
    plan = Plan("Clear votes")
    updates: list[tuple[Callable[..., ops.Op], str, Any]] = []
    for journey in _journeys(project, owners):
        updates += [(ops.update_journey_note, journey.id, n) for n in journey.notes]
    for emap in _maps(project, owners):
        updates += [(ops.update_empathy_note, emap.id, n) for n in emap.notes]
    for update, owner_id, note in updates:
        keep = [v for v in note.votes if session is not None and v.session != session]
        if len(keep) != len(note.votes):
            plan.builds.append(_on(update, owner_id, note.id, votes=keep))
            plan.count += len(note.votes) - len(keep)
    return plan
