"""Right-to-left text for a PDF: Arabic letter shaping and bidi reordering of one line.

reportlab draws glyphs left to right in the order given and neither shapes Arabic nor applies
the bidi algorithm. So a line is shaped with `arabic-reshaper` (contextual presentation forms,
lam-alef ligatures, vowel marks kept) and reordered with `python-bidi` (UAX #9, mirrored
brackets). Lines are broken in logical order first, then each line is reordered, as UAX #9
asks; the paragraph's direction is passed down so that a wrapped line keeps it.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ...model.layout.direction import is_rtl
from .fonts import fold_sequences

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u08ff]")
_MARKS = str.maketrans("", "", "\u200e\u200f")


@functools.cache
def _reshaper() -> Any:
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their contextual presentation forms (logical order kept)."""
    if _ARABIC.search(text) is None:
        return text
    return _reshaper().reshape(text)


def has_rtl(text: str) -> bool:
    """Whether the text holds right-to-left letters (Hebrew, Arabic and their kin)."""
    return _RTL.search(text) is not None


def base_is_rtl(text: str) -> bool:
    """Whether the paragraph's first strong character is right-to-left (UAX #9 P2-P3)."""
    return is_rtl(text)


def visual(line: str, rtl: bool | None = None) -> str:
    """One line of logical-order text in display order, Arabic shaped, brackets mirrored.
    `rtl` is the paragraph's direction (by default the line's own first strong character)."""
    if not has_rtl(line):
        return line
    from bidi.algorithm import get_display

    base = base_is_rtl(line) if rtl is None else rtl
    text, restore = _neutral_sequences(line)
    shown = get_display(shape_arabic(text), base_dir="R" if base else "L")
    return shown.translate(restore).translate(_MARKS)


def _neutral_sequences(line: str) -> tuple[str, dict[int, str]]:
    """The line with each emoji sequence as one neutral stand-in character (a box-drawing one,
    bidi class ON like a single emoji), so that the bidi algorithm neither reverses the
    sequence nor treats it as a letter, and the shaper keeps it; with the table back to the
    character that prints the sequence whole."""
    folded = fold_sequences(line)
    glyphs = sorted({ch for ch in folded if ord(ch) >= 0xF0000}, key=folded.index)
    free = (chr(cp) for cp in range(0x2500, 0x2580) if chr(cp) not in folded)
    stand_in = dict(zip(glyphs, free, strict=False))
    if len(stand_in) < len(glyphs):
        return folded, {}  # a line of box drawing and over 100 sequences: they stay letters
    table = {ord(k): v for k, v in stand_in.items()}
    return folded.translate(table), {ord(v): k for k, v in stand_in.items()}
