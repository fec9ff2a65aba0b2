"""An empathy map on the canvas: quadrants around the persona, drawn from layout_empathy at
the element's size, with its notes as child items that can be dragged within a quadrant,
between quadrants and onto another empathy map on the same board."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsSceneMouseEvent, QStyleOptionGraphicsItem

from ...model import NoteColor, ops
from ...model.empathy import EmpathyMap, EmpathyNote
from ...model.enums import Quadrant
from ...model.layout import (
    QUADRANT_LABELS,
    EmpathyLayout,
    empathy_insertion_index,
    initials,
    layout_empathy,
    quadrant_at,
)
from ...style import NO_PERSONA, TYPE, Theme, ink_on
from ..images import asset_image
from ..labels import Label, label_px
from ..target import Target
from ..text import draw_text, font
from .base import ElementItem
from .journey_paint import qrect
from .note_host import NoteHostMixin
from .notes import MEASURE, NoteItem, NoteLook
from .simple import LOD_TEXT, level_of_detail

if TYPE_CHECKING:
    from ...model import Placed, Project

QUADRANT_HUE: dict[Quadrant, str] = {
    Quadrant.PAINS: "red",
    Quadrant.GAINS: "green",
    Quadrant.GOAL: "blue",
}
"""Quadrants washed with a lane hue (Theme.lanes), like the matching journey lanes."""
QUADRANT_NOTE: dict[Quadrant, NoteColor] = {
    Quadrant.PAINS: NoteColor.PINK,
    Quadrant.GAINS: NoteColor.GREEN,
    Quadrant.GOAL: NoteColor.BLUE,
}


class EmpathyNoteItem(NoteItem):
    kind = "empathy_note"


class EmpathyMapItem(NoteHostMixin, ElementItem):
    note_item_type = EmpathyNoteItem
    cached = False  # large, with live child items

    def __init__(self, element_id: str, theme: Theme) -> None:
        super().__init__(element_id, theme)
        self._init_notes()
        self.map_id = ""
        self.emap: EmpathyMap | None = None
        self.layout: EmpathyLayout | None = None
        self._shown: EmpathyMap | None = None
        self.persona_name = ""
        self.persona_color = NO_PERSONA
        self.photo = QImage()
        self._depends: set[str] = set()

    # --- model -> view ----------------------------------------------------------------------

    def sync(self, element: Placed, project: Project) -> None:
        self.map_id = element.map_id  # type: ignore[attr-defined]
        found = project.empathy_map(self.map_id)
        self.emap = found.model_copy(deep=True) if found else None
        persona = project.persona(found.persona_id) if found and found.persona_id else None
        self.persona_name = persona.name if persona else ""
        self.persona_color = persona.color if persona else NO_PERSONA
        self.photo = QImage()
        if persona and persona.photo_asset_id:
            asset = project.asset(persona.photo_asset_id)
            if asset:
                self.photo = asset_image(asset)
        self._depends = {self.map_id} | ({persona.id} if persona else set())
        if found:
            self._depends |= {n.id for n in found.notes}
        super().sync(element, project)
        self._relayout()

    def depends_on(self) -> set[str]:
        return self._depends

    def target(self) -> Target:
        return Target("empathy_map", self.map_id, getattr(self.scene(), "board_id", None))

    def set_geometry(self, geometry: tuple[float, float, float, float]) -> None:
        resized = (geometry[2], geometry[3]) != self.size()
        super().set_geometry(geometry)
        if resized and self.emap is not None:
            self._relayout()

    def _relayout(self) -> None:
        emap = self.emap
        if emap is None:
            self.layout = None
            self._sync_note_items({}, self.map_id)
            return
        if self._pending is not None:
            emap = emap.model_copy(update={"notes": [*emap.notes, self._pending]})
        self._shown = emap
        w, h = self.size()
        self.layout = layout_empathy(emap, w, h, MEASURE)
        looks: dict[str, tuple[NoteLook, QPointF]] = {}
        for note in emap.notes:
            r = self.layout.note_rects.get(note.id)
            if r is None:
                continue
            t = self.layout.note_text_rects[note.id]
            scale = self.layout.note_scale.get(note.quadrant, 1.0)
            look = NoteLook(
                note.text,
                note.color,
                (r.w, r.h),
                QRectF(t.x - r.x, t.y - r.y, t.w, t.h),
                self.layout.note_lines.get(note.id, 1),
                self.layout.metrics.body * scale,
                tuple(note.tags),
                len(note.votes),
                bool(note.evidence_ids),
            )
            looks[note.id] = (look, QPointF(r.x, r.y))
        self._sync_note_items(looks, self.map_id)
        self.update()

    # --- painting ---------------------------------------------------------------------------

    def paint_content(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        self.paint_card_frame(painter)
        layout, emap = self.layout, self._shown
        if layout is None or emap is None:
            return
        lod = level_of_detail(option, painter)
        for q, r in layout.quadrant_rects.items():
            if q in QUADRANT_HUE:
                painter.fillRect(qrect(r), QColor(self.theme.lane(QUADRANT_HUE[q])[1]))
        painter.setPen(QPen(QColor(self.theme.quadrant_line), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for r in layout.quadrant_rects.values():
            painter.drawRect(qrect(r))
        if lod >= LOD_TEXT:
            self._paint_texts(painter, layout, emap, lod)
        self._paint_persona(painter, qrect(layout.persona_rect), lod)

    def overview_labels(self) -> list[Label]:
        """Its title and quadrant names, for the semantic zoom (canvas/labels.py)."""
        layout, emap, t = self.layout, self._shown, self.theme
        if layout is None or emap is None:
            return []
        band = self.mapRectToScene(qrect(layout.title_rect).adjusted(20, 0, -20, 0))
        out = [Label(emap.title, band, TYPE.section, t.text, t.card, title=True, rank=0)]
        for q, r in layout.label_rects.items():
            quadrant = qrect(layout.quadrant_rects[q]) if q in layout.quadrant_rects else qrect(r)
            row = self.mapRectToScene(QRectF(quadrant.left(), r.y, quadrant.width(), r.h))
            size = layout.metrics.label_size
            out.append(Label(QUADRANT_LABELS[q], row, size, t.text, t.card, align=layout.label_align[q]))
        return out

    def _paint_texts(self, painter: QPainter, layout: EmpathyLayout, emap: EmpathyMap, lod: float) -> None:
        """Title, quadrant names, goal and overflow counts; zoomed out, the view draws the names."""
        title = qrect(layout.title_rect).adjusted(20, 0, -20, 0)
        title_font = font(TYPE.section, bold=True)
        draw_text(
            painter,
            QRectF(title.left(), title.center().y() - 14, title.width(), 30),
            emap.title if label_px(TYPE.section, lod, self.theme, title=True) is None else "",
            title_font,
            self.theme.text,
            max_lines=1,
        )
        label_font = font(layout.metrics.label_size, bold=True)
        own_names = label_px(layout.metrics.label_size, lod, self.theme) is None
        for q, r in layout.label_rects.items() if own_names else ():
            right = layout.label_align[q] == "right"
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            slack = qrect(r).adjusted(-12 if right else 0, 2, 0 if right else 12, 0)
            draw_text(
                painter,
                slack,
                QUADRANT_LABELS[q],
                label_font,
                self.theme.muted_text,
                max_lines=1,
                align=align,
            )
        if layout.goal_text_rect is not None and emap.goal:
            draw_text(painter, qrect(layout.goal_text_rect), emap.goal, font(TYPE.body), self.theme.text)
        for q, r in layout.overflow_rects.items():
            box = qrect(r)
            painter.setPen(QPen(QColor(self.theme.neutral_line), 1, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(self.theme.header))
            painter.drawRoundedRect(box, 4, 4)
            painter.setFont(font(TYPE.card_title, bold=True))
            painter.setPen(QColor(self.theme.muted_text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"+{layout.overflow[q]}")

    def _paint_persona(self, painter: QPainter, r: QRectF, lod: float) -> None:
        if r.width() <= 0:
            return
        path = QPainterPath()
        path.addEllipse(r)
        painter.setPen(QPen(QColor(self.theme.card), 4))
        painter.setBrush(QColor(self.persona_color))
        painter.drawEllipse(r)
        if not self.photo.isNull():
            painter.save()
            painter.setClipPath(path)
            side = min(self.photo.width(), self.photo.height())
            source = QRectF((self.photo.width() - side) / 2, (self.photo.height() - side) / 2, side, side)
            painter.drawImage(r, self.photo, source)
            painter.restore()
        elif lod >= LOD_TEXT:
            painter.setPen(QColor(ink_on(self.persona_color)))
            painter.setFont(font(r.height() * 0.32, bold=True))
            painter.drawText(
                r, Qt.AlignmentFlag.AlignCenter, initials(self.persona_name) if self.persona_name else "?"
            )
        if lod >= LOD_TEXT and self.persona_name:
            qfont = font(TYPE.caption, bold=True)
            name_w = min(r.width() * 1.8, QFontMetricsF(qfont).horizontalAdvance(self.persona_name) + 22)
            pill = QRectF(r.center().x() - name_w / 2, r.bottom() - 10, name_w, 20)
            painter.setPen(QPen(QColor(self.persona_color), 1))
            painter.setBrush(QColor(self.theme.chip))
            painter.drawRoundedRect(pill, 10, 10)
            draw_text(
                painter,
                pill.adjusted(8, 2, -8, 0),
                self.persona_name,
                qfont,
                self.theme.text,
                max_lines=1,
                align=Qt.AlignmentFlag.AlignHCenter,
            )

    # --- edits --------------------------------------------------------------------------------

    def _note_text(self, note_id: str) -> str | None:
        note = next((n for n in self.emap.notes if n.id == note_id), None) if self.emap else None
        return note.text if note else None

    def _add_op(self, project: Any, pending: EmpathyNote, text: str) -> ops.Op:
        note = pending.model_copy(update={"text": text})
        return ops.add_empathy_note(project, self.map_id, note.quadrant, note=note)

    def _update_op(self, project: Any, note_id: str, text: str) -> ops.Op:
        return ops.update_empathy_note(project, self.map_id, note_id, text=text)

    def add_note_in(self, quadrant: Quadrant) -> None:
        """Open an editor on a new note at the end of a quadrant (added when it commits)."""
        self.start_pending(
            EmpathyNote(quadrant=quadrant, color=QUADRANT_NOTE.get(quadrant, NoteColor.YELLOW))
        )

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        q = quadrant_at(self.layout, event.pos().x(), event.pos().y()) if self.layout else None
        if (
            q is None
            or event.button() != Qt.MouseButton.LeftButton
            or self.handle_at(event.pos()) is not None
        ):
            super().mouseDoubleClickEvent(event)
            return
        event.accept()
        self.add_note_in(q)

    def drop_notes(self, items: list[NoteItem], scene_pos: QPointF) -> bool:
        """Move the dragged notes to the quadrant under the pointer, on this map or another."""
        scene, emap = self.scene(), self.emap
        if scene is None or emap is None:
            return False
        target = next((i for i in scene.items(scene_pos) if isinstance(i, EmpathyMapItem)), None)
        if target is None or target.layout is None or target.emap is None:
            return False
        pos = target.mapFromScene(scene_pos)
        q = quadrant_at(target.layout, pos.x(), pos.y())
        if q is None or q not in target.layout.content_rects:
            return False
        wanted = {i.note_id for i in items}
        ids = [n.id for n in emap.notes if n.id in wanted]
        same = target.map_id == self.map_id
        index = empathy_insertion_index(
            target.layout, target.emap, q, pos.x(), pos.y(), exclude=ids if same else ()
        )
        if same and _unchanged(emap, ids, q, index):
            return False
        other = None if same else target.map_id
        return self.apply(
            lambda p: ops.move_empathy_notes(p, self.map_id, ids, q, index, target_map_id=other)
        )


def _unchanged(emap: EmpathyMap, ids: list[str], q: Quadrant, index: int) -> bool:
    shown = [n.id for n in emap.notes_in(q)]
    if not ids or not set(ids) <= set(shown):
        return False
    first = shown.index(ids[0])
    return shown[first : first + len(ids)] == ids and first == index
