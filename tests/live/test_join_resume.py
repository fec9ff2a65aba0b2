"""`personamap join` remembers its session: a note survives a killed client and an unreachable
host and reaches the host's file exactly once; votes from several joins all count."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from hostprocess import PIN, WAIT, HostProcess, cli

from personamap.io import load
from personamap.live.client import open_session, socket_url
from personamap.live.join_state import ENV, load_state, state_path
from personamap.model.project import Project


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv(ENV, str(folder))
    return folder


def _join(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli("join", url, "--pin", PIN, *args), capture_output=True, text=True, timeout=WAIT, env=os.environ
    )


def _board_notes(path: Path) -> list[str]:
    return [e.text for e in load(path).boards[0].elements if e.type == "note"]


def _wait_until(condition: object, what: str) -> None:
    for _ in range(WAIT * 20):
        if callable(condition) and condition():
            return
        time.sleep(0.05)
    pytest.fail(f"waited in vain for {what}")


def test_a_join_killed_while_the_host_is_stopped_delivers_its_note_once(
    host: HostProcess, saved: Path
) -> None:
    assert _join(host.url, "--name", "Ana").returncode == 0
    where = socket_url(host.url)[1]
    host.proc.send_signal(signal.SIGSTOP)
    stuck = subprocess.Popen(
        cli("join", host.url, "--pin", PIN, "--name", "Ana", "--add-note", "Said once"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_until(lambda: [w.text for w in load_state(where, "Ana").outbox] == ["Said once"], "the note kept")
    stuck.send_signal(signal.SIGKILL)
    stuck.wait(WAIT)
    host.proc.send_signal(signal.SIGCONT)
    again = _join(host.url, "--name", "Ana", "--add-note", "Said once")
    assert (again.returncode, again.stderr) == (0, "")
    assert load_state(where, "Ana").outbox == []
    once_more = _join(host.url, "--name", "Ana", "--add-note", "Said once")
    assert (once_more.returncode, once_more.stderr) == (0, "")
    assert host.stop() == 0
    assert _board_notes(saved).count("Said once") == 1


def test_a_note_the_host_got_but_never_confirmed_is_not_added_twice(host: HostProcess, saved: Path) -> None:
    """The client dies after sending its note and before the host's answer: the next run
    resumes as the same participant, re-sends what was unconfirmed and adds nothing twice."""
    where = socket_url(host.url)[1]

    async def send_and_die() -> None:
        state = load_state(where, "Bo")
        me, refused = await open_session(host.url, PIN, state)
        assert refused == []
        host.proc.send_signal(signal.SIGSTOP)
        state.want("Sent, never confirmed", None)
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(me.deliver(), 1.0)
        assert me.ws.transport is not None
        me.ws.transport.close()  # gone without a goodbye, as a killed process is

    asyncio.run(asyncio.wait_for(send_and_die(), WAIT))
    pending = load_state(where, "Bo").outbox
    assert [(w.text, w.note_id is not None) for w in pending] == [("Sent, never confirmed", True)]
    host.proc.send_signal(signal.SIGCONT)
    again = _join(host.url, "--name", "Bo", "--add-note", "Sent, never confirmed")
    assert (again.returncode, again.stderr) == (0, "")
    assert host.stop() == 0
    assert _board_notes(saved).count("Sent, never confirmed") == 1


def test_a_note_for_an_unreachable_host_arrives_once_when_it_is_up(saved: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/session"
    offline = _join(url, "--name", "Cy", "--add-note", "Typed offline", "--stage", "Buy")
    assert (offline.returncode, offline.stderr.splitlines()) == (1, [f"cannot reach 127.0.0.1:{port}"])
    assert state_path(f"127.0.0.1:{port}", "Cy").is_file()
    running = HostProcess(saved, port=port)
    try:
        first = _join(url, "--name", "Cy", "--add-note", "Typed offline", "--stage", "Buy")
        assert (first.returncode, first.stderr) == (0, "")
        second = _join(url, "--name", "Cy", "--add-note", "Typed offline", "--stage", "Buy")
        assert (second.returncode, second.stderr) == (0, "")
        assert running.stop() == 0
    finally:
        running.kill()
    journey = load(saved).journeys[0]
    buy = next(s for s in journey.stages if s.name == "Buy")
    assert [n.text for n in journey.notes if n.stage_id == buy.id] == ["Typed offline"]


def test_votes_from_several_joins_all_count(host: HostProcess, saved: Path, project: Project) -> None:
    note = project.journeys[0].notes[0]
    for name in ("Ana", "Bo", "Ana"):
        voted = _join(host.url, "--name", name, "--vote", note.id)
        assert (voted.returncode, voted.stderr) == (0, "")
    assert host.stop() == 0
    votes = load(saved).journeys[0].notes[0].votes
    assert len(votes) == 3
    assert len({v.participant for v in votes}) == 2


def test_two_runs_as_the_same_participant_at_once_each_answer_for_their_own_note(
    host: HostProcess, saved: Path
) -> None:
    """They take turns: neither sends the other's note, so each reports only its own refusal."""
    runs = [
        subprocess.Popen(
            cli("join", host.url, "--pin", PIN, "--name", "Ana", "--add-note", text),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for text in (" ", "At once")
    ]
    results = [(run.wait(WAIT), run.communicate()[1]) for run in runs]
    assert [code for code, _ in results] == [1, 0]
    assert results[0][1].startswith("refused: ") and results[1][1] == ""
    assert host.stop() == 0
    assert _board_notes(saved).count("At once") == 1
