"""Running a function on the GUI thread from any thread: the live server's asyncio thread hands
every call into the session (which the GUI thread owns) through `Poster.post`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


class Poster(QObject):
    """`post(fn)` from any thread runs `fn()` soon on the thread this object lives in.

    A queued connection copies the callable into the receiver's event queue, so the caller
    never waits and the GUI thread runs the calls in the order they were posted."""

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        self._posted.emit(fn)

    def _run(self, fn: object) -> None:
        if callable(fn):
            fn()
