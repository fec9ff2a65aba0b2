"""The emotion curve: a monotone cubic through the scores, split at gaps.

Fritsch–Carlson tangents keep each segment between its two end values, so the line never
promises a feeling above the best or below the worst score (docs/VISUAL.md, "no overshoot").
Segments come as cubic Béziers, which both QPainterPath and reportlab draw natively.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .emotion import EmotionPoint

Point = tuple[float, float]
Segment = tuple[Point, Point, Point, Point]
"""A cubic Bézier: start, first control point, second control point, end."""


def _tangents(xs: Sequence[float], ys: Sequence[float]) -> list[float]:
    n = len(xs)
    d = [(ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k]) if xs[k + 1] != xs[k] else 0.0 for k in range(n - 1)]
    m = [d[0], *((d[k - 1] + d[k]) / 2 if d[k - 1] * d[k] > 0 else 0.0 for k in range(1, n - 1)), d[-1]]
    for k, dk in enumerate(d):
        if dk == 0:
            m[k] = m[k + 1] = 0.0
            continue
        # Inside the box alpha, beta <= 3 a cubic Hermite segment is monotone, and its
        # Bézier control points stay between the segment's end values.
        m[k] = dk * min(m[k] / dk, 3.0)
        m[k + 1] = dk * min(m[k + 1] / dk, 3.0)
    return m


def monotone_curve(points: Sequence[Point]) -> list[Segment]:
    """Bézier segments of the monotone cubic through `points` (x strictly increasing).

    Fewer than two points give no segment. A pair of points with equal x gets a straight
    segment rather than a division by zero.
    """
    if len(points) < 2:
        return []
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    m = _tangents(xs, ys)
    segments: list[Segment] = []
    for k in range(len(points) - 1):
        h = (xs[k + 1] - xs[k]) / 3
        p0, p1 = (xs[k], ys[k]), (xs[k + 1], ys[k + 1])
        segments.append((p0, (p0[0] + h, p0[1] + m[k] * h), (p1[0] - h, p1[1] - m[k + 1] * h), p1))
    return segments


@dataclass(frozen=True)
class CurveRun:
    """A stretch of consecutive scored steps: a marker at every point and, from two points
    on, a curve through them. An isolated score is a marker alone."""

    points: tuple[EmotionPoint, ...]
    segments: tuple[Segment, ...]


def curve_runs(series_points: Sequence[EmotionPoint | None]) -> list[CurveRun]:
    """Split a series at its gaps (None) into runs; the curve never crosses a gap."""
    runs: list[CurveRun] = []
    current: list[EmotionPoint] = []
    for point in [*series_points, None]:
        if point is not None:
            current.append(EmotionPoint(*point))
            continue
        if current:
            segments = monotone_curve([(p.x, p.y) for p in current])
            runs.append(CurveRun(tuple(current), tuple(segments)))
            current = []
    return runs


def bezier_point(segment: Segment, t: float) -> Point:
    """The point at parameter t (0..1) of a segment, for hit tests and for sampling in tests."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = segment
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)
