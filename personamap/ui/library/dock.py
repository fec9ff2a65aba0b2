"""The Library dock: the project's personas and the research library (the sources anything may
cite) as two tabs, each a list with the dock's height to itself, above the palette of elements,
on the left.

It also gives every board view a drop handler (canvas.drop) as views appear, and places
entries at the centre of the current view for keyboard users.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...canvas.drop import DropHandler, install_drop
from ...canvas.images import IMAGE_SUFFIXES
from ...canvas.payload import Payload
from ...document import Document
from .palette import PaletteList, element_entries, note_entries
from .personas import PersonaPanel
from .research import ResearchPanel


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    font.setPixelSize(11)
    font.setCapitalization(font.Capitalization.AllUppercase)
    font.setLetterSpacing(font.SpacingType.AbsoluteSpacing, 0.6)
    label.setFont(font)
    label.setStyleSheet("color: palette(placeholder-text); padding: 8px 8px 2px 8px;")  # muted_text
    return label


class LibraryDock(QDockWidget):
    def __init__(self, window: Any) -> None:
        super().__init__("Library", window)
        self.setObjectName("library")
        self.window_ = window
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.personas = PersonaPanel(window.show_message)
        self.personas.persona_activated.connect(
            lambda pid: self.place_at_center(Payload("persona", persona_id=pid))
        )
        self.elements = PaletteList(element_entries(), QSize(80, 68), "palette_elements")
        self.notes = PaletteList(note_entries(), QSize(36, 40), "palette_notes")
        for palette in (self.elements, self.notes):
            palette.place_requested.connect(self.place_at_center)

        self.research = ResearchPanel(window)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("library_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.personas, "Personas")
        self.tabs.addTab(self.research, "Research library")
        self.research.revealed.connect(lambda: self.tabs.setCurrentWidget(self.research))
        self.personas.model.modelReset.connect(self._count_tabs)
        self.research.count_changed.connect(lambda _n: self._count_tabs())

        palette = QWidget()
        palette_layout = QVBoxLayout(palette)
        palette_layout.setContentsMargins(0, 0, 0, 0)
        palette_layout.setSpacing(0)
        palette_layout.addWidget(_heading("Elements"))
        palette_layout.addWidget(self.elements)
        palette_layout.addWidget(_heading("Sticky notes"))
        palette_layout.addWidget(self.notes)
        palette_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(palette)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 1)  # the lists take what the palette leaves
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.setWidget(self.splitter)
        self.setMinimumWidth(260)

        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        window.files.document_changed.connect(self.set_document)
        window.tabs.current_view_changed.connect(self.adopt_view)
        self.set_document(window.document)

    # --- wiring -------------------------------------------------------------------------

    def _count_tabs(self) -> None:
        """Each tab says how many it holds, so the hidden one is not forgotten."""
        for panel, name, count in (
            (self.personas, "Personas", self.personas.model.rowCount()),
            (self.research, "Research library", self.research.model.rowCount()),
        ):
            self.tabs.setTabText(self.tabs.indexOf(panel), f"{name} ({count})" if count else name)

    def set_document(self, document: Document | None) -> None:
        self.personas.set_document(document)
        self.research.set_document(document)
        for palette in (self.elements, self.notes):
            palette.setEnabled(document is not None)
        self.adopt_view(self.window_.tabs.current_view())

    def adopt_view(self, view: Any) -> DropHandler | None:
        """Give a board view its drop handler (once; views announce themselves often)."""
        if view is None:
            return None
        return install_drop(view, self.window_.show_message, lambda: self.pick_image())

    def drop_handler(self) -> DropHandler | None:
        return self.adopt_view(self.window_.tabs.current_view())

    # --- keyboard placement -------------------------------------------------------------

    def place_at_center(self, payload: Payload) -> str | None:
        """Place an entry in the middle of the visible part of the current board."""
        view = self.window_.tabs.current_view()
        handler = self.drop_handler()
        if view is None or handler is None:
            self.window_.show_message("Open a board to place elements on it")
            return None
        center = view.mapToScene(view.viewport().rect().center())
        return handler.place(payload, center)

    def pick_image(self) -> Path | None:
        """Ask for an image file (tests replace this)."""
        patterns = " ".join(f"*{s}" for s in IMAGE_SUFFIXES)
        path, _filter = QFileDialog.getOpenFileName(self, "Place an image", "", f"Images ({patterns})")
        return Path(path) if path else None
