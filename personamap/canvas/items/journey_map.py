"""A journey map on the canvas: a swimlane grid drawn from layout_journey, its notes and
headers as child items, and the emotion curve with draggable markers.

The map's size is the layout's natural size (not resizable); the element's stored size is
left alone so that a click never writes geometry. A sync lays the map out once and reuses
child items by id, so a change to one note costs one layout, not a rebuild.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
    QStyleOptionGraphicsItem,
)

from ...model import ops
from ...model.enums import LaneKind
from ...model.journey import JourneyMap, JourneyNote
from ...model.layout import (
    JourneyLayout,
    MarkerHit,
    SeriesLook,
    cell_at,
    emotion_at,
    journey_legend,
    layout_journey,
    marker_at,
    score_at,
)
from ...style import LANE_LOOK, Theme
from ..interactions.marker_drag import MarkerDrag
from ..labels import Label
from ..target import Target
from . import journey_menus as menus
from .base import ElementItem
from .journey_drop import drop_journey_notes
from .journey_emotion import Preview
from .journey_headers import JourneyHeaderItem
from .journey_paint import (
    journey_labels,
    paint_body,
    paint_lane_header,
    paint_stage_header,
    paint_step_header,
    qrect,
)
from .note_host import NoteHostMixin
from .notes import MEASURE, NoteItem, NoteLook
from .simple import level_of_detail

if TYPE_CHECKING:
    from ...model import Placed, Project


class JourneyNoteItem(NoteItem):
    kind = "journey_note"


class JourneyMapItem(NoteHostMixin, ElementItem):
    resizable = False
    note_item_type = JourneyNoteItem

    cached = False  # large, partly visible, with live child items

    def __init__(self, element_id: str, theme: Theme) -> None:
        super().__init__(element_id, theme)
        self._init_notes()
        self.journey_id = ""
        self.journey: JourneyMap | None = None
        self.layout: JourneyLayout | None = None
        self._shown: JourneyMap | None = None
        self._scale: Any = None
        self._looks: list[SeriesLook] = []
        self._depends: set[str] = set()
        self._element_size = (100.0, 100.0)
        self.headers: dict[tuple[str, str], JourneyHeaderItem] = {}
        self.preview: Preview | None = None
        """A marker being dragged: (series, step, score) drawn instead of the stored score."""
        self.indicator: QRectF | None = None
        """Where a dragged stage or lane header would go."""
        self.active_series: str | None = None
        self._marker_drag: MarkerDrag | None = None

    # --- model -> view ----------------------------------------------------------------------

    def sync(self, element: Placed, project: Project) -> None:
        self.journey_id = element.map_id  # type: ignore[attr-defined]
        found = project.journey(self.journey_id)
        self.journey = _snapshot(found) if found else None
        self._scale = project.settings.emotion_scale
        self._looks = journey_legend(self.journey, project) if self.journey else []
        self._depends = {self.journey_id, project.id}
        if self.journey is not None:
            j = self.journey
            self._depends |= set(j.persona_ids) | {s.id for s in j.stages} | {s.id for s in j.steps()}
            self._depends |= {lane.id for lane in j.lanes} | {n.id for n in j.notes}
        super().sync(element, project)
        self._relayout()

    def depends_on(self) -> set[str]:
        return self._depends

    def target(self) -> Target:
        return Target("journey", self.journey_id, getattr(self.scene(), "board_id", None))

    def set_geometry(self, geometry: tuple[float, float, float, float]) -> None:
        x, y, w, h = geometry
        self._element_size = (w, h)
        size = self.layout.size if self.layout is not None else (w, h)
        super().set_geometry((x, y, *size))

    def geometry(self) -> tuple[float, float, float, float]:
        return (self.pos().x(), self.pos().y(), *self._element_size)

    def _relayout(self) -> None:
        journey = self.journey
        if journey is None:
            self.layout = None
            self._sync_note_items({}, self.journey_id)
            self._sync_headers()
            return
        if self._pending is not None:
            journey = journey.model_copy(update={"notes": [*journey.notes, self._pending]})
        self._shown = journey
        self.layout = layout_journey(journey, self._scale, MEASURE)
        w, h = self.layout.size
        if (w, h) != self.size():
            self._set_size(w, h)
        self._sync_note_items(self._note_looks(journey, self.layout), self.journey_id)
        self._sync_headers()
        self.update()

    def _note_looks(self, journey: JourneyMap, layout: JourneyLayout) -> dict[str, tuple[NoteLook, QPointF]]:
        out = {}
        for note in journey.notes:
            r = layout.note_rects.get(note.id)
            if r is None:
                continue
            t = layout.note_text_rects[note.id]
            look = NoteLook(
                note.text,
                note.color,
                (r.w, r.h),
                QRectF(t.x - r.x, t.y - r.y, t.w, t.h),
                layout.note_lines.get(note.id, 1),
                layout.metrics.body,
                tuple(note.tags),
                len(note.votes),
                bool(note.evidence_ids),
            )
            out[note.id] = (look, QPointF(r.x, r.y))
        return out

    def _sync_headers(self) -> None:
        layout = self.layout
        wanted: dict[tuple[str, str], QRectF] = {}
        if layout is not None:
            wanted |= {("stage", i): qrect(r) for i, r in layout.stage_rects.items()}
            wanted |= {("step", i): qrect(r) for i, r in layout.step_rects.items()}
            wanted |= {("lane", i): qrect(r) for i, r in layout.lane_rects.items()}
        for key in [k for k in self.headers if k not in wanted]:
            self._graveyard.bury(self.headers.pop(key))
        for key, rect in wanted.items():
            item = self.headers.get(key)
            if item is None:
                item = JourneyHeaderItem(key[0], key[1], self)
                item.setParentItem(self)
                self.headers[key] = item
            item.set_rect(rect)

    # --- painting ---------------------------------------------------------------------------

    def paint_content(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        if self.layout is None or self._shown is None:
            painter.setPen(QPen(QColor(self.theme.card_border), 1, Qt.PenStyle.DashLine))
            painter.drawRect(self.content_rect())
            return
        paint_body(
            painter,
            self.layout,
            self._shown,
            self._looks,
            self.preview,
            self.theme,
            level_of_detail(option, painter),
        )
        if self.indicator is not None:
            painter.fillRect(self.indicator, QColor(self.theme.selection))

    def overview_labels(self) -> list[Label]:
        """Title, stage and lane names for the semantic zoom (canvas/labels.py)."""
        if self.layout is None or self._shown is None:
            return []
        return journey_labels(self.layout, self._shown, self.theme, self.mapRectToScene)

    def paint_header(self, painter: QPainter, header: JourneyHeaderItem, lod: float) -> None:
        journey = self._shown
        if journey is None or self.layout is None:
            return
        if header.kind == "stage":
            index = next((i for i, s in enumerate(journey.stages) if s.id == header.ident), None)
            if index is not None:
                paint_stage_header(painter, header.rect, journey.stages[index], index + 1, self.theme, lod)
        elif header.kind == "step":
            step = next((s for s in journey.steps() if s.id == header.ident), None)
            if step is not None:
                paint_step_header(painter, header.rect, step, self.theme, lod)
        else:
            lane = next((la for la in journey.lanes if la.id == header.ident), None)
            if lane is not None:
                emotion = self.layout.emotions.get(lane.id)
                if emotion is not None:
                    emotion = _shifted(emotion, header.pos())
                paint_lane_header(painter, header.rect, lane, emotion, self._looks, self.theme, lod)

    # --- edits --------------------------------------------------------------------------------

    def _note_text(self, note_id: str) -> str | None:
        journey = self.journey
        note = next((n for n in journey.notes if n.id == note_id), None) if journey else None
        return note.text if note else None

    def _add_op(self, project: Any, pending: JourneyNote, text: str) -> ops.Op:
        note = pending.model_copy(update={"text": text})
        return ops.add_journey_note(
            project, self.journey_id, note.lane_id, note.stage_id, note.step_id, note=note
        )

    def _update_op(self, project: Any, note_id: str, text: str) -> ops.Op:
        return ops.update_journey_note(project, self.journey_id, note_id, text=text)

    def add_note_in(self, cell: tuple[str, str, str]) -> None:
        """Open an editor on a new note at the end of a cell (added when the editor commits)."""
        if self.journey is None:
            return
        lane_id, stage_id, step_id = cell
        lane = next(la for la in self.journey.lanes if la.id == lane_id)
        note = JourneyNote(
            lane_id=lane_id, stage_id=stage_id, step_id=step_id, color=LANE_LOOK[lane.kind].note
        )
        self.start_pending(note)

    def header_menu(self, kind: str, ident: str) -> QMenu | None:
        if self.journey is None:
            return None
        builder = {"stage": menus.stage_menu, "step": menus.step_menu, "lane": menus.lane_menu}[kind]
        return builder(self, self.journey, ident)

    def menu_at(self, pos: QPointF) -> QMenu | None:
        """The map's context menu at a point in its own coordinates."""
        if self.journey is None or self.layout is None:
            return None
        return menus.body_menu(self, self.journey, self._cell(pos), self._marker(pos))

    # --- notes dropped ------------------------------------------------------------------------

    def drop_notes(self, items: list[NoteItem], scene_pos: QPointF) -> bool:
        return drop_journey_notes(self, [i.note_id for i in items], self.mapFromScene(scene_pos))

    # --- mouse: markers, double-clicks, menus -----------------------------------------------

    def _cell(self, pos: QPointF) -> tuple[str, str, str] | None:
        return cell_at(self.layout, pos.x(), pos.y()) if self.layout else None

    def _marker(self, pos: QPointF) -> MarkerHit | None:
        if self.layout is None:
            return None
        return marker_at(self.layout, [look.persona_id for look in self._looks], pos.x(), pos.y())

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hit = self._marker(event.pos()) if event.button() == Qt.MouseButton.LeftButton else None
        if hit is None or self.journey is None:
            super().mousePressEvent(event)
            return
        event.accept()
        self.active_series = hit.persona_id
        self._marker_drag = MarkerDrag(self, hit.persona_id, hit.step_id, hit.lane_id).start()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._marker_drag is None:
            super().mouseMoveEvent(event)
            return
        self._marker_drag.move(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        drag, self._marker_drag = self._marker_drag, None
        if drag is None:
            super().mouseReleaseEvent(event)
            return
        drag.end(event.scenePos())  # sets the score (one op); nothing after Esc

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        cell, pos = self._cell(event.pos()), event.pos()
        if cell is None or self.journey is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        event.accept()
        lane = next(la for la in self.journey.lanes if la.id == cell[0])
        emotion = emotion_at(self.layout, pos.x(), pos.y()) if self.layout else None
        if lane.kind != LaneKind.EMOTIONS:
            self.add_note_in(cell)
        elif emotion is not None:
            self._score_here(cell[2], score_at(emotion, pos.y()))

    def _score_here(self, step_id: str, score: int) -> None:
        """Give the active (or first) series a score at a step that has none."""
        journey = self.journey
        if journey is None:
            return
        ids = [look.persona_id for look in self._looks] or list(journey.persona_ids[:1]) or [None]
        persona_id = self.active_series if self.active_series in ids else ids[0]
        if journey.score(persona_id, step_id) is None:
            jid = self.journey_id
            self.apply(lambda p: ops.set_emotion(p, jid, persona_id, step_id, score))

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        menu = self.menu_at(event.pos())
        if menu is None:
            super().contextMenuEvent(event)
            return
        event.accept()
        menu.exec(event.screenPos())


def _snapshot(journey: JourneyMap) -> JourneyMap:
    """What the item draws, copied entity by entity (a deep copy of a big map costs tens of
    ms per sync); the model replaces field values rather than editing them in place."""
    return journey.model_copy(
        update={
            "persona_ids": list(journey.persona_ids),
            "stages": [
                s.model_copy(update={"steps": [st.model_copy() for st in s.steps]}) for s in journey.stages
            ],
            "lanes": [lane.model_copy() for lane in journey.lanes],
            "notes": [
                n.model_copy(update={"tags": list(n.tags), "votes": list(n.votes)}) for n in journey.notes
            ],
            "emotions": [e.model_copy() for e in journey.emotions],
        }
    )


def _shifted(emotion: Any, offset: QPointF) -> Any:
    """The emotion layout in a header's own coordinates (it draws the scale labels)."""
    dy = offset.y()
    labels = tuple((v, label, y - dy) for v, label, y in emotion.label_ys)
    return replace(emotion, label_ys=labels)
