"""The host's side of one live session, without any network: who joined (PIN, tokens), the
shared document, the host's rules (HostBridge) and the facilitator's controls. One thread owns
it (the editor's GUI thread, or the headless host's event loop); the transport calls in and
gets what to send back through the `on_*` callbacks (personamap/live/server.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import secrets
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from pycrdt import Doc, Map, TransactionEvent

from ..model.base import clean_text
from ..model.ops.core import Op
from ..model.project import Project
from .bridge import HostBridge, Outcome
from .places import board_places
from .ratelimit import RateLimit
from .reconcile import restore_map, restore_notes
from .shape import HOST, Permissions, board_notes, new_session_doc, roots

PIN_TRIES = 5
"""Wrong PINs one address may send in a session: a six-digit PIN would otherwise fall to a
script trying them all over the room's network."""
MAX_NAME = 80


class JoinRefused(Exception):
    """Why somebody may not join or come back, in one line for them."""


@dataclass
class Member:
    """A participant who gave the PIN. `token` lets them come back as the same participant."""

    pid: str
    name: str
    token: str
    joined: str
    connections: int = 0
    ended: bool = False


def _ignore(*_args: object) -> None:
    return None


class LiveSession:
    """One session on one board of `project`; `apply(op)` puts a participant's op on the
    facilitator's undo stack (and raises OpError when the project refuses it)."""

    def __init__(
        self,
        project: Project,
        board_id: str,
        pin: str,
        apply: Callable[[Op], object],
        *,
        focus: str | None = None,
        dots: int = 3,
        vote_open: bool = False,
        permissions: Permissions | None = None,
        rate_limit: RateLimit | None = None,
        session_name: str = "live",
    ):
        self.project, self.board_id, self.pin = project, board_id, pin
        self.doc: Doc = new_session_doc(project, board_id, focus=focus, dots=dots, permissions=permissions)
        if vote_open:
            with self.doc.transaction(origin="host"):
                roots(self.doc)["session"]["vote_open"] = True
        self.bridge = HostBridge(self.doc, apply, rate_limit or RateLimit(), session=session_name)
        self.members: dict[str, Member] = {}
        self.ended = False
        self.on_publish: Callable[[bytes], None] = _ignore
        self.on_remove: Callable[[str], None] = _ignore
        self.on_change: Callable[[], None] = _ignore
        self._made: list[bytes] | None = None
        self.doc.observe(self._transaction_done)
        self._ids = itertools.count(1)
        self._wrong_pins: Counter[str] = Counter()

    # --- joining ---------------------------------------------------------------------------

    def join(self, pin: str, name: str, address: str) -> Member:
        """A new participant, once the PIN is right; JoinRefused otherwise."""
        if self.ended:
            raise JoinRefused("the session has ended")
        if self._wrong_pins[address] >= PIN_TRIES:
            raise JoinRefused("too many wrong PINs")
        if not secrets.compare_digest(str(pin).encode(), self.pin.encode()):
            self._wrong_pins[address] += 1
            raise JoinRefused("wrong PIN")
        member = Member(
            pid=f"p{next(self._ids)}",
            name=clean_text(str(name or "")).strip()[:MAX_NAME] or "Participant",
            token=secrets.token_urlsafe(18),
            joined=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        self.members[member.pid] = member
        with self._publishing():
            roots(self.doc)["participants"][member.pid] = Map({"name": member.name, "joined": member.joined})
        return member

    def resume(self, token: str) -> Member:
        """The participant a token belongs to (a reconnection, a reloaded page)."""
        if self.ended:
            raise JoinRefused("the session has ended")
        for member in self.members.values():
            if secrets.compare_digest(member.token.encode(), str(token).encode()):
                if member.ended:
                    raise JoinRefused("the facilitator ended your session")
                return member
        raise JoinRefused("unknown participant: join again with the PIN")

    def connected(self, pid: str, delta: int) -> None:
        member = self.members.get(pid)
        if member is not None:
            member.connections = max(0, member.connections + delta)
            self.on_change()

    def active(self, pid: str) -> bool:
        member = self.members.get(pid)
        return member is not None and not member.ended and not self.ended

    # --- syncing ---------------------------------------------------------------------------

    def state(self) -> bytes:
        """The host's state vector (a sync step 1 asks a client for what it has beyond it)."""
        return self.doc.get_state()

    def sync_answer(self, state_vector: bytes) -> bytes:
        """What a client with `state_vector` lacks; ValueError when the vector is malformed."""
        try:
            return self.doc.get_update(state_vector)
        except Exception as exc:
            raise ValueError("a malformed state vector") from exc

    def receive(self, pid: str, update: bytes) -> Outcome:
        """A participant's update, judged; every client is sent what the host accepted."""
        if not self.active(pid):
            return Outcome(refused=["your session has ended"])
        with self._publishing(transaction=False):
            outcome = self.bridge.receive(self.project, pid, update)
        if outcome.applied:
            self.on_change()
        return outcome

    # --- the facilitator's controls --------------------------------------------------------

    def configure(self, **values: Any) -> None:
        """Set session keys (docs/live.md): focus, vote_open, dots, timer_end, locked,
        permissions (a Permissions)."""
        session = roots(self.doc)["session"]
        with self._publishing():
            for key, value in values.items():
                if key not in ("focus", "vote_open", "dots", "timer_end", "locked", "permissions"):
                    raise KeyError(f"not a session setting: {key}")
                if isinstance(value, Permissions):
                    value = asdict(value)
                restore_map(session, {**session.to_py(), key: value})
        self.on_change()

    def settings(self) -> dict[str, Any]:
        return dict(roots(self.doc)["session"].to_py())

    def mirror(self) -> None:
        """The facilitator changed the project: the document's places and notes follow it
        (a note undone or deleted goes, a renamed stage is renamed, a moved note moves)."""
        self.bridge.forget_places()
        shared = roots(self.doc)
        board = self.project.board(self.board_id)
        places = board_places(self.project, board) if board is not None else {}
        want_places = {
            key: {"kind": p.kind, "name": p.name, "order": order}
            for order, (key, p) in enumerate(places.items())
        }
        current = {str(n.get("id")): n for n in shared["notes"].to_py() if isinstance(n, dict)}
        doc_ids = {model: doc for doc, model in self.bridge.model_ids.items()}
        notes: list[dict[str, Any]] = []
        for model_id, kind, key, text, cell in board_notes(self.project, self.board_id, places):
            ident = doc_ids.get(model_id, model_id)
            old = current.get(ident, {})
            target = old.get("target") if isinstance(old.get("target"), dict) else None
            if target is None or target.get("id") not in cell:
                target = {"kind": kind, "id": key}
            notes.append(
                {
                    "id": ident,
                    "author": old.get("author", HOST),
                    "text": text,
                    "target": target,
                    "created": old.get("created", ""),
                }
            )
        order = {ident: i for i, ident in enumerate(current)}
        notes.sort(key=lambda n: order.get(n["id"], len(order)))
        live = {n["id"] for n in notes}
        votes = {k: v for k, v in shared["votes"].to_py().items() if k in live}
        with self._publishing():
            restore_map(shared["places"], want_places)
            restore_notes(shared["notes"], notes)
            restore_map(shared["votes"], votes)

    def remove(self, pid: str) -> None:
        """End one participant's session: their token stops working, their connections close;
        their notes stay."""
        member = self.members.get(pid)
        if member is not None and not member.ended:
            member.ended = True
            self.on_remove(pid)
            self.on_change()

    def end(self) -> None:
        """Nobody can join, come back or change anything any more."""
        if not self.ended:
            self.ended = True
            self.on_change()

    # --- plumbing --------------------------------------------------------------------------

    @contextlib.contextmanager
    def _publishing(self, *, transaction: bool = True) -> Iterator[None]:
        """The net change made inside (in one host transaction unless `transaction` is False)
        is handed to `on_publish` once, at the end. A single transaction goes out as it was
        made; several (a participant's update and the host writing part of it back) are sent
        as one update built from the document's store, so what the host wrote back over (a
        refused note) goes out deleted, never with its text."""
        before = self.doc.get_state()
        self._made = []
        try:
            if transaction:
                with self.doc.transaction(origin="host"):
                    yield
            else:
                yield
        finally:
            made, self._made = self._made, None
        if made:
            self.on_publish(made[0] if len(made) == 1 else self.doc.get_update(before))

    def _transaction_done(self, event: TransactionEvent) -> None:
        if self._made is not None:
            self._made.append(event.update)
