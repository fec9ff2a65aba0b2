"""What the participant's board shows, from a plain snapshot of the session document: the
places as columns (stages, then lanes, quadrants, the board), their notes with dots, and what
this participant may do right now. No Qt here: the window only draws it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

KIND_ORDER = ("stage", "lane", "quadrant", "board")
KIND_LABEL = {"stage": "Stage", "lane": "Lane", "quadrant": "Quadrant", "board": "Board"}
VOTABLE = ("stage", "lane", "quadrant")
"""Free board notes take no dots (docs/live.md)."""


@dataclass(frozen=True)
class Card:
    id: str
    text: str
    mine: bool
    dots: int
    my_dots: int
    votable: bool


@dataclass
class Column:
    key: str
    kind: str
    name: str
    focused: bool
    cards: list[Card] = field(default_factory=list)


@dataclass
class BoardView:
    columns: list[Column]
    me: str
    locked: bool
    vote_open: bool
    can_vote: bool
    dots_left: int
    dots: int
    can_edit_own: bool
    add_anywhere: bool
    add_to: str
    """The place key a note goes to when it cannot go anywhere (the focus, else the board)."""
    timer_end: dt.datetime | None

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def can_add(self) -> bool:
        return not self.locked and bool(self.columns)


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float) and value >= 0 else 0


def _when(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def board_view(snap: dict[str, Any]) -> BoardView:
    """The board a snapshot (shape.snapshot plus `me`) describes."""
    me = str(snap.get("me", ""))
    session: dict[str, Any] = snap.get("session") or {}
    permissions: dict[str, Any] = session.get("permissions") or {}
    places: dict[str, Any] = snap.get("places") or {}
    votes: dict[str, Any] = snap.get("votes") or {}
    focus = session.get("focus")
    shown = [(k, p) for k, p in places.items() if isinstance(p, dict) and p.get("kind") in KIND_ORDER]
    shown.sort(key=lambda kp: (KIND_ORDER.index(kp[1]["kind"]), _order(kp[1])))
    columns = [Column(str(k), str(p["kind"]), str(p.get("name", "")), k == focus) for k, p in shown]
    by_key = {c.key: c for c in columns}
    my_total = 0
    for note in snap.get("notes") or []:
        if not isinstance(note, dict) or not isinstance(note.get("target"), dict):
            continue
        column = by_key.get(str(note["target"].get("id")))
        if column is None:
            continue
        counts = votes.get(str(note.get("id")), {})
        counts = counts if isinstance(counts, dict) else {}
        mine = _int(counts.get(me))
        my_total += mine
        column.cards.append(
            Card(
                id=str(note.get("id")),
                text=str(note.get("text", "")),
                mine=bool(me) and note.get("author") == me,
                dots=sum(_int(v) for v in counts.values()),
                my_dots=mine,
                votable=column.kind in VOTABLE,
            )
        )
    dots = _int(session.get("dots"))
    board_id = str(session.get("board_id", ""))
    return BoardView(
        columns=columns,
        me=me,
        locked=bool(session.get("locked")),
        vote_open=bool(session.get("vote_open")),
        can_vote=bool(session.get("vote_open")) and bool(permissions.get("vote", True)),
        dots_left=max(0, dots - my_total),
        dots=dots,
        can_edit_own=bool(permissions.get("edit_own_only", True)) and not session.get("locked"),
        add_anywhere=bool(permissions.get("add_anywhere")),
        add_to=str(focus) if focus in by_key else board_id,
        timer_end=_when(session.get("timer_end")),
    )


def remaining(end: dt.datetime, now: dt.datetime) -> str:
    """The time left as M:SS (0:00 once it has run out)."""
    seconds = max(0, int((end - now).total_seconds() + 0.999))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _order(place: dict[str, Any]) -> float:
    """Where the place stands on the facilitator's board (a stage's column, a lane's row)."""
    order = place.get("order")
    return float(order) if isinstance(order, int | float) and not isinstance(order, bool) else 0.0
