"""The emotions lane on the canvas: score grid, dashed neutral line, one monotone curve per
persona in the persona's colour with markers in the persona's shape, and marker hit tests.

Geometry comes from model.layout (layout_emotion, curve_runs), shared with the PDF poster.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from ...model.layout import (
    EmotionLayout,
    EmotionPoint,
    Rect,
    SeriesLook,
    curve_runs,
    legend_lines,
    scale_text,
)
from ...model.layout.legend import LEGEND_MARKER
from ...style import TYPE, Theme
from ..text import draw_text, font

MARKER = 10.0


def marker_path(shape: str, c: QPointF, size: float = MARKER) -> QPainterPath:
    """A marker of `shape` (model.layout.MARKER_SHAPES) centred on `c`."""
    r = size / 2
    path = QPainterPath()
    if shape == "square":
        path.addRect(QRectF(c.x() - r * 0.9, c.y() - r * 0.9, r * 1.8, r * 1.8))
        return path
    sides = {"triangle": 3, "diamond": 4, "hexagon": 6}.get(shape)
    if sides is not None:
        rad = r * (1.25 if sides == 3 else 1.15)
        start = -math.pi / 2 if sides != 6 else 0.0
        pts = [
            QPointF(
                c.x() + rad * math.cos(start + k * 2 * math.pi / sides),
                c.y() + rad * math.sin(start + k * 2 * math.pi / sides),
            )
            for k in range(sides)
        ]
        if sides == 3:
            pts = [QPointF(p.x(), p.y() + r * 0.25) for p in pts]
        path.addPolygon(QPolygonF([*pts, pts[0]]))
        return path
    if shape == "star":
        pts = []
        for k in range(10):
            rad = r * 1.3 if k % 2 == 0 else r * 0.55
            a = -math.pi / 2 + k * math.pi / 5
            pts.append(QPointF(c.x() + rad * math.cos(a), c.y() + rad * math.sin(a)))
        path.addPolygon(QPolygonF([*pts, pts[0]]))
        return path
    path.addEllipse(c, r, r)
    return path


def paint_marker(
    painter: QPainter, shape: str, c: QPointF, color: str, size: float = MARKER, outline: str = "#FFFFFF"
) -> None:
    """A marker with a thin outline in the colour of what it sits on (theme.card, theme.chip)."""
    painter.setPen(QPen(QColor(outline), 1.5))
    painter.setBrush(QColor(color))
    painter.drawPath(marker_path(shape, c, size))


Preview = tuple[str | None, str, int | None]
"""A marker being dragged: (persona id, step id, score it would get; None clears)."""


def series_points(
    emotion: EmotionLayout, persona_id: str | None, steps: list[tuple[str, float]], preview: Preview | None
) -> list[EmotionPoint | None]:
    """A series' points (one per step column, `steps` giving id and x), with a marker being
    dragged shown where it is."""
    points = list(emotion.series.get(persona_id, (None,) * len(steps)))
    if preview is None or preview[0] != persona_id:
        return points
    _, step_id, score = preview
    for k, (step, x) in enumerate(steps):
        if step == step_id and k < len(points):
            points[k] = None if score is None else EmotionPoint(step_id, x, emotion.y_of(score))
    return points


def paint_emotion_plot(
    painter: QPainter,
    emotion: EmotionLayout,
    looks: list[SeriesLook],
    steps: list[tuple[str, float]],
    preview: Preview | None,
    theme: Theme,
) -> None:
    """Grid, neutral line, curves and markers inside the lane's plot area."""
    r = emotion.rect
    painter.setPen(QPen(QColor(theme.plot_grid), 1))
    for y in emotion.tick_ys().values():
        painter.drawLine(QPointF(r.x, y), QPointF(r.right, y))
    if emotion.neutral_y is not None:
        pen = QPen(QColor(theme.neutral_line), 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(r.x, emotion.neutral_y), QPointF(r.right, emotion.neutral_y))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for look in looks:
        runs = curve_runs(series_points(emotion, look.persona_id, steps, preview))
        pen = QPen(QColor(look.color), 2.5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        for run in runs:
            if run.segments:
                path = QPainterPath(QPointF(*run.segments[0][0]))
                for _, c1, c2, end in run.segments:
                    path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
        for run in runs:
            for point in run.points:
                paint_marker(painter, look.shape, QPointF(point.x, point.y), look.color, outline=theme.card)


def paint_scale_labels(painter: QPainter, lane: QRectF, emotion: EmotionLayout, theme: Theme) -> float:
    """Scale labels (e.g. "Delighted +2") right-aligned in the lane header at their heights,
    with a tick; returns the widest label's width."""
    qfont = font(TYPE.caption)
    metrics = QFontMetricsF(qfont)
    widest = 0.0
    for value, label, y in emotion.label_ys:
        text = scale_text(value, label)
        width = min(lane.width() * 0.55, metrics.horizontalAdvance(text))
        widest = max(widest, width)
        rect = QRectF(lane.right() - width - 10, y - 8, width, 16)
        right = Qt.AlignmentFlag.AlignRight
        draw_text(painter, rect, text, qfont, theme.muted_text, max_lines=1, align=right)
        painter.setPen(QPen(QColor(theme.neutral_line), 1))
        painter.drawLine(QPointF(lane.right() - 6, y), QPointF(lane.right(), y))
    return widest


def paint_legend(
    painter: QPainter,
    rect: QRectF,
    looks: list[SeriesLook],
    label_ys: list[float],
    narrow: float,
    theme: Theme,
) -> None:
    """One line per series: its marker and name, placed by model.layout.legend_lines."""
    qfont = font(TYPE.caption)
    area = Rect(rect.x(), rect.y(), rect.width(), rect.height())
    for line in legend_lines(looks, area, label_ys, narrow):
        look, t = line.look, line.text
        paint_marker(painter, look.shape, QPointF(*line.marker), look.color, LEGEND_MARKER, theme.card)
        draw_text(painter, QRectF(t.x, t.y, t.w, t.h), look.name, qfont, theme.text, max_lines=1)
