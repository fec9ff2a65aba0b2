"""A persona × stage heat map painted with QPainter: a row per persona, a column per stage,
each cell shaded by how much the journey says for that persona there. An empty cell is
outlined dashed in the warning colour and marked "–": it is a finding, and clicking it (or
pressing Enter on it) asks the dock to select that stage on the canvas."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...style import LIGHT, Theme, ink_on
from ..plain import tooltip

CELL_W, MIN_CELL_W, CELL_H, LABEL_W, HEAD_H, PAD = 64, 40, 28, 96, 40, 4


@dataclass
class Grid:
    """What the map shows: rows and columns as (id, name), `values[row][col]` a count, and a
    line per cell for its tooltip."""

    rows: list[tuple[str, str]] = field(default_factory=list)
    cols: list[tuple[str, str]] = field(default_factory=list)
    values: list[list[int]] = field(default_factory=list)
    details: list[list[str]] = field(default_factory=list)


class HeatMap(QWidget):
    """`cell_clicked(row_id, col_id)` when a person clicks a cell."""

    cell_clicked = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("insights_heatmap")
        self.grid = Grid()
        self.theme: Theme = LIGHT
        self.current: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_grid(self, grid: Grid) -> None:
        self.grid = grid
        self.current = None
        self.updateGeometry()
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    # --- geometry -----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        g = self.grid
        return QSize(LABEL_W + CELL_W * len(g.cols) + 2 * PAD, HEAD_H + CELL_H * len(g.rows) + 2 * PAD)

    def minimumSizeHint(self) -> QSize:
        g = self.grid
        return QSize(LABEL_W + MIN_CELL_W * len(g.cols) + 2 * PAD, HEAD_H + CELL_H * len(g.rows) + 2 * PAD)

    def cell_w(self) -> float:
        """Cells share the width they are given, between MIN_CELL_W and CELL_W."""
        free = (self.width() - LABEL_W - 2 * PAD) / max(1, len(self.grid.cols))
        return min(CELL_W, max(MIN_CELL_W, free))

    def cell_rect(self, row: int, col: int) -> QRectF:
        w = self.cell_w()
        return QRectF(PAD + LABEL_W + col * w, PAD + HEAD_H + row * CELL_H, w, CELL_H)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        col = int((pos.x() - PAD - LABEL_W) // self.cell_w())
        row = int((pos.y() - PAD - HEAD_H) // CELL_H)
        if pos.x() < PAD + LABEL_W or pos.y() < PAD + HEAD_H:
            return None
        if 0 <= row < len(self.grid.rows) and 0 <= col < len(self.grid.cols):
            return row, col
        return None

    def is_empty(self, row: int, col: int) -> bool:
        return self.grid.values[row][col] == 0

    # --- painting -----------------------------------------------------------------------

    def _fill(self, value: int, top: int) -> QColor:
        """From the card colour (little) to the selection blue (the most in this journey)."""
        base, full = QColor(self.theme.card), QColor(self.theme.selection)
        t = 0.18 + 0.72 * (value / top) if top else 0.0
        return QColor(
            round(base.red() + (full.red() - base.red()) * t),
            round(base.green() + (full.green() - base.green()) * t),
            round(base.blue() + (full.blue() - base.blue()) * t),
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        g, th = self.grid, self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(th.card))
        metrics = QFontMetrics(self.font())
        text, muted = QColor(th.text), QColor(th.muted_text)
        w = self.cell_w()
        p.setPen(muted)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.85)  # stage names have two short lines
        p.setFont(small)
        head = QFontMetrics(small)
        line_h = head.lineSpacing()
        for col, (_cid, name) in enumerate(g.cols):
            lines = two_lines(head, name, int(w - 2))
            y = PAD + HEAD_H - 4 - line_h * len(lines)
            for k, line in enumerate(lines):
                box = QRectF(PAD + LABEL_W + col * w + 1, y + k * line_h, w - 2, line_h)
                p.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), line)
        p.setFont(self.font())
        top = max((v for row in g.values for v in row), default=0)
        for row, (_rid, name) in enumerate(g.rows):
            label = QRectF(PAD, PAD + HEAD_H + row * CELL_H, LABEL_W - 6, CELL_H)
            p.setPen(text)
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            p.drawText(
                label, int(align), metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(label.width()))
            )
            for col in range(len(g.cols)):
                self._cell(p, row, col, top)

    def _cell(self, p: QPainter, row: int, col: int, top: int) -> None:
        th = self.theme
        rect = self.cell_rect(row, col).adjusted(2, 2, -2, -2)
        value = self.grid.values[row][col]
        if value == 0:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(th.negative), 1.5, Qt.PenStyle.DashLine))
            p.drawRoundedRect(rect, 3, 3)
            p.setPen(QColor(th.negative))
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "–")
        else:
            fill = self._fill(value, top)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(fill)
            p.drawRoundedRect(rect, 3, 3)
            p.setPen(QColor(ink_on(fill.name())))
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(value))
        if self.current == (row, col) and self.hasFocus():
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(th.text), 2))
            p.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 3, 3)

    # --- input --------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.current = cell
        self.update()
        self._emit(cell)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        g = self.grid
        if not g.rows or not g.cols:
            super().keyPressEvent(event)
            return
        row, col = self.current or (0, 0)
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
        }
        key = Qt.Key(event.key())
        if key in moves:
            dr, dc = moves[key]
            self.current = (min(max(row + dr, 0), len(g.rows) - 1), min(max(col + dc, 0), len(g.cols) - 1))
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.current = (row, col)
            self._emit((row, col))
        else:
            super().keyPressEvent(event)

    def _emit(self, cell: tuple[int, int]) -> None:
        row, col = cell
        self.cell_clicked.emit(self.grid.rows[row][0], self.grid.cols[col][0])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), tooltip(self.cell_text(*cell)), self)

    def cell_text(self, row: int, col: int) -> str:
        """What the tooltip says about a cell."""
        g = self.grid
        persona, stage = g.rows[row][1], g.cols[col][1]
        detail = g.details[row][col] if g.details else ""
        if g.values[row][col] == 0:
            return f"{persona} — {stage}: nothing yet. Click to select the stage."
        return f"{persona} — {stage}: {detail}" if detail else f"{persona} — {stage}"


def two_lines(metrics: QFontMetrics, text: str, width: int) -> list[str]:
    """`text` wrapped at spaces into at most two lines of `width`, the rest elided."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < 2:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if len(lines) == 1 and words:
            line = " ".join([line, *words])
            words = []
        lines.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
    return lines
