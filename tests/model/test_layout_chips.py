"""Status chips on a card: right to left along the bottom, a row above when the card is narrow,
never overlapping each other nor reaching left of the text on their row."""

from __future__ import annotations

from personamap.model.layout import Rect
from personamap.model.layout.chips import CHIP_H, CHIP_MIN_W, INSET, card_chips, chip_width


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_chips_line_up_from_the_bottom_right_corner() -> None:
    card = Rect(0, 0, 300, 400)
    review, changed = card_chips([80, 90], card)
    assert (review.right, review.bottom, review.h) == (300 - INSET, 400 - INSET + 4, CHIP_H)
    assert changed.bottom == review.bottom and changed.right < review.x
    assert chip_width(10) == CHIP_MIN_W and chip_width(100) == 120


def test_a_narrow_card_or_text_on_the_row_stacks_the_next_chip_above() -> None:
    for chips in (
        card_chips([80, 90], Rect(0, 0, 180, 400)),
        card_chips([80, 90], Rect(0, 0, 300, 400), left=150),
    ):
        review, changed = chips
        assert changed.right == review.right and changed.bottom < review.y
        assert not overlap(review, changed)
    (alone,) = card_chips([90], Rect(0, 0, 300, 400), left=150)  # the first chip always sits
    assert alone.right == 300 - INSET
