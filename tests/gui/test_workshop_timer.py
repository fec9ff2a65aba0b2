"""The workshop timer: presets from T, Space starts and pauses, + adds a minute, the last
minute turns amber, the end fires `finished` — driven by a fake clock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from personamap.model.workshop_timer import Countdown, Phase
from personamap.ui.workshop.timer_overlay import PHASE_COLORS, timer_rect

from .workshop_util import present

K = Qt.Key


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_countdown_without_qt() -> None:
    clock = FakeClock()
    c = Countdown(clock)
    assert c.phase() == Phase.IDLE
    c.set(120)
    assert c.label() == "02:00" and c.phase() == Phase.READY
    c.start()
    clock.now += 30.2
    assert c.label() == "01:30" and c.phase() == Phase.RUNNING
    c.pause()
    clock.now += 500
    assert c.label() == "01:30" and c.phase() == Phase.PAUSED
    c.toggle()
    clock.now += 31
    assert c.phase() == Phase.LAST_MINUTE
    c.add(60)
    assert c.label() == "01:59"
    clock.now += 119
    assert c.phase() == Phase.FINISHED and c.poll() and not c.poll()
    c.add(60)  # a finished timer gets a fresh minute
    assert c.running and c.label() == "01:00"


def _pixel(win, phase_rect) -> QColor:
    image = win.view.viewport().grab().toImage()
    return image.pixelColor(int(phase_rect.left() + 12), int(phase_rect.center().y()))


def test_timer_from_keys_counts_down_turns_amber_and_ends(window, qtbot) -> None:
    workshop, win = present(window, qtbot)
    clock = FakeClock()
    timer = workshop.timer
    timer.countdown.clock = clock
    timer.sound = False
    qtbot.keyClick(win.view, K.Key_T)  # the presets pop up
    menu = workshop.timer_popup
    qtbot.waitUntil(menu.isVisible)
    five = next(a for a in menu.actions() if a.text() == "5 Minutes")
    five.trigger()
    menu.close()
    win.view.setFocus()
    assert timer.countdown.label() == "05:00" and timer.countdown.phase() == Phase.READY
    qtbot.keyClick(win.view, K.Key_Space)
    assert timer.countdown.running
    clock.now += 4 * 60 + 10
    timer.tick()
    assert timer.countdown.label() == "00:50"
    assert timer.countdown.phase() == Phase.LAST_MINUTE
    rect = timer_rect(win.view.viewport().width(), win.view.viewport().height())
    amber = QColor(PHASE_COLORS[Phase.LAST_MINUTE][0])
    seen = _pixel(win, rect)
    assert abs(seen.red() - amber.red()) < 30 and abs(seen.green() - amber.green()) < 30, seen.name()
    qtbot.keyClick(win.view, K.Key_Plus)  # one more minute
    assert timer.countdown.label() == "01:50"
    qtbot.keyClick(win.view, K.Key_Space)  # pause
    clock.now += 600
    timer.tick()
    assert timer.countdown.label() == "01:50"
    qtbot.keyClick(win.view, K.Key_Space)
    clock.now += 111
    with qtbot.waitSignal(timer.finished, timeout=1000):
        timer.tick()
    assert timer.countdown.phase() == Phase.FINISHED and timer.flashing()
    qtbot.keyClick(win.view, K.Key_M)  # silence the end sound
    assert not timer.sound
