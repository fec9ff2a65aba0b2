"""Crashes: an unexpected exception writes an emergency snapshot and shows a plain dialog
instead of killing the app; a real app that dies mid-session (os._exit or SIGKILL) leaves
its last autosave, which the next start offers and restores; a live second instance is not
mistaken for a crash.

Runs: PERSONAMAP_SOAK=1 gives the full count of the issue (20 dying subprocesses), the
default run 3 (CRASH_RUNS)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from personamap.io import load
from personamap.io.autosave import Session, default_root
from personamap.model.ops import SetField
from personamap.ui.main_window import MainWindow
from personamap.ui.reliability import crash

SOAK = os.environ.get("PERSONAMAP_SOAK") == "1"
CRASH_RUNS = 20 if SOAK else 3


# --- the exception hook ---------------------------------------------------------------------


def test_unexpected_exception_snapshots_and_tells(window, monkeypatch: pytest.MonkeyPatch) -> None:
    guard = window.features["reliability"].guard
    handed_over: list[type] = []
    monkeypatch.setattr(guard, "previous", lambda kind, _e, _tb: handed_over.append(kind))
    monkeypatch.setattr(guard, "last_shown", 0.0)
    window.document.apply(SetField(("title",), '<img src="/etc/passwd"> unsaved'))
    try:
        raise ZeroDivisionError("<b>division</b> by zero")
    except ZeroDivisionError as exc:
        guard(type(exc), exc, exc.__traceback__)
    assert handed_over == [ZeroDivisionError], "the traceback still reaches stderr / the test"
    (snap,) = guard.snapshots
    assert load(snap).title == '<img src="/etc/passwd"> unsaved'
    box = guard.dialog
    assert box.isVisible() and not box.isModal()
    assert box.text().startswith("personamap hit a problem") and str(snap.parent.parent) in box.text()
    assert "ZeroDivisionError: <b>division</b> by zero" in box.informativeText()
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in box.findChildren(QLabel))
    assert window.isVisible() and window.document.is_modified, "the app keeps running"
    guard(RuntimeError, RuntimeError("again"), None)
    assert guard.dialog is box, "one dialog, not one per error"
    guard(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert handed_over == [ZeroDivisionError, RuntimeError, KeyboardInterrupt]
    box.close()


def test_the_hook_is_installed_once_and_chains(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda *_a: calls.append("previous"))
    guard = crash.install_hook()
    assert sys.excepthook is guard and crash.install_hook() is guard
    monkeypatch.setattr(guard, "handle", lambda *_a: 1 / 0)  # a broken guard still hands over
    sys.excepthook(ValueError, ValueError("x"), None)
    assert calls == ["previous"]


# --- a real app that dies --------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path
    from personamap.ui.app import make_application
    app = make_application()
    from personamap.model import Persona
    from personamap.model.ops import SetField, add_persona
    from personamap.ui.main_window import MainWindow
    path, title, how = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    win = MainWindow()
    win.show()
    assert win.open_path(path)
    tracker = win.features["reliability"].autosave
    tracker.timer.setInterval(100)
    doc = win.document
    doc.apply(SetField(("title",), "first edit"))
    doc.apply(add_persona(doc.project, Persona(name="Added before dying")))
    doc.apply(SetField(("title",), title))
    deadline = time.monotonic() + 20
    while tracker.last_snapshot is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print("snapshot" if tracker.last_snapshot else "no snapshot", flush=True)
    if how == "exit":
        os._exit(3)
    time.sleep(120)  # "kill" and "alive": the test decides
    """
)


def start_child(path: Path, title: str, how: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), title, how], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "snapshot"
    return proc


def new_window(qtbot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.mark.parametrize("run", range(CRASH_RUNS))
def test_app_dies_mid_session_and_the_next_start_restores(qtbot, sample_file: Path, run: int) -> None:
    how = "exit" if run % 2 else "kill"
    title = f"Workshop day {run} — <&> 🎉"
    proc = start_child(sample_file, title, how)
    if how == "kill":
        proc.send_signal(signal.SIGKILL)
    proc.wait(20)
    before = load(sample_file)
    win = new_window(qtbot)
    feature = win.features["reliability"]
    qtbot.waitUntil(lambda: feature.recovery_dialog is not None and feature.recovery_dialog.isVisible())
    (row,) = feature.recovery_dialog.rows
    assert row.item.original_path == sample_file.resolve()
    qtbot.mouseClick(row.restore, Qt.MouseButton.LeftButton)
    doc = win.document
    assert doc.project.title == title and doc.is_modified and doc.path == sample_file.resolve()
    assert [p.name for p in doc.project.personas][-1] == "Added before dying"
    assert len(doc.project.personas) == len(before.personas) + 1
    assert load(sample_file) == before, "the crash never touched the user's file"
    assert win.files.save()
    assert load(sample_file).title == title
    assert Session(default_root()).recoverable() == []


def test_a_live_second_instance_is_not_a_crash(qtbot, sample_file: Path) -> None:
    proc = start_child(sample_file, "Still being edited elsewhere", "alive")
    try:
        win = new_window(qtbot)
        qtbot.wait(100)
        assert win.features["reliability"].recovery_dialog is None
        assert win.features["reliability"].offer_recovery() is None
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(20)
    (item,) = Session(default_root()).recoverable()
    assert item.title == "Still being edited elsewhere", "once it is dead, it is offered"
    Session(default_root()).discard(item)
