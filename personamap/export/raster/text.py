"""Warnings for PNG/SVG exports: scripts in the pictures' text that no installed font covers.

Qt falls back from font to font by itself, so unlike the PDF a character only fails when no
font on the machine, nor a bundled one (`personamap.fonts.qt`), has its script; it then shows
as an empty box. We check per script (via Qt's writing systems, and emoji-capable family
names), which is cheap and names the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

from PySide6.QtGui import QFontDatabase

from ...fonts.qt import register_bundled
from ...model import EmpathyMap, JourneyMap, Persona, Project
from ...model.board import EmpathyMapElement, JourneyMapElement, PersonaCard
from ..pdf.fonts import script_of
from .plan import Picture

WS = QFontDatabase.WritingSystem
_SYSTEMS: dict[str, tuple[WS, ...]] = {
    "CJK": (WS.SimplifiedChinese, WS.TraditionalChinese, WS.Japanese, WS.Korean),
    "Arabic": (WS.Arabic,),
    "Hebrew": (WS.Hebrew,),
}
_HINTS = {
    "CJK": "install WenQuanYi Micro Hei (Debian: fonts-wqy-microhei)",
    "Arabic": "install Noto Sans Arabic (Debian: fonts-noto-core)",
    "Hebrew": "install Noto Sans Hebrew (Debian: fonts-noto-core)",
    "Emoji": "install an emoji font (Debian: fonts-noto-color-emoji or fonts-symbola)",
}
_INVISIBLE = frozenset("\u200d\ufe0e\ufe0f\u200c\u200e\u200f")


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def picture_texts(project: Project, picture: Picture) -> Iterator[str]:
    """Every string the picture may draw (ids included: they are ASCII and harmless)."""
    for element in picture.board.elements:
        if isinstance(element, PersonaCard):
            found: Persona | JourneyMap | EmpathyMap | None = project.persona(element.persona_id)
        elif isinstance(element, JourneyMapElement):
            found = project.journey(element.map_id)
        elif isinstance(element, EmpathyMapElement):
            found = project.empathy_map(element.map_id)
        else:
            found = None
        yield from _strings(element.model_dump(mode="json"))
        if found is not None:
            yield from _strings(found.model_dump(mode="json", exclude={"data"}))
    yield from (p.name for p in project.personas)  # journey curves and empathy maps name them


@cache
def _covered(script: str) -> bool:
    register_bundled()  # the bundled faces fill in the scripts the machine lacks
    if script == "Latin":
        return True
    if script == "Emoji":
        return any(
            word in family.casefold()
            for family in QFontDatabase.families()
            for word in ("emoji", "symbola", "symbols")
        )
    systems = _SYSTEMS.get(script)
    if systems is None:
        system = getattr(WS, script, None)
        if system is None:
            return True  # a script Qt has no name for: we cannot tell, so do not cry wolf
        systems = (system,)
    return any(QFontDatabase.families(s) for s in systems)


def script_warnings(project: Project, pictures: Iterable[Picture]) -> list[str]:
    """One line per script without a font, naming a few of its characters and the fix."""
    missing: dict[str, set[str]] = {}
    seen: set[str] = set()
    for picture in pictures:
        for text in picture_texts(project, picture):
            for ch in text:
                if ch in seen or ord(ch) < 0x0590 or ch in _INVISIBLE:
                    continue
                seen.add(ch)
                script = script_of(ch)
                if not _covered(script):
                    missing.setdefault(script, set()).add(ch)
    return [
        f"no installed font covers {script} text ({' '.join(sorted(chars)[:8])}): it shows as empty "
        f"boxes; {_HINTS.get(script, 'install a font that covers it')}"
        for script, chars in sorted(missing.items())
    ]
