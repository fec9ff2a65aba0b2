"""An unexpected exception must not cost the user their work: write an emergency snapshot of
every open document, tell the user in plain words where it is, and keep running.

The hook chains to the one it replaced (the default prints the traceback to stderr, where a
bug report can find it; under pytest-qt the test still fails).
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from ...io.errors import printable
from . import hub as hubs

QUIET_S = 5.0
"""Repeated errors (a paint that fails every frame) show one dialog, not hundreds."""

ExcHook = Any


def emergency_snapshots() -> tuple[list[Path], Path | None]:
    """Snapshot every open document with unsaved edits; the snapshots and their session folder."""
    written: list[Path] = []
    folder: Path | None = None
    for hub in hubs.hubs():
        if hub.finished:
            continue
        folder = hub.session.folder
        for tracker in list(hub.trackers):
            try:
                path = tracker.snapshot_now(force=True)
            except Exception:
                path = None
            if path is not None:
                written.append(path)
    return written, folder


class CrashGuard:
    """sys.excepthook: snapshot, tell, then hand over to the previous hook."""

    personamap_guard = True

    def __init__(self, previous: ExcHook) -> None:
        self.previous = previous
        self.dialog: QMessageBox | None = None
        self.last_shown = 0.0
        self.snapshots: list[Path] = []

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt | SystemExit):
            with contextlib.suppress(Exception):
                self.handle(kind, error)
        self.previous(kind, error, tb)

    def handle(self, kind: type[BaseException], error: BaseException) -> None:
        self.snapshots, folder = emergency_snapshots()
        if QApplication.instance() is None:
            return
        now = time.monotonic()
        if (self.dialog is not None and self.dialog.isVisible()) or now - self.last_shown < QUIET_S:
            return
        self.last_shown = now
        self.dialog = crash_dialog(kind, error, folder if self.snapshots else None)
        self.dialog.show()  # not exec(): the event loop that failed keeps running


def crash_dialog(kind: type[BaseException], error: BaseException, folder: Path | None) -> QMessageBox:
    parent = QApplication.activeWindow() or _any_window()
    if folder is not None:
        text = f"personamap hit a problem it did not expect, but your work is safe in {folder}."
        more = "Save your work now (File ▸ Save As…), then restart personamap."
    else:
        text = "personamap hit a problem it did not expect."
        more = "There were no unsaved changes to keep. Restarting personamap is a good idea."
    box = QMessageBox(
        QMessageBox.Icon.Warning, "personamap hit a problem", text, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("crashDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(f"{more}\n\nDetails: {kind.__name__}: {printable(str(error), 300)}")
    box.setWindowModality(Qt.WindowModality.NonModal)
    for label in box.findChildren(QLabel):  # the informative text too (dialogs.run_plain)
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box


def _any_window() -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and hasattr(widget, "files"):
            return widget
    return None


def install_hook() -> CrashGuard:
    """Install the guard once per process (a second window reuses it)."""
    current = sys.excepthook
    if getattr(current, "personamap_guard", False):
        return current  # type: ignore[return-value]
    guard = CrashGuard(current)
    sys.excepthook = guard
    return guard
