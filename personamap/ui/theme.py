"""View ▸ Theme ▸ Light / Dark / Projector, remembered in QSettings.

Every colour comes from one palette, `personamap.style.Theme` (LIGHT, DARK, PROJECTOR):
scenes, their items and backgrounds switch in place; the window chrome gets a QPalette made
from the same theme, and docks with a style sheet restyle. Persona and curve colours
(Okabe–Ito) and note fills stay the same in every theme.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsItem, QMenu, QWidget

from ..style import LIGHT, THEMES, Theme, ink_on
from .actions import ActionSpec

SETTING = "appearance/theme"


def chrome_palette(theme: Theme) -> QPalette:
    """Window chrome (docks, menus, forms) in a theme's colours, with its selection blue."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    base, text, muted = QColor(theme.card), QColor(theme.text), QColor(theme.muted_text)
    for r, c in (
        (role.Window, QColor(theme.window)),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, QColor(theme.window_alt)),
        (role.ToolTipBase, base),
        (role.ToolTipText, text),
        (role.PlaceholderText, muted),
        (role.Text, text),
        (role.Button, QColor(theme.button)),
        (role.ButtonText, text),
        (role.BrightText, QColor(theme.chip)),
        (role.Highlight, QColor(LIGHT.selection)),
        (role.HighlightedText, QColor(ink_on(LIGHT.selection))),
        (role.Link, QColor(theme.selection)),
        (role.Mid, QColor(theme.card_border)),
        (role.Dark, QColor(theme.shadow)),
        (role.Light, QColor(theme.bevel)),
    ):
        p.setColor(r, c)
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(theme.disabled_text))
    return p


def _retheme(item: QGraphicsItem, theme: Theme) -> None:
    if hasattr(item, "theme"):
        item.theme = theme
    for child in item.childItems():
        _retheme(child, theme)
    item.update()


def _restyle(window: QWidget, theme: Theme) -> None:
    """After a palette change: docks with a themed style sheet rebuild it; every other widget
    with a style sheet is polished again, since Qt keeps the palette it had when first
    polished (a library list, a swatch would keep the old theme's text colour)."""
    for dock in window.findChildren(QDockWidget):
        if hasattr(dock, "apply_theme"):
            dock.apply_theme(theme)
    for widget in window.findChildren(QWidget):
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


class ThemeController:
    """Applies a theme to every open board and to the chrome; `features["editing"].theme`."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.current: Theme = LIGHT
        self._chrome: Theme | None = None
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
        if theme is not self._chrome:
            switched, self._chrome = self._chrome is not None, theme
            QApplication.setPalette(chrome_palette(theme))
            if switched:
                _restyle(self.window, theme)


def install(window: Any) -> ThemeController:
    return ThemeController(window)
