"""The workshop countdown without Qt: a duration, a start/pause state and an injectable clock,
so the facilitator's timer is tested with a fake clock and drawn by any front end.

Time is measured with the clock, never by counting ticks, so a busy event loop cannot make
the room's time-box drift.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum

PRESETS_MIN: tuple[int, ...] = (3, 5, 10, 15)
LAST_MINUTE = 60.0
LAST_SECONDS = 10.0
MAX_SECONDS = 24 * 3600.0


class Phase(StrEnum):
    """What the overlay shows: its colour follows the phase."""

    IDLE = "idle"  # nothing set
    READY = "ready"  # set, not started
    RUNNING = "running"
    PAUSED = "paused"
    LAST_MINUTE = "last_minute"  # running or paused with a minute or less left: amber
    LAST_SECONDS = "last_seconds"  # ten seconds or less: red
    FINISHED = "finished"  # time is up: red, flashing


class Countdown:
    """A time-box: set, start, pause, add a minute. `poll()` reports the end exactly once."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.duration = 0.0
        self._spent = 0.0  # seconds used before the current run
        self._started: float | None = None
        self._end_reported = False

    # --- state ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._started is not None

    def elapsed(self) -> float:
        extra = self.clock() - self._started if self._started is not None else 0.0
        return self._spent + max(0.0, extra)

    def remaining(self) -> float:
        return max(0.0, self.duration - self.elapsed())

    def finished(self) -> bool:
        return self.duration > 0 and self.remaining() <= 0

    def phase(self) -> Phase:
        if self.duration <= 0:
            return Phase.IDLE
        left = self.remaining()
        if left <= 0:
            return Phase.FINISHED
        if not self.running and self.elapsed() == 0:
            return Phase.READY
        if left <= LAST_SECONDS:
            return Phase.LAST_SECONDS
        if left <= LAST_MINUTE:
            return Phase.LAST_MINUTE
        return Phase.RUNNING if self.running else Phase.PAUSED

    def label(self) -> str:
        """MM:SS (H:MM:SS from an hour), rounded up so "0:00" shows only when time is up."""
        left = int(-(-self.remaining() // 1))
        hours, rest = divmod(left, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"

    # --- control -------------------------------------------------------------------------

    def set(self, seconds: float) -> None:
        """A new time-box, not started."""
        self.duration = max(0.0, min(MAX_SECONDS, float(seconds)))
        self._spent = 0.0
        self._started = None
        self._end_reported = False

    def start(self) -> None:
        if self.duration > 0 and not self.running and not self.finished():
            self._started = self.clock()

    def pause(self) -> None:
        if self._started is not None:
            self._spent = self.elapsed()
            self._started = None

    def toggle(self) -> None:
        """Start or pause; on a finished timer, start the same time-box again."""
        if self.finished():
            self.set(self.duration)
            self.start()
        elif self.running:
            self.pause()
        else:
            self.start()

    def add(self, seconds: float = 60.0) -> None:
        """More time (a running timer keeps running); a finished timer becomes a fresh box."""
        if self.finished():
            self.set(seconds)
            self.start()
            return
        self.duration = max(0.0, min(MAX_SECONDS, self.duration + seconds))
        self._end_reported = False

    def reset(self) -> None:
        self.set(0)

    def poll(self) -> bool:
        """True once, on the first call after time ran out (the wrapper then signals `finished`)."""
        if self.finished() and not self._end_reported:
            self._end_reported = True
            if self._started is not None:
                self._spent, self._started = self.duration, None
            return True
        return False
