"""While presenting, the timer presets, the custom time and the vote set-up open on the
projector at its body size, big enough to read from the back of the room."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from personamap.style import PROJECTOR_BODY_PX
from personamap.ui.workshop.vote_controller import VoteSetupDialog

from .workshop_util import present

K = Qt.Key
INPUTS = (QLabel, QAbstractSpinBox, QComboBox, QPlainTextEdit, QAbstractButton)


def _readable(widget) -> bool:
    """Its text is at the projector's body size (children inherit the font)."""
    return widget.font().pixelSize() == round(PROJECTOR_BODY_PX)


def _answer(kind: type, seen: dict, accept: bool = False) -> QTimer:
    """Record the next modal dialog of `kind` when it shows, then close it."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            return
        timer.stop()
        fields = [w for w in dialog.findChildren(QWidget) if w.isVisible() and isinstance(w, INPUTS)]
        seen.update(
            dialog=dialog,
            parent=dialog.parentWidget(),
            readable=_readable(dialog) and all(_readable(w) for w in fields),
            line=min(QFontMetricsF(w.font()).height() for w in fields),
            width=dialog.width(),
        )
        dialog.accept() if accept else dialog.reject()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_timer_presets_and_custom_time_are_projector_sized(window, qtbot) -> None:
    workshop, win = present(window, qtbot)
    qtbot.keyClick(win.view, K.Key_T)
    menu = workshop.timer_popup
    qtbot.waitUntil(menu.isVisible)
    assert _readable(menu)
    five = next(a for a in menu.actions() if a.text() == "5 Minutes")
    assert menu.actionGeometry(five).height() >= PROJECTOR_BODY_PX
    custom = next(a for a in menu.actions() if "Custom" in a.text())
    seen: dict = {}
    keep = _answer(QInputDialog, seen, accept=True)
    custom.trigger()
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=3000)
    assert seen["parent"] is win, "asked on the projector, not on the facilitator's screen"
    assert seen["readable"] and seen["line"] >= PROJECTOR_BODY_PX
    assert workshop.timer.countdown.label() == "07:00"
    del keep


def test_vote_setup_is_projector_sized_while_presenting_only(window, qtbot) -> None:
    workshop, win = present(window, qtbot, board="Journeys")
    seen: dict = {}
    keep = _answer(VoteSetupDialog, seen)
    qtbot.keyClick(win.view, K.Key_V)
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=3000)
    assert seen["parent"] is win
    assert seen["readable"] and seen["line"] >= PROJECTOR_BODY_PX
    assert seen["width"] >= 20 * PROJECTOR_BODY_PX
    assert workshop.voting.session is None, "cancelled"
    qtbot.keyClick(win.view, K.Key_Escape)
    seen.clear()
    keep = _answer(VoteSetupDialog, seen)
    window.actions["workshop.vote_start"].trigger()
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=3000)
    assert seen["parent"] is window and not seen["readable"], "at the desk, a desktop-sized dialog"
    del keep
