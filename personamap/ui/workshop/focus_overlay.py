"""Focus: everything but the current stop is dimmed.

Drawn in the present view's foreground (not a scene item), so the editor on the laptop stays
undimmed and a 20k-item board costs one translucent fill with a hole per frame.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

DIM = QColor(15, 18, 24, 150)
HOLE_PAD = 6.0
"""Scene pixels of light around the hole, so the focused thing's border is not cut."""


class FocusOverlay:
    """A dark translucent veil over the view with the focus rect (scene coordinates) cut out."""

    def __init__(self) -> None:
        self.enabled = True
        self.hole: QRectF | None = None

    def active(self) -> bool:
        return self.enabled and self.hole is not None

    def path(self, visible: QRectF) -> QPainterPath:
        """The dimmed area: what is visible, minus the hole."""
        veil = QPainterPath()
        veil.addRect(visible.adjusted(-10, -10, 10, 10))
        if self.hole is not None:
            cut = QPainterPath()
            cut.addRoundedRect(self.hole.adjusted(-HOLE_PAD, -HOLE_PAD, HOLE_PAD, HOLE_PAD), 6, 6)
            veil = veil.subtracted(cut)
        return veil

    def paint(self, painter: QPainter, visible: QRectF) -> None:
        if not self.active():
            return
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(DIM)
        painter.drawPath(self.path(visible))
        assert self.hole is not None
        pen = QPen(QColor("#0072B2"), 3)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.hole.adjusted(-HOLE_PAD, -HOLE_PAD, HOLE_PAD, HOLE_PAD), 6, 6)
        painter.restore()
