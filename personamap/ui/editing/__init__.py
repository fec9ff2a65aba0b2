"""Editing everywhere on the canvas: select, nudge, delete, arrange, clipboard, connect —
plus Find and the light/dark theme, installed with it.

`install(window)` registers the actions (data, through `window.actions`), appends them to the
Edit menu each time the main window rebuilds it, adds an Arrange menu, and wires every board
view as it appears: arrow keys nudge, Shift+click adds to the selection like Ctrl+click, and a
connect handle shows on a single selected persona card.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QMenu

from ...canvas import clipboard
from ...canvas.view import BoardView
from ...document import Document
from ...style import GRID
from ..actions import ActionSpec
from . import commands
from .commands import Selection, selection_of
from .connecting import Connecting
from .pasting import Pasting

SK = QKeySequence.StandardKey
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
EDIT_MENU = ["edit.cut", "edit.copy", "edit.paste", "edit.duplicate", "edit.delete", None, "edit.select_all"]
ARRANGE_MENU = [
    "arrange.forward",
    "arrange.front",
    "arrange.backward",
    "arrange.back",
    None,
    "arrange.align_left",
    "arrange.align_centre",
    "arrange.align_right",
    "arrange.align_top",
    "arrange.align_middle",
    "arrange.align_bottom",
    None,
    "arrange.distribute_horizontal",
    "arrange.distribute_vertical",
]
NEEDS = {  # action id -> how many selected elements it needs
    "edit.cut": 1,
    "edit.copy": 1,
    "edit.duplicate": 1,
    "edit.delete": 1,
    "arrange.forward": 1,
    "arrange.front": 1,
    "arrange.backward": 1,
    "arrange.back": 1,
    **{f"arrange.align_{h}": 2 for h in ("left", "centre", "right", "top", "middle", "bottom")},
    "arrange.distribute_horizontal": 3,
    "arrange.distribute_vertical": 3,
}


class EditingController(QObject):
    """The editing commands of one window; `window.features["editing"]`."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.pasting = Pasting(lambda: window.document, self.current_view, self.report)
        self.connecting = Connecting(lambda: window.document, self.report)
        self._wired: list[BoardView] = []
        self._add_actions()
        self._scope_to_canvas()
        window.edit_menu_extensions.append(self._extend_edit_menu)
        self.arrange_menu = window.actions.fill_menu(window.menuBar(), "&Arrange", ARRANGE_MENU)
        window.tabs.current_view_changed.connect(self._on_view)
        QGuiApplication.clipboard().dataChanged.connect(self.update_enabled)
        from ..find import install as install_find
        from ..theme import install as install_theme

        self.find = install_find(window)
        self.theme = install_theme(window)
        self.update_enabled()

    # --- actions and menus ----------------------------------------------------------------

    def _add_actions(self) -> None:
        run = self._run
        self.window.actions.add(
            ActionSpec("edit.cut", "Cu&t", lambda: self.pasting.cut(self.selection()), SK.Cut),
            ActionSpec("edit.copy", "&Copy", lambda: self.pasting.copy(self.selection()), SK.Copy),
            ActionSpec("edit.paste", "&Paste", self.pasting.paste, SK.Paste),
            ActionSpec(
                "edit.duplicate", "D&uplicate", lambda: self.pasting.duplicate(self.selection()), "Ctrl+D"
            ),
            ActionSpec("edit.delete", "&Delete", lambda: run(commands.delete), SK.Delete),
            ActionSpec("edit.select_all", "Select &All", self.select_all, SK.SelectAll),
            ActionSpec("arrange.forward", "Bring &Forward", lambda: self._z("forward"), "Ctrl+]"),
            ActionSpec("arrange.front", "Bring to F&ront", lambda: self._z("front"), "Ctrl+Shift+]"),
            ActionSpec("arrange.backward", "Send &Backward", lambda: self._z("backward"), "Ctrl+["),
            ActionSpec("arrange.back", "Send to Bac&k", lambda: self._z("back"), "Ctrl+Shift+["),
            *(
                ActionSpec(f"arrange.align_{how}", f"Align {label}", lambda h=how: self._align(h))
                for how, label in (
                    ("left", "&Left"),
                    ("centre", "&Centre"),
                    ("right", "&Right"),
                    ("top", "&Top"),
                    ("middle", "&Middle"),
                    ("bottom", "Bo&ttom"),
                )
            ),
            ActionSpec(
                "arrange.distribute_horizontal",
                "Distribute &Horizontally",
                lambda: self._distribute("horizontal"),
            ),
            ActionSpec(
                "arrange.distribute_vertical", "Distribute &Vertically", lambda: self._distribute("vertical")
            ),
        )

    def _scope_to_canvas(self) -> None:
        """Canvas shortcuts act only while the canvas has focus, so Delete or Ctrl+C in
        a list or a form elsewhere keeps its own meaning; the menus still reach them."""
        for action_id in [*EDIT_MENU, *ARRANGE_MENU]:
            if action_id is None:
                continue
            action = self.window.actions[action_id]
            self.window.removeAction(action)
            self.window.tabs.addAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _extend_edit_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        for action_id in EDIT_MENU:
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(self.window.actions[action_id])
        if getattr(self, "find", None) is not None:
            menu.addSeparator()
            for action_id in ("edit.find", "edit.find_next", "edit.find_previous"):
                menu.addAction(self.window.actions[action_id])

    def update_enabled(self) -> None:
        if not (shiboken6.isValid(self.window) and shiboken6.isValid(self.window.tabs)):
            return  # the clipboard outlives windows
        document = self.window.document
        sel = self.selection()
        count = len(sel.shapes()) if sel else 0
        anything = bool(sel)
        for action_id, need in NEEDS.items():
            enough = anything if action_id.startswith("edit.") else count >= need
            self.window.actions[action_id].setEnabled(document is not None and enough)
        self.window.actions["edit.paste"].setEnabled(document is not None and clipboard.has_content())
        self.window.actions["edit.select_all"].setEnabled(document is not None)

    # --- selection ------------------------------------------------------------------------

    def current_view(self) -> BoardView | None:
        return self.window.tabs.current_view()

    def selection(self) -> Selection | None:
        view = self.current_view()
        return selection_of(view.board_scene) if view is not None else None

    def select_all(self) -> None:
        view = self.current_view()
        if view is not None:
            for item in view.board_scene.items_by_id.values():
                item.setSelected(True)

    def report(self, text: str) -> None:
        self.window.show_message(text)

    def _document(self) -> Document | None:
        return self.window.document

    def _run(self, command: Any, *args: Any) -> bool:
        document, sel = self._document(), self.selection()
        if document is None or sel is None:
            return False
        return bool(
            command(document, sel, *args, self.report) if args else command(document, sel, self.report)
        )

    def _z(self, how: str) -> None:
        self._run(commands.z_order, how)

    def _align(self, how: str) -> None:
        self._run(commands.align, how)

    def _distribute(self, axis: str) -> None:
        self._run(commands.distribute, axis)

    def nudge(self, dx: int, dy: int) -> bool:
        return self._run(commands.nudge, dx, dy)

    # --- views ----------------------------------------------------------------------------

    def _on_view(self, view: BoardView | None) -> None:
        self._wired = [v for v in self._wired if v in self.window.tabs.views.values()]
        for candidate in self.window.tabs.views.values():
            if all(candidate is not w for w in self._wired):
                self._wire(candidate)
        self.update_enabled()

    def _wire(self, view: BoardView) -> None:
        self._wired.append(view)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        scene = view.board_scene
        scene.selectionChanged.connect(self.update_enabled)
        self.connecting.wire(scene)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(watched, BoardView):
            return self._key(watched, event)  # type: ignore[arg-type]
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            return self._shift_click(watched, event)  # type: ignore[arg-type]
        return False

    def _key(self, view: BoardView, event: QKeyEvent) -> bool:
        step = ARROWS.get(event.key())
        mods = event.modifiers()
        if step is None or mods & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            return False
        if not view._editing_nothing() or not view.board_scene.selected_ids():
            return False
        scene = view.board_scene
        distance = GRID if mods & Qt.KeyboardModifier.ShiftModifier or scene.snap_to_grid else 1
        self.nudge(step[0] * distance, step[1] * distance)
        return True

    def _shift_click(self, watched: QObject, event: QMouseEvent) -> bool:
        """Shift+click adds to the selection as Ctrl+click does (Qt knows only Ctrl)."""
        mods = event.modifiers()
        shift, ctrl = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
        if not (mods & shift) or mods & ctrl or event.button() != Qt.MouseButton.LeftButton:
            return False
        twin = QMouseEvent(
            event.type(),
            event.position(),
            event.scenePosition(),
            event.globalPosition(),
            event.button(),
            event.buttons(),
            (mods & ~shift) | ctrl,
        )
        QGuiApplication.sendEvent(watched, twin)
        return True


def install(window: Any) -> EditingController:
    return EditingController(window)
