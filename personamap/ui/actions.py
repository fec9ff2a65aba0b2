"""Actions as data: id, text, shortcut and handler, so menus, toolbars, the command palette
and tests all reach the same commands by name (ARCHITECTURE.md rule 6)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

Shortcut = QKeySequence.StandardKey | str | None


class ActionSpec(NamedTuple):
    id: str
    text: str
    handler: Callable[[], object]
    shortcut: Shortcut = None
    checkable: bool = False
    tip: str = ""


def build_action(spec: ActionSpec, parent: QWidget) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(spec.id)
    if isinstance(spec.shortcut, QKeySequence.StandardKey):
        action.setShortcuts(spec.shortcut)
    elif spec.shortcut:
        action.setShortcut(QKeySequence(spec.shortcut))
    action.setCheckable(spec.checkable)
    if spec.tip:
        action.setStatusTip(spec.tip)
    if spec.checkable:
        action.toggled.connect(lambda _checked: spec.handler())
    else:
        action.triggered.connect(lambda _checked=False: spec.handler())
    return action


class ActionRegistry:
    """Every action of a window by id; menus are lists of ids (None for a separator)."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.actions: dict[str, QAction] = {}

    def add(self, *specs: ActionSpec) -> None:
        for spec in specs:
            action = build_action(spec, self._parent)
            self._parent.addAction(action)
            self.actions[spec.id] = action

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def fill_menu(self, bar: QMenuBar, title: str, ids: Sequence[str | None]) -> QMenu:
        menu = bar.addMenu(title)
        for action_id in ids:
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[action_id])
        return menu
