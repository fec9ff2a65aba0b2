"""Align and distribute: new positions for a group of rectangles, without Qt.

The canvas hands in the geometry of the selected elements (id -> x, y, w, h) and turns the
answer into one `set_geometry` op, so the rules are tested here and the same everywhere.
Only rectangles whose place really changes are returned.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Rect = tuple[float, float, float, float]
Alignment = Literal["left", "centre", "right", "top", "middle", "bottom"]
Axis = Literal["horizontal", "vertical"]

ALIGNMENTS: tuple[Alignment, ...] = ("left", "centre", "right", "top", "middle", "bottom")
EPSILON = 1e-6


def bounds(rects: Mapping[str, Rect]) -> Rect:
    """The smallest rectangle holding all of `rects`."""
    left = min(r[0] for r in rects.values())
    top = min(r[1] for r in rects.values())
    right = max(r[0] + r[2] for r in rects.values())
    bottom = max(r[1] + r[3] for r in rects.values())
    return (left, top, right - left, bottom - top)


def _changed(rects: Mapping[str, Rect], moved: Mapping[str, Rect]) -> dict[str, Rect]:
    return {
        ident: new
        for ident, new in moved.items()
        if any(abs(a - b) > EPSILON for a, b in zip(new, rects[ident], strict=True))
    }


def align(rects: Mapping[str, Rect], how: Alignment) -> dict[str, Rect]:
    """Line the rectangles up on an edge or centre line of the group's bounding box (the way
    drawing tools do: "left" puts every left edge on the leftmost one)."""
    if len(rects) < 2:
        return {}
    bx, by, bw, bh = bounds(rects)
    moved: dict[str, Rect] = {}
    for ident, (x, y, w, h) in rects.items():
        if how == "left":
            x = bx
        elif how == "centre":
            x = bx + (bw - w) / 2
        elif how == "right":
            x = bx + bw - w
        elif how == "top":
            y = by
        elif how == "middle":
            y = by + (bh - h) / 2
        elif how == "bottom":
            y = by + bh - h
        else:
            raise ValueError(f"unknown alignment {how!r}")
        moved[ident] = (x, y, w, h)
    return _changed(rects, moved)


def distribute(rects: Mapping[str, Rect], axis: Axis) -> dict[str, Rect]:
    """Space the rectangles evenly along an axis: the first and last (by position) stay,
    the gaps between neighbours become equal (they may be negative when they overlap)."""
    if len(rects) < 3:
        return {}
    if axis not in ("horizontal", "vertical"):
        raise ValueError(f"unknown axis {axis!r}")
    k = 0 if axis == "horizontal" else 1
    order = sorted(rects, key=lambda i: (rects[i][k] + rects[i][k + 2] / 2, rects[i][k], i))
    first, last = rects[order[0]], rects[order[-1]]
    start = first[k]
    span = last[k] + last[k + 2] - start
    gap = (span - sum(rects[i][k + 2] for i in order)) / (len(order) - 1)
    moved: dict[str, Rect] = {}
    at = start
    for ident in order:
        r = list(rects[ident])
        r[k] = at
        moved[ident] = (r[0], r[1], r[2], r[3])
        at += rects[ident][k + 2] + gap
    return _changed(rects, moved)


def nudge(rects: Mapping[str, Rect], dx: float, dy: float) -> dict[str, Rect]:
    """Every rectangle moved by (dx, dy): the arrow keys."""
    return {ident: (x + dx, y + dy, w, h) for ident, (x, y, w, h) in rects.items()}


ELEMENT_NOUNS: dict[str, tuple[str, str]] = {
    "persona_card": ("card", "cards"),
    "note": ("note", "notes"),
    "text": ("text", "texts"),
    "image": ("image", "images"),
    "connector": ("connector", "connectors"),
    "journey_map": ("journey map", "journey maps"),
    "empathy_map": ("empathy map", "empathy maps"),
}


def describe(types: list[str]) -> str:
    """Words for a group of elements in an undo name: `note`, `3 notes`, `4 elements`."""
    kinds = set(types)
    one, many = (
        ELEMENT_NOUNS.get(types[0], ("element", "elements")) if len(kinds) == 1 else ("element", "elements")
    )
    return one if len(types) == 1 else f"{len(types)} {many}"
