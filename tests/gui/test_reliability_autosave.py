"""Autosave wired into the window: snapshots a moment after edits stop (and at most
MAX_WAIT_S after the first unsnapshotted edit under steady editing), on focus loss and at
quit, only when something changed, never over the user's file, forgotten after a save or a
discard; untitled documents too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from personamap.io import load
from personamap.io.autosave import MAX_WAIT_S, Session, default_root
from personamap.model import Project
from personamap.model.ops import SetField
from personamap.ui.main_window import MainWindow

FAST_MS = 50


def feature(window):
    return window.features["reliability"]


def snapshots(window) -> list[Path]:
    tracker = feature(window).autosave
    folder = tracker.hub.session.folder / tracker.document.autosave_key
    return sorted(folder.glob("*.personamap"))


def retitle(window, title: str) -> None:
    window.document.apply(SetField(("title",), title))


def test_snapshot_after_edits_stop_not_over_the_users_file(window, qtbot, sample_file: Path) -> None:
    original = sample_file.read_bytes()
    tracker = feature(window).autosave
    tracker.debounce.delay = FAST_MS / 1000
    assert tracker.hub.session.folder.parent == default_root()
    retitle(window, "Edited once")
    retitle(window, "Edited twice")
    assert snapshots(window) == [], "not while edits keep coming"
    qtbot.waitUntil(lambda: len(snapshots(window)) == 1, timeout=3000)
    assert load(snapshots(window)[-1]).title == "Edited twice"
    assert sample_file.read_bytes() == original, "never over the user's file"
    qtbot.wait(3 * FAST_MS)
    assert len(snapshots(window)) == 1, "no new snapshot without a new edit"


def test_steady_editing_snapshots_within_the_max_wait(window, qtbot) -> None:
    """Twelve edits a second apart on a fake clock: the snapshot does not wait for a pause."""
    tracker = feature(window).autosave
    now = [5000.0]
    tracker.clock = lambda: now[0]
    first_snapshot_at = None
    for second in range(12):
        retitle(window, f"Edit {second}")
        qtbot.wait(5)
        if first_snapshot_at is None and snapshots(window):
            first_snapshot_at = second
        now[0] += 1.0
    assert first_snapshot_at is not None, "steady editing never paused, yet work was snapshotted"
    assert first_snapshot_at <= MAX_WAIT_S
    (snap,) = snapshots(window)
    assert load(snap).title == f"Edit {first_snapshot_at}"
    # What a kill -9 now would lose: only the edits made after that snapshot.
    assert 11 - first_snapshot_at < MAX_WAIT_S
    assert tracker.timer.isActive(), "the edits after the snapshot have their own deadline"


def test_snapshot_on_focus_loss_and_forgotten_after_save(window, sample_file: Path) -> None:
    retitle(window, "Before the coffee break")
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    (snap,) = snapshots(window)
    assert load(snap).title == "Before the coffee break"
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    assert len(snapshots(window)) == 1, "unchanged since the last snapshot"
    folder = snap.parent
    assert window.files.save()
    assert not folder.exists(), "a save makes the snapshots unnecessary"
    assert load(sample_file).title == "Before the coffee break"


def test_untitled_documents_are_snapshotted_too(window) -> None:
    window.files.set_document(None)
    window.new_project(Project(title="Fresh"))
    assert window.document.path is None
    retitle(window, "Untitled but precious")
    path = feature(window).autosave.snapshot_now()
    assert path is not None and load(path).title == "Untitled but precious"
    (item,) = _recoverable_after_release(window)
    assert item.original_path is None and item.title == "Untitled but precious"


def _recoverable_after_release(window):
    """What another instance would find if this one died now."""
    session = feature(window).autosave.hub.session
    session.release()
    try:
        return Session(session.root).recoverable()
    finally:
        window.document.undo_stack.setClean()


def test_discard_on_close_forgets_the_snapshots(window, monkeypatch) -> None:
    retitle(window, "Thrown away")
    snap = feature(window).autosave.snapshot_now()
    assert snap is not None and snap.exists()
    monkeypatch.setattr(
        "personamap.ui.files.ask_save_changes", lambda *_a: QMessageBox.StandardButton.Discard
    )
    window.actions["file.close"].trigger()
    assert window.document is None
    assert not snap.parent.exists()


def test_undo_back_to_the_saved_state_forgets(window) -> None:
    retitle(window, "Oops")
    snap = feature(window).autosave.snapshot_now()
    window.document.undo_stack.undo()
    assert not window.document.is_modified
    assert not snap.parent.exists()


def test_quit_keeps_unsaved_work_and_clean_quit_leaves_nothing(qtbot, sample_file: Path) -> None:
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    win.open_path(sample_file)
    hub = feature(win).hub
    retitle(win, "Unsaved at quit")
    hub.finish()  # what QApplication.aboutToQuit does
    (item,) = Session(hub.root).recoverable()
    assert item.load().title == "Unsaved at quit"
    assert item.original_path == sample_file.resolve()


def test_last_window_closed_cleanly_removes_the_session(qtbot, sample_file: Path) -> None:
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    win.open_path(sample_file)
    session = feature(win).hub.session
    retitle(win, "Saved before closing")
    feature(win).autosave.snapshot_now()
    assert win.files.save()
    win.close()
    qtbot.waitUntil(lambda: not session.folder.exists(), timeout=2000)
    assert feature(win).hub.finished
