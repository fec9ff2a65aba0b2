"""Projects in and out of the window: start page, templates, sample, open, save as, recent
files, closing with unsaved changes, dropping a file on the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from personamap.io import load
from personamap.model import ops
from personamap.ui import dialogs, files
from personamap.ui.main_window import MainWindow


@pytest.fixture
def empty_window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.document is not None:
        win.document.undo_stack.setClean()


def test_start_page_shows_templates_and_creates_from_one(empty_window, qtbot) -> None:
    win = empty_window
    assert win.stack.currentWidget() is win.start_page
    assert win.windowTitle() == "personamap"
    templates = win.start_page.template_list
    names = [templates.item(i).data(Qt.ItemDataRole.UserRole) for i in range(templates.count())]
    assert "blank" in names and "b2b-saas" in names
    templates.setCurrentRow(names.index("b2b-saas"))
    templates.itemActivated.emit(templates.currentItem())
    assert win.document is not None and win.document.path is None
    assert win.stack.currentWidget() is win.tabs
    assert len(win.document.project.personas) == 3
    assert win.windowTitle().startswith("Untitled")


def test_open_sample_from_start_page_is_an_untitled_copy(empty_window) -> None:
    win = empty_window
    win.start_page.open_sample()
    assert win.document.path is None
    assert len(win.document.project.personas) == 5
    assert win.tabs.count() == 3


def test_save_as_then_title_recent_and_reopen(empty_window, tmp_path: Path, monkeypatch) -> None:
    win = empty_window
    win.start_page.open_sample()
    doc = win.document
    doc.apply(ops.set_title(doc.project, "Renamed in a test"))
    assert win.isWindowModified()
    target = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    win.actions["file.save_as"].trigger()
    saved = tmp_path / "mine.personamap"
    assert saved.is_file(), "the extension is added"
    assert load(saved).title == "Renamed in a test"
    assert not win.isWindowModified()
    assert win.windowTitle().startswith("mine.personamap")
    assert win.files.recent_files()[0] == saved.resolve()
    assert win.start_page.recent_list.count() >= 1
    texts = [a.text() for a in win.recent_menu.actions()]
    assert str(saved.resolve()) in texts


def test_close_with_unsaved_changes_asks_and_cancel_keeps_the_document(
    empty_window,
    monkeypatch,
) -> None:
    win = empty_window
    win.start_page.open_sample()
    doc = win.document
    doc.apply(ops.set_title(doc.project, "Changed"))
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton):
        def ask(parent, name: str) -> QMessageBox.StandardButton:
            asked.append(name)
            return choice

        return ask

    monkeypatch.setattr(files, "ask_save_changes", answer(QMessageBox.StandardButton.Cancel))
    win.actions["file.close"].trigger()
    assert asked == ["Untitled"] and win.document is doc
    monkeypatch.setattr(files, "ask_save_changes", answer(QMessageBox.StandardButton.Discard))
    win.actions["file.close"].trigger()
    assert win.document is None
    assert win.stack.currentWidget() is win.start_page


def test_opening_a_bad_file_keeps_the_current_document(window, tmp_path: Path, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        files, "show_error", lambda parent, title, text, detail="": shown.append((text, detail))
    )
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text, detail="": shown.append((text, detail))
    )
    before = window.document
    bad = tmp_path / "bad.personamap"
    bad.write_text(
        '{"format": "personamap", "schema_version": 1, "personas": [{"name": 7}]}', encoding="utf-8"
    )
    assert not window.open_path(bad)
    assert window.document is before
    (text, detail) = shown[-1]
    assert "bad.personamap" in text and "personas[0].name" in detail


def test_dropping_a_project_file_on_the_window_opens_it(empty_window, sample_file: Path) -> None:
    win = empty_window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_file))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)
    QApplication.processEvents()
    assert win.document is not None and win.document.path == sample_file.resolve()


def test_the_start_page_stands_alone_and_the_docks_come_with_a_project(empty_window) -> None:
    from PySide6.QtWidgets import QDockWidget

    docks = empty_window.findChildren(QDockWidget)
    assert docks and not any(d.isVisible() for d in docks)
    empty_window.start_page.open_sample()
    insights = empty_window.features["insights"]  # advice, shown from View ▸ Insights
    assert all(d.isVisible() for d in docks if d is not insights) and not insights.isVisible()
