"""The Personas panel of the library: search, the list (drag a row onto a board), and New /
Duplicate / Delete, each one undoable op."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...canvas.create import DEFAULT_PERSONA_TEMPLATE, new_persona
from ...document import Document
from ...model import Project, ops
from ...resources import list_persona_templates
from ..dialogs import run_plain
from .delegates import PersonaRowDelegate
from .persona_model import ID_ROLE, PersonaListModel, rows_of
from .row_filter import RowFilter


def persona_usage(project: Project, persona_id: str) -> list[str]:
    """Where a persona is used, in words, for the delete confirmation ("2 cards on “Personas”")."""
    places: list[str] = []
    for board in project.boards:
        cards = sum(1 for e in board.elements if e.type == "persona_card" and e.persona_id == persona_id)
        if cards:
            places.append(f"{'a card' if cards == 1 else f'{cards} cards'} on the board “{board.name}”")
    places += [f"the journey “{j.title}”" for j in project.journeys if persona_id in j.persona_ids]
    places += [f"the empathy map “{m.title}”" for m in project.empathy_maps if m.persona_id == persona_id]
    relations = sum(1 for r in project.relations if persona_id in (r.source_id, r.target_id))
    if relations:
        places.append(f"{relations} relation{'s' if relations > 1 else ''} to other personas")
    return places


def confirm_delete(parent: QWidget, name: str, places: list[str]) -> bool:
    """Ask before deleting a persona that is in use, saying where (plain text only)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Delete persona",
        f"Delete “{name}”?",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("confirm_delete_persona")
    box.setInformativeText(
        "It is used in:\n• " + "\n• ".join(places) + "\n\nIts cards go with it; you can undo this."
    )
    delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    run_plain(box)
    return box.clickedButton() is delete


class PersonaList(QListView):
    """The list; Delete deletes, Return places a card (activated)."""

    delete_requested = Signal()

    @staticmethod
    def _is_delete(event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace

    def event(self, event: QEvent) -> bool:
        # Delete here means this persona, not the canvas selection (the window's Delete action)
        if event.type() == QEvent.Type.ShortcutOverride and self._is_delete(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_delete(event):
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PersonaPanel(QWidget):
    persona_activated = Signal(str)  # place a card of this persona (Return, double-click)

    def __init__(self, show_message: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.show_message = show_message
        self.confirm: Callable[[QWidget, str, list[str]], bool] = confirm_delete
        self.model = PersonaListModel(self)
        self.proxy = RowFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("persona_search")
        self.search.setPlaceholderText("Search name, role or tag")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)

        self.view = PersonaList()
        self.view.setObjectName("persona_list")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(PersonaRowDelegate(self.view))
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.activated.connect(self._activated)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.setToolTip("Drag a persona onto a board for its card, or onto a journey or empathy map")

        self.new_button = QToolButton()
        self.new_button.setObjectName("persona_new")
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setDefaultAction(QAction("New", self, triggered=lambda: self.new_persona()))
        self.new_button.defaultAction().setToolTip("New persona")
        self.template_menu = QMenu(self)
        self.template_menu.aboutToShow.connect(self.template_actions)
        self.new_button.setMenu(self.template_menu)
        self.duplicate_button = self._button("Duplicate", "persona_duplicate", self.duplicate_selected)
        self.delete_button = self._button("Delete", "persona_delete", self.delete_selected)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(4)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def template_actions(self) -> list[QAction]:
        """New persona from each bundled template; read when a menu first shows them."""
        if not self.template_menu.actions():
            for template in list_persona_templates():
                action = self.template_menu.addAction(
                    template.title, lambda n=template.name: self.new_persona(n)
                )
                action.setToolTip(template.description)
                action.setObjectName(f"persona_template_{template.name}")
        return self.template_menu.actions()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- model -> list ------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        self.document = document
        if document is not None:
            unique = Qt.ConnectionType.UniqueConnection
            document.changed.connect(self._on_changed, unique)
            document.replaced.connect(self.refresh, unique)
        self.refresh()

    def _on_changed(self, changes: ops.Changes, _initiator: object) -> None:
        doc = self.document
        if doc is None:
            return
        touched = changes.ids()
        shown = {r.id for r in self.model.rows} | {p.id for p in doc.project.personas}
        if doc.project.id in touched or touched & shown:
            self.refresh()

    def refresh(self) -> None:
        """Show the project's personas, keeping the selection when the persona still exists."""
        chosen = self.selected_id()
        self.model.set_rows(rows_of(self.document.project) if self.document else [])
        if chosen is not None:
            self.select(chosen)
        self._update_buttons()

    def selected_id(self) -> str | None:
        indexes = self.view.selectionModel().selectedIndexes()
        return indexes[0].data(ID_ROLE) if indexes else None

    def index_of(self, persona_id: str) -> QModelIndex:
        """The list's (filtered) index of a persona; invalid when it is filtered out."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == persona_id:
                return index
        return QModelIndex()

    def select(self, persona_id: str) -> None:
        index = self.index_of(persona_id)
        if index.isValid():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.view.selectionModel().setCurrentIndex(index, flags)
            self.view.scrollTo(index)

    def _update_buttons(self) -> None:
        has = self.document is not None
        chosen = self.selected_id() is not None
        self.new_button.setEnabled(has)
        self.duplicate_button.setEnabled(has and chosen)
        self.delete_button.setEnabled(has and chosen)

    # --- list -> ops --------------------------------------------------------------------

    def _apply(self, build: Callable[[Project], ops.Op]) -> bool:
        return self.document is not None and self.document.try_apply(build)

    def new_persona(self, template_name: str = DEFAULT_PERSONA_TEMPLATE) -> str | None:
        if self.document is None:
            return None
        persona = new_persona(self.document.project, template_name)
        if not self._apply(lambda p: ops.add_persona(p, persona)):
            return None
        if self.proxy.query and not self.model.rows[-1].matches(self.proxy.query):
            self.search.clear()
        self.select(persona.id)
        self.view.setFocus()
        self.show_message(f"Added “{persona.name}”: drag it onto a board to place its card")
        return persona.id

    def duplicate_selected(self) -> str | None:
        persona_id = self.selected_id()
        if persona_id is None or self.document is None:
            return None
        before = {p.id for p in self.document.project.personas}
        if not self._apply(lambda p: ops.duplicate_persona(p, persona_id)):
            return None
        twin = next(p.id for p in self.document.project.personas if p.id not in before)
        self.search.clear()
        self.select(twin)
        return twin

    def delete_selected(self) -> bool:
        persona_id = self.selected_id()
        doc = self.document
        if persona_id is None or doc is None:
            return False
        persona = doc.project.persona(persona_id)
        if persona is None:
            return False
        places = persona_usage(doc.project, persona_id)
        if places and not self.confirm(self, persona.name, places):
            return False
        row = self.view.currentIndex().row()
        if not self._apply(lambda p: ops.remove_persona(p, persona_id)):
            return False
        if self.proxy.rowCount():
            index = self.proxy.index(min(row, self.proxy.rowCount() - 1), 0)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.show_message(f"Deleted “{persona.name}” (Undo brings it back)")
        return True

    def _activated(self, index: QModelIndex) -> None:
        persona_id = index.data(ID_ROLE)
        if persona_id:
            self.persona_activated.emit(persona_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        menu = QMenu(self)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            persona_id = index.data(ID_ROLE)
            menu.addAction("Place card on board", lambda: self.persona_activated.emit(persona_id))
            menu.addAction("Duplicate", self.duplicate_selected)
            menu.addAction("Delete…", self.delete_selected)
            menu.addSeparator()
        new_menu = menu.addMenu("New persona")
        for action in self.template_actions():
            new_menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))
