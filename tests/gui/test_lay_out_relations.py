"""Board ▸ Lay Out Relations, driven from the menu: every persona gets a card on the current board,
every relation a connector, no two cards overlap, and one Undo puts the board back."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from personamap.canvas.items.connector import ConnectorItem
from personamap.canvas.items.persona_card import PersonaCardItem
from personamap.model import Connector, PersonaCard


def board_menu_action(window, action_id: str):
    menu = next(
        a.menu() for a in window.menuBar().actions() if a.menu() and a.text().replace("&", "") == "Board"
    )
    return next(a for a in menu.actions() if a.objectName() == action_id)


def card_rects(board) -> list[tuple[float, float, float, float]]:
    return [(e.x, e.y, e.w, e.h) for e in board.elements if isinstance(e, PersonaCard)]


def test_lay_out_relations_on_an_empty_board_then_undo(window) -> None:
    doc = window.document
    window.tabs.add_board()
    QApplication.processEvents()
    view = window.tabs.current_view()
    board_id = view.board_scene.board_id
    board = doc.project.board(board_id)
    assert board is not None and board.elements == []
    depth = doc.undo_stack.count()

    action = board_menu_action(window, "board.lay_out_relations")
    assert action.isEnabled()
    action.trigger()
    QApplication.processEvents()

    board = doc.project.board(board_id)
    cards = [e for e in board.elements if isinstance(e, PersonaCard)]
    assert sorted(c.persona_id for c in cards) == sorted(p.id for p in doc.project.personas)
    lines = [e for e in board.elements if isinstance(e, Connector)]
    assert sorted(c.relation_id for c in lines) == sorted(r.id for r in doc.project.relations)
    rects = card_rects(board)
    assert not any(
        a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
        for i, a in enumerate(rects)
        for b in rects[i + 1 :]
    )
    scene_cards = [i for i in view.board_scene.items() if isinstance(i, PersonaCardItem)]
    scene_lines = [i for i in view.board_scene.items() if isinstance(i, ConnectorItem)]
    assert len(scene_cards) == len(cards) and len(scene_lines) == len(lines)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert all(shown.contains(item.sceneBoundingRect()) for item in scene_cards), "the map is framed"
    assert doc.undo_stack.count() == depth + 1, "one undo step"
    assert doc.undo_stack.undoText() == "Lay out relations"
    assert "Laid out the relation map" in window.statusBar().currentMessage()

    action.trigger()  # a second time: nothing to do, no new step
    QApplication.processEvents()
    assert doc.undo_stack.count() == depth + 1
    assert "already laid out" in window.statusBar().currentMessage()

    window.undo_action.trigger()
    QApplication.processEvents()
    assert doc.project.board(board_id).elements == []
    assert not [i for i in view.board_scene.items() if isinstance(i, PersonaCardItem)]


def test_force_directed_moves_the_samples_cards_and_undo_restores_them(window) -> None:
    doc = window.document
    view = window.tabs.current_view()
    board_id = view.board_scene.board_id
    before = doc.project.board(board_id).model_dump(mode="json")

    board_menu_action(window, "board.lay_out_relations_spring").trigger()
    QApplication.processEvents()
    board = doc.project.board(board_id)
    assert board.model_dump(mode="json") != before
    ids = {e.id for e in board.elements}
    assert {e["id"] for e in before["elements"]} <= ids, "the cards and connectors already there are reused"
    for card in (e for e in board.elements if isinstance(e, PersonaCard)):
        item = view.board_scene.items_by_id[card.id]
        assert (item.pos().x(), item.pos().y()) == (card.x, card.y)

    window.undo_action.trigger()
    QApplication.processEvents()
    assert doc.project.board(board_id).model_dump(mode="json") == before


def test_the_actions_are_disabled_without_a_project(window) -> None:
    window.document.undo_stack.setClean()
    window.files.set_document(None)
    assert not window.actions["board.lay_out_relations"].isEnabled()
    assert not window.actions["board.lay_out_relations_spring"].isEnabled()
