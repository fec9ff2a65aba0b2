"""Which item draws which kind of board element."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ..style import Theme

ITEM_TYPES: dict[str, type | str] = {
    "persona_card": "persona_card:PersonaCardItem",
    "note": "simple:NoteElementItem",
    "text": "simple:TextElementItem",
    "image": "simple:ImageElementItem",
    "connector": "connector:ConnectorItem",
    "journey_map": "journey_map:JourneyMapItem",
    "empathy_map": "empathy:EmpathyMapItem",
}
"""Element type -> item class, or "module:Class" under canvas.items until a board first needs
it (the journey and empathy items and their painters load with the first board that has one)."""


def item_type(element_type: str) -> type:
    found = ITEM_TYPES[element_type]
    if isinstance(found, str):
        module, _, name = found.partition(":")
        found = ITEM_TYPES[element_type] = getattr(import_module(f"{__package__}.items.{module}"), name)
    return found


def item_for(element: Any, theme: Theme) -> Any:
    """A fresh, unsynced item for a board element."""
    return item_type(element.type)(element.id, theme)
