"""Flowing a persona's sections into the columns of one or more poster pages.

Nothing is left out: every section the persona holds becomes a block, every item keeps all
its lines. When everything fits one sheet the blocks go masonry-style into the shortest
column (type shrinks a little first); otherwise they flow column after column, page after
page, and a block that reaches a column's foot continues at the top of the next one (its
label says "continued"). No drawing here: pages are planned before anything is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ...model import Persona, Source
from ...model.layout import FULL_SECTIONS, CardItem, section_content
from ...model.lifecycle import cited_sources
from .text import PdfText

CORE = (
    "goals",
    "frustrations",
    "motivations",
    "objections",
    "psychographics.sliders",
    "channels",
    "story.day_in_the_life",
    "evidence",
    "needs",
    "expectations",
)
"""Sections placed first, in this order; every other section follows in the full card's order."""
_IN_HEADER = ("tagline", "quotes")
SHRINK_STEPS = (1.0, 0.92, 0.85)
"""Body scales tried to keep a persona on one sheet before it continues on another."""
KEEP_TOGETHER = 3
"""Items of this many lines or fewer are never split between columns."""


def section_keys() -> tuple[str, ...]:
    rest = tuple(k for k in FULL_SECTIONS if k not in CORE and k not in _IN_HEADER)
    return CORE + rest


def _evidence_items(persona: Persona, sources: Sequence[Source]) -> list[CardItem]:
    """The library's sources the persona cites, each with its kind, sample size and date."""
    out = []
    for e in cited_sources(persona, sources):
        bits = [e.kind.value.replace("_", " ")]
        if e.sample_size:
            bits.append(f"n = {e.sample_size}")
        if e.date:
            bits.append(e.date.isoformat())
        out.append(CardItem(f"{e.title or 'Source'} — {', '.join(bits)}"))
    return out


def header_quote(persona: Persona) -> int | None:
    """Index of the quote the header shows (the first with text)."""
    return next((k for k, q in enumerate(persona.quotes) if q.text.strip()), None)


def _more_quotes(persona: Persona) -> list[CardItem]:
    shown = header_quote(persona)
    out = []
    for k, q in enumerate(persona.quotes):
        if k == shown or not q.text.strip():
            continue
        out.append(CardItem(f"“{q.text}”"))
        if q.source:
            out.append(CardItem(f"— {q.source}", caption=True))
    return out


def _custom(persona: Persona) -> list[tuple[str, str, list[CardItem]]]:
    """Each custom section with its body and its items (a card shows one or the other)."""
    out = []
    for cs in persona.custom_sections:
        items = [CardItem(i.text) for i in cs.items if i.text.strip()]
        if cs.body.strip():
            out.append((cs.title or "Notes", "notes" if items else "text", [CardItem(cs.body), *items]))
        elif items:
            out.append((cs.title or "Notes", "list", items))
    return out


def bulleted(kind: str, item: int) -> bool:
    """Whether item `item` of a block of `kind` is a bulleted (indented) line."""
    return kind in ("list", "quotes") or (kind == "notes" and item > 0)


def contents(persona: Persona, sources: Sequence[Source] = ()) -> list[tuple[str, str, list[CardItem]]]:
    """(title, kind, items) of every non-empty section, core first; kind is "list", "text",
    "sliders", "quotes" or "notes" (a paragraph, then bulleted items). `sources` is the
    project's research library, for the section of the sources the persona cites."""
    out = contents_of(persona, section_keys(), sources)
    more = _more_quotes(persona)
    if more:
        out.append(("More quotes" if header_quote(persona) is not None else "Quotes", "quotes", more))
    return out


def contents_of(
    persona: Persona, keys: tuple[str, ...] | list[str], sources: Sequence[Source] = ()
) -> list[tuple[str, str, list[CardItem]]]:
    """The non-empty sections among `keys`, in that order."""
    out: list[tuple[str, str, list[CardItem]]] = []
    for key in keys:
        if key == "evidence":
            items = _evidence_items(persona, sources)
            if items:
                out.append(("Sources", "list", items))
            continue
        if key == "custom_sections":
            out += _custom(persona)
            continue
        for c in section_content(persona, key):
            if c.items:
                out.append((c.title, c.kind, list(c.items)))
    return out


@dataclass
class Block:
    """A measured section: each item's wrapped lines, one height per line, a gap after it."""

    title: str
    kind: str
    items: list[CardItem]
    lines: list[list[str]]
    line_h: list[float]
    """Height of one line of each item (a slider is one "line" of its full height)."""
    gap: float
    label_h: float

    def item_h(self, k: int) -> float:
        return len(self.lines[k]) * self.line_h[k] + self.gap

    def height(self) -> float:
        return self.label_h + sum(self.item_h(k) for k in range(len(self.items)))


class Piece(NamedTuple):
    """Lines start..end of item `item`."""

    item: int
    start: int
    end: int


class Frag(NamedTuple):
    """The part of a block in one column: top `y` (from the area's top) and its pieces."""

    block: Block
    col: int
    y: float
    pieces: tuple[Piece, ...]
    continued: bool


@dataclass
class Grid:
    """Type sizes and column widths at one body size."""

    t: PdfText
    width: float
    body: float
    cols: int
    col_w: float

    @property
    def gutter(self) -> float:
        return self.body * 1.6

    @property
    def gap(self) -> float:
        return self.body * 0.45

    @property
    def label_size(self) -> float:
        return self.body * 0.78

    @property
    def caption(self) -> float:
        return self.body * 0.85

    @property
    def indent(self) -> float:
        return self.body * 1.1

    @property
    def block_gap(self) -> float:
        return self.body * 1.5

    def slider_ends(self, text: str) -> tuple[list[str], list[str]]:
        """The two ends of a slider ("Risk-averse – Early adopter"), each wrapped in half a column."""
        left, _, right = text.partition(" – ")
        half = self.col_w / 2 - self.body * 0.3
        return self.t.wrap(left, half, self.caption) or [""], self.t.wrap(right, half, self.caption) or [""]

    def slider_h(self, text: str) -> float:
        left, right = self.slider_ends(text)
        return self.body * 2.7 + (max(len(left), len(right)) - 1) * self.t.leading * self.caption

    def block(self, title: str, kind: str, items: list[CardItem]) -> Block:
        t, body = self.t, self.body
        lines, line_h = [], []
        for k, item in enumerate(items):
            if kind == "sliders":
                lines.append([item.text])
                line_h.append(self.slider_h(item.text))
                continue
            size = self.caption if item.caption else body
            width = self.col_w - (self.indent if bulleted(kind, k) or item.caption else 0.0)
            style = "italic" if kind == "quotes" and not item.caption else "regular"
            lines.append(t.wrap(item.text, width, size, style) or [""])
            line_h.append(t.leading * size)
        label_h = t.leading * self.label_size + body * 0.5
        return Block(title, kind, items, lines, line_h, self.gap, label_h)


def make_grid(t: PdfText, width: float, body: float) -> Grid:
    cols = max(1, min(4, int(width // (body * 20))))
    gutter = body * 1.6
    return Grid(t, width, body, cols, (width - gutter * (cols - 1)) / cols)


def _whole(b: Block) -> tuple[Piece, ...]:
    return tuple(Piece(k, 0, len(lines)) for k, lines in enumerate(b.lines))


def masonry(grid: Grid, blocks: list[Block], height: float) -> list[Frag] | None:
    """Every block whole, each into the shortest column; None when one does not fit."""
    ys = [0.0] * grid.cols
    out = []
    for b in blocks:
        col = min(range(grid.cols), key=lambda c: ys[c])
        if ys[col] + b.height() > height:
            return None
        out.append(Frag(b, col, ys[col], _whole(b), False))
        ys[col] += b.height() + grid.block_gap
    return out


def flow(grid: Grid, blocks: list[Block], first_h: float, next_h: float) -> list[list[Frag]]:
    """Blocks column after column, page after page, split between lines where a column ends.
    The first page's columns are `first_h` tall, the following pages' `next_h`."""
    pages: list[list[Frag]] = [[]]
    col, y, room = 0, 0.0, first_h

    def advance() -> None:
        nonlocal col, y, room
        col, y = col + 1, 0.0
        if col == grid.cols:
            pages.append([])
            col, room = 0, next_h

    for b in blocks:
        first_line = b.line_h[0] if b.items else 0.0
        if y > 0 and y + b.label_h + first_line > room:
            advance()
        pieces: list[Piece] = []
        top, continued = y, False
        y += b.label_h
        k, start = 0, 0
        while k < len(b.items):
            n = len(b.lines[k])
            end = start
            fits = int(max(0.0, room - y) // b.line_h[k]) if b.line_h[k] > 0 else n
            if start == 0 and n <= KEEP_TOGETHER and fits < n:
                fits = 0  # a short item moves whole rather than leave a line behind
            end = min(n, start + fits)
            y += (end - start) * b.line_h[k]
            if end == start and not pieces and top == 0.0:
                y += b.line_h[k]  # a line taller than a fresh column: place it anyway
                end += 1
            if end > start:
                pieces.append(Piece(k, start, end))
            if end == n:
                y += b.gap
                k, start = k + 1, 0
                continue
            if pieces:
                pages[-1].append(Frag(b, col, top, tuple(pieces), continued))
                continued = True
            advance()
            top, pieces, start = y, [], end
            y += b.label_h
        if pieces:
            pages[-1].append(Frag(b, col, top, tuple(pieces), continued))
        y += grid.block_gap - b.gap
    return [p for p in pages if p] or [[]]


def plan_pages(
    t: PdfText,
    persona: Persona,
    width: float,
    first_h: float,
    next_h: float,
    body: float,
    sources: Sequence[Source] = (),
) -> tuple[Grid, list[list[Frag]]]:
    """The grid and each page's fragments: one page, whole blocks, when it fits at a slightly
    smaller body size; else the fewest pages, at the largest size that needs no more."""
    sections = contents(persona, sources)
    for step in SHRINK_STEPS:
        grid = make_grid(t, width, body * step)
        placed = masonry(grid, [grid.block(*s) for s in sections], first_h)
        if placed is not None:
            return grid, [placed]
    best: tuple[Grid, list[list[Frag]]] | None = None
    for step in SHRINK_STEPS:
        grid = make_grid(t, width, body * step)
        pages = flow(grid, [grid.block(*s) for s in sections], first_h, next_h)
        if best is None or len(pages) < len(best[1]):
            best = (grid, pages)
    assert best is not None
    return best
