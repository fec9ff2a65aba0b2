"""Workshop ▸ Invite Participants…: a window beside the editor. Before the session: the board,
where to listen and what participants may do. While it runs: the join address, the PIN and a
QR code large enough to scan across a room, who is connected, and the facilitator's controls
(lock the board, end one participant's session, end the session)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...live.shape import Permissions
from .overlay import pin_text
from .qr import QrView

LOOPBACK = "127.0.0.1"


def _plain(text: str = "", px: int = 0, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if px:
        font = QFont(label.font())
        font.setPixelSize(px)
        font.setBold(bold)
        label.setFont(font)
    return label


class PermissionsBox(QGroupBox):
    """What participants may do; `changed` when the facilitator ticks a box."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Participants may", parent)
        self.add_anywhere = QCheckBox("add notes anywhere on the board (else only to the focused place)")
        self.vote = QCheckBox("vote while a dot vote is open")
        self.edit_own = QCheckBox("edit and delete their own notes")
        defaults = Permissions()
        layout = QVBoxLayout(self)
        for box, value in (
            (self.add_anywhere, defaults.add_anywhere),
            (self.vote, defaults.vote),
            (self.edit_own, defaults.edit_own_only),
        ):
            box.setChecked(value)
            box.toggled.connect(lambda _on: self.changed.emit())
            layout.addWidget(box)

    def set_permissions(self, permissions: Permissions) -> None:
        """Tick the boxes as the running session has it, without announcing a change."""
        self.blockSignals(True)
        self.add_anywhere.setChecked(permissions.add_anywhere)
        self.vote.setChecked(permissions.vote)
        self.edit_own.setChecked(permissions.edit_own_only)
        self.blockSignals(False)

    def permissions(self) -> Permissions:
        return Permissions(
            add_anywhere=self.add_anywhere.isChecked(),
            vote=self.vote.isChecked(),
            edit_own_only=self.edit_own.isChecked(),
        )


class InviteWindow(QWidget):
    """The set-up page, then the running session's page; `feature` does the work."""

    def __init__(self, feature: Any, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.feature = feature
        self.setWindowTitle("Invite participants")
        self.pages = QStackedWidget()
        self.permissions = PermissionsBox()
        self.permissions.changed.connect(self._permissions_changed)
        self.setup_page, self.running_page = self._setup_page(), self._running_page()
        self.pages.addWidget(self.setup_page)
        self.pages.addWidget(self.running_page)
        self.message = _plain()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.permissions)
        layout.addWidget(self.message)
        self._show_page(0)

    # --- pages --------------------------------------------------------------------------------

    def _setup_page(self) -> QWidget:
        page = QWidget()
        self.board = QComboBox()
        self.interface = QComboBox()
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText("any free port")
        self.start_button = QPushButton("&Start Session")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)
        form = QFormLayout()
        form.addRow("Board:", self.board)
        form.addRow("Listen on:", self.interface)
        form.addRow("Port:", self.port)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        return page

    def _running_page(self) -> QWidget:
        page = QWidget()
        self.qr = QrView(360)
        self.address = _plain("", 30, bold=True)
        self.address.setWordWrap(True)
        self.pin = _plain("", 44, bold=True)
        self.projector = QCheckBox("Show on &projector")
        self.projector.setToolTip("Put the QR code, address and PIN in a corner of the presentation")
        self.projector.toggled.connect(lambda on: self.feature.show_on_projector(on))
        self.members = QTreeWidget()
        self.members.setHeaderLabels(["Name", "Notes", "Status"])
        self.members.setRootIsDecorated(False)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.itemSelectionChanged.connect(self._selection_changed)
        self.lock = QPushButton("&Lock Board")
        self.lock.setCheckable(True)
        self.lock.toggled.connect(self._lock)
        self.remove = QPushButton("End &Participant's Session")
        self.remove.setEnabled(False)
        self.remove.clicked.connect(self._remove)
        self.end = QPushButton("&End Session")
        self.end.clicked.connect(lambda: self.feature.end_session())
        buttons = QHBoxLayout()
        for button in (self.lock, self.remove, self.end):
            buttons.addWidget(button)
        side = QVBoxLayout()
        side.addWidget(_plain("Join at"))
        side.addWidget(self.address)
        side.addWidget(self.pin)
        side.addWidget(self.projector)
        side.addWidget(_plain("Participants"))
        side.addWidget(self.members, 1)
        side.addLayout(buttons)
        layout = QHBoxLayout(page)
        layout.addWidget(self.qr, 1)
        layout.addLayout(side, 1)
        return page

    # --- set-up -------------------------------------------------------------------------------

    def prepare(self, boards: list[tuple[str, str]], current: str | None, lan: str) -> None:
        """Fill the set-up page: the project's boards (id, name) and the addresses offered."""
        self.board.clear()
        for ident, name in boards:
            self.board.addItem(name, ident)
        index = self.board.findData(current) if current else 0
        self.board.setCurrentIndex(max(0, index))
        self.interface.clear()
        if lan != LOOPBACK:
            self.interface.addItem(f"{lan} (the room's network)", lan)
        self.interface.addItem(f"{LOOPBACK} (this computer only)", LOOPBACK)
        self._show_page(0)

    def _start(self) -> None:
        error = self.feature.start_session(
            str(self.board.currentData()),
            str(self.interface.currentData()),
            self.port.value(),
            self.permissions.permissions(),
        )
        self.message.setText(error or "")

    # --- running ------------------------------------------------------------------------------

    def show_running(self, url: str, pin: str, permissions: Permissions) -> None:
        self.permissions.set_permissions(permissions)
        self.address.setText(url)
        self.pin.setText(f"PIN {pin_text(pin)}")
        self.qr.set_text(url)
        self.lock.setChecked(False)
        self.message.setText("")
        self._show_page(1)

    def _show_page(self, index: int) -> None:
        """Show a page at its own size: the set-up is small, the running session large."""
        for k, page in enumerate((self.setup_page, self.running_page)):
            policy = QSizePolicy.Policy.Preferred if k == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        self.adjustSize()
        if index == 1:
            self.resize(max(self.width(), 1000), max(self.height(), 720))

    def show_ended(self, text: str) -> None:
        self.projector.setChecked(False)
        self.members.clear()
        self._show_page(0)
        self.message.setText(text)

    def show_rows(self, rows: list[Any]) -> None:
        """Who joined: name, notes, online or not; the selection is kept by participant id."""
        selected = self.selected_pid()
        self.members.clear()
        for row in rows:
            status = "session ended" if row.ended else ("online" if row.online else "offline")
            item = QTreeWidgetItem([row.name, str(row.notes), status])
            item.setData(0, Qt.ItemDataRole.UserRole, row.pid)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.members.addTopLevelItem(item)
            if row.pid == selected:
                item.setSelected(True)
        self._selection_changed()

    def selected_pid(self) -> str | None:
        items = self.members.selectedItems()
        return str(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def _selection_changed(self) -> None:
        items = self.members.selectedItems()
        self.remove.setEnabled(bool(items) and items[0].text(2) != "session ended")

    def _remove(self) -> None:
        pid = self.selected_pid()
        if pid is not None:
            self.feature.remove_participant(pid)

    def _lock(self, locked: bool) -> None:
        self.lock.setText("Un&lock Board" if locked else "&Lock Board")
        self.feature.set_locked(locked)

    def _permissions_changed(self) -> None:
        self.feature.set_permissions(self.permissions.permissions())
