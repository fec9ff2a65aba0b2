"""Interop in the editor as a person uses it: File ▸ Import… with the path typed into the file
dialog, files dropped on the window, and the Export dialog's Mermaid, Markdown, HTML and CSV
shares written by the command line's engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from personamap.ui import export_dialog

from .dnd import COPY, LEFT, NO_MOD, drop_on, empty_spot, file_mime
from .modal import answer_next_box


def drop_on_window(window, mime) -> bool:
    """Drag files over the window's edge (its status bar, no canvas below) and drop them."""
    target = window.statusBar()
    pos = target.rect().center()
    enter = QDragEnterEvent(pos, COPY, mime, LEFT, NO_MOD)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(pos, COPY, mime, LEFT, NO_MOD)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(QPointF(pos), COPY, mime, LEFT, NO_MOD)
    QApplication.sendEvent(target, drop)
    return move.isAccepted() and drop.isAccepted()


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
    assert dialog.caption.text().endswith("It holds 5 personas.")
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
    assert "It holds 5 personas and 2 journeys." in dialog.caption.text()
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


BAD = """journey
  title Returns
  section Send back
    Print the label: 3: Ana
    Drop the parcel: Hello: Ana
    Get the refund: 5: Ana
"""


def test_a_bad_line_is_named_and_the_rest_imports_when_asked(window, qtbot, tmp_path) -> None:
    source = tmp_path / "returns.mmd"
    source.write_text(BAD, encoding="utf-8")
    doc = window.document
    before = _dump(doc.project)
    seen = answer_next_box("Cancel")
    window.features["interop"].import_path(source)
    assert seen["name"] == "import_bad_lines" and "returns.mmd" in seen["text"]
    assert 'line 5: score "Hello" is not a number from 1 to 5' in seen["informative"]
    assert all(f == Qt.TextFormat.PlainText for f in seen["formats"])
    assert _dump(doc.project) == before  # cancelled: nothing added
    seen = answer_next_box("Import the Rest")
    window.features["interop"].import_path(source)
    journey = doc.project.journeys[-1]
    assert [s.name for s in journey.steps()] == ["Print the label", "Get the refund"]
    report = window.features["interop"].report
    assert report.objectName() == "import_skipped" and report.isVisible()
    assert "1 line of returns.mmd was not imported" in report.text()
    assert "line 5" in report.informativeText()
    report.accept()
    window.undo_action.trigger()
    assert _dump(doc.project) == before


def test_a_file_that_cannot_be_imported_says_why_and_changes_nothing(window, qtbot, tmp_path) -> None:
    table = tmp_path / "empty.csv"
    table.write_text("Name,Role\n", encoding="utf-8")
    before = _dump(window.document.project)
    seen = answer_next_box("OK")
    assert not window.features["interop"].import_path(table)
    assert seen["title"] == "Cannot import" and seen["text"] == "empty.csv cannot be imported."
    assert "only a header row" in seen["informative"]
    assert _dump(window.document.project) == before


def test_a_table_dropped_on_the_canvas_imports_its_personas(window, qtbot, tmp_path) -> None:
    table = tmp_path / "people.csv"
    table.write_text("Name,Role,Goals\nAna Costa,Buyer,Pay less | Pay later\nBo Li,Approver,\n", "utf-8")
    doc = window.document
    view = window.tabs.current_view()
    steps = doc.undo_stack.count()
    assert drop_on(view, file_mime(table), empty_spot(view))
    qtbot.waitUntil(lambda: doc.undo_stack.count() == steps + 1)
    ana = next(p for p in doc.project.personas if p.name == "Ana Costa")
    assert ana.role == "Buyer" and [g.text for g in ana.goals] == ["Pay less", "Pay later"]
    assert any(p.name == "Bo Li" for p in doc.project.personas)
    assert "2 new personas" in window.statusBar().currentMessage()


def test_dropped_journey_on_the_window_and_a_project_on_the_canvas(window, qtbot, tmp_path) -> None:
    source = tmp_path / "notes.md"
    source.write_text(
        f"# Our journey\n\nSome text.\n\n```mermaid\n{JOURNEY.split('---', 2)[2]}```\n", "utf-8"
    )
    doc = window.document
    count = len(doc.project.journeys)
    assert drop_on_window(window, file_mime(source))
    qtbot.waitUntil(lambda: len(doc.project.journeys) == count + 1)
    assert doc.project.journeys[-1].stages[0].name == "Day one"
    view = window.tabs.current_view()
    assert drop_on(view, file_mime(window.document.path), empty_spot(view))  # the open file itself
    qtbot.waitUntil(lambda: "is already open" in window.statusBar().currentMessage())
    assert window.document is doc
    other = tmp_path / "other" / "copy.personamap"
    other.parent.mkdir()
    other.write_bytes(window.document.path.read_bytes())
    window.document.undo_stack.setClean()  # no "save changes?" box when the other file opens
    view = window.tabs.current_view()
    assert drop_on(view, file_mime(other), empty_spot(view))
    qtbot.waitUntil(lambda: window.document.path == other.resolve())


def test_importing_with_no_project_open_makes_a_new_one(qtbot, tmp_path) -> None:
    from personamap.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    window.show()
    qtbot.waitExposed(window)
    assert window.document is None
    source = tmp_path / "onboarding.mermaid"
    source.write_text(JOURNEY, encoding="utf-8")
    assert drop_on_window(window, file_mime(source))
    qtbot.waitUntil(lambda: window.document is not None)
    project = window.document.project
    assert [j.title for j in project.journeys] == ["Onboarding at Ledgerly"]
    assert window.document.path is None  # a new, unsaved project
    assert window.tabs.current_view().board_scene.board_id == project.boards[0].id
