"""The editor as a live session's host: Workshop ▸ Invite Participants…, participants joining
with `personamap join` over loopback, the facilitator's undo mirrored to them, lock, ending a
participant's session and the whole session, and the file saved afterwards."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pycrdt import Doc, YSyncMessageType, create_sync_message
from PySide6.QtCore import Qt
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from personamap.io import load
from personamap.live.shape import roots
from personamap.live.wire import read_sync
from personamap.resources import sample_path
from personamap.ui.live_host.qr import qr_modules
from personamap.ui.main_window import MainWindow

WAIT_MS = 30_000
BOARD = "Journeys"


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    target = tmp_path / "sample.personamap"
    target.write_bytes(sample_path().read_bytes())
    return target


@pytest.fixture
def window(qtbot, sample_file: Path) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(sample_file)
    index = next(i for i in range(win.tabs.count()) if win.tabs.tabText(i) == BOARD)
    win.tabs.setCurrentIndex(index)
    yield win
    win.features["live_host"].end_session()
    if win.document is not None:
        win.document.undo_stack.setClean()
    win.close()


def menu_action(window: MainWindow, menu_title: str, text: str) -> Any:
    """The action as the menu bar shows it (what a click in the menu triggers)."""
    for top in window.menuBar().actions():
        if top.menu() is not None and top.text().replace("&", "") == menu_title:
            for action in top.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {menu_title} ▸ {text}")


def start_session(window: MainWindow, qtbot) -> Any:
    """Workshop ▸ Invite Participants…, this computer only, any port, Start."""
    menu_action(window, "Workshop", "Invite Participants…").trigger()
    feature = window.features["live_host"]
    dialog = feature.dialog
    qtbot.waitExposed(dialog)
    dialog.interface.setCurrentIndex(dialog.interface.findData("127.0.0.1"))
    assert dialog.board.currentText() == BOARD
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert feature.controller is not None, dialog.message.text()
    assert dialog.pages.currentIndex() == 1
    return feature


def join(qtbot, url: str, pin: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`personamap join` in a subprocess, while the editor's event loop keeps running (the
    session lives on the GUI thread)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "personamap.cli", "join", url, "--pin", pin, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=WAIT_MS)
    out, err = proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


class Watcher:
    """A participant that stays connected and keeps its copy of the document up to date."""

    def __init__(self, url: str, pin: str, name: str) -> None:
        parts = urlsplit(url)
        self.address, self.hello = f"ws://{parts.hostname}:{parts.port}/session", {"pin": pin, "name": name}
        self.answer: dict[str, Any] = {}
        self.doc: Doc = Doc()
        self.lock = threading.Lock()
        self.close_code: int | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        with connect(self.address, max_size=None) as ws:
            try:
                ws.send(json.dumps(self.hello))
                self.answer = json.loads(ws.recv())
                ws.send(create_sync_message(self.doc))
                for message in ws:
                    if isinstance(message, bytes):
                        kind, payload = read_sync(message)
                        if kind != YSyncMessageType.SYNC_STEP1:
                            with self.lock:
                                self.doc.apply_update(payload)
            except ConnectionClosed:
                pass
            self.close_code = ws.close_code

    def note_texts(self) -> list[str]:
        with self.lock:
            return [str(n["text"]) for n in roots(self.doc)["notes"].to_py()]


def board_notes(window: MainWindow) -> list[str]:
    board = next(b for b in window.document.project.boards if b.name == BOARD)
    return [e.text for e in board.elements if e.type == "note"]


def refused(url: str) -> bool:
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=5).close()
    except OSError:
        return True
    return False


def test_a_participants_note_lands_on_the_board_and_the_facilitator_can_undo_it(
    window: MainWindow, qtbot, sample_file: Path
) -> None:
    feature = start_session(window, qtbot)
    url, pin = feature.controller.url, feature.controller.pin
    assert url.startswith("http://127.0.0.1:") and len(pin) == 6 and pin.isdigit()
    watcher = Watcher(url, pin, "Bo")
    qtbot.waitUntil(lambda: watcher.answer.get("ok") is True, timeout=WAIT_MS)

    done = join(qtbot, url, pin, "--name", "Ana", "--add-note", "The queue is too long")
    assert (done.returncode, done.stderr) == (0, "")
    assert "The queue is too long" in board_notes(window)
    scene = window.tabs.current_view().board_scene
    assert any(getattr(i, "text", "") == "The queue is too long" for i in scene.items_by_id.values())
    qtbot.waitUntil(lambda: "The queue is too long" in watcher.note_texts(), timeout=WAIT_MS)

    assert window.document.undo_stack.undoText() == "Note from Ana"
    menu_action(window, "Edit", "Undo Note from Ana").trigger()
    assert "The queue is too long" not in board_notes(window)
    qtbot.waitUntil(lambda: "The queue is too long" not in watcher.note_texts(), timeout=WAIT_MS)

    rows = {r.name: r for r in feature.controller.rows()}
    assert set(rows) == {"Bo", "Ana"} and rows["Bo"].online and not rows["Ana"].online
    assert rows["Ana"].notes == 0  # undone
    members = feature.dialog.members
    shown = [[members.topLevelItem(i).text(c) for c in range(3)] for i in range(members.topLevelItemCount())]
    assert shown == [["Bo", "0", "online"], ["Ana", "0", "offline"]]

    kept = join(qtbot, url, pin, "--name", "Cy", "--add-note", "Staff were kind")
    assert kept.returncode == 0, kept.stderr
    assert window.files.save()
    assert "Staff were kind" in [
        e.text for b in load(sample_file).boards for e in b.elements if e.type == "note"
    ]
    qtbot.mouseClick(feature.dialog.end, Qt.MouseButton.LeftButton)
    assert feature.controller is None
    qtbot.waitUntil(lambda: watcher.close_code is not None, timeout=WAIT_MS)
    assert watcher.close_code == 4002
    assert refused(url)


def test_lock_refuses_notes_and_a_participants_session_can_be_ended(window: MainWindow, qtbot) -> None:
    feature = start_session(window, qtbot)
    url, pin, dialog = feature.controller.url, feature.controller.pin, feature.dialog
    qtbot.mouseClick(dialog.lock, Qt.MouseButton.LeftButton)
    assert feature.controller.session.settings()["locked"] is True
    done = join(qtbot, url, pin, "--name", "Ana", "--add-note", "Not now")
    assert done.returncode == 1 and "locked" in done.stderr
    assert "Not now" not in board_notes(window)
    qtbot.mouseClick(dialog.lock, Qt.MouseButton.LeftButton)
    assert feature.controller.session.settings()["locked"] is False

    watcher = Watcher(url, pin, "Bo")
    qtbot.waitUntil(lambda: dialog.members.topLevelItemCount() == 2, timeout=WAIT_MS)

    def rows() -> list[Any]:
        return [dialog.members.topLevelItem(i) for i in range(dialog.members.topLevelItemCount())]

    qtbot.waitUntil(lambda: any(r.text(0) == "Bo" and r.text(2) == "online" for r in rows()), timeout=WAIT_MS)
    row = next(r for r in rows() if r.text(0) == "Bo")
    dialog.members.setCurrentItem(row)
    assert dialog.remove.isEnabled()
    qtbot.mouseClick(dialog.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: watcher.close_code is not None, timeout=WAIT_MS)
    assert watcher.close_code == 4001
    again = join(qtbot, url, pin, "--name", "Ana", "--add-note", "Back again")
    assert again.returncode == 0, again.stderr  # others carry on


def test_closing_the_project_ends_the_session(window: MainWindow, qtbot) -> None:
    feature = start_session(window, qtbot)
    url = feature.controller.url
    assert not refused(url)
    window.actions["file.close"].trigger()
    assert window.document is None and feature.controller is None
    assert refused(url)


def test_the_qr_code_drawn_is_the_join_address(window: MainWindow, qtbot) -> None:
    feature = start_session(window, qtbot)
    view = feature.dialog.qr
    url = feature.controller.url
    assert view.text == url
    modules = qr_modules(url)
    assert view.modules == modules
    image = view.grab().toImage()
    side = min(image.width(), image.height())
    count = len(modules)
    module = side // count
    assert module >= 8  # scannable from across a room on a laptop screen too
    x0, y0 = (image.width() - module * count) // 2, (image.height() - module * count) // 2
    for r in range(count):
        for c in range(count):
            pixel = image.pixelColor(x0 + c * module + module // 2, y0 + r * module + module // 2)
            assert (pixel.lightness() < 128) == modules[r][c], (r, c)


def test_quitting_ends_the_session(window: MainWindow, qtbot) -> None:
    feature = start_session(window, qtbot)
    url = feature.controller.url
    menu_action(window, "File", "Quit").trigger()
    assert not window.isVisible() and feature.controller is None
    assert refused(url)


def test_a_port_in_use_is_said_and_nothing_runs(window: MainWindow, qtbot) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        menu_action(window, "Workshop", "Invite Participants…").trigger()
        feature = window.features["live_host"]
        dialog = feature.dialog
        dialog.interface.setCurrentIndex(dialog.interface.findData("127.0.0.1"))
        dialog.port.setValue(taken.getsockname()[1])
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert feature.controller is None
        assert dialog.message.text().startswith("Cannot listen on 127.0.0.1:")
        assert dialog.pages.currentIndex() == 0


def test_the_session_is_advertised_while_it_runs(window: MainWindow, qtbot, monkeypatch) -> None:
    seen: list[tuple[str, str, str]] = []

    class Advertisement:
        def __init__(self, name: str, url: str) -> None:
            self.name, self.url = name, url

        def start(self) -> None:
            seen.append(("start", self.name, self.url))

        def close(self) -> None:
            seen.append(("close", self.name, self.url))

    monkeypatch.setattr("personamap.ui.live_host.controller.Advertisement", Advertisement)
    feature = start_session(window, qtbot)
    url = feature.controller.url
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=WAIT_MS)
    assert seen[0][0] == "start" and seen[0][1].startswith(f"{BOARD} (") and seen[0][2] == url
    qtbot.mouseClick(feature.dialog.end, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT_MS)
    assert seen[1] == ("close", seen[0][1], url)


def test_the_window_shows_the_permissions_the_session_started_with(qtbot, tmp_path: Path) -> None:
    from personamap.live.shape import Permissions
    from personamap.resources import sample_path
    from personamap.ui.main_window import MainWindow

    sample = tmp_path / "sample.personamap"
    sample.write_bytes(sample_path().read_bytes())
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    assert win.open_path(sample)
    feature = win.features["live_host"]
    feature.open_window()
    board = win.document.project.boards[0].id
    anywhere = Permissions(add_anywhere=True, vote=False)
    assert feature.start_session(board, "127.0.0.1", 0, anywhere) == ""
    try:
        shown = feature.dialog.permissions
        assert (shown.add_anywhere.isChecked(), shown.vote.isChecked()) == (True, False)
        assert feature.controller.permissions == anywhere, "showing them changed nothing"
    finally:
        feature.end_session()
