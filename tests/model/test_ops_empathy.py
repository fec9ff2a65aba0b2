"""Empathy map ops: maps, their persona, notes in quadrants, moves within and across maps."""

from __future__ import annotations

import pytest
from factories import elements_of, persona_named, rich_project
from ophelp import refused, roundtrip

from personamap.model import EmpathyMap, EmpathyNote, Project, Quadrant
from personamap.model.ops import (
    add_empathy_map,
    add_empathy_note,
    attach_empathy_persona,
    detach_empathy_persona,
    move_empathy_map,
    move_empathy_notes,
    remove_empathy_map,
    remove_empathy_notes,
    update_empathy_map,
    update_empathy_note,
)

GHOST = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def project() -> Project:
    return rich_project()


def texts(emap: EmpathyMap, quadrant: Quadrant) -> list[str]:
    return [n.text for n in emap.notes_in(quadrant)]


def test_add_move_update_remove_map(project: Project) -> None:
    nora = persona_named(project, "Nora")
    roundtrip(project, add_empathy_map(project, title="Nora", persona_id=nora.id))
    new = project.empathy_maps[-1]
    assert (new.title, new.persona_id) == ("Nora", nora.id)
    roundtrip(project, add_empathy_map(project, EmpathyMap(title="Given"), index=0))
    assert project.empathy_maps[0].title == "Given"
    roundtrip(project, move_empathy_map(project, new.id, 0))
    assert project.empathy_maps[0] is new
    roundtrip(project, update_empathy_map(project, new.id, title="Nora 2", extended=True, goal="Stay away"))
    assert (new.title, new.extended) == ("Nora 2", True)
    first = next(m for m in project.empathy_maps if m.title == "Anna at work")
    op = remove_empathy_map(project, first.id)
    assert op.name == "Delete empathy map “Anna at work”"
    roundtrip(project, op)
    assert elements_of(project.boards[0], "empathy_map") == []
    refused(project, lambda: add_empathy_map(project, persona_id=GHOST), "no persona")
    refused(project, lambda: update_empathy_map(project, new.id, persona_id=GHOST), "no persona")
    refused(project, lambda: update_empathy_map(project, new.id, notes=[]), "cannot be changed")


def test_attach_detach_persona(project: Project) -> None:
    emap = project.empathy_maps[0]
    nora = persona_named(project, "Nora")
    roundtrip(project, attach_empathy_persona(project, emap.id, nora.id))
    assert emap.persona_id == nora.id
    roundtrip(project, detach_empathy_persona(project, emap.id))
    assert emap.persona_id is None
    refused(project, lambda: detach_empathy_persona(project, emap.id), "about no persona")


def test_add_and_update_notes(project: Project) -> None:
    emap = project.empathy_maps[0]
    roundtrip(project, add_empathy_note(project, emap.id, Quadrant.SAYS, "First!", index=0))
    assert texts(emap, Quadrant.SAYS) == ["First!", "Where is the button?", "Too many steps"]
    roundtrip(project, add_empathy_note(project, emap.id, "does", "Clicks around"))
    assert texts(emap, Quadrant.DOES) == ["Clicks around"]
    given = EmpathyNote(text="Given", quadrant=Quadrant.FEELS)
    roundtrip(project, add_empathy_note(project, emap.id, Quadrant.GAINS, note=given))
    assert texts(emap, Quadrant.GAINS)[-1] == "Given"
    note = emap.notes[0]
    roundtrip(project, update_empathy_note(project, emap.id, note.id, text="Changed", color="blue"))
    assert note.text == "Changed"
    refused(project, lambda: add_empathy_note(project, emap.id, Quadrant.HEARS, "x"), "does not show")
    refused(project, lambda: add_empathy_note(project, emap.id, "smells", "x"), "no quadrant")
    refused(
        project, lambda: update_empathy_note(project, emap.id, note.id, quadrant="feels"), "cannot be changed"
    )
    refused(
        project, lambda: update_empathy_note(project, emap.id, note.id, evidence_ids=[GHOST]), "no source"
    )


def test_move_notes_within_a_map(project: Project) -> None:
    emap = project.empathy_maps[0]
    says = [n.id for n in emap.notes_in(Quadrant.SAYS)]
    op = move_empathy_notes(project, emap.id, says, Quadrant.FEELS, index=0)
    assert op.name == "Move 2 notes"
    roundtrip(project, op)
    assert texts(emap, Quadrant.FEELS) == ["Where is the button?", "Too many steps", "Rushed"]
    assert texts(emap, Quadrant.SAYS) == []
    roundtrip(project, move_empathy_notes(project, emap.id, [says[0]], Quadrant.FEELS))
    assert texts(emap, Quadrant.FEELS) == ["Too many steps", "Rushed", "Where is the button?"]


def test_move_notes_to_another_map(project: Project) -> None:
    emap, ben_map = project.empathy_maps
    moving = [emap.notes[4].id, emap.notes[0].id]
    roundtrip(
        project,
        move_empathy_notes(project, emap.id, moving, Quadrant.HEARS, index=0, target_map_id=ben_map.id),
    )
    assert texts(ben_map, Quadrant.HEARS) == ["Where is the button?", "Lost data", "Peers recommend it"]
    assert len(emap.notes) == 4
    refused(
        project,
        lambda: move_empathy_notes(
            project, ben_map.id, [ben_map.notes[0].id], Quadrant.SEES, target_map_id=emap.id
        ),
        "does not show",
    )
    refused(project, lambda: move_empathy_notes(project, emap.id, [GHOST], Quadrant.SAYS), "no note")
    refused(project, lambda: move_empathy_notes(project, emap.id, [], Quadrant.SAYS), "once")


def test_remove_notes(project: Project) -> None:
    emap = project.empathy_maps[0]
    roundtrip(project, remove_empathy_notes(project, emap.id, [emap.notes[1].id]))
    assert texts(emap, Quadrant.SAYS) == ["Where is the button?"]
    refused(project, lambda: remove_empathy_notes(project, emap.id, []), "no notes")
