"""A token bucket per participant: a burst of changes is fine, a flood is refused."""

from __future__ import annotations

import time
from collections.abc import Callable


class RateLimit:
    """`rate` changes a second on average, up to `burst` at once; `clock` is injectable (tests)."""

    def __init__(self, rate: float = 5.0, burst: float = 20.0, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self._clock = rate, burst, clock
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, participant_id: str) -> bool:
        """Take one token from the participant's bucket; False when it is empty."""
        now = self._clock()
        tokens, then = self._buckets.get(participant_id, (self.burst, now))
        tokens = min(self.burst, tokens + (now - then) * self.rate)
        if tokens < 1:
            self._buckets[participant_id] = (tokens, now)
            return False
        self._buckets[participant_id] = (tokens - 1, now)
        return True
