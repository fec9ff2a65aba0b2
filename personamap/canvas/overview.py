"""A cached picture of a whole board for zoomed-out frames.

Drawing 20,000 notes item by item takes ~0.4–0.7 s a frame (docs/QT-NOTES.md), so a view zoomed far
out paints this picture instead: the scene rendered once into an image no finer than the zoom
needs, redone lazily after the board changes. Small boards always paint live.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

MIN_ITEMS = 1500
"""Below this many elements live painting is fast enough at any zoom."""
MAX_SIDE = 4096
"""Longest side of the cached image, in pixels (≈ 32 MB at 4096 × 2048)."""


class OverviewCache:
    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._image: QImage | None = None
        self._bounds: QRectF | None = None

    def invalidate(self) -> None:
        self._image = None
        self._bounds = None

    def _board_bounds(self) -> QRectF:
        if self._bounds is None:  # one pass over the items per change, not per frame
            self._bounds = self._scene.itemsBoundingRect().adjusted(-16, -16, 16, 16)
        return self._bounds

    def _scale(self) -> float:
        bounds = self._board_bounds()
        return min(1.0, MAX_SIDE / max(bounds.width(), bounds.height(), 1.0))

    def applies(self, zoom: float) -> bool:
        """Whether a frame at `zoom` should use the picture (never upscaled, big boards only)."""
        if len(getattr(self._scene, "items_by_id", ())) < MIN_ITEMS:
            return False
        return zoom <= self._scale()

    def _render(self) -> QImage:
        bounds, scale = self._board_bounds(), self._scale()
        image = QImage(
            max(1, round(bounds.width() * scale)),
            max(1, round(bounds.height() * scale)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shown = getattr(self._scene, "show_selection", True)
        self._scene.show_selection = False  # the picture never shows a selection
        try:
            self._scene.render(painter, QRectF(image.rect()), bounds)
        finally:
            self._scene.show_selection = shown
            painter.end()
        return image

    def paint(self, painter: QPainter) -> None:
        """Draw the picture in scene coordinates (the painter carries the view's transform)."""
        if self._image is None:
            self._image = self._render()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self._board_bounds(), self._image)
