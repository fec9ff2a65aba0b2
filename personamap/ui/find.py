"""Find (Ctrl+F): a bar at the bottom of the window that searches every user text of the
project and jumps from match to match across boards — switching tab, selecting the item and
framing it. The matching rules live in `personamap.model.find` (no Qt).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QGraphicsItem, QLabel, QLineEdit, QSizePolicy, QToolBar, QToolButton, QWidget

from ..model.find import Match, search
from .actions import ActionSpec

SK = QKeySequence.StandardKey


class FindField(QLineEdit):
    """Enter: next, Shift+Enter: previous, Esc: close the bar."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__()
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._bar.step(-1 if back else 1)
            return
        if key == Qt.Key.Key_Escape:
            self._bar.close_bar()
            return
        super().keyPressEvent(event)


class FindBar(QToolBar):
    """The bar and the walk through the matches; `window.features["editing"].find`."""

    def __init__(self, window: Any) -> None:
        super().__init__("Find", window)
        self.window = window
        self.setObjectName("find_bar")
        self.setMovable(False)
        self.setFloatable(False)
        self.field = FindField(self)
        self.field.setPlaceholderText("Find in project — names, notes, stages, quotes…")
        self.field.setClearButtonEnabled(True)
        self.field.setMaximumWidth(420)
        self.field.textChanged.connect(self._on_text)
        self.count = QLabel("")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(90)
        self.count.setContentsMargins(8, 0, 8, 0)
        self.addWidget(QLabel("Find:"))
        self.addWidget(self.field)
        self.addWidget(self.count)
        for text, tip, delta in (("↑", "Previous match (Shift+F3)", -1), ("↓", "Next match (F3)", 1)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, d=delta: self.step(d))
            self.addWidget(button)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        self.addWidget(close)
        self.matches: list[Match] = []
        self.index = -1
        self._stale = True
        self._document = None
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self)
        self.hide()

    # --- opening and closing ------------------------------------------------------------

    def open_bar(self) -> None:
        if self.window.document is None:
            return
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._stale = True

    def close_bar(self) -> None:
        self.hide()
        view = self.window.tabs.current_view()
        if view is not None:
            view.setFocus()

    # --- matching -----------------------------------------------------------------------

    def _watch(self) -> None:
        document = self.window.document
        if document is not self._document:
            self._document = document
            if document is not None:
                document.changed.connect(self._mark_stale)
            self._stale = True

    def _mark_stale(self, *_args: object) -> None:
        self._stale = True

    def _on_text(self, _text: str) -> None:
        self._stale = True
        self.index = -1
        self._refresh()
        self._show_count()

    def _refresh(self) -> None:
        self._watch()
        if not self._stale:
            return
        document = self.window.document
        self.matches = search(document.project, self.field.text()) if document is not None else []
        self._stale = False
        if self.index >= len(self.matches):
            self.index = -1

    def _show_count(self) -> None:
        total = len(self.matches)
        if not self.field.text().strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        elif self.index < 0:
            self.count.setText(f"{total} match{'es' if total != 1 else ''}")
        else:
            self.count.setText(f"{self.index + 1} of {total}")

    def step(self, delta: int) -> Match | None:
        """Jump to the next (+1) or previous (-1) match, wrapping around."""
        if self.isHidden():
            self.open_bar()
        self._refresh()
        if not self.matches:
            self._show_count()
            return None
        if self.index < 0:
            self.index = 0 if delta > 0 else len(self.matches) - 1
        else:
            self.index = (self.index + delta) % len(self.matches)
        match = self.matches[self.index]
        self._show_count()
        self.jump(match)
        return match

    # --- jumping ------------------------------------------------------------------------

    def jump(self, match: Match) -> None:
        tabs = self.window.tabs
        library = self.window.features.get("library")
        if match.kind == "source" and match.target_id and library is not None:
            library.show()
            library.research.reveal_source(match.target_id)
            self.window.show_message(f"{match.owner}: {' '.join(match.text.split())[:90]}")
            return
        if match.board_id is None or match.element_id is None:
            self.window.show_message(f"Found in “{match.owner}”, which is on no board.")
            return
        tabs.show_board(match.board_id)
        view = tabs.view_for(match.board_id)
        if view is None:
            return
        scene = view.board_scene
        item = scene.items_by_id.get(match.element_id)
        if item is None:
            return
        scene.clearSelection()
        part = _part(item, match.target_id) if match.target_id else None
        chosen = (
            part
            if part is not None and part.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            else item
        )
        chosen.setSelected(True)
        rect: QRectF = (part or item).sceneBoundingRect()
        if part is None and hasattr(item, "scene_content_rect"):
            rect = item.scene_content_rect()
        view.frame(rect)
        if view.zoom() > 1.0:  # framing a small note should not jump to 200 %
            view.set_zoom(1.0)
            view.centerOn(rect.center())
        snippet = " ".join(match.text.split())
        snippet = snippet if len(snippet) <= 90 else snippet[:89] + "…"
        self.window.show_message(f"{match.owner}: {snippet}")


def _part(item: QGraphicsItem, target_id: str) -> QGraphicsItem | None:
    """A child item (at any depth) that stands for the entity `target_id`, if the item has one."""
    for child in item.childItems():
        target = getattr(child, "target", None)
        if callable(target):
            try:
                if target().id == target_id:
                    return child
            except (AttributeError, TypeError):
                pass
        found = _part(child, target_id)
        if found is not None:
            return found
    return None


def install(window: Any) -> FindBar:
    bar = FindBar(window)
    window.actions.add(
        ActionSpec("edit.find", "&Find…", bar.open_bar, SK.Find),
        ActionSpec("edit.find_next", "Find &Next", lambda: bar.step(1), SK.FindNext),
        ActionSpec("edit.find_previous", "Find Pre&vious", lambda: bar.step(-1), SK.FindPrevious),
    )
    return bar
