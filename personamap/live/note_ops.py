"""The project ops a participant's note becomes, by the kind of place it sits in: a journey
note, an empathy-map note or a free sticky note on the board."""

from __future__ import annotations

from ..model.board import NoteElement
from ..model.empathy import EmpathyNote
from ..model.enums import Quadrant
from ..model.journey import JourneyNote
from ..model.ops import votes
from ..model.ops.board import place_element, remove_elements, update_element
from ..model.ops.core import Op
from ..model.ops.empathy import add_empathy_note, remove_empathy_notes, update_empathy_note
from ..model.ops.errors import OpError
from ..model.ops.journey_notes import add_journey_note, remove_journey_notes, update_journey_note
from ..model.project import Project
from .places import Place

NOTE_W, NOTE_H, GAP = 200.0, 120.0, 40.0


def add_note(project: Project, place: Place, note_id: str, text: str, focus: Place | None) -> Op:
    """A stage's note goes in its first lane; a lane's note in the focused stage of the same
    journey, else its first stage; a board note right of everything on the board."""
    if place.kind in ("stage", "lane"):
        journey = project.journey(place.owner)
        if journey is None or not journey.lanes or not journey.stages:
            raise OpError("the journey has no cell for the note")
        if place.kind == "stage":
            lane_id, stage_id = journey.lanes[0].id, place.key
        else:
            same = focus is not None and focus.kind == "stage" and focus.owner == journey.id
            lane_id, stage_id = place.key, focus.key if same and focus else journey.stages[0].id
        note = JourneyNote(id=note_id, text=text, lane_id=lane_id, stage_id=stage_id)
        return add_journey_note(project, journey.id, lane_id, stage_id, note=note)
    if place.kind == "quadrant":
        enote = EmpathyNote(id=note_id, text=text, quadrant=Quadrant(place.quadrant))
        return add_empathy_note(project, place.owner, place.quadrant, note=enote)
    board = project.board(place.owner)
    if board is None:
        raise OpError("the board is gone")
    right = max((e.x + e.w for e in board.elements), default=0.0) + GAP
    below = sum(1 for e in board.elements if e.type == "note" and e.x == right)
    element = NoteElement(id=note_id, text=text, x=right, y=below * (NOTE_H + GAP), w=NOTE_W, h=NOTE_H)
    return place_element(project, board.id, element)


def edit_note(project: Project, place: Place, note_id: str, text: str) -> Op:
    if place.kind in ("stage", "lane"):
        return update_journey_note(project, place.owner, note_id, text=text)
    if place.kind == "quadrant":
        return update_empathy_note(project, place.owner, note_id, text=text)
    return update_element(project, place.owner, note_id, text=text)


def remove_note(project: Project, place: Place, note_id: str) -> Op:
    if place.kind in ("stage", "lane"):
        return remove_journey_notes(project, place.owner, [note_id])
    if place.kind == "quadrant":
        return remove_empathy_notes(project, place.owner, [note_id])
    return remove_elements(project, place.owner, [note_id])


def vote_op(project: Project, place: Place, note_id: str, participant: str, up: bool, session: str) -> Op:
    """One dot more (`up`) or less on a note of a journey or an empathy map."""
    if place.kind == "board":
        raise OpError("notes on the board take no votes")
    if up:
        return votes.add_vote(project, place.owner, note_id, participant=participant, session=session)
    return votes.remove_vote(project, place.owner, note_id, participant=participant)
