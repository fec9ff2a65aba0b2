"""Board ops: boards, placing, geometry, z-order, connectors, removal with connectors."""

from __future__ import annotations

import pytest
from factories import elements_of, persona_named, rich_project
from ophelp import refused, roundtrip

from personamap.model import Board, NoteColor, NoteElement, PersonaCard, Project
from personamap.model.ops import (
    add_board,
    bring_forward,
    bring_to_front,
    change_z_order,
    connect,
    move_board,
    place_element,
    remove_board,
    remove_elements,
    rename_board,
    send_backward,
    send_to_back,
    set_geometry,
    update_element,
)

GHOST = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def project() -> Project:
    return rich_project()


def stack(board: Board) -> list[str]:
    return [e.id for _k, e in sorted(enumerate(board.elements), key=lambda pair: (pair[1].z, pair[0]))]


def test_boards(project: Project) -> None:
    roundtrip(project, add_board(project, "Workshop"))
    workshop = project.boards[-1]
    roundtrip(project, rename_board(project, workshop.id, "Workshop 1"))
    roundtrip(project, move_board(project, workshop.id, 0))
    assert project.boards[0].name == "Workshop 1"
    overview = project.boards[1]
    op = remove_board(project, overview.id)
    assert op.name == "Delete board “Overview”"
    roundtrip(project, op)
    assert project.board(overview.id) is None
    refused(project, lambda: rename_board(project, workshop.id, "a\nb"), "invalid value")
    bad = Board(elements=[PersonaCard(persona_id=GHOST)])
    refused(project, lambda: add_board(project, board=bad), "no persona")


def test_place_elements(project: Project) -> None:
    board = project.boards[1]
    nora = persona_named(project, "Nora")
    card = PersonaCard(persona_id=nora.id, x=10, y=20)
    roundtrip(project, place_element(project, board.id, card))
    roundtrip(project, place_element(project, board.id, {"type": "note", "text": "Hi", "color": "pink"}))
    assert [e.type for e in board.elements] == ["persona_card", "note"]
    assert board.elements[0] is not card and board.elements[1].color == NoteColor.PINK
    assert [e.z for e in board.elements] == [0, 1]
    roundtrip(project, place_element(project, board.id, NoteElement(z=-5), on_top=False))
    assert board.elements[-1].z == -5
    refused(project, lambda: place_element(project, board.id, {"type": "blob"}), "invalid element")
    refused(
        project, lambda: place_element(project, board.id, {"type": "image", "asset_id": GHOST}), "no image"
    )
    refused(
        project,
        lambda: place_element(project, board.id, {"type": "journey_map", "map_id": GHOST}),
        "no journey",
    )


def test_connect(project: Project) -> None:
    board = project.boards[0]
    cards = elements_of(board, "persona_card")
    relation = project.relations[0]
    roundtrip(project, connect(project, board.id, cards[0].id, cards[2].id, label="knows"))
    roundtrip(project, connect(project, board.id, cards[1].id, cards[2].id, relation_id=relation.id))
    assert [c.label for c in elements_of(board, "connector")] == ["influences", "knows", ""]
    refused(project, lambda: connect(project, board.id, cards[0].id, cards[0].id), "two different")
    refused(project, lambda: connect(project, board.id, cards[0].id, GHOST), "no element on this board")
    refused(
        project,
        lambda: connect(project, board.id, cards[0].id, cards[1].id, relation_id=GHOST),
        "no relation",
    )


def test_set_geometry_moves_and_resizes(project: Project) -> None:
    board = project.boards[0]
    a, b, c = elements_of(board, "persona_card")
    op = set_geometry(
        project, board.id, {a.id: (5, 6, a.w, a.h), b.id: (7, 8, b.w, b.h), c.id: (9, 9, c.w, c.h)}
    )
    assert op.name == "Move 3 elements"
    changes = roundtrip(project, op)
    assert (a.x, a.y, b.x, c.y) == (5, 6, 7, 9)
    assert changes.updated == {a.id, b.id, c.id}
    op = set_geometry(project, board.id, {a.id: (5, 6, 100, 50)})
    assert op.name == "Resize element"
    roundtrip(project, op)
    assert (a.w, a.h) == (100, 50)
    refused(project, lambda: set_geometry(project, board.id, {a.id: (0, 0, 0, 10)}), "invalid value")
    refused(
        project, lambda: set_geometry(project, board.id, {a.id: (float("inf"), 0, 1, 1)}), "invalid value"
    )
    refused(project, lambda: set_geometry(project, board.id, {GHOST: (0, 0, 1, 1)}), "no element")


def test_update_element(project: Project) -> None:
    board = project.boards[0]
    note = elements_of(board, "note")[0]
    roundtrip(project, update_element(project, board.id, note.id, text="Call sales", color=NoteColor.BLUE))
    assert (note.text, note.color) == ("Call sales", NoteColor.BLUE)
    card = elements_of(board, "persona_card")[0]
    nora = persona_named(project, "Nora")
    roundtrip(project, update_element(project, board.id, card.id, persona_id=nora.id, sections=["goals"]))
    assert card.persona_id == nora.id
    connector = elements_of(board, "connector")[0]
    roundtrip(project, update_element(project, board.id, connector.id, relation_id=None, label=""))
    refused(project, lambda: update_element(project, board.id, card.id, persona_id=GHOST), "no persona")
    refused(project, lambda: update_element(project, board.id, card.id, text="x"), "no field 'text'")
    refused(project, lambda: update_element(project, board.id, card.id, type="note"), "cannot be changed")
    refused(
        project, lambda: update_element(project, board.id, connector.id, target_id=connector.id), "itself"
    )


def test_remove_elements_takes_connectors(project: Project) -> None:
    board = project.boards[0]
    cards = elements_of(board, "persona_card")
    op = remove_elements(project, board.id, [cards[0].id])
    assert op.name == "Delete element"
    changes = roundtrip(project, op)
    assert elements_of(board, "connector") == []
    assert len(changes.removed) == 2
    roundtrip(project, remove_elements(project, board.id, [e.id for e in board.elements]))
    assert board.elements == []


def test_z_order(project: Project) -> None:
    board = project.boards[0]
    ids = [e.id for e in board.elements]  # z already equals the list position
    a, b = ids[0], ids[1]
    roundtrip(project, bring_forward(project, board.id, [a]))
    assert stack(board)[:3] == [ids[1], a, ids[2]]
    roundtrip(project, bring_to_front(project, board.id, [a, b]))
    assert stack(board)[-2:] == [a, b] or stack(board)[-2:] == [b, a]
    roundtrip(project, send_to_back(project, board.id, [b]))
    assert stack(board)[0] == b
    roundtrip(project, send_backward(project, board.id, [ids[-1]]))
    assert stack(board)[-1] != ids[-1]
    assert sorted(e.z for e in board.elements) == list(range(len(ids)))
    refused(project, lambda: send_to_back(project, board.id, [b]), "does not change")
    refused(project, lambda: change_z_order(project, board.id, [a], "sideways"), "unknown z-order")  # type: ignore[arg-type]
    refused(project, lambda: bring_forward(project, board.id, [GHOST]), "no element")


def test_z_order_with_equal_z_uses_list_order(project: Project) -> None:
    board = project.boards[1]
    for text in "abc":
        roundtrip(project, place_element(project, board.id, NoteElement(text=text), on_top=False))
    first = board.elements[0].id
    roundtrip(project, bring_to_front(project, board.id, [first]))
    assert stack(board)[-1] == first
    assert [e.z for e in board.elements] == [2, 0, 1]
