"""A live session in one process: the host's project, document and bridge, and participants
whose documents sync with the host's by exchanging pycrdt updates."""

from __future__ import annotations

from typing import Any

from pycrdt import Doc, Map

from personamap.live.bridge import HostBridge
from personamap.live.ratelimit import RateLimit
from personamap.live.shape import Permissions, new_session_doc, roots
from personamap.model.ops.core import Op
from personamap.model.project import Project


class Host:
    """The facilitator's side: project, session document and bridge applying ops in order."""

    def __init__(
        self, project: Project, focus: str | None, permissions: Permissions, limit: RateLimit | None
    ):
        self.project = project
        self.board = project.boards[0]
        self.doc = new_session_doc(project, self.board.id, focus=focus, dots=3, permissions=permissions)
        self.undo: list[Op] = []
        self.bridge = HostBridge(self.doc, self._apply, limit, session="workshop")

    def _apply(self, op: Op) -> None:
        inverse, _changes = op.apply(self.project)
        self.undo.append(inverse)

    def set(self, **values: Any) -> None:
        """The facilitator changes the session (lock, open a vote…)."""
        with self.doc.transaction(origin="host"):
            for key, value in values.items():
                roots(self.doc)["session"][key] = value


class Participant:
    def __init__(self, host: Host, ident: str):
        self.host, self.id = host, ident
        self.doc: Doc = Doc()
        self.shared = roots(self.doc)
        self.pull()

    def pull(self) -> None:
        self.doc.apply_update(self.host.doc.get_update(self.doc.get_state()))

    def push(self) -> Any:
        """Send what changed here to the host, then take the host's answer back."""
        outcome = self.host.bridge.receive(
            self.host.project, self.id, self.doc.get_update(self.host.doc.get_state())
        )
        self.pull()
        return outcome

    def add(self, text: str, kind: str, key: str, note_id: str = "", author: str | None = None) -> str:
        note_id = note_id or f"{self.id}-{len(self.shared['notes'])}"
        target = Map({"kind": kind, "id": key})
        entry = {"id": note_id, "author": self.id if author is None else author, "text": text}
        self.shared["notes"].append(Map({**entry, "target": target, "created": "2026-12-07T16:00:00Z"}))
        return note_id

    def note(self, note_id: str) -> Any:
        return next(n for n in self.shared["notes"] if n["id"] == note_id)

    def notes(self) -> list[dict[str, Any]]:
        return self.shared["notes"].to_py()
