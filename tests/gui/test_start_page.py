"""The start page as a person sees it: recent files with name, folder and date (missing ones
left out, a line instead of an empty box when there are none), template descriptions in
full, and the sample one double-click away."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QLocale, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QListWidget, QListWidgetItem

from personamap.resources import list_templates, sample_path
from personamap.ui.main_window import MainWindow

from .conftest import double_click


@pytest.fixture
def start(qtbot):
    win = MainWindow()
    qtbot.addWidget(win, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    # Qt reads the settings folder once per process, so earlier tests' recent files linger
    win.files.clear_recent()
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def double_click_row(widget: QListWidget, item: QListWidgetItem) -> None:
    QApplication.processEvents()  # rows laid out at the list's current width
    double_click(widget, widget.visualItemRect(item).center())  # type: ignore[arg-type]


def rows(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_with_no_recent_files_a_line_says_where_they_will_appear(start) -> None:
    page = start.start_page
    assert page.recent_list.count() == 0 and page.recent_list.isHidden()
    assert page.no_recent.isVisible() and "open or save" in page.no_recent.text()


def test_recent_files_show_name_folder_and_date_and_open_on_double_click(
    start, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "research, 2026"
    folder.mkdir()
    first, second, gone = (
        folder / "Onboarding.personamap",
        tmp_path / "<b>bold<i> plan.personamap",
        tmp_path / "x.personamap",
    )
    for path in (first, second, gone):
        path.write_bytes(sample_path().read_bytes())
    os.utime(first, (1_767_000_000, 1_767_000_000))
    for path in (gone, first, second):  # File ▸ Open, as a person does, three times
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, p=path, **k: (str(p), ""))
        start.actions["file.open"].trigger()
        assert start.document.path == path.resolve()
    gone.unlink()
    start.actions["file.close"].trigger()
    page = start.start_page
    assert start.stack.currentWidget() is page
    when = QLocale().toString(QDateTime.fromSecsSinceEpoch(1_767_000_000), "d MMM yyyy, HH:mm")
    assert rows(page.recent_list) == [
        f"{second.name}\n{tmp_path.resolve()}\nSaved {_saved(second)}",
        f"{first.name}\n{folder.resolve()}\nSaved {when}",
    ]
    assert page.recent_list.isVisible() and not page.no_recent.isVisible()
    # the list is as tall as its rows: no empty box under them
    assert page.recent_list.height() <= sum(page.recent_list.sizeHintForRow(i) for i in range(2)) + 4
    double_click_row(page.recent_list, page.recent_list.item(1))
    assert start.document is not None and start.document.path == first.resolve()


def _saved(path: Path) -> str:
    when = QDateTime.fromSecsSinceEpoch(int(path.stat().st_mtime))
    return QLocale().toString(when, "d MMM yyyy, HH:mm")


def test_template_descriptions_are_shown_in_full(start) -> None:
    page = start.start_page
    templates = page.template_list
    assert rows(templates) == [f"{t.title}\n{t.description}" for t in list_templates()]
    metrics = QFontMetrics(templates.font())
    width = templates.viewport().width() - 20
    longest = max(range(templates.count()), key=lambda i: len(list_templates()[i].description))
    wrapped = metrics.boundingRect(
        QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), list_templates()[longest].description
    )
    assert wrapped.height() > metrics.lineSpacing(), "the longest description needs two lines here"
    row = templates.visualItemRect(templates.item(longest))
    assert row.height() >= metrics.lineSpacing() + wrapped.height() + 20
    assert row.width() >= width


def test_the_sample_is_shown_with_its_description_and_opens_as_a_copy(start) -> None:
    page = start.start_page
    (text,) = rows(page.sample_list)
    title, description = text.split("\n")
    assert title.startswith("Ledgerly") and description.startswith("Sample project.")
    assert page.sample_list.isVisible()
    double_click_row(page.sample_list, page.sample_list.item(0))
    assert start.document is not None and start.document.path is None
    assert start.document.project.title == title
