"""Edits the model refuses take one route (Document.try_apply): the reason shows in the status
bar, or on the projector while presenting, and the undo stack does not grow."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from personamap.model.board import NoteElement

from .conftest import click, drag, item_center
from .dnd import drop_on
from .test_editing import _board, _cards, key
from .test_library import row_mime, show_board
from .test_workshop_voting import _fill_setup, _visible_notes
from .workshop_util import present

K = Qt.Key


def test_relating_a_persona_to_itself_is_refused_in_the_status_bar(window, qtbot) -> None:
    view, scene = _board(window, "Personas")
    doc = window.document
    original = _cards(scene)[0]
    click(view, item_center(view, original))
    key(window, view, qtbot, K.Key_D, Qt.KeyboardModifier.ControlModifier)  # a second card, same persona
    copy = next(c for c in _cards(scene) if c.isSelected())
    assert copy is not original and copy.persona_id == original.persona_id
    steps, relations = doc.undo_stack.count(), len(doc.project.relations)
    connectors = sum(1 for e in scene.board.elements if e.type == "connector")
    handle = window.features["editing"].connecting.handle(scene)
    assert handle is not None and handle.isVisible()
    drag(view, view.mapFromScene(handle.scenePos()), item_center(view, original))
    name = doc.project.persona(original.persona_id).name
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"{name} cannot relate to itself")
    assert doc.undo_stack.count() == steps and doc.undo_stack.undoText().startswith("Duplicate")
    assert len(doc.project.relations) == relations
    assert sum(1 for e in scene.board.elements if e.type == "connector") == connectors


def test_a_vote_beyond_the_dots_left_is_refused_on_the_projector(window, qtbot) -> None:
    workshop, win = present(window, qtbot, "Journeys")
    doc = window.document
    qtbot.keyClick(win.view, K.Key_PageDown)  # the first stage of the first journey
    QTimer.singleShot(20, lambda: _fill_setup(qtbot, "Ana", 1))
    qtbot.keyClick(win.view, K.Key_V)
    voting = workshop.voting
    assert voting.session is not None and voting.session.dots == 1
    note = _visible_notes(win)[0]
    click(win.view, item_center(win.view, note))  # Ana's only dot
    assert voting.session.counts[note.note_id] == {"Ana": 1}
    steps = doc.undo_stack.count()
    click(win.view, item_center(win.view, note))  # one dot too many
    assert workshop.presenter.message == "Ana has no dots left."  # the room sees why
    assert window.statusBar().currentMessage() == "Ana has no dots left."
    assert doc.undo_stack.count() == steps
    assert voting.session.counts[note.note_id] == {"Ana": 1}
    votes = [v for j in doc.project.journeys for n in j.notes if n.id == note.note_id for v in n.votes]
    assert sum(1 for v in votes if v.session == voting.session.name) == 1


def test_parking_too_long_an_idea_is_refused_on_the_projector(window, qtbot) -> None:
    workshop, win = present(window, qtbot, "Personas")
    doc = window.document
    board_id = win.view.board_scene.board_id
    qtbot.keyClick(win.view, K.Key_P)
    qtbot.keyClicks(win.parking, "First idea")
    qtbot.keyClick(win.parking, K.Key_Return)  # makes the parking lot: title and one note
    steps, elements = doc.undo_stack.count(), len(doc.project.board(board_id).elements)
    QApplication.clipboard().setText("x" * 20_001)  # longer than a note may be
    qtbot.keyClick(win.parking, K.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(win.parking.text()) == 20_001
    qtbot.keyClick(win.parking, K.Key_Return)
    reason = "invalid element: note.text: String should have at most 20000 characters"
    assert workshop.presenter.message == reason
    assert window.statusBar().currentMessage() == reason
    assert doc.undo_stack.count() == steps and not doc.undo_stack.canRedo()
    board = doc.project.board(board_id)
    assert len(board.elements) == elements
    assert [e.text for e in board.elements if isinstance(e, NoteElement)].count("First idea") == 1


def test_a_first_parked_idea_refused_leaves_no_parking_lot_behind(window, qtbot) -> None:
    """The lot's title and the note are one step: a refused note takes the title with it."""
    workshop, win = present(window, qtbot, "Personas")
    doc = window.document
    board_id = win.view.board_scene.board_id
    before = doc.project.board(board_id).model_dump()
    steps = doc.undo_stack.count()
    QCursor.setPos(-5000, -5000)
    qtbot.keyClick(win.view, K.Key_P)
    QApplication.clipboard().setText("y" * 20_001)
    qtbot.keyClick(win.parking, K.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.parking, K.Key_Return)
    assert workshop.presenter.message.startswith("invalid element: note.text")
    assert doc.undo_stack.count() == steps and not doc.undo_stack.canRedo()
    assert doc.project.board(board_id).model_dump() == before


def test_dropping_a_persona_already_on_the_journey_is_refused_in_the_status_bar(window) -> None:
    view = show_board(window, "Journeys")
    view.zoom_to_fit()
    doc = window.document
    element = next(e for e in view.board_scene.board.elements if e.type == "journey_map")
    journey = doc.project.journey(element.map_id)
    persona = doc.project.persona(journey.persona_ids[0])
    steps, on_map = doc.undo_stack.count(), list(journey.persona_ids)
    target = item_center(view, view.board_scene.items_by_id[element.id])
    assert drop_on(view, row_mime(window, persona.id), target)
    assert window.statusBar().currentMessage() == f"{persona.name} is already on this journey"
    assert doc.undo_stack.count() == steps
    assert doc.project.journey(element.map_id).persona_ids == on_map
