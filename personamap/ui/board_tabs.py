"""A project's boards as tabs: add, rename, reorder and delete, each an undoable op."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QTabBar, QTabWidget, QToolButton, QVBoxLayout, QWidget

from ..canvas.scene import BoardScene
from ..canvas.view import BoardView
from ..document import Document
from ..model import Project, clean_text, ops
from ..style import LIGHT, Theme
from .plain import action_text


class BoardPage(QWidget):
    """A tab's page; its BoardView (and the scene's items) is built when first needed, so a
    project opens as fast as its first board draws."""

    def __init__(self, board_id: str) -> None:
        super().__init__()
        self.board_id = board_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, view: BoardView) -> None:
        self.layout().addWidget(view)


class BoardTabs(QTabWidget):
    """One page per board, in the project's order; `views` holds the boards built so far
    (the current one, and any a feature asked for through `view_for`)."""

    current_view_changed = Signal(object)  # BoardView | None
    view_created = Signal(object)  # BoardView, before it is shown
    error = Signal(str)  # an edit the document refused (Document.refused), for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.theme: Theme = LIGHT
        self.pages: dict[str, BoardPage] = {}
        self.views: dict[str, BoardView] = {}
        self._syncing = False
        self.setMovable(True)
        self.setDocumentMode(True)
        self.tabBar().tabMoved.connect(self._on_tab_moved)
        self.tabBar().tabBarDoubleClicked.connect(self._rename_at)
        self.tabBar().setContextMenuPolicy(self.tabBar().contextMenuPolicy().CustomContextMenu)
        self.tabBar().customContextMenuRequested.connect(self._context_menu)
        self.currentChanged.connect(lambda _i: self.current_view_changed.emit(self.current_view()))
        add = QToolButton(self)
        add.setText("+")
        add.setToolTip("Add a board")
        add.setAutoRaise(True)
        add.clicked.connect(self.add_board)
        self.setCornerWidget(add)

    def set_document(self, document: Document | None) -> None:
        self._syncing = True
        while self.count():
            widget = self.widget(0)
            self.removeTab(0)
            widget.deleteLater()
        self.pages.clear()
        self.views.clear()
        self._syncing = False
        self.document = document
        if document is not None:
            document.changed.connect(self._on_changed)
            document.refused.connect(self.error)
            self._sync()

    def current_view(self) -> BoardView | None:
        page = self.currentWidget()
        return self.view_for(page.board_id) if isinstance(page, BoardPage) else None

    def view_for(self, board_id: str) -> BoardView | None:
        """The board's view, built now if it was not yet."""
        view = self.views.get(board_id)
        page = self.pages.get(board_id)
        if view is None and page is not None and self.document is not None:
            scene = BoardScene(self.document, board_id, self.theme)
            view = BoardView(scene)
            scene.setParent(view)
            self.views[board_id] = view
            self.view_created.emit(view)
            page.hold(view)
            view.fit_before_paint()  # a board first seen shows all of itself
        return view

    def show_board(self, board_id: str) -> None:
        page = self.pages.get(board_id)
        if page is not None:
            self.setCurrentWidget(page)

    # --- model -> tabs ------------------------------------------------------------------

    def _on_changed(self, changes: ops.Changes, initiator: object) -> None:
        doc = self.document
        if doc is None:
            return
        board_ids = {b.id for b in doc.project.boards}
        if any(owner == doc.project.id and path == "boards" for owner, path in changes.collections) or (
            changes.updated & board_ids
        ):
            self._sync()

    def _sync(self) -> None:
        doc = self.document
        assert doc is not None
        self._syncing = True
        current = self.currentWidget()
        wanted = [b.id for b in doc.project.boards]
        for board_id in list(self.pages):
            if board_id not in wanted:
                page = self.pages.pop(board_id)
                self.views.pop(board_id, None)
                self.removeTab(self.indexOf(page))
                page.deleteLater()
        for index, board in enumerate(doc.project.boards):
            page = self.pages.get(board.id)
            if page is None:
                page = self.pages[board.id] = BoardPage(board.id)
                self.insertTab(index, page, action_text(board.name))
            elif self.indexOf(page) != index:
                self.tabBar().moveTab(self.indexOf(page), index)
            self.setTabText(index, action_text(board.name))  # "R&D", not a mnemonic
            self.setTabToolTip(index, "")
        if current is not None and self.indexOf(current) >= 0:
            self.setCurrentWidget(current)
        self._syncing = False
        self.current_view_changed.emit(self.current_view())

    # --- tabs -> ops --------------------------------------------------------------------

    def _apply(self, build: Callable[[Project], ops.Op]) -> bool:
        """Run an edit of the boards; a refused one puts the tabs back as the model has them."""
        if self.document is None:
            return False
        if self.document.try_apply(build):
            return True
        self._sync()
        return False

    def add_board(self, name: str = "") -> None:
        if self.document is None:
            return
        name = name or f"Board {len(self.document.project.boards) + 1}"
        if self._apply(lambda p: ops.add_board(p, name)):
            self.setCurrentIndex(self.count() - 1)

    def _on_tab_moved(self, _from: int, to: int) -> None:
        if self._syncing or self.document is None:
            return
        page = self.widget(to)
        board_id = page.board_id if isinstance(page, BoardPage) else None
        if board_id is not None:
            self._apply(lambda p: ops.move_board(p, board_id, to))

    def _board_at(self, index: int) -> str | None:
        page = self.widget(index)
        return page.board_id if isinstance(page, BoardPage) else None

    def _rename_at(self, index: int) -> None:
        board_id = self._board_at(index)
        if board_id is None or self.document is None:
            return
        self.rename_board(board_id)

    def rename_board(self, board_id: str) -> None:
        doc = self.document
        board = doc.project.board(board_id) if doc else None
        if board is None:
            return
        name, ok = QInputDialog.getText(self, "Rename board", "Board name:", text=board.name)
        name = clean_text(name, one_line=True).strip()
        if ok and name and name != board.name:
            self._apply(lambda p: ops.rename_board(p, board_id, name))

    def delete_board(self, board_id: str) -> None:
        if self.document is not None:
            self._apply(lambda p: ops.remove_board(p, board_id))

    def _context_menu(self, pos: QPoint) -> None:
        bar: QTabBar = self.tabBar()
        board_id = self._board_at(bar.tabAt(pos))
        if board_id is None:
            return
        menu = QMenu(self)
        menu.addAction("Rename…", lambda: self.rename_board(board_id))
        menu.addAction("Delete board", lambda: self.delete_board(board_id))
        menu.addSeparator()
        menu.addAction("Add board", self.add_board)
        menu.exec(bar.mapToGlobal(pos))
