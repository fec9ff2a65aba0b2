"""The walk-through path: the stops a facilitator steps through, and how the camera frames one.

Default path, board by board in the project's order: each persona card, then each journey
stage, then each empathy quadrant. A facilitator can replace a board's path with the selection
("Add selection to path"); the custom path is kept per board in QSettings (the file format has
no field for it, and a path is a presenter's preference, not project content).

The legibility rule (docs/VISUAL.md, projector theme): the present view never zooms out so far that
body text drops below PROJECTOR_BODY_PX on screen (13 px body → zoom ≥ 24/13 ≈ 1.85; captions,
the smallest canvas type at 11 px, then show at ≥ 20 px, above the 18 px floor). A stop that
does not fit the screen at that zoom is split into pieces that do (a journey stage into groups
of lanes, top to bottom). Lines scale with the zoom, so they are at least 1.85 times as thick
as in the editor.

The overview is the exception: it frames the whole board, at whatever zoom that takes. Its
body text is then too small to read, so the canvas switches to its semantic zoom
(canvas/labels.py): titles and stage, lane and quadrant names are drawn at a fixed screen
size (PROJECTOR_MIN_TEXT_PX in the projector theme) and note bodies are left out.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, QSettings, QSizeF

from ...canvas.items.empathy import EmpathyMapItem
from ...canvas.items.journey_map import JourneyMapItem
from ...canvas.items.journey_paint import qrect
from ...canvas.items.persona_card import PersonaCardItem
from ...model.enums import LaneKind
from ...style import PROJECTOR_BODY_PX, TYPE

MARGIN_PX = 40.0
"""Space kept free around a framed stop, in screen pixels."""
MAX_FRAME_ZOOM = 3.0
SETTING = "workshop/path/{board}"


@dataclass(frozen=True)
class Stop:
    """One step of the path: what the camera frames (`rect`) and what stays lit (`focus`)."""

    board_id: str
    key: tuple[str, ...]  # ("card", element id) / ("stage", element id, stage id) / …
    label: str
    rect: QRectF
    focus: QRectF
    piece: int = 0
    pieces: int = 1
    text_scale: float = 1.0
    """The smallest body text of the stop relative to TYPE.body (empathy notes shrink)."""
    lane_ids: tuple[str, ...] = ()
    """For a journey stage piece: the lanes it shows (quick-add puts a note in the first)."""

    def caption(self) -> str:
        return self.label if self.pieces == 1 else f"{self.label}  ({self.piece + 1}/{self.pieces})"


def legible_zoom(text_scale: float = 1.0) -> float:
    """The least zoom at which the stop's body text reaches PROJECTOR_BODY_PX on screen."""
    return PROJECTOR_BODY_PX / (TYPE.body * max(0.2, text_scale))


def fit_zoom(rect: QRectF, viewport: QSizeF) -> float:
    """Zoom that shows `rect` whole with a margin (at most MAX_FRAME_ZOOM): the overview's."""
    w = max(1.0, viewport.width() - 2 * MARGIN_PX)
    h = max(1.0, viewport.height() - 2 * MARGIN_PX)
    return min(w / max(rect.width(), 1.0), h / max(rect.height(), 1.0), MAX_FRAME_ZOOM)


def frame_zoom(rect: QRectF, viewport: QSizeF, text_scale: float = 1.0) -> float:
    """Zoom that shows `rect` whole with a margin, never below the legible zoom (a stop's)."""
    return max(fit_zoom(rect, viewport), legible_zoom(text_scale))


def fits(viewport: QSizeF, text_scale: float = 1.0) -> QSizeF:
    """The biggest scene size a stop may have to show whole at the legible zoom."""
    z = legible_zoom(text_scale)
    return QSizeF(
        max(40.0, (viewport.width() - 2 * MARGIN_PX) / z), max(40.0, (viewport.height() - 2 * MARGIN_PX) / z)
    )


# --- building the path ----------------------------------------------------------------------


def _split_x(rect: QRectF, max_w: float) -> list[QRectF]:
    n = max(1, math.ceil(rect.width() / max_w - 1e-6))
    w = rect.width() / n
    return [QRectF(rect.left() + k * w, rect.top(), w, rect.height()) for k in range(n)]


def _stage_pieces(item: JourneyMapItem, stage_id: str, room: QSizeF) -> list[tuple[QRectF, tuple[str, ...]]]:
    """A stage column cut into groups of whole lanes that fit `room` (tall lanes on their own)."""
    layout, journey = item.layout, item.journey
    assert layout is not None and journey is not None
    stage = next(s for s in journey.stages if s.id == stage_id)
    column = qrect(layout.stage_rects[stage_id])
    for step in stage.steps:
        if step.id in layout.column_rects:
            column = column.united(qrect(layout.column_rects[step.id]))
    rows: list[tuple[float, float, str]] = [
        (r.y, r.y + r.h, lane_id) for lane_id, r in layout.lane_rects.items()
    ]
    pieces: list[tuple[float, float, list[str]]] = []
    top, lanes = column.top(), []
    for y0, y1, lane_id in rows:
        if lanes and y1 - top > room.height():
            pieces.append((top, y0, lanes))
            top, lanes = y0, []
        while y1 - top > room.height() and not lanes:  # one lane taller than the screen
            pieces.append((top, top + room.height(), [lane_id]))
            top += room.height()
            if y1 - top <= room.height():
                break
        lanes.append(lane_id)
    if lanes or not pieces:
        pieces.append((top, column.bottom(), lanes))
    out = []
    for y0, y1, lane_ids in pieces:
        band = QRectF(column.left(), y0, column.width(), max(1.0, y1 - y0))
        for part in _split_x(band, room.width()):
            out.append((item.mapRectToScene(part), tuple(lane_ids)))
    return out


def item_stops(board_id: str, item: Any, viewport: QSizeF) -> list[Stop]:
    """The stops one item offers: a card whole, a journey's stages, an empathy map's quadrants."""
    room = fits(viewport)
    if isinstance(item, PersonaCardItem):
        rect = item.scene_content_rect()
        name = item.persona.name if getattr(item, "persona", None) is not None else "Persona"
        return _pieces(board_id, ("card", item.element_id), name, rect, room, 1.0)
    if isinstance(item, JourneyMapItem) and item.layout is not None and item.journey is not None:
        stops = []
        for stage in item.journey.stages:
            focus = _stage_rect(item, stage.id)
            parts = _stage_pieces(item, stage.id, room)
            for k, (rect, lane_ids) in enumerate(parts):
                label = f"{stage.name} — {item.journey.title}"
                key = ("stage", item.element_id, stage.id)
                stops.append(Stop(board_id, key, label, rect, focus, k, len(parts), 1.0, lane_ids))
        return stops
    if isinstance(item, EmpathyMapItem) and item.layout is not None:
        stops = []
        title = item.emap.title if getattr(item, "emap", None) is not None else "Empathy map"
        for quadrant, r in item.layout.quadrant_rects.items():
            scale = item.layout.note_scale.get(quadrant, 1.0)
            rect = item.mapRectToScene(qrect(r))
            label = f"{quadrant.value.title()} — {title}"
            stops += _pieces(
                board_id,
                ("quadrant", item.element_id, quadrant.value),
                label,
                rect,
                fits(viewport, scale),
                scale,
            )
        return stops
    return []


def _stage_rect(item: JourneyMapItem, stage_id: str) -> QRectF:
    layout = item.layout
    assert layout is not None
    r = qrect(layout.stage_rects[stage_id])
    r = QRectF(r.left(), r.top(), r.width(), layout.size[1] - r.top())
    return item.mapRectToScene(r)


def _pieces(
    board_id: str, key: tuple[str, ...], label: str, rect: QRectF, room: QSizeF, scale: float
) -> list[Stop]:
    """A stop, or its pieces when it does not fit the screen at the legible zoom."""
    rows = max(1, math.ceil(rect.height() / room.height() - 1e-6))
    h = rect.height() / rows
    parts = [
        p
        for k in range(rows)
        for p in _split_x(QRectF(rect.left(), rect.top() + k * h, rect.width(), h), room.width())
    ]
    return [Stop(board_id, key, label, p, rect, k, len(parts), scale) for k, p in enumerate(parts)]


def default_stops(board_id: str, items: list[Any], viewport: QSizeF) -> list[Stop]:
    """Cards first, then journeys, then empathy maps, each kind in the board's order."""
    stops: list[Stop] = []
    for kind in (PersonaCardItem, JourneyMapItem, EmpathyMapItem):
        for item in items:
            if isinstance(item, kind):
                stops += item_stops(board_id, item, viewport)
    return stops


def first_writable_lane(item: JourneyMapItem, lane_ids: tuple[str, ...]) -> str | None:
    """The first lane of a piece that takes notes (the emotion lane holds a curve)."""
    journey = item.journey
    if journey is None:
        return None
    kinds = {lane.id: lane.kind for lane in journey.lanes}
    order = list(lane_ids) + [lane.id for lane in journey.lanes]
    return next((i for i in order if kinds.get(i) not in (None, LaneKind.EMOTIONS)), None)


# --- custom paths ---------------------------------------------------------------------------


def saved_path(board_id: str) -> list[str]:
    """Element ids of a board's custom path ([] = the default path)."""
    raw = QSettings().value(SETTING.format(board=board_id), "")
    try:
        ids = json.loads(str(raw)) if raw else []
    except ValueError:
        return []
    return [str(i) for i in ids] if isinstance(ids, list) else []


def save_path(board_id: str, element_ids: list[str]) -> None:
    key = SETTING.format(board=board_id)
    if element_ids:
        QSettings().setValue(key, json.dumps(element_ids))
    else:
        QSettings().remove(key)


def custom_stops(
    board_id: str, items_by_id: dict[str, Any], element_ids: list[str], viewport: QSizeF
) -> list[Stop]:
    """A custom path: each chosen element in turn; a card or map offers its own stops, any
    other element is framed whole."""
    room = fits(viewport)
    stops: list[Stop] = []
    for ident in element_ids:
        item = items_by_id.get(ident)
        if item is None:
            continue
        own = item_stops(board_id, item, viewport)
        if own:
            stops += own
        elif hasattr(item, "scene_content_rect"):
            stops += _pieces(
                board_id, ("element", ident), _label_of(item), item.scene_content_rect(), room, 1.0
            )
    return stops


def _label_of(item: Any) -> str:
    text = str(getattr(item, "text", "") or "").strip().splitlines()
    return text[0][:60] if text else "Selection"
