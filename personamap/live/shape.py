"""The shared document of a live session (docs/live.md): four maps and an array in a pycrdt
Doc, built from the host's project with only what participants may see."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

from pycrdt import Array, Doc, Map

from ..model.project import Project
from .places import Place, board_places, quadrant_key

ROOTS = ("session", "places", "participants", "notes", "votes")
HOST = ""
"""The author of notes that were on the board before the session: nobody may edit them."""


@dataclass(frozen=True)
class Permissions:
    """What participants may do; edit_own_only: they may edit and delete their own notes."""

    add_anywhere: bool = False
    vote: bool = True
    edit_own_only: bool = True


class BoardNote(NamedTuple):
    """A note of the project as the document places it; `cell`: every place key it sits in
    (a journey note is in a stage and a lane)."""

    id: str
    kind: str
    key: str
    text: str
    cell: set[str]


def roots(doc: Doc) -> dict[str, Any]:
    """The document's shared types by name (declared on a participant's empty Doc as well)."""
    return {
        "session": doc.get("session", type=Map),
        "places": doc.get("places", type=Map),
        "participants": doc.get("participants", type=Map),
        "notes": doc.get("notes", type=Array),
        "votes": doc.get("votes", type=Map),
    }


def snapshot(doc: Doc) -> dict[str, Any]:
    """The whole shared state as plain Python values."""
    return {name: shared.to_py() for name, shared in roots(doc).items()}


def note_entry(note_id: str, author: str, text: str, kind: str, key: str, created: str = "") -> Map:
    return Map(
        {
            "id": note_id,
            "author": author,
            "text": text,
            "target": Map({"kind": kind, "id": key}),
            "created": created,
        }
    )


def new_session_doc(
    project: Project,
    board_id: str,
    *,
    focus: str | None = None,
    dots: int = 3,
    permissions: Permissions | None = None,
) -> Doc:
    """The session's document for the board `board_id`: its places' names and the text of the
    notes already on it (nothing else of the file). `focus` is a place key or None."""
    board = project.board(board_id)
    if board is None:
        raise ValueError(f"no board with id {board_id}")
    places = board_places(project, board)
    if focus is not None and focus not in places:
        raise ValueError(f"no stage, lane or quadrant {focus!r} on this board")
    doc: Doc = Doc()
    shared = roots(doc)
    with doc.transaction(origin="host"):
        session = shared["session"]
        session["board_id"] = board_id
        session["focus"] = focus
        session["vote_open"] = False
        session["dots"] = dots
        session["timer_end"] = None
        session["locked"] = False
        session["permissions"] = Map(asdict(permissions or Permissions()))
        for order, (key, place) in enumerate(places.items()):
            shared["places"][key] = Map({"kind": place.kind, "name": place.name, "order": order})
        for note in board_notes(project, board_id, places):
            shared["notes"].append(note_entry(note.id, HOST, note.text, note.kind, note.key))
    return doc


def board_notes(project: Project, board_id: str, places: dict[str, Place]) -> list[BoardNote]:
    """Every note participants can see on the board, in the project's order."""
    board = project.board(board_id)
    if board is None:
        return []
    notes = [
        BoardNote(el.id, "board", board_id, el.text, {board_id}) for el in board.elements if el.type == "note"
    ]
    owners = {place.owner for place in places.values() if place.kind != "board"}
    for journey in project.journeys:
        if journey.id in owners:
            notes += [
                BoardNote(n.id, "stage", n.stage_id, n.text, {n.stage_id, n.lane_id}) for n in journey.notes
            ]
    for emap in project.empathy_maps:
        if emap.id in owners:
            for n in emap.notes:
                key = quadrant_key(emap.id, n.quadrant.value)
                notes.append(BoardNote(n.id, "quadrant", key, n.text, {key}))
    return notes
