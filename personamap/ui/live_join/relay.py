"""Brings a Link's callbacks (called on its asyncio thread) to the GUI thread as queued Qt
signals, and SessionBrowser's list likewise: widgets are only touched on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from ...live.discovery import Found
from ...live.join_link import Link


class LinkRelay(QObject):
    snapshot = Signal(object)
    status = Signal(str, bool)
    refused = Signal(object)
    ended = Signal(str)

    def __init__(self, link: Link, parent: QObject | None = None) -> None:
        super().__init__(parent)
        link.on_snapshot = self.snapshot.emit
        link.on_status = self.status.emit
        link.on_refused = self.refused.emit
        link.on_ended = self.ended.emit


class FoundRelay(QObject):
    """`found(list[Found])` on the GUI thread each time the browser's list changes."""

    found = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def __call__(self, sessions: list[Found]) -> None:
        self.found.emit(list(sessions))


QUEUED = Qt.ConnectionType.QueuedConnection
