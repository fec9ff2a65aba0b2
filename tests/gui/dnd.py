"""Drag-and-drop as Qt delivers it: enter, move and drop events sent to a view's viewport."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from personamap.canvas.view import BoardView

COPY = Qt.DropAction.CopyAction
LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def drop_on(view: BoardView, mime: QMimeData, pos: QPoint) -> bool:
    """Drag `mime` into the viewport, over `pos`, and drop it there; True if the drop was taken."""
    viewport = view.viewport()
    enter = QDragEnterEvent(pos, COPY, mime, LEFT, NO_MOD)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(pos, COPY, mime, LEFT, NO_MOD)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(QPointF(pos), COPY, mime, LEFT, NO_MOD)
    QApplication.sendEvent(viewport, drop)
    QApplication.processEvents()
    return drop.isAccepted()


def file_mime(*paths: Path) -> QMimeData:
    """What a file manager offers when files are dragged out of it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def empty_spot(view: BoardView, x: float = 4000, y: float = 4000) -> QPoint:
    """Scroll the view to an empty part of the board at 100 % and return the viewport centre."""
    view.zoom_actual()
    view.centerOn(x, y)
    QApplication.processEvents()
    return view.viewport().rect().center()
