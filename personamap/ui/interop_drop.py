"""Files dropped on the window: a project opens, a Mermaid journey or a table is imported.

One event filter watches the window and every board's viewport. A board's scene takes any
drag that enters it, so a file dropped on the canvas never reaches the window: the filter
answers there first, for the file kinds it knows, and leaves images and library entries to the
board's own drop handler (personamap/canvas/drop.py). The work runs after the drop returns, so
a message box it shows does not open inside the drag.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from ..io import EXTENSION
from .interop_read import IMPORT_SUFFIXES

_DRAG = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_file(mime: QMimeData) -> Path | None:
    """The project among the dropped files, else the first one that can be imported."""
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    project = next((p for p in paths if p.suffix.lower() == EXTENSION), None)
    return project or next((p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES), None)


class FileDrop(QObject):
    """Takes project and import files dropped on the widgets it watches; `handle(path)` opens
    or imports one."""

    def __init__(self, window: QWidget, handle: Callable[[Path], object]) -> None:
        super().__init__(window)
        self.setObjectName("file_drop")
        self._handle = handle
        window.installEventFilter(self)

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _DRAG:
            return False
        path = dropped_file(event.mimeData())
        if path is None:
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        if event.type() == QEvent.Type.Drop:
            QTimer.singleShot(0, self, lambda: self._handle(path))
        return True
