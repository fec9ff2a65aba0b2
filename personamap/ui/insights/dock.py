"""The Insights dock: the lint's findings and the coverage of journeys and evidence, kept up
to date a moment after the last edit (debounced, so typing never waits for it), and a way from
each finding or empty cell to the place on the canvas, framed the way Find frames a match."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QTabWidget

from ...document import Document
from ...insights.coverage import coverage_matrix
from ...insights.evidence import persona_evidence
from ...insights.lint import lint
from ...style import Theme
from .coverage_panel import CoveragePanel
from .findings import FindingsPanel
from .places import first_place, locate

DEBOUNCE_MS = 300


class InsightsDock(QDockWidget):
    """`window.features["insights"]`; `refresh()` recomputes at once (tests, first show)."""

    def __init__(self, window: Any) -> None:
        super().__init__("Insights", window)
        self.setObjectName("insights")
        self.main_window = window
        self.findings = FindingsPanel()
        self.coverage = CoveragePanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("insights_tabs")
        self.tabs.addTab(self.findings, "Findings")
        scroll = QScrollArea()  # a short dock scrolls rather than squeezing the map
        scroll.setWidget(self.coverage)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs.addTab(scroll, "Coverage")
        self.setWidget(self.tabs)
        self.setMinimumWidth(300)
        self.findings.chosen.connect(self.show_finding)
        self.coverage.stage_chosen.connect(self.show_stage)
        self.coverage.persona_chosen.connect(lambda pid: self._frame({"kind": "persona", "id": pid}, ""))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self._document: Document | None = None
        self._stale = True
        self.wanted = False
        """Shown from View ▸ Insights; stays as the person left it when a project opens."""
        self.visibilityChanged.connect(self._on_visible)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        window.files.document_changed.connect(self.set_document)
        self.set_document(window.document)
        self.apply_theme(window.tabs.theme)
        self.toggleViewAction().triggered.connect(self._want)

    def _want(self, shown: bool) -> None:
        self.wanted = shown

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wanted = False
        super().closeEvent(event)

    def apply_theme(self, theme: Theme) -> None:
        self.coverage.set_theme(theme)

    # --- following the document ---------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._edited)
            self._document.replaced.disconnect(self._edited)
        self._document = document
        if document is not None:
            document.changed.connect(self._edited)
            document.replaced.connect(self._edited)
        self._stale = True
        self.timer.stop()
        self.setVisible(self.wanted and document is not None)  # the window shows every dock
        if document is None:
            self.findings.set_findings([])
            self.coverage.set_data([], [])
        elif self.isVisible():
            self.refresh()

    def _edited(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            self.timer.start()  # restarts: the refresh waits for a pause in the editing

    def _on_visible(self, visible: bool) -> None:
        if visible and self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Recompute findings and coverage from the document as it is now."""
        self.timer.stop()
        document = self._document
        if document is None:
            return
        project = document.project
        self.findings.set_findings(lint(project, dt.date.today()))
        self.coverage.set_data(coverage_matrix(project), persona_evidence(project))
        self._stale = False

    # --- going to the place -------------------------------------------------------------

    def _current_board(self) -> str | None:
        view = self.main_window.tabs.current_view()
        return view.board_scene.board_id if view is not None else None

    def show_finding(self, finding: Any) -> None:
        """Select and frame the place a finding is about."""
        document = self._document
        if document is None:
            return
        match = first_place(document.project, finding.where, self._current_board(), finding.message)
        if match is None:
            self.main_window.show_message(f"{finding.message} (shown on no board)")
            return
        self._find_bar().jump(match)

    def show_stage(self, _journey_id: str, stage_id: str, _persona_id: str) -> None:
        """Select the stage of a heat-map cell on the journey's map (its id names the journey)."""
        matrix = self.coverage.matrix()
        names = dict(matrix.stages) if matrix is not None else {}
        label = f"{matrix.journey} — {names.get(stage_id, '')}" if matrix is not None else ""
        self._frame({"kind": "stage", "id": stage_id, "name": label}, label)

    def _frame(self, place: dict[str, str], label: str) -> None:
        document = self._document
        if document is None:
            return
        match = locate(document.project, place, self._current_board(), label)
        if match is None:
            self.main_window.show_message("That is shown on no board yet.")
            return
        self._find_bar().jump(match)

    def _find_bar(self) -> Any:
        return self.main_window.features["editing"].find
