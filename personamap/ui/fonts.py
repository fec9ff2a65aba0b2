"""The content font, chosen explicitly so screens and pixel tests do not drift with whatever
fonts a machine happens to have (design/QT-NOTES.md, Fonts)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from ..style import CONTENT_FONT_FAMILIES


@cache
def content_family() -> str:
    """The first installed family of the house list, else the platform's default sans."""
    installed = set(QFontDatabase.families())
    for family in CONTENT_FONT_FAMILIES:
        if family in installed:
            return family
    return QFont().defaultFamily()


def content_font(pixel_size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(content_family())
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setItalic(italic)
    return font
