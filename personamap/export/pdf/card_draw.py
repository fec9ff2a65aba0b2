"""A persona card drawn from `layout_card`, as the canvas draws it (persona_card.py): accent
strip, photo or initials, name, role, badges, quote with a coloured rule, labelled sections.
Shared by the cards sheet and board pages; coordinates are the card's own px."""

from __future__ import annotations

from ...model import Persona, Priority
from ...model.layout import CardBoxes, Rect
from ...style import NEGATIVE_RED, TYPE
from ..spec import Ctx
from .draw import MUTED, TEXT, Pen, on_color


def draw_card(ctx: Ctx, pen: Pen, persona: Persona, boxes: CardBoxes, border: bool = True) -> None:
    w, h = boxes.width, boxes.height
    m = boxes.metrics
    accent = persona.color
    if border:
        pen.rect(Rect(0, 0, w, h), "#FFFFFF", "#D0D7DE", 0.6, radius=8)
    pen.rect(Rect(8, 0, w - 16, 4), accent)
    head = boxes.header
    photo = head.photo_rect
    data = ctx.photo(persona)
    if not (data and pen.image(photo, data, circle=True)):
        pen.circle(photo.cx, photo.cy, photo.w / 2, accent)
        size = photo.h * 0.36
        pen.label(
            photo.x,
            photo.cy - pen.t.leading * size / 2,
            head.initials,
            size,
            on_color(accent),
            "bold",
            photo.w,
            "center",
        )
    pen.text(head.name_rect, persona.name, m.name_size, TEXT, "bold", max_lines=head.name_lines)
    if head.role_rect is not None:
        pen.text(head.role_rect, persona.role, m.role_size, MUTED, max_lines=head.role_lines)
    for label, r in head.badges:
        _badge(pen, label, r, accent, persona.priority, m.badge_size)
    for block in boxes.blocks:
        if block.label_rect is not None:
            pen.label(
                block.label_rect.x,
                block.label_rect.y,
                block.title.upper(),
                m.caption,
                MUTED,
                "bold",
                block.label_rect.w,
            )
        if block.rule_rect is not None:
            pen.rect(block.rule_rect, accent)
        if block.placeholder_rect is not None:
            pen.label(block.placeholder_rect.x, block.placeholder_rect.y, "—", m.body, MUTED)
        for item, r, lines in zip(block.items, block.item_rects, block.item_lines, strict=False):
            if block.kind == "sliders" and item.value is not None:
                pen.label(r.x, r.y, item.text, TYPE.caption, MUTED, width=r.w)
                track = Rect(r.x, r.bottom - 10, r.w, 4)
                pen.rect(track, "#D0D7DE", radius=2)
                pen.circle(track.x + track.w * item.value / 100, track.cy, 5, accent)
            elif block.kind == "quote":
                style = "regular" if item.caption else "italic"
                size = TYPE.caption if item.caption else m.quote_size
                pen.text(r, item.text, size, MUTED if item.caption else TEXT, style, max_lines=max(1, lines))
            elif block.kind == "list" and not item.caption:
                pen.circle(r.x - m.bullet_w + 4.5, r.y + pen.t.leading * m.body / 2, 2.5, accent)
                pen.text(r, item.text, m.body, TEXT, max_lines=max(1, lines))
            else:
                pen.text(r, item.text, m.body, TEXT, max_lines=max(1, lines))
    if boxes.more_rect is not None and boxes.more_count:
        r = boxes.more_rect
        pen.label(r.x, r.y, f"…and {boxes.more_count} more", m.caption, MUTED, width=r.w)


def _badge(pen: Pen, label: str, r: Rect, accent: str, priority: Priority, size: float) -> None:
    is_priority = label.lower() == priority.value
    ty = r.y + (r.h - pen.t.leading * size) / 2
    if is_priority and priority == Priority.PRIMARY:
        pen.rect(r, accent, radius=r.h / 2)
        pen.label(r.x, ty, label, size, on_color(accent), "bold", r.w, "center")
    elif is_priority and priority == Priority.NEGATIVE:
        pen.rect(r, None, NEGATIVE_RED, 1.0, radius=r.h / 2)
        pen.line(r.x + 6, r.cy, r.right - 6, r.cy, NEGATIVE_RED, 0.8)
        pen.label(r.x, ty, label, size, NEGATIVE_RED, "bold", r.w, "center")
    else:
        pen.rect(r, "#F0F2F5", "#D0D7DE", 0.5, radius=r.h / 2)
        pen.label(r.x, ty, label, size, TEXT, "bold", r.w, "center")
