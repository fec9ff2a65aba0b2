"""A paragraph's writing direction, one rule for the canvas and the PDF.

UAX #9 rules P2-P3: the first strong character (a letter, or a left-to-right / right-to-left
mark) decides; a paragraph without one is left-to-right. A right-to-left paragraph is set
flush right where a left-to-right one is set flush left.
"""

from __future__ import annotations

import unicodedata

_RTL_CLASSES = frozenset(("R", "AL"))


def is_rtl(paragraph: str) -> bool:
    """Whether the paragraph's first strong character is right-to-left (Hebrew, Arabic…)."""
    for ch in paragraph:
        if ch.isascii() and not ch.isalpha():
            continue
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            return False
        if bidi in _RTL_CLASSES:
            return True
    return False


def aligned(align: str, paragraph: str) -> str:
    """The side a paragraph is set to: "left" means "at the start", so it turns "right" for a
    right-to-left paragraph; "right" and "center" are kept."""
    return "right" if align == "left" and is_rtl(paragraph) else align
