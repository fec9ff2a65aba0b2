"""A list of entries edited as a list: add, edit in place, remove, and reorder by dragging the
handle or with the up/down buttons. Every change is one op; the rows follow the model, so an
undo or an edit made on the canvas shows here at once.

Rows are kept by entry id while the entry lives, so a change elsewhere in the list never takes
the cursor out of the entry being typed in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import (
    QCursor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...model import Project, clean_text, ops
from .base import Binding, FormContext, Getter, Refreshable, Setter
from .widgets import plain_label, tool_button

Build = Callable[[str], tuple[QWidget, list[Any], QWidget | None]]
"""Builds a row's content for an entry id: (widget, refreshable parts, widget to focus)."""


class WrapLine(QPlainTextEdit):
    """One line of text that wraps instead of scrolling sideways, so a long goal shows whole:
    the box grows with its wrapped lines. It acts as a line edit: Enter is done (no new line),
    Escape cancels, pasted line breaks become spaces."""

    returnPressed = Signal()
    editingFinished = Signal()
    escaped = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.Start)

    def isModified(self) -> bool:
        return self.document().isModified()

    def setModified(self, modified: bool) -> None:
        self.document().setModified(modified)

    def _fit(self) -> None:
        """As tall as the wrapped text (one line at least)."""
        lines = max(1, int(self.document().documentLayout().documentSize().height()))
        margin = 2 * (self.frameWidth() + self.document().documentMargin())
        height = int(lines * self.fontMetrics().lineSpacing() + margin + 1)
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            self.editingFinished.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isModified():
            self.editingFinished.emit()

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.insertPlainText(clean_text(source.text(), one_line=True))


class WrapLineField(Binding):
    """A list entry's text in a `WrapLine`, applied on Enter or when focus leaves; Escape
    reverts (as `fields.LineField`, but a long entry wraps)."""

    def __init__(
        self, ctx: FormContext, getter: Getter, setter: Setter | None, *, placeholder: str = ""
    ) -> None:
        self.edit = WrapLine()
        self.edit.setPlaceholderText(placeholder)
        super().__init__(ctx, getter, setter, self.edit)
        self.edit.editingFinished.connect(self.finish)
        self.edit.escaped.connect(self.revert)

    def show(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))
        self.edit.setModified(False)

    def finish(self) -> None:
        if not self.edit.isModified():
            return
        self.edit.setModified(False)
        self.commit(clean_text(self.edit.text(), one_line=True).strip())


class _Handle(QLabel):
    """The grip a row is dragged by."""

    pressed = Signal(QPoint)
    moved = Signal(QPoint)
    released = Signal(QPoint)

    def __init__(self) -> None:
        super().__init__("⠿")
        self.setObjectName("dragHandle")
        self.setToolTip("Drag to reorder")
        self.setCursor(QCursor(Qt.CursorShape.OpenHandCursor))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.pressed.emit(event.globalPosition().toPoint())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.moved.emit(event.globalPosition().toPoint())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.released.emit(event.globalPosition().toPoint())


class EntryRow(QFrame):
    """One entry: grip, editors, and up / down / remove."""

    def __init__(self, entry_id: str, content: QWidget, parts: list[Any], focus: QWidget | None) -> None:
        super().__init__()
        self.entry_id = entry_id
        self.parts = parts
        self.focus_widget = focus
        self.handle = _Handle()
        self.up = tool_button("▲", "Move up", name="up")
        self.down = tool_button("▼", "Move down", name="down")
        self.remove = tool_button("×", "Remove", name="remove")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 1, 0, 3)
        layout.setSpacing(2)
        layout.addWidget(self.handle, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(content, 1)
        for button in (self.up, self.down, self.remove):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

    separated = False
    """Draw a hairline under the row (entries of several fields each)."""

    def refresh(self, initiator: object = None) -> None:
        for part in self.parts:
            part.refresh(initiator)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.separated:
            painter = QPainter(self)
            painter.setPen(self.palette().color(QPalette.ColorRole.Mid))  # the theme's card_border
            painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
            painter.end()


class ListEditor(QWidget, Refreshable):
    """The rows of one list. `add(project, text_or_None)`, `remove(project, id)` and
    `move(project, id, index)` make the ops; with `pending_text` the add button opens an empty
    line and the entry is added, with its text, when that line is done (one undo step)."""

    count_changed = Signal(int)

    def __init__(
        self,
        ctx: FormContext,
        ids: Callable[[Project], list[str]],
        build: Build,
        *,
        add: Callable[[Project, str | None], ops.Op] | None,
        remove: Callable[[Project, str], ops.Op] | None,
        move: Callable[[Project, str, int], ops.Op] | None,
        noun: str = "entry",
        pending_text: bool = False,
        separated: bool = False,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.ids = ids
        self.build = build
        self.add_op, self.remove_op, self.move_op = add, remove, move
        self.noun = noun
        self.pending_text = pending_text
        self.separated = separated
        self.rows: dict[str, EntryRow] = {}
        self.order: list[str] = []
        self.pending: WrapLine | None = None
        self._again = False
        self._focus_new = False
        self._drag: tuple[str, int] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(2)
        self.empty = plain_label(f"No {noun}s yet", object_name="muted")
        self.indicator = QFrame(self.rows_box)
        self.indicator.setObjectName("dropIndicator")
        self.indicator.hide()
        self.add_button = tool_button(f"+ Add {noun}", f"Add a {noun}", name="add")
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.clicked.connect(self.start_add)
        outer.addWidget(self.rows_box)
        outer.addWidget(self.empty)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_button.setHidden(add is None)  # only once parented: a shown orphan is a window
        self.refresh()

    # --- model -> rows ------------------------------------------------------------------

    def refresh(self, initiator: object = None) -> None:
        try:
            wanted = list(self.ids(self.ctx.project))
        except (ops.OpError, LookupError, AttributeError):
            return
        if wanted != self.order:
            self._sync(wanted)
        for row in self.rows.values():
            row.refresh(initiator)

    def _sync(self, wanted: list[str]) -> None:
        for ident in list(self.rows):
            if ident not in wanted:
                row = self.rows.pop(ident)
                row.hide()
                row.setParent(None)
                row.deleteLater()
        fresh: list[EntryRow] = []
        for ident in wanted:
            if ident not in self.rows:
                content, parts, focus = self.build(ident)
                row = EntryRow(ident, content, parts, focus)
                row.separated = self.separated
                self._wire(row)
                self.rows[ident] = row
                fresh.append(row)
        for k, ident in enumerate(wanted):
            self.rows_layout.insertWidget(k, self.rows[ident])
        self.order = wanted
        for k, ident in enumerate(wanted):
            row = self.rows[ident]
            row.up.setEnabled(self.move_op is not None and k > 0)
            row.down.setEnabled(self.move_op is not None and k < len(wanted) - 1)
            row.remove.setEnabled(self.remove_op is not None)
            row.show()
        self.empty.setVisible(not wanted and self.pending is None)
        self.count_changed.emit(len(wanted))
        if self._focus_new and fresh and fresh[-1].focus_widget is not None:
            fresh[-1].focus_widget.setFocus()
        self._focus_new = False

    def _wire(self, row: EntryRow) -> None:
        ident = row.entry_id
        row.up.clicked.connect(lambda: self.move_to(ident, self.order.index(ident) - 1))
        row.down.clicked.connect(lambda: self.move_to(ident, self.order.index(ident) + 1))
        row.remove.clicked.connect(lambda: self.remove_entry(ident))
        row.handle.pressed.connect(lambda pos: self._drag_start(ident, pos))
        row.handle.moved.connect(self._drag_move)
        row.handle.released.connect(self._drag_end)
        row.handle.setVisible(self.move_op is not None)
        row.up.setVisible(self.move_op is not None)
        row.down.setVisible(self.move_op is not None)

    # --- rows -> ops --------------------------------------------------------------------

    def move_to(self, entry_id: str, index: int) -> None:
        if self.move_op is None or not 0 <= index < len(self.order) or self.order.index(entry_id) == index:
            return
        move = self.move_op
        self.ctx.apply(lambda p: move(p, entry_id, index), self)

    def remove_entry(self, entry_id: str) -> None:
        if self.remove_op is not None:
            remove = self.remove_op
            self.ctx.apply(lambda p: remove(p, entry_id), self)

    def start_add(self) -> None:
        if self.add_op is None:
            return
        if not self.pending_text:
            add = self.add_op
            self._focus_new = True
            self.ctx.apply(lambda p: add(p, None), self)
            return
        if self.pending is None:
            self.pending = WrapLine()
            self.pending.setObjectName("pending")
            self.pending.setPlaceholderText(f"New {self.noun} — Enter to add, Esc to cancel")
            self.pending.returnPressed.connect(self._return_pressed)
            self.pending.editingFinished.connect(self._pending_done)
            self.pending.escaped.connect(self._pending_cancel)
            self.layout().insertWidget(1, self.pending)
            self.empty.hide()
        self.pending.setFocus()

    def _return_pressed(self) -> None:
        self._again = True

    def _pending_done(self) -> None:
        line, again = self.pending, self._again
        self._again = False
        if line is None or self.sender() is not line:
            return
        text = clean_text(line.text()).strip()
        self._drop_pending()
        if text and self.add_op is not None:
            add = self.add_op
            if self.ctx.apply(lambda p: add(p, text), self) and again:
                self.start_add()

    def _pending_cancel(self) -> None:
        self._drop_pending()

    def _drop_pending(self) -> None:
        line, self.pending = self.pending, None
        if line is not None:
            line.blockSignals(True)
            line.hide()
            line.setParent(None)
            line.deleteLater()
        self.empty.setVisible(not self.order)

    # --- drag to reorder ----------------------------------------------------------------

    def _drag_start(self, entry_id: str, _pos: QPoint) -> None:
        if self.move_op is not None:
            self._drag = (entry_id, self.order.index(entry_id))

    def _target_index(self, global_pos: QPoint) -> int:
        y = self.rows_box.mapFromGlobal(global_pos).y()
        for k, ident in enumerate(self.order):
            row = self.rows[ident]
            if y < row.geometry().center().y():
                return k
        return len(self.order)

    def _drag_move(self, global_pos: QPoint) -> None:
        if self._drag is None:
            return
        slot = self._target_index(global_pos)
        rows = [self.rows[i] for i in self.order]
        y = rows[slot].geometry().top() - 1 if slot < len(rows) else rows[-1].geometry().bottom() + 1
        self.indicator.setGeometry(0, max(0, y - 1), self.rows_box.width(), 2)
        self.indicator.show()
        self.indicator.raise_()

    def _drag_end(self, global_pos: QPoint) -> None:
        drag, self._drag = self._drag, None
        self.indicator.hide()
        if drag is None:
            return
        entry_id, old = drag
        slot = self._target_index(global_pos)
        new = slot - 1 if slot > old else slot
        self.move_to(entry_id, new)
        QApplication.processEvents()
