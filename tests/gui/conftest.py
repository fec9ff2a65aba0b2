"""GUI test helpers: a window on the sample, and mouse gestures as a person makes them.

`qtbot.mouseMove` does not carry a held button (pytest-qt #260, #428), so drags send
QMouseEvents with the button held through `drag()`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QWidget

from personamap.canvas.view import BoardView
from personamap.io import load
from personamap.resources import sample_path
from personamap.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def _send(
    widget: QWidget,
    kind: QEvent.Type,
    pos: QPointF,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
    modifiers: Qt.KeyboardModifier = NO_MOD,
) -> None:
    global_pos = QPointF(widget.mapToGlobal(pos.toPoint()))
    event = QMouseEvent(kind, pos, global_pos, button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def press(view: BoardView, pos: QPoint, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
    _send(view.viewport(), QEvent.Type.MouseButtonPress, QPointF(pos), LEFT, LEFT, modifiers)


def move_held(view: BoardView, pos: QPoint, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
    _send(view.viewport(), QEvent.Type.MouseMove, QPointF(pos), Qt.MouseButton.NoButton, LEFT, modifiers)


def release(view: BoardView, pos: QPoint, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
    _send(
        view.viewport(),
        QEvent.Type.MouseButtonRelease,
        QPointF(pos),
        LEFT,
        Qt.MouseButton.NoButton,
        modifiers,
    )


def drag(
    view: BoardView, start: QPoint, end: QPoint, steps: int = 8, modifiers: Qt.KeyboardModifier = NO_MOD
) -> None:
    """Press at `start`, move there with the button held in a few steps, release at `end`."""
    press(view, start, modifiers)
    for i in range(1, steps + 1):
        t = i / steps
        move_held(
            view,
            QPoint(
                round(start.x() + (end.x() - start.x()) * t), round(start.y() + (end.y() - start.y()) * t)
            ),
            modifiers,
        )
    release(view, end, modifiers)
    QApplication.processEvents()


def scene_to_view(view: BoardView, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def item_center(view: BoardView, item: QGraphicsItem) -> QPoint:
    return view.mapFromScene(item.sceneBoundingRect().center())


def click(view: BoardView, pos: QPoint, modifiers: Qt.KeyboardModifier = NO_MOD) -> None:
    press(view, pos, modifiers)
    release(view, pos, modifiers)
    QApplication.processEvents()


def double_click(view: BoardView, pos: QPoint) -> None:
    press(view, pos)
    release(view, pos)
    _send(view.viewport(), QEvent.Type.MouseButtonDblClick, QPointF(pos), LEFT, LEFT)
    release(view, pos)
    QApplication.processEvents()


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    target = tmp_path / "sample.personamap"
    target.write_bytes(sample_path().read_bytes())
    return target


@pytest.fixture
def window(qtbot, sample_file: Path) -> Iterator[MainWindow]:
    """The editor, shown at a fixed size, with the sample open from a private copy."""
    win = MainWindow()
    # pytest-qt closes the window before this fixture's teardown: discard first, or a test
    # that ends with unsaved edits blocks on the "Save changes?" box.
    qtbot.addWidget(win, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(sample_file)
    yield win
    if win.document is not None:
        win.document.undo_stack.setClean()
    win.close()


def reopen(path: Path):
    return load(path)
