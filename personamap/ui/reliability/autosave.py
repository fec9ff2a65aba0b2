"""Autosave for one window: a full snapshot of its document into the session a few seconds
after edits stop (at most MAX_WAIT_S after the first unsnapshotted edit, however steadily the
user keeps editing), when the window loses focus, and at quit — only when something changed
since the last snapshot, never over the user's file. Snapshots are forgotten once the
document is saved, or when the user lets it go (saved or discarded on close).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer

from ...document import Document
from ...io import ProjectFileError
from ...io.autosave import Debounce
from ...io.errors import os_reason
from .hub import Hub


class AutosaveTracker(QObject):
    """Watches the window's current document and writes its snapshots."""

    def __init__(self, window: Any, hub: Hub) -> None:
        super().__init__(window)
        self.window = window
        self.hub = hub
        self.document: Document | None = None
        self.dirty = False
        """Edited since the last snapshot."""
        self.last_snapshot: Path | None = None
        self.clock: Callable[[], float] = time.monotonic
        """Seconds; tests put a fake clock here."""
        self.debounce = Debounce()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.snapshot_now)
        files = window.files
        files.document_changed.connect(self._on_document)
        files.saved.connect(self._forget)
        files.released.connect(self._forget)
        window.installEventFilter(self)
        hub.add(self)
        self._on_document(files.document)

    # --- which document -----------------------------------------------------------------

    @staticmethod
    def key(document: Document) -> str | None:
        return getattr(document, "autosave_key", None)

    def _on_document(self, document: Document | None) -> None:
        old = self.document
        if old is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                old.changed.disconnect(self._on_edit)
                old.modified_changed.disconnect(self._on_modified)
        self.timer.stop()
        self.debounce.done()
        self.document = document
        self.dirty = False
        if document is None:
            return
        if self.key(document) is None:
            document.autosave_key = self.hub.session.new_document_key()  # type: ignore[attr-defined]
        document.changed.connect(self._on_edit)
        document.modified_changed.connect(self._on_modified)

    def _on_edit(self, *_args: object) -> None:
        self.dirty = True
        now = self.clock()
        due = self.debounce.edit(now)
        self.timer.start(max(0, round((due - now) * 1000)))

    def _on_modified(self, modified: bool) -> None:
        if not modified:  # saved, or undone back to what is on disk
            self._forget(self.document)

    def _forget(self, document: Document | None) -> None:
        key = self.key(document) if document is not None else None
        if key is None or self.hub.finished:
            return
        self.hub.session.forget(key)
        if document is self.document:
            self.timer.stop()
            self.debounce.done()
            self.dirty = False

    # --- writing ------------------------------------------------------------------------

    def snapshot_now(self, force: bool = False) -> Path | None:
        """Write a snapshot if the document has unsaved edits not yet snapshotted (or any
        unsaved edits, with `force`). Failures go to the status bar, never up; the next edit
        arms the timer again."""
        self.timer.stop()
        self.debounce.done()
        doc = self.document
        if doc is None or self.hub.finished or not doc.is_modified or not (self.dirty or force):
            return None
        key = self.key(doc)
        assert key is not None
        files = self.window.files
        disk = files.disk.to_json() if files.disk is not None and doc.path is not None else None
        try:
            self.last_snapshot = self.hub.session.snapshot(key, doc.project, doc.path, {"disk": disk})
        except ProjectFileError as exc:
            self._tell(f"Autosave failed: {exc.problems[0][1]}")
            return None
        except OSError as exc:
            self._tell(f"Autosave failed: {os_reason(exc)}")
            return None
        self.dirty = False
        return self.last_snapshot

    def _tell(self, text: str) -> None:
        show = getattr(self.window, "show_message", None)
        if show is not None:
            show(text)

    # --- window events ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.WindowDeactivate:
            self.snapshot_now()
        elif kind == QEvent.Type.Close:
            QTimer.singleShot(0, self, self._after_close)  # dropped if the window was deleted
        return False

    def _after_close(self) -> None:
        """The close was accepted if the window is gone; the last window ends the session."""
        try:
            visible = self.window.isVisible()
        except RuntimeError:  # the window was deleted
            visible = False
        if not visible:
            with contextlib.suppress(RuntimeError):
                self.timer.stop()
            self.hub.remove(self)
