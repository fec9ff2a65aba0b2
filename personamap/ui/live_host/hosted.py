"""`personamap host FILE` with a window: the editor opens FILE and starts the live session at
once, prints the join address and PIN, and saves FILE about a second after each change and on
SIGINT/SIGTERM, then exits 0 (the command's contract, docs/live.md)."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ...io import SaveError
from ...live.shape import Permissions
from ...terminal import say
from ..app import make_application, open_window

SAVE_DELAY_MS = 1000
SIGNAL_POLL_MS = 200
"""Python runs signal handlers only between bytecodes: a timer lets it in while Qt waits."""


class HostedSession:
    """Keeps FILE saved while the session runs and ends cleanly on a signal."""

    def __init__(self, window: Any, path: Path):
        self.window, self.path = window, path
        self.saver = QTimer(window, singleShot=True, interval=SAVE_DELAY_MS)
        self.saver.timeout.connect(self.save)
        window.document.changed.connect(lambda *_args: self.saver.start())
        self.poll = QTimer(window, interval=SIGNAL_POLL_MS)
        self.poll.timeout.connect(lambda: None)
        self.poll.start()

    def save(self) -> None:
        document = self.window.document
        if document is None or not document.is_modified:
            return
        try:
            document.save(self.path)
        except SaveError as exc:  # kept modified: tried again on the next change and at the end
            say(f"{self.path}: not saved yet:", "; ".join(exc.lines()), file=sys.stderr)

    def finish(self) -> None:
        self.saver.stop()
        self.save()
        feature = self.window.features.get("live_host")
        if feature is not None:
            feature.end_session()
        QApplication.quit()


def run_hosted(path: Path, bind: str, port: int, pin: str | None) -> int:
    """Open the editor on `path` hosting a session; 0 after a signal or the window closes."""
    app: Any = make_application()
    window = open_window(path)
    if window.document is None:
        return 1
    document = window.document
    board = document.project.boards[0].id if document.project.boards else None
    if board is None:
        say(f"{path}: the file has no board to hold a session on", file=sys.stderr)
        return 1
    feature = window.features["live_host"]
    feature.open_window()
    problem = feature.start_session(board, bind, port, Permissions(), pin=pin)
    if problem:
        say(f"personamap host: {problem}", file=sys.stderr)
        return 1
    print(feature.controller.url, flush=True)
    print(f"PIN {feature.controller.pin}", flush=True)
    hosted = HostedSession(window, path)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_args: QTimer.singleShot(0, hosted.finish))
    app.aboutToQuit.connect(hosted.save)
    app.exec()
    return 0
