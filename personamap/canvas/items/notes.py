"""Sticky notes inside journey cells and empathy quadrants: one drawing, one child item.

Both maps place their notes from the shared layout rules and hand each a `NoteLook` (what to
draw). The item itself only draws, selects, and turns a press-move-release into a drag that
its host map (a `NoteHost`) resolves into one op; a double-click asks the host to edit it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...model import NoteColor
from ...style import NOTE_EVIDENCE, NOTE_FILL, NOTE_META, NOTE_TEXT, NOTE_VOTES, TYPE
from ..interactions.note_drag import NoteDrag
from ..target import Target
from ..text import QtMeasure, draw_text, font
from .simple import LOD_TEXT, level_of_detail

MEASURE_CACHE = 4096


class CachedMeasure(QtMeasure):
    """QtMeasure with memory: a map relayouts on every edit, and most note texts have not
    changed since the last layout, so their wrapped heights are looked up, not re-measured."""

    def __init__(self) -> None:
        self._heights: dict[tuple[str, float, float, bool], float] = {}

    def wrapped_height(self, text: str, width: float, size: float, bold: bool = False) -> float:
        key = (text, width, size, bold)
        found = self._heights.get(key)
        if found is None:
            if len(self._heights) >= MEASURE_CACHE:
                self._heights.clear()
            found = self._heights[key] = super().wrapped_height(text, width, size, bold)
        return found


MEASURE = CachedMeasure()


@dataclass(frozen=True)
class NoteLook:
    """What a note shows, in its own coordinates (0, 0 = its top left)."""

    text: str
    color: NoteColor
    size: tuple[float, float]
    text_rect: QRectF
    lines: int
    text_size: float = TYPE.body
    tags: tuple[str, ...] = ()
    votes: int = 0
    evidence: bool = False


def body_shown(lod: float, text_size: float) -> bool:
    """Whether a note's body is drawn: not when it would be smaller on screen than body text at
    LOD_TEXT (a grey smear; empathy notes shrink their text, so zoom alone does not say)."""
    return lod * text_size >= LOD_TEXT * TYPE.body


def paint_note(painter: QPainter, look: NoteLook, lod: float, *, show_text: bool = True) -> None:
    """A sticky note: a soft shadow, pastel fill, text elided to its lines, a meta strip."""
    w, h = look.size
    rect = QRectF(0, 0, w, h)
    fill = QColor(NOTE_FILL[look.color])
    painter.setPen(Qt.PenStyle.NoPen)
    if lod >= LOD_TEXT:
        painter.setBrush(QColor(0, 0, 0, 22))
        painter.drawRoundedRect(rect.translated(0, 1.5), 3, 3)
    painter.setBrush(fill)
    painter.setPen(QPen(fill.darker(115), 1))
    painter.drawRoundedRect(rect, 3, 3)
    if lod < LOD_TEXT:
        return
    if show_text and body_shown(lod, look.text_size):
        draw_text(painter, look.text_rect, look.text, font(look.text_size), NOTE_TEXT, max_lines=look.lines)
    if look.tags or look.votes or look.evidence:
        _paint_meta(painter, look, rect)


def _paint_meta(painter: QPainter, look: NoteLook, rect: QRectF) -> None:
    """Tags at the left, the vote count and evidence dot at the right of the note's foot."""
    size = min(TYPE.caption, look.text_size * 0.85)
    strip = QRectF(look.text_rect.left(), rect.bottom() - size * 1.6 - 4, look.text_rect.width(), size * 1.6)
    right = strip.right()
    painter.setFont(font(size, bold=True))
    if look.votes:
        label = str(look.votes)
        width = painter.fontMetrics().horizontalAdvance(label)
        dot = size * 0.7
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(NOTE_VOTES))
        painter.drawEllipse(QRectF(right - width - dot - 3, strip.center().y() - dot / 2, dot, dot))
        painter.setPen(QColor(NOTE_TEXT))
        painter.drawText(
            QRectF(right - width, strip.top(), width, strip.height()), Qt.AlignmentFlag.AlignVCenter, label
        )
        right -= width + dot + 8
    if look.evidence:
        dot = size * 0.55
        painter.setPen(QPen(QColor(NOTE_EVIDENCE), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(right - dot, strip.center().y() - dot / 2, dot, dot))
        right -= dot + 6
    if look.tags:
        tags = " ".join(f"#{t}" for t in look.tags)
        draw_text(
            painter,
            QRectF(
                strip.left(),
                strip.top() + (strip.height() - size * 1.35) / 2,
                right - strip.left(),
                size * 1.6,
            ),
            tags,
            font(size),
            NOTE_META,
            max_lines=1,
        )


def refuse_band_selection(item: QGraphicsItem, change: QGraphicsItem.GraphicsItemChange, value: Any) -> bool:
    """True when a rubber band is about to select a part of a map (a note, a header): the
    band selects whole maps; parts are chosen by clicking, so Delete never takes a map's notes
    along by accident."""
    if change != QGraphicsItem.GraphicsItemChange.ItemSelectedChange or not value:
        return False
    scene = item.scene()
    return scene is not None and any(not v.rubberBandRect().isNull() for v in scene.views())


class NoteHost(Protocol):
    """The map item that owns notes: it resolves drags and edits into ops."""

    def drag_group(self, item: NoteItem) -> list[NoteItem]: ...

    def drop_notes(self, items: list[NoteItem], scene_pos: QPointF) -> bool: ...

    def place_notes(self) -> None: ...

    def edit_note(self, note_id: str) -> None: ...


class NoteItem(QGraphicsItem):
    """One note of a map, a child of the map item. Selectable; dragged as a group."""

    kind = "note"

    def __init__(self, note_id: str, host: Any) -> None:
        super().__init__()
        self.note_id = note_id
        self.host: NoteHost = host
        self.owner_id = ""
        self.look = NoteLook("", NoteColor.YELLOW, (100.0, 60.0), QRectF(8, 8, 84, 44), 2)
        self.editing = False
        self._drag: NoteDrag | None = None
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_look(self, look: NoteLook, pos: QPointF) -> None:
        if look == self.look and pos == self.pos():
            return
        if look.size != self.look.size:
            self.prepareGeometryChange()
        self.look = look
        self.setPos(pos)
        self.update()

    def target(self) -> Target:
        return Target(self.kind, self.note_id, self.owner_id)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if refuse_band_selection(self, change, value):
            return False
        return super().itemChange(change, value)

    def note_rect(self) -> QRectF:
        return QRectF(0, 0, *self.look.size)

    def boundingRect(self) -> QRectF:
        return self.note_rect().adjusted(-3, -3, 3, 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        deco = getattr(self.scene(), "note_decorator", None)  # workshop voting: hide or rank votes
        look = deco.look_for(self) if deco is not None else self.look
        paint_note(painter, look, level_of_detail(option, painter), show_text=not self.editing)
        if deco is not None:
            deco.paint_over(painter, self)
        if self.isSelected():
            painter.setPen(QPen(QColor(self.host.theme.selection), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.note_rect().adjusted(-1.5, -1.5, 1.5, 1.5), 4, 4)

    # --- mouse: select, drag as a group, double-click to edit ------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.editing:
            event.ignore() if self.editing else super().mousePressEvent(event)
            return
        super().mousePressEvent(event)
        event.accept()
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._drag = NoteDrag(self.host, self.host.drag_group(self), event.scenePos()).start()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag is not None:
            self._drag.move(event.scenePos())
            dragging = self._drag.active and not self._drag.over
            self.setCursor(Qt.CursorShape.ClosedHandCursor if dragging else Qt.CursorShape.OpenHandCursor)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        drag, self._drag = self._drag, None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        super().mouseReleaseEvent(event)
        if drag is not None:
            drag.end(event.scenePos())  # a drop (one op), or the notes go back; nothing after Esc

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.editing:
            event.accept()
            self.host.edit_note(self.note_id)
            return
        super().mouseDoubleClickEvent(event)
