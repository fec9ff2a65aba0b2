"""Hostile clients against `personamap host --no-window` in a subprocess: junk frames, truncated
Yjs messages, updates writing junk into every root, oversized messages, text that is not JSON,
connections that never say hello. After each attack an honest participant still joins and adds
a note, and the file the host saves on SIGTERM holds exactly that note and nothing else."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from hostprocess import PIN, WAIT, HostProcess, cli
from hypothesis import given, settings
from hypothesis import strategies as st
from pycrdt import Array, Doc, Map, YSyncMessageType, create_sync_message, create_update_message
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from personamap.io import load
from personamap.live.shape import note_entry, roots, snapshot
from personamap.live.wire import read_sync
from personamap.model.project import Project

KIB64 = 64 * 1024
HONEST = "Honest note"
PROBE = create_sync_message(Doc())
"""A sync step 1 with an empty state vector: its step 2 marks the end of what came before."""


class Client:
    """A participant speaking the wire protocol by hand, its document synced with the host's."""

    def __init__(self, host: HostProcess, name: str = "Mallory"):
        self._open = contextlib.ExitStack()
        self.ws: ClientConnection = self._open.enter_context(
            connect(host.ws_url, max_size=None, open_timeout=WAIT)
        )
        self.ws.send(json.dumps({"pin": PIN, "name": name}))
        answer = json.loads(self.ws.recv(WAIT))
        assert answer["ok"], answer
        self.id = str(answer["id"])
        self.doc: Doc = Doc(client_id=424242)
        self.shared = roots(self.doc)
        self.ws.send(PROBE)
        self._until_synced()

    def answers(self, frame: str | bytes) -> list[dict[str, Any]]:
        """Send `frame`, then the probe; the verdicts the host sent before the probe's answer.
        The host's updates are applied to our document; ConnectionClosed if the host hung up."""
        self.ws.send(frame)
        self.ws.send(PROBE)
        return self._until_synced()

    def _until_synced(self) -> list[dict[str, Any]]:
        verdicts: list[dict[str, Any]] = []
        while True:
            message = self.ws.recv(WAIT)
            if isinstance(message, str):
                verdicts.append(json.loads(message))
                continue
            kind, payload = read_sync(message)
            if kind != YSyncMessageType.SYNC_STEP1:
                self.doc.apply_update(payload)
            if kind == YSyncMessageType.SYNC_STEP2:
                return verdicts

    def update(self, edit: Callable[[], object]) -> bytes:
        """The update message that makes `edit` on our document."""
        before = self.doc.get_state()
        with self.doc.transaction():
            edit()
        return create_update_message(self.doc.get_update(before))

    def closed_by_host(self, frame: bytes) -> bool:
        with contextlib.suppress(ConnectionClosed, OSError):
            self.ws.send(frame)
        try:
            while True:
                self.ws.recv(WAIT)
        except ConnectionClosed:
            return True
        except TimeoutError:
            return False

    def close(self) -> None:
        self._open.close()


def _refused(verdicts: list[dict[str, Any]]) -> bool:
    return len(verdicts) == 1 and verdicts[0]["applied"] == 0 and bool(verdicts[0]["refused"])


def _only_the_honest_note_lands(host: HostProcess, saved: Path, project: Project) -> None:
    joined = subprocess.run(
        cli("join", host.url, "--pin", PIN, "--name", "Honest", "--add-note", HONEST),
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert (joined.returncode, joined.stderr) == (0, "")
    assert host.stop() == 0
    kept = load(saved)
    board = kept.boards[0]
    honest = [e for e in board.elements if e.type == "note" and e.text == HONEST]
    assert len(honest) == 1
    board.elements.remove(honest[0])
    assert kept.model_dump() == project.model_dump()


_PREFIXES = (b"", b"\x00", b"\x00\x01", b"\x00\x02", b"\x01", b"\x02", b"\x00\x02\x05")


@st.composite
def _frames(draw: st.DrawFn) -> bytes:
    frame = draw(st.sampled_from(_PREFIXES)) + draw(st.binary(max_size=400))
    return frame if frame[:2] != b"\x00\x00" else b"\x00\x03" + frame[2:]  # step 1 is the probe's


def test_random_frames_are_refused_and_the_connection_stays(
    host: HostProcess, saved: Path, project: Project
) -> None:
    mallory = Client(host)

    @settings(max_examples=15, deadline=None, derandomize=True, database=None)
    @given(_frames())
    def send(frame: bytes) -> None:
        assert all(v["applied"] == 0 for v in mallory.answers(frame))

    send()
    mallory.close()
    _only_the_honest_note_lands(host, saved, project)


def test_truncated_yjs_messages_are_refused(host: HostProcess, saved: Path, project: Project) -> None:
    mallory = Client(host)
    board_id = project.boards[0].id
    before = mallory.doc.get_state()
    mallory.shared["notes"].append(note_entry("n1", mallory.id, "Cut short", "board", board_id))
    update = mallory.doc.get_update(before)
    message = create_update_message(update)
    cuts = (3, 4, len(message) // 3, len(message) // 2, len(message) - 1)
    for cut in cuts:  # the frame ends before the length it announces
        assert _refused(mallory.answers(message[:cut])), cut
    for cut in (1, 2, len(update) // 3, len(update) // 2, len(update) - 1):  # a whole frame, a cut update
        assert _refused(mallory.answers(create_update_message(update[:cut]))), cut
    assert _refused(mallory.answers(b"\x00\x00\x05\x01"))  # a cut state vector
    mallory.close()
    _only_the_honest_note_lands(host, saved, project)


def _junk(project: Project) -> list[Callable[[dict[str, Any], str], object]]:
    """Edits of a participant `pid`'s document, each of which the host must refuse."""
    huge = "X" * (KIB64 - 2048)
    board_id = project.boards[0].id
    old_note = project.journeys[0].notes[0].id
    secret_stage = project.journeys[1].stages[0].id

    def note(**values: Any) -> Callable[[dict[str, Any], str], object]:
        def add(shared: dict[str, Any], pid: str) -> None:
            entry = {"id": "junk", "author": pid, "text": "Junk", "created": "2026-12-07T16:00:00Z"}
            fields = {**entry, "target": Map({"kind": "board", "id": board_id}), **values}
            shared["notes"].append(Map({k: v for k, v in fields.items() if v is not None}))

        return add

    def put(root: str, key: str, value: Callable[[str], Any]) -> Callable[[dict[str, Any], str], object]:
        return lambda shared, pid: shared[root].__setitem__(key, value(pid))

    return [
        put("session", "locked", lambda _pid: "yes"),
        put("session", "dots", lambda _pid: 1e9),
        put("session", "permissions", lambda _pid: "everything"),
        put("session", "admin", lambda _pid: huge),
        put("places", "evil", lambda _pid: Map({"kind": "board", "name": huge})),
        put("places", board_id, lambda _pid: 7),
        put("participants", "p999", lambda _pid: Map({"name": huge, "joined": "now"})),
        put("participants", "x", lambda pid: Array([pid, huge])),
        lambda shared, _pid: shared["notes"].append(Map({"id": None, "junk": huge})),
        note(text=5),
        note(text=huge),
        note(text="\x00\x01\x02 \t "),
        note(text=None),
        note(id=""),
        note(id="I" * 65),
        note(id=old_note),
        note(author="p999"),
        note(author=None),
        note(target="board"),
        note(target=Map({"kind": "stage", "id": secret_stage})),
        note(target=Map({"kind": "quadrant", "id": board_id})),
        lambda shared, _pid: shared["notes"].__delitem__(0),
        lambda shared, _pid: shared["notes"][0].__setitem__("text", "Not mine"),
        put("votes", old_note, lambda pid: Map({pid: 1.5})),
        put("votes", old_note, lambda pid: Map({pid: -1})),
        put("votes", old_note, lambda pid: Map({pid: 10**6})),
        put("votes", old_note, lambda pid: Map({pid: True})),
        put("votes", old_note, lambda pid: Map({pid: huge})),
        put("votes", old_note, lambda _pid: Map({"p999": 1})),
        put("votes", "no-such-note", lambda pid: Map({pid: 1})),
    ]


_MALFORMED: list[Callable[[dict[str, Any], str], object]] = [
    lambda shared, _pid: shared["notes"].append("just text"),
    lambda shared, _pid: shared["notes"].append(42),
    lambda shared, _pid: shared["notes"].append(Array([1, 2, 3])),
    lambda shared, _pid: shared["votes"].__setitem__("anything", "lots"),
]
"""Entries not of the document's shape at all (a note or a note's votes that is no Map):
removed (docs/live.md) with no reason given."""


def test_junk_in_every_root_is_refused(host: HostProcess, saved: Path, project: Project) -> None:
    edits = [(edit, True) for edit in _junk(project)] + [(edit, False) for edit in _MALFORMED]
    for index, (edit, with_reason) in enumerate(edits):
        mallory = Client(host, f"Mallory {index}")  # a fresh rate limit for each
        before = snapshot(mallory.doc)
        message = mallory.update(partial(edit, mallory.shared, mallory.id))
        assert len(message) < KIB64, index
        verdicts = mallory.answers(message)
        quiet = [{"applied": 0, "refused": []}]
        assert _refused(verdicts) if with_reason else verdicts == quiet, (index, verdicts)
        assert snapshot(mallory.doc) == before, index  # the host wrote it all back over
        mallory.close()
    mallory = Client(host, "Mallory of other types")
    stranger: Doc = Doc(client_id=777)  # the roots declared as other types, and a root of its own
    stranger.get("session", type=Array).append("not a map")
    stranger.get("notes", type=Map)["x"] = Map({"id": "x", "author": mallory.id, "text": "Typed wrong"})
    stranger.get("votes", type=Array).append(1)
    stranger.get("evil", type=Map)["x"] = "X" * (KIB64 - 2048)
    verdicts = mallory.answers(create_update_message(stranger.get_update()))
    assert len(verdicts) == 1 and verdicts[0]["applied"] == 0
    mallory.close()
    _only_the_honest_note_lands(host, saved, project)


def _sized_note(pid: str, board_id: str, size: int) -> bytes:
    """An update adding one note of `pid` whose update is `size` bytes long."""

    def update(text_length: int) -> bytes:
        doc: Doc = Doc(client_id=99)
        roots(doc)["notes"].append(note_entry("big", pid, "B" * text_length, "board", board_id))
        return doc.get_update()

    length = size
    length += size - len(update(length))
    found = update(length)
    assert len(found) == size
    return found


def test_oversized_messages_are_refused_or_closed(host: HostProcess, saved: Path, project: Project) -> None:
    board_id = project.boards[0].id
    mallory = Client(host)
    just_over = _sized_note(mallory.id, board_id, KIB64 + 20)  # the frame still fits: a verdict
    assert _refused(mallory.answers(create_update_message(just_over)))
    assert mallory.closed_by_host(create_update_message(_sized_note(mallory.id, board_id, 10 * 1024 * 1024)))
    assert Client(host, "Mallory again").closed_by_host(b"\x00\x02" + bytes(KIB64 + 1024))
    _only_the_honest_note_lands(host, saved, project)


def test_text_that_is_not_json_is_refused(host: HostProcess, saved: Path, project: Project) -> None:
    mallory = Client(host)
    for text in ("not json", "{", "[]", "null", "\x00\x02", json.dumps({"pin": PIN, "name": "Again"})):
        assert _refused(mallory.answers(text)), text
    mallory.close()
    _only_the_honest_note_lands(host, saved, project)


def test_connections_that_never_say_hello_do_not_keep_others_out(
    host: HostProcess, saved: Path, project: Project
) -> None:
    with contextlib.ExitStack() as lingering:
        for count in range(30):
            ws = connect(host.ws_url, open_timeout=WAIT)
            if count < 20:
                with ws:  # opened and closed at once
                    pass
            else:
                lingering.enter_context(ws)
        port = int(host.url.rsplit(":", 1)[1].split("/")[0])
        with socket.create_connection(("127.0.0.1", port), WAIT) as raw:
            raw.sendall(b"GET /session HTTP/1.1\r\nUpgrade: websocket\r\n\r\n" + bytes(range(256)))
        _only_the_honest_note_lands(host, saved, project)
