"""Joining the editor's own live session (Workshop ▸ Invite Participants…) from File ▸ Join
Session…: the facilitator's focus, lock and ending a participant's session show on the
participant's board, and the participant's note lands in the facilitator's project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from personamap.live.join_state import ENV
from personamap.live.shape import Permissions, roots
from personamap.resources import sample_path
from personamap.ui.live_join.board import LiveBoardWindow
from personamap.ui.main_window import MainWindow

WAIT_MS = 30_000
BOARD = "Journeys"
PIN = "97531"


def connected(board: LiveBoardWindow) -> bool:
    """Connected with a snapshot shown (a bool: qtbot.waitUntil takes None as done)."""
    return board.view is not None and board.status.property("connected") is True


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv(ENV, str(tmp_path / "state"))
    sample = tmp_path / "sample.personamap"
    sample.write_bytes(sample_path().read_bytes())
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(sample)
    yield win
    for board in list(win.features["live_join"].boards):
        board.close()
    win.features["live_host"].end_session()
    if win.document is not None:
        win.document.undo_stack.setClean()
    win.close()


def test_the_facilitators_controls_show_on_the_participants_board(window: MainWindow, qtbot) -> None:
    host = window.features["live_host"]
    board_id = next(b.id for b in window.document.project.boards if b.name == BOARD)
    assert host.start_session(board_id, "127.0.0.1", 0, Permissions(), pin=PIN) == ""
    session = host.controller.session
    places = roots(session.doc)["places"].to_py()
    stage_key, stage = next((k, p) for k, p in places.items() if p["kind"] == "stage")

    participant: LiveBoardWindow = window.features["live_join"].open_board(host.controller.url, PIN, "Ana")
    qtbot.waitUntil(lambda: connected(participant), timeout=WAIT_MS)
    assert not participant.place.isVisible()  # only the focused place, here the board itself
    assert participant.place_label.text() == f"to {BOARD}"

    session.configure(focus=stage_key)
    qtbot.waitUntil(
        lambda: [c.key for c in participant.column_widgets if c.property("focused")] == [stage_key],
        timeout=WAIT_MS,
    )
    assert participant.place_label.text() == f"to {stage['name']}"
    last = next(c.key for c in reversed(participant.column_widgets) if c.key in places and c.key != board_id)
    participant.resize(700, 500)
    session.configure(focus=last)

    def last_column_in_view() -> bool:
        column = next((c for c in participant.column_widgets if c.key == last), None)
        left = participant.scroll.horizontalScrollBar().value()
        right = left + participant.scroll.viewport().width()
        return column is not None and left <= column.x() and column.x() + column.width() <= right

    qtbot.waitUntil(last_column_in_view, timeout=WAIT_MS)
    session.configure(focus=stage_key)
    qtbot.waitUntil(
        lambda: [c.key for c in participant.column_widgets if c.property("focused")] == [stage_key],
        timeout=WAIT_MS,
    )
    participant.note_input.setFocus()
    qtbot.keyClicks(participant.note_input, "Seen from the other side")
    qtbot.keyClick(participant.note_input, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(
            n.text == "Seen from the other side" and n.stage_id == stage_key
            for j in window.document.project.journeys
            for n in j.notes
        ),
        timeout=WAIT_MS,
    )
    assert "Ana" in window.document.undo_stack.undoText()

    host.set_locked(True)
    qtbot.waitUntil(lambda: participant.banner.isVisible(), timeout=WAIT_MS)
    assert "locked" in participant.banner.text() and not participant.note_input.isEnabled()

    pid = next(m.pid for m in session.members.values() if m.name == "Ana")
    host.remove_participant(pid)
    qtbot.waitUntil(lambda: participant.ended, timeout=WAIT_MS)
    assert participant.banner.text() == "The facilitator ended your session."
