"""Where things dropped on a journey map go: notes into a cell and place, stage and lane
headers into a new index. Pure decisions from the layout; the map applies the one op."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF

from ...model import ops
from ...model.enums import LaneKind
from ...model.journey import JourneyMap
from ...model.layout import cell_at, insertion_index

INDICATOR = 4.0


def _unchanged(journey: JourneyMap, ids: list[str], cell: tuple[str, str, str], index: int) -> bool:
    """True when the notes already sit together at that place of that cell."""
    shown = [n.id for n in journey.notes_shown_in(*cell)]
    if not set(ids) <= set(shown):
        return False
    first = shown.index(ids[0])
    return shown[first : first + len(ids)] == ids and first == index


def drop_journey_notes(host: Any, note_ids: list[str], pos: QPointF) -> bool:
    """Move the notes to the cell under `pos` (map coordinates) at the place under it, always
    naming the column's step explicitly. False (notes go back) when nothing changes or the
    drop is outside any cell, on the emotion plot, or refused."""
    layout, journey = host.layout, host.journey
    if layout is None or journey is None:
        return False
    cell = cell_at(layout, pos.x(), pos.y())
    if cell is None:
        return False
    lane = next(la for la in journey.lanes if la.id == cell[0])
    if lane.kind == LaneKind.EMOTIONS:
        return False
    wanted = set(note_ids)
    ids = [n.id for n in journey.notes if n.id in wanted]
    if not ids:
        return False
    lane_id, stage_id, step_id = cell
    index = insertion_index(layout, journey, lane_id, stage_id, step_id, pos.x(), pos.y(), exclude=ids)
    if _unchanged(journey, ids, cell, index):
        return False
    jid = host.journey_id
    return bool(host.apply(lambda p: ops.move_journey_notes(p, jid, ids, lane_id, stage_id, step_id, index)))


def reorder_index(host: Any, header: Any, pos: QPointF) -> tuple[int, QRectF, bool] | None:
    """(new index, insertion bar, unchanged) for a stage or lane header dragged to `pos`."""
    layout, journey = host.layout, host.journey
    if layout is None or journey is None:
        return None
    top = layout.metrics.title_h
    if header.kind == "stage":
        order = [s.id for s in journey.stages]
        rects = layout.stage_rects
        others = [i for i in order if i != header.ident]
        index = sum(1 for i in others if rects[i].cx < pos.x())
        if not others:
            return None
        x = rects[others[index]].x if index < len(others) else rects[others[-1]].right
        bar = QRectF(x - INDICATOR / 2, top, INDICATOR, layout.height - top)
    elif header.kind == "lane":
        order = [la.id for la in journey.lanes]
        rects = layout.lane_rects
        others = [i for i in order if i != header.ident]
        index = sum(1 for i in others if rects[i].cy < pos.y())
        if not others:
            return None
        y = rects[others[index]].y if index < len(others) else rects[others[-1]].bottom
        bar = QRectF(0, y - INDICATOR / 2, layout.width, INDICATOR)
    else:
        return None
    return index, bar, index == order.index(header.ident)
