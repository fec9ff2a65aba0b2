"""The host of a live session without a window: serves the session document over WebSocket
(Yjs sync protocol, personamap/live/wire.py), checks the PIN before sending any document data,
routes every participant update through HostBridge and saves FILE atomically (debounced, and
on SIGINT/SIGTERM)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import itertools
import json
import secrets
import signal
import socket
import sys
from collections import Counter
from pathlib import Path

from pycrdt import (
    Doc,
    Map,
    YMessageType,
    YSyncMessageType,
    create_update_message,
    write_message,
)
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from ..io import SaveError, save
from ..model.base import clean_text
from ..model.ops.core import Op
from ..model.project import Project
from ..terminal import say
from .bridge import HostBridge
from .ratelimit import RateLimit
from .shape import Permissions, new_session_doc, roots
from .wire import MAX_MESSAGE, PATH, read_json, read_sync

SAVE_DELAY = 1.0
HELLO_TIMEOUT = 10.0
PIN_TRIES = 5
"""Wrong PINs one address may send in a session: a six-digit PIN would otherwise fall to a
script trying them all over the room's network."""


def lan_address() -> str:
    """The address of the interface that routes to the LAN (no packet is sent), else loopback."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"


class LiveHost:
    """One session on one file: the project is the truth, the document what participants see."""

    def __init__(self, project: Project, path: Path, pin: str):
        if not project.boards:
            raise ValueError("the file has no board to hold a session on")
        self.project, self.path, self.pin = project, path, pin
        # Without a window nobody focuses a place or opens a vote: participants may do both.
        self.doc: Doc = new_session_doc(
            project, project.boards[0].id, permissions=Permissions(add_anywhere=True)
        )
        roots(self.doc)["session"]["vote_open"] = True
        self.bridge = HostBridge(self.doc, self._apply, RateLimit(), session="live")
        self.clients: set[ServerConnection] = set()
        self._ids = itertools.count(1)
        self._wrong_pins: Counter[str] = Counter()
        self._dirty = False
        self._save_task: asyncio.Task[None] | None = None

    def _apply(self, op: Op) -> None:
        op.apply(self.project)
        self._dirty = True

    async def _publish(self, since: bytes) -> None:
        """Send every client what the document gained since the state vector `since`: only
        what the host accepted, as the bridge has already written refused changes back."""
        if self.doc.get_state() == since:
            return
        message = create_update_message(self.doc.get_update(since))
        await asyncio.gather(*(_send(client, message) for client in list(self.clients)))

    def save_now(self) -> None:
        if self._dirty:
            save(self.project, self.path)
            self._dirty = False

    def _schedule_save(self) -> None:
        if self._dirty and (self._save_task is None or self._save_task.done()):
            self._save_task = asyncio.ensure_future(self._save_later())

    async def _save_later(self) -> None:
        await asyncio.sleep(SAVE_DELAY)
        try:
            self.save_now()
        except SaveError as exc:  # kept dirty: tried again on the next change and at the end
            say(f"{self.path}: not saved yet:", "; ".join(exc.lines()), file=sys.stderr)

    async def handle(self, ws: ServerConnection) -> None:
        """One participant: hello with the PIN first, then sync messages until they leave."""
        if ws.request is None or ws.request.path != PATH:
            await ws.close(1008, "unknown path")
            return
        try:
            greeting = read_json(await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT))
        except (ValueError, TimeoutError, ConnectionClosed):
            await ws.close(1008, "say hello first")
            return
        address = str(ws.remote_address[0]) if ws.remote_address else ""
        if self._wrong_pins[address] >= PIN_TRIES:
            await _send(ws, json.dumps({"ok": False, "error": "too many wrong PINs"}))
            await ws.close(1008, "too many wrong PINs")
            return
        if not secrets.compare_digest(str(greeting.get("pin", "")).encode(), self.pin.encode()):
            self._wrong_pins[address] += 1
            await _send(ws, json.dumps({"ok": False, "error": "wrong PIN"}))
            await ws.close(1008, "wrong PIN")
            return
        pid = f"p{next(self._ids)}"
        name = clean_text(str(greeting.get("name") or "Participant")).strip()[:80] or "Participant"
        before = self.doc.get_state()
        with self.doc.transaction(origin="host"):
            joined = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            roots(self.doc)["participants"][pid] = Map({"name": name, "joined": joined})
        await self._publish(before)
        await ws.send(json.dumps({"ok": True, "id": pid}))
        self.clients.add(ws)
        try:
            async for message in ws:
                await self._receive(ws, pid, message)
        except ConnectionClosed:
            pass
        finally:
            self.clients.discard(ws)

    async def _receive(self, ws: ServerConnection, pid: str, message: str | bytes) -> None:
        try:
            kind, payload = read_sync(message if isinstance(message, bytes) else b"")
            if kind == YSyncMessageType.SYNC_STEP1:
                state = self.doc.get_update(payload)
        except Exception:
            await ws.send(json.dumps({"applied": 0, "refused": ["the message is malformed"]}))
            return
        if kind == YSyncMessageType.SYNC_STEP1:
            await ws.send(bytes([YMessageType.SYNC, YSyncMessageType.SYNC_STEP2]) + write_message(state))
            return
        before = self.doc.get_state()
        outcome = self.bridge.receive(self.project, pid, payload)
        await self._publish(before)
        self._schedule_save()
        await ws.send(json.dumps({"applied": len(outcome.applied), "refused": outcome.refused}))


async def _send(client: ServerConnection, message: bytes | str) -> None:
    with contextlib.suppress(ConnectionClosed):
        await client.send(message)


async def run(host: LiveHost, bind: str, port: int) -> int:
    """Serve until SIGINT or SIGTERM, then save and return 0."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with serve(host.handle, bind, port, max_size=MAX_MESSAGE) as server:
        address, real_port = server.sockets[0].getsockname()[:2]
        print(f"http://{address}:{real_port}{PATH}", flush=True)
        print(f"PIN {host.pin}", flush=True)
        await stop.wait()
    host.save_now()
    return 0
