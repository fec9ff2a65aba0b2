"""Which item draws which kind of board element."""

from __future__ import annotations

from typing import Any

from ..style import Theme
from .items.connector import ConnectorItem
from .items.empathy import EmpathyMapItem
from .items.journey_map import JourneyMapItem
from .items.persona_card import PersonaCardItem
from .items.simple import ImageElementItem, NoteElementItem, TextElementItem

ITEM_TYPES: dict[str, type] = {
    "persona_card": PersonaCardItem,
    "note": NoteElementItem,
    "text": TextElementItem,
    "image": ImageElementItem,
    "connector": ConnectorItem,
    "journey_map": JourneyMapItem,
    "empathy_map": EmpathyMapItem,
}


def register(element_type: str, item_type: type) -> None:
    ITEM_TYPES[element_type] = item_type


def item_for(element: Any, theme: Theme) -> Any:
    """A fresh, unsynced item for a board element."""
    return ITEM_TYPES[element.type](element.id, theme)
