"""The canvas's fonts: the house content font, and the bundled faces for scripts the machine
lacks, so that a note in Arabic, Chinese or with emoji never shows empty boxes.

Qt falls back from font to font by itself, so a bundled face is registered only for a script
no installed font covers (an installed colour emoji font keeps its colours; installed fonts keep
their look). Needs a QGuiApplication; called lazily by the first text drawn.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

from ..style import CONTENT_FONT_FAMILIES
from . import BUNDLED, bundled_file

_WS = QFontDatabase.WritingSystem
_SYSTEMS = {
    "Latin": (_WS.Latin,),
    "Arabic": (_WS.Arabic,),
    "Hebrew": (_WS.Hebrew,),
    "CJK": (_WS.SimplifiedChinese, _WS.TraditionalChinese, _WS.Japanese, _WS.Korean),
}


def _has_emoji_font() -> bool:
    return any("emoji" in family.casefold() for family in QFontDatabase.families())


def _covered(script: str, installed: set[str], family: str) -> bool:
    if family in installed:
        return True
    if script == "Emoji":
        return _has_emoji_font()
    if script == "Latin":
        return any(f in installed for f in CONTENT_FONT_FAMILIES)
    return any(QFontDatabase.families(ws) for ws in _SYSTEMS[script])


@cache
def register_bundled() -> tuple[str, ...]:
    """Register the bundled faces of the scripts no installed font covers; the families added."""
    installed = set(QFontDatabase.families())
    added: list[str] = []
    for entry in BUNDLED:
        if _covered(entry.script, installed, entry.family):
            continue
        for name in (entry.regular, entry.bold, entry.italic):
            path = bundled_file(name)
            registered = path is not None and QFontDatabase.addApplicationFont(str(path)) >= 0
            if registered and entry.family not in added:
                added.append(entry.family)
        if entry.script == "Emoji" and entry.family in added:
            QFontDatabase.addApplicationEmojiFontFamily(entry.family)
    return tuple(added)


@cache
def content_family() -> str:
    """The first installed family of the house list (the bundled Noto Sans if need be)."""
    register_bundled()
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
