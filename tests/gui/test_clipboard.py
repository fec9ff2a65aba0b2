"""Cut, copy, paste and duplicate as a person uses them: within a board, to another board,
into a second window with another project, and a clipboard with hostile content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication

from personamap.canvas.clipboard import MIME_TYPE
from personamap.canvas.items.simple import NoteElementItem
from personamap.io import load
from personamap.model import Board, Project
from personamap.ui.main_window import MainWindow

from .conftest import click, item_center
from .test_editing import CTRL, _board, _cards, _element, key

V, C, X, D = Qt.Key.Key_V, Qt.Key.Key_C, Qt.Key.Key_X, Qt.Key.Key_D


@pytest.fixture(autouse=True)
def _clear_clipboard():
    """Offscreen Qt segfaults at exit while the clipboard holds mime data made in Python."""
    yield
    QGuiApplication.clipboard().clear()


def _note(scene) -> NoteElementItem:
    return next(i for i in scene.items_by_id.values() if isinstance(i, NoteElementItem))


def _new_ids(scene, before: set[str]) -> list[str]:
    return [e.id for e in scene.board.elements if e.id not in before]


def test_copy_paste_within_a_board_fans_out_and_undoes(window, qtbot) -> None:
    view, scene = _board(window, "Personas")
    note = _note(scene)
    original = _element(scene, note.element_id)
    click(view, item_center(view, note))
    key(window, view, qtbot, C, CTRL)
    assert QGuiApplication.clipboard().mimeData().hasFormat(MIME_TYPE)
    assert QGuiApplication.clipboard().text() == " ".join(original.text.split())
    before = {e.id for e in scene.board.elements}
    key(window, view, qtbot, V, CTRL)
    first = _new_ids(scene, before)
    assert len(first) == 1
    pasted = _element(scene, first[0])
    assert (pasted.x, pasted.y, pasted.text) == (original.x + 24, original.y + 24, original.text)
    assert scene.selected_ids() == first
    assert window.document.undo_stack.undoText() == "Paste note"
    key(window, view, qtbot, V, CTRL)
    second = _element(scene, _new_ids(scene, before | set(first))[0])
    assert (second.x, second.y) == (original.x + 48, original.y + 48)
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert {e.id for e in scene.board.elements} == before


def test_copy_cards_with_their_connector_to_another_board(window, qtbot, sample_file: Path) -> None:
    view, scene = _board(window, "Personas")
    cards = _cards(scene)[:2]  # joined by a connector in the sample
    click(view, item_center(view, cards[0]))
    click(view, item_center(view, cards[1]), CTRL)
    key(window, view, qtbot, C, CTRL)
    personas = len(window.document.project.personas)
    view2, scene2 = _board(window, "Empathy")
    before = {e.id for e in scene2.board.elements}
    key(window, view2, qtbot, V, CTRL)
    assert window.tabs.current_view() is view2
    new = [_element(scene2, i) for i in _new_ids(scene2, before)]
    assert sorted(e.type for e in new) == ["connector", "persona_card", "persona_card"]
    assert {e.persona_id for e in new if e.type == "persona_card"} == {c.persona_id for c in cards}
    assert len(window.document.project.personas) == personas  # same project: the same personas
    link = next(e for e in new if e.type == "connector")
    assert {link.source_id, link.target_id} == {e.id for e in new if e.type != "connector"}
    assert window.document.undo_stack.undoText() == "Paste 3 elements"
    assert window.files.save()
    reopened = load(sample_file)
    assert {e.id for e in new} <= {e.id for b in reopened.boards for e in b.elements}


def test_paste_into_a_second_window_brings_the_persona_along(window, qtbot, tmp_path: Path) -> None:
    view, scene = _board(window, "Personas")
    card = _cards(scene)[0]
    persona = window.document.project.persona(card.persona_id)
    click(view, item_center(view, card))
    key(window, view, qtbot, C, CTRL)
    other = MainWindow()
    qtbot.addWidget(other)
    other.resize(1200, 800)
    other.show()
    qtbot.waitExposed(other)
    other.new_project(Project(title="Elsewhere", boards=[Board(name="Wall")]))
    try:
        view2 = other.tabs.current_view()
        key(other, view2, qtbot, V, CTRL)
        project = other.document.project
        assert [p.name for p in project.personas] == [persona.name]
        assert project.personas[0].goals == persona.goals
        cards2 = [e for e in project.boards[0].elements if e.type == "persona_card"]
        assert len(cards2) == 1 and cards2[0].persona_id == project.personas[0].id
        assert cards2[0].id != card.element_id
        key(other, view2, qtbot, V, CTRL)  # a second paste reuses the persona it brought
        assert len(project.personas) == 1 and len(project.boards[0].elements) == 2
        path = tmp_path / "elsewhere.personamap"
        other.document.save(path)
        assert [p.name for p in load(path).personas] == [persona.name]
    finally:
        other.document.undo_stack.setClean()
        other.close()


def test_cut_is_one_step_and_paste_puts_it_back_in_place(window, qtbot) -> None:
    view, scene = _board(window, "Personas")
    note = _note(scene)
    original = _element(scene, note.element_id)
    click(view, item_center(view, note))
    steps = window.document.undo_stack.count()
    key(window, view, qtbot, X, CTRL)
    assert note.element_id not in {e.id for e in scene.board.elements}
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Cut note"
    key(window, view, qtbot, V, CTRL)
    pasted = _element(scene, scene.selected_ids()[0])
    assert (pasted.x, pasted.y, pasted.text) == (original.x, original.y, original.text)
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert _element(scene, note.element_id) == original


def test_duplicate_leaves_the_clipboard_alone(window, qtbot) -> None:
    view, scene = _board(window, "Personas")
    QGuiApplication.clipboard().setText("keep me")
    card = _cards(scene)[2]
    click(view, item_center(view, card))
    before = {e.id for e in scene.board.elements}
    key(window, view, qtbot, D, CTRL)
    key(window, view, qtbot, D, CTRL)
    new = [_element(scene, i) for i in _new_ids(scene, before)]
    origin = _element(scene, card.element_id)
    assert sorted((e.x, e.y) for e in new) == [
        (origin.x + 24, origin.y + 24),
        (origin.x + 48, origin.y + 48),
    ]
    assert all(e.persona_id == card.persona_id for e in new)
    assert window.document.undo_stack.undoText() == "Duplicate card"
    assert QGuiApplication.clipboard().text() == "keep me"


HOSTILE = [
    b"not json at all",
    b'{"format": "personamap-clipboard", "version": 1, "elements": [{"type": "bomb"}]}',
    b'{"format": "personamap-clipboard", "version": 99, "elements": []}',
    json.dumps(
        {
            "format": "personamap-clipboard",
            "version": 1,
            "elements": [{"type": "persona_card", "persona_id": "00000000-0000-4000-8000-000000000000"}],
        }
    ).encode(),
    b'{"format": "personamap-clipboard", "version": 1, '
    b'"elements": [{"type": "note", "text": "<b>\\u0007</b>"}]}',
]


@pytest.mark.parametrize("data", HOSTILE)
def test_hostile_clipboard_changes_nothing_but_says_why(window, qtbot, data: bytes) -> None:
    view, _scene = _board(window, "Personas")
    mime = QMimeData()
    mime.setData(MIME_TYPE, data)
    QGuiApplication.clipboard().setMimeData(mime)
    before = window.document.project.model_dump_json()
    steps = window.document.undo_stack.count()
    key(window, view, qtbot, V, CTRL)
    assert window.document.project.model_dump_json() == before
    assert window.document.undo_stack.count() == steps
    assert window.statusBar().currentMessage()
