"""The facilitator's workshop as the session document's `session` map sees it: the focused
place (the presented stop), whether a dot vote is open and its dots, and when the timer ends.

The workshop says when any of these may have changed (the presenter moved, a vote started
or ended, the timer was set, started, paused); only values that differ reach the session.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from ...live.places import quadrant_key

Values = dict[str, Any]


def utc_in(seconds: float) -> str:
    """ISO 8601 text for `seconds` from now (the timer's end, as participants' clocks read it)."""
    end = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
    return end.isoformat(timespec="seconds")


class WorkshopState:
    """Reads the workshop of `window` for the session on `board_id`; calls `on_change` with
    the values that changed since the last call."""

    def __init__(self, window: Any, board_id: str, on_change: Callable[[Values], None]) -> None:
        self.window, self.board_id, self.on_change = window, board_id, on_change
        self.last: Values = {}
        self.last = self.values()

    @property
    def _workshop(self) -> Any:
        return getattr(self.window, "features", {}).get("workshop")

    def values(self) -> Values:
        return {"focus": self.focus(), **self.vote(), "timer_end": self.timer_end()}

    def focus(self) -> str | None:
        """The stage or empathy-map quadrant on the presented stop, if it is on our board."""
        workshop = self._workshop
        if workshop is None or not workshop.presenting:
            return None
        stop = workshop.presenter.current()
        if stop is None or workshop.presenter.overview or stop.board_id != self.board_id:
            return None
        kind, element_id, part = (*stop.key, "", "")[:3]
        if kind == "stage":
            return str(part)
        if kind == "quadrant":
            board = self.window.document.project.board(self.board_id) if self.window.document else None
            element = next((e for e in board.elements if e.id == element_id), None) if board else None
            map_id = getattr(element, "map_id", None)
            return quadrant_key(map_id, str(part)) if map_id else None
        return None

    def vote(self) -> Values:
        workshop = self._workshop
        built = workshop is not None and "_machinery" in workshop.__dict__
        session = workshop.voting.session if built else None
        if session is None:
            return {"vote_open": False, "dots": workshop.voting.last_dots if built else 3}
        return {"vote_open": True, "dots": int(session.dots)}

    def vote_name(self) -> str:
        """The open vote's session name (participants' dots count in it), else "live"."""
        workshop = self._workshop
        built = workshop is not None and "_machinery" in workshop.__dict__
        session = workshop.voting.session if built else None
        return str(session.name) if session is not None else "live"

    def timer_end(self) -> str | None:
        """When a running timer ends; None when it is not set, not started or paused."""
        workshop = self._workshop
        if workshop is None or not workshop.timer.countdown.running:
            return None
        return utc_in(workshop.timer.countdown.remaining())

    # --- following the workshop ---------------------------------------------------------------

    def connect(self) -> None:
        workshop = self._workshop
        if workshop is None:
            return
        workshop.presenter.moved.append(self.refresh)
        workshop.voting.changed.append(self.refresh)
        workshop.timer.controlled.connect(self.refresh_timer)

    def disconnect(self) -> None:
        workshop = self._workshop
        if workshop is None:
            return
        with contextlib.suppress(RuntimeError, TypeError):
            workshop.timer.controlled.disconnect(self.refresh_timer)
        if "_machinery" in workshop.__dict__:
            for hooks in (workshop.presenter.moved, workshop.voting.changed):
                with contextlib.suppress(ValueError):
                    hooks.remove(self.refresh)

    def refresh_timer(self) -> None:
        self.refresh(timer=True)

    def refresh(self, timer: bool = False) -> None:
        """Send what changed; the timer's end is read again only when the timer was touched
        (read at another moment it could differ by a rounded second)."""
        now = self.values()
        if not timer:
            now["timer_end"] = self.last.get("timer_end")
        changed = {k: v for k, v in now.items() if self.last.get(k) != v}
        self.last = now
        if changed:
            self.on_change(changed)
