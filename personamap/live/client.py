"""A participant of a live session (docs/live.md): says hello with its token (else the PIN),
syncs its remembered copy of the document, re-sends what the host has not confirmed, and makes
changes, each written to the state file (join_state.py) before it is sent. `join()` is
`personamap join`; the editor's Join Session window keeps a Participant open instead."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
from collections import deque
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from pycrdt import Doc, Map, YSyncMessageType, create_sync_message, create_update_message
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from ..model.base import new_id
from .join_state import JoinState, StateBusy, Wanted, held, load_state, save_state
from .shape import note_entry, roots
from .wire import PATH, hello, read_json, read_sync

TIMEOUT = 10.0
CLOSE_TIMEOUT = 2.0
LOCK_WAIT = 3 * TIMEOUT
"""How long a run waits for another run as the same participant to finish."""
"""Leaving waits this long at most for a host that stopped answering to say goodbye."""
EMPTY_UPDATE = b"\x00\x00"
ENDED_BY_FACILITATOR, SESSION_ENDED = 4001, 4002


class JoinError(Exception):
    """Why joining failed, in one line for the participant."""


class Ended(JoinError):
    """The facilitator ended this participant's session, or the whole session: don't retry."""


def socket_url(url: str) -> tuple[str, str]:
    """The WebSocket address behind a join address, and `HOST:PORT` to name it."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if not parts.hostname or parts.port is None:
        raise JoinError(f"not a join address: {url}")
    where = f"{parts.hostname}:{parts.port}"
    return f"ws://{where}{PATH}", where


def closed_reason(code: int | None, where: str) -> JoinError:
    """What the host closing the connection with `code` means for the participant."""
    if code == ENDED_BY_FACILITATOR:
        return Ended("the facilitator ended your session")
    if code == SESSION_ENDED:
        return Ended("the session has ended")
    return JoinError(f"the host at {where} stopped answering")


class Participant:
    """One connection to the host with the participant's copy of the session document.
    Messages are read by one task: updates go into the document (then `on_update`), verdicts
    answer the changes in the order they were sent."""

    def __init__(self, ws: ClientConnection, state: JoinState, on_update: Callable[[], None] | None = None):
        self.ws, self.state, self.id = ws, state, state.pid
        self.doc: Doc = Doc()
        self.shared = roots(self.doc)
        if state.doc:
            self.doc.apply_update(state.doc)
        self.on_update = on_update or (lambda: None)
        self._waiting: deque[asyncio.Future[list[str]]] = deque()
        self._reader: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Participant:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, JoinError):
                await self._reader
        await self.ws.close()

    async def wait_closed(self) -> None:
        """Until the connection ends; raises what its end means (JoinError, Ended)."""
        assert self._reader is not None
        await self._reader

    async def sync(self) -> list[str]:
        """Catch up with the host, then send it what it has not confirmed; the refusals."""
        unsent = self.doc.get_update(self.state.acked) if self.state.acked else EMPTY_UPDATE
        await self.ws.send(create_sync_message(self.doc))
        while True:
            message = await asyncio.wait_for(self.ws.recv(), TIMEOUT)
            if isinstance(message, bytes):
                kind, payload = read_sync(message)
                if kind != YSyncMessageType.SYNC_STEP1:
                    self.doc.apply_update(payload)
                if kind == YSyncMessageType.SYNC_STEP2:
                    break
        self._reader = asyncio.ensure_future(self._read())
        self._reader.add_done_callback(_retrieved)
        refused = await self._send(unsent) if unsent != EMPTY_UPDATE else []
        self._confirmed()
        return refused

    async def _read(self) -> None:
        where = self.state.where
        try:
            async for message in self.ws:
                if isinstance(message, bytes):
                    try:
                        kind, payload = read_sync(message)
                    except ValueError:
                        continue
                    if kind != YSyncMessageType.SYNC_STEP1:
                        self.doc.apply_update(payload)
                        self.on_update()
                elif self._waiting:
                    verdict = read_json(message)
                    self._waiting.popleft().set_result([str(r) for r in verdict.get("refused", [])])
            raise closed_reason(self.ws.close_code, where)
        except ConnectionClosed as exc:
            raise closed_reason(exc.rcvd.code if exc.rcvd else None, where) from None
        except ValueError:
            raise JoinError(f"the host at {where} sent something unreadable") from None
        finally:
            while self._waiting:
                self._waiting.popleft().cancel()

    @property
    def connected(self) -> bool:
        return self._reader is not None and not self._reader.done()

    def remember(self, edit: Callable[[], Any]) -> bytes:
        """Make `edit` on our document and write it to the state file (sent on resuming when
        the connection is down); the update it made."""
        before = self.doc.get_state()
        with self.doc.transaction():
            edit()
        update = self.doc.get_update(before)
        if update != EMPTY_UPDATE:
            self.state.doc = self.doc.get_update()
            save_state(self.state)
        return update

    async def change(self, edit: Callable[[], Any]) -> list[str]:
        """Make `edit` on our document, remember it, send it; what the host refused of it."""
        update = self.remember(edit)
        return [] if update == EMPTY_UPDATE else await self._send(update)

    async def _send(self, update: bytes) -> list[str]:
        answer: asyncio.Future[list[str]] = asyncio.get_running_loop().create_future()
        self._waiting.append(answer)
        try:
            await self.ws.send(create_update_message(update))
        except ConnectionClosed as exc:  # the change stays remembered: sent again on resuming
            raise closed_reason(exc.rcvd.code if exc.rcvd else None, self.state.where) from None
        try:
            refused = await asyncio.wait_for(asyncio.shield(answer), TIMEOUT)
        except asyncio.CancelledError:
            if self._reader is not None and self._reader.done() and not self._reader.cancelled():
                self._reader.result()  # raises why the connection ended
            raise
        if not self._waiting:
            self._confirmed()
        return refused

    def _confirmed(self) -> None:
        """The host has answered everything sent: it has all our document holds."""
        self.state.doc = self.doc.get_update()
        self.state.acked = self.doc.get_state()
        self.state.outbox = [w for w in self.state.outbox if w.note_id is None]
        save_state(self.state)

    async def deliver(self) -> list[str]:
        """Put the notes asked for into the document (each once) and send them; the refusals."""
        refused: list[str] = []
        for wanted in list(self.state.outbox):
            try:
                target = wanted.place or self.place(wanted.stage)
            except JoinError as exc:
                self.state.outbox.remove(wanted)
                refused.append(str(exc))
                continue
            wanted.note_id = self.mine(wanted.text, target)
        fresh = [w for w in self.state.outbox if w.note_id is None]

        def add() -> None:
            for wanted in fresh:
                wanted.note_id = self.add_note(wanted.text, wanted.place or self.place(wanted.stage))

        refused += await self.change(add)
        if not self._waiting:
            self._confirmed()
        return refused

    # --- reading and editing the document (on the loop's thread only) -----------------------

    def place(self, stage: str | None) -> dict[str, str]:
        """The stage named `stage` (any kind of place by that name), else the focus or the board."""
        places: dict[str, Any] = self.shared["places"].to_py()
        session: dict[str, Any] = self.shared["session"].to_py()
        if stage is not None:
            for key, place in sorted(places.items(), key=lambda kv: kv[1].get("kind") != "stage"):
                if place.get("name") == stage:
                    return {"kind": str(place["kind"]), "id": key}
            raise JoinError(f"no stage named {stage} in this session")
        key = str(session.get("focus") or session.get("board_id"))
        return {"kind": str(places.get(key, {}).get("kind", "board")), "id": key}

    def mine(self, text: str, target: dict[str, str]) -> str | None:
        """The id of a note of ours with `text` at `target`, if the document holds one."""
        for note in self.shared["notes"].to_py():
            if (
                note.get("author") == self.id
                and note.get("text") == text
                and note.get("target") == target
            ):
                return str(note.get("id"))
        return None

    def add_note(self, text: str, target: dict[str, str]) -> str:
        note_id = new_id()
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.shared["notes"].append(note_entry(note_id, self.id, text, target["kind"], target["id"], created))
        return note_id

    def write(self, text: str, target: dict[str, str]) -> str:
        """Add a note typed by the participant, also to the outbox until the host has answered:
        should the host turn out to run a new session, it is added there again."""
        note_id = self.add_note(text, target)
        self.state.outbox.append(Wanted(text, None, note_id, dict(target)))
        return note_id

    def edit_note(self, note_id: str, text: str) -> None:
        for note in self.shared["notes"]:
            if note.get("id") == note_id:
                note["text"] = text

    def delete_note(self, note_id: str) -> None:
        for index, note in enumerate(self.shared["notes"].to_py()):
            if note.get("id") == note_id:
                del self.shared["notes"][index]
                return

    def dots(self, note_id: str) -> int:
        votes = self.shared["votes"].to_py().get(note_id, {})
        return int(votes.get(self.id, 0)) if isinstance(votes, dict) else 0

    def vote(self, note_id: str, delta: int = 1) -> None:
        votes = self.shared["votes"]
        count = max(0, self.dots(note_id) + delta)
        if note_id not in votes:
            votes[note_id] = Map({self.id: count})
        else:
            votes[note_id][self.id] = count


async def _open(address: str, where: str) -> ClientConnection:
    try:
        opening = connect(address, max_size=None, open_timeout=TIMEOUT, close_timeout=CLOSE_TIMEOUT)
        return await asyncio.wait_for(opening, TIMEOUT)
    except (OSError, InvalidHandshake, TimeoutError):
        raise JoinError(f"cannot reach {where}") from None


async def _greet(address: str, where: str, greeting: str) -> tuple[ClientConnection, dict[str, Any]]:
    ws = await _open(address, where)
    try:
        await ws.send(greeting)
        return ws, read_json(await asyncio.wait_for(ws.recv(), TIMEOUT))
    except (ConnectionClosed, TimeoutError, ValueError):
        await ws.close()
        raise JoinError(f"the host at {where} stopped answering") from None


async def open_session(
    url: str, pin: str, state: JoinState, on_update: Callable[[], None] | None = None
) -> tuple[Participant, list[str]]:
    """Connect as the participant `state` remembers (else join with the PIN) and sync; the
    participant and what the host refused of what it had not confirmed."""
    address, where = socket_url(url)
    if state.token:
        ws, answer = await _greet(address, where, json.dumps({"token": state.token}))
        reason = str(answer.get("error") or "")
        if not answer.get("ok"):
            await ws.close()
            if "ended" in reason:  # by the facilitator, or the whole session: the PIN won't help
                raise Ended(reason)
    if not state.token or not answer.get("ok"):
        ws, answer = await _greet(address, where, hello(pin, state.name))
    if not answer.get("ok"):
        await ws.close()
        reason = str(answer.get("error") or "the host refused to let you join")
        raise (Ended if "ended" in reason else JoinError)(reason)
    state.became(str(answer["id"]), str(answer.get("token") or ""))
    save_state(state)
    me = Participant(ws, state, on_update)
    try:
        refused = await me.sync()
    except ConnectionClosed as exc:
        await me.close()
        raise closed_reason(exc.rcvd.code if exc.rcvd else None, where) from None
    except (TimeoutError, ValueError):
        await me.close()
        raise JoinError(f"the host at {where} stopped answering") from None
    return me, refused


async def join(
    url: str, pin: str, name: str, note: str | None, stage: str | None, vote: str | None
) -> list[str]:
    """Join, do what was asked; the refusals (empty: all done). JoinError when joining fails.
    A note asked for is remembered first: if the host cannot be reached, the next run sends it."""
    _, where = socket_url(url)
    try:
        with held(where, name, LOCK_WAIT):
            state = load_state(where, name)
            if note is not None:
                state.want(note, stage)
                save_state(state)
            me, refused = await open_session(url, pin, state)
            async with me:
                refused += await me.deliver()
                if vote is not None:
                    refused += await me.change(lambda: me.vote(vote))
                return refused
    except StateBusy:
        raise JoinError(f"another personamap join as {name} at {where} is still running") from None
    except (ConnectionClosed, TimeoutError, asyncio.CancelledError):
        raise JoinError(f"the host at {where} stopped answering") from None


def _retrieved(task: asyncio.Task[None]) -> None:
    """Why the connection ended is asked for when it matters (`_send`, `wait_closed`); a
    session that ends while nobody waits is not an error to print from the event loop."""
    if not task.cancelled():
        task.exception()
