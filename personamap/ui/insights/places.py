"""Where on the boards a finding's place is shown, as a Find `Match`, so the dock frames it
the way Find does (personamap/ui/find.py). No Qt: the rules are plain model look-ups.

A place is one `where` entry of a finding: {"kind", "id", "name"}. A persona is shown by its
cards, a journey, a stage, step, lane or journey note by the journey map element, an empathy
map or its notes by the empathy map element, a sticky note by itself; a source lives in the
research library (board None, kind "source").
"""

from __future__ import annotations

from collections.abc import Mapping

from ...model import Project
from ...model.find import RESEARCH_LIBRARY, Match

_JOURNEY_PARTS = ("stage", "step", "lane", "journey_note")
_PRECISE = frozenset({*_JOURNEY_PARTS, "note", "empathy_note"})


def _holder(project: Project, kind: str, ident: str) -> tuple[str, str, str] | None:
    """(element field, value, part kind) of the element that shows the place `kind`/`ident`."""
    if kind == "persona":
        return ("persona_id", ident, "element")
    if kind in ("journey", "journey_map"):
        return ("map_id", ident, "element")
    if kind in ("empathy", "empathy_map"):
        return ("map_id", ident, "element")
    for journey in project.journeys:
        parts = {
            "stage": [s.id for s in journey.stages],
            "step": [s.id for s in journey.steps()],
            "lane": [x.id for x in journey.lanes],
            "journey_note": [n.id for n in journey.notes],
        }
        for part in _JOURNEY_PARTS:
            if (kind == part or (kind == "note" and part == "journey_note")) and ident in parts[part]:
                return ("map_id", journey.id, part)
    for empathy in project.empathy_maps:
        if kind in ("note", "empathy_note") and any(n.id == ident for n in empathy.notes):
            return ("map_id", empathy.id, "empathy_note")
    return None


def locate(
    project: Project, place: Mapping[str, str], prefer_board: str | None = None, label: str = ""
) -> Match | None:
    """The board element that shows `place` (on `prefer_board` when it is shown there), or
    None when the project shows it nowhere."""
    kind, ident = str(place.get("kind", "")), str(place.get("id", ""))
    owner = str(place.get("name", "")) or label
    if kind == "source":
        return Match(None, None, label, RESEARCH_LIBRARY, "source", ident)
    boards = sorted(project.boards, key=lambda b: b.id != prefer_board)
    holder = _holder(project, kind, ident)
    for board in boards:
        for el in board.elements:
            if holder is None:
                if el.id == ident:
                    return Match(board.id, el.id, label, owner)
                continue
            field, value, part = holder
            if getattr(el, field, None) == value:
                target = ident if part != "element" else None
                return Match(board.id, el.id, label, owner, part, target)
    return None


def first_place(
    project: Project, where: list[Mapping[str, str]], prefer_board: str | None = None, label: str = ""
) -> Match | None:
    """The most precise place of a finding that the boards show: a finding about a stage
    names the journey too, and the stage is what to frame; otherwise the first place named."""
    for place in sorted(where, key=lambda p: str(p.get("kind", "")) not in _PRECISE):
        found = locate(project, place, prefer_board, label)
        if found is not None:
            return found
    return None
