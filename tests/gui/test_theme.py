"""View ▸ Theme: the dark theme recolours every board and the chrome, is remembered, and
light brings the original colours back."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from personamap.style import DARK, LIGHT, OKABE_ITO


def _theme_action(window, name: str):
    menu = window.features["editing"].theme.menu
    return next(a for a in menu.actions() if a.objectName() == f"view.theme.{name}")


def test_dark_theme_recolours_scenes_items_and_chrome(window) -> None:
    view = window.tabs.current_view()
    scene = view.board_scene
    assert scene.backgroundBrush().color() == QColor(LIGHT.canvas)
    try:
        _theme_action(window, "dark").trigger()
        for v in window.tabs.views.values():
            assert v.board_scene.backgroundBrush().color() == QColor(DARK.canvas)
            assert v.board_scene.theme is DARK
            assert all(item.theme is DARK for item in v.board_scene.items_by_id.values())
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60
        assert QSettings().value("appearance/theme") == "dark"
        image = view.grab().toImage()
        corner = image.pixelColor(4, image.height() // 2)
        assert corner.lightness() < 60  # the canvas really is dark on screen
        persona = window.document.project.personas[0]
        assert persona.color in OKABE_ITO  # content colours do not change with the theme
        window.tabs.add_board("Fresh")  # a board added later starts dark too
        fresh = window.tabs.current_view().board_scene
        assert fresh.theme is DARK and fresh.backgroundBrush().color() == QColor(DARK.canvas)
    finally:
        _theme_action(window, "light").trigger()
    assert scene.backgroundBrush().color() == QColor(LIGHT.canvas)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 150
