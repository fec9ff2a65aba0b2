"""Arrange ▸ Group Similar Notes… driven as a facilitator would: rubber-band the wall, ctrl-click
one note out of the selection, rename a group, reject another, accept; Undo puts everything back."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from personamap.io import save
from personamap.model import Project
from personamap.model.board import Board, NoteElement
from personamap.ui.main_window import MainWindow

from .conftest import click, drag, item_center, scene_to_view

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
from brainstorms import wall

CTRL = Qt.KeyboardModifier.ControlModifier
W, H, STEP_X, STEP_Y = 200.0, 110.0, 230.0, 140.0


@pytest.fixture
def wall_window(qtbot, tmp_path: Path):
    """The editor on a project whose one board holds the English brainstorm in a 7 × 4 grid."""
    notes, theme_of = wall("en")
    elements, themes = [], {}
    for k, (ident, text) in enumerate(notes):
        note = NoteElement(text=text, x=(k % 7) * STEP_X, y=(k // 7) * STEP_Y, w=W, h=H)
        elements.append(note)
        themes[note.id] = theme_of[ident]
    path = tmp_path / "wall.personamap"
    save(Project(title="Wall", boards=[Board(name="Wall", elements=elements)]), path, backup=False)
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(path)
    yield win, themes
    if win.document is not None:
        win.document.undo_stack.setClean()
    win.close()


def geometry(win) -> dict[str, tuple[float, float, float, float]]:
    return {e.id: (e.x, e.y, e.w, e.h) for e in win.document.project.boards[0].elements}


def test_group_similar_notes_rename_reject_accept_and_undo(wall_window, qtbot) -> None:
    win, themes = wall_window
    view = win.tabs.current_view()
    scene = view.board_scene
    before = win.document.project.model_dump(mode="json")
    drag(view, scene_to_view(view, -40, -40), scene_to_view(view, 6 * STEP_X + W + 20, 3 * STEP_Y + H + 20))
    assert len(scene.selected_ids()) == 28
    left_out = scene.items_by_id[win.document.project.boards[0].elements[0].id]
    click(view, item_center(view, left_out), CTRL)
    assert len(scene.selected_ids()) == 27

    win.actions["arrange.group_similar"].trigger()
    dialog = win.features["affinity"].dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    rows = dialog.rows()
    assert len(rows) >= 3
    listed = [i for row in rows for i in row.data(0, Qt.ItemDataRole.UserRole)]
    assert sorted(listed) == sorted(set(themes) - {left_out.element_id})

    renamed, rejected = rows[0], rows[1]
    spot = dialog.tree.visualItemRect(renamed).center()
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseDClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    editor = dialog.findChild(QLineEdit)
    assert editor is not None and editor.text() == renamed.text(0)
    editor.selectAll()
    qtbot.keyClicks(editor, "Money matters")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: renamed.text(0) == "Money matters")  # the delegate commits queued
    rejected.setCheckState(0, Qt.CheckState.Unchecked)
    kept_ids = [row.data(0, Qt.ItemDataRole.UserRole) for row in rows if row is not rejected]
    labels = [row.text(0) for row in rows if row is not rejected]
    stayed = [*rejected.data(0, Qt.ItemDataRole.UserRole), left_out.element_id]
    old = geometry(win)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.features["affinity"].dialog is None)

    board = win.document.project.boards[0]
    headers = [e for e in board.elements if e.type == "text"]
    assert [h.text for h in headers] == labels and labels[0] == "Money matters"
    now = geometry(win)
    assert all(now[i] == old[i] for i in stayed)  # rejected and unselected notes stay put
    for header, ids in zip(headers, kept_ids, strict=True):
        tops = [now[i][1] for i in ids]
        assert {now[i][0] for i in ids} == {header.x} and min(tops) > header.y
    boxes = [now[i] for i in now]
    assert not any(
        a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
        for k, a in enumerate(boxes)
        for b in boxes[k + 1 :]
    )
    assert win.document.undo_stack.count() == 1
    assert {e.id for e in board.elements if e.type == "text"} <= set(scene.items_by_id)  # drawn

    win.undo_action.trigger()
    assert win.document.project.model_dump(mode="json") == before


def test_nothing_to_group_says_so(wall_window) -> None:
    win, _ = wall_window
    view = win.tabs.current_view()
    first = view.board_scene.items_by_id[win.document.project.boards[0].elements[0].id]
    click(view, item_center(view, first))
    win.actions["arrange.group_similar"].trigger()
    assert win.features["affinity"].dialog is None
    assert "two or more" in win.statusBar().currentMessage()


def test_notes_of_an_empathy_quadrant_are_tagged_with_their_group(window, qtbot) -> None:
    from personamap.model import Quadrant

    from .test_empathy_canvas import note_point, open_empathy

    view, first, _second = open_empathy(window)
    emap = window.document.project.empathy_map(first.map_id)
    before = window.document.project.model_dump(mode="json")
    picked = [n.id for n in emap.notes_in(Quadrant.PAINS)]
    click(view, note_point(view, first, picked[0]))
    for ident in picked[1:]:
        click(view, note_point(view, first, ident), CTRL)

    window.actions["arrange.group_similar"].trigger()
    dialog = window.features["affinity"].dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    listed = sorted(i for row in dialog.rows() for i in row.data(0, Qt.ItemDataRole.UserRole))
    assert listed == sorted(picked)
    labels = {row.text(0): row.data(0, Qt.ItemDataRole.UserRole) for row in dialog.rows()}
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.features["affinity"].dialog is None)

    notes = {n.id: n for n in emap.notes}
    for label, ids in labels.items():
        assert all(notes[i].tags[-1] == label for i in ids)
    assert window.document.undo_stack.count() == 1
    window.undo_action.trigger()
    assert window.document.project.model_dump(mode="json") == before
