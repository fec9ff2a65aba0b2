"""File ▸ Join Session…: the sessions advertised on this network (live-updated, pick one) or
an address typed in, then the PIN the facilitator shows and the name others will see."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...live.client import JoinError, socket_url
from ...live.discovery import Found, SessionBrowser
from .relay import QUEUED, FoundRelay

NAME_SETTING = "live/name"
MIN_WIDTH = 480
URL_ROLE = Qt.ItemDataRole.UserRole


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class JoinDialog(QDialog):
    """Asks where, the PIN and a name; `choice()` once accepted. `interfaces`: where to look
    for sessions (addresses; None: every interface)."""

    interfaces: Sequence[str] | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Join a live session")
        self.setMinimumWidth(MIN_WIDTH)
        self.sessions = QListWidget()
        self.sessions.setObjectName("sessions")
        self.sessions.setAccessibleName("Sessions on this network")
        self.sessions.currentItemChanged.connect(self._picked)
        self.sessions.itemDoubleClicked.connect(lambda _item: self.accept())
        self.searching = _plain("Looking for sessions on this network…")
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.address.setPlaceholderText("http://192.168.1.20:8765/session")
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setMaxLength(12)
        self.name = QLineEdit(str(QSettings().value(NAME_SETTING, "") or ""))
        self.name.setObjectName("name")
        self.name.setMaxLength(80)
        self.name.setPlaceholderText("The name others see on your notes")
        self.problem = _plain("")
        self.problem.setObjectName("problem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Join")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Address:", self.address)
        form.addRow("&PIN:", self.pin)
        form.addRow("Your &name:", self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain("Sessions on this network:"))
        layout.addWidget(self.sessions)
        layout.addWidget(self.searching)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.address, self.pin, self.name):
            field.textChanged.connect(self._check)
        self._check()
        self.relay = FoundRelay(self)
        self.relay.found.connect(self.show_found, QUEUED)
        self.browser = SessionBrowser(self.relay, interfaces=self.interfaces)
        self.browser.start()

    def show_found(self, sessions: list[Found]) -> None:
        current = self.sessions.currentItem()
        chosen = current.data(URL_ROLE) if current is not None else None
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for session in sessions:
            item = QListWidgetItem(f"{session.name}  —  {urlsplit(session.url).netloc}")
            item.setData(URL_ROLE, session.url)
            item.setToolTip(session.url)
            self.sessions.addItem(item)
            if session.url == chosen:
                self.sessions.setCurrentItem(item)
        self.sessions.blockSignals(False)
        self.searching.setText(
            "Pick a session, or type the address the facilitator shows."
            if sessions
            else "No session found on this network yet: type the address the facilitator shows."
        )

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.address.setText(str(item.data(URL_ROLE)))

    def _check(self) -> None:
        problem = ""
        if not self.address.text().strip():
            problem = "Pick a session or type its address."
        else:
            try:
                socket_url(self.address.text().strip())
            except JoinError as exc:
                problem = str(exc)
        if not problem and not self.pin.text().strip():
            problem = "Type the PIN the facilitator shows."
        if not problem and not self.name.text().strip():
            problem = "Type your name."
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def choice(self) -> tuple[str, str, str]:
        """The address, PIN and name."""
        return self.address.text().strip(), self.pin.text().strip(), self.name.text().strip()

    def accept(self) -> None:
        if not self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            return
        QSettings().setValue(NAME_SETTING, self.name.text().strip())
        super().accept()

    def done(self, result: int) -> None:
        self.browser.close()
        super().done(result)
