"""What every cell of a journey holds, found in one pass: asking cell by cell walks all the
notes (or scores) for each cell, which a large map (thousands of notes, hundreds of steps) feels."""

from __future__ import annotations

from collections import defaultdict

from personamap.model import JourneyMap
from personamap.model.journey import Cell, JourneyNote


def notes_by_cell(journey: JourneyMap) -> dict[Cell, list[JourneyNote]]:
    """(lane id, stage id, step id) → the notes that cell shows, in journey order (as
    `JourneyMap.notes_shown_in`); notes shown nowhere are left out."""
    cells: dict[Cell, list[JourneyNote]] = defaultdict(list)
    where = journey.note_cells()
    for note in journey.notes:
        cell = where[note.id]
        if cell is not None:
            cells[cell].append(note)
    return dict(cells)


def scores_by_step(journey: JourneyMap) -> dict[tuple[str | None, str], int]:
    """(persona id or None, step id) → the score, the first one where there are several (as
    `JourneyMap.score`)."""
    out: dict[tuple[str | None, str], int] = {}
    for e in journey.emotions:
        out.setdefault((e.persona_id, e.step_id), e.score)
    return out
