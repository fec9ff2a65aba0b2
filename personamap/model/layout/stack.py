"""Notes in reading order inside a cell or quadrant: placing them, and finding where a drop goes.

Shared by the journey grid and the empathy map so that both read and reorder alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from .geometry import Rect


def stack_rows(heights: Sequence[float], per_row: int, gap: float) -> tuple[list[tuple[float, float]], float]:
    """Place items of the given heights row by row, `per_row` to a row, tops aligned.

    Returns each item's (column, top) offset, the column counted in slots, and the stack's
    total height (0 for no items).
    """
    per_row = max(1, per_row)
    offsets: list[tuple[float, float]] = []
    top = 0.0
    for start in range(0, len(heights), per_row):
        row = heights[start : start + per_row]
        offsets.extend((float(col), top) for col in range(len(row)))
        top += max(row) + gap
    return offsets, max(0.0, top - gap)


def reading_index(rects: Sequence[Rect], x: float, y: float, columns: int, gap: float) -> int:
    """Where a point drops among items laid out in reading order (0..len(rects)).

    A single column reads top to bottom: the point goes before the first item whose
    centre is not above it. A grid reads row by row: within a row's band (its items and
    the gap below) the point goes before the first item whose centre is not left of it.
    An item's own centre therefore maps back to its own index.
    """
    if columns <= 1:
        return next((i for i, r in enumerate(rects) if y <= r.cy), len(rects))
    row_bottom: dict[float, float] = {}
    for r in rects:
        row_bottom[r.y] = max(row_bottom.get(r.y, r.bottom), r.bottom)
    for i, r in enumerate(rects):
        if y < r.y or (y < row_bottom[r.y] + gap and x <= r.cx):
            return i
    return len(rects)
