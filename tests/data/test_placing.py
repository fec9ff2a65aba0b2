"""Where drafted personas' cards go: a grid right of what a board holds, overlapping nothing."""

from __future__ import annotations

from itertools import combinations

from personamap.data.placing import card_positions
from personamap.model.base import new_id
from personamap.model.board import Board, NoteElement, PersonaCard, TextElement
from personamap.model.layout.card import CARD_SIZE

Rect = tuple[float, float, float, float]


def overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def cards(board: Board, count: int) -> list[Rect]:
    return [(x, y, *CARD_SIZE) for x, y in card_positions(board, count)]


def test_an_empty_board_gets_a_grid_from_the_origin() -> None:
    placed = cards(Board(), 6)
    assert placed[0][:2] == (0, 0)
    assert len({(x, y) for x, y, _, _ in placed}) == 6
    assert not any(overlap(a, b) for a, b in combinations(placed, 2))
    assert len({y for _, y, _, _ in placed}) == 2  # six cards wrap onto a second row


def test_new_cards_overlap_nothing_already_on_the_board() -> None:
    board = Board(
        elements=[
            NoteElement(x=-300, y=200, w=200, h=160),
            PersonaCard(persona_id=new_id(), x=100, y=-50, w=280, h=360),
            TextElement(x=900, y=1200, w=360, h=48),
        ]
    )
    existing = [(e.x, e.y, e.w, e.h) for e in board.elements]
    placed = cards(board, 9)
    assert not any(overlap(a, b) for a in placed for b in existing)
    assert not any(overlap(a, b) for a, b in combinations(placed, 2))
    assert min(x for x, _, _, _ in placed) > 1260  # right of the rightmost element
    assert placed[0][1] == -50  # top-aligned with the board's content
    assert card_positions(board, 0) == []
