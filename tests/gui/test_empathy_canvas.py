"""Empathy maps on the canvas, used as a person would: drag notes within and between
quadrants and onto the other map, add a note by double-click; undo, save, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from personamap.canvas.items.empathy import EmpathyMapItem
from personamap.io import load
from personamap.model import Quadrant

from .conftest import double_click, drag

CTRL = Qt.KeyboardModifier.ControlModifier


def open_empathy(window, zoom: float = 0.5) -> tuple:
    window.tabs.setCurrentIndex(2)
    view = window.tabs.current_view()
    items = [i for i in view.board_scene.items_by_id.values() if isinstance(i, EmpathyMapItem)]
    view.set_zoom(zoom)
    view.centerOn(items[0].sceneBoundingRect().united(items[1].sceneBoundingRect()).center())
    QApplication.processEvents()
    return view, items[0], items[1]


def at(view, item, x: float, y: float) -> QPoint:
    return view.mapFromScene(item.mapToScene(QPointF(x, y)))


def note_point(view, item, note_id: str) -> QPoint:
    r = item.layout.note_rects[note_id]
    return at(view, item, r.cx, r.cy)


def free_point(item, quadrant: Quadrant) -> tuple[float, float]:
    """A point of a quadrant's content after its last note (a drop there goes last)."""
    c = item.layout.content_rects[quadrant]
    return c.right - 6, c.bottom - 6


def test_drag_a_note_to_another_quadrant_then_undo_save_reopen(window, sample_file: Path) -> None:
    view, first, _second = open_empathy(window)
    emap = window.document.project.empathy_map(first.map_id)
    note = emap.notes_in(Quadrant.SAYS)[0]
    drag(view, note_point(view, first, note.id), at(view, first, *free_point(first, Quadrant.FEELS)))
    assert note.quadrant == Quadrant.FEELS
    assert emap.notes_in(Quadrant.FEELS)[-1].id == note.id
    assert first.layout.quadrant_rects[Quadrant.FEELS].contains(*first.layout.note_rects[note.id].center)
    window.document.undo_stack.undo()
    assert next(n for n in emap.notes if n.id == note.id).quadrant == Quadrant.SAYS
    window.document.undo_stack.redo()
    assert window.files.save()
    assert (
        next(n for n in load(sample_file).empathy_map(emap.id).notes if n.id == note.id).quadrant
        == Quadrant.FEELS
    )


def test_reorder_within_a_quadrant(window) -> None:
    view, first, _second = open_empathy(window)
    emap = window.document.project.empathy_map(first.map_id)
    ids = [n.id for n in emap.notes_in(Quadrant.SAYS)]
    assert len(ids) >= 3
    r = first.layout.note_rects[ids[0]]
    drag(view, note_point(view, first, ids[2]), at(view, first, r.x + 4, r.cy))
    assert [n.id for n in emap.notes_in(Quadrant.SAYS)] == [ids[2], ids[0], ids[1], *ids[3:]]


def test_drag_two_notes_onto_the_other_map(window) -> None:
    view, first, second = open_empathy(window, 0.4)
    project = window.document.project
    source, target = project.empathy_map(first.map_id), project.empathy_map(second.map_id)
    a, b = source.notes_in(Quadrant.THINKS)[:2]
    count = len(target.notes)
    double = [note_point(view, first, a.id), note_point(view, first, b.id)]
    from .conftest import click

    click(view, double[0], CTRL)
    click(view, double[1], CTRL)
    drag(view, double[1], at(view, second, *free_point(second, Quadrant.GAINS)))
    QApplication.processEvents()
    assert [n.id for n in target.notes_in(Quadrant.GAINS)][-2:] == [a.id, b.id]
    assert len(target.notes) == count + 2 and a.id not in {n.id for n in source.notes}
    assert a.id in second.note_items and a.id not in first.note_items
    assert window.document.undo_stack.undoText() == "Move 2 notes"
    window.document.undo_stack.undo()
    assert a.id in {n.id for n in source.notes} and len(target.notes) == count
    assert a.id in first.note_items


def test_double_click_a_quadrant_adds_a_note(window, qtbot) -> None:
    view, first, _second = open_empathy(window, 1.0)
    emap = window.document.project.empathy_map(first.map_id)
    count = len(emap.notes_in(Quadrant.GAINS))
    x, y = free_point(first, Quadrant.GAINS)
    view.centerOn(first.mapToScene(QPointF(x, y)))
    QApplication.processEvents()
    double_click(view, at(view, first, x, y))
    assert first.editor is not None
    qtbot.keyClicks(view, "Sleeps at night")
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    gains = emap.notes_in(Quadrant.GAINS)
    assert len(gains) == count + 1 and gains[-1].text == "Sleeps at night"
    stack = window.document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Add note"]
    # editing a note in place, Esc cancels
    note = gains[0]
    double_click(view, note_point(view, first, note.id))
    qtbot.keyClicks(view, "zzz")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert "zzz" not in note.text and window.document.undo_stack.count() == 1
