"""The transport on loopback, in one process: the session lives on an 'owner' thread (as in
the editor, where it is the GUI thread) and the server on its own thread (ServerThread)."""

from __future__ import annotations

import asyncio
import json
import queue
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pycrdt import Doc, Map, YMessageType, YSyncMessageType, create_update_message, write_message
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from personamap.live.ratelimit import RateLimit
from personamap.live.server import ENDED_BY_FACILITATOR, SESSION_ENDED, ServerThread
from personamap.live.session import LiveSession
from personamap.live.shape import Permissions, roots
from personamap.live.wire import read_sync
from personamap.model.ops.core import Op
from personamap.model.project import Project

WAIT = 30


class Owner:
    """A thread that owns the session and runs what it is posted, one at a time."""

    def __init__(self) -> None:
        self.jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (job := self.jobs.get()) is not None:
            job()

    def post(self, job: Callable[[], None]) -> None:
        self.jobs.put(job)


class Running:
    def __init__(self, project: Project, limit: RateLimit | None = None):
        self.project = project
        self.applied: list[Op] = []
        self.owner = Owner()
        anywhere = Permissions(add_anywhere=True)
        board = project.boards[0].id
        pin = "246810"
        self.session = LiveSession(project, board, pin, self._apply, permissions=anywhere, rate_limit=limit)
        self.thread = ServerThread(self.session, self.owner.post)
        self.url = self.thread.start("127.0.0.1", 0)
        self.where = self.url.removeprefix("http://").removesuffix("/session")

    def _apply(self, op: Op) -> None:
        assert threading.current_thread() is self.owner.thread, "ops run on the owner's thread"
        op.apply(self.project)
        self.applied.append(op)

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        try:
            with urllib.request.urlopen(f"http://{self.where}{path}", timeout=WAIT) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def join(self, name: str) -> dict[str, Any]:
        status, _, body = self.get(f"/session/join?pin=246810&name={name}")
        assert status == 200
        return json.loads(body)

    def stop(self) -> None:
        self.thread.stop()
        self.owner.post(lambda: None)
        self.owner.jobs.put(None)


@pytest.fixture
def running(project: Project) -> Iterator[Running]:
    server = Running(project)
    yield server
    server.stop()


def test_joining_over_http_checks_the_pin_and_gives_a_token(running: Running) -> None:
    status, headers, body = running.get("/session/join?pin=000000&name=Eve")
    assert status == 403 and json.loads(body) == {"ok": False, "error": "wrong PIN"}
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store" and headers["Content-Length"] == str(len(body))
    ana = running.join("Ana")
    assert ana["ok"] and ana["name"] == "Ana" and ana["id"] == "p1" and len(ana["token"]) > 16
    status, _, body = running.get(f"/session/who?token={ana['token']}")
    assert status == 200 and json.loads(body)["id"] == "p1"
    assert running.get("/session/who?token=nope")[0] == 403
    assert running.get("/elsewhere")[0] == 404
    assert running.get("/session/../../etc/passwd")[0] == 404


def test_five_wrong_pins_then_429(running: Running) -> None:
    for _ in range(5):
        assert running.get("/session/join?pin=1&name=Eve")[0] == 403
    assert running.get("/session/join?pin=246810&name=Eve")[0] == 429


async def _yjs(where: str, token: str) -> tuple[ClientConnection, Doc]:
    """A Yjs client as y-websocket is one: step 1 both ways, then updates."""
    ws = await connect(f"ws://{where}/session/ws?token={token}")
    doc: Doc = Doc()
    roots(doc)
    await ws.send(bytes([YMessageType.SYNC, YSyncMessageType.SYNC_STEP1]) + write_message(doc.get_state()))
    synced = False
    while not synced:
        kind, payload = read_sync(await asyncio.wait_for(ws.recv(), WAIT))
        if kind == YSyncMessageType.SYNC_STEP1:
            step2 = bytes([YMessageType.SYNC, YSyncMessageType.SYNC_STEP2])
            await ws.send(step2 + write_message(doc.get_update(payload)))
        else:
            doc.apply_update(payload)
            synced = kind == YSyncMessageType.SYNC_STEP2
    return ws, doc


async def _pump(ws: ClientConnection, doc: Doc, until: Callable[[], bool]) -> None:
    while not until():
        message = await asyncio.wait_for(ws.recv(), WAIT)
        if isinstance(message, bytes) and message[0] == YMessageType.SYNC:
            kind, payload = read_sync(message)
            if kind == YSyncMessageType.SYNC_STEP1:
                step2 = bytes([YMessageType.SYNC, YSyncMessageType.SYNC_STEP2])
                await ws.send(step2 + write_message(doc.get_update(payload)))
            else:
                doc.apply_update(payload)


def _append(doc: Doc, pid: str, text: str, key: str) -> bytes:
    before = doc.get_state()
    target = Map({"kind": "stage", "id": key})
    entry = {"id": f"{pid}-{text}", "author": pid, "text": text, "target": target, "created": ""}
    roots(doc)["notes"].append(Map(entry))
    return create_update_message(doc.get_update(before))


def _texts(doc: Doc) -> list[str]:
    return [n["text"] for n in roots(doc)["notes"].to_py()]


def test_yjs_clients_see_each_others_notes_awareness_ignored(running: Running, project: Project) -> None:
    ana, bo = running.join("Ana"), running.join("Bo")
    stage = project.journeys[0].stages[1].id

    async def scenario() -> None:
        ws_a, doc_a = await _yjs(running.where, ana["token"])
        ws_b, doc_b = await _yjs(running.where, bo["token"])
        await ws_a.send(bytes([1, 3, 0, 0, 0]))  # an awareness frame: no answer, no harm
        await ws_a.send(_append(doc_a, ana["id"], "Checkout is slow", stage))
        await _pump(ws_b, doc_b, lambda: "Checkout is slow" in _texts(doc_b))
        await ws_a.close()
        await ws_b.close()

    asyncio.run(scenario())
    texts = [n.text for n in project.journeys[0].notes]
    assert "Checkout is slow" in texts


def test_a_bad_token_is_refused_at_the_handshake(running: Running) -> None:
    async def scenario() -> None:
        with pytest.raises(InvalidStatus) as refused:
            await connect(f"ws://{running.where}/session/ws?token=forged")
        assert refused.value.response.status_code == 403

    asyncio.run(scenario())


def test_ending_a_participant_then_the_session_closes_connections(running: Running) -> None:
    ana, bo = running.join("Ana"), running.join("Bo")

    async def scenario() -> tuple[int | None, int | None]:
        ws_a, _ = await _yjs(running.where, ana["token"])
        ws_b, _ = await _yjs(running.where, bo["token"])
        running.owner.post(lambda: running.session.remove(ana["id"]))
        with pytest.raises(ConnectionClosed):
            while True:
                await asyncio.wait_for(ws_a.recv(), WAIT)
        running.owner.post(running.session.end)
        await asyncio.to_thread(running.thread.server.stop)
        with pytest.raises(ConnectionClosed):
            while True:
                await asyncio.wait_for(ws_b.recv(), WAIT)
        return ws_a.close_code, ws_b.close_code

    assert asyncio.run(scenario()) == (ENDED_BY_FACILITATOR, SESSION_ENDED)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://{running.where}/session/join?pin=246810&name=Late", timeout=WAIT)


def test_an_update_turned_away_for_speed_arrives_after_a_resync(project: Project) -> None:
    server = Running(project, RateLimit(rate=1.0, burst=1.0))
    try:
        ana = server.join("Ana")
        stage = project.journeys[0].stages[1].id

        async def scenario() -> None:
            ws, doc = await _yjs(server.where, ana["token"])
            await ws.send(_append(doc, ana["id"], "First", stage))
            await ws.send(_append(doc, ana["id"], "Second", stage))
            await _pump(ws, doc, lambda: "Second" in [n.text for n in project.journeys[0].notes])
            await ws.close()

        asyncio.run(scenario())
        assert [n.text for n in project.journeys[0].notes].count("Second") == 1
    finally:
        server.stop()


def test_stopping_on_the_owners_thread_with_someone_connected_does_not_wait_for_itself(
    running: Running,
) -> None:
    ana = running.join("Ana")
    stopped = threading.Event()

    async def scenario() -> None:
        ws, _ = await _yjs(running.where, ana["token"])

        def stop_on_owner() -> None:
            running.thread.stop()
            stopped.set()

        running.owner.post(stop_on_owner)
        with pytest.raises(ConnectionClosed):
            while True:
                await asyncio.wait_for(ws.recv(), WAIT)

    asyncio.run(scenario())
    assert stopped.wait(WAIT)
    counted = threading.Event()
    running.owner.post(counted.set)
    assert counted.wait(WAIT)
    assert running.session.members[ana["id"]].connections == 0
