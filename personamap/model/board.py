"""Boards: named canvases of placed elements. Elements reference project-level content
(personas, empathy maps, journeys, assets) or hold their own (free notes, text)."""

from typing import Annotated, Literal

from pydantic import Field

from .base import Entity, Id, ShortText, Text, empty_list
from .enums import CardLayout, NoteColor

Coordinate = Annotated[float, Field(ge=-1e7, le=1e7, allow_inf_nan=False)]
Extent = Annotated[float, Field(gt=0, le=1e6, allow_inf_nan=False)]


class Placed(Entity):
    """Where an element sits on its board; z orders overlapping elements."""

    x: Coordinate = 0
    y: Coordinate = 0
    w: Extent = 240
    h: Extent = 160
    z: Annotated[int, Field(ge=-1_000_000, le=1_000_000)] = 0


class PersonaCard(Placed):
    type: Literal["persona_card"] = "persona_card"
    persona_id: Id
    layout: CardLayout = CardLayout.STANDARD
    sections: list[Annotated[str, Field(pattern=r"^[a-z_]+(\.[a-z_]+)*$")]] = Field(
        default_factory=lambda: ["goals", "frustrations"]
    )


class EmpathyMapElement(Placed):
    type: Literal["empathy_map"] = "empathy_map"
    map_id: Id


class JourneyMapElement(Placed):
    type: Literal["journey_map"] = "journey_map"
    map_id: Id


class NoteElement(Placed):
    """A free sticky note placed directly on the board."""

    type: Literal["note"] = "note"
    text: Text = ""
    color: NoteColor = NoteColor.YELLOW
    tags: list[ShortText] = Field(default_factory=empty_list)


class TextElement(Placed):
    type: Literal["text"] = "text"
    text: Text = ""
    size: Annotated[float, Field(ge=6, le=400)] = 20
    bold: bool = False


class ImageElement(Placed):
    type: Literal["image"] = "image"
    asset_id: Id
    caption: ShortText = ""


class Connector(Placed):
    """A line between two elements of the same board, optionally showing a persona relation."""

    type: Literal["connector"] = "connector"
    source_id: Id
    target_id: Id
    relation_id: Id | None = None
    label: ShortText = ""


Element = Annotated[
    PersonaCard
    | EmpathyMapElement
    | JourneyMapElement
    | NoteElement
    | TextElement
    | ImageElement
    | Connector,
    Field(discriminator="type"),
]


class Board(Entity):
    name: ShortText = "Board"
    elements: list[Element] = Field(default_factory=empty_list)
