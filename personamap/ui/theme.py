"""View ▸ Theme ▸ Light / Dark, remembered in QSettings.

The canvas takes its colours from `personamap.style` (LIGHT, DARK): scenes, their items and
backgrounds switch in place; the window chrome gets a matching QPalette. Persona and curve
colours (Okabe–Ito) and note fills stay the same in both themes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem, QMenu

from ..style import DARK, LIGHT, THEMES, Theme
from .actions import ActionSpec

SETTING = "appearance/theme"


def dark_palette(theme: Theme = DARK) -> QPalette:
    """Window chrome in the dark theme's greys, with the theme's selection blue."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    window, base, text = QColor("#1E2127"), QColor(theme.card), QColor(theme.text)
    muted = QColor(theme.muted_text)
    for r, c in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, QColor("#262A31")),
        (role.ToolTipBase, base),
        (role.ToolTipText, text),
        (role.PlaceholderText, muted),
        (role.Text, text),
        (role.Button, QColor("#2A2E35")),
        (role.ButtonText, text),
        (role.BrightText, QColor("#FFFFFF")),
        (role.Highlight, QColor("#0072B2")),
        (role.HighlightedText, QColor("#FFFFFF")),
        (role.Link, QColor(theme.selection)),
        (role.Mid, QColor(theme.card_border)),
        (role.Dark, QColor("#121418")),
        (role.Light, QColor("#3A3F47")),
    ):
        p.setColor(r, c)
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#6B737D"))
    return p


def _retheme(item: QGraphicsItem, theme: Theme) -> None:
    if hasattr(item, "theme"):
        item.theme = theme
    for child in item.childItems():
        _retheme(child, theme)
    item.update()


class ThemeController:
    """Applies a theme to every open board and to the chrome; `features["editing"].theme`."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.current: Theme = LIGHT
        self._light_palette = QApplication.style().standardPalette()
        window.actions.add(
            ActionSpec("view.theme.light", "&Light", lambda: self._chosen("light"), checkable=True),
            ActionSpec("view.theme.dark", "&Dark", lambda: self._chosen("dark"), checkable=True),
            ActionSpec(
                "view.theme.projector", "&Projector", lambda: self._chosen("projector"), checkable=True
            ),
        )
        self.group = QActionGroup(window)
        self.group.setExclusive(True)
        for name in THEMES:
            self.group.addAction(window.actions[f"view.theme.{name}"])
        self.menu = QMenu("&Theme", window)
        self.menu.addActions(self.group.actions())
        view_menu = self._view_menu()
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addMenu(self.menu)
        window.tabs.current_view_changed.connect(lambda _v: self.apply(self.current))
        saved = str(QSettings().value(SETTING, "light"))
        self.set_theme(saved if saved in THEMES else "light")

    def _view_menu(self) -> QMenu | None:
        for action in self.window.menuBar().actions():
            if action.menu() is not None and action.text().replace("&", "") == "View":
                return action.menu()
        return None

    def _chosen(self, name: str) -> None:
        if self.window.actions[f"view.theme.{name}"].isChecked():
            self.set_theme(name)

    def set_theme(self, name: str) -> None:
        """Switch to a theme by name and remember it."""
        theme = THEMES[name]
        action = self.window.actions[f"view.theme.{name}"]
        if not action.isChecked():
            action.setChecked(True)  # re-enters through _chosen
            return
        settings = QSettings()
        if settings.value(SETTING) != name:  # at start-up it is the saved one: no disk write
            settings.setValue(SETTING, name)
        self.apply(theme)

    def apply(self, theme: Theme) -> None:
        changed = theme is not self.current
        self.current = theme
        tabs = self.window.tabs
        tabs.theme = theme
        for view in tabs.views.values():
            scene = view.board_scene
            if scene.theme is theme:
                continue
            scene.theme = theme
            scene.setBackgroundBrush(QColor(theme.canvas))
            for item in scene.items_by_id.values():
                _retheme(item, theme)
            view.overview.invalidate()
            scene.update()
        if changed:
            QApplication.setPalette(dark_palette(theme) if theme is DARK else self._light_palette)


def install(window: Any) -> ThemeController:
    return ThemeController(window)
