"""File ▸ Export… as a person uses it: open it from the menu, choose a format and options,
export, open the folder; cancel a long PDF; and the live board is left exactly as it was."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication

from personamap.canvas.items.persona_card import PersonaCardItem
from personamap.export.pdf import render as pdf_module
from personamap.model.board import Connector
from personamap.ui import export_dialog

from .conftest import click, item_center

LEFT = Qt.MouseButton.LeftButton


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(parent, title, suggested, filters):
        asked.append(suggested)
        return str(path), filters

    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def _open(window, qtbot):
    action = next(a for a in window.file_menu.actions() if a.objectName() == "file.export")
    assert action.shortcut().toString() == "Ctrl+E"
    labels = [a.objectName() for a in window.file_menu.actions()]
    assert labels.index("file.export") < labels.index("file.close")
    action.trigger()
    dialog = window.features["export"].dialog
    qtbot.waitExposed(dialog)
    return dialog


def _row(dialog, starts: str) -> int:
    return next(k for k, p in enumerate(dialog.products) if p.label.startswith(starts))


def _image(path: Path) -> QImage:
    QImageReader.setAllocationLimit(0)
    return QImage(str(path))


def test_export_the_board_as_png_then_open_its_folder(window, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "out" / "personas.png"
    target.parent.mkdir()
    asked = _save_to(monkeypatch, target)
    opened: list[QUrl] = []
    monkeypatch.setattr(export_dialog.QDesktopServices, "openUrl", staticmethod(opened.append))
    dialog = _open(window, qtbot)
    qtbot.mouseClick(dialog.format_group.button(1), LEFT)  # PNG
    assert dialog.fmt() == "png"
    dialog.what.setCurrentRow(_row(dialog, "Board “Personas”"))
    dialog.dpi.selectAll()
    qtbot.keyClicks(dialog.dpi, "100")
    assert dialog.dpi.value() == 100
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert asked and asked[0].endswith(".png")
    assert target.exists()
    board = window.document.project.boards[0]
    shown = [e for e in board.elements if not isinstance(e, Connector)]
    w = max(e.x + e.w for e in shown) - min(e.x for e in shown)
    h = max(e.y + e.h for e in shown) - min(e.y for e in shown)
    image = _image(target)
    assert (image.width(), image.height()) == (round((w + 48) * 100 / 96), round((h + 48) * 100 / 96))
    assert "Exported personas.png" in dialog.status.text()
    assert dialog.open_folder.isVisible()
    qtbot.mouseClick(dialog.open_folder, LEFT)
    assert [u.toLocalFile() for u in opened] == [str(target.parent)]


def test_exporting_the_selection_leaves_the_live_board_alone(window, qtbot, tmp_path, monkeypatch) -> None:
    view = window.tabs.current_view()
    scene = view.board_scene
    card = next(i for i in scene.items_by_id.values() if isinstance(i, PersonaCardItem))
    click(view, item_center(view, card))
    selected = scene.selected_ids()
    assert selected == [card.element_id]
    items_before = len(scene.items())
    ids_before = set(scene.items_by_id)
    undo_before = window.document.undo_stack.count()
    target = tmp_path / "selection.png"
    _save_to(monkeypatch, target)
    dialog = _open(window, qtbot)
    assert dialog.product().label == "Selection (1 element)"  # chosen for you when there is one
    dialog.set_format("png")
    dialog.dpi.setValue(96)
    qtbot.mouseClick(dialog.export_button, LEFT)
    image = _image(target)
    w, h = card.size()
    assert (image.width(), image.height()) == (round(w + 48), round(h + 48))
    assert scene.selected_ids() == selected and card.isSelected()
    assert len(scene.items()) == items_before and set(scene.items_by_id) == ids_before
    assert window.document.undo_stack.count() == undo_before
    assert not window.document.is_modified
    dialog.set_format("pdf")  # a selection has no PDF: shown, but not exportable
    assert not dialog.export_button.isEnabled()
    assert not (dialog.what.item(dialog.what.currentRow()).flags() & Qt.ItemFlag.ItemIsEnabled)


def test_a_persona_poster_pdf_from_the_dialog(window, qtbot, tmp_path, monkeypatch) -> None:
    target = tmp_path / "priya.pdf"
    _save_to(monkeypatch, target)
    dialog = _open(window, qtbot)
    dialog.set_format("pdf")
    dialog.what.setCurrentRow(_row(dialog, "Persona poster — Priya"))
    dialog.page_size.setCurrentText("A3")
    dialog.update_preview()
    assert "A3 portrait" in dialog.caption.text() and "approximate" in dialog.caption.text()
    assert not dialog.preview.pixmap().isNull()
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.runner.running, timeout=20000)
    pages = PdfReader(target).pages  # a full persona continues on a second A3 page
    assert f"Exported {len(pages)} page" in dialog.status.text(), dialog.status.text()
    page = pages[0]
    assert abs(float(page.mediabox.width) - 297 / 25.4 * 72) < 1


def test_cancel_a_long_pdf_leaves_no_file(window, qtbot, tmp_path, monkeypatch) -> None:
    real_page = pdf_module._page

    def slow_page(*args: object) -> None:
        time.sleep(0.25)
        real_page(*args)

    monkeypatch.setattr(pdf_module, "_page", slow_page)
    target = tmp_path / "everything.pdf"
    _save_to(monkeypatch, target)
    dialog = _open(window, qtbot)
    dialog.set_format("pdf")
    dialog.what.setCurrentRow(_row(dialog, "Everything"))
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert dialog.runner.running and dialog.close_button.text() == "Cancel"
    qtbot.waitUntil(lambda: dialog.progress.value() >= 1, timeout=10000)
    qtbot.mouseClick(dialog.close_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.runner.running, timeout=10000)
    QApplication.processEvents()
    assert "cancelled" in dialog.status.text()
    assert list(tmp_path.glob("*.pdf")) == [] and not list(tmp_path.glob(".personamap-export-*"))
    assert dialog.isVisible() and dialog.close_button.text() == "Close"


def test_a_board_poster_tiled_from_the_dialog(window, qtbot, tmp_path, monkeypatch) -> None:
    """Boards offer the tiling choice as journeys do, and the chosen grid is what prints."""
    target = tmp_path / "board.pdf"
    _save_to(monkeypatch, target)
    dialog = _open(window, qtbot)
    dialog.set_format("pdf")
    dialog.what.setCurrentRow(_row(dialog, "Board “Personas”"))
    dialog.page_size.setCurrentText("A2")
    assert dialog.tile.isEnabled()
    dialog.tile.setCurrentIndex(dialog.tile.findData("2x1"))
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.runner.running, timeout=20000)
    assert len(PdfReader(target).pages) == 2, dialog.status.text()
