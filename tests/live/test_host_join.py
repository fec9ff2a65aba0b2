"""`personamap host --no-window` and `personamap join` in subprocesses over loopback."""

from __future__ import annotations

import asyncio
import json
import subprocess
import time
from pathlib import Path

import pytest
from hostprocess import WAIT, HostProcess, cli
from pycrdt import Doc, create_sync_message
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from personamap.io import load
from personamap.live.shape import roots
from personamap.live.wire import read_sync
from personamap.model.project import Project


def _join(url: str, *args: str, pin: str = "4321") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli("join", url, "--pin", pin, *args), capture_output=True, text=True, timeout=WAIT
    )


def test_two_participants_add_notes_and_the_file_keeps_them(host: HostProcess, saved: Path) -> None:
    first = _join(host.url, "--name", "Ana", "--add-note", "Queue is long", "--stage", "Buy")
    second = _join(host.url, "--name", "Bo", "--add-note", "Nice staff")
    assert (first.returncode, first.stderr) == (0, "")
    assert (second.returncode, second.stderr) == (0, "")
    assert host.stop() == 0
    project = load(saved)
    journey = project.journeys[0]
    buy = next(s for s in journey.stages if s.name == "Buy")
    assert [n.text for n in journey.notes if n.stage_id == buy.id] == ["Queue is long"]
    board_notes = [e.text for e in project.boards[0].elements if e.type == "note"]
    assert board_notes == ["Parking lot", "Nice staff"]


def test_a_vote_on_a_note_reaches_the_file(host: HostProcess, saved: Path, project: Project) -> None:
    note = project.journeys[0].notes[0]
    voted = _join(host.url, "--name", "Ana", "--vote", note.id)
    assert (voted.returncode, voted.stderr) == (0, "")
    assert host.stop() == 0
    kept = load(saved).journeys[0].notes[0]
    assert len(kept.votes) == 1


def test_a_wrong_pin_is_refused(host: HostProcess, saved: Path) -> None:
    refused = _join(host.url, "--add-note", "Sneaky", pin="0000")
    assert refused.returncode == 1
    assert refused.stderr.strip() == "wrong PIN"
    assert host.stop() == 0
    assert all(e.text != "Sneaky" for e in load(saved).boards[0].elements if e.type == "note")


def test_a_closed_port_is_one_line_and_exit_1() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = _join(f"http://127.0.0.1:{port}/session", "--add-note", "Hello")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"cannot reach 127.0.0.1:{port}"]


def _talk(url: str, *messages: str | bytes) -> tuple[list[str | bytes], int | None]:
    """Send `messages` on a raw WebSocket, one answer awaited after each: the answers, and the
    close code if the host closed the connection."""

    async def talk() -> tuple[list[str | bytes], int | None]:
        answers: list[str | bytes] = []
        async with connect(url.replace("http://", "ws://")) as ws:
            try:
                for message in messages:
                    await ws.send(message)
                    answers.append(await ws.recv())
                    while (more := await _pending(ws)) is not None:
                        answers.append(more)
            except ConnectionClosed as closed:
                return answers, closed.rcvd.code if closed.rcvd else None
        return answers, None

    return asyncio.run(asyncio.wait_for(talk(), WAIT))


async def _pending(ws: ClientConnection) -> str | bytes | None:
    try:
        return await asyncio.wait_for(ws.recv(), 0.2)
    except TimeoutError:
        return None


def test_no_document_data_before_the_right_pin(host: HostProcess) -> None:
    answers, code = _talk(host.url, '{"pin": "0000", "name": "Eve"}', b"\x00\x00\x01\x00")
    assert answers == ['{"ok": false, "error": "wrong PIN"}'] and code == 1008
    answers, code = _talk(host.url, b"\x00\x00\x01\x00")
    assert answers == [] and code == 1008


def test_an_address_that_keeps_guessing_the_pin_is_shut_out(host: HostProcess) -> None:
    for guess in range(5):
        answers, code = _talk(host.url, json.dumps({"pin": f"{guess:04d}", "name": "Eve"}))
        assert answers == ['{"ok": false, "error": "wrong PIN"}'] and code == 1008
    answers, code = _talk(host.url, '{"pin": "4321", "name": "Eve"}')  # now even the right one
    assert answers == ['{"ok": false, "error": "too many wrong PINs"}'] and code == 1008


def test_malformed_messages_do_not_crash_the_host(host: HostProcess, saved: Path) -> None:
    junk = (
        b"\x00\x02\xff\xff\xff",
        b"\x07garbage",
        "not binary",
        b"\x00\x02\x05\x01\x02",
        b"\x00\x00\x03\xff",
    )
    answers, code = _talk(host.url, '{"pin": "4321", "name": "Mallory"}', *junk)
    assert code is None
    verdicts = [json.loads(a) for a in answers if isinstance(a, str)][1:]
    assert len(verdicts) == len(junk) and all(v["refused"] and not v["applied"] for v in verdicts)
    joined = _join(host.url, "--add-note", "Still here")
    assert (joined.returncode, joined.stderr) == (0, "")
    assert host.stop() == 0
    assert "Still here" in [e.text for e in load(saved).boards[0].elements if e.type == "note"]


def test_the_host_saves_changes_while_running(host: HostProcess, saved: Path) -> None:
    joined = _join(host.url, "--add-note", "Saved early")
    assert joined.returncode == 0
    for _ in range(WAIT * 10):
        if "Saved early" in [e.text for e in load(saved).boards[0].elements if e.type == "note"]:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the host did not save the note while running")
    assert host.stop() == 0


def test_other_participants_see_only_what_the_host_accepted(host: HostProcess) -> None:
    async def watch() -> list[str]:
        doc: Doc = Doc()
        async with connect(host.url.replace("http://", "ws://")) as ws:
            await ws.send('{"pin": "4321", "name": "Watcher"}')
            assert json.loads(await ws.recv())["ok"]
            await ws.send(create_sync_message(doc))
            doc.apply_update(read_sync(await ws.recv())[1])
            loop = asyncio.get_running_loop()
            empty = loop.run_in_executor(None, _join, host.url, "--add-note", " ")
            added = loop.run_in_executor(None, _join, host.url, "--add-note", "Seen by all")
            assert ((await empty).returncode, (await added).returncode) == (1, 0)
            while "Seen by all" not in [note["text"] for note in roots(doc)["notes"].to_py()]:
                message = await ws.recv()
                assert isinstance(message, bytes)
                doc.apply_update(read_sync(message)[1])
        return [note["text"] for note in roots(doc)["notes"].to_py()]

    texts = asyncio.run(asyncio.wait_for(watch(), WAIT))
    assert "Seen by all" in texts and " " not in texts
