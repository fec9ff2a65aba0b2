"""Presenting: open the projected window on the chosen screen, walk the path, overview, focus.

Keys in the present window: PageDown/Down next stop, PageUp/Up previous, Right/Left next or
previous target (skipping the pieces of a stage), Home/End, O overview, F focus on/off,
Z frame and focus the selection, Esc or F5 leave. Timer, voting and capture keys are handed
to the workshop (`extra_keys`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QKeyEvent, QPainter, QPen, QScreen
from PySide6.QtWidgets import QGraphicsItem

from ...canvas.scene import BoardScene
from ...style import PROJECTOR, PROJECTOR_BODY_PX, Theme
from .present_window import PresentWindow
from .walkthrough import Stop, custom_stops, default_stops, fit_zoom, frame_zoom, saved_path

K = Qt.Key
MESSAGE_MS = 4000
CAPTION_CLEAR_PX = 40.0
"""Added to the framing margin above and below the overview so the caption covers no board."""


def retheme_scene(scene: BoardScene, theme: Theme) -> None:
    """Give a scene and all its items a theme (the presented board wears the projector theme)."""
    if scene.theme is theme:
        return
    scene.theme = theme
    scene.setBackgroundBrush(QColor(theme.canvas))

    def walk(item: QGraphicsItem) -> None:
        if hasattr(item, "theme"):
            item.theme = theme
        for child in item.childItems():
            walk(child)
        item.update()

    for item in scene.items_by_id.values():
        walk(item)
    scene.update()


def choose_screen(editor: Any, wanted: str = "") -> QScreen:
    """The screen named `wanted`, else a screen other than the editor's, else the editor's."""
    screens = QGuiApplication.screens()
    for screen in screens:
        if wanted and screen.name() == wanted:
            return screen
    own = editor.screen() if editor is not None else None
    others = [s for s in screens if s is not own]
    return others[0] if others else (own or QGuiApplication.primaryScreen())


class Presenter:
    """Owns the present window while presenting; `workshop.presenter` in tests."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.present: PresentWindow | None = None
        self.index = -1  # -1: the overview before the first stop
        self.overview = False
        self.screen_name = ""
        self.extra_keys: Callable[[QKeyEvent], bool] | None = None
        self.painters: list[Callable[[QPainter, float, float], None]] = []
        self.moved: list[Callable[[], None]] = []
        """Called after the presented stop changes (a live session's focus follows it)."""
        self.message = ""
        self._stops: list[Stop] = []
        self._board_id = ""
        self._entry = 0

    # --- start and stop ---------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.present is not None

    def start(self, fullscreen: bool = True) -> PresentWindow | None:
        doc = self.window.document
        view = self.window.tabs.current_view()
        if doc is None or view is None:
            self.window.show_message("Open a project to present it.")
            return None
        if self.present is not None:
            return self.present
        scene = view.board_scene
        self._board_id = scene.board_id
        self.present = PresentWindow(scene)
        pv = self.present.view
        pv.key_handler = self._key
        pv.resized = self._reframe
        pv.foreground_painters = [self._paint_caption, *self.painters]
        self.present.closed.connect(self._closed)
        self._theme_all()
        self.window.tabs.current_view_changed.connect(self._theme_all)
        doc.changed.connect(self._on_changed)
        doc.refused.connect(self.flash)  # the room sees why an edit was refused
        self.index, self.overview = -1, True
        screen = choose_screen(self.window, self.screen_name)
        self.present.setScreen(screen)
        self.present.setGeometry(screen.geometry())
        if fullscreen:
            self.present.showFullScreen()
        else:
            self.present.show()
        pv.setFocus()
        stops = self.stops()
        self._entry = next((k for k, s in enumerate(stops) if s.board_id == scene.board_id), 0)
        self.show_overview(animate=False)
        return self.present

    def stop(self) -> None:
        present, self.present = self.present, None
        if present is None:
            return
        present.close_parking()
        try:
            self.window.tabs.current_view_changed.disconnect(self._theme_all)
            if self.window.document is not None:
                self.window.document.changed.disconnect(self._on_changed)
                self.window.document.refused.disconnect(self.flash)
        except (RuntimeError, TypeError):
            pass
        present.hide()
        present.deleteLater()
        self._restore_theme()
        self.window.activateWindow()
        self._moved()

    def toggle(self) -> None:
        self.stop() if self.active else self.start()

    def _closed(self) -> None:
        if self.present is not None:
            self.stop()

    def _theme_all(self, *_: object) -> None:
        for view in self.window.tabs.views.values():
            retheme_scene(view.board_scene, PROJECTOR)

    def _restore_theme(self) -> None:
        controller = getattr(self.window.features.get("editing"), "theme", None)
        if controller is not None:
            controller.apply(controller.current)
            return
        for view in self.window.tabs.views.values():
            retheme_scene(view.board_scene, self.window.tabs.theme)

    # --- the path -----------------------------------------------------------------------------

    def viewport_size(self) -> QSizeF:
        if self.present is None:
            return QSizeF(1920, 1080)
        return QSizeF(self.present.view.viewport().size())

    def stops(self) -> list[Stop]:
        """The whole path, board by board (rebuilt: layouts change while people add notes)."""
        doc = self.window.document
        if doc is None:
            return []
        size = self.viewport_size()
        stops: list[Stop] = []
        for board in doc.project.boards:
            view = self.window.tabs.view_for(board.id)
            if view is None:
                continue
            scene = view.board_scene
            custom = saved_path(board.id)
            items = [scene.items_by_id[e.id] for e in board.elements if e.id in scene.items_by_id]
            if custom:
                stops += custom_stops(board.id, scene.items_by_id, custom, size)
            else:
                stops += default_stops(board.id, items, size)
        self._stops = stops
        return stops

    def current(self) -> Stop | None:
        return self._stops[self.index] if 0 <= self.index < len(self._stops) else None

    def go(self, index: int, animate: bool = True) -> None:
        stops = self.stops()
        if not stops or self.present is None:
            return
        self.index = max(0, min(len(stops) - 1, index))
        self.overview = False
        self.message = ""
        stop = stops[self.index]
        self._show_board(stop.board_id)
        view = self.present.view
        view.focus.hole = QRectF(stop.focus)
        zoom = frame_zoom(stop.rect, self.viewport_size(), stop.text_scale)
        view.move_camera(stop.rect.center(), zoom, animate)
        self._moved()

    def step(self, delta: int) -> None:
        self.stops()
        if self.index < 0:  # from the opening overview into the presented board's first stop
            self.go(self._entry if delta > 0 else self._entry - 1)
        elif self.overview:
            self.go(self.index)
        else:
            self.go(self.index + delta)

    def jump_target(self, delta: int) -> None:
        """To the next (previous) stop that is not another piece of the current one."""
        stops = self.stops()
        here = self.current()
        k = self.index
        while 0 <= k + delta < len(stops):
            k += delta
            if here is None or stops[k].key != here.key:
                break
        if delta < 0 and 0 <= k < len(stops):
            key = stops[k].key
            while k > 0 and stops[k - 1].key == key:
                k -= 1
        self.go(k)

    def show_overview(self, animate: bool = True) -> None:
        """The whole board, framed at the zoom that fits it (walkthrough.py: the overview is
        the one view exempt from the legible zoom; the semantic zoom keeps its names legible)."""
        if self.present is None:
            return
        view = self.present.view
        bounds = view.board_scene.itemsBoundingRect()
        if bounds.isEmpty():
            return
        size = self.viewport_size()  # kept clear at the foot (and so at the head): the caption
        room = QSizeF(size.width(), max(1.0, size.height() - 2 * CAPTION_CLEAR_PX))
        self.message = ""
        self.overview = True
        view.focus.hole = None
        view.move_camera(bounds.center(), fit_zoom(bounds, room), animate)
        self._moved()

    def _moved(self) -> None:
        for hook in list(self.moved):
            hook()

    def _reframe(self) -> None:
        """The window got its size (full screen settles after the first show, a projector is
        plugged in): frame the overview or the stop again for the new shape."""
        if self.present is None:
            return
        if self.overview:
            self.show_overview(animate=False)
        elif self.current() is not None:
            self.go(self.index, animate=False)

    def toggle_overview(self) -> None:
        if self.overview and self.index >= 0:
            self.go(self.index)
        else:
            self.show_overview()

    def focus_selection(self) -> None:
        """Frame and light what is selected on the presented board (Z)."""
        if self.present is None:
            return
        scene = self.present.view.board_scene
        rect = QRectF()
        for item in scene.selectedItems():
            rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            self.flash("Select something on the board first.")
            return
        self.present.view.focus.hole = rect
        self.overview = False
        self.present.view.move_camera(rect.center(), frame_zoom(rect, self.viewport_size()))

    def _show_board(self, board_id: str) -> None:
        view = self.window.tabs.view_for(board_id)
        if view is None or self.present is None:
            return
        if self.present.view.scene() is not view.board_scene:
            self.present.view.setScene(view.board_scene)
            self._board_id = board_id
        if self.window.tabs.current_view() is not view:
            self.window.tabs.show_board(board_id)

    def _on_changed(self, *_: object) -> None:
        """The stop's shape follows edits (a stage grows as notes come in); the camera stays."""
        stop = self.current()
        if stop is None or self.present is None or self.overview:
            return
        for fresh in self.stops():
            if fresh.key == stop.key and fresh.piece == stop.piece:
                self.present.view.focus.hole = QRectF(fresh.focus)
                self.present.view.viewport().update()
                return

    # --- keys and caption ---------------------------------------------------------------------

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        table: dict[int, Callable[[], None]] = {
            K.Key_Escape: self.stop,
            K.Key_F5: self.stop,
            K.Key_PageDown: lambda: self.step(1),
            K.Key_Down: lambda: self.step(1),
            K.Key_PageUp: lambda: self.step(-1),
            K.Key_Up: lambda: self.step(-1),
            K.Key_Right: lambda: self.jump_target(1),
            K.Key_Left: lambda: self.jump_target(-1),
            K.Key_Home: lambda: self.go(0),
            K.Key_End: lambda: self.go(len(self.stops()) - 1),
            K.Key_O: self.toggle_overview,
            K.Key_F: self.toggle_focus,
            K.Key_Z: self.focus_selection,
        }
        if self.extra_keys is not None and self.extra_keys(event):
            return True
        action = table.get(key)
        if action is None or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        action()
        return True

    def toggle_focus(self) -> None:
        if self.present is not None:
            focus = self.present.view.focus
            focus.enabled = not focus.enabled
            self.present.view.viewport().update()

    def flash(self, text: str) -> None:
        """A line for the room at the foot of the screen (until the next move)."""
        self.message = text
        self.window.show_message(text)
        QTimer.singleShot(MESSAGE_MS, lambda: self._expire(text))
        if self.present is not None:
            self.present.view.viewport().update()

    def _expire(self, text: str) -> None:
        if self.message == text:
            self.message = ""
            if self.present is not None:
                self.present.view.viewport().update()

    def _paint_caption(self, painter: QPainter, w: float, h: float) -> None:
        """Bottom left: where we are on the path (or a message for the room)."""
        stop = self.current()
        if self.message:
            text, suffix = self.message, ""
        elif self.overview or stop is None:
            text, suffix = "Overview", "   ·   PageDown to start" if stop is None else ""
        else:
            part = f"  ({stop.piece + 1}/{stop.pieces})" if stop.pieces > 1 else ""
            text, suffix = stop.label, f"{part}   ·   {self.index + 1} / {len(self._stops)}"
        paint_chip(painter, text, 24, h - 24, align_left=True, suffix=suffix, max_width=w * 0.62)


def paint_chip(
    painter: QPainter,
    text: str,
    x: float,
    bottom: float,
    *,
    align_left: bool,
    color: str = "#1F2328",
    suffix: str = "",
    max_width: float = 1200,
    dot: str = "",
) -> QRectF:
    """A dark pill with white text at PROJECTOR_BODY_PX, anchored at its bottom corner; `text`
    is elided to fit, `suffix` (a position, a count) always shows; `dot` puts a colour dot first."""
    font = QFont()
    font.setPixelSize(round(PROJECTOR_BODY_PX))
    font.setBold(True)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    pad, lead = 18.0, (PROJECTOR_BODY_PX * 1.1 if dot else 0.0)
    tail = metrics.horizontalAdvance(suffix) if suffix else 0.0
    room = max(40.0, max_width - 2 * pad - lead - tail)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    width = metrics.horizontalAdvance(shown) + tail + lead + 2 * pad + 4
    height = metrics.height() + 16
    rect = QRectF(x if align_left else x - width, bottom - height, width, height)
    back = QColor(color)
    back.setAlpha(230)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(back)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.drawRoundedRect(rect, height / 2, height / 2)
    if dot:
        d = PROJECTOR_BODY_PX * 0.75
        painter.setPen(QPen(QColor("#FFFFFF"), 2))
        painter.setBrush(QColor(dot))
        painter.drawEllipse(QRectF(rect.left() + pad, rect.center().y() - d / 2, d, d))
    painter.setPen(QColor("#FFFFFF"))
    inner = rect.adjusted(pad + lead, 0, -pad, 0)
    painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown + suffix)
    return rect
