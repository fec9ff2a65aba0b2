"""The lint's thresholds in the project inspector: typed as percent, stored as a share, one
undoable edit each, saved with the file, and the lint follows them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from personamap.insights.lint import lint
from personamap.io import load
from personamap.ui.inspector.project_form import ProjectForm

from .conftest import click, scene_to_view

CTRL = Qt.KeyboardModifier.ControlModifier


def _project_form(window) -> ProjectForm:
    window.tabs.setCurrentIndex(0)
    view = window.tabs.current_view()
    click(view, scene_to_view(view, -5000, -5000))
    form = window.features["inspector"].form
    assert isinstance(form, ProjectForm)
    return form


def _type(qtbot, spin, text: str) -> None:
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_thresholds_are_edited_as_percent_and_undone_in_one_step(window, qtbot, sample_file: Path) -> None:
    form = _project_form(window)
    project = window.document.project
    assert (form.low_evidence.spin.value(), form.overlap.spin.value(), form.max_primary.spin.value()) == (
        50,
        60,
        5,
    )
    stack = window.document.undo_stack
    depth = stack.count()
    _type(qtbot, form.low_evidence.spin, "95")
    assert project.settings.lint.low_evidence == 0.95
    assert stack.count() == depth + 1
    today = dt.date(2026, 11, 22)
    assert "low-evidence" in {f.rule for f in lint(window.document.project, today)}
    _type(qtbot, form.max_primary.spin, "2")
    assert window.document.project.settings.lint.max_primary == 2
    assert "too-many-primary" in {f.rule for f in lint(window.document.project, today)}
    stack.undo()
    assert window.document.project.settings.lint.max_primary == 5
    assert form.max_primary.spin.value() == 5
    assert window.files.save()
    assert load(sample_file).settings.lint.low_evidence == 0.95
