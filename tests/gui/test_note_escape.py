"""Escape right after adding a note by double-click ends editing and keeps the note with what
was typed, as one undoable "Add note"; on a note that already existed, Escape still cancels the
edit. Done as a person does it: a real double-click, typing, Esc, then Edit ▸ Undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from personamap.model import Quadrant

from .conftest import double_click
from .test_empathy_canvas import at, free_point, note_point, open_empathy
from .test_journey_canvas import _empty_cell, open_journey, show


def test_escape_after_adding_a_journey_note_keeps_it_and_undo_removes_it(window, qtbot) -> None:
    view, item = open_journey(window, 1.0)
    journey = window.document.project.journey(item.journey_id)
    lane_id, stage_id, step_id = _empty_cell(item, journey)
    r = item.layout.cell_rects[(lane_id, step_id)]
    before = [n.id for n in journey.notes]
    double_click(view, show(view, item, r.cx, r.cy))
    assert item.editor is not None
    qtbot.keyClicks(view, "Calls the bank")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert item.editor is None
    added = [n for n in journey.notes if n.id not in before]
    assert [(n.text, n.lane_id, n.stage_id, n.step_id) for n in added] == [
        ("Calls the bank", lane_id, stage_id, step_id)
    ]
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Add note"
    assert item.note_items[added[0].id].look.text == "Calls the bank"
    window.undo_action.trigger()
    assert [n.id for n in journey.notes] == before
    assert added[0].id not in item.note_items


def test_escape_after_adding_an_empathy_note_keeps_it(window, qtbot) -> None:
    view, first, _second = open_empathy(window, 1.0)
    emap = window.document.project.empathy_map(first.map_id)
    count = len(emap.notes_in(Quadrant.PAINS))
    x, y = free_point(first, Quadrant.PAINS)
    view.centerOn(first.mapToScene(x, y))
    double_click(view, at(view, first, x, y))
    assert first.editor is not None
    qtbot.keyClicks(view, "Forms twice")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    pains = emap.notes_in(Quadrant.PAINS)
    assert len(pains) == count + 1 and pains[-1].text == "Forms twice"
    window.undo_action.trigger()
    assert len(emap.notes_in(Quadrant.PAINS)) == count


def test_escape_on_an_existing_note_still_cancels_the_edit(window, qtbot) -> None:
    view, first, _second = open_empathy(window, 1.0)
    emap = window.document.project.empathy_map(first.map_id)
    note = emap.notes_in(Quadrant.GAINS)[0]
    text = note.text
    view.centerOn(first.mapToScene(*first.layout.note_rects[note.id].center))
    double_click(view, note_point(view, first, note.id))
    assert first.editor is not None
    qtbot.keyClicks(view, "zzz")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert first.editor is None and note.text == text
    assert window.document.undo_stack.count() == 0
