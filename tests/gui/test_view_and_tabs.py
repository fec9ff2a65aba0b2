"""The infinite canvas and the board tabs, driven as a person drives them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from personamap.io import load

from .conftest import LEFT, _send, drag


def wheel(view, pos: QPoint, delta: int, modifiers: Qt.KeyboardModifier) -> None:
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_wheel_zooms_under_the_mouse_and_plain_wheel_scrolls(window) -> None:
    view = window.tabs.current_view()
    view.zoom_actual()
    spot = QPoint(300, 200)
    under = view.mapToScene(spot)
    wheel(view, spot, 120, Qt.KeyboardModifier.ControlModifier)
    assert abs(view.zoom() - 1.25) < 1e-6
    after = view.mapToScene(spot)
    assert abs(after.x() - under.x()) < 2 and abs(after.y() - under.y()) < 2, (
        "the point under the mouse stays"
    )
    assert window.zoom_label.text() == "125%"
    before = view.verticalScrollBar().value()
    wheel(view, spot, -120, Qt.KeyboardModifier.NoModifier)
    assert view.verticalScrollBar().value() > before
    assert abs(view.zoom() - 1.25) < 1e-6


def test_zoom_actions_and_limits(window) -> None:
    view = window.tabs.current_view()
    window.actions["view.zoom_100"].trigger()
    assert view.zoom() == 1.0
    window.actions["view.zoom_in"].trigger()
    assert abs(view.zoom() - 1.25) < 1e-6
    for _ in range(40):
        window.actions["view.zoom_out"].trigger()
    assert abs(view.zoom() - 0.05) < 1e-6, "zoom stops at 5 %"
    window.actions["view.zoom_fit"].trigger()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(view.board_scene.itemsBoundingRect())


def test_space_drag_and_middle_button_pan(window, qtbot) -> None:
    view = window.tabs.current_view()
    view.zoom_actual()
    view.setFocus()
    start = view.mapToScene(view.viewport().rect().center())
    qtbot.keyPress(view, Qt.Key.Key_Space)
    drag(view, QPoint(400, 300), QPoint(300, 250))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    moved = view.mapToScene(view.viewport().rect().center())
    assert round(moved.x() - start.x()) == 100 and round(moved.y() - start.y()) == 50
    assert not view.board_scene.selectedItems(), "panning selects nothing"
    middle = Qt.MouseButton.MiddleButton
    _send(view.viewport(), QEvent.Type.MouseButtonPress, QPointF(400, 300), middle, middle)
    _send(view.viewport(), QEvent.Type.MouseMove, QPointF(450, 300), Qt.MouseButton.NoButton, middle)
    _send(view.viewport(), QEvent.Type.MouseButtonRelease, QPointF(450, 300), middle, Qt.MouseButton.NoButton)
    again = view.mapToScene(view.viewport().rect().center())
    assert round(again.x() - moved.x()) == -50
    assert LEFT  # the helpers' button constant stays importable for other tests


def test_snap_to_grid_moves_in_grid_steps(window) -> None:
    window.actions["view.snap"].trigger()
    view = window.tabs.current_view()
    scene = view.board_scene
    assert scene.snap_to_grid
    view.zoom_actual()
    item = next(i for i in scene.element_items() if i.resizable)
    view.centerOn(item)
    start = view.mapFromScene(item.sceneBoundingRect().center())
    drag(view, start, start + QPoint(13, 5))
    element = next(e for e in scene.board.elements if e.id == item.element_id)
    assert element.x % 8 == 0 and element.y % 8 == 0


def test_boards_add_rename_reorder_delete_with_undo(window, monkeypatch, sample_file) -> None:
    project = window.document.project
    names = [b.name for b in project.boards]
    window.actions["board.add"].trigger()
    assert [b.name for b in project.boards] == [*names, f"Board {len(names) + 1}"]
    assert window.tabs.tabText(window.tabs.count() - 1) == f"Board {len(names) + 1}"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Workshop wall", True))
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    window.actions["board.rename"].trigger()
    assert project.boards[-1].name == "Workshop wall"
    window.tabs.tabBar().moveTab(window.tabs.count() - 1, 0)
    assert project.boards[0].name == "Workshop wall"
    assert window.tabs.tabText(0) == "Workshop wall"
    window.tabs.setCurrentIndex(0)
    window.actions["board.delete"].trigger()
    assert [b.name for b in project.boards] == names
    window.document.undo_stack.undo()
    assert project.boards[0].name == "Workshop wall"
    assert window.tabs.tabText(0) == "Workshop wall"
    assert window.files.save()
    assert load(sample_file).boards[0].name == "Workshop wall"
