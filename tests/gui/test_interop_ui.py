"""Interop in the editor as a person uses it: File ▸ Import… with the path typed into the file
dialog, files dropped on the window, and the Export dialog's Mermaid, Markdown, HTML and CSV
shares written by the command line's engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

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
