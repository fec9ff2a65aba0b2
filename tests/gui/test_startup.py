"""Opening the editor on a file: what is on screen is built at once and fits the window; the
rest (other boards, the start page, the workshop machinery, the inspector's forms, persona
templates) is built the first time a user reaches it, and then works as before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from personamap.ui.app import open_window
from personamap.ui.main_window import MainWindow

from .conftest import LEFT
from .workshop_util import activate


def _open(qtbot, path: Path | None) -> MainWindow:
    window = open_window(path)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


def _click_tab(qtbot, window: MainWindow, name: str) -> None:
    bar = window.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == name)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    QApplication.processEvents()


def test_only_the_board_on_screen_is_built_then_each_board_on_its_first_visit(qtbot, sample_file) -> None:
    window = _open(qtbot, sample_file)
    boards = window.document.project.boards
    assert list(window.tabs.views) == [boards[0].id]
    assert "start_page" not in window.__dict__
    assert "_machinery" not in window.features["workshop"].__dict__
    assert window.features["library"].personas.template_menu.actions() == []

    _click_tab(qtbot, window, boards[1].name)
    assert list(window.tabs.views) == [boards[0].id, boards[1].id]
    view = window.tabs.current_view()
    scene = view.board_scene
    assert scene.board_id == boards[1].id
    assert set(scene.items_by_id) >= {e.id for e in boards[1].elements}
    window.grab()  # a board seen for the first time shows all of itself
    assert view.mapToScene(view.viewport().rect()).boundingRect().contains(scene.itemsBoundingRect())


def test_a_camera_move_before_the_first_paint_wins_over_the_fit(qtbot, sample_file) -> None:
    window = _open(qtbot, sample_file)
    board = window.document.project.boards[2]
    window.tabs.show_board(board.id)  # as Find does on its way to a match
    view = window.tabs.view_for(board.id)
    item = view.board_scene.items_by_id[board.elements[0].id]
    view.frame(item.sceneBoundingRect())
    framed = view.zoom()
    QApplication.processEvents()  # the view shows and paints
    window.grab()
    assert view.isVisible()
    assert view.zoom() == framed


def test_the_board_fits_the_window_before_its_first_paint(qtbot, sample_file) -> None:
    window = _open(qtbot, sample_file)
    window.grab()
    view = window.tabs.current_view()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    board = view.board_scene.itemsBoundingRect()
    assert shown.contains(board), (shown, board)
    # fitted: the board spans the view in one direction (less a margin), not a corner of it
    assert max(board.width() / shown.width(), board.height() / shown.height()) > 0.85, (shown, board)


def test_a_board_built_later_takes_the_grid_and_snapping_the_user_chose(qtbot, sample_file) -> None:
    window = _open(qtbot, sample_file)
    grid, snap = window.actions["view.grid"], window.actions["view.snap"]
    first = window.tabs.current_view().board_scene
    grid.trigger()
    snap.trigger()
    assert (first.grid_visible, first.snap_to_grid) == (grid.isChecked(), snap.isChecked())
    _click_tab(qtbot, window, window.document.project.boards[2].name)
    later = window.tabs.current_view().board_scene
    assert later is not first
    assert (later.grid_visible, later.snap_to_grid) == (grid.isChecked(), snap.isChecked())


def test_with_no_file_the_start_page_shows(qtbot) -> None:
    window = _open(qtbot, None)
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.template_list.count() > 0
    assert all(not dock.isVisible() for dock in window.findChildren(type(window.features["inspector"])))


def test_the_workshop_builds_its_machinery_when_first_asked(qtbot, sample_file) -> None:
    window = _open(qtbot, sample_file)
    workshop = window.features["workshop"]
    window.actions["workshop.timer_5"].trigger()  # the timer needs no presenter
    assert "_machinery" not in workshop.__dict__
    view = window.tabs.current_view()
    activate(window, view)
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert workshop.presenting
    assert workshop.presenter.present.view.board_scene is view.board_scene
    qtbot.keyClick(workshop.presenter.present.view, Qt.Key.Key_Escape)
    assert not workshop.presenting
