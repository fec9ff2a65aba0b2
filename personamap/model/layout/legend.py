"""The legend of a journey's emotion curves: for each series, its colour, marker shape and name.

The canvas (and PNG, SVG) and the PDF both draw markers and chips from this one function, so
a persona's markers have the same shape everywhere. Shapes follow the series order of the map
(`series_order`), so the curves of one map never share a shape while there are shapes to go
round; colours are the personas' own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .emotion import series_order

if TYPE_CHECKING:
    from ..journey import JourneyMap
    from ..project import Project

MARKER_SHAPES: tuple[str, ...] = ("circle", "square", "triangle", "diamond", "hexagon", "star")
"""A second channel beside colour: each curve's markers also differ in shape."""

OWN_CURVE_COLOR = "#59636E"
OWN_CURVE_NAME = "This journey"
UNKNOWN_PERSONA = "Unknown persona"


class SeriesLook(NamedTuple):
    """How one curve of a journey shows: persona id (None: the map's own curve), name, colour, shape."""

    persona_id: str | None
    name: str
    color: str
    shape: str


def marker_shape(index: int) -> str:
    """The marker shape of the index-th series."""
    return MARKER_SHAPES[index % len(MARKER_SHAPES)]


def journey_legend(journey: JourneyMap, project: Project) -> list[SeriesLook]:
    """The looks of every curve the journey draws, in drawing order."""
    looks = []
    for k, persona_id in enumerate(series_order(journey)):
        persona = project.persona(persona_id) if persona_id else None
        if persona is not None:
            name, color = persona.name, persona.color
        else:
            name = OWN_CURVE_NAME if persona_id is None else UNKNOWN_PERSONA
            color = OWN_CURVE_COLOR
        looks.append(SeriesLook(persona_id, name, color, marker_shape(k)))
    return looks
