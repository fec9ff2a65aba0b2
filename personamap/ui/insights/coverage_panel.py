"""The Coverage tab: a journey chooser over the persona × stage heat map of that journey
(personamap/insights/coverage.py), then one row per persona with its evidence coverage as a
bar and the kinds of source behind it (personamap/insights/evidence.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...insights.coverage import JourneyMatrix
from ...insights.evidence import PersonaEvidence
from ...style import LIGHT, Theme
from ..plain import tooltip
from .heatmap import Grid, HeatMap

ROLE = Qt.ItemDataRole.UserRole


def grid_of(matrix: JourneyMatrix) -> Grid:
    """The heat map's grid for one journey."""
    values = [[cell.count for cell in row] for row in matrix.cells]
    details = [
        [
            f"{cell.notes} note{'s' * (cell.notes != 1)}, {cell.scores} score{'s' * (cell.scores != 1)}"
            for cell in row
        ]
        for row in matrix.cells
    ]
    return Grid(list(matrix.personas), list(matrix.stages), values, details)


def plain_label(text: str = "", muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if muted:
        label.setStyleSheet("color: palette(placeholder-text);")
    return label


class BarDelegate(QStyledItemDelegate):
    """Paints the evidence column as a bar with its percentage beside it."""

    def __init__(self, panel: CoveragePanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        share = index.data(ROLE)
        if not isinstance(share, float):
            super().paint(painter, option, index)
            return
        theme = self.panel.theme
        rect: QRect = option.rect.adjusted(4, 0, -4, 0)
        label_w = 40
        bar = QRect(rect.left(), rect.center().y() - 4, max(10, rect.width() - label_w - 6), 8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.plot_grid))
        painter.drawRoundedRect(bar, 4, 4)
        filled = QRect(bar.left(), bar.top(), round(bar.width() * share), bar.height())
        painter.setBrush(QColor(theme.selection if share >= 0.5 else theme.negative))
        if filled.width() > 0:
            painter.drawRoundedRect(filled, 4, 4)
        painter.setPen(QColor(theme.text))
        text_box = QRect(bar.right() + 6, rect.top(), label_w, rect.height())
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
        painter.drawText(text_box, int(align), f"{share * 100:.0f} %")
        painter.restore()


class CoveragePanel(QWidget):
    """`stage_chosen(journey_id, stage_id, persona_id)` from a heat-map cell,
    `persona_chosen(persona_id)` from an evidence row."""

    stage_chosen = Signal(str, str, str)
    persona_chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.theme: Theme = LIGHT
        self.matrices: list[JourneyMatrix] = []
        self.journeys = QComboBox()
        self.journeys.setObjectName("insights_journey")
        self.journeys.currentIndexChanged.connect(self._show_journey)
        self.heatmap = HeatMap()
        self.heatmap.cell_clicked.connect(self._cell_clicked)
        scroll = QScrollArea()
        scroll.setWidget(self.heatmap)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.heat_scroll = scroll
        self.legend = plain_label(
            "A row per persona, a column per stage: the stronger the blue, the more notes and "
            "scores concern that persona there. A dashed cell says nothing yet; click it to "
            "select the stage.",
            muted=True,
        )
        self.summary = plain_label(muted=True)
        self.evidence = QTreeWidget()
        self.evidence.setObjectName("insights_evidence")
        self.evidence.setColumnCount(3)
        self.evidence.setHeaderLabels(["Persona", "Evidence", "Kinds of source"])
        self.evidence.setRootIsDecorated(False)
        self.evidence.setItemDelegateForColumn(1, BarDelegate(self))
        header = self.evidence.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 130)
        header.setStretchLastSection(True)
        self.evidence.setMinimumHeight(150)
        self.evidence.itemClicked.connect(self._evidence_clicked)
        self.evidence.itemActivated.connect(self._evidence_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(plain_label("Journey"))
        layout.addWidget(self.journeys)
        layout.addWidget(self.heat_scroll)
        layout.addWidget(self.summary)
        layout.addWidget(self.legend)
        layout.addWidget(plain_label("Evidence per persona"))
        layout.addWidget(self.evidence, 1)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.heatmap.set_theme(theme)
        self.evidence.viewport().update()

    def set_data(self, matrices: Sequence[JourneyMatrix], evidence: Sequence[PersonaEvidence]) -> None:
        """Show fresh figures, staying on the journey that was chosen."""
        chosen = self.journeys.currentData()
        self.matrices = list(matrices)
        self.journeys.blockSignals(True)
        self.journeys.clear()
        for m in self.matrices:
            self.journeys.addItem(m.journey, m.journey_id)
            self.journeys.setItemData(
                self.journeys.count() - 1, tooltip(m.journey), Qt.ItemDataRole.ToolTipRole
            )
        ids = [m.journey_id for m in self.matrices]
        self.journeys.setCurrentIndex(ids.index(chosen) if chosen in ids else (0 if ids else -1))
        self.journeys.blockSignals(False)
        self._show_journey()
        self._fill_evidence(evidence)

    def matrix(self) -> JourneyMatrix | None:
        k = self.journeys.currentIndex()
        return self.matrices[k] if 0 <= k < len(self.matrices) else None

    def _show_journey(self, _index: int = 0) -> None:
        m = self.matrix()
        self.heatmap.set_grid(grid_of(m) if m is not None else Grid())
        bar = self.heat_scroll.horizontalScrollBar().sizeHint().height()
        self.heat_scroll.setFixedHeight(min(self.heatmap.sizeHint().height() + bar + 2, 320))
        if m is None:
            self.summary.setText("No journey in this project yet.")
        elif not m.personas:
            self.summary.setText("This journey follows no persona yet.")
        else:
            empty = len(m.empty_cells())
            self.summary.setText(
                f"{empty} empty cell{'s' * (empty != 1)} of {len(m.personas) * len(m.stages)}"
            )

    def _fill_evidence(self, evidence: Sequence[PersonaEvidence]) -> None:
        self.evidence.clear()
        for row in evidence:
            kinds = ", ".join(k.replace("_", " ") for k in row.kinds) or "no source cited"
            item = QTreeWidgetItem([row.persona, "", kinds])
            item.setData(0, ROLE, row.persona_id)
            item.setData(1, ROLE, float(row.coverage))
            share = f"{row.coverage * 100:.0f} %"
            item.setToolTip(1, tooltip(f"{row.cited} of {row.citable} entries cite a source ({share})"))
            item.setToolTip(0, tooltip(row.persona))
            item.setToolTip(2, tooltip(kinds))
            self.evidence.addTopLevelItem(item)

    def _cell_clicked(self, persona_id: str, stage_id: str) -> None:
        m = self.matrix()
        if m is not None:
            self.stage_chosen.emit(m.journey_id, stage_id, persona_id)

    def _evidence_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.persona_chosen.emit(str(item.data(0, ROLE)))
