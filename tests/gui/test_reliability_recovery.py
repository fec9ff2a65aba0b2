"""The restore dialog after a crash, driven by its buttons: restore (a modified document with
its original path, saving asks if the original changed since), save elsewhere, discard,
decide later. Titles and paths come from disk, so they are shown as plain text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from personamap.io import load, save
from personamap.io.autosave import Session, default_root
from personamap.io.disk import Fingerprint
from personamap.model import Persona, Project
from personamap.resources import sample_path
from personamap.ui.main_window import MainWindow
from personamap.ui.reliability import recovery

HOSTILE = '<img src="/etc/passwd"> <b>bold</b> &amp; \u202eevil'


def dead_session(project: Project, original: Path | None) -> Session:
    """A session whose instance died: snapshots written, lock let go."""
    session = Session(default_root())
    disk = Fingerprint.of(original) if original else None
    extra = {"disk": disk.to_json() if disk else None}
    session.snapshot(session.new_document_key(), project, original, extra)
    session.release()
    return session


def open_window(qtbot) -> MainWindow:
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def dialog_of(win: MainWindow, qtbot):
    feature = win.features["reliability"]
    qtbot.waitUntil(lambda: feature.recovery_dialog is not None and feature.recovery_dialog.isVisible())
    return feature.recovery_dialog


@pytest.fixture
def original(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.personamap"
    path.write_bytes(sample_path().read_bytes())
    return path


def crashed_edit(original: Path) -> Project:
    project = load(original)
    project.title = HOSTILE
    project.personas.append(Persona(name="Added before the crash"))
    return project


def test_restore_opens_the_snapshot_modified_with_its_path(qtbot, original: Path) -> None:
    edited = crashed_edit(original)
    dead_session(edited, original)
    win = open_window(qtbot)
    dialog = dialog_of(win, qtbot)
    (row,) = dialog.rows
    texts = [label.text() for label in row.findChildren(QLabel)]
    assert HOSTILE in texts, "the title, literally"
    details = next(t for t in texts if "Autosaved" in t)
    assert str(original) in details and f"{len(edited.personas)} personas" in details
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in dialog.findChildren(QLabel))
    qtbot.mouseClick(row.restore, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), "all decided: the dialog closes"
    doc = win.document
    assert doc.project == edited and doc.path == original and doc.is_modified
    assert win.windowTitle().startswith("workshop.personamap")
    session = win.features["reliability"].hub.session
    assert Session(default_root()).recoverable() == [], "adopted into the running session"
    adopted = session.folder / doc.autosave_key
    assert adopted.is_dir()
    assert win.files.save(), "the original did not change: no question"
    assert load(original) == doc.project
    assert not adopted.exists(), "saved: the snapshots go"


def test_saving_over_an_original_changed_since_the_snapshot_asks(
    qtbot, original: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dead_session(crashed_edit(original), original)
    other = load(original)
    other.title = "Changed by a colleague meanwhile"
    save(other, original)
    asked: list[str] = []
    monkeypatch.setattr(
        "personamap.ui.files.ask_disk_conflict", lambda _w, name: asked.append(name) or "cancel"
    )
    win = open_window(qtbot)
    qtbot.mouseClick(dialog_of(win, qtbot).rows[0].restore, Qt.MouseButton.LeftButton)
    assert not win.files.save()
    assert asked == ["workshop.personamap"]
    assert load(original).title == "Changed by a colleague meanwhile" and win.document.is_modified
    monkeypatch.setattr("personamap.ui.files.ask_disk_conflict", lambda *_a: "overwrite")
    assert win.files.save()
    assert load(original).title == HOSTILE


def test_save_elsewhere_and_discard(qtbot, original: Path, tmp_path: Path, monkeypatch) -> None:
    first = Project(title="Kept elsewhere", personas=[Persona(name="A")])
    second = Project(title="Not wanted")
    dead_session(first, None)
    dead_session(second, original)
    target = tmp_path / "rescued"
    monkeypatch.setattr(
        "personamap.ui.reliability.recovery.QFileDialog.getSaveFileName", lambda *_a: (str(target), "")
    )
    win = open_window(qtbot)
    dialog = dialog_of(win, qtbot)
    rows = {row.item.title: row for row in dialog.rows}
    qtbot.mouseClick(rows["Kept elsewhere"].save_elsewhere, Qt.MouseButton.LeftButton)
    assert load(target.with_suffix(".personamap")) == first
    assert rows["Kept elsewhere"].status.text() == "Saved as rescued.personamap"
    assert dialog.isVisible()
    qtbot.mouseClick(rows["Not wanted"].discard, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert win.document is None, "nothing was restored"
    assert Session(default_root()).recoverable() == []
    assert load(original).title != "Not wanted", "the original was never touched"


def test_decide_later_keeps_everything(qtbot) -> None:
    dead_session(Project(title="Later"), None)
    win = open_window(qtbot)
    dialog = dialog_of(win, qtbot)
    qtbot.mouseClick(dialog.later, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    (item,) = Session(default_root()).recoverable()
    assert item.title == "Later"


def test_second_restore_opens_another_window(qtbot) -> None:
    dead_session(Project(title="One"), None)
    dead_session(Project(title="Two"), None)
    win = open_window(qtbot)
    dialog = dialog_of(win, qtbot)
    for row in dialog.rows:
        qtbot.mouseClick(row.restore, Qt.MouseButton.LeftButton)
    (extra,) = [w for w in recovery._extra_windows if w is not win]
    qtbot.addWidget(extra, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    assert {win.document.project.title, extra.document.project.title} == {"One", "Two"}
    assert extra.document.is_modified and extra.document.path is None
    assert "reliability" in extra.features and extra.features["reliability"].recovery_dialog is None


def test_a_live_session_is_not_offered(qtbot) -> None:
    alive = Session(default_root())
    alive.snapshot(alive.new_document_key(), Project(title="Still running"), None)
    win = open_window(qtbot)
    qtbot.wait(50)
    assert win.features["reliability"].recovery_dialog is None
    alive.close()


def test_orphaned_temp_files_in_the_autosave_root_are_cleaned(qtbot) -> None:
    session = dead_session(Project(title="Orphans"), None)
    doc_folder = next(p for p in session.folder.iterdir() if p.is_dir())
    orphans = [
        default_root() / ".x.personamap.0123456789ab.tmp",
        doc_folder / ".a.personamap.ba9876543210.tmp",
    ]
    for orphan in orphans:
        orphan.write_bytes(b"half a snapshot")
        os.utime(orphan, (0, 0))
    open_window(qtbot)
    assert not any(o.exists() for o in orphans)
