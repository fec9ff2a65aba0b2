"""View ▸ Theme: the dark theme recolours every board and the chrome, is remembered, and
light brings the original colours back."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QToolButton, QWidget

from personamap.canvas.items.persona_card import PersonaCardItem
from personamap.style import DARK, LIGHT, OKABE_ITO, THEMES, contrast, luminance
from personamap.ui.inspector.element_forms import PersonaCardForm

from .conftest import click, item_center


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


def _colors(widget: QWidget) -> tuple[str, str]:
    """(text, background) a widget is drawn with, as its style (sheet) resolved them."""
    palette = widget.palette()
    return palette.color(widget.foregroundRole()).name(), palette.color(widget.backgroundRole()).name()


def _inspector_pairs(dock) -> dict[str, tuple[str, str]]:
    """The inspector's heading, a section header, a field and a muted label: text on ground."""
    section = dock.form.findChild(QToolButton, "sectionHeader")
    field = dock.form.findChild(QLineEdit)
    label = dock.form.findChild(QLabel)
    body = dock.widget().palette().color(QPalette.ColorRole.Window).name()
    return {
        "heading": (_colors(dock.heading)[0], body),
        "section": (
            section.palette().color(section.foregroundRole()).name(),
            section.palette().button().color().name(),
        ),
        "field": (field.palette().text().color().name(), field.palette().base().color().name()),
        "label": (_colors(label)[0], body),
    }


def test_the_open_inspector_page_follows_every_theme_switch(window) -> None:
    view = window.tabs.current_view()
    view.zoom_actual()
    card = next(i for i in view.board_scene.items_by_id.values() if isinstance(i, PersonaCardItem))
    view.centerOn(card)
    click(view, item_center(view, card) + QPoint(0, 30))
    dock = window.features["inspector"]
    form = dock.form
    assert isinstance(form, PersonaCardForm)
    try:
        for name in ("dark", "projector", "light", "dark", "light"):
            _theme_action(window, name).trigger()
            QApplication.processEvents()
            assert dock.form is form  # the page stays open while the theme changes under it
            theme = THEMES[name]
            for part, (text, ground) in _inspector_pairs(dock).items():
                assert contrast(text, ground) >= 4.5, (name, part, text, ground)
                # the page takes the new theme: a dark ground in dark, a light one otherwise
                assert (luminance(ground) < 0.1) == (theme is DARK), (name, part, ground)
    finally:
        _theme_action(window, "light").trigger()


def test_styled_chrome_widgets_take_the_new_theme_text_colour(window) -> None:
    """Widgets with a style sheet of their own (the Library's element tiles, its headings)
    keep their text readable on the dock after each switch."""
    library = window.features["library"]
    headings = [w for w in library.findChildren(QLabel) if w.styleSheet()]
    assert headings
    try:
        for name in ("dark", "light", "dark", "projector"):
            _theme_action(window, name).trigger()
            QApplication.processEvents()
            ground = QApplication.palette().color(QPalette.ColorRole.Window).name()
            tiles = library.elements.palette().color(QPalette.ColorRole.Text).name()
            assert contrast(tiles, ground) >= 4.5, (name, tiles, ground)
            for heading in headings:
                text = _colors(heading)[0]
                assert contrast(text, ground) >= 4.5, (name, heading.text(), text, ground)
    finally:
        _theme_action(window, "light").trigger()
