"""Zoomed far out on a big board, the view paints a cached picture instead of every item."""

from __future__ import annotations

from PySide6.QtGui import QColor

from personamap.canvas.overview import MIN_ITEMS
from personamap.canvas.scene import BoardScene
from personamap.canvas.view import BoardView
from personamap.document import Document
from personamap.model import Board, NoteColor, NoteElement, Project, TextElement, ops


def big_board(n: int = MIN_ITEMS + 100) -> Document:
    board = Board(
        elements=[
            NoteElement(x=(i % 50) * 200, y=(i // 50) * 140, w=160, h=100, text=f"n{i}", color=NoteColor.PINK)
            for i in range(n)
        ]
    )
    return Document(Project(boards=[board]))


def test_zoomed_out_frames_use_the_cached_picture_and_follow_edits(qtbot) -> None:
    document = big_board()
    scene = BoardScene(document, document.project.boards[0].id)
    view = BoardView(scene)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    view.zoom_actual()
    assert not view.overview.applies(view.zoom()), "at 100 % every item paints live"
    view.zoom_to_fit()
    assert view.overview.applies(view.zoom())
    first = view.viewport().grab().toImage()
    assert view.overview._image is not None
    pink = QColor("#FFD6E0")
    corner = view.mapFromScene(80, 50)
    assert first.pixelColor(corner).red() > 200 and abs(first.pixelColor(corner).green() - pink.green()) < 40
    element = document.project.boards[0].elements[0]
    document.apply(
        ops.update_element(document.project, document.project.boards[0].id, element.id, color="blue")
    )
    assert view.overview._image is None, "an edit invalidates the picture"
    after = view.viewport().grab().toImage()
    blue = after.pixelColor(corner)
    assert blue.blue() > blue.red(), "the redrawn picture shows the edit"


def test_small_boards_always_paint_live(qtbot) -> None:
    document = big_board(50)
    scene = BoardScene(document, document.project.boards[0].id)
    view = BoardView(scene)
    qtbot.addWidget(view)
    view.zoom_to_fit()
    view.set_zoom(0.05)
    assert not view.overview.applies(view.zoom())


def test_the_cached_picture_still_carries_the_boards_names(qtbot) -> None:
    board = big_board().project.boards[0]
    board.elements.append(TextElement(x=0, y=-120, w=3000, h=60, text="Research wall", size=28, bold=True))
    document = Document(Project(boards=[board]))
    scene = BoardScene(document, board.id)
    view = BoardView(scene)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    view.zoom_to_fit()
    assert view.overview.applies(view.zoom())
    view.viewport().grab()
    assert view.overview._image is not None, "the frame was the cached picture"
    assert [p.text for p in view.labels.placed] == ["Research wall"]
    assert view.labels.placed[0].px >= 11
