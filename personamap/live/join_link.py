"""A participant that stays in the session: joins (or resumes), syncs, and reconnects after the
connection drops, on its own asyncio loop in a daemon thread. A window hands it edits and gets
back plain snapshots; it never touches the document itself. Edits made while the connection is
down go into the remembered document and reach the host once it is back."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from .client import Ended, JoinError, Participant, open_session, socket_url
from .join_state import JoinState, StateBusy, held, load_state
from .shape import snapshot

RETRY = (0.5, 1.0, 2.0, 4.0)
"""Seconds before each new attempt after a drop; the last one repeats."""
FATAL = ("wrong PIN", "too many wrong PINs")

Edit = Callable[[Participant], object]


def _ignore(*_args: object) -> None:
    return None


class Link:
    """Callbacks (all from the link's thread): `on_snapshot(view)` with the document as plain
    values plus `me` (my participant id); `on_status(text, connected)`; `on_refused(reasons)`;
    `on_ended(reason)` once, when it stops for good (ended, wrong PIN)."""

    def __init__(self, url: str, pin: str, name: str) -> None:
        self.url, self.pin, self.name = url, pin, name
        self.where = socket_url(url)[1]
        self.on_snapshot: Callable[[dict[str, Any]], None] = _ignore
        self.on_status: Callable[[str, bool], None] = _ignore
        self.on_refused: Callable[[list[str]], None] = _ignore
        self.on_ended: Callable[[str], None] = _ignore
        self.me: Participant | None = None
        """Who takes edits: the open connection, or while waiting to retry the last one (its
        document is remembered and re-sent on resuming); None while connecting."""
        self._last: Participant | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="personamap-join", daemon=True)
        self._task: Future[None] | None = None
        self._tasks: set[asyncio.Future[Any]] = set()
        self._queued: list[Edit] = []
        """Edits made while connecting: the new connection's document takes them."""

    def start(self) -> None:
        self._thread.start()
        self._task = asyncio.run_coroutine_threadsafe(self._run(), self._loop)

    def submit(self, edit: Edit) -> None:
        """Run `edit(participant)` on the link's thread and send what it changed (thread-safe)."""
        with contextlib.suppress(RuntimeError):  # closed already
            self._loop.call_soon_threadsafe(self._edit, edit)

    def close(self) -> None:
        """Leave the session and end the thread (blocks until it has)."""
        if not self._thread.is_alive():
            return

        async def leave() -> None:
            if self._task is not None:
                self._task.cancel()
            if self.me is not None:
                await self.me.close()

        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(leave(), self._loop).result(timeout=15)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(15)

    # --- on the link's thread --------------------------------------------------------------

    async def _run(self) -> None:
        try:
            with held(self.where, self.name, 0):
                await self._stay(load_state(self.where, self.name))
        except StateBusy:
            self._end(f"you are in this session as {self.name} elsewhere already (another window or run)")

    async def _stay(self, state: JoinState) -> None:
        attempt = 0
        while True:
            self.on_status(f"Connecting to {self.where}…", False)
            self.me = None
            try:
                me, refused = await open_session(self.url, self.pin, state, self._publish)
            except Ended as exc:
                return self._end(str(exc))
            except JoinError as exc:
                if str(exc) in FATAL:
                    return self._end(str(exc))
                await self._offline(str(exc), attempt)
                attempt += 1
                continue
            self.me = self._last = me
            attempt = 0
            self.on_status(f"Connected to {self.where} as {self.name}", True)
            self._publish()
            for edit in self._queued:
                self._edit(edit)
            self._queued.clear()
            try:
                refused += await me.deliver()
                if refused:
                    self.on_refused(refused)
                await me.wait_closed()
            except Ended as exc:
                return self._end(str(exc))
            except JoinError as exc:
                await self._offline(str(exc), attempt)
            except TimeoutError:  # the host stopped answering: start afresh with a new connection
                await me.close()
                await self._offline(f"the host at {self.where} stopped answering", attempt)

    async def _offline(self, reason: str, attempt: int) -> None:
        """Wait before the next attempt; edits meanwhile go into the last copy of the document."""
        self.me = self._last
        self.on_status(f"Offline ({reason}); trying again…", False)
        await asyncio.sleep(RETRY[min(attempt, len(RETRY) - 1)])
        self.me = None

    def _end(self, reason: str) -> None:
        self.on_status(reason, False)
        self.on_ended(reason)

    def _publish(self) -> None:
        if self.me is not None:
            self.on_snapshot({**snapshot(self.me.doc), "me": self.me.id})

    def _edit(self, edit: Edit) -> None:
        me = self.me
        if me is None:
            self._queued.append(edit)
            return
        if not me.connected:
            me.remember(lambda: edit(me))
            self._publish()
            return
        task = asyncio.ensure_future(me.change(lambda: edit(me)))
        self._tasks.add(task)
        task.add_done_callback(self._changed)
        self._publish()

    def _changed(self, task: asyncio.Future[list[str]]) -> None:
        self._tasks.discard(task)
        if task.cancelled() or task.exception() is not None:
            return  # the connection dropped: the edit is remembered and re-sent on resuming
        if task.result():
            self.on_refused(task.result())
