"""Helpers for the table tests: a CSV export's cells, the same cells as a workbook, and what a
persona or journey table carries (to compare a round trip with its original)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from personamap.interop.persona_fields import FIELDS, cell_value
from personamap.model import JourneyMap, Persona, Project
from personamap.model.enums import LaneKind


def csv_cells(data: bytes) -> list[list[str]]:
    """The cells of an exported CSV (after its BOM), exactly as written."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def write_xlsx(path: Path, cells: list[list[str]], title: str = "Sheet1") -> Path:
    """A workbook holding `cells` as text, as a user would have it after opening the CSV."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in cells:
        sheet.append(row)
    book.save(path)
    return path


def persona_carried(persona: Persona) -> dict[str, object]:
    """Everything a persona table carries, to compare a persona with its round trip."""
    fields: dict[str, object] = {f.path: cell_value(persona, f) for f in FIELDS}
    sections: dict[str, tuple[list[str], str]] = {}
    for s in persona.custom_sections:
        items, body = sections.get(s.title, ([], ""))
        sections[s.title] = (items + [i.text for i in s.items], "\n\n".join(b for b in (body, s.body) if b))
    fields["custom"] = {t: v for t, v in sections.items() if v != ([], "")}
    return fields


def journey_carried(project: Project, journey: JourneyMap) -> dict[str, object]:
    """What a step table carries: stages and steps by name, lanes by name and kind, the notes
    of each cell and each persona's scores, by position and persona name."""
    steps = {s.id: n for n, s in enumerate(journey.steps())}
    lanes = {lane.id: n for n, lane in enumerate(journey.lanes)}
    names = {p.id: p.name for p in project.personas}
    cells = journey.note_cells()
    return {
        "stages": [(s.name, [step.name for step in s.steps]) for s in journey.stages],
        "lanes": [(lane.name, lane.kind) for lane in journey.lanes if lane.kind is not LaneKind.EMOTIONS]
        + [("emotions at", n) for n, lane in enumerate(journey.lanes) if lane.kind is LaneKind.EMOTIONS],
        "notes": sorted(  # stable: the order within a cell stays
            [
                (lanes[c[0]], steps[c[2]], n.text)
                for n, c in zip(journey.notes, cells.values(), strict=True)
                if c
            ],
            key=lambda note: note[:2],
        ),
        "scores": sorted(
            (names.get(e.persona_id or "", ""), steps[e.step_id], e.score) for e in journey.emotions
        ),
        "personas": [names[i] for i in journey.persona_ids],
    }
