"""Which pictures a PNG or SVG export makes, decided from the model (no Qt here).

Each picture is a board to draw: a real board as laid out on the canvas, or a one-element
stand-in board that shows a single persona card, journey map or empathy map (the placement
found on a board when there is one, so the picture looks as it does there; a fresh default
placement otherwise). A selection is the selected elements of one board, plus the connectors
whose both ends are selected.

all            every board, then every persona poster, journey map and empathy map
board:NAME     a whole board
persona:NAME   one persona poster: the PDF poster's layout, as tall as its content
               (personas: every persona's poster)
card:NAME      one persona card as on the canvas (cards: every persona's card)
journey[:NAME] journey maps
empathy[:NAME] empathy maps
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from ...model import EmpathyMap, JourneyMap, Persona, Project
from ...model.board import (
    Board,
    Connector,
    Element,
    EmpathyMapElement,
    JourneyMapElement,
    PersonaCard,
    Placed,
)
from ...model.layout.card import CARD_SIZE
from ..spec import ExportError, Named, find_named

RASTER_WHAT_HELP = "all, board:NAME, persona:NAME, personas, card:NAME, cards, journey[:NAME], empathy[:NAME]"
EMPATHY_SIZE = (900.0, 700.0)
EXTENDED_EMPATHY_SIZE = (900.0, 820.0)
"""Default placements, as the canvas's library creates them (canvas/create.py)."""
_NAMED = ("persona", "card", "empathy", "journey", "board")
_Placed = TypeVar("_Placed", bound=Placed)


@dataclass(frozen=True)
class Picture:
    """One image to render: `board` holds exactly the elements to draw."""

    key: str
    """A file-name part: "board-personas", "persona-priya-raman"."""
    title: str
    board: Board
    stand_in: bool
    """True when `board` is not in the project (the renderer adds it to a private copy)."""
    poster: str | None = None
    """A persona id: the picture is that persona's poster, not a board (`board` is empty)."""


def slug(text: str) -> str:
    """Lower-case words joined by hyphens, letters of any script kept: safe in a file name."""
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-_")[:60] or "untitled"


def _stand_in(key: str, title: str, element: Element) -> Picture:
    return Picture(key, title, Board(name="Export", elements=[element]), True)


def _placement(project: Project, kind: type[_Placed], match: str, attr: str) -> _Placed | None:
    for board in project.boards:
        for element in board.elements:
            if isinstance(element, kind) and getattr(element, attr) == match:
                return element.model_copy()
    return None


def persona_picture(project: Project, persona: Persona) -> Picture:
    card = _placement(project, PersonaCard, persona.id, "persona_id")
    if card is None:
        w, h = CARD_SIZE
        card = PersonaCard(persona_id=persona.id, w=w, h=h)
    return _stand_in(f"card-{slug(persona.name)}", f"Persona card “{persona.name}”", card)


def poster_picture(persona: Persona) -> Picture:
    """A persona's poster (drawn by raster_poster, not by a scene)."""
    key = f"persona-{slug(persona.name)}"
    return Picture(key, f"Persona poster “{persona.name}”", Board(name="Export"), True, persona.id)


def journey_picture(project: Project, journey: JourneyMap) -> Picture:
    element = _placement(project, JourneyMapElement, journey.id, "map_id")
    if element is None:
        element = JourneyMapElement(map_id=journey.id)  # sized by its layout
    return _stand_in(f"journey-{slug(journey.title)}", f"Journey “{journey.title}”", element)


def empathy_picture(project: Project, emap: EmpathyMap) -> Picture:
    element = _placement(project, EmpathyMapElement, emap.id, "map_id")
    if element is None:
        w, h = EXTENDED_EMPATHY_SIZE if emap.extended else EMPATHY_SIZE
        element = EmpathyMapElement(map_id=emap.id, w=w, h=h)
    return _stand_in(f"empathy-{slug(emap.title)}", f"Empathy map “{emap.title}”", element)


def board_picture(board: Board) -> Picture:
    return Picture(f"board-{slug(board.name)}", f"Board “{board.name}”", board, False)


def selection_picture(project: Project, board_id: str, ids: Iterable[str]) -> Picture:
    """The chosen elements of a board (in the board's order) and the connectors between them."""
    board = project.board(board_id)
    if board is None:
        raise ExportError("the selection's board is no longer in the project")
    chosen = set(ids)
    kept: list[Element] = [e for e in board.elements if e.id in chosen and not isinstance(e, Connector)]
    kept_ids = {e.id for e in kept}
    if not kept:
        raise ExportError("nothing is selected: select some elements on the board first")
    kept += [
        e
        for e in board.elements
        if isinstance(e, Connector) and e.source_id in kept_ids and e.target_id in kept_ids
    ]
    order = {e.id: k for k, e in enumerate(board.elements)}
    kept.sort(key=lambda e: order[e.id])
    title = f"Selection on “{board.name}”"
    return Picture(f"selection-{slug(board.name)}", title, Board(name="Export", elements=kept), True)


def plan_pictures(project: Project, what: str) -> list[Picture]:
    """The pictures `what` asks for; ExportError (a usage error) for unknown names."""
    what = what.strip()
    head = what.split(None, 1)
    if ":" not in what and len(head) == 2 and head[0].lower() in _NAMED:
        what = f"{head[0]}:{head[1]}"
    kind, _, name = what.partition(":")
    kind, name = kind.strip().lower(), name.strip()
    named = Named.of(project)
    personas, journeys, maps, boards = named
    if kind == "board":
        pictures = [board_picture(named.board(name))]
    elif kind in ("persona", "card"):
        if not name:
            raise ExportError(f"{kind} needs a NAME: {kind}:NAME")
        persona = find_named("persona", name, personas)
        pictures = [poster_picture(persona) if kind == "persona" else persona_picture(project, persona)]
    elif kind in ("personas", "deck"):
        pictures = [poster_picture(p) for _, _, p in personas]
    elif kind == "cards":
        pictures = [persona_picture(project, p) for _, _, p in personas]
    elif kind == "journey":
        chosen_journeys = [find_named("journey", name, journeys)] if name else [j for _, _, j in journeys]
        pictures = [journey_picture(project, j) for j in chosen_journeys]
    elif kind == "empathy":
        chosen_maps = [find_named("empathy map", name, maps)] if name else [m for _, _, m in maps]
        pictures = [empathy_picture(project, m) for m in chosen_maps]
    elif kind == "all":
        pictures = [board_picture(b) for _, _, b in boards if b.elements]
        pictures += [poster_picture(p) for _, _, p in personas]
        pictures += [journey_picture(project, j) for _, _, j in journeys]
        pictures += [empathy_picture(project, m) for _, _, m in maps]
    else:
        raise ExportError(f"unknown --what {what!r} for PNG/SVG (use {RASTER_WHAT_HELP})")
    if not pictures:
        raise ExportError(f"nothing to export for {what!r}: the project has none")
    return _unique_keys(pictures)


def _unique_keys(pictures: list[Picture]) -> list[Picture]:
    seen: dict[str, int] = {}
    out = []
    for p in pictures:
        n = seen.get(p.key, 0) + 1
        seen[p.key] = n
        out.append(p if n == 1 else Picture(f"{p.key}-{n}", p.title, p.board, p.stand_in, p.poster))
    return out
