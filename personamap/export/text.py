"""Measuring, wrapping and drawing plain text with per-run fonts (never reportlab markup).

`PdfText` implements the layout package's `TextMeasure`, so the shared layout rules measure
with the very fonts the PDF embeds. Text is drawn with `drawString` per run: user text is never
parsed (no Paragraph), so `<b>` or `<img src=…>` print as the characters they are.

Wrapping is greedy by words; CJK text, which has no spaces, breaks between characters; a word
wider than the line breaks anywhere. `fit` then makes text fit a box: wrap, shrink within a
limit, and finally elide the last line with "…".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .fonts import FontSet
from .rtl import base_is_rtl, has_rtl, shape_arabic, visual

ELLIPSIS = "…"
LEADING = 1.3
"""Line height as a multiple of the type size."""


_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def _breaks_anywhere(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF or 0xFF00 <= cp <= 0xFFEF
    )


def _style(bold: bool) -> str:
    return "bold" if bold else "regular"


@dataclass
class Fitted:
    """Text made to fit a box: the lines to draw, at which size, and whether text was cut."""

    lines: list[str]
    size: float
    elided: bool


class PdfText:
    """Measures and wraps in the units it is given (points, or layout px: widths are linear)."""

    def __init__(self, fonts: FontSet, leading: float = LEADING) -> None:
        self.fonts = fonts
        self.leading = leading
        self._unit: dict[tuple[str, str], float] = {}
        self._wraps: dict[tuple[str, float, float, str], list[str]] = {}

    # --- measuring ---------------------------------------------------------------------------

    def unit_width(self, text: str, style: str = "regular") -> float:
        """Width of `text` at size 1 (cached: words repeat a lot)."""
        key = (text, style)
        w = self._unit.get(key)
        if w is None:
            source = shape_arabic(text) if has_rtl(text) else text
            w = sum(stringWidth(run, face, 1.0) for face, run in self.fonts.runs(source, style))
            self._unit[key] = w
        return w

    def width(self, text: str, size: float, style: str = "regular") -> float:
        return self.unit_width(text, style) * size

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        return self.unit_width(text, _style(bold)) * size

    def line_height(self, size: float) -> float:
        return self.leading * size

    def wrapped_height(self, text: str, width: float, size: float, bold: bool = False) -> float:
        return len(self.wrap(text, width, size, _style(bold))) * self.leading * size

    # --- wrapping ----------------------------------------------------------------------------

    def wrap(self, text: str, width: float, size: float, style: str = "regular") -> list[str]:
        """The lines of `text` at `width`; hard line breaks start new lines."""
        if not text:
            return []
        key = (text, width, size, style)
        hit = self._wraps.get(key)
        if hit is not None:
            return hit
        limit = width / size if size > 0 else math.inf
        lines: list[str] = []
        for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            lines.extend(self._wrap_paragraph(paragraph, limit, style))
        if len(self._wraps) > 50_000:
            self._wraps.clear()
        self._wraps[key] = lines
        return lines

    def _tokens(self, paragraph: str) -> list[str]:
        """Words, with CJK characters as words of their own (they may break anywhere)."""
        if _CJK.search(paragraph) is None:
            return paragraph.split()
        out: list[str] = []
        for word in paragraph.split():
            if not any(_breaks_anywhere(ch) for ch in word):
                out.append(word)
                continue
            buf = ""
            for ch in word:
                if _breaks_anywhere(ch):
                    if buf:
                        out.append(buf)
                    out.append("\x00" + ch)  # \x00: joins the previous token without a space
                    buf = ""
                else:
                    buf += ch
            if buf:
                out.append("\x00" + buf if out and out[-1].startswith("\x00") else buf)
        return out

    def _wrap_paragraph(self, paragraph: str, limit: float, style: str) -> list[str]:
        lines: list[str] = []
        current, used = "", 0.0
        space = self.unit_width(" ", style)
        for token in self._tokens(paragraph):
            glued = token.startswith("\x00")
            word = token[1:] if glued else token
            w = self.unit_width(word, style)
            gap = 0.0 if glued or not current else space
            if current and used + gap + w <= limit + 1e-9:
                current, used = current + ("" if glued else " ") + word, used + gap + w
                continue
            if current:
                lines.append(current)
            if w <= limit + 1e-9:
                current, used = word, w
                continue
            pieces = self._break_word(word, limit, style)
            lines.extend(pieces[:-1])
            current, used = pieces[-1], self.unit_width(pieces[-1], style)
        lines.append(current)
        return lines

    def _break_word(self, word: str, limit: float, style: str) -> list[str]:
        pieces: list[str] = []
        chunk = ""
        for ch in word:
            if chunk and self.unit_width(chunk + ch, style) > limit + 1e-9:
                pieces.append(chunk)
                chunk = ""
            chunk += ch
        pieces.append(chunk)
        return pieces

    def elide(self, line: str, width: float, size: float, style: str = "regular") -> str:
        """`line` cut to fit `width` with "…" at its end (the whole line if it fits with it)."""
        limit = width / size if size > 0 else math.inf
        if self.unit_width(line + ELLIPSIS, style) <= limit:
            return line + ELLIPSIS
        lo, hi = 0, len(line)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.unit_width(line[:mid].rstrip() + ELLIPSIS, style) <= limit:
                lo = mid
            else:
                hi = mid - 1
        return line[:lo].rstrip() + ELLIPSIS

    def fit(
        self,
        text: str,
        width: float,
        height: float,
        size: float,
        style: str = "regular",
        min_size: float | None = None,
        max_lines: int | None = None,
    ) -> Fitted:
        """Wrap `text` into a width × height box: shrink in 5 % steps down to `min_size`
        (default: no shrinking) until it fits, then elide what is left over."""
        floor = size if min_size is None else min(size, min_size)
        current = size
        while True:
            lines = self.wrap(text, width, current, style)
            room = max(0, math.floor(height / (self.leading * current) + 1e-6))
            if max_lines is not None:
                room = min(room, max_lines)
            if len(lines) <= room or current <= floor + 1e-9:
                break
            current = max(floor, current * 0.95)
        if len(lines) <= room:
            return Fitted(lines, current, False)
        if room == 0:
            return Fitted([], current, bool(text))
        shown = lines[:room]
        shown[-1] = self.elide(shown[-1], width, current, style)
        return Fitted(shown, current, True)

    # --- drawing ------------------------------------------------------------------------------

    def draw_line(
        self,
        c: Canvas,
        x: float,
        baseline: float,
        line: str,
        size: float,
        style: str = "regular",
        align: str = "left",
        width: float = 0.0,
    ) -> None:
        """One line at a baseline (PDF coordinates); `align` right/center uses `width`.
        Right-to-left lines are reordered and, in a left-aligned box, set flush right."""
        if not line:
            return
        rtl = has_rtl(line)
        if rtl:
            if align == "left" and width > 0 and base_is_rtl(line):
                align = "right"
            line = visual(line)
        if align != "left":
            w = self.width(line, size, style) if not rtl else self._visual_width(line, size, style)
            x += (width - w) if align == "right" else (width - w) / 2
        runs = self.fonts.runs(line, style)
        for face, run in runs:
            if face != c._fontname or size != c._fontsize:
                c.setFont(face, size)
            c.drawString(x, baseline, run)
            if len(runs) > 1:
                x += stringWidth(run, face, size)

    def _visual_width(self, shaped: str, size: float, style: str) -> float:
        return sum(stringWidth(run, face, size) for face, run in self.fonts.runs(shaped, style))
