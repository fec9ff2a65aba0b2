"""The inspector's evidence bar counts single fields too: citing the persona's role from its
sources button, as a person does, moves the bar and its sentence."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QProgressBar

from personamap.canvas.target import Target
from personamap.model.lifecycle import evidence_counts


def test_citing_a_single_field_moves_the_evidence_bar(window, qtbot) -> None:
    project = window.document.project
    persona = next(p for p in project.personas if p.role and not any(c.field == "role" for c in p.citations))
    dock = window.features["inspector"]
    dock.show_target(Target("persona", persona.id))
    form = dock.form
    lifecycle = form.sections["lifecycle"]
    bar = lifecycle.findChild(QProgressBar)
    text = next(label for label in lifecycle.findChildren(QLabel) if "cite a source" in label.text())
    cited, citable = evidence_counts(persona)
    assert bar.value() == round(100 * cited / citable)
    assert f"{cited} of {citable} filled-in fields and entries cite a source" in text.text()
    sources = form.fields["role#sources"]
    menu = sources.menu
    menu.popup(sources.button.mapToGlobal(QPoint(0, sources.button.height())))
    menu.setActiveAction(menu.actions()[-1])
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert [c.field for c in persona.citations].count("role") == 1
    assert evidence_counts(persona) == (cited + 1, citable)
    assert bar.value() == round(100 * (cited + 1) / citable)
    assert f"{cited + 1} of {citable} filled-in fields" in text.text()
    window.undo_action.trigger()
    assert bar.value() == round(100 * cited / citable)
