"""Status chips on a persona card ("Review due", "Data changed"): where each sits, one rule for
the canvas card and the PDF cards sheet, so they agree and never overlap each other or the text
to their left."""

from __future__ import annotations

from .geometry import Rect

CHIP_H = 20.0
CHIP_GAP = 6.0
CHIP_PAD = 10.0
CHIP_MIN_W = 80.0
INSET = 12.0
"""From the card's right edge; chips sit `INSET - 4` above its bottom edge."""


def chip_width(text_width: float) -> float:
    """A chip's width for a label `text_width` wide."""
    return max(CHIP_MIN_W, text_width + 2 * CHIP_PAD)


def chip_rects(widths: list[float], right: float, bottom: float, left: float) -> list[Rect]:
    """One rect per chip of the given widths, the first at (`right`, `bottom`), each next one to
    the left of the one before; a chip that would reach left of `left` starts a row above."""
    out: list[Rect] = []
    x, y = right, bottom - CHIP_H
    for w in widths:
        if out and x - w < left:
            x, y = right, y - CHIP_H - CHIP_GAP
        out.append(Rect(x - w, y, w, CHIP_H))
        x -= w + CHIP_GAP
    return out


def card_chips(widths: list[float], card: Rect, left: float | None = None) -> list[Rect]:
    """The chips of a card: bottom right, inside its inset; `left` keeps them right of text on
    their row (default: the card's inset)."""
    floor = card.x + INSET if left is None else left
    return chip_rects(widths, card.right - INSET, card.bottom - (INSET - 4), floor)
