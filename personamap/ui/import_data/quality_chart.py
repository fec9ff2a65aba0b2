"""How well each k tried fits: a pair of bars per k (silhouette, stability; both 0–1, higher is
better), the chosen k drawn in the selection colour. Painted with QPainter in the palette's
colours (the others in the text colour, faded), so it reads in every theme."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...data.cluster import Score
from ..plain import tooltip

MARGIN = 8.0
LEGEND = 18.0
AXIS = 16.0


def faded(colour: QColor, alpha: float) -> QColor:
    out = QColor(colour)
    out.setAlphaF(alpha)
    return out


class QualityChart(QWidget):
    """`set_scores(scores, chosen)`; empty until segments were found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores: list[Score] = []
        self.chosen = 0
        self.setMinimumSize(QSize(220, 120))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_scores(self, scores: list[Score], chosen: int) -> None:
        self.scores = sorted(scores, key=lambda s: s.k)
        self.chosen = chosen
        lines = [
            f"k = {s.k}: silhouette {s.silhouette:.2f}, stability {s.stability:.2f}" for s in self.scores
        ]
        self.setToolTip(tooltip("\n".join(lines)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 150)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        plain = faded(text, 0.5)
        chosen = palette.color(QPalette.ColorRole.Highlight)
        if not self.scores:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Silhouette and stability per k")
            return
        self._legend(painter, text, plain, chosen)
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN + LEGEND, -MARGIN, -MARGIN - AXIS)
        slot = area.width() / len(self.scores)
        bar = min(slot * 0.3, 22.0)
        painter.setPen(QColor(text))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for i, score in enumerate(self.scores):
            centre = area.left() + slot * (i + 0.5)
            colour = chosen if score.k == self.chosen else plain
            for j, value in enumerate((score.silhouette, score.stability)):
                height = area.height() * max(0.0, min(1.0, value))
                left = centre - bar if j == 0 else centre
                shade = colour if j == 0 else faded(colour, 0.45 * colour.alphaF())
                painter.fillRect(QRectF(left, area.bottom() - height, bar - 1, height), shade)
            label = QRectF(centre - slot / 2, area.bottom() + 2, slot, AXIS)
            font = painter.font()
            font.setBold(score.k == self.chosen)
            painter.setFont(font)
            painter.setPen(text)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, f"k={score.k}")

    def _legend(self, painter: QPainter, text: QColor, plain: QColor, chosen: QColor) -> None:
        x = MARGIN
        faint = faded(plain, 0.45 * plain.alphaF())
        for colour, words in ((plain, "silhouette"), (faint, "stability"), (chosen, "chosen k")):
            painter.fillRect(QRectF(x, MARGIN + 3, 10, 10), colour)
            painter.setPen(text)
            width = painter.fontMetrics().horizontalAdvance(words)
            painter.drawText(
                QRectF(x + 14, MARGIN, width + 4, LEGEND - 2), Qt.AlignmentFlag.AlignVCenter, words
            )
            x += 14 + width + 16
