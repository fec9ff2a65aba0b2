"""The Library dock: the project's personas, the palette of elements and the research
library (the sources anything may cite), on the left.

It also gives every board view a drop handler (canvas.drop) as views appear, and places
entries at the centre of the current view for keyboard users.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

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

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        top_layout.addWidget(_heading("Personas"))
        top_layout.addWidget(self.personas, 1)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setSpacing(0)
        bottom_layout.addWidget(_heading("Elements"))
        bottom_layout.addWidget(self.elements)
        bottom_layout.addWidget(_heading("Sticky notes"))
        bottom_layout.addWidget(self.notes)
        bottom_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(bottom)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.research = ResearchPanel(window)
        research = QWidget()
        research_layout = QVBoxLayout(research)
        research_layout.setContentsMargins(0, 0, 0, 0)
        research_layout.setSpacing(0)
        research_layout.addWidget(_heading("Research library"))
        research_scroll = QScrollArea()
        research_scroll.setWidget(self.research)
        research_scroll.setWidgetResizable(True)
        research_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        research_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        research_layout.addWidget(research_scroll, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(research)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setWidget(self.splitter)
        self.setMinimumWidth(260)

        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self)
        window.files.document_changed.connect(self.set_document)
        window.tabs.current_view_changed.connect(self.adopt_view)
        self.set_document(window.document)

    # --- wiring -------------------------------------------------------------------------

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
