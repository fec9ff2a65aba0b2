"""Typing into a note where it sits: a plain-text editor laid over the note.

Ctrl+Enter or a click elsewhere commits. Esc cancels an edit of an existing note; on a note
just added it ends editing and keeps the note (one undoable "Add note"), so what was typed
is never thrown away with no undo. The text is read back with
`toPlainText()` and the editor never renders markup it is given (it is fed with
`setPlainText`), so user text stays plain text (docs/RELIABILITY.md pitfall 4).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPen, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from ..style import NOTE_TEXT
from .text import font

EDITOR_Z = 2000.0
_KEEP_OPEN = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)
"""Focus lost to a popup (the editor's own context menu) or to another window keeps the
editor open: the user comes back to it."""


class NoteEditor(QGraphicsTextItem):
    """An in-place editor; `done(text)` on commit, `done(None)` on cancel — exactly once.
    `new`: the note is being added, so Esc commits (there is nothing to go back to)."""

    def __init__(
        self,
        text: str,
        rect: QRectF,
        size: float,
        fill: str,
        done: Callable[[str | None], None],
        *,
        new: bool = False,
    ) -> None:
        super().__init__()
        self._done = done
        self._new = new
        self._finished = False
        self._fill = QColor(fill)
        self._min_h = rect.height()
        self.setFont(font(size))
        self.setDefaultTextColor(QColor(NOTE_TEXT))
        self.document().setDocumentMargin(2)
        option = self.document().defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.setPlainText(text)
        self.setTextWidth(rect.width() + 4)
        self.setPos(rect.left() - 2, rect.top() - 2)
        self.setZValue(EDITOR_Z)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)

    def is_editing(self) -> bool:
        """The view asks this before taking Space for panning."""
        return not self._finished

    def start(self) -> None:
        """Take the keyboard, with the caret after the text."""
        scene = self.scene()
        if scene is not None:
            for view in scene.views():
                view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        if rect.height() < self._min_h + 4:
            rect.setHeight(self._min_h + 4)
        return rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self.boundingRect(), self._fill)
        painter.setPen(QPen(QColor("#0072B2"), 1.5))
        painter.drawRect(self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5))
        super().paint(painter, option, widget)

    def finish(self, commit: bool) -> None:
        if self._finished:
            return
        self._finished = True
        text = self.toPlainText() if commit else None
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.clearFocus()
        self._done(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            event.accept()
            self.finish(self._new)
            return
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self.finish(True)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() not in _KEEP_OPEN:
            self.finish(True)
