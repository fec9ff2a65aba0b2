"""The persona poster (docs/VISUAL.md, "Persona card and poster"): a designed page, not a scaled card.

A coloured header band (bleeding off the top edge) carries the photo or initials, name, role,
tagline, badges, a "Review overdue" mark when due and a "Data changed" mark below it when a
refresh of the dataset it was drafted from moved its segment (model/drift.py), and the key
quote with its full source; below it the sections flow in 1-4 columns (persona_flow.py). Type
grows with the page but slower than it, so a bigger sheet shows more per page. Nothing is cut:
what one sheet cannot hold continues on the next ("Priya Raman — continued"), so one persona
may be several jobs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Persona
from ...model.drift import data_changed
from ...model.layout import Rect, badge_labels, initials
from ...model.lifecycle import cited_source_ids, evidence_coverage, is_overdue, review_due
from ...style import NEGATIVE_RED
from ..pages import PageGeometry
from ..spec import Ctx, GeometryFor, PageJob, Sheet
from .draw import MUTED, TEXT, Pen, mix, on_color
from .persona_flow import Frag, Grid, bulleted, header_quote, plan_pages

_STACK_GAP = 6.0


@dataclass
class _Header:
    """Everything the header band shows, measured (points at the sheet's size)."""

    k: float
    margin: float
    photo_d: float
    text_x: float
    text_w: float
    quote_below: bool
    name: list[str]
    name_size: float
    role: list[str]
    tagline: list[str]
    badge_rows: list[list[tuple[str, float]]]
    overdue: str
    quote: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    quote_size: float = 0.0
    quote_x: float = 0.0
    quote_w: float = 0.0
    band_h: float = 0.0
    changed: str = ""

    @property
    def badge_h(self) -> float:
        return 8.0 * self.k * 2.1

    def stack(self, leading: float) -> list[tuple[str, float]]:
        k = self.k
        out = [("name", self.name_size * leading * len(self.name))]
        if self.role:
            out.append(("role", 14.0 * k * leading * len(self.role)))
        if self.tagline:
            out.append(("tagline", 11.0 * k * leading * len(self.tagline)))
        out.append(("badges", len(self.badge_rows) * (self.badge_h + 4 * k) - 4 * k))
        if self.overdue:
            out.append(("overdue", self.badge_h))
        if self.changed:
            out.append(("changed", self.badge_h))
        return out


DATA_CHANGED = "Data changed"


def overdue_text(ctx: Ctx, persona: Persona) -> str:
    """ "Review overdue since DATE" when the persona's review date has passed, else ""."""
    months = ctx.project.settings.review_period_months
    if not is_overdue(persona, months, ctx.today):
        return ""
    due = review_due(persona, months)
    return f"Review overdue since {due.isoformat()}" if due else ""


def _badges(ctx: Ctx, persona: Persona) -> list[str]:
    labels = badge_labels(persona)
    labels.append(persona.lifecycle.status.value.capitalize())
    if cited_source_ids(persona):
        labels.append(f"Evidence {round(evidence_coverage(persona) * 100)} %")
    return labels


def _badge_rows(ctx: Ctx, labels: list[str], width: float, size: float) -> list[list[tuple[str, float]]]:
    rows: list[list[tuple[str, float]]] = [[]]
    x = 0.0
    for label in labels:
        bw = ctx.text.width(label, size, "bold") + size * 2
        if rows[-1] and x + bw > width:
            rows.append([])
            x = 0.0
        rows[-1].append((label, bw))
        x += bw + size * 0.6
    return rows


def _name_lines(ctx: Ctx, name: str, width: float, size: float) -> tuple[list[str], float]:
    """Two lines at most while the name can shrink to 60 %; then as many as it needs."""
    t = ctx.text
    current = size
    while True:
        lines = t.wrap(name, width, current, "bold") or [""]
        if len(lines) <= 2 or current <= size * 0.6:
            return lines, current
        current = max(size * 0.6, current * 0.92)


def measure_header(ctx: Ctx, persona: Persona, g: PageGeometry) -> _Header:
    t = ctx.text
    k, margin = g.type_scale(), g.margin
    page_w, page_h = g.trim_w, g.trim_h
    photo_d = min(150.0 * k, page_w * 0.22, page_h * 0.17)
    qi = header_quote(persona)
    wide = page_w > 700 * max(1.0, k * 0.9)
    text_x = margin + photo_d + margin * 0.9
    text_w = (page_w - text_x - margin) * (0.52 if wide and qi is not None else 1.0)
    name, name_size = _name_lines(ctx, persona.name, text_w, 33.0 * k)
    h = _Header(
        k,
        margin,
        photo_d,
        text_x,
        text_w,
        qi is not None and not wide,
        name,
        name_size,
        t.wrap(persona.role, text_w, 14.0 * k) if persona.role else [],
        t.wrap(persona.tagline, text_w, 11.0 * k, "italic") if persona.tagline else [],
        _badge_rows(ctx, _badges(ctx, persona), text_w, 8.0 * k),
        overdue_text(ctx, persona),
        changed=DATA_CHANGED if data_changed(ctx.project, persona) else "",
    )
    stack = h.stack(t.leading)
    text_h = sum(x for _, x in stack) + _STACK_GAP * k * (len(stack) - 1)
    quote_h = 0.0
    if qi is not None:
        quote = persona.quotes[qi]
        h.quote_size = 12.5 * k
        mark = h.quote_size * 3.2 * 0.55
        if h.quote_below:
            h.quote_x, h.quote_w = margin + mark, page_w - 2 * margin - mark
        else:
            h.quote_x = text_x + text_w + margin + mark
            h.quote_w = page_w - margin - h.quote_x
        h.quote = t.wrap(quote.text, h.quote_w, h.quote_size, "italic")
        if quote.source:
            h.source = t.wrap(f"— {quote.source}", h.quote_w, h.quote_size * 0.75)
        quote_h = _quote_height(h, t.leading)
    if h.quote_below:
        h.band_h = max(photo_d, text_h) + margin * 2.1 + quote_h + margin * 0.6
    else:
        h.band_h = max(photo_d, text_h, quote_h) + margin * 2.1
    return h


def continued_band(g: PageGeometry) -> float:
    k = g.type_scale()
    return g.margin * 2.0 + 16.0 * k * 1.25


def _quote_height(h: _Header, leading: float) -> float:
    size = h.quote_size
    source = size * 0.3 + len(h.source) * size * 0.75 * leading if h.source else 0.0
    return size * 0.4 + len(h.quote) * size * leading + source


# --- jobs ----------------------------------------------------------------------------------


def persona_jobs(ctx: Ctx, geometry: GeometryFor, personas: list[Persona], level: int = 0) -> list[PageJob]:
    """Each persona's poster: one page, or as many as its content needs."""
    jobs = []
    for p in personas:
        g = geometry("portrait")
        footer = ctx.footer(f"persona version {p.lifecycle.version}", personas=[p])
        content = ctx.content_rect(g, footer)
        head = measure_header(ctx, p, g)
        first_top = head.band_h + g.margin * 0.9
        next_top = continued_band(g) + g.margin * 0.9
        grid, pages = plan_pages(
            ctx.text,
            p,
            content.w,
            content.bottom - first_top,
            content.bottom - next_top,
            9.0 * g.type_scale(),
            ctx.project.sources,
        )
        for n, frags in enumerate(pages):

            def draw(sheet: Sheet, p=p, n=n, frags=frags, head=head, grid=grid) -> None:
                top = _header(ctx, p, sheet, head) if n == 0 else _continued(ctx, p, sheet)
                _sections(ctx, p, sheet, grid, frags, top + sheet.geometry.margin * 0.9)

            title = p.name if n == 0 else f"{p.name} — continued"
            jobs.append(
                PageJob(
                    title,
                    draw,
                    g,
                    footer,
                    level if n == 0 else None,
                    key=f"persona-{p.id}" if n == 0 else f"persona-{p.id}-{n + 1}",
                )
            )
    return jobs


def picture_job(ctx: Ctx, persona: Persona, width: float) -> PageJob:
    """The poster as one picture `width` points wide and as tall as its content (PNG and SVG
    have no sheet to fill): every section whole, masonry into the columns."""
    probe = PageGeometry(width, width * 100)
    footer = ctx.footer(f"persona version {persona.lifecycle.version}", personas=[persona])
    head = measure_header(ctx, persona, probe)
    content = ctx.content_rect(probe, footer)
    top = head.band_h + probe.margin * 0.9
    grid, pages = plan_pages(
        ctx.text,
        persona,
        content.w,
        float("inf"),
        float("inf"),
        9.0 * probe.type_scale(),
        ctx.project.sources,
    )
    frags = pages[0]
    used = max((f.y + _frag_h(f) for f in frags), default=0.0)
    g = PageGeometry(width, probe.trim_h - (content.bottom - top - used))

    def draw(sheet: Sheet) -> None:
        _sections(ctx, persona, sheet, grid, frags, _header(ctx, persona, sheet, head) + g.margin * 0.9)

    return PageJob(persona.name, draw, g, footer, None, key=f"persona-{persona.id}")


def _frag_h(frag: Frag) -> float:
    b = frag.block
    h = b.label_h
    for piece in frag.pieces:
        h += (piece.end - piece.start) * b.line_h[piece.item]
        if piece.end == len(b.lines[piece.item]):
            h += b.gap
    return h


# --- drawing -------------------------------------------------------------------------------


def _sections(ctx: Ctx, persona: Persona, sheet: Sheet, grid: Grid, frags: list[Frag], top: float) -> None:
    content: Rect = sheet.content
    for frag in frags:
        x = content.x + frag.col * (grid.col_w + grid.gutter)
        _frag(sheet.pen, grid, frag, x, top + frag.y, persona.color)


def _frag(pen: Pen, grid: Grid, frag: Frag, x: float, y: float, accent: str) -> None:
    t, body, w, b = grid.t, grid.body, grid.col_w, frag.block
    size = grid.label_size
    pen.rect(Rect(x, y + size * 0.2, size * 0.55, size * 0.9), accent)
    title = b.title.upper() + (" (CONTINUED)" if frag.continued else "")
    pen.text(Rect(x + size, y, w - size, t.leading * size), title, size, MUTED, "bold")
    pen.line(x, y + b.label_h - body * 0.3, x + w, y + b.label_h - body * 0.3, "#E1E6EB", 0.5)
    y += b.label_h
    for piece in frag.pieces:
        item, lh = b.items[piece.item], b.line_h[piece.item]
        lines = b.lines[piece.item][piece.start : piece.end]
        h = lh * len(lines)
        if b.kind == "sliders":
            _slider(pen, grid, item.text, item.value, x, y, accent)
        elif item.caption:
            pen.lines(Rect(x + grid.indent, y, w - grid.indent, h), lines, grid.caption, MUTED)
        elif bulleted(b.kind, piece.item):
            if piece.start == 0:
                if b.kind != "quotes":
                    pen.circle(x + body * 0.3, y + t.leading * body / 2, body * 0.17, accent)
                else:
                    pen.label(x, y - body * 0.15, "“", body * 1.6, accent, "bold")
            style = "italic" if b.kind == "quotes" else "regular"
            pen.lines(Rect(x + grid.indent, y, w - grid.indent, h), lines, body, TEXT, style)
        else:
            pen.lines(Rect(x, y, w, h), lines, body, TEXT)
        y += h
        if piece.end == len(b.lines[piece.item]):
            y += b.gap


def _slider(pen: Pen, grid: Grid, text: str, value: float | None, x: float, y: float, accent: str) -> None:
    body, w, size = grid.body, grid.col_w, grid.caption
    left, right = grid.slider_ends(text)
    half = w / 2 - body * 0.3
    lh = grid.t.leading * size
    pen.lines(Rect(x, y, half, lh * len(left)), left, size, TEXT)
    pen.lines(Rect(x + w / 2 + body * 0.3, y, half, lh * len(right)), right, size, TEXT, align="right")
    ty = y + body * 1.55 + (max(len(left), len(right)) - 1) * lh
    pen.rect(Rect(x, ty, w, body * 0.28), "#E1E6EB", radius=body * 0.14)
    v = (value or 0) / 100
    pen.rect(Rect(x, ty, w * v, body * 0.28), mix(accent, "#FFFFFF", 0.45), radius=body * 0.14)
    pen.circle(x + w * v, ty + body * 0.14, body * 0.42, accent, "#FFFFFF", 1.0)


def _continued(ctx: Ctx, persona: Persona, sheet: Sheet) -> float:
    """A slim band naming the persona on the pages after the first; returns its bottom."""
    pen, g = sheet.pen, sheet.geometry
    k, m = g.type_scale(), g.margin
    band = continued_band(g)
    pen.rect(Rect(-g.bleed, -g.bleed, g.trim_w + 2 * g.bleed, band + g.bleed), persona.color)
    ink = on_color(persona.color)
    pen.text(
        Rect(m, m, g.trim_w - 2 * m, 16.0 * k * ctx.text.leading),
        f"{persona.name} — continued",
        16.0 * k,
        ink,
        "bold",
        min_size=9.0 * k,
        max_lines=1,
    )
    return band


def _header(ctx: Ctx, persona: Persona, sheet: Sheet, h: _Header) -> float:
    """The coloured band; returns its bottom edge."""
    pen, g, t = sheet.pen, sheet.geometry, ctx.text
    k, margin = h.k, h.margin
    color = persona.color
    ink = on_color(color)
    soft = mix(ink, color, 0.28)
    pen.rect(Rect(-g.bleed, -g.bleed, g.trim_w + 2 * g.bleed, h.band_h + g.bleed), color)
    photo = Rect(margin, margin * 1.1, h.photo_d, h.photo_d)
    data = ctx.photo(persona)
    pen.circle(photo.cx, photo.cy, h.photo_d / 2 + 2.5 * k, mix(color, "#FFFFFF", 0.6))
    if not (data and pen.image(photo, data, circle=True)):
        dark = mix(color, "#000000", 0.18)
        pen.circle(photo.cx, photo.cy, h.photo_d / 2, dark)
        size = h.photo_d * 0.36
        y = photo.cy - t.leading * size / 2
        pen.label(photo.x, y, initials(persona.name), size, on_color(dark), "bold", photo.w, "center")
    stack = h.stack(t.leading)
    text_h = sum(x for _, x in stack) + _STACK_GAP * k * (len(stack) - 1)
    y = photo.y if h.quote_below else photo.y + max(0.0, (h.photo_d - text_h) / 2)
    x, w = h.text_x, h.text_w
    for key, height in stack:
        if key == "name":
            pen.lines(Rect(x, y, w, height), h.name, h.name_size, ink, "bold")
        elif key == "role":
            pen.lines(Rect(x, y, w, height), h.role, 14.0 * k, ink)
        elif key == "tagline":
            pen.lines(Rect(x, y, w, height), h.tagline, 11.0 * k, soft, "italic")
        elif key == "badges":
            _draw_badges(pen, h, persona, x, y, color, ink, t.leading)
        else:
            _mark(pen, h, h.overdue if key == "overdue" else h.changed, x, y, t)
        y += height + _STACK_GAP * k
    if h.quote:
        # below the photo or the text beside it, whichever ends lower (measure_header's band)
        qy = photo.y + max(h.photo_d, text_h) + margin * 0.8 if h.quote_below else photo.y
        _quote(pen, h, qy, ink, soft, t.leading)
    return h.band_h


def _draw_badges(
    pen: Pen, h: _Header, persona: Persona, x0: float, y: float, color: str, ink: str, leading: float
) -> None:
    size, bh = 8.0 * h.k, h.badge_h
    first = True
    for row in h.badge_rows:
        x = x0
        for label, bw in row:
            r = Rect(x, y, bw, bh)
            ty = r.y + (bh - leading * size) / 2
            if first:
                pen.rect(r, ink, radius=bh / 2)
                pen.label(r.x, ty, label, size, color, "bold", r.w + 1, "center")
                if persona.priority.value == "negative":
                    pen.line(r.x + size * 0.6, r.cy, r.right - size * 0.6, r.cy, color, 1.0)
                first = False
            else:
                pen.rect(r, None, ink, 0.8, radius=bh / 2)
                pen.label(r.x, ty, label, size, ink, "bold", r.w + 1, "center")
            x += bw + size * 0.6
        y += bh + 4 * h.k


def _mark(pen: Pen, h: _Header, text: str, x: float, y: float, t) -> None:
    """A solid red pill with a white outline: readable on any persona colour."""
    size = 8.0 * h.k
    bw = min(h.text_w, t.width(text, size, "bold") + size * 2)
    r = Rect(x, y, bw, h.badge_h)
    pen.rect(r, NEGATIVE_RED, "#FFFFFF", 1.0, radius=h.badge_h / 2)
    ty = r.y + (h.badge_h - t.leading * size) / 2
    pen.text(Rect(r.x, ty, r.w, t.leading * size), text, size, "#FFFFFF", "bold", "center", min_size=6.0)


def _quote(pen: Pen, h: _Header, y: float, ink: str, soft: str, leading: float) -> None:
    size = h.quote_size
    mark = size * 3.2
    pen.label(h.quote_x - mark * 0.55, y - mark * 0.28, "“", mark, soft, "bold", mark)
    y += size * 0.4
    pen.lines(Rect(h.quote_x, y, h.quote_w, len(h.quote) * leading * size), h.quote, size, ink, "italic")
    if h.source:
        y += len(h.quote) * leading * size + size * 0.3
        small = size * 0.75
        pen.lines(Rect(h.quote_x, y, h.quote_w, len(h.source) * leading * small), h.source, small, soft)
