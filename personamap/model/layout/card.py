"""The persona card on the canvas (docs/VISUAL.md, "Persona card"): header, quote, sections.

A card knows its natural height (what it would need to show everything), so a resized card
can be told how tall it wants to be; given a height, it shows what fits and ends with an
"…and N more" marker counting the items it had to leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..enums import CardLayout
from ..persona import Persona
from ..research import Source
from .card_sections import FULL_SECTIONS, CardItem, SectionContent, badge_labels, initials, section_content
from .geometry import Rect
from .measure import TextMeasure, line_count, line_height, lines_fitting


class CardMetrics(NamedTuple):
    """Sizes in screen px at 100 %; type sizes follow style.TYPE."""

    pad: float = 16
    gap: float = 12
    photo: float = 64
    photo_gap: float = 12
    narrow: float = 96
    """Below this much room beside the photo, name and badges go under it."""
    name_size: float = 15
    name_max_lines: int = 2
    role_size: float = 13
    role_max_lines: int = 2
    line_gap: float = 4
    badge_size: float = 11
    badge_h: float = 20
    badge_pad: float = 8
    badge_gap: float = 4
    quote_size: float = 13
    quote_rule_w: float = 3
    quote_indent: float = 12
    quote_max_lines: int = 4
    caption: float = 11
    label_gap: float = 4
    body: float = 13
    bullet_w: float = 14
    item_gap: float = 2
    item_max_lines: int = 3
    text_max_lines: int = 6
    slider_h: float = 32


DEFAULT_METRICS = CardMetrics()

CARD_SIZE = (280.0, 360.0)
"""A new persona card's width and height on a board: dropped from the library, drafted from
data, laid out in a relation map, or drawn alone as a picture."""


class CardHeader(NamedTuple):
    rect: Rect
    photo_rect: Rect
    initials: str
    name_rect: Rect
    name_lines: int
    role_rect: Rect | None
    role_lines: int
    badges: tuple[tuple[str, Rect], ...]


class CardBlock(NamedTuple):
    """A quote or a section. `item_rects` and `item_lines` cover the items that show, a
    prefix of `items`; `elided` says something of this block (items or lines) is cut."""

    key: str
    title: str
    kind: str
    """"quote", "list", "text" or "sliders"."""
    rect: Rect
    label_rect: Rect | None
    items: tuple[CardItem, ...]
    item_rects: tuple[Rect, ...]
    item_lines: tuple[int, ...]
    elided: bool = False
    rule_rect: Rect | None = None
    """The quote's coloured rule."""
    placeholder_rect: Rect | None = None
    """Where an empty chosen section shows a muted dash."""

    @property
    def shown(self) -> int:
        return len(self.item_rects)

    @property
    def hidden(self) -> int:
        return len(self.items) - len(self.item_rects)


class CardBoxes(NamedTuple):
    width: float
    height: float
    natural_height: float
    header: CardHeader
    blocks: tuple[CardBlock, ...]
    hidden_blocks: tuple[str, ...]
    """Keys of the blocks left out entirely for lack of room."""
    more_count: int
    more_rect: Rect | None
    metrics: CardMetrics = DEFAULT_METRICS


def _header(persona: Persona, w: float, measure: TextMeasure, m: CardMetrics) -> CardHeader:
    photo = Rect(m.pad, m.pad, m.photo, m.photo)
    beside = w - 2 * m.pad - m.photo - m.photo_gap
    if beside >= m.narrow:
        x, y, tw = photo.right + m.photo_gap, m.pad, beside
    else:
        x, y, tw = m.pad, photo.bottom + m.line_gap, max(0.0, w - 2 * m.pad)
    name_lines = max(1, min(m.name_max_lines, line_count(measure, persona.name, tw, m.name_size, True)))
    name = Rect(x, y, tw, name_lines * line_height(measure, m.name_size, True))
    y = name.bottom
    role, role_lines = None, 0
    if persona.role:
        role_lines = min(m.role_max_lines, line_count(measure, persona.role, tw, m.role_size))
        role = Rect(x, y, tw, role_lines * line_height(measure, m.role_size))
        y = role.bottom
    badges: list[tuple[str, Rect]] = []
    bx, y = x, y + m.line_gap
    for label in badge_labels(persona):
        bw = min(tw, measure.text_width(label, m.badge_size) + 2 * m.badge_pad)
        if bx > x and bx + bw > x + tw:
            bx, y = x, y + m.badge_h + m.badge_gap
        badges.append((label, Rect(bx, y, bw, m.badge_h)))
        bx += bw + m.badge_gap
    bottom = max(photo.bottom, y + m.badge_h)
    rect = Rect(m.pad, m.pad, max(0.0, w - 2 * m.pad), bottom - m.pad)
    return CardHeader(rect, photo, initials(persona.name), name, name_lines, role, role_lines, tuple(badges))


def _contents(
    persona: Persona, layout: CardLayout, sections: Sequence[str], sources: Sequence[Source]
) -> list[SectionContent]:
    out: list[SectionContent] = []
    if persona.quotes and persona.quotes[0].text:
        q = persona.quotes[0]
        items = (CardItem(q.text),) + ((CardItem(f"— {q.source}", caption=True),) if q.source else ())
        out.append(SectionContent("quote", "", "quote", items))
    if layout == CardLayout.STANDARD:
        out += [c for key in sections for c in section_content(persona, key, sources)]
    elif layout == CardLayout.FULL:
        out += [c for key in FULL_SECTIONS for c in section_content(persona, key, sources) if c.items]
    return [_without_lead_quote(c) for c in out if c.key != "quotes" or len(persona.quotes) > 1]


def _without_lead_quote(content: SectionContent) -> SectionContent:
    """The first quote already stands under the header; a quotes section lists the others."""
    if content.key != "quotes":
        return content
    return content._replace(items=content.items[1:])


class _Line(NamedTuple):
    """An item's measured lines: full count, count shown untruncated, height of one line."""

    total: int
    cap: int
    line: float
    fixed: float = 0.0

    def height(self, lines: int) -> float:
        return self.fixed or lines * self.line


def _measure_items(c: SectionContent, width: float, measure: TextMeasure, m: CardMetrics) -> list[_Line]:
    out = []
    for item in c.items:
        if c.kind == "sliders":
            out.append(_Line(1, 1, m.slider_h, m.slider_h))
            continue
        size = m.caption if item.caption else (m.quote_size if c.kind == "quote" else m.body)
        indent = m.bullet_w if c.kind == "list" else 0.0
        total = max(1, line_count(measure, item.text, width - indent, size))
        cap = {"list": m.item_max_lines, "text": m.text_max_lines}.get(c.kind, m.quote_max_lines)
        out.append(_Line(total, min(total, cap), line_height(measure, size)))
    return out


def _block(
    c: SectionContent, top: float, w: float, limit: float, measure: TextMeasure, m: CardMetrics
) -> CardBlock | None:
    """Place one block from `top`, showing what fits above `limit`; None if nothing does."""
    x, inner = m.pad, max(0.0, w - 2 * m.pad)
    label_rect, rule = None, None
    y = top
    if c.kind == "quote":
        x, inner = x + m.quote_rule_w + m.quote_indent, max(0.0, inner - m.quote_rule_w - m.quote_indent)
    else:
        label_rect = Rect(x, y, inner, line_height(measure, m.caption, True))
        y = label_rect.bottom + m.label_gap
    lines = _measure_items(c, inner, measure, m)
    rects: list[Rect] = []
    shown: list[int] = []
    for k, ln in enumerate(lines):
        h = ln.height(ln.cap)
        if y + h > limit + 1e-9:
            fit = 0 if ln.fixed or c.kind == "list" else lines_fitting(limit - y, ln.line)
            if fit:
                rects.append(Rect(x, y, inner, ln.height(fit)))
                shown.append(fit)
                y = rects[-1].bottom
            break
        indent = m.bullet_w if c.kind == "list" else 0.0
        rects.append(Rect(x + indent, y, inner - indent, h))
        shown.append(ln.cap)
        y += h + (m.item_gap if k + 1 < len(lines) else 0.0)
    placeholder = None
    if not c.items:
        placeholder = Rect(x, y, inner, line_height(measure, m.body))
        if placeholder.bottom > limit + 1e-9:
            return None
        y = placeholder.bottom
    if c.items and not rects:
        return None
    elided = len(rects) < len(lines) or any(s < ln.total for s, ln in zip(shown, lines, strict=False))
    rect = Rect(m.pad, top, max(0.0, w - 2 * m.pad), y - top)
    if c.kind == "quote":
        rule = Rect(m.pad, top, m.quote_rule_w, y - top)
    return CardBlock(
        c.key,
        c.title,
        c.kind,
        rect,
        label_rect,
        c.items,
        tuple(rects),
        tuple(shown),
        elided,
        rule,
        placeholder,
    )


def layout_card(
    persona: Persona,
    layout: CardLayout,
    sections: Sequence[str],
    w: float,
    measure: TextMeasure,
    metrics: CardMetrics = DEFAULT_METRICS,
    h: float | None = None,
    sources: Sequence[Source] = (),
) -> CardBoxes:
    """Lay out a card `w` wide: compact shows header and quote, standard adds the chosen
    `sections` (empty ones with a placeholder), full shows every non-empty section.
    With `h`, only what fits above the bottom padding shows. `sources` is the project's
    library, for the section listing the sources the persona cites."""
    m = metrics
    header = _header(persona, w, measure, m)
    contents = _contents(persona, layout, sections, sources)
    natural = _place(contents, header.rect.bottom, w, float("inf"), measure, m)[0]
    natural_h = (natural[-1].rect.bottom if natural else header.rect.bottom) + m.pad
    if h is None or h >= natural_h - 1e-9:
        return CardBoxes(w, natural_h if h is None else h, natural_h, header, tuple(natural), (), 0, None, m)
    blocks, hidden, more, more_rect = _place(contents, header.rect.bottom, w, h - m.pad, measure, m)
    return CardBoxes(w, h, natural_h, header, tuple(blocks), hidden, more, more_rect, m)


def _countable(items: Sequence[CardItem]) -> int:
    return sum(1 for item in items if not item.caption)


def _place(
    contents: list[SectionContent], top: float, w: float, bottom: float, measure: TextMeasure, m: CardMetrics
) -> tuple[list[CardBlock], tuple[str, ...], int, Rect | None]:
    """Place blocks down to `bottom`, keeping room for the "…and N more" line while any
    later block has something to show."""
    more_h = line_height(measure, m.caption)
    blocks: list[CardBlock] = []
    y = top
    for k, c in enumerate(contents):
        later = any(rest.items for rest in contents[k + 1 :])
        reserve = more_h + m.label_gap if later else 0.0
        block = _block(c, y + m.gap, w, bottom - reserve, measure, m)
        if block is not None:
            blocks.append(block)
            y = block.rect.bottom
        if block is None or block.hidden:
            rest = contents[k + 1 :] if block is not None else contents[k:]
            more = _countable(block.items[block.shown :]) if block is not None else 0
            more += sum(_countable(r.items) for r in rest)
            rect = Rect(m.pad, y + m.label_gap, max(0.0, w - 2 * m.pad), more_h) if more else None
            return blocks, tuple(r.key for r in rest), more, rect
    return blocks, (), 0, None
