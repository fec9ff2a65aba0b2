"""The editor window. It only composes: file handling, board tabs, docks and menus live in
their own modules; this file wires them together."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QStackedWidget

from ..document import Document
from ..io import EXTENSION
from ..model import Project
from .actions import ActionRegistry, ActionSpec
from .board_tabs import BoardTabs
from .features import install_all
from .files import FileController
from .plain import plain_action

if TYPE_CHECKING:
    from .start_page import StartPage

SK = QKeySequence.StandardKey


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.resize(1400, 900)
        self.setAcceptDrops(True)
        self.files = FileController(self)
        self.files.document_changed.connect(self._on_document)
        self.tabs = BoardTabs()
        self.tabs.error.connect(self.show_message)
        self.tabs.current_view_changed.connect(self._on_view)
        self.tabs.view_created.connect(self._apply_grid)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.zoom_label = QLabel("100%")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.actions = ActionRegistry(self)
        self._build_actions()
        self._build_menus()
        self.edit_menu_extensions: list = []  # callables(menu) that append to the Edit menu
        self.features = install_all(self)
        self._on_document(None)

    # --- composition --------------------------------------------------------------------

    def _build_actions(self) -> None:
        f, v = self.files, self._view_call
        self.actions.add(
            ActionSpec("file.new", "&New…", lambda: self.start_page.show_templates(), SK.New),
            ActionSpec("file.open", "&Open…", f.open_dialog, SK.Open),
            ActionSpec("file.save", "&Save", f.save, SK.Save),
            ActionSpec("file.save_as", "Save &As…", f.save_as, SK.SaveAs),
            ActionSpec("file.close", "&Close", self._close_document, SK.Close),
            ActionSpec("file.quit", "&Quit", self.close, SK.Quit),
            ActionSpec("view.zoom_in", "Zoom &In", lambda: v("zoom_in"), SK.ZoomIn),
            ActionSpec("view.zoom_out", "Zoom &Out", lambda: v("zoom_out"), SK.ZoomOut),
            ActionSpec("view.zoom_fit", "Zoom to &Fit", lambda: v("zoom_to_fit"), "Ctrl+1"),
            ActionSpec("view.zoom_100", "&Actual Size", lambda: v("zoom_actual"), "Ctrl+0"),
            ActionSpec("view.grid", "Show &Grid", self._toggle_grid, checkable=True),
            ActionSpec("view.snap", "&Snap to Grid", self._toggle_grid, checkable=True),
            ActionSpec("board.add", "&Add Board", lambda: self.tabs.add_board()),
            ActionSpec("board.rename", "&Rename Board…", self._rename_current_board),
            ActionSpec("board.delete", "&Delete Board", self._delete_current_board),
        )
        self.actions["view.grid"].setChecked(True)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = self.actions.fill_menu(
            bar,
            "&File",
            ["file.new", "file.open", None, "file.save", "file.save_as", None, "file.close", "file.quit"],
        )
        self.recent_menu = self.file_menu.addMenu("Open &Recent")
        self.file_menu.insertMenu(self.actions["file.save"], self.recent_menu)
        self.files.recent_changed.connect(self._fill_recent)
        self._fill_recent()
        self.edit_menu = bar.addMenu("&Edit")
        self.actions.fill_menu(
            bar,
            "&View",
            [
                "view.zoom_in",
                "view.zoom_out",
                "view.zoom_fit",
                "view.zoom_100",
                None,
                "view.grid",
                "view.snap",
            ],
        )
        self.actions.fill_menu(bar, "&Board", ["board.add", "board.rename", "board.delete"])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent_files():
            action = self.recent_menu.addAction("", lambda p=path: self.files.open_path(p))
            plain_action(action, str(path))
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear Recent Files", self.files.clear_recent)

    # --- document -----------------------------------------------------------------------

    @cached_property
    def start_page(self) -> StartPage:
        """Built when first shown: a window opened on a file never needs it."""
        from .start_page import StartPage

        page = StartPage(self.files)
        self.stack.addWidget(page)
        return page

    @property
    def document(self) -> Document | None:
        return self.files.document

    def open_path(self, path: Path) -> bool:
        return self.files.open_path(path)

    def new_project(self, project: Project) -> None:
        self.files.new_project(project)

    def _on_document(self, document: Document | None) -> None:
        self.tabs.set_document(document)
        if document is not None or self.isVisible():
            self._show_central()
        for dock in self.findChildren(QDockWidget):  # the start page stands alone
            dock.setVisible(document is not None)
        self._rebuild_edit_menu()
        for action_id in (
            "file.save",
            "file.save_as",
            "file.close",
            "board.add",
            "board.rename",
            "board.delete",
        ):
            self.actions[action_id].setEnabled(document is not None)
        if document is not None:
            document.modified_changed.connect(lambda _m: self._update_title())
            document.path_changed.connect(self._update_title)
        self._update_title()

    def _rebuild_edit_menu(self) -> None:
        self.edit_menu.clear()
        doc = self.document
        if doc is None:
            return
        undo = doc.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(SK.Undo)
        redo = doc.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts(SK.Redo)
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        for extend in self.edit_menu_extensions:
            extend(self.edit_menu)

    def _update_title(self) -> None:
        doc = self.document
        if doc is None:
            self.setWindowTitle("personamap")
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{doc.display_name()}[*] — personamap")
        self.setWindowModified(doc.is_modified)

    def _close_document(self) -> None:
        if self.files.close_document():
            self.files.set_document(None)

    def _show_central(self) -> None:
        self.stack.setCurrentWidget(self.tabs if self.document is not None else self.start_page)

    def showEvent(self, event: QShowEvent) -> None:
        self._show_central()  # the start page, if the window shows with no project
        super().showEvent(event)

    # --- views --------------------------------------------------------------------------

    def _view_call(self, method: str) -> None:
        view = self.tabs.current_view()
        if view is not None:
            getattr(view, method)()

    def _on_view(self, view: object) -> None:
        if view is None:
            return
        view.zoom_changed.connect(self._show_zoom, Qt.ConnectionType.UniqueConnection)
        self._show_zoom(view.zoom())

    def _apply_grid(self, view: object) -> None:
        """The View menu's grid and snapping hold for every board, built now or later."""
        view.board_scene.grid_visible = self.actions["view.grid"].isChecked()
        view.board_scene.snap_to_grid = self.actions["view.snap"].isChecked()
        view.viewport().update()

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    def _toggle_grid(self) -> None:
        for view in self.tabs.views.values():
            self._apply_grid(view)

    def _current_board_id(self) -> str | None:
        view = self.tabs.current_view()
        return view.board_scene.board_id if view else None

    def _rename_current_board(self) -> None:
        board_id = self._current_board_id()
        if board_id:
            self.tabs.rename_board(board_id)

    def _delete_current_board(self) -> None:
        board_id = self._current_board_id()
        if board_id:
            self.tabs.delete_board(board_id)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    # --- window -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.close_document():
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.toLocalFile().lower().endswith(EXTENSION) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            if path.lower().endswith(EXTENSION):
                event.acceptProposedAction()
                self.open_path(Path(path))
                return
