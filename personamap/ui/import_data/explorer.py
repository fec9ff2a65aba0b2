"""The segment explorer: the segments found (size, share, niche), what sets the selected one
apart, two segments side by side, and how well each k tried fits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...data.cluster import Score
from ...data.segment import Segmentation
from . import compare
from .quality_chart import QualityChart


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def rows_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for section in range(1, len(headers)):
        header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill(table: QTableWidget, rows: list[compare.Row]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate((row.attribute, *row.figures)):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class SegmentExplorer(QWidget):
    """Shows one `Segmentation` (`show_segmentation`); empty until then."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.segmentation: Segmentation | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Segments")
        self.list.currentRowChanged.connect(self._show_apart)
        self.apart_title = plain_label("Find segments to see what sets each apart.")
        self.apart = rows_table(["Attribute", "Here", "Overall"])
        self.first, self.second = QComboBox(), QComboBox()
        self.first.setAccessibleName("First segment to compare")
        self.second.setAccessibleName("Second segment to compare")
        for combo in (self.first, self.second):
            combo.currentIndexChanged.connect(lambda _i: self._compare())
        self.comparison = rows_table(["Attribute", "First", "Second", "Overall"])
        self.chart = QualityChart()
        self.quality = plain_label()
        self.quality.setWordWrap(True)

        picker = QHBoxLayout()
        picker.addWidget(plain_label("Compare"))
        picker.addWidget(self.first, 1)
        picker.addWidget(plain_label("with"))
        picker.addWidget(self.second, 1)
        left = QVBoxLayout()
        left.addWidget(plain_label("Segments"))
        left.addWidget(self.list, 1)
        left.addWidget(self.chart, 1)
        left.addWidget(self.quality)
        right = QVBoxLayout()
        right.addWidget(self.apart_title)
        right.addWidget(self.apart, 1)
        right.addLayout(picker)
        right.addWidget(self.comparison, 1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

    def show_segmentation(self, segmentation: Segmentation) -> None:
        self.segmentation = segmentation
        segments = segmentation.segments
        self.list.clear()
        for segment in segments:
            self.list.addItem(QListWidgetItem(compare.summary(segment)))
        for combo, pick in ((self.first, 0), (self.second, 1)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([compare.title(s) for s in segments])
            combo.setCurrentIndex(min(pick, len(segments) - 1))
            combo.blockSignals(False)
        quality = segmentation.quality
        tried = list(quality.tried) or [Score(quality.k, quality.silhouette, quality.stability)]
        self.chart.set_scores(tried, quality.k)
        how = "chosen automatically" if quality.tried else "as asked"
        self.quality.setText(
            f"k = {quality.k} ({how}): silhouette {quality.silhouette:.2f}, "
            f"stability {quality.stability:.2f}; {segmentation.rows_used:,} rows used."
        )
        self.list.setCurrentRow(0)
        self._compare()

    def clear(self) -> None:
        self.segmentation = None
        self.list.clear()
        self.first.clear()
        self.second.clear()
        self.apart.setRowCount(0)
        self.comparison.setRowCount(0)
        self.chart.set_scores([], 0)
        self.quality.setText("")
        self.apart_title.setText("Find segments to see what sets each apart.")

    def _show_apart(self, row: int) -> None:
        if self.segmentation is None or not 0 <= row < len(self.segmentation.segments):
            self.apart.setRowCount(0)
            return
        segment = self.segmentation.segments[row]
        self.apart_title.setText(f"What sets {compare.summary(segment)} apart")
        fill(self.apart, compare.apart(segment))

    def _compare(self) -> None:
        if self.segmentation is None:
            return
        a, b = self.first.currentIndex(), self.second.currentIndex()
        segments = self.segmentation.segments
        if not (0 <= a < len(segments) and 0 <= b < len(segments)):
            self.comparison.setRowCount(0)
            return
        self.comparison.setHorizontalHeaderLabels(
            ["Attribute", compare.title(segments[a]), compare.title(segments[b]), "Overall"]
        )
        fill(self.comparison, compare.side_by_side(segments[a], segments[b]))
