"""The legend of a journey's emotion curves: for each series, its colour, marker shape and name.

The canvas (and PNG, SVG) and the PDF both draw markers and chips from this one function, so
a persona's markers have the same shape everywhere. Shapes follow the series order of the map
(`series_order`), so the curves of one map never share a shape while there are shapes to go
round; colours are the personas' own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .emotion import series_order
from .geometry import Rect

if TYPE_CHECKING:
    from ..journey import JourneyMap
    from ..project import Project

MARKER_SHAPES: tuple[str, ...] = ("circle", "square", "triangle", "diamond", "hexagon", "star")
"""A second channel beside colour: each curve's markers also differ in shape."""

OWN_CURVE_COLOR = "#59636E"
OWN_CURVE_NAME = "This journey"
UNKNOWN_PERSONA = "Unknown persona"

LEGEND_MARKER = 8.0
"""Marker size in the emotions lane header's legend (the curve's own markers are 10)."""
LEGEND_LINE = 16.0
LEGEND_PITCH = 18.0
CHIP_H = 26.0
CHIP_NAME_MAX = 160.0
"""A longer persona name is elided in its chip."""
CHIP_PAD = 36.0
"""A chip's width beyond its name: the marker, and room either side."""
CHIP_GAP = 8.0
CHIPS_FROM = 0.45
"""Chips keep to the right of this fraction of the title band; the title keeps the rest."""
LABEL_BAND = 9.0
"""Half the height a scale label takes in the lane header, around its y."""


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


class LegendLine(NamedTuple):
    """One line of the emotions lane header's legend: a marker centred on `marker`, the
    series name in `text` (one line, elided)."""

    look: SeriesLook
    marker: tuple[float, float]
    text: Rect


def legend_lines(
    looks: Sequence[SeriesLook], area: Rect, label_ys: Sequence[float], narrow: float
) -> list[LegendLine]:
    """The legend in the emotions lane header: one line per series from the top of `area`,
    as many as fit; a line level with a scale label (at one of `label_ys`) keeps to `narrow`
    so its name never runs under the label."""
    bands = [(y - LABEL_BAND, y + LABEL_BAND) for y in label_ys]
    lines = []
    y = area.y
    for look in looks:
        if y + LEGEND_LINE > area.bottom:
            break
        clash = any(top < y + LEGEND_LINE and y < bottom for top, bottom in bands)
        width = (narrow if clash else area.w) - 16
        text = Rect(area.x + 14, y, max(0.0, width), LEGEND_LINE)
        lines.append(LegendLine(look, (area.x + 5, y + LEGEND_LINE / 2), text))
        y += LEGEND_PITCH
    return lines


class Chip(NamedTuple):
    """A persona chip in the journey's title band: the series, and its rounded box."""

    look: SeriesLook
    rect: Rect


def title_chips(
    looks: Sequence[SeriesLook], band: Rect, name_width: Callable[[str], float]
) -> tuple[list[Chip], float]:
    """Chips for the personas' curves (not the map's own), right-aligned in the title band
    and laid right to left until they would pass `CHIPS_FROM` of it; with the width they
    take (the title gets the rest). `name_width` measures a name in the body type."""
    chips = []
    right = band.right
    for look in reversed([x for x in looks if x.persona_id is not None]):
        w = min(CHIP_NAME_MAX, name_width(look.name)) + CHIP_PAD
        rect = Rect(right - w, band.cy - CHIP_H / 2, w, CHIP_H)
        if rect.x < band.x + band.w * CHIPS_FROM:
            break
        chips.append(Chip(look, rect))
        right = rect.x - CHIP_GAP
    return chips, band.right - right
