"""File ▸ Join Session…: the dialog finds an advertised session and takes address, PIN and
name; the live board shows a headless host's places and notes, sends a note typed with real
key clicks, shows another participant's note, votes, edits and deletes its own notes."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from personamap.io import load, save
from personamap.live.discovery import Advertisement
from personamap.live.join_link import Link
from personamap.model.board import Board, EmpathyMapElement, JourneyMapElement, NoteElement
from personamap.model.empathy import EmpathyMap
from personamap.model.journey import JourneyMap, JourneyNote, Lane, Stage
from personamap.model.project import Project
from personamap.ui.live_join.board import CardWidget, LiveBoardWindow
from personamap.ui.live_join.board_model import remaining
from personamap.ui.live_join.dialog import JoinDialog
from personamap.ui.main_window import MainWindow

WAIT_MS = 30_000
PIN = "1357"
CLI = (sys.executable, "-m", "personamap.cli")
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    lanes = [Lane(name="Actions")]
    stages = [Stage(name="Discover"), Stage(name="Buy")]
    journey = JourneyMap(title="Shopping", lanes=lanes, stages=stages)
    journey.notes.append(JourneyNote(text="Finds the shop", lane_id=lanes[0].id, stage_id=stages[0].id))
    emap = EmpathyMap(title="Customer")
    board = Board(
        name="Workshop",
        elements=[
            JourneyMapElement(map_id=journey.id, x=0, y=0, w=900, h=300),
            EmpathyMapElement(map_id=emap.id, x=0, y=400, w=600, h=400),
            NoteElement(text="Parking lot", x=700, y=400),
        ],
    )
    path = tmp_path / "workshop.personamap"
    save(Project(journeys=[journey], empathy_maps=[emap], boards=[board]), path)
    return path


@pytest.fixture
def host(saved: Path) -> Iterator[str]:
    proc = subprocess.Popen(
        [*CLI, "host", str(saved), "--bind", "127.0.0.1", "--port", "0", "--pin", PIN, "--no-window"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    url = proc.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), url or proc.communicate()[1]
    yield url
    proc.send_signal(signal.SIGTERM)
    proc.wait(30)


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for board in list(win.features["live_join"].boards):
        board.close()
    win.close()


def file_action(window: MainWindow, text: str) -> Any:
    for action in window.file_menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no File ▸ {text}")


def open_dialog(window: MainWindow, qtbot) -> JoinDialog:
    file_action(window, "Join Session…").trigger()
    dialog = window.features["live_join"].dialog
    qtbot.waitExposed(dialog)
    return dialog


def join_through_dialog(window: MainWindow, qtbot, url: str, name: str) -> LiveBoardWindow:
    dialog = open_dialog(window, qtbot)
    qtbot.keyClicks(dialog.address, url)
    qtbot.keyClicks(dialog.pin, PIN)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, name)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled(), dialog.problem.text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    boards = window.features["live_join"].boards
    assert len(boards) == 1
    board = boards[0]
    qtbot.waitUntil(lambda: connected(board), timeout=WAIT_MS)
    return board


def connected(board: LiveBoardWindow) -> bool:
    """Connected with a snapshot shown (a bool: qtbot.waitUntil takes None as done)."""
    return board.view is not None and board.status.property("connected") is True


def card_texts(board: LiveBoardWindow) -> dict[str, list[str]]:
    return {c.key: [w.card.text for w in c.cards] for c in board.column_widgets}


def find_card(board: LiveBoardWindow, text: str) -> CardWidget:
    for column in board.column_widgets:
        for card in column.cards:
            if card.card.text == text:
                return card
    raise AssertionError(f"no card {text!r}: {card_texts(board)}")


def has_card(board: LiveBoardWindow, text: str) -> bool:
    return any(w.card.text == text for c in board.column_widgets for w in c.cards)


def board_notes(path: Path) -> list[str]:
    return [e.text for e in load(path).boards[0].elements if e.type == "note"]


def test_join_through_the_menu_add_a_note_and_see_another_participants(
    window: MainWindow, qtbot, host: str, saved: Path
) -> None:
    board = join_through_dialog(window, qtbot, host, "Ana")
    assert [c.kind for c in board.view.columns] == ["stage", "stage", "lane", *["quadrant"] * 6, "board"]
    assert has_card(board, "Finds the shop") and has_card(board, "Parking lot")
    assert board.place.isVisible()  # the headless host lets notes go anywhere: a picker
    board.place.setCurrentIndex(board.place.findText("Workshop (board)"))
    board.note_input.setFocus()
    qtbot.keyClicks(board.note_input, "Typed in the window")
    qtbot.keyClick(board.note_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: has_card(board, "Typed in the window"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Typed in the window" in board_notes(saved), timeout=WAIT_MS)

    other = subprocess.run(
        [*CLI, "join", host, "--pin", PIN, "--name", "Bo", "--add-note", "From Bo", "--stage", "Buy"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (other.returncode, other.stderr) == (0, "")
    qtbot.waitUntil(lambda: has_card(board, "From Bo"), timeout=WAIT_MS)
    assert "From Bo" in card_texts(board)[next(c.key for c in board.view.columns if c.name == "Buy")]
    mine, theirs = find_card(board, "Typed in the window"), find_card(board, "From Bo")
    assert mine.findChild(QPushButton, "edit") is not None
    assert theirs.findChild(QPushButton, "edit") is None and theirs.findChild(QPushButton, "delete") is None


def test_dots_edits_and_deletions_reach_the_host(window: MainWindow, qtbot, host: str, saved: Path) -> None:
    board = join_through_dialog(window, qtbot, host, "Cy")
    assert board.votes.text() == "Dot vote: 3 of 3 dots left"
    up = find_card(board, "Finds the shop").findChild(QPushButton, "vote_up")
    qtbot.mouseClick(up, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_card(board, "Finds the shop").card.dots == 1, timeout=WAIT_MS)
    assert board.votes.text() == "Dot vote: 2 of 3 dots left"
    assert find_card(board, "Parking lot").findChild(QPushButton, "vote_up") is None  # board notes take none
    qtbot.waitUntil(lambda: len(load(saved).journeys[0].notes[0].votes) == 1, timeout=WAIT_MS)

    board.place.setCurrentIndex(board.place.findText("Workshop (board)"))
    qtbot.keyClicks(board.note_input, "First draft")
    qtbot.keyClick(board.note_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: has_card(board, "First draft"), timeout=WAIT_MS)
    qtbot.mouseClick(find_card(board, "First draft").findChild(QPushButton, "edit"), LEFT)
    assert board.note_input.text() == "First draft" and board.add_button.text() == "&Save"
    board.note_input.clear()
    qtbot.keyClicks(board.note_input, "Second thoughts")
    qtbot.keyClick(board.note_input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: has_card(board, "Second thoughts"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Second thoughts" in board_notes(saved), timeout=WAIT_MS)
    qtbot.mouseClick(find_card(board, "Second thoughts").findChild(QPushButton, "delete"), LEFT)
    qtbot.waitUntil(lambda: not has_card(board, "Second thoughts"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Second thoughts" not in board_notes(saved), timeout=WAIT_MS)


def test_the_hosts_refusal_and_a_wrong_pin_are_shown(window: MainWindow, qtbot, host: str) -> None:
    board = join_through_dialog(window, qtbot, host, "Di")
    theirs = find_card(board, "Finds the shop").card
    assert not theirs.mine
    board.link.submit(lambda me: me.edit_note(theirs.id, "Hijacked"))  # the window offers no way to
    qtbot.waitUntil(lambda: board.message.text().startswith("The host refused: "), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: has_card(board, "Finds the shop"), timeout=WAIT_MS)  # written back
    assert not has_card(board, "Hijacked")
    board.close()

    window.features["live_join"].open_board(host, "0000", "Eve")
    wrong = window.features["live_join"].boards[-1]
    qtbot.waitUntil(lambda: wrong.ended, timeout=WAIT_MS)
    assert wrong.banner.isVisible() and wrong.banner.text() == "Wrong PIN."
    assert wrong.status.text() == "wrong PIN" and not wrong.note_input.isEnabled()


def test_the_same_participant_twice_is_refused_in_the_second_window(
    window: MainWindow, qtbot, host: str
) -> None:
    first = join_through_dialog(window, qtbot, host, "Flo")
    second = window.features["live_join"].open_board(host, PIN, "Flo")
    qtbot.waitUntil(lambda: second.ended, timeout=WAIT_MS)
    assert "elsewhere already" in second.banner.text()
    assert connected(first) and not first.ended


def test_the_dialog_lists_sessions_found_on_the_network(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(JoinDialog, "interfaces", ["127.0.0.1"])
    dialog = open_dialog(window, qtbot)
    name = f"Checkout journey {uuid.uuid4().hex[:6]} (Ana's laptop)"  # others may advertise too
    advert = Advertisement(name, "http://127.0.0.1:8765/session")

    def listed() -> list[Any]:
        items = [dialog.sessions.item(i) for i in range(dialog.sessions.count())]
        return [item for item in items if name in item.text()]

    advert.start()
    try:
        qtbot.waitUntil(lambda: len(listed()) == 1, timeout=WAIT_MS)
        item = listed()[0]
        assert item.text() == f"{name}  —  127.0.0.1:8765"
        dialog.sessions.setCurrentItem(item)
        assert dialog.address.text() == "http://127.0.0.1:8765/session"
        advert.close()
        qtbot.waitUntil(lambda: not listed(), timeout=WAIT_MS)
    finally:
        advert.close()
        dialog.reject()


def _snapshot(locked: bool) -> dict[str, Any]:
    end = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)).isoformat(timespec="seconds")
    return {
        "me": "p2",
        "session": {
            "board_id": "B",
            "focus": "s2",
            "vote_open": True,
            "dots": 3,
            "timer_end": end,
            "locked": locked,
            "permissions": {"add_anywhere": False, "vote": True, "edit_own_only": True},
        },
        "places": {
            "B": {"kind": "board", "name": "Workshop"},
            "l1": {"kind": "lane", "name": "Actions"},
            "s1": {"kind": "stage", "name": "Discover"},
            "s2": {"kind": "stage", "name": "Buy"},
        },
        "participants": {},
        "notes": [
            {"id": "n1", "author": "p2", "text": "<b>Mine</b>", "target": {"kind": "stage", "id": "s2"}},
            {"id": "n2", "author": "p1", "text": "Theirs", "target": {"kind": "stage", "id": "s1"}},
        ],
        "votes": {"n2": {"p1": 2, "p2": 1}},
    }


def test_the_board_shows_focus_timer_lock_and_the_end(qtbot) -> None:
    board = LiveBoardWindow(Link("http://127.0.0.1:9/session", PIN, "Bo"))  # nobody there
    qtbot.addWidget(board)
    board.show()
    board.show_snapshot(_snapshot(locked=False))
    assert [c.key for c in board.column_widgets] == ["s1", "s2", "l1", "B"]
    assert [c.property("focused") for c in board.column_widgets] == [False, True, False, False]
    mine = find_card(board, "<b>Mine</b>")  # plain text: the markup is shown, never applied
    assert mine.text.textFormat() == Qt.TextFormat.PlainText
    assert mine.findChild(QPushButton, "edit") is not None
    assert find_card(board, "Theirs").card.dots == 3
    assert board.votes.text() == "Dot vote: 2 of 3 dots left"
    assert board.timer.text() in ("Time left 10:00", "Time left 9:59")
    assert not board.place.isVisible() and board.place_label.text() == "to Buy"
    assert board.note_input.isEnabled() and board.banner.isHidden()

    board.show_snapshot(_snapshot(locked=True))
    assert board.banner.isVisible() and "locked" in board.banner.text()
    assert not board.note_input.isEnabled() and not board.add_button.isEnabled()
    assert find_card(board, "<b>Mine</b>").findChild(QPushButton, "edit") is None

    board._ended("the facilitator ended your session")
    assert board.banner.text() == "The facilitator ended your session."
    assert not any(c.isEnabled() for c in board.column_widgets)
    board.close()


def test_time_left_is_minutes_and_seconds() -> None:
    start = dt.datetime(2026, 1, 1, 10, 0, tzinfo=dt.UTC)
    assert remaining(start + dt.timedelta(seconds=125), start) == "2:05"
    assert remaining(start - dt.timedelta(seconds=5), start) == "0:00"
