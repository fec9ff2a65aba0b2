"""Long list entries in the inspector wrap instead of being cut: a person types a long goal,
sees all of it on several lines, and Enter still adds it as one line of text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from personamap.io import load

from .test_inspector import CTRL, _dock, _select_card, _stack

LONG = "Close the books in two days without chasing anyone for receipts, even at the end of the quarter"


def test_a_long_goal_wraps_and_stays_one_line_of_text(window, qtbot, sample_file: Path) -> None:
    dock = _dock(window)
    if not dock.isVisible():
        dock.toggleViewAction().trigger()  # View ▸ Inspector
    assert dock.isVisible()
    card, form = _select_card(window)
    persona = window.document.project.persona(card.persona_id)
    goals = form.persona_form.lists["goals"]
    qtbot.mouseClick(goals.add_button, Qt.MouseButton.LeftButton)
    pending = goals.pending
    assert pending is not None
    qtbot.waitUntil(pending.isVisible)
    one_line = pending.height()
    qtbot.keyClicks(pending, LONG)
    assert pending.height() > one_line  # the new line grows as the text wraps
    qtbot.keyClick(pending, Qt.Key.Key_Return)
    assert persona.goals[-1].text == LONG
    assert _stack(window).undoText() == "Add goal"
    qtbot.keyClick(goals.pending, Qt.Key.Key_Escape)

    edit = goals.rows[persona.goals[-1].id].focus_widget
    QApplication.processEvents()
    assert edit.isVisible() and edit.width() < edit.fontMetrics().horizontalAdvance(LONG)
    spacing = edit.fontMetrics().lineSpacing()
    assert edit.height() >= 2 * spacing  # shown on several lines, not cut at the edge
    assert edit.toPlainText() == LONG

    # pasting text with line breaks keeps the entry one line; Enter applies it
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    mime = QMimeData()
    mime.setText("Pay suppliers\non time")
    edit.insertFromMimeData(mime)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert persona.goals[-1].text == "Pay suppliers on time"
    assert _stack(window).undoText() == "Edit goal"
    assert window.files.save()
    assert load(sample_file).persona(card.persona_id).goals[-1].text == "Pay suppliers on time"
