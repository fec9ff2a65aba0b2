"""The research library: every source of the project as a compact list, searchable, where
sources are added, removed and put in order (the arrows, or drag a row). Anything in the
project may cite any of them (docs/DOMAIN.md); removing a source drops its citations in the
same undo step (ops.remove_source).

Picking a source opens it in the Inspector, where everything else is edited too: the dock is
wide and tall enough for its fields there, and the list keeps its room for the sources.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ...document import Document
from ...model import Project, Source, ops
from ..inspector.widgets import plain_label
from .delegates import SourceRowDelegate
from .personas import PersonaList
from .row_filter import RowFilter
from .source_model import ID_ROLE, SourceListModel, rows_of


class ResearchPanel(QWidget):
    """The research library in the Library dock; it follows the open document."""

    revealed = Signal()  # asks the dock to bring the panel forward
    count_changed = Signal(int)

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.setObjectName("research_library")
        self.window_ = window
        self.document: Document | None = None
        self._syncing = False
        self.model = SourceListModel(self)
        self.proxy = RowFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("source_search")
        self.search.setPlaceholderText("Search title, kind or file")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)

        self.view = PersonaList()  # Delete deletes the picked source, not the board's selection
        self.view.setObjectName("source_list")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(SourceRowDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # drag a row to reorder: the model takes only its own rows, and moves rather than drops
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.model.move_requested.connect(self.move_to)
        self.search.textChanged.connect(lambda text: self.view.setDragEnabled(not text.strip()))
        self.view.clicked.connect(self._open)
        self.view.activated.connect(lambda index: self._open(index, focus=True))  # Return: to its title
        self.view.selectionModel().currentChanged.connect(lambda index, _old: self._open(index))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.delete_requested.connect(self.delete_selected)
        self.empty = plain_label(
            "No sources yet: add the interviews, surveys and data your personas rest on.",
            object_name="muted",
            wrap=True,
        )
        self.empty.setStyleSheet("color: palette(placeholder-text);")

        self.add_button = self._button("+ Add source", "source_add", "Add a source to the library", self.add)
        self.delete_button = self._button(
            "Delete", "source_delete", "Delete the source", self.delete_selected
        )
        self.up_button = self._button("▲", "source_up", "Move up", lambda: self.move_selected(-1))
        self.down_button = self._button("▼", "source_down", "Move down", lambda: self.move_selected(1))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        for button in (self.add_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addStretch(0)  # takes the list's room while there is no list
        self.box = layout
        self._update_buttons()

    def _button(self, text: str, name: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- model -> list ------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if document is not self.document and document is not None:
            unique = Qt.ConnectionType.UniqueConnection
            document.changed.connect(self._on_changed, unique)
            document.replaced.connect(self.refresh, unique)
        self.document = document
        self.refresh()

    def _on_changed(self, _changes: ops.Changes, _initiator: object) -> None:
        self.refresh()  # a citation anywhere changes a count: 40 rows are cheap to copy

    def refresh(self) -> None:
        """Show the project's sources, keeping the picked one while it exists."""
        doc = self.document
        rows = rows_of(doc.project) if doc is not None else []
        chosen = self.selected_id()
        self._syncing = True
        try:
            self.model.set_rows(rows)
            if chosen is not None:
                self.select(chosen)
        finally:
            self._syncing = False
        empty = not rows and doc is not None
        self.empty.setVisible(empty)
        self.search.setVisible(not empty)
        self.view.setVisible(not empty)
        self.box.setStretch(self.box.count() - 1, 1 if empty else 0)
        self.count_changed.emit(len(rows))
        self._update_buttons()

    def selected_id(self) -> str | None:
        indexes = self.view.selectionModel().selectedIndexes()
        return indexes[0].data(ID_ROLE) if indexes else None

    def index_of(self, source_id: str) -> QModelIndex:
        """The list's (filtered) index of a source; invalid when it is filtered out."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == source_id:
                return index
        return QModelIndex()

    def select(self, source_id: str) -> bool:
        """Pick a source in the list (the search is cleared when it hides the source)."""
        index = self.index_of(source_id)
        if not index.isValid() and self.proxy.query:
            self.search.clear()
            index = self.index_of(source_id)
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.view.scrollTo(index)
        return True

    def _update_buttons(self) -> None:
        has = self.document is not None
        chosen = self.selected_id()
        ids = [r.id for r in self.model.rows]
        row = ids.index(chosen) if chosen in ids else -1
        self.add_button.setEnabled(has)
        self.delete_button.setEnabled(has and chosen is not None)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and 0 <= row < len(self.model.rows) - 1)

    # --- list -> inspector and ops ------------------------------------------------------

    def _open(self, index: QModelIndex, *, focus: bool = False) -> None:
        source_id = index.data(ID_ROLE) if index.isValid() else None
        if source_id and not self._syncing:
            self.open_source(source_id, focus=focus)

    def open_source(self, source_id: str, *, focus: bool = False) -> bool:
        """Show a source's fields in the Inspector (the cursor in its title when `focus`)."""
        inspector = self.window_.features.get("inspector")
        return inspector is not None and inspector.show_source(source_id, focus=focus)

    def _apply(self, build: Callable[[Project], ops.Op]) -> bool:
        return self.document is not None and self.document.try_apply(build)

    def add(self) -> str | None:
        """Add an empty source at the end and open it with the cursor in its title."""
        source = Source()
        if not self._apply(lambda p: ops.add_source(p, source)):
            return None
        self.reveal_source(source.id, focus=True)
        return source.id

    def delete_selected(self) -> bool:
        """Delete the picked source and its citations (one undo step), picking the next one."""
        source_id = self.selected_id()
        doc = self.document
        if source_id is None or doc is None or doc.project.source(source_id) is None:
            return False
        row = self.view.currentIndex().row()
        if not self._apply(lambda p: ops.remove_source(p, source_id)):
            return False
        if self.proxy.rowCount():
            index = self.proxy.index(min(row, self.proxy.rowCount() - 1), 0)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.window_.show_message(f"{doc.undo_stack.undoText()} (Undo brings it back)")
        return True

    def move_selected(self, delta: int) -> bool:
        """Move the picked source up (-1) or down (+1) in the library."""
        source_id = self.selected_id()
        ids = [r.id for r in self.model.rows]
        if source_id is None or source_id not in ids:
            return False
        moved = self.move_to(source_id, ids.index(source_id) + delta)
        self.view.setFocus()
        return moved

    def move_to(self, source_id: str, index: int) -> bool:
        """Move a source to `index` of the library (the buttons, a dropped row), kept picked."""
        if not 0 <= index < len(self.model.rows):
            return False
        if not self._apply(lambda p: ops.move_source(p, source_id, index)):
            return False
        self._syncing = True
        try:
            self.select(source_id)
        finally:
            self._syncing = False
        return True

    def reveal_source(self, source_id: str, *, focus: bool = False) -> bool:
        """Bring the library forward with a source picked and open in the Inspector (Find,
        Insights, "Add source…" in a persona's form, with the cursor in its title when
        `focus`); False when the project has no such source."""
        self.refresh()
        self.revealed.emit()
        self._syncing = True
        try:
            picked = self.select(source_id)
        finally:
            self._syncing = False
        return picked and self.open_source(source_id, focus=focus)
