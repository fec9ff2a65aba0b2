"""What a facilitator does with the dots: sort notes by them, keep them as tags or as a Votes
lane, clear them. Each is one macro of ordinary ops on the document (one undo step)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...model import ops
from ...model.enums import LaneKind
from ...model.journey import JourneyNote
from ...model.votes_report import counted

VOTE_TAG = "votes:"


def _count(note: Any, session: str | None) -> int:
    return sum(counted(note, session).values())


def _journeys(project: Any, owners: set[str] | None) -> list[Any]:
    return [j for j in project.journeys if owners is None or j.id in owners]


def _maps(project: Any, owners: set[str] | None) -> list[Any]:
    return [m for m in project.empathy_maps if owners is None or m.id in owners]


def sort_by_votes(doc: Any, session: str | None, owners: set[str] | None) -> int:
    """Reorder the notes of every cell (and empathy quadrant) by their dots, most first;
    returns how many notes moved."""
    moved = 0
    with doc.macro("Sort notes by votes"):
        for journey in _journeys(doc.project, owners):
            jid = journey.id
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
                    doc.apply(
                        ops.move_journey_notes(
                            doc.project, jid, [note.id], note.lane_id, note.stage_id, note.step_id, k
                        )
                    )
                    moved += 1
        for emap in _maps(doc.project, owners):
            for quadrant in emap.quadrants():
                notes = emap.notes_in(quadrant)
                wanted = sorted(notes, key=lambda n: -_count(n, session))
                if [n.id for n in wanted] == [n.id for n in notes]:
                    continue
                for k, note in enumerate(wanted):
                    doc.apply(ops.move_empathy_notes(doc.project, emap.id, [note.id], quadrant, k))
                    moved += 1
    return moved


def keep_as_tags(doc: Any, session: str | None, owners: set[str] | None) -> int:
    """Tag every voted note "votes:N" (replacing an older votes tag)."""
    tagged = 0
    with doc.macro("Keep votes as tags"):
        updates: list[tuple[Callable[..., ops.Op], str, Any, int]] = []
        for journey in _journeys(doc.project, owners):
            updates += [(ops.update_journey_note, journey.id, n, _count(n, session)) for n in journey.notes]
        for emap in _maps(doc.project, owners):
            updates += [(ops.update_empathy_note, emap.id, n, _count(n, session)) for n in emap.notes]
        for update, owner_id, note, n in updates:
            if n:
                tags = [t for t in note.tags if not t.startswith(VOTE_TAG)] + [f"{VOTE_TAG}{n}"]
                doc.apply(update(doc.project, owner_id, note.id, tags=tags))
                tagged += 1
    return tagged


def keep_as_lane(doc: Any, session: str | None, owners: set[str] | None) -> int:
    """Add a "Votes" lane to each journey with voted notes: per stage, copies of its voted
    notes, most dots first, tagged "votes:N" (the copies carry no dots, so nothing counts twice)."""
    added = 0
    with doc.macro("Keep votes as a lane"):
        for journey in _journeys(doc.project, owners):
            voted = [(n, _count(n, session)) for n in journey.notes]
            voted = [(n, c) for n, c in voted if c]
            if not voted:
                continue
            lane_op = ops.add_lane(doc.project, journey.id, "Votes", LaneKind.VOTES)
            doc.apply(lane_op)
            lane_id = lane_op.item.id  # type: ignore[attr-defined]
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
                    doc.apply(ops.add_journey_note(doc.project, journey.id, lane_id, stage.id, note=copy))
                    added += 1
    return added


def clear_votes(doc: Any, session: str | None, owners: set[str] | None) -> int:
    """Take every dot (of one session, or all) off the notes in scope; one undo step."""
    cleared = 0
    with doc.macro("Clear votes"):
        for journey in _journeys(doc.project, owners):
            for note in journey.notes:
                keep = [v for v in note.votes if session is not None and v.session != session]
                if len(keep) != len(note.votes):
                    doc.apply(ops.update_journey_note(doc.project, journey.id, note.id, votes=keep))
                    cleared += len(note.votes) - len(keep)
        for emap in _maps(doc.project, owners):
            for note in emap.notes:
                keep = [v for v in note.votes if session is not None and v.session != session]
                if len(keep) != len(note.votes):
                    doc.apply(ops.update_empathy_note(doc.project, emap.id, note.id, votes=keep))
                    cleared += len(note.votes) - len(keep)
    return cleared
