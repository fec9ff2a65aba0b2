"""Hostile files opened in the editor (issue 13): a file whose embedded image claims
12000×12000 pixels opens, the image is a placeholder and a warning names it; a file with a
date at the calendar's end is refused with its place and the open project stays; a save
from the editor removes the temp files of saves killed earlier."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from personamap.canvas.items.simple import ImageElementItem
from personamap.model.ops import SetField
from personamap.model.project import Asset

from .modal import answer_next_box

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
from hostile_corpus import GOLDEN, png


def _choose_in_open_dialog(monkeypatch, path: Path) -> None:
    monkeypatch.setattr("personamap.ui.files.QFileDialog.getOpenFileName", lambda *_a: (str(path), ""))


def _warning_box() -> QMessageBox | None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    return next((b for b in boxes if b.objectName() == "refused_images"), None)


def test_a_huge_embedded_image_opens_as_a_placeholder_with_a_warning(window, qtbot, tmp_path, monkeypatch):
    data = json.loads(GOLDEN.read_text("utf-8"))
    data["assets"][0].update(
        name="giant scan", media_type="image/png", data=Asset.encode(png(12_000, 12_000, True))
    )
    path = tmp_path / "huge.personamap"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    _choose_in_open_dialog(monkeypatch, path)
    window.actions["file.open"].trigger()
    qtbot.waitUntil(lambda: _warning_box() is not None)
    box = _warning_box()
    assert box is not None
    assert "1 image" in box.text() and "giant scan" in box.informativeText()
    assert "12000×12000" in box.informativeText()
    box.accept()
    assert window.document.path == path.resolve()
    scene = window.tabs.current_view().board_scene
    images = [item for item in scene.items_by_id.values() if isinstance(item, ImageElementItem)]
    assert images and all(item.image.isNull() for item in images)  # drawn as "Image unavailable"


def test_a_date_at_the_calendar_end_is_refused_and_the_open_project_stays(window, tmp_path, monkeypatch):
    before = window.document
    data = json.loads(GOLDEN.read_text("utf-8"))
    data["personas"][0]["lifecycle"]["last_reviewed"] = "9999-12-31"
    path = tmp_path / "edge.personamap"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    _choose_in_open_dialog(monkeypatch, path)
    seen = answer_next_box("OK")
    window.actions["file.open"].trigger()
    assert seen["title"] == "Cannot open project"
    assert (
        "personas[0].lifecycle.last_reviewed: must be a date from 1900-01-01 to 2999-12-31"
        in seen["informative"]
    )
    assert window.document is before


def test_saving_in_the_editor_removes_temp_files_of_killed_saves(window, sample_file):
    orphan = sample_file.with_name(".sample.personamap.0123456789ab.tmp")
    orphan.write_bytes(b"x" * 100_000)
    os.utime(orphan, (0, 0))
    window.document.apply(SetField(("title",), "Saved after a crash"))
    window.actions["file.save"].trigger()
    assert not orphan.exists()
    assert not window.document.is_modified
