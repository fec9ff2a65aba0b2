"""Plain rectangles in abstract layout units, so canvas and PDF share geometry without Qt."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle; y grows downwards, as on the canvas (the PDF flips it).

    `contains` is half-open (right and bottom edges excluded), so neighbouring cells that
    share an edge never both claim a point.
    """

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def center(self) -> tuple[float, float]:
        return (self.cx, self.cy)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def contains_rect(self, other: Rect, tolerance: float = 1e-6) -> bool:
        """Whether `other` lies inside this rect (edges may touch)."""
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )

    def intersects(self, other: Rect) -> bool:
        """Whether the interiors overlap; rects that only touch do not intersect."""
        return (
            self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom
        )

    def translated(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)

    def adjusted(self, dx1: float, dy1: float, dx2: float, dy2: float) -> Rect:
        """Like QRectF.adjusted: move the left/top edges by dx1/dy1 and right/bottom by dx2/dy2.

        A rect adjusted past its own size collapses to zero width or height, never negative.
        """
        x, y = self.x + dx1, self.y + dy1
        return Rect(x, y, max(0.0, self.right + dx2 - x), max(0.0, self.bottom + dy2 - y))

    def inset(self, d: float) -> Rect:
        return self.adjusted(d, d, -d, -d)

    def united(self, other: Rect) -> Rect:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Rect(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)

    def scaled(self, factor: float) -> Rect:
        """The rect in another unit (canvas px to PDF points), scaled about the origin."""
        return Rect(self.x * factor, self.y * factor, self.w * factor, self.h * factor)
