"""Dot voting: a session of named participants with N dots each, cast by clicking notes.

Votes are `Vote(participant, session)` entries on journey and empathy notes, added and
removed with ops (saved, undoable). Free notes on a board have no votes field, so voting is
restricted to the notes of journey and empathy maps. While a vote runs, every board's notes
are drawn through a `VoteDecorator`: counts hidden (each participant sees only their own dots)
until the facilitator reveals them; revealed, each note shows its count and the top three a
rank badge. Click casts a dot for the current participant, right-click takes one back; on one
laptop passed around, keys 1–9 choose the participant and Enter votes for the selected notes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView

from ...canvas.items.notes import NoteItem, NoteLook
from ...canvas.text import font
from ...model import ops
from ...model.votes_report import ranking
from ...style import OKABE_ITO, TYPE

RANK_COLORS = ("#E69F00", "#8C959F", "#B0703C")  # gold, silver, bronze — with the digit as label


@dataclass(frozen=True)
class Participant:
    name: str
    color: str


@dataclass
class VoteSession:
    """One round of dot voting; `name` is stored on every vote (Vote.session)."""

    name: str
    participants: list[Participant]
    dots: int
    owners: set[str] | None = None  # journey / empathy map ids in scope; None: all
    note_ids: set[str] | None = None  # a selection of notes; None: every note of the owners
    current: int = 0
    revealed: bool = False
    counts: dict[str, Counter[str]] = field(default_factory=dict)  # note id -> dots per participant

    @property
    def participant(self) -> Participant:
        return self.participants[self.current]

    def in_scope(self, owner_id: str, note_id: str) -> bool:
        if self.owners is not None and owner_id not in self.owners:
            return False
        return self.note_ids is None or note_id in self.note_ids

    def used(self, name: str) -> int:
        return sum(c.get(name, 0) for c in self.counts.values())

    def totals(self) -> dict[str, int]:
        return {note_id: sum(c.values()) for note_id, c in self.counts.items() if sum(c.values())}


def make_participants(names: list[str]) -> list[Participant]:
    clean = [n.strip()[:60] for n in names if n.strip()] or ["Everyone"]
    return [Participant(n, OKABE_ITO[k % len(OKABE_ITO)]) for k, n in enumerate(dict.fromkeys(clean))]


def session_name(now: dt.datetime | None = None) -> str:
    return f"Vote {(now or dt.datetime.now()).strftime('%Y-%m-%d %H:%M')}"


class VoteDecorator:
    """How notes show votes while a session runs (see NoteItem.paint)."""

    def __init__(self, session: VoteSession) -> None:
        self.session = session
        self._ranks: dict[str, int] = {}

    def refresh(self) -> None:
        self._ranks = ranking(self.session.totals())

    def look_for(self, item: NoteItem) -> NoteLook:
        """The stock vote count is never drawn during a session: this decorator draws its own."""
        look = item.look
        return replace(look, votes=0) if look.votes else look

    def badge_text(self, item: NoteItem) -> str:
        """The count a note shows: "" while hidden (or out of scope or without votes)."""
        s = self.session
        if not s.revealed or not s.in_scope(item.owner_id, item.note_id):
            return ""
        n = sum(s.counts.get(item.note_id, Counter()).values())
        return str(n) if n else ""

    def rank(self, item: NoteItem) -> int | None:
        return self._ranks.get(item.note_id) if self.session.revealed else None

    def own_dots(self, item: NoteItem) -> int:
        s = self.session
        return s.counts.get(item.note_id, Counter()).get(s.participant.name, 0)

    def paint_over(self, painter: QPainter, item: NoteItem) -> None:
        w, h = item.look.size
        painter.save()
        if self.session.revealed:
            self._paint_count(painter, item, w, h)
        else:
            self._paint_own(painter, item, w, h)
        painter.restore()

    def _paint_own(self, painter: QPainter, item: NoteItem, w: float, h: float) -> None:
        """Hidden: only the current participant's own dots, in their colour, at the top right."""
        k = self.own_dots(item)
        if not k:
            return
        d = 10.0
        painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
        painter.setBrush(QColor(self.session.participant.color))
        for i in range(min(k, 6)):
            painter.drawEllipse(QRectF(w - 6 - d - i * (d + 3), 5, d, d))

    def _paint_count(self, painter: QPainter, item: NoteItem, w: float, h: float) -> None:
        text = self.badge_text(item)
        if text:
            f = font(TYPE.body, bold=True)
            painter.setFont(f)
            label = f"● {text}"
            tw = painter.fontMetrics().horizontalAdvance(label) + 12
            th = TYPE.body * 1.6
            r = QRectF(w - tw - 4, h - th - 4, tw, th)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#1F2328"))
            painter.drawRoundedRect(r, th / 2, th / 2)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, label)
        rank = self.rank(item)
        if rank is not None:
            d = 26.0
            r = QRectF(-6, -8, d, d)
            painter.setPen(QPen(QColor("#FFFFFF"), 2))
            painter.setBrush(QColor(RANK_COLORS[rank - 1]))
            painter.drawEllipse(r)
            painter.setFont(font(TYPE.body, bold=True))
            painter.setPen(QColor("#000000"))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, str(rank))


def note_at(view: QGraphicsView, pos: QPoint) -> NoteItem | None:
    for item in view.items(pos):
        if isinstance(item, NoteItem):
            return item
    return None


class VoteInput(QObject):
    """Event filter on views and their viewports while a vote runs: clicks cast, keys choose."""

    def __init__(self, voting: Any) -> None:
        super().__init__()
        self.voting = voting
        self.views: list[QGraphicsView] = []

    def attach(self, view: QGraphicsView) -> None:
        if view in self.views:
            return
        self.views.append(view)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def detach_all(self) -> None:
        for view in self.views:
            try:
                view.removeEventFilter(self)
                view.viewport().removeEventFilter(self)
            except RuntimeError:  # a view already deleted with its board
                pass
        self.views.clear()

    def _view_of(self, watched: QObject) -> QGraphicsView | None:
        for view in self.views:
            try:
                if watched is view or watched is view.viewport():
                    return view
            except RuntimeError:
                continue
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self._view_of(watched)
        if view is None or self.voting.session is None:
            return False
        kind = event.type()
        if isinstance(event, QMouseEvent) and watched is view.viewport():
            if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                return False
            note = note_at(view, event.position().toPoint())
            if note is None:
                return False
            if kind == QEvent.Type.MouseButtonPress:
                if event.button() == Qt.MouseButton.LeftButton:
                    self.voting.cast(note.owner_id, note.note_id)
                elif event.button() == Qt.MouseButton.RightButton:
                    self.voting.take_back(note.owner_id, note.note_id)
            return True
        if isinstance(event, QKeyEvent) and kind == QEvent.Type.KeyPress and watched is view:
            editing = getattr(view, "_editing_nothing", lambda: True)
            return editing() and self.voting.key(event, view)
        return False


def notes_in(view: QGraphicsView) -> list[NoteItem]:
    scene = view.scene()
    return [i for i in scene.selectedItems() if isinstance(i, NoteItem)] if scene is not None else []


def cast_op(project: Any, session: VoteSession, owner_id: str, note_id: str) -> ops.Op:
    return ops.add_vote(project, owner_id, note_id, session.participant.name, session.name)
