"""Helpers for the workshop tests: start presenting with F5 as a facilitator does."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication


def activate(window, widget) -> None:
    window.activateWindow()
    for _ in range(50):
        QApplication.processEvents()
        if window.isActiveWindow():
            break
    widget.setFocus()


def show_board(window, name: str):
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == name)
    window.tabs.setCurrentIndex(index)
    return window.tabs.current_view()


def present(window, qtbot, board: str = "Personas", size: tuple[int, int] | None = (1600, 900)):
    """F5 on the editor's canvas: the present window opens full screen; moves are made
    instant. The offscreen screen is 800×800, so by default the window is then given a
    projector's shape (which leaves full screen)."""
    view = show_board(window, board)
    activate(window, view)
    qtbot.keyClick(view, Qt.Key.Key_F5)
    workshop = window.features["workshop"]
    win = workshop.presenter.present
    assert win is not None
    qtbot.waitExposed(win)
    win.view.animation_ms = 0
    assert win.windowState() & Qt.WindowState.WindowFullScreen
    if size is not None:
        win.showNormal()
        win.resize(*size)
        qtbot.waitUntil(lambda: win.view.viewport().width() == size[0])
    win.view.setFocus()
    return workshop, win


def frames(view, rect: QRectF) -> bool:
    """The rect is inside the visible area and fills most of its width or height."""
    view.settle()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    inside = visible.adjusted(-1, -1, 1, 1).contains(rect)
    fills = rect.width() / visible.width() > 0.5 or rect.height() / visible.height() > 0.5
    return inside and fills
