"""A hosted live session follows the facilitator's workshop: the presented stage is the focus
(participants' notes go there), a dot vote opens for participants too and counts their dots,
the timer's end is shared, permissions change live, and the invitation shows on the projector."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from test_live_host import BOARD, join, sample_file, start_session, window  # noqa: F401

from personamap.live.shape import roots
from personamap.ui.live_host.overlay import paint_invite
from personamap.ui.live_host.post import Poster
from personamap.ui.live_host.qr import qr_modules

WAIT_MS = 30_000


def present(window, qtbot):  # noqa: F811
    workshop = window.features["workshop"]
    shown = workshop.start_present(fullscreen=False)
    shown.view.animation_ms = 0
    shown.resize(1600, 900)
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: shown.view.viewport().width() == 1600)
    return workshop, shown


def test_the_presented_stage_is_the_focus_and_a_vote_counts_participants_dots(window, qtbot) -> None:  # noqa: F811
    feature = start_session(window, qtbot)
    session, url, pin = feature.controller.session, feature.controller.url, feature.controller.pin
    assert session.settings()["focus"] is None
    workshop, _present = present(window, qtbot)
    workshop.presenter.step(1)
    stop = workshop.presenter.current()
    assert stop.board_id == session.board_id and stop.key[0] == "stage"
    stage_id = stop.key[2]
    assert session.settings()["focus"] == stage_id

    done = join(qtbot, url, pin, "--name", "Ana", "--add-note", "Where do I pay?")
    assert (done.returncode, done.stderr) == (0, "")
    journey = next(j for j in window.document.project.journeys if any(s.id == stage_id for s in j.stages))
    note = next(n for n in journey.notes if n.text == "Where do I pay?")
    assert note.stage_id == stage_id

    assert workshop.voting.start(["Room"], 2)
    assert session.settings()["vote_open"] is True and session.settings()["dots"] == 2
    doc_id = next(n["id"] for n in roots(session.doc)["notes"].to_py() if n["text"] == "Where do I pay?")
    voted = join(qtbot, url, pin, "--name", "Bo", "--vote", doc_id)
    assert (voted.returncode, voted.stderr) == (0, "")
    assert [v.session for v in note.votes] == [workshop.voting.session.name]
    workshop.voting.end()
    assert session.settings()["vote_open"] is False
    late = join(qtbot, url, pin, "--name", "Cy", "--vote", doc_id)
    assert late.returncode == 1 and "no vote is open" in late.stderr

    workshop.set_timer(5)
    assert session.settings()["timer_end"] is None  # set, not started
    workshop.timer.toggle()
    end = dt.datetime.fromisoformat(session.settings()["timer_end"])
    assert end > dt.datetime.now(dt.UTC)
    workshop.timer.toggle()
    assert session.settings()["timer_end"] is None  # paused

    workshop.presenter.stop()
    assert session.settings()["focus"] is None


def test_permissions_change_while_the_session_runs(window, qtbot) -> None:  # noqa: F811
    feature = start_session(window, qtbot)
    box = feature.dialog.permissions
    session = feature.controller.session
    assert session.settings()["permissions"]["add_anywhere"] is False
    box.add_anywhere.click()
    assert session.settings()["permissions"]["add_anywhere"] is True
    places = roots(session.doc)["places"].to_py()
    stage = next(p["name"] for p in places.values() if p["kind"] == "stage")
    url, pin = feature.controller.url, feature.controller.pin
    done = join(qtbot, url, pin, "--name", "Ana", "--add-note", "Anywhere", "--stage", stage)
    assert (done.returncode, done.stderr) == (0, "")
    box.edit_own.click()
    assert session.settings()["permissions"]["edit_own_only"] is False


def test_show_on_projector_draws_the_join_address_qr_code(window, qtbot) -> None:  # noqa: F811
    feature = start_session(window, qtbot)
    _workshop, shown = present(window, qtbot)
    url, pin = feature.controller.url, feature.controller.pin
    view = shown.view
    w, h = view.viewport().width(), view.viewport().height()
    modules = qr_modules(url)
    probe = QImage(w, h, QImage.Format.Format_ARGB32)
    painter = QPainter(probe)
    square = paint_invite(painter, url, pin, modules, w, h)
    painter.end()
    assert square.height() >= 0.35 * h  # readable from the back of the room

    def drawn(image: QImage, rect: QRectF) -> bool:
        count = len(modules)
        module = rect.width() / count

        def dark(r: int, c: int) -> bool:
            x, y = rect.left() + (c + 0.5) * module, rect.top() + (r + 0.5) * module
            return image.pixelColor(int(x), int(y)).lightness() < 128

        return all(dark(r, c) == modules[r][c] for r in range(count) for c in range(count))

    assert not drawn(view.viewport().grab().toImage(), square)
    box = feature.dialog.projector
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert feature.dialog.projector.isChecked()
    qtbot.waitUntil(lambda: drawn(view.viewport().grab().toImage(), square), timeout=WAIT_MS)
    qtbot.mouseClick(feature.dialog.end, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not drawn(view.viewport().grab().toImage(), square), timeout=WAIT_MS)


def test_calls_posted_from_other_threads_run_on_the_gui_thread_in_order(qtbot) -> None:
    poster = Poster()
    ran: list[tuple[int, int, bool]] = []
    gui = threading.get_ident()

    def work(worker: int) -> None:
        for k in range(200):
            poster.post(lambda k=k: ran.append((worker, k, threading.get_ident() == gui)))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    qtbot.waitUntil(lambda: len(ran) == 800, timeout=WAIT_MS)
    assert all(on_gui for _w, _k, on_gui in ran)
    for worker in range(4):
        assert [k for w, k, _g in ran if w == worker] == list(range(200))
