"""Workshop ▸ Invite Participants…: the editor hosts a live session (issue 17) that phones,
browsers and other personamaps join on the room's network (docs/live.md).

`install(window)` adds the action; the returned `LiveHostFeature` is
`window.features["live_host"]`. The session ends, and its server stops, when the facilitator
ends it, closes or reloads the project, or quits: nothing stays reachable after that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMenu

from ..actions import ActionSpec

if TYPE_CHECKING:
    from ...live.shape import Permissions
    from .controller import LiveHostController
    from .window import InviteWindow


class LiveHostFeature:
    """The Invite Participants action, its window and the session it runs (one at a time)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.dialog: InviteWindow | None = None
        self.controller: LiveHostController | None = None
        self.on_projector = False
        self.qr_modules: list[list[bool]] = []
        window.actions.add(
            ActionSpec(
                "workshop.invite",
                "&Invite Participants…",
                self.open_window,
                tip="Let people in the room add notes and vote from their phones or laptops",
            )
        )
        self.action = window.actions["workshop.invite"]
        menu = _menu(window, "Workshop")
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.action)
        window.files.released.connect(lambda _doc: self.end_session("The project was closed."))
        window.files.document_changed.connect(self._document_changed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.end_session)
        self.action.setEnabled(window.document is not None)

    def _document_changed(self, document: object) -> None:
        """A session belongs to the project it was started on."""
        self.end_session("The project was closed.")
        self.action.setEnabled(document is not None)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.close()

    def open_window(self) -> InviteWindow | None:
        doc = self.window.document
        if doc is None:
            return None
        if self.dialog is None:
            from .window import InviteWindow

            self.dialog = InviteWindow(self, self.window)
        if self.controller is None:
            from ...live.server import lan_address

            view = self.window.tabs.current_view()
            current = view.board_scene.board_id if view is not None else None
            boards = [(b.id, b.name) for b in doc.project.boards]
            self.dialog.prepare(boards, current, lan_address())
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    # --- the session --------------------------------------------------------------------------

    def start_session(
        self, board_id: str, bind: str, port: int, permissions: Permissions, pin: str | None = None
    ) -> str:
        """Start serving (with `pin`, else a random one); the reason in one line when it
        cannot, else ""."""
        doc = self.window.document
        if doc is None or self.controller is not None:
            return "A session is already running." if doc is not None else "Open a project first."
        from .controller import LiveHostController
        from .qr import qr_modules

        controller = LiveHostController(self.window, doc, board_id, permissions, pin=pin)
        try:
            url = controller.start(bind, port)
        except OSError as exc:
            controller.end()
            controller.deleteLater()
            return f"Cannot listen on {bind}:{port}: {exc.strerror or exc}"
        self.controller = controller
        self.qr_modules = qr_modules(url)
        controller.changed.connect(self._refresh)
        self._add_painter()
        if self.dialog is not None:
            self.dialog.show_running(url, controller.pin, permissions)
        self.window.show_message(f"Live session open at {url}")
        return ""

    def end_session(self, reason: str = "The session has ended.") -> None:
        controller, self.controller = self.controller, None
        if controller is None:
            return
        controller.end()
        controller.deleteLater()
        self.show_on_projector(False)
        if self.dialog is not None:
            self.dialog.show_ended(reason)
        self.window.show_message(reason)

    def remove_participant(self, pid: str) -> None:
        if self.controller is not None:
            self.controller.remove(pid)
            self._refresh()

    def set_locked(self, locked: bool) -> None:
        if self.controller is not None:
            self.controller.set_locked(locked)

    def set_permissions(self, permissions: Permissions) -> None:
        if self.controller is not None:
            self.controller.set_permissions(permissions)

    def _refresh(self) -> None:
        if self.controller is not None and self.dialog is not None:
            self.dialog.show_rows(self.controller.rows())

    # --- on the projector ---------------------------------------------------------------------

    def show_on_projector(self, on: bool) -> None:
        self.on_projector = on
        workshop = self.window.features.get("workshop")
        if workshop is not None and workshop.presenting:
            workshop.presenter.present.view.viewport().update()

    def _add_painter(self) -> None:
        """Draw the invitation in the presentation, now and in every later one."""
        workshop = self.window.features.get("workshop")
        if workshop is None:
            return
        presenter = workshop.presenter
        if self._paint not in presenter.painters:
            presenter.painters.append(self._paint)
        if presenter.present is not None and self._paint not in presenter.present.view.foreground_painters:
            presenter.present.view.foreground_painters.append(self._paint)

    def _paint(self, painter: QPainter, w: float, h: float) -> None:
        controller = self.controller
        if self.on_projector and controller is not None:
            from .overlay import paint_invite

            paint_invite(painter, controller.url, controller.pin, self.qr_modules, w, h)


def _menu(window: Any, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            return action.menu()
    return None


def install(window: Any) -> LiveHostFeature:
    return LiveHostFeature(window)
