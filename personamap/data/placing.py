"""Where drafted personas' cards go on a board: a grid to the right of everything already
there, top-aligned with it, so a new card never covers an element the team placed."""

from __future__ import annotations

from personamap.model.arrange import bounds
from personamap.model.board import Board
from personamap.model.layout.card import CARD_SIZE

GAP = 40.0
COLUMNS = 4
"""Cards per row: four standard cards span about one screen."""


def card_positions(
    board: Board, count: int, size: tuple[float, float] = CARD_SIZE
) -> list[tuple[float, float]]:
    """Top-left corners for `count` cards of `size`, row by row in a grid of `COLUMNS`, a gap to
    the right of the board's elements (at the origin on an empty board)."""
    rects = {e.id: (e.x, e.y, e.w, e.h) for e in board.elements}
    if rects:
        left, top, width, _ = bounds(rects)
        x0, y0 = round(left + width + GAP * 2), round(top)
    else:
        x0, y0 = 0, 0
    w, h = size
    return [(x0 + (i % COLUMNS) * (w + GAP), y0 + (i // COLUMNS) * (h + GAP)) for i in range(count)]
