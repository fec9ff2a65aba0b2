"""Editing on the canvas as a person does it: rubber-band and Ctrl/Shift-click selection,
arrow keys, the Delete key, align, distribute and z-order from the Arrange menu, relations
drawn from a card's connect handle; each checked on the model, undone, saved and reopened."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from personamap.canvas.items.connector import ConnectorItem
from personamap.canvas.items.persona_card import PersonaCardItem
from personamap.canvas.items.simple import NoteElementItem
from personamap.io import load
from personamap.model import RelationKind
from personamap.ui.editing.commands import Selection, delete

from .conftest import click, drag, item_center, scene_to_view

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def activate(window, view) -> None:
    """Make the window active with the canvas focused, as after a person's click: key
    shortcuts only reach an active window (the inspector's form rebuild can deactivate it
    offscreen)."""
    window.activateWindow()
    for _ in range(50):
        QApplication.processEvents()
        if window.isActiveWindow():
            break
    view.setFocus()


def key(window, view, qtbot, k: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    activate(window, view)
    qtbot.keyClick(view, k, modifiers)


def _board(window, name: str):
    """Show a board, fitted, in the active window with the canvas focused."""
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == name)
    window.tabs.setCurrentIndex(index)
    view = window.tabs.current_view()
    view.zoom_to_fit()
    activate(window, view)
    return view, view.board_scene


def _element(scene, ident: str):
    return next(e for e in scene.board.elements if e.id == ident)


def _cards(scene) -> list[PersonaCardItem]:
    """The sample's persona cards, top row first, then left to right."""
    cards = [i for i in scene.items_by_id.values() if isinstance(i, PersonaCardItem)]
    return sorted(cards, key=lambda c: (c.pos().y(), c.pos().x()))


def _select(view, items, modifier=CTRL) -> None:
    click(view, item_center(view, items[0]))
    for item in items[1:]:
        click(view, item_center(view, item), modifier)


def test_rubber_band_selects_what_it_touches(window) -> None:
    view, scene = _board(window, "Personas")
    drag(view, scene_to_view(view, 20, 580), scene_to_view(view, 700, 985))
    chosen = set(scene.selected_ids())
    bottom_row = _cards(scene)[1:]
    assert {c.element_id for c in bottom_row[:2]} <= chosen
    assert bottom_row[2].element_id not in chosen and bottom_row[3].element_id not in chosen
    assert not any(isinstance(scene.items_by_id[i], NoteElementItem) for i in chosen)


def test_ctrl_and_shift_click_add_to_the_selection(window) -> None:
    view, scene = _board(window, "Personas")
    cards = _cards(scene)
    _select(view, cards[:2], CTRL)
    assert set(scene.selected_ids()) == {cards[0].element_id, cards[1].element_id}
    click(view, item_center(view, cards[2]), SHIFT)
    assert set(scene.selected_ids()) == {c.element_id for c in cards[:3]}
    click(view, item_center(view, cards[2]), SHIFT)  # and toggles off again
    assert cards[2].element_id not in scene.selected_ids()


def test_arrow_keys_nudge_and_five_presses_are_one_undo_step(window, qtbot, sample_file: Path) -> None:
    view, scene = _board(window, "Personas")
    note = next(i for i in scene.items_by_id.values() if isinstance(i, NoteElementItem))
    click(view, item_center(view, note))
    before = _element(scene, note.element_id)
    x, y = before.x, before.y
    steps = window.document.undo_stack.count()
    for _ in range(5):
        key(window, view, qtbot, Qt.Key.Key_Right)
    assert (_element(scene, note.element_id).x, note.pos().x()) == (x + 5, x + 5)
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Move note"
    key(window, view, qtbot, Qt.Key.Key_Down, SHIFT)  # by the grid, still the same step
    assert _element(scene, note.element_id).y == y + 8
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert (_element(scene, note.element_id).x, _element(scene, note.element_id).y) == (x, y)
    assert note.pos().x() == x
    window.document.undo_stack.redo()
    assert window.files.save()
    saved = next(e for b in load(sample_file).boards for e in b.elements if e.id == note.element_id)
    assert (saved.x, saved.y) == (x + 5, y + 8)


def test_delete_key_removes_card_with_its_connectors_and_undo_restores(window, qtbot) -> None:
    view, scene = _board(window, "Personas")
    card = _cards(scene)[0]
    click(view, item_center(view, card))
    before = [e.id for e in scene.board.elements]
    key(window, view, qtbot, Qt.Key.Key_Delete)
    after = [e.id for e in scene.board.elements]
    assert card.element_id not in after
    assert not any(
        e.type == "connector" and card.element_id in (e.source_id, e.target_id) for e in scene.board.elements
    )
    assert window.document.undo_stack.undoText() == "Delete card"
    window.document.undo_stack.undo()
    assert [e.id for e in scene.board.elements] == before
    assert card.element_id in scene.items_by_id


def test_align_left_from_the_arrange_menu_is_one_named_step(window, sample_file: Path) -> None:
    view, scene = _board(window, "Personas")
    cards = _cards(scene)[1:4]
    _select(view, cards)
    steps = window.document.undo_stack.count()
    menu = window.features["editing"].arrange_menu
    action = next(a for a in menu.actions() if a.objectName() == "arrange.align_left")
    assert action.isEnabled()
    action.trigger()
    xs = {_element(scene, c.element_id).x for c in cards}
    assert xs == {min(c.pos().x() for c in cards)} == {40.0}
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Align 3 cards left"
    window.document.undo_stack.undo()
    assert len({_element(scene, c.element_id).x for c in cards}) == 3
    window.document.undo_stack.redo()
    assert window.files.save()
    saved = {e.id: e.x for b in load(sample_file).boards for e in b.elements}
    assert {saved[c.element_id] for c in cards} == {40.0}


def test_distribute_horizontally(window) -> None:
    view, scene = _board(window, "Personas")
    cards = _cards(scene)[1:]  # x = 40, 400, 760, 1240: uneven
    _select(view, cards)
    window.actions["arrange.distribute_horizontal"].trigger()
    xs = sorted(_element(scene, c.element_id).x for c in cards)
    gaps = {round(b - a, 6) for a, b in itertools.pairwise(xs)}
    assert len(gaps) == 1 and xs[0] == 40 and xs[-1] == 1240
    assert window.document.undo_stack.undoText().startswith("Distribute 4 cards")


def test_z_order_with_shortcuts_and_menu(window, qtbot) -> None:
    view, scene = _board(window, "Personas")
    card = _cards(scene)[1]
    before = {e.id: e.z for e in scene.board.elements}
    click(view, item_center(view, card))
    key(window, view, qtbot, Qt.Key.Key_BracketRight, CTRL)  # bring forward
    assert window.document.undo_stack.undoText() == "Bring card forward"
    assert _element(scene, card.element_id).z > before[card.element_id]
    window.actions["arrange.front"].trigger()
    top = max(scene.board.elements, key=lambda e: e.z)
    assert top.id == card.element_id and card.zValue() == top.z
    window.actions["arrange.back"].trigger()
    assert min(scene.board.elements, key=lambda e: e.z).id == card.element_id
    for _ in range(3):
        window.document.undo_stack.undo()
    assert {e.id: e.z for e in scene.board.elements} == before


def test_delete_notes_inside_maps_and_elements_is_one_step(window) -> None:
    _view, scene = _board(window, "Journeys")
    project = window.document.project
    journey = project.journeys[0]
    note_id = journey.notes[0].id
    board_note = next(e for e in scene.board.elements if e.type == "note")
    sel = Selection(scene, [board_note.id], {("journey_note", journey.id): [note_id]})
    steps = window.document.undo_stack.count()
    assert delete(window.document, sel, window.show_message)
    assert note_id not in {n.id for n in project.journey(journey.id).notes}
    assert board_note.id not in {e.id for e in scene.board.elements}
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Delete 2 items"
    window.document.undo_stack.undo()
    assert note_id in {n.id for n in project.journey(journey.id).notes}


def test_drag_from_the_connect_handle_relates_two_personas(window, qtbot, sample_file: Path) -> None:
    view, scene = _board(window, "Personas")
    cards = _cards(scene)
    source, target = cards[4], cards[3]  # no relation between these yet
    click(view, item_center(view, source))
    connecting = window.features["editing"].connecting
    handle = connecting.handle(scene)
    assert handle is not None and handle.isVisible()
    relations = len(window.document.project.relations)
    steps = window.document.undo_stack.count()
    drag(view, view.mapFromScene(handle.scenePos()), item_center(view, target))
    qtbot.waitUntil(lambda: len(window.document.project.relations) == relations + 1, timeout=2000)
    relation = window.document.project.relations[-1]
    assert (relation.source_id, relation.target_id) == (source.persona_id, target.persona_id)
    assert relation.kind == RelationKind.INFLUENCES
    connector = next(
        e for e in scene.board.elements if e.type == "connector" and e.relation_id == relation.id
    )
    assert (connector.source_id, connector.target_id) == (source.element_id, target.element_id)
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText().startswith("Relate")
    assert _element(scene, source.element_id).x == source.pos().x()  # the card did not move
    # change its kind from the connector's context menu, then delete it with its relation
    item = scene.items_by_id[connector.id]
    assert isinstance(item, ConnectorItem)
    menu = connecting.connector_menu(scene, item)
    next(
        a for a in menu.findChildren(type(menu.actions()[0])) if a.objectName() == "relation.blocks"
    ).trigger()
    assert window.document.project.relations[-1].kind == RelationKind.BLOCKS
    assert item.label == "blocks"
    assert window.files.save()
    reopened = load(sample_file)
    assert reopened.relations[-1].kind == RelationKind.BLOCKS
    menu = connecting.connector_menu(scene, item)
    next(a for a in menu.actions() if a.objectName() == "connector.delete_relation").trigger()
    assert connector.id not in {e.id for e in scene.board.elements}
    assert len(window.document.project.relations) == relations
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert len(window.document.project.relations) == relations
    assert connector.id not in {e.id for e in scene.board.elements}


def test_dropping_the_handle_on_empty_canvas_adds_nothing(window, qtbot) -> None:
    view, scene = _board(window, "Personas")
    card = _cards(scene)[0]
    click(view, item_center(view, card))
    handle = window.features["editing"].connecting.handle(scene)
    steps = window.document.undo_stack.count()
    start = view.mapFromScene(handle.scenePos())
    drag(view, start, start + QPoint(60, -60))
    qtbot.wait(20)
    assert window.document.undo_stack.count() == steps
    assert "persona card" in window.statusBar().currentMessage()
