"""Measuring, wrapping and drawing plain text with per-run fonts (never reportlab markup).

`PdfText` implements the layout package's `TextMeasure`, so the shared layout rules measure
with the very fonts the PDF embeds. Text is drawn with `drawString` per run: user text is never
parsed (no Paragraph), so `<b>` or `<img src=…>` print as the characters they are.

Wrapping is greedy at the break opportunities of the Unicode line-breaking rules (UAX #14:
between ideographs, never before closing punctuation, spaces kept); a word wider than the line
breaks between grapheme clusters. `fit` then makes text fit a box: wrap, shrink within a
limit, and finally elide the last line with "…". A right-to-left paragraph is set flush right
where a left-to-right one is set flush left, as on the canvas (`model.layout.direction`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ...model.layout.direction import aligned, is_rtl
from ...model.layout.linebreak import NO_AFTER, NO_BEFORE, break_units, clusters, line_class
from .fonts import FontSet
from .rtl import has_rtl, shape_arabic, visual

ELLIPSIS = "…"
LEADING = 1.3
"""Line height as a multiple of the type size."""


def _marked(paragraph: str, lines: list[str]) -> list[str]:
    """The lines, each starting with a direction mark when its own first strong character
    would give it another direction than its paragraph's (only mixed-direction text)."""
    if len(lines) < 2 or not has_rtl(paragraph):
        return lines
    rtl = is_rtl(paragraph)
    mark = "\u200f" if rtl else "\u200e"
    return [line if is_rtl(line) == rtl else mark + line for line in lines]


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

    def _wrap_paragraph(self, paragraph: str, limit: float, style: str) -> list[str]:
        """Greedy lines at the break opportunities of UAX #14 (`break_units`); a unit wider than
        the line breaks between grapheme clusters. Lines of a paragraph whose own first strong
        character disagrees with the paragraph's direction start with a direction mark, so that
        they are reordered and aligned as the paragraph is."""
        lines: list[str] = []
        current, used = "", 0.0
        for unit in break_units(paragraph.lstrip()):
            body = unit.rstrip()
            w = self.unit_width(body, style)
            if current and used + w > limit + 1e-9:
                lines.append(current.rstrip())
                current, used = "", 0.0
            if not current and w > limit + 1e-9:
                pieces = self._break_word(body, limit, style)
                lines.extend(pieces[:-1])
                unit, body = pieces[-1] + unit[len(body) :], pieces[-1]
                w = self.unit_width(body, style)
            current += unit
            used += self.unit_width(unit, style)  # trailing spaces in the face of the text before
        lines.append(current.rstrip())
        return _marked(paragraph, lines)

    def _break_word(self, word: str, limit: float, style: str) -> list[str]:
        """A unit wider than the line, in pieces that fit; closing punctuation and other
        non-starters hang at the end of a piece rather than start the next, opening punctuation
        stays with what follows."""
        pieces: list[str] = []
        chunk, held = "", False
        for cluster in clusters(word):
            cls = line_class(cluster[0])
            if held or cls in NO_BEFORE:
                chunk, held = chunk + cluster, cls in NO_AFTER
                continue
            if chunk and self.unit_width(chunk + cluster, style) > limit + 1e-9:
                pieces.append(chunk)
                chunk = ""
            chunk, held = chunk + cluster, cls in NO_AFTER
        pieces.append(chunk)
        return pieces

    def elide(self, line: str, width: float, size: float, style: str = "regular") -> str:
        """`line` cut to fit `width` with "…" at its end (the whole line if it fits with it)."""
        limit = width / size if size > 0 else math.inf
        if self.unit_width(line + ELLIPSIS, style) <= limit:
            return line + ELLIPSIS
        parts = clusters(line)  # never cut inside an emoji sequence or a letter with marks
        lo, hi = 0, len(parts)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.unit_width("".join(parts[:mid]).rstrip() + ELLIPSIS, style) <= limit:
                lo = mid
            else:
                hi = mid - 1
        return "".join(parts[:lo]).rstrip() + ELLIPSIS

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
        Right-to-left lines are reordered and, in a left-aligned box, set flush right (a line
        `wrap` made keeps its paragraph's direction through a leading direction mark)."""
        if not line:
            return
        if width > 0:
            align = aligned(align, line)
        rtl = has_rtl(line)
        if rtl:
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
