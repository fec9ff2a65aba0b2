"""The participant's live board: the session's places as columns with their notes as sticky
cards (dots shown), the focused place highlighted, the timer, a banner while the board is
locked, a box to add a note (or edit one of mine), dot buttons while a vote is open, and the
connection's state and the host's refusals. Edits go to the Link; what is shown is only ever
the latest snapshot the Link sent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...live.client import Participant
from ...live.join_link import Link
from ...model.enums import NoteColor
from ...style import NOTE_FILL, NOTE_META, NOTE_TEXT
from .board_model import KIND_LABEL, BoardView, Card, Column, board_view, remaining
from .relay import QUEUED, LinkRelay

COLUMN_WIDTH = 220
DOT_BUTTON = 32
MAX_NOTE = 500
SHEET = """
QFrame#column { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 6px; }
QFrame#column[focused="true"] { border: 3px solid palette(link); }
QLabel#banner { background: palette(highlight); color: palette(highlighted-text); padding: 6px;
                border-radius: 4px; font-weight: bold; }
"""
CARD_SHEET = (
    f"QFrame#card {{ background: {NOTE_FILL[NoteColor.YELLOW]}; border: 1px solid #D9C96A;"
    f" border-radius: 4px; }} QFrame#card QLabel {{ color: {NOTE_TEXT}; }}"
    f" QFrame#card QLabel#dots {{ color: {NOTE_META}; }}"
)


def plain(text: str = "", *, bold: bool = False, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    return label


class CardWidget(QFrame):
    """One note: its text, its dots, and the buttons this participant may use on it."""

    def __init__(self, card: Card, view: BoardView, board: LiveBoardWindow) -> None:
        super().__init__()
        self.card = card
        self.setObjectName("card")
        self.setStyleSheet(CARD_SHEET)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.text = plain(card.text, wrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        if card.votable and (card.dots or view.vote_open):
            dots = plain(("●" * min(card.dots, 10) + (f" {card.dots}" if card.dots else "")) or "no dots")
            dots.setObjectName("dots")
            dots.setAccessibleName(f"{card.dots} dots")
            row.addWidget(dots)
        row.addStretch(1)
        if card.votable and view.can_vote:
            self.down = self._button("−", "vote_down", f"Take back a dot (you gave {card.my_dots})")
            self.down.setEnabled(card.my_dots > 0)
            self.down.clicked.connect(lambda: board.vote(card.id, -1))
            self.up = self._button("+", "vote_up", "Give this note a dot")
            self.up.setEnabled(view.dots_left > 0)
            self.up.clicked.connect(lambda: board.vote(card.id, 1))
            for button in (self.down, self.up):
                button.setFixedWidth(DOT_BUTTON)
                row.addWidget(button)
        layout.addLayout(row)
        if card.mine and view.can_edit_own:
            own = QHBoxLayout()
            own.addStretch(1)
            edit = self._button("Edit", "edit", "Edit your note")
            edit.clicked.connect(lambda: board.start_editing(card))
            delete = self._button("Delete", "delete", "Delete your note")
            delete.clicked.connect(lambda: board.delete(card.id))
            own.addWidget(edit)
            own.addWidget(delete)
            layout.addLayout(own)

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button


class ColumnWidget(QFrame):
    def __init__(self, column: Column, view: BoardView, board: LiveBoardWindow) -> None:
        super().__init__()
        self.key = column.key
        self.setObjectName("column")
        self.setProperty("focused", column.focused)
        self.setFixedWidth(COLUMN_WIDTH)
        layout = QVBoxLayout(self)
        title = plain(column.name or KIND_LABEL[column.kind], bold=True, wrap=True)
        kind = plain(KIND_LABEL[column.kind] + (" · in focus" if column.focused else ""))
        kind.setEnabled(False)
        layout.addWidget(title)
        layout.addWidget(kind)
        self.cards = [CardWidget(card, view, board) for card in column.cards]
        for card in self.cards:
            layout.addWidget(card)
        layout.addStretch(1)


class LiveBoardWindow(QWidget):
    """A participant's window on one session; closing it leaves the session."""

    def __init__(self, link: Link, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.link = link
        self.view: BoardView | None = None
        self.editing: Card | None = None
        self.column_widgets: list[ColumnWidget] = []
        self.ended = False
        self.setWindowTitle(f"Live session — {link.where}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(SHEET)
        self.status = plain(f"Connecting to {link.where}…")
        self.status.setObjectName("status")
        self.timer = plain(bold=True)
        self.timer.setObjectName("timer")
        self.votes = plain()
        self.votes.setObjectName("votes")
        self.banner = plain(wrap=True)
        self.banner.setObjectName("banner")
        self.banner.hide()
        self.message = plain(wrap=True)
        self.message.setObjectName("message")
        self.columns_box = QWidget()
        self.columns_layout = QHBoxLayout(self.columns_box)
        self.columns_layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.columns_box)
        self._focus_shown: str | None = None
        self.note_input = QLineEdit()
        self.note_input.setObjectName("note_input")
        self.note_input.setMaxLength(MAX_NOTE)
        self.note_input.setPlaceholderText("Write a note and press Enter")
        self.note_input.returnPressed.connect(self.submit)
        self.place = QComboBox()
        self.place.setObjectName("place")
        self.place_label = plain()
        self.add_button = QPushButton("&Add Note")
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.stop_editing)
        self.cancel_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.votes)
        top.addWidget(self.timer)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note_input, 1)
        bottom.addWidget(self.place_label)
        bottom.addWidget(self.place)
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        self.relay = LinkRelay(link, self)
        self.relay.snapshot.connect(self.show_snapshot, QUEUED)
        self.relay.status.connect(self._status, QUEUED)
        self.relay.refused.connect(self._refused, QUEUED)
        self.relay.ended.connect(self._ended, QUEUED)
        self.resize(1000, 640)
        self._controls()
        self.destroyed.connect(lambda _gone=None: link.close())  # the editor closed under it
        link.start()

    # --- what the host sent ------------------------------------------------------------------

    def _follow_focus(self) -> None:
        """When the facilitator moves the focus, bring that column into view (once: the
        participant may scroll elsewhere afterwards)."""
        focused = next((w for w in self.column_widgets if w.property("focused")), None)
        key = focused.key if focused is not None else None
        if focused is not None and key != self._focus_shown:
            QTimer.singleShot(0, lambda: self._reveal(focused))
        self._focus_shown = key

    def _reveal(self, column: QWidget) -> None:
        if column in self.column_widgets:
            self.scroll.ensureWidgetVisible(column)

    def show_snapshot(self, snap: dict[str, Any]) -> None:
        self.view = view = board_view(snap)
        for old in self.column_widgets:
            self.columns_layout.removeWidget(old)
            old.deleteLater()
        self.column_widgets = [ColumnWidget(column, view, self) for column in view.columns]
        for widget in self.column_widgets:
            self.columns_layout.addWidget(widget)
        self._follow_focus()
        self.banner.setVisible(view.locked and not self.ended)
        if view.locked:
            self.banner.setText("The board is locked: nobody can add, edit or delete notes now.")
        if view.vote_open and view.can_vote:
            self.votes.setText(f"Dot vote: {view.dots_left} of {view.dots} dots left")
        else:
            self.votes.setText("")
        if self.editing is not None and not any(
            c.id == self.editing.id and c.mine for col in view.columns for c in col.cards
        ):
            self.stop_editing()
        self._places(view)
        self._tick()
        self._controls()

    def _places(self, view: BoardView) -> None:
        chosen = self.place.currentData()
        self.place.clear()
        for column in view.columns:
            self.place.addItem(f"{column.name} ({KIND_LABEL[column.kind].lower()})", column.key)
        index = self.place.findData(chosen if chosen is not None else view.add_to)
        self.place.setCurrentIndex(max(0, index))
        target = view.column(view.add_to)
        self.place_label.setText(f"to {target.name}" if target is not None else "")

    def _tick(self) -> None:
        end = self.view.timer_end if self.view is not None else None
        if end is None:
            self.timer.setText("")
            self.clock.stop()
            return
        self.timer.setText(f"Time left {remaining(end, dt.datetime.now(dt.UTC))}")
        if not self.clock.isActive():
            self.clock.start()

    def _status(self, text: str, connected: bool) -> None:
        self.status.setText(text)
        self.status.setProperty("connected", connected)

    def _refused(self, reasons: list[str]) -> None:
        self.message.setText("The host refused: " + "; ".join(reasons))

    def _ended(self, reason: str) -> None:
        self.ended = True
        self.banner.setText(reason[:1].upper() + reason[1:] + ".")
        self.banner.show()
        self._controls()

    def _controls(self) -> None:
        view = self.view
        editing = self.editing is not None
        allowed = view is not None and (view.can_edit_own if editing else view.can_add())
        can_add = allowed and not self.ended
        self.note_input.setEnabled(can_add)
        self.add_button.setEnabled(can_add)
        self.add_button.setText("&Save" if editing else "&Add Note")
        self.cancel_button.setVisible(editing)
        anywhere = view is not None and view.add_anywhere and not editing
        self.place.setVisible(anywhere)
        self.place_label.setVisible(not anywhere and not editing and view is not None)
        for widget in self.column_widgets:
            widget.setEnabled(not self.ended)

    # --- what the participant does ---------------------------------------------------------

    def submit(self) -> None:
        """Add the note in the box (or save the note being edited)."""
        text = self.note_input.text().strip()
        view = self.view
        if not text or view is None or not self.add_button.isEnabled():
            return
        if self.editing is not None:
            note_id = self.editing.id
            self.link.submit(lambda me: me.edit_note(note_id, text))
            self.stop_editing()
            return
        key = self.place.currentData() if view.add_anywhere else view.add_to
        column = view.column(str(key))
        if column is None:
            return
        target = {"kind": column.kind, "id": column.key}
        self.link.submit(lambda me: me.write(text, target))
        self.note_input.clear()
        self.message.setText("")

    def start_editing(self, card: Card) -> None:
        self.editing = card
        self.note_input.setText(card.text)
        self.note_input.setFocus()
        self._controls()

    def stop_editing(self) -> None:
        self.editing = None
        self.note_input.clear()
        self._controls()

    def delete(self, note_id: str) -> None:
        self.link.submit(lambda me: me.delete_note(note_id))

    def vote(self, note_id: str, delta: int) -> None:
        def give(me: Participant) -> None:
            me.vote(note_id, delta)

        self.link.submit(give)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clock.stop()
        self.link.close()
        super().closeEvent(event)
