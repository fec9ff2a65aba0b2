"""Find as a person uses it: Ctrl+F, type, Enter / F3 / Shift+F3 through the matches across
boards, each selected and framed; Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from personamap.model.find import search

from .test_editing import CTRL, _board, activate, key

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _visible(view, rect) -> bool:
    return view.mapToScene(view.viewport().rect()).boundingRect().contains(rect.center())


def test_find_walks_matches_across_boards_and_frames_each(window, qtbot) -> None:
    view, _scene = _board(window, "Personas")
    bar = window.features["editing"].find
    key(window, view, qtbot, Qt.Key.Key_F, CTRL)
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "PRIYA")
    expected = search(window.document.project, "priya")
    assert len(expected) > 3
    assert bar.count.text() == f"{len(expected)} matches"
    boards_seen = []
    for n, match in enumerate(expected, start=1):
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
        assert bar.count.text() == f"{n} of {len(expected)}"
        current = window.tabs.current_view()
        scene = current.board_scene
        assert scene.board_id == match.board_id
        item = scene.items_by_id[match.element_id]
        chosen = scene.selectedItems()
        assert len(chosen) == 1
        assert chosen[0] is item or chosen[0] in item.childItems() or item.isAncestorOf(chosen[0])
        assert _visible(current, chosen[0].sceneBoundingRect())
        boards_seen.append(scene.board.name)
    assert boards_seen[0] == "Personas" and {"Personas", "Journeys", "Empathy"} <= set(boards_seen)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)  # wraps to the first
    assert bar.count.text() == f"1 of {len(expected)}"
    activate(window, window.tabs.current_view())
    key(window, window.tabs.current_view(), qtbot, Qt.Key.Key_F3, SHIFT)  # previous: wraps to the last
    assert bar.count.text() == f"{len(expected)} of {len(expected)}"
    assert window.tabs.current_view().board_scene.board_id == expected[-1].board_id
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_is_accent_insensitive_and_reports_no_match(window, qtbot) -> None:
    _view, _scene = _board(window, "Empathy")
    bar = window.features["editing"].find
    window.actions["edit.find"].trigger()
    qtbot.keyClicks(bar.field, "tomas")
    assert bar.matches and all("Tom" in m.text for m in bar.matches[:1])
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.tabs.current_view().board_scene.board.name == "Personas"
    bar.field.clear()
    qtbot.keyClicks(bar.field, "zzzz-nothing")
    assert bar.count.text() == "No matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "No matches"


def test_find_follows_edits(window, qtbot) -> None:
    view, scene = _board(window, "Personas")
    bar = window.features["editing"].find
    window.actions["edit.find"].trigger()
    qtbot.keyClicks(bar.field, "Negative persona")
    assert len(bar.matches) == 1
    note = next(e for e in scene.board.elements if e.type == "note" and "Negative persona" in e.text)
    window.actions["edit.find_next"].trigger()
    assert scene.selected_ids() == [note.id]
    activate(window, view)
    key(window, view, qtbot, Qt.Key.Key_Delete)
    window.actions["edit.find_next"].trigger()
    assert bar.count.text() == "No matches"
