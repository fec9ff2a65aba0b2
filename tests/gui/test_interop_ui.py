"""Interop in the editor as a person uses it: File ▸ Import… with the path typed into the file
dialog, files dropped on the window, and the Export dialog's Mermaid, Markdown, HTML and CSV
shares written by the command line's engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from personamap.ui import export_dialog

LEFT = Qt.MouseButton.LeftButton


# --- File ▸ Export… shares ------------------------------------------------------------------


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(parent, title, suggested, filters):
        asked.append(suggested)
        return str(path), filters

    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def _export_dialog(window, qtbot):
    window.actions["file.export"].trigger()
    dialog = window.features["export"].dialog
    qtbot.waitExposed(dialog)
    return dialog


def _choose(dialog, qtbot, fmt: str, label_start: str) -> None:
    qtbot.mouseClick(dialog.findChild(export_dialog.QRadioButton, f"format_{fmt}"), LEFT)
    assert dialog.fmt() == fmt
    row = next(k for k, p in enumerate(dialog.products) if p.label.startswith(label_start))
    dialog.what.setCurrentRow(row)
    dialog.update_preview()


def _enabled(dialog) -> list[str]:
    return [
        p.label
        for k, p in enumerate(dialog.products)
        if dialog.what.item(k).flags() & Qt.ItemFlag.ItemIsEnabled
    ]


def test_markdown_share_of_every_persona_from_the_export_dialog(window, qtbot, tmp_path, monkeypatch) -> None:
    project = window.document.project
    target = tmp_path / "personas.md"
    asked = _save_to(monkeypatch, target)
    dialog = _export_dialog(window, qtbot)
    _choose(dialog, qtbot, "markdown", "Persona deck")
    enabled = _enabled(dialog)
    assert not any(label.startswith("Board") for label in enabled)  # shares hold personas and journeys
    assert any(label.startswith("Journey map") for label in enabled)
    preview = dialog.pane.text
    assert preview.isVisible() and not dialog.pane.image.isVisible()
    assert f"### {project.personas[0].name}" in preview.toPlainText()  # the text itself, plain
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert asked and asked[0].endswith(".md")
    written = target.read_text(encoding="utf-8")
    assert all(p.name in written for p in project.personas)
    assert "Exported personas.md" in dialog.status.text()
    assert dialog.open_folder.isVisible()
    _choose(dialog, qtbot, "png", "Board")  # a picture format shows the picture again
    assert dialog.pane.image.isVisible() and not preview.isVisible()


def test_mermaid_csv_and_html_shares_of_a_journey(window, qtbot, tmp_path, monkeypatch) -> None:
    from personamap.interop.mermaid import import_mermaid
    from personamap.interop.tables import import_table

    project = window.document.project
    journey = project.journeys[1]
    dialog = _export_dialog(window, qtbot)

    _save_to(monkeypatch, tmp_path / "journey.mmd")
    _choose(dialog, qtbot, "mermaid", f"Journey map — {journey.title}")
    assert not any(label.startswith("Persona") for label in _enabled(dialog))  # Mermaid draws journeys
    assert dialog.pane.text.toPlainText().startswith("journey")
    qtbot.mouseClick(dialog.export_button, LEFT)
    back = import_mermaid((tmp_path / "journey.mmd").read_text(encoding="utf-8")).project_part.journeys
    assert [j.title for j in back] == [journey.title]
    assert [s.name for s in back[0].steps()] == [s.name for s in journey.steps()]

    _save_to(monkeypatch, tmp_path / "journey.csv")
    _choose(dialog, qtbot, "csv", f"Journey map — {journey.title}")
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert (tmp_path / "journey.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8
    table = import_table(tmp_path / "journey.csv").project_part.journeys[0]
    assert [s.name for s in table.steps()] == [s.name for s in journey.steps()]

    _save_to(monkeypatch, tmp_path / "handbook")  # no suffix typed: the format's is added
    _choose(dialog, qtbot, "html", "Everything")
    assert dialog.pane.image.isVisible() and "browser" in dialog.caption.text()
    qtbot.mouseClick(dialog.export_button, LEFT)
    page = (tmp_path / "handbook.html").read_text(encoding="utf-8")
    for name in [p.name for p in project.personas] + [j.title for j in project.journeys]:
        assert name in page
    assert "Exported handbook.html" in dialog.status.text()


# --- File ▸ Import… and drops -----------------------------------------------------------------

JOURNEY = """---
title: Onboarding at Ledgerly
---
journey
  %% the three first days of a new finance clerk
  section Day one
    Get the invitation: 4: Clerk
    Set a password: 2: Clerk, IT admin
  section Day two
    Scan the first receipt:5:Clerk
    Priya approves it: 3: Priya Raman
"""


def _dump(project) -> dict:
    return project.model_dump(mode="json", exclude={"modified"})


def _type_into_file_dialog(window, qtbot, path: Path) -> None:
    """File ▸ Import…, which opens in the project's folder; the file's name typed into the
    dialog's name field, and Return pressed once the dialog has found the file."""
    action = window.actions["file.import"]
    names = [a.objectName() for a in window.file_menu.actions()]
    assert names.index("file.open") < names.index("file.import") < names.index("file.export")
    action.trigger()
    dialog = window.features["interop"].file_dialog
    qtbot.waitExposed(dialog)
    assert Path(dialog.directory().path()) == window.document.path.parent == path.parent
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    qtbot.keyClicks(name, path.name)
    accept = dialog.findChild(QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Open)
    qtbot.waitUntil(accept.isEnabled)  # the folder's listing loads in the background
    qtbot.keyClick(name, Qt.Key.Key_Return)


def test_import_a_mermaid_journey_from_the_menu_as_one_undo_step(window, qtbot, tmp_path) -> None:
    source = tmp_path / "onboarding.mmd"
    source.write_text(JOURNEY, encoding="utf-8")
    doc = window.document
    before, steps = _dump(doc.project), doc.undo_stack.count()
    personas_before = {p.name for p in doc.project.personas}
    _type_into_file_dialog(window, qtbot, source)
    qtbot.waitUntil(lambda: len(doc.project.journeys) == 3)
    journey = doc.project.journeys[-1]
    assert journey.title == "Onboarding at Ledgerly"
    assert [s.name for s in journey.stages] == ["Day one", "Day two"]
    assert [s.name for s in journey.steps()] == [
        "Get the invitation",
        "Set a password",
        "Scan the first receipt",
        "Priya approves it",
    ]
    names = {p.id: p.name for p in doc.project.personas}
    assert {names[i] for i in journey.persona_ids} == {"Clerk", "IT admin", "Priya Raman"}
    assert {p.name for p in doc.project.personas} - personas_before == {"Clerk", "IT admin"}  # Priya is hers
    assert doc.undo_stack.count() == steps + 1 and doc.undo_stack.undoText() == "Import onboarding.mmd"
    board = doc.project.boards[-1]
    assert [e.map_id for e in board.elements] == [journey.id]  # shown on a board of its own
    assert window.tabs.current_view().board_scene.board_id == board.id
    assert "Imported 1 journey and 2 new personas from onboarding.mmd" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert _dump(doc.project) == before
    assert board.id not in window.tabs.pages
    window.redo_action.trigger()
    assert doc.project.journeys[-1].title == "Onboarding at Ledgerly"
