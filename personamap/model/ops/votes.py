"""Dot votes on notes, in journeys and empathy maps (workshop mode)."""

from __future__ import annotations

from ..note import Vote
from ..project import Project
from .address import Address
from .common import find, make
from .core import Insert, Op, Remove
from .errors import OpError


def _note_address(project: Project, owner_id: str, note_id: str) -> tuple[Address, list[Vote]]:
    """The votes list of a note in a journey or an empathy map with id `owner_id`."""
    journey = project.journey(owner_id)
    if journey is not None:
        note = find(journey.notes, note_id, "note")
        return ("journeys", owner_id, "notes", note_id, "votes"), note.votes
    emap = project.empathy_map(owner_id)
    if emap is not None:
        enote = find(emap.notes, note_id, "note")
        return ("empathy_maps", owner_id, "notes", note_id, "votes"), enote.votes
    raise OpError(f"no journey or empathy map with id {owner_id}")


def add_vote(project: Project, owner_id: str, note_id: str, participant: str = "", session: str = "") -> Op:
    """Put a dot on a note of the journey or empathy map `owner_id`."""
    addr, votes = _note_address(project, owner_id, note_id)
    return Insert(addr, len(votes), make(Vote, participant=participant, session=session), name="Add vote")


def remove_vote(project: Project, owner_id: str, note_id: str, participant: str | None = None) -> Op:
    """Take one dot off a note: the participant's last one, or the last one of all."""
    addr, votes = _note_address(project, owner_id, note_id)
    hits = [k for k, v in enumerate(votes) if participant is None or v.participant == participant]
    if not hits:
        raise OpError("the note has no such vote")
    return Remove(addr, hits[-1], name="Remove vote")
