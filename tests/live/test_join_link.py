"""A participant that stays in the session (the editor's Join Session window): it reconnects
when a crashed host comes back, and a note typed while the host was down reaches it exactly once,
even when the host came back as a new session that no longer knows the participant's token."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from personamap.io import load, save
from personamap.live.join_link import Link
from personamap.live.join_state import ENV, load_state
from personamap.model.project import Project

WAIT = 30
PIN = "8642"
LOOPBACK = "127.0.0.1"
CLI = (sys.executable, "-m", "personamap.cli")


class Host:
    def __init__(self, path: Path, port: int):
        self.proc = subprocess.Popen(
            [*CLI, "host", str(path), "--bind", LOOPBACK, "--port", f"{port}", "--pin", PIN, "--no-window"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        assert self.url == f"http://127.0.0.1:{port}/session", self.url or self.proc.communicate()[1]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            assert self.proc.wait(WAIT) == 0

    def crash(self) -> None:
        """Gone without ending the session (a stopped session tells participants so, and
        they stop trying)."""
        self.proc.kill()
        self.proc.wait(WAIT)


class Watch:
    """What the link reported, and a way to wait for a condition on it."""

    def __init__(self, link: Link) -> None:
        self.connected = False
        self.view: dict[str, Any] = {}
        self.changed = threading.Condition()
        link.on_status = self._status
        link.on_snapshot = self._snapshot

    def _status(self, _text: str, connected: bool) -> None:
        with self.changed:
            self.connected = connected
            self.changed.notify_all()

    def _snapshot(self, view: dict[str, Any]) -> None:
        with self.changed:
            self.view = view
            self.changed.notify_all()

    def until(self, condition: Callable[[], bool]) -> None:
        with self.changed:
            assert self.changed.wait_for(condition, WAIT)


@pytest.fixture
def saved(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV, str(tmp_path / "state"))
    path = tmp_path / "workshop.personamap"
    save(project, path)
    return path


@pytest.fixture
def port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def link(port: int) -> Iterator[Link]:
    joined = Link(f"http://127.0.0.1:{port}/session", PIN, "Dee")
    yield joined
    joined.close()


def _board_notes(path: Path) -> list[str]:
    return [e.text for e in load(path).boards[0].elements if e.type == "note"]


def _until(condition: Callable[[], bool]) -> None:
    for _ in range(WAIT * 20):
        if condition():
            return
        time.sleep(0.05)
    pytest.fail("waited in vain")


def test_a_note_typed_while_the_host_was_down_arrives_once(saved: Path, port: int, link: Link) -> None:
    host = Host(saved, port)
    watch = Watch(link)
    try:
        link.start()
        watch.until(lambda: watch.connected and bool(watch.view))
        board = {"kind": "board", "id": str(watch.view["session"]["board_id"])}
        link.submit(lambda me: me.write("Before the break", board))
        _until(lambda: "Before the break" in _board_notes(saved))
        where = f"127.0.0.1:{port}"
        first_token = load_state(where, "Dee").token
        host.crash()
        watch.until(lambda: not watch.connected)
        link.submit(lambda me: me.write("Typed offline", board))
        watch.until(lambda: "Typed offline" in [n["text"] for n in watch.view["notes"]])
        host = Host(saved, port)  # a new session on the same file: the old token is unknown there
        _until(lambda: load_state(where, "Dee").token not in ("", first_token))
        _until(lambda: load_state(where, "Dee").outbox == [])
        assert watch.connected
        host.stop()
    finally:
        host.stop()
    notes = _board_notes(saved)
    assert (notes.count("Before the break"), notes.count("Typed offline")) == (1, 1)
