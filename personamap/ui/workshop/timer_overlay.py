"""The workshop timer in Qt: a wrapper that ticks the Qt-free Countdown and says when time is
up, and the large overlay the present view draws in its top-right corner.

Only the facilitator's windows control it (the editor's Workshop menu and the present
window's keys); the end is a beep (silenceable) and a flash, since PySide6-Essentials has no
QtMultimedia.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QApplication

from ...model.workshop_timer import Countdown, Phase
from ...style import PROJECTOR_BODY_PX

TICK_MS = 200
PHASE_COLORS: dict[Phase, tuple[str, str]] = {  # (fill, text)
    Phase.READY: ("#1F2328", "#FFFFFF"),
    Phase.RUNNING: ("#1F2328", "#FFFFFF"),
    Phase.PAUSED: ("#57606A", "#FFFFFF"),
    Phase.LAST_MINUTE: ("#E69F00", "#000000"),  # amber (Okabe–Ito orange)
    Phase.LAST_SECONDS: ("#D55E00", "#FFFFFF"),  # vermillion
    Phase.FINISHED: ("#C62828", "#FFFFFF"),
}
PHASE_WORDS = {
    Phase.READY: "ready — Space starts",
    Phase.PAUSED: "paused",
    Phase.LAST_MINUTE: "last minute",
    Phase.LAST_SECONDS: "last seconds",
    Phase.FINISHED: "time is up",
}


class WorkshopTimer(QObject):
    """Countdown + a QTimer; `changed` on every visible change, `finished` once at the end."""

    changed = Signal()
    finished = Signal()
    controlled = Signal()  # set, started, paused, a minute added or reset (not every tick)

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.countdown = Countdown(clock)
        self.sound = True
        self.flash_until = 0.0
        self._last = ""
        self._qtimer = QTimer(self)
        self._qtimer.setInterval(TICK_MS)
        self._qtimer.timeout.connect(self.tick)

    @property
    def clock(self) -> Callable[[], float]:
        return self.countdown.clock

    def set_minutes(self, minutes: float) -> None:
        self.countdown.set(minutes * 60)
        self._after_control()

    def toggle(self) -> None:
        self.countdown.toggle()
        self._after_control()

    def add_minute(self) -> None:
        self.countdown.add(60)
        self._after_control()

    def reset(self) -> None:
        self.countdown.reset()
        self._after_control()

    def _after_control(self) -> None:
        if self.countdown.running:
            self._qtimer.start()
        self._last = ""
        self.tick()
        self.controlled.emit()

    def tick(self) -> None:
        """Called by the QTimer (and by tests after moving the fake clock)."""
        ended = self.countdown.poll()
        if ended:
            self.flash_until = self.clock() + 3.0
            if self.sound:
                QApplication.beep()
            self.finished.emit()
        flashing = self.flashing()
        state = f"{self.countdown.label()}|{self.countdown.phase()}|{flashing and int(self.clock() * 3) % 2}"
        if state != self._last:
            self._last = state
            self.changed.emit()
        if not self.countdown.running and not flashing and self._qtimer.isActive():
            self._qtimer.stop()

    def flashing(self) -> bool:
        return self.clock() < self.flash_until


def timer_rect(viewport_w: float, viewport_h: float) -> QRectF:
    """Top right; the digits are about a tenth of the screen height (~100 px on 1080p)."""
    h = max(PROJECTOR_BODY_PX * 3.2, viewport_h * 0.12)
    w = h * 2.9
    pad = max(16.0, viewport_h * 0.02)
    return QRectF(viewport_w - w - pad, pad, w, h)


def paint_timer(painter: QPainter, timer: WorkshopTimer, viewport_w: float, viewport_h: float) -> None:
    """The time in big digits on a pill whose colour is the phase; a flash inverts it."""
    c = timer.countdown
    phase = c.phase()
    if phase == Phase.IDLE:
        return
    fill, ink = PHASE_COLORS.get(phase, PHASE_COLORS[Phase.RUNNING])
    if timer.flashing() and int(timer.clock() * 3) % 2:
        fill, ink = ink, fill
    rect = timer_rect(viewport_w, viewport_h)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#FFFFFF"), 3))
    back = QColor(fill)
    back.setAlpha(235)
    painter.setBrush(back)
    painter.drawRoundedRect(rect, rect.height() * 0.22, rect.height() * 0.22)
    digits = QFont()
    digits.setPixelSize(round(rect.height() * 0.62))
    digits.setBold(True)
    digits.setStyleHint(QFont.StyleHint.Monospace)
    painter.setFont(digits)
    painter.setPen(QColor(ink))
    words = PHASE_WORDS.get(phase, "")
    digit_rect = rect.adjusted(0, 0, 0, -rect.height() * (0.24 if words else 0))
    painter.drawText(digit_rect, Qt.AlignmentFlag.AlignCenter, c.label())
    if words:
        small = QFont()
        small.setPixelSize(round(max(PROJECTOR_BODY_PX * 0.8, rect.height() * 0.17)))
        painter.setFont(small)
        painter.drawText(
            rect.adjusted(0, rect.height() * 0.68, 0, -rect.height() * 0.04),
            Qt.AlignmentFlag.AlignCenter,
            words,
        )
    painter.restore()
