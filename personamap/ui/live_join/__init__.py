"""File ▸ Join Session…: take part in someone else's live workshop from personamap, as a
participant (the browser page's counterpart). The dialog and the board window load on first
use, so they cost nothing at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from ..actions import ActionSpec

if TYPE_CHECKING:
    from .board import LiveBoardWindow
    from .dialog import JoinDialog


class JoinFeature:
    """The Join Session action; keeps the dialog and the open boards so tests can reach them."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.dialog: JoinDialog | None = None
        self.boards: list[LiveBoardWindow] = []
        window.actions.add(
            ActionSpec(
                "file.join_session",
                "&Join Session…",
                self.open_dialog,
                tip="Take part in a live workshop someone hosts on this network",
            )
        )
        self.action = window.actions["file.join_session"]
        before = window.actions.actions.get("file.export") or window.actions["file.close"]
        window.file_menu.insertAction(before, self.action)

    def open_dialog(self) -> JoinDialog:
        from .dialog import JoinDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        dialog = self.dialog = JoinDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.open_board(*dialog.choice()))
        dialog.open()
        return dialog

    def open_board(self, url: str, pin: str, name: str) -> LiveBoardWindow:
        from ...live.join_link import Link
        from .board import LiveBoardWindow

        board = LiveBoardWindow(Link(url, pin, name), self.window)
        board.destroyed.connect(lambda: self.boards.remove(board) if board in self.boards else None)
        self.boards.append(board)
        board.show()
        return board


def install(window: Any) -> JoinFeature:
    return JoinFeature(window)
