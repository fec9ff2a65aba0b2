"""The window as a user first meets it: open the sample, boards as tabs, move a card, undo,
save, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint

from personamap.canvas.items.persona_card import PersonaCardItem
from personamap.io import load

from .conftest import drag, item_center


def test_sample_opens_with_a_tab_per_board(window) -> None:
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert names == [b.name for b in window.document.project.boards]
    assert window.windowTitle().startswith("sample.personamap")


def test_drag_a_card_then_undo_then_save_and_reopen(window, sample_file: Path) -> None:
    window.tabs.setCurrentIndex(0)
    view = window.tabs.current_view()
    view.zoom_actual()
    scene = view.board_scene
    card = next(i for i in scene.items_by_id.values() if isinstance(i, PersonaCardItem))
    view.centerOn(card)
    element = next(e for e in scene.board.elements if e.id == card.element_id)
    before = (element.x, element.y)
    start = item_center(view, card) + QPoint(0, 60)
    drag(view, start, start + QPoint(120, 40))
    element = next(e for e in scene.board.elements if e.id == card.element_id)
    assert (element.x, element.y) == (before[0] + 120, before[1] + 40)
    assert window.isWindowModified()
    assert window.document.undo_stack.undoText().startswith("Move")
    window.document.undo_stack.undo()
    element = next(e for e in scene.board.elements if e.id == card.element_id)
    assert (element.x, element.y) == before
    assert card.pos().x() == before[0]
    window.document.undo_stack.redo()
    assert window.files.save()
    reopened = load(sample_file)
    moved = next(e for b in reopened.boards for e in b.elements if e.id == card.element_id)
    assert (moved.x, moved.y) == (before[0] + 120, before[1] + 40)
    assert not window.isWindowModified()
