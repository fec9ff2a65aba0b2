"""The network side of a live session: one port serving the participant page, the join and
who-am-I requests, and WebSockets speaking the Yjs sync protocol (docs/live.md). Every call
into the session goes through `call`, so the session can live on another thread (the editor's
GUI thread); what the session publishes is queued per client and sent in order."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
from collections import Counter, deque
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from pycrdt import YMessageType, YSyncMessageType, create_update_message, merge_updates, write_message
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from .session import JoinRefused, LiveSession, Member
from .web import page_file
from .wire import MAX_MESSAGE, PATH, read_json, read_sync

T = TypeVar("T")
Call = Callable[[Callable[[], T]], Awaitable[T]]

HELLO_TIMEOUT = 10.0
MAX_CONNECTIONS_PER_ADDRESS = 64
"""One device rarely needs more than a few; a script opening thousands is refused."""
MAX_QUEUED = 2000
"""Messages waiting for one slow client; past this it is dropped (it re-syncs on reconnecting)."""
FLUSH_EVERY = 64
"""Accepted updates merged into one frame at most: a long burst still reaches everyone as it
goes. Answers to a client's own messages (verdicts, sync step 2) are not held back: they go out
at once, in the order of the messages they answer."""
FLUSH_DELAY = 0.02
"""How long accepted updates gather before going to everyone: unnoticeable to people, and under a
burst each client gets one frame per 20 ms instead of one per turn of the event loop (each send
is a system call)."""
RESYNC_DELAY = 1.5
"""After an update was turned away for speed, the host asks that client again for what it lacks."""
ENDED_BY_FACILITATOR, SESSION_ENDED = 4001, 4002
YJS_PATH = f"{PATH}/ws"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ws:; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def lan_address() -> str:
    """The address of the interface that routes to the LAN (no packet is sent), else loopback."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"


async def _direct(fn: Callable[[], T]) -> T:
    return fn()


@dataclass(eq=False)
class _Client:
    """One open WebSocket: who it is, how it speaks, and what waits to be sent to it."""

    ws: ServerConnection
    pid: str
    yjs: bool
    queue: deque[bytes | str] = field(default_factory=deque)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    behind: bool = False
    sending: bool = False

    def put(self, message: bytes | str) -> None:
        if len(self.queue) >= MAX_QUEUED:
            self.queue.clear()
            self.behind = True
        else:
            self.queue.append(message)
        self.ready.set()


class LiveServer:
    """Serves `session` on one port until stopped; `call(fn)` runs fn where the session lives."""

    def __init__(
        self,
        session: LiveSession,
        call: Call[Any] | None = None,
        notify: Callable[[Callable[[], None]], None] | None = None,
    ):
        self.session = session
        self._call: Call[Any] = call or _direct
        self._notify = notify or (lambda fn: fn())
        """Runs fn where the session lives without waiting for it: a connection closing while
        the owner thread waits for the server to stop must not wait for that thread."""
        self._clients: set[_Client] = set()
        self._per_address: Counter[str] = Counter()
        self._pending: dict[int, Member] = {}
        self._tasks: set[asyncio.Future[Any]] = set()
        self._outbox: list[bytes] = []
        self._flushing = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: Server | None = None
        self.url = ""
        session.on_publish = self.publish
        session.on_remove = self.close_member

    async def start(self, bind: str, port: int) -> str:
        """Listen on `bind`:`port` (0: any free port); the join address."""
        self._loop = asyncio.get_running_loop()
        self._server = await serve(
            self._handle,
            bind,
            port,
            max_size=MAX_MESSAGE,
            process_request=self._http,
            server_header=None,
            compression=None,  # small Yjs frames gain nothing and cost both ends CPU
        )
        address, real_port = self._server.sockets[0].getsockname()[:2]
        self.url = f"http://{address}:{real_port}{PATH}"
        return self.url

    async def closed(self) -> None:
        """Every connection handled and every task of ours finished (none left pending)."""
        if self._server is not None:
            await self._server.wait_closed()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    # --- thread-safe entry points ----------------------------------------------------------

    def _soon(self, fn: Callable[[], None]) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            fn()
        else:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(fn)

    def publish(self, update: bytes) -> None:
        """Send every client an update the host accepted."""
        self._soon(lambda: self._gather(update))

    def _gather(self, update: bytes) -> None:
        """Updates accepted in one turn of the event loop go out as one merged frame: under a
        burst each client gets a few frames instead of one per note (benchmarks/bench_live.py)."""
        self._outbox.append(update)
        if len(self._outbox) >= FLUSH_EVERY:
            self._flush()
        else:
            self._flush_soon()

    def _flush_soon(self) -> None:
        if not self._flushing:
            self._flushing = True
            asyncio.get_running_loop().call_later(FLUSH_DELAY, self._flush)

    def _flush(self) -> None:
        self._flushing = False
        payloads, self._outbox = self._outbox, []
        if payloads:
            frame = create_update_message(payloads[0] if len(payloads) == 1 else merge_updates(*payloads))
            for client in list(self._clients):
                client.put(frame)

    def close_member(self, pid: str) -> None:
        """Close the connections of a participant whose session the facilitator ended."""
        reason = "ended by the facilitator"
        self._soon(lambda: self._close(lambda c: c.pid == pid, ENDED_BY_FACILITATOR, reason))

    def stop(self) -> None:
        """Close every connection and stop listening: nothing is reachable afterwards."""

        def close_all() -> None:
            if self._server is not None:
                self._server.close(close_connections=False)
            self._close(lambda _c: True, SESSION_ENDED, "the session has ended")

        self._soon(close_all)

    def _close(self, which: Callable[[_Client], bool], code: int, reason: str) -> None:
        for client in [c for c in self._clients if which(c)]:
            self._tasks.add(task := asyncio.ensure_future(client.ws.close(code, reason)))
            task.add_done_callback(self._tasks.discard)

    # --- plain HTTP: the page, joining, who am I -------------------------------------------

    async def _http(self, ws: ServerConnection, request: Request) -> Response | None:
        parts = urlsplit(request.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        upgrade = request.headers.get("Upgrade", "").lower() == "websocket"
        address = _address(ws)
        if upgrade:
            if self._per_address[address] >= MAX_CONNECTIONS_PER_ADDRESS:
                return _json(429, {"ok": False, "error": "too many connections from this address"})
            if parts.path == PATH:
                return None
            if parts.path == YJS_PATH:
                try:
                    token = query.get("token", "")
                    self._pending[id(ws)] = await self._call(lambda: self.session.resume(token))
                except JoinRefused as exc:
                    return _json(403, {"ok": False, "error": str(exc)})
                return None
            return _json(404, {"ok": False, "error": "not found"})
        if parts.path == f"{PATH}/join":
            pin, name = query.get("pin", ""), query.get("name", "")
            return await self._answer(lambda: self.session.join(pin, name, address))
        if parts.path == f"{PATH}/who":
            return await self._answer(lambda: self.session.resume(query.get("token", "")))
        found = page_file(parts.path[len(PATH) :] if parts.path.startswith(PATH) else None)
        if found is None:
            return _text(404, "text/plain; charset=utf-8", b"Not found")
        content_type, body = found
        return _text(200, content_type, body)

    async def _answer(self, admit: Callable[[], Member]) -> Response:
        try:
            member: Member = await self._call(admit)
        except JoinRefused as exc:
            reason = str(exc)
            status = 429 if "too many" in reason else 410 if "ended" in reason else 403
            return _json(status, {"ok": False, "error": reason})
        return _json(200, {"ok": True, "id": member.pid, "name": member.name, "token": member.token})

    # --- WebSockets ------------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        address = _address(ws)
        self._per_address[address] += 1
        try:
            member = self._pending.pop(id(ws), None)
            if member is None:
                member = await self._hello(ws, address)
            if member is not None:
                await self._serve_member(ws, member, yjs=ws.request is not None and ws.request.path != PATH)
        except ConnectionClosed:
            pass
        finally:
            self._per_address[address] -= 1

    async def _hello(self, ws: ServerConnection, address: str) -> Member | None:
        """personamap's own clients: `{"pin","name"}` or `{"token"}` first, answered in JSON."""
        try:
            greeting = read_json(await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT))
        except (ValueError, TimeoutError):
            await ws.close(1008, "say hello first")
            return None
        try:
            if greeting.get("token"):
                member: Member = await self._call(lambda: self.session.resume(str(greeting["token"])))
            else:
                pin, name = str(greeting.get("pin", "")), str(greeting.get("name") or "")
                member = await self._call(lambda: self.session.join(pin, name, address))
        except JoinRefused as exc:
            await ws.send(json.dumps({"ok": False, "error": str(exc)}))
            await ws.close(1008, str(exc)[:100])
            return None
        await ws.send(json.dumps({"ok": True, "id": member.pid, "token": member.token}))
        return member

    async def _serve_member(self, ws: ServerConnection, member: Member, *, yjs: bool) -> None:
        client = _Client(ws, member.pid, yjs)
        self._clients.add(client)
        self._tasks.add(writer := asyncio.ensure_future(self._write(client)))
        writer.add_done_callback(self._tasks.discard)
        await self._call(lambda: self.session.connected(member.pid, 1))
        try:
            if yjs:  # y-websocket waits for the host's step 1 to send what it typed offline
                client.put(await self._step1())
            async for message in ws:
                await self._read(client, message)
        finally:
            self._clients.discard(client)
            writer.cancel()
            self._notify(lambda: self.session.connected(member.pid, -1))

    async def _step1(self) -> bytes:
        state = await self._call(self.session.state)
        return bytes([YMessageType.SYNC, YSyncMessageType.SYNC_STEP1]) + write_message(state)

    async def _write(self, client: _Client) -> None:
        while True:
            await client.ready.wait()
            client.ready.clear()
            if client.behind:
                await client.ws.close(1011, "too far behind; reconnect")
                return
            client.sending = True
            while client.queue:
                try:
                    await client.ws.send(client.queue.popleft())
                except ConnectionClosed:
                    return
            client.sending = False

    async def _reply(self, client: _Client, message: str) -> None:
        """Send an answer now when nothing waits before it (one task switch less per note
        under a burst), else after what waits."""
        if client.queue or client.sending:
            client.put(message)
            return
        with contextlib.suppress(ConnectionClosed):
            await client.ws.send(message)

    async def _read(self, client: _Client, message: str | bytes) -> None:
        if client.yjs and (not isinstance(message, bytes) or message[:1] != bytes([YMessageType.SYNC])):
            return  # awareness and anything else a Yjs client may send: not used by the host
        try:
            kind, payload = read_sync(message if isinstance(message, bytes) else b"")
            if kind == YSyncMessageType.SYNC_STEP1:
                answer = await self._call(lambda: self.session.sync_answer(payload))
        except ValueError:
            if not client.yjs:
                malformed = {"applied": 0, "refused": ["the message is malformed"]}
                client.put(json.dumps(malformed))
            return
        if kind == YSyncMessageType.SYNC_STEP1:
            step2 = bytes([YMessageType.SYNC, YSyncMessageType.SYNC_STEP2]) + write_message(answer)
            client.put(step2)
            return
        outcome = await self._call(lambda: self.session.receive(client.pid, payload))
        if not client.yjs:
            verdict = {"applied": len(outcome.applied), "refused": outcome.refused}
            await self._reply(client, json.dumps(verdict))
        elif any("too many changes" in reason for reason in outcome.refused):
            asyncio.get_running_loop().call_later(RESYNC_DELAY, self._resync, client)

    def _resync(self, client: _Client) -> None:
        """Ask a client again for what the host lacks (an update turned away for speed)."""
        if client in self._clients:
            self._tasks.add(task := asyncio.ensure_future(self._send_step1(client)))
            task.add_done_callback(self._tasks.discard)

    async def _send_step1(self, client: _Client) -> None:
        client.put(await self._step1())


def _address(ws: ServerConnection) -> str:
    return str(ws.remote_address[0]) if ws.remote_address else ""


def _headers(content_type: str, length: int) -> Headers:
    return Headers(
        {
            "Content-Type": content_type,
            "Content-Length": str(length),
            "Connection": "close",
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Content-Security-Policy": CSP,
        }
    )


def _text(status: int, content_type: str, body: bytes) -> Response:
    reason = {200: "OK", 403: "Forbidden", 404: "Not Found", 410: "Gone", 429: "Too Many Requests"}
    return Response(status, reason.get(status, "Error"), _headers(content_type, len(body)), body)


def _json(status: int, value: dict[str, Any]) -> Response:
    return _text(status, "application/json", json.dumps(value).encode())


class ServerThread:
    """A LiveServer on its own event loop in a daemon thread, for a session owned by another
    thread: `post(fn)` must run fn soon on the thread that owns the session."""

    def __init__(self, session: LiveSession, post: Callable[[Callable[[], None]], None]):
        self.session, self._post = session, post
        self._loop = asyncio.new_event_loop()
        self.server = LiveServer(session, self._call, post)
        self._waiting: set[asyncio.Future[Any]] = set()
        self._stopping = False
        self._thread = threading.Thread(target=self._loop.run_forever, name="personamap-live", daemon=True)

    async def _call(self, fn: Callable[[], T]) -> T:
        if self._stopping:  # the owner may be the thread waiting for us to stop
            raise asyncio.CancelledError
        loop = asyncio.get_running_loop()
        done: asyncio.Future[T] = loop.create_future()
        self._waiting.add(done)
        done.add_done_callback(self._waiting.discard)

        def run() -> None:
            try:
                result = fn()
            except BaseException as exc:  # handed to the awaiting coroutine
                loop.call_soon_threadsafe(_settle, done, None, exc)
            else:
                loop.call_soon_threadsafe(_settle, done, result, None)

        self._post(run)
        return await done

    def start(self, bind: str, port: int) -> str:
        """Listen (blocks until listening); the join address. OSError when the port is taken."""
        self._thread.start()
        started: Future[str] = asyncio.run_coroutine_threadsafe(self.server.start(bind, port), self._loop)
        return started.result(timeout=30)

    def stop(self) -> None:
        """Close everything and end the thread (blocks until closed)."""
        if not self._thread.is_alive():
            return

        async def shut() -> None:
            self._stopping = True
            self.server.stop()
            for waiting in list(self._waiting):  # the owner may be the thread stopping us
                waiting.cancel()
            await asyncio.sleep(0)
            await asyncio.wait_for(self.server.closed(), 10)

        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(shut(), self._loop).result(timeout=15)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(15)


def _settle(future: asyncio.Future[Any], result: Any, exc: BaseException | None) -> None:
    if future.done():
        return
    if exc is not None:
        future.set_exception(exc)
    else:
        future.set_result(result)
