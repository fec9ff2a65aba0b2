"""Where a connector runs between two elements, its arrow head, and the label it shows.

The canvas item and the PDF board page both draw connectors from these functions, so a
connector meets the same edge with the same head on screen and on paper. Coordinates are
board (scene) px.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from .geometry import Rect

if TYPE_CHECKING:
    from ..board import Connector
    from ..project import Project

Point = tuple[float, float]

ARROW_WING = 10.0
"""Length of each side of the arrow head."""
ARROW_SPREAD = 0.4
"""Half the head's opening angle, in radians."""
ARROW_MIN_LENGTH = 12.0
"""A shorter line (elements almost touching) gets no head: it would cover the line."""


class ConnectorPath(NamedTuple):
    """A connector's straight line from source edge to target edge, and its head (tip first)."""

    start: Point
    end: Point
    head: tuple[Point, Point, Point] | None

    @property
    def mid(self) -> Point:
        return ((self.start[0] + self.end[0]) / 2, (self.start[1] + self.end[1]) / 2)

    @property
    def length(self) -> float:
        return math.hypot(self.end[0] - self.start[0], self.end[1] - self.start[1])


def edge_point(rect: Rect, toward: Point) -> Point:
    """Where the line from the rect's centre toward a point leaves the rect (the point itself
    when it lies inside)."""
    dx, dy = toward[0] - rect.cx, toward[1] - rect.cy
    if dx == 0 and dy == 0:
        return rect.center
    sx = (rect.w / 2) / abs(dx) if dx else math.inf
    sy = (rect.h / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy, 1.0)
    return (rect.cx + dx * s, rect.cy + dy * s)


def connector_path(source: Rect, target: Rect) -> ConnectorPath:
    """The line between the two rects' edges, along the line joining their centres."""
    start, end = edge_point(source, target.center), edge_point(target, source.center)
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    if length <= ARROW_MIN_LENGTH:
        return ConnectorPath(start, end, None)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    left, right = (
        (end[0] - ARROW_WING * math.cos(angle + d), end[1] - ARROW_WING * math.sin(angle + d))
        for d in (-ARROW_SPREAD, ARROW_SPREAD)
    )
    return ConnectorPath(start, end, (end, left, right))


def connector_label(connector: Connector, project: Project, names: dict[str, str]) -> str:
    """The connector's own label, else the name of the relation it shows (from `names`, the
    display names of relation kinds), else nothing."""
    if connector.label or not connector.relation_id:
        return connector.label
    rel = next((r for r in project.relations if r.id == connector.relation_id), None)
    return names.get(rel.kind.value, rel.kind.value) if rel else ""
