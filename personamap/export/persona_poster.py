"""The persona poster (VISUAL.md, "Persona card and poster"): a designed page, not a scaled card.

A coloured header band (bleeding off the top edge) carries the photo or initials, name, role,
tagline, badges and the key quote; below it a 12-column grid holds the sections, flowed into
2-4 columns by the page's width. Type grows with the page but slower than it, so a bigger
sheet shows more: more columns, and sections beyond the core ones (demographics, values,
habits, bio…) as they fit. When the core does not fit, type shrinks a little, then lists end
with "…and N more".
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Persona
from ..model.layout import CardItem, Rect, badge_labels, initials, section_content
from ..model.lifecycle import evidence_coverage
from .draw import MUTED, TEXT, Pen, mix, on_color
from .spec import Ctx, Sheet

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
EXTRA = (
    "firmographics",
    "demographics",
    "behaviour.decision_criteria",
    "psychographics.values",
    "behaviour.habits",
    "behaviour.devices",
    "psychographics.interests",
    "psychographics.attitudes",
    "story.bio",
    "story.scenario",
    "value_figures",
    "custom_sections",
)
_MAX_LINES = {"list": 5, "text": 16}


@dataclass
class _Block:
    title: str
    kind: str
    items: list[CardItem]
    heights: list[float]
    lines: list[list[str]]
    label_h: float

    def height(self, count: int | None = None) -> float:
        n = len(self.items) if count is None else count
        return self.label_h + sum(self.heights[:n])


def _evidence_items(persona: Persona) -> list[CardItem]:
    out = []
    for e in persona.evidence:
        bits = [e.kind.value.replace("_", " ")]
        if e.sample_size:
            bits.append(f"n = {e.sample_size}")
        if e.date:
            bits.append(e.date.isoformat())
        out.append(CardItem(f"{e.title or 'Source'} — {', '.join(bits)}"))
    return out


def _contents(persona: Persona, keys: tuple[str, ...]) -> list[tuple[str, str, list[CardItem]]]:
    out = []
    for key in keys:
        if key == "evidence":
            items = _evidence_items(persona)
            if items:
                out.append(("Evidence", "list", items))
            continue
        for c in section_content(persona, key):
            if c.items:
                out.append((c.title, c.kind, list(c.items)))
    return out


class PosterGrid:
    """Measures and places section blocks in columns, at one body size."""

    def __init__(self, ctx: Ctx, width: float, body: float) -> None:
        self.t, self.w, self.body = ctx.text, width, body
        self.gap = body * 0.45
        self.label_size = body * 0.78
        self.indent = body * 1.1

    def block(self, title: str, kind: str, items: list[CardItem]) -> _Block:
        t, body = self.t, self.body
        heights, lines = [], []
        for item in items:
            if kind == "sliders":
                heights.append(body * 2.7)
                lines.append([item.text])
                continue
            width = self.w - (self.indent if kind == "list" else 0.0)
            wrapped = t.wrap(item.text, width, body)
            cap = _MAX_LINES.get(kind, 5)
            if len(wrapped) > cap:
                wrapped = [*wrapped[: cap - 1], t.elide(wrapped[cap - 1], width, body)]
            lines.append(wrapped)
            heights.append(len(wrapped) * t.leading * body + self.gap)
        label_h = t.leading * self.label_size + body * 0.5
        return _Block(title, kind, items, heights, lines, label_h)

    def draw(self, pen: Pen, b: _Block, x: float, y: float, count: int, accent: str) -> float:
        """Draw the first `count` items (and "…and N more" for the rest); returns the height."""
        t, body = self.t, self.body
        pen.rect(Rect(x, y + self.label_size * 0.2, self.label_size * 0.55, self.label_size * 0.9), accent)
        pen.label(
            x + self.label_size, y, b.title.upper(), self.label_size, MUTED, "bold", self.w - self.label_size
        )
        pen.line(x, y + b.label_h - body * 0.3, x + self.w, y + b.label_h - body * 0.3, "#E1E6EB", 0.5)
        top = y
        y += b.label_h
        for item, lines, h in zip(b.items[:count], b.lines[:count], b.heights[:count], strict=True):
            if b.kind == "sliders":
                self._slider(pen, item, x, y, accent)
            elif b.kind == "list":
                pen.circle(x + body * 0.3, y + t.leading * body / 2, body * 0.17, accent)
                pen.lines(Rect(x + self.indent, y, self.w - self.indent, h), lines, body, TEXT)
            else:
                pen.lines(Rect(x, y, self.w, h), lines, body, TEXT)
            y += h
        if count < len(b.items):
            pen.label(x, y, f"…and {len(b.items) - count} more", body * 0.85, MUTED, "italic", self.w)
            y += t.leading * body
        return y - top

    def _slider(self, pen: Pen, item: CardItem, x: float, y: float, accent: str) -> None:
        body = self.body
        left, _, right = item.text.partition(" – ")
        half = self.w / 2 - body * 0.3
        pen.label(x, y, left, body * 0.85, TEXT, "regular", half)
        pen.label(x + self.w / 2 + body * 0.3, y, right, body * 0.85, TEXT, "regular", half, align="right")
        ty = y + body * 1.55
        pen.rect(Rect(x, ty, self.w, body * 0.28), "#E1E6EB", radius=body * 0.14)
        value = (item.value or 0) / 100
        pen.rect(Rect(x, ty, self.w * value, body * 0.28), mix(accent, "#FFFFFF", 0.45), radius=body * 0.14)
        pen.circle(x + self.w * value, ty + body * 0.14, body * 0.42, accent, "#FFFFFF", 1.0)


def _columns(width: float, body: float) -> int:
    return max(1, min(4, int(width // (body * 20))))


def _flow(grid: PosterGrid, blocks: list[_Block], cols: int, height: float, core: int) -> tuple[list, int]:
    """Masonry: each block into the shortest column. Returns placements (block, col, y, count)
    and how many core blocks had to be cut or left out."""
    ys = [0.0] * cols
    placed = []
    cut = 0
    more_h = grid.t.leading * grid.body
    for k, b in enumerate(blocks):
        col = min(range(cols), key=lambda c: ys[c])
        room = height - ys[col]
        if b.height() <= room:
            placed.append((b, col, ys[col], len(b.items)))
            ys[col] += b.height() + grid.body * 1.5
            continue
        if k >= core:
            continue
        count = len(b.items)
        while count > 0 and b.height(count) + more_h > room:
            count -= 1
        cut += 1
        if count > 0:
            placed.append((b, col, ys[col], count))
            ys[col] += b.height(count) + more_h + grid.body * 1.5
    return placed, cut


def draw_persona(ctx: Ctx, persona: Persona, sheet: Sheet) -> None:
    """One persona filling the sheet's trim, its header band bleeding off the top."""
    pen, g = sheet.pen, sheet.geometry
    k = g.type_scale()
    margin = g.margin
    band_bottom = _header(ctx, persona, pen, g.trim_w, g.trim_h, margin, k, g.bleed)
    content: Rect = sheet.content  # type: ignore[assignment]
    top = band_bottom + margin * 0.9
    area = Rect(content.x, top, content.w, content.bottom - top)
    accent = persona.color
    core = _contents(persona, CORE)
    extra = _contents(persona, EXTRA)
    for scale in (1.0, 0.92, 0.85, 0.78):
        body = 9.0 * k * scale
        cols = _columns(area.w, body)
        gutter = body * 1.6
        col_w = (area.w - gutter * (cols - 1)) / cols
        grid = PosterGrid(ctx, col_w, body)
        blocks = [grid.block(*c) for c in core + extra]
        placed, cut = _flow(grid, blocks, cols, area.h, len(core))
        if cut == 0:
            break
    for b, col, y, count in placed:
        grid.draw(pen, b, area.x + col * (col_w + gutter), area.y + y, count, accent)


def _header(
    ctx: Ctx, persona: Persona, pen: Pen, page_w: float, page_h: float, margin: float, k: float, bleed: float
) -> float:
    """The coloured band; returns its bottom edge."""
    color = persona.color
    ink = on_color(color)
    soft = mix(ink, color, 0.28)
    t = ctx.text
    photo_d = min(150.0 * k, page_w * 0.22, page_h * 0.17)
    wide = page_w > 700 * max(1.0, k * 0.9)
    text_x = margin + photo_d + margin * 0.9
    text_w = (page_w - text_x - margin) * (0.52 if wide and persona.quotes else 1.0)
    name_size = 33.0 * k
    name = t.fit(persona.name, text_w, name_size * t.leading * 2, name_size, "bold", name_size * 0.6, 2)
    y = margin * 1.1
    stack = [("name", name.size * t.leading * len(name.lines))]
    if persona.role:
        stack.append(("role", 14.0 * k * t.leading * min(2, len(t.wrap(persona.role, text_w, 14.0 * k)))))
    if persona.tagline:
        stack.append(
            ("tagline", 11.0 * k * t.leading * min(2, len(t.wrap(persona.tagline, text_w, 11.0 * k))))
        )
    stack.append(("badges", 18.0 * k))
    text_h = sum(h for _, h in stack) + 6 * k * (len(stack) - 1)
    quote = persona.quotes[0] if persona.quotes and persona.quotes[0].text else None
    quote_size = 12.5 * k
    quote_below = quote is not None and not wide
    quote_h = 0.0
    if quote_below:
        qw = page_w - 2 * margin - quote_size * 3.2 * 0.55
        fitted = t.fit(quote.text, qw, quote_size * t.leading * 4, quote_size, "italic")
        quote_h = _quote_height(len(fitted.lines), quote_size, t.leading, bool(quote.source)) + margin * 0.6
    band_h = max(photo_d, text_h) + margin * 2.1 + quote_h
    pen.rect(Rect(-bleed, -bleed, page_w + 2 * bleed, band_h + bleed), color)
    # photo or initials
    photo = Rect(margin, margin * 1.1, photo_d, photo_d)
    data = ctx.photo(persona)
    pen.circle(photo.cx, photo.cy, photo_d / 2 + 2.5 * k, mix(color, "#FFFFFF", 0.6))
    if not (data and pen.image(photo, data, circle=True)):
        pen.circle(photo.cx, photo.cy, photo_d / 2, mix(color, "#000000", 0.18))
        init = initials(persona.name)
        size = photo_d * 0.36
        pen.label(
            photo.x,
            photo.cy - t.leading * size / 2,
            init,
            size,
            on_color(mix(color, "#000000", 0.18)),
            "bold",
            photo.w,
            "center",
        )
    # name, role, tagline, badges
    y = photo.y + max(0.0, (photo_d - text_h) / 2) if not quote_below else photo.y
    pen.lines(Rect(text_x, y, text_w, name.size * t.leading * 2), name.lines, name.size, ink, "bold")
    y += stack[0][1] + 6 * k
    for key, h in stack[1:]:
        if key == "role":
            pen.text(Rect(text_x, y, text_w, h), persona.role, 14.0 * k, ink, max_lines=2)
        elif key == "tagline":
            pen.text(Rect(text_x, y, text_w, h), persona.tagline, 11.0 * k, soft, "italic", max_lines=2)
        else:
            _badges(ctx, persona, pen, text_x, y, text_w, 8.0 * k, ink, color)
        y += h + 6 * k
    if quote is not None:
        if quote_below:
            q = Rect(margin, photo.bottom + margin * 0.8, page_w - 2 * margin, quote_h - margin * 0.6)
        else:
            qx = text_x + text_w + margin
            q = Rect(qx, photo.y, page_w - margin - qx, band_h - margin * 2.1)
        _quote(pen, q, quote.text, quote.source, quote_size, ink, soft, t.leading)
    return band_h


def _badges(
    ctx: Ctx, persona: Persona, pen: Pen, x: float, y: float, w: float, size: float, ink: str, color: str
) -> None:
    t = ctx.text
    labels = badge_labels(persona)
    labels.append(persona.lifecycle.status.value.capitalize())
    if persona.evidence:
        labels.append(f"Evidence {round(evidence_coverage(persona) * 100)} %")
    h = size * 2.1
    right = x + w
    for k, label in enumerate(labels):
        bw = t.width(label, size, "bold") + size * 2
        if x + bw > right:
            break
        r = Rect(x, y, bw, h)
        if k == 0:
            pen.rect(r, ink, radius=h / 2)
            pen.label(r.x, r.y + (h - t.leading * size) / 2, label, size, color, "bold", r.w, "center")
            if persona.priority.value == "negative":
                pen.line(r.x + size * 0.6, r.cy, r.right - size * 0.6, r.cy, color, 1.0)
        else:
            pen.rect(r, None, ink, 0.8, radius=h / 2)
            pen.label(r.x, r.y + (h - t.leading * size) / 2, label, size, ink, "bold", r.w, "center")
        x += bw + size * 0.6


def _quote_height(lines: int, size: float, leading: float, source: bool) -> float:
    return size * 0.4 + lines * size * leading + (size * 0.3 + size * 0.75 * leading if source else 0.0)


def _quote(
    pen: Pen, r: Rect, text: str, source: str, size: float, ink: str, soft: str, leading: float
) -> None:
    mark = size * 3.2
    pen.label(r.x, r.y - mark * 0.28, "“", mark, soft, "bold", mark)
    source_h = size * 0.3 + size * 0.75 * leading if source else 0.0
    inner = Rect(r.x + mark * 0.55, r.y + size * 0.4, r.w - mark * 0.55, r.h - size * 0.4 - source_h)
    fitted = pen.text(inner, text, size, ink, "italic", min_size=size * 0.75)
    if source:
        y = inner.y + len(fitted.lines) * leading * fitted.size + size * 0.3
        pen.label(inner.x, y, f"— {source}", size * 0.75, soft, "regular", inner.w)
