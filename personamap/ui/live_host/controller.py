"""One live session hosted by the editor: the LiveSession on the GUI thread, its server on a
thread of its own, the session advertised on the room's network, and the facilitator's
workshop (focus, dot vote, timer) and edits followed in the shared document.

A participant's change reaches the project as an op on the Document's undo stack, named after
them ("Note from Ana"), so the facilitator can undo it like any edit; the undo is mirrored
back to everyone.
"""

from __future__ import annotations

import contextlib
import secrets
import socket
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal

from ...document import Document
from ...live.bridge import Outcome
from ...live.discovery import Advertisement
from ...live.server import ServerThread
from ...live.session import LiveSession, Member
from ...live.shape import Permissions, roots
from ...model.ops.core import Op
from ...model.project import Project
from .post import Poster
from .workshop_state import WorkshopState

UNDO_NAMES = {  # by the op's name (model/ops); any other op: "NAME (who)"
    "Add note": "Note from {who}",
    "Place note": "Note from {who}",
    "Edit note": "Note edited by {who}",
    "Delete note": "Note deleted by {who}",
    "Delete element": "Note deleted by {who}",
    "Add vote": "Dot from {who}",
    "Remove vote": "Dot taken back by {who}",
}


def new_pin() -> str:
    """Six random digits (from `secrets`: the PIN is all that keeps the room's network out)."""
    return f"{secrets.randbelow(10**6):06d}"


@dataclass(frozen=True)
class Row:
    """A participant as the host's list shows them."""

    pid: str
    name: str
    notes: int
    online: bool
    ended: bool


@dataclass(frozen=True)
class _Named:
    """An op under another name: the undo entry says whose it was. It has no merge key, so a
    participant's edits never merge into the facilitator's (or another participant's)."""

    op: Op
    name: str

    def apply(self, project: Project) -> tuple[Op, Any]:
        return self.op.apply(project)


class _Session(LiveSession):
    """A LiveSession that knows whose update it is judging, so their ops carry their name."""

    sender: str | None = None

    def receive(self, pid: str, update: bytes) -> Outcome:
        self.sender = pid
        try:
            return super().receive(pid, update)
        finally:
            self.sender = None


class LiveHostController(QObject):
    """A running session; `changed` when participants or settings change, `ended` once."""

    changed = Signal()
    ended = Signal()

    def __init__(
        self,
        window: Any,
        document: Document,
        board_id: str,
        permissions: Permissions,
        *,
        pin: str | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.document, self.board_id = window, document, board_id
        self.permissions = permissions
        self.locked = False
        self.url = ""
        self.running = False
        self.poster = Poster(self)
        self.workshop = WorkshopState(window, board_id, self._workshop_changed)
        state = self.workshop.values()
        self.session = _Session(
            document.project,
            board_id,
            pin or new_pin(),
            self._apply,
            focus=state["focus"],
            dots=state["dots"],
            vote_open=state["vote_open"],
            permissions=permissions,
            session_name=self.workshop.vote_name(),
        )
        if state["timer_end"] is not None:
            self.session.configure(timer_end=state["timer_end"])
        self.session.on_change = self._session_changed
        self.server: ServerThread | None = None
        self.advertisement: Advertisement | None = None
        self._advertising: threading.Thread | None = None

    @property
    def pin(self) -> str:
        return self.session.pin

    # --- start and end ------------------------------------------------------------------------

    def start(self, bind: str, port: int) -> str:
        """Listen on `bind`:`port` (0: any free port); the join address. OSError if it cannot."""
        self.server = ServerThread(self.session, self.poster.post)
        try:
            self.url = self.server.start(bind, port)
        except OSError:
            self.session.end()
            _stop(self.server)
            raise
        self.running = True
        self.document.changed.connect(self._document_changed)
        self.workshop.connect()
        self._advertise()
        return self.url

    def _advertise(self) -> None:
        """Announce the session on the room's network (File ▸ Join Session… lists it). Off the
        GUI thread: zeroconf probes the network for a second or two before it announces."""
        board = self.document.project.board(self.board_id)
        title = board.name if board is not None else "Workshop"
        self.advertisement = Advertisement(f"{title} ({socket.gethostname()})", self.url)
        self._advertising = threading.Thread(target=self.advertisement.start, daemon=True)
        self._advertising.start()

    def _withdraw(self) -> None:
        advertisement, started = self.advertisement, self._advertising
        self.advertisement = self._advertising = None
        if advertisement is None or started is None:
            return

        def withdraw() -> None:
            started.join()
            advertisement.close()

        threading.Thread(target=withdraw, daemon=True).start()

    def end(self) -> None:
        """Nobody can join, resume or reach the server any more; safe to call twice."""
        if not self.running:
            return
        self.running = False
        with contextlib.suppress(RuntimeError, TypeError):
            self.document.changed.disconnect(self._document_changed)
        self.workshop.disconnect()
        self._withdraw()
        self.session.end()
        if self.server is not None:
            _stop(self.server)
        self.ended.emit()

    # --- the facilitator's controls -----------------------------------------------------------

    def set_permissions(self, permissions: Permissions) -> None:
        self.permissions = permissions
        self.session.configure(permissions=permissions)

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self.session.configure(locked=locked)

    def remove(self, pid: str) -> None:
        """End one participant's session: their token is revoked and connections closed."""
        self.session.remove(pid)

    def rows(self) -> list[Row]:
        """Who joined, with how many notes each has in the session (oldest first)."""
        notes = roots(self.session.doc)["notes"].to_py()
        counts: dict[str, int] = {}
        for note in notes:
            author = str(note.get("author", ""))
            counts[author] = counts.get(author, 0) + 1
        members: list[Member] = sorted(self.session.members.values(), key=lambda m: m.joined)
        return [
            Row(m.pid, m.name, counts.get(m.pid, 0), m.connections > 0 and not m.ended, m.ended)
            for m in members
        ]

    # --- participants' ops and the facilitator's edits ----------------------------------------

    def _apply(self, op: Op) -> None:
        """Push a participant's op on the undo stack (OpError if the project refuses it)."""
        member = self.session.members.get(self.session.sender or "")
        if member is None:
            self.document.apply(op, initiator=self)
            return
        template = UNDO_NAMES.get(op.name, "{what} ({who})")
        self.document.apply(_Named(op, template.format(who=member.name, what=op.name)), initiator=self)

    def _document_changed(self, _changes: object, initiator: object) -> None:
        """The facilitator edited, undid or redid: places and notes follow the project."""
        if initiator is not self:
            self.session.mirror()
            self.changed.emit()  # a participant's note undone: their count drops

    def _workshop_changed(self, values: dict[str, Any]) -> None:
        """The facilitator presented another stop, opened or closed a vote, set the timer.
        Participants' dots go into the facilitator's open vote, so its counts show them."""
        if not self.running:
            return
        if values.get("vote_open"):
            self.session.bridge.session = self.workshop.vote_name()
        self.session.configure(**values)

    def _session_changed(self) -> None:
        self.changed.emit()


def _stop(server: ServerThread) -> None:
    """Stop the server while the GUI thread keeps running what the server posts to it (a
    closing connection reports to the session on its way out): blocking here would make the
    server wait for us while we wait for it."""
    stopper = threading.Thread(target=server.stop, name="personamap-live-stop", daemon=True)
    stopper.start()
    while stopper.is_alive():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 50)
        stopper.join(0.01)
