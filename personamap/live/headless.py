"""`personamap host FILE --no-window`: a session with no editor window. Nobody focuses a place
or opens a vote, so participants may add notes anywhere and a vote of 3 dots is open. FILE is
saved atomically about a second after a change, and on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from ..io import SaveError, save
from ..model.ops.core import Op
from ..model.project import Project
from ..terminal import say
from .server import LiveServer
from .session import LiveSession
from .shape import Permissions

SAVE_DELAY = 1.0


class HeadlessHost:
    """The project is the truth and FILE its copy on disk."""

    def __init__(self, project: Project, path: Path, pin: str):
        if not project.boards:
            raise ValueError("the file has no board to hold a session on")
        self.project, self.path = project, path
        self.session = LiveSession(
            project,
            project.boards[0].id,
            pin,
            self._apply,
            permissions=Permissions(add_anywhere=True),
            vote_open=True,
        )
        self._dirty = False
        self._save_task: asyncio.Task[None] | None = None

    def _apply(self, op: Op) -> None:
        op.apply(self.project)
        self._dirty = True
        if self._save_task is None or self._save_task.done():
            self._save_task = asyncio.ensure_future(self._save_later())

    def save_now(self) -> None:
        if self._dirty:
            save(self.project, self.path)
            self._dirty = False

    async def _save_later(self) -> None:
        await asyncio.sleep(SAVE_DELAY)
        try:
            self.save_now()
        except SaveError as exc:  # kept dirty: tried again on the next change and at the end
            say(f"{self.path}: not saved yet:", "; ".join(exc.lines()), file=sys.stderr)

    async def run(self, bind: str, port: int) -> int:
        """Serve until SIGINT or SIGTERM, then save and return 0."""
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        server = LiveServer(self.session)
        print(await server.start(bind, port), flush=True)
        print(f"PIN {self.session.pin}", flush=True)
        await stop.wait()
        self.session.end()
        server.stop()
        await server.closed()
        self.save_now()
        return 0
