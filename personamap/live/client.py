"""A scriptable participant (`personamap join`): says hello with the PIN, syncs the session
document, adds a note and gives a dot, each time waiting for the host's verdict."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any
from urllib.parse import urlsplit

from pycrdt import Doc, Map, YSyncMessageType, create_sync_message, create_update_message
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from ..model.base import new_id
from .shape import note_entry, roots
from .wire import PATH, hello, read_json, read_sync

TIMEOUT = 10.0


class JoinError(Exception):
    """Why joining failed, in one line for the participant."""


def socket_url(url: str) -> tuple[str, str]:
    """The WebSocket address behind a join address, and `HOST:PORT` to name it."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if not parts.hostname or parts.port is None:
        raise JoinError(f"not a join address: {url}")
    where = f"{parts.hostname}:{parts.port}"
    return f"ws://{where}{PATH}", where


class Participant:
    """One connection to the host, with the participant's copy of the session document."""

    def __init__(self, ws: ClientConnection, pid: str):
        self.ws, self.id = ws, pid
        self.doc: Doc = Doc()
        self.shared = roots(self.doc)

    async def sync(self) -> None:
        await self.ws.send(create_sync_message(self.doc))
        while True:
            message = await self.ws.recv()
            if isinstance(message, bytes) and self._take(message) == YSyncMessageType.SYNC_STEP2:
                return

    def _take(self, message: bytes) -> int:
        """Apply the host's sync message to our document; its type."""
        kind, payload = read_sync(message)
        if kind != YSyncMessageType.SYNC_STEP1:
            self.doc.apply_update(payload)
        return kind

    async def change(self, edit: Any) -> list[str]:
        """Make `edit` on our document, send it and return what the host refused of it."""
        before = self.doc.get_state()
        with self.doc.transaction():
            edit()
        await self.ws.send(create_update_message(self.doc.get_update(before)))
        while True:
            message = await self.ws.recv()
            if isinstance(message, bytes):
                self._take(message)
            else:
                return [str(r) for r in read_json(message).get("refused", [])]

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

    def add_note(self, text: str, target: dict[str, str]) -> str:
        note_id = new_id()
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.shared["notes"].append(note_entry(note_id, self.id, text, target["kind"], target["id"], created))
        return note_id

    def vote(self, note_id: str) -> None:
        votes = self.shared["votes"]
        if note_id not in votes:
            votes[note_id] = Map({self.id: 1})
        else:
            votes[note_id][self.id] = int(votes[note_id].to_py().get(self.id, 0)) + 1


async def join(
    url: str, pin: str, name: str, note: str | None, stage: str | None, vote: str | None
) -> list[str]:
    """Join, do what was asked; the refusals (empty: all done). JoinError when joining fails."""
    address, where = socket_url(url)
    try:
        ws = await asyncio.wait_for(connect(address, max_size=None, open_timeout=TIMEOUT), TIMEOUT)
    except (OSError, InvalidHandshake, TimeoutError):
        raise JoinError(f"cannot reach {where}") from None
    try:
        async with ws:
            await ws.send(hello(pin, name))
            answer = read_json(await asyncio.wait_for(ws.recv(), TIMEOUT))
            if not answer.get("ok"):
                raise JoinError(str(answer.get("error") or "the host refused to let you join"))
            me = Participant(ws, str(answer["id"]))
            await asyncio.wait_for(me.sync(), TIMEOUT)
            refused: list[str] = []
            if note is not None:
                target = me.place(stage)
                refused += await asyncio.wait_for(me.change(lambda: me.add_note(note, target)), TIMEOUT)
            if vote is not None:
                refused += await asyncio.wait_for(me.change(lambda: me.vote(vote)), TIMEOUT)
            return refused
    except (ConnectionClosed, TimeoutError, ValueError, KeyError):
        raise JoinError(f"the host at {where} stopped answering") from None
