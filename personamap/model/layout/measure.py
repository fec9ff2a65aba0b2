"""Text measurement, injected: Qt and reportlab measure their own fonts, the layout only asks.

`ApproxMeasure` is a deterministic stand-in for tests and for when no font is at hand; its
numbers are easy to compute by hand (a character is 0.55 × size wide, a line 1.35 × size).
"""

from __future__ import annotations

import math
import unicodedata
from typing import NamedTuple, Protocol, runtime_checkable

from .linebreak import break_units, clusters

_PROBE = "Mg"
_WIDE = frozenset("WF")


@runtime_checkable
class TextMeasure(Protocol):
    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        """Width of `text` set on one line."""
        ...

    def wrapped_height(self, text: str, width: float, size: float, bold: bool = False) -> float:
        """Height of `text` word-wrapped to `width`, line height included; 0 for empty text."""
        ...


class ApproxMeasure(NamedTuple):
    """Monospace-like metrics: greedy wrap at the Unicode break opportunities, over-long words
    broken between clusters. East Asian wide characters count as one full em."""

    char: float = 0.55
    bold_char: float = 0.6
    line: float = 1.35

    def char_width(self, ch: str, size: float, bold: bool = False) -> float:
        if unicodedata.east_asian_width(ch) in _WIDE:
            return size
        return (self.bold_char if bold else self.char) * size

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        return sum(self.char_width(ch, size, bold) for ch in text)

    def line_height(self, size: float) -> float:
        return self.line * size

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """The lines `text` breaks into at `width`; hard line breaks start new lines."""
        if not text:
            return []
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines.extend(self._wrap_paragraph(paragraph, width, size, bold))
        return lines

    def _wrap_paragraph(self, paragraph: str, width: float, size: float, bold: bool) -> list[str]:
        """Greedy lines at the Unicode break opportunities (`linebreak.break_units`), as the
        PDF wraps; spaces between words are kept, those at a line's end dropped."""
        lines: list[str] = []
        current, used = "", 0.0
        for unit in break_units(paragraph.lstrip()):
            body = unit.rstrip()
            w = self.text_width(body, size, bold)
            if current and used + w > width + 1e-9:
                lines.append(current.rstrip())
                current, used = "", 0.0
            if not current and w > width + 1e-9:
                pieces = self._break_word(body, width, size, bold)
                lines.extend(pieces[:-1])
                unit, body = pieces[-1] + unit[len(body) :], pieces[-1]
            current += unit
            used += self.text_width(unit, size, bold)
        lines.append(current.rstrip())
        return lines

    def _break_word(self, word: str, width: float, size: float, bold: bool) -> list[str]:
        """Split a word wider than the line into chunks that fit (at least one cluster each)."""
        pieces: list[str] = []
        chunk, used = "", 0.0
        for ch in clusters(word):
            w = self.text_width(ch, size, bold)
            if chunk and used + w > width + 1e-9:
                pieces.append(chunk)
                chunk, used = "", 0.0
            chunk += ch
            used += w
        pieces.append(chunk)
        return pieces

    def wrapped_height(self, text: str, width: float, size: float, bold: bool = False) -> float:
        return len(self.wrap(text, width, size, bold)) * self.line_height(size)


def line_height(measure: TextMeasure, size: float, bold: bool = False) -> float:
    """One line's height as the measure sees it (the height of a short one-line text)."""
    return measure.wrapped_height(_PROBE, math.inf, size, bold)


def line_count(measure: TextMeasure, text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines `text` takes at `width`; real fonts may add leading, hence the rounding."""
    if not text:
        return 0
    lh = line_height(measure, size, bold)
    return max(1, round(measure.wrapped_height(text, width, size, bold) / lh)) if lh > 0 else 1


def lines_fitting(height: float, line: float) -> int:
    """Whole lines of height `line` that fit in `height` (a hair of float error forgiven)."""
    if line <= 0 or height <= 0:
        return 0
    return math.floor(height / line + 1e-6)
