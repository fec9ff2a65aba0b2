"""Where participants may put notes: the stages, lanes and empathy-map quadrants of the maps
on the session's board, and the board itself, each under a key the shared document uses."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.board import Board
from ..model.project import Project

KINDS = ("stage", "lane", "quadrant", "board")


@dataclass(frozen=True)
class Place:
    """A target for notes. `owner` is the journey, empathy map or board holding them."""

    kind: str
    key: str
    name: str
    owner: str
    quadrant: str = ""


def quadrant_key(map_id: str, quadrant: str) -> str:
    return f"{map_id}/{quadrant}"


def board_places(project: Project, board: Board) -> dict[str, Place]:
    """Every place of the board by key, the board itself first."""
    places = {board.id: Place("board", board.id, board.name, board.id)}
    for el in board.elements:
        if el.type == "journey_map":
            journey = project.journey(el.map_id)
            if journey is None:
                continue
            for stage in journey.stages:
                places[stage.id] = Place("stage", stage.id, stage.name, journey.id)
            for lane in journey.lanes:
                places[lane.id] = Place("lane", lane.id, lane.name, journey.id)
        elif el.type == "empathy_map":
            emap = project.empathy_map(el.map_id)
            if emap is None:
                continue
            for q in emap.quadrants():
                key = quadrant_key(emap.id, q.value)
                places[key] = Place("quadrant", key, q.value.capitalize(), emap.id, q.value)
    return places
