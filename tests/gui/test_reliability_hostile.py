"""Hostile text in every text field of the sample — markup, entities, a right-to-left
override, `<img src>` pointing at files — goes through the canvas, the inspector, tooltips,
list views, dialogs and the PDF, and is shown literally; no file it names is ever opened
(Python-level open() is recorded, and Linux inotify sees opens from Qt's C++ too)."""

from __future__ import annotations

import builtins
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from PySide6 import QtGui
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QTextEdit, QToolTip, QWidget

from personamap.export import export_pdf
from personamap.io import load, save
from personamap.io.reader import clean_loc
from personamap.model import Project
from personamap.model.integrity import problems
from personamap.ui.inspector.widgets import Section

from .fileaccess import OpenWatch
from .modal import answer_next_box

BOLD, AMP, RLO = "<b>bold</b>", "&amp;", "\u202eevil"
SKIP = {"id", "type", "color", "media_type", "data", "created", "modified", "format"}


def hostile_text(secret: Path) -> str:
    return f'<img src="/etc/passwd"> {BOLD} {AMP} <img src="{secret}"> {RLO}'


def _set(data: Any, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def hostile_project(project: Project, text: str) -> tuple[Project, int]:
    """Every free-text string of `project` replaced by `text`, except where the model refuses
    it (ids, enums, dates, colours, references); returns the project and how many fields."""
    data = project.model_dump(mode="json")
    originals: dict[tuple, str] = {}

    def walk(node: Any, path: tuple) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in list(items):
            if isinstance(value, str):
                if key in SKIP or (isinstance(key, str) and key.endswith(("_id", "_ids"))):
                    continue
                originals[(*path, key)] = value
                _set(data, (*path, key), text)
            else:
                walk(value, (*path, key))

    walk(data, ())
    for _ in range(20):
        try:
            result = Project.model_validate(data)
        except ValidationError as exc:
            bad = [clean_loc(err["loc"], data) for err in exc.errors()]
        else:
            bad = [p.loc for p in problems(result)]
            if not bad:
                return result, len(originals)
        for loc in bad:
            for path in [p for p in originals if p[: len(loc)] == tuple(loc) or tuple(loc)[: len(p)] == p]:
                _set(data, path, originals.pop(path))
    raise AssertionError("could not make a valid hostile project")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    path = tmp_path / "secret.png"
    assert image.save(str(path))
    return path


@pytest.fixture
def watch(secret: Path, monkeypatch: pytest.MonkeyPatch):
    """Records opens of the secret (inotify) and of /etc/passwd (Python open)."""
    try:
        inotify = OpenWatch(secret)
    except OSError as exc:
        pytest.skip(f"no inotify here: {exc}")
    python_opens: list[str] = []
    real_open = builtins.open

    def recording_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        name = str(file)
        if name == "/etc/passwd" or name == str(secret):
            python_opens.append(name)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", recording_open)
    yield inotify, python_opens
    inotify.close()


def test_the_watch_sees_a_rich_text_label_load_an_image(secret: Path, watch, qtbot) -> None:
    """The detector works: a label left in Qt's AutoText reads the file its text names."""
    inotify, _ = watch
    label = QLabel(f'<img src="{secret}">')
    qtbot.addWidget(label)
    label.grab()
    assert inotify.opened() > 0


def _render(widget: QWidget) -> None:
    widget.grab()
    QApplication.processEvents()


def _all_tooltips(window) -> list[tuple[object, str]]:
    tips = [(w, w.toolTip()) for w in window.findChildren(QWidget) if w.toolTip()]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(min(model.rowCount(), 200)):
            tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                tips.append((view, tip))
    for board_view in window.tabs.views.values():
        for item in board_view.board_scene.items():
            if item.toolTip():
                tips.append((board_view, item.toolTip()))
    return tips


def _check_widgets(window) -> int:
    """Labels plain, text edits literal, tooltips escaped (and shown, for the file watch)."""
    for label in window.findChildren(QLabel):
        if BOLD in label.text() or "<img" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    for edit in window.findChildren(QTextEdit):
        if "bold" in edit.toPlainText():
            assert BOLD in edit.toPlainText(), "typed markup stays text"
    checked = 0
    for owner, tip in _all_tooltips(window):
        if "bold" in tip:
            checked += 1
            assert not (QtGui.Qt.mightBeRichText(tip) and BOLD in tip), (owner, tip)
            QToolTip.showText(owner.mapToGlobal(QPoint(4, 4)), tip, owner)
            QApplication.processEvents()
            QToolTip.hideText()
    return checked


def test_hostile_text_everywhere_is_shown_literally(
    window, qtbot, secret: Path, tmp_path: Path, watch
) -> None:
    inotify, python_opens = watch
    text = hostile_text(secret)
    project, fields = hostile_project(load(window.document.path), text)
    assert fields >= 100, "the sample holds a lot of text"
    path = tmp_path / '<b>bold & <img src="x">.personamap'  # no "/" in a file name
    save(project, path)
    assert window.open_path(path)
    assert window.windowTitle().startswith('<b>bold & <img src="x">.personamap')
    inspector = window.features.get("inspector")
    shown_in_inspector = tips_checked = 0
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        view = window.tabs.current_view()
        view.zoom_to_fit()
        scene = view.board_scene
        image = QImage(1600, 1000, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        for item in list(scene.items_by_id.values()):
            scene.clearSelection()
            item.setSelected(True)
            QApplication.processEvents()
            if inspector is not None:
                for section in inspector.findChildren(Section):
                    section.expand()
                _render(inspector)
                labels = [lbl for lbl in inspector.findChildren(QLabel) if BOLD in lbl.text()]
                shown_in_inspector += len(labels)
                tips_checked += _check_widgets(window)
        _render(window)
    tips_checked += _check_widgets(window)
    assert tips_checked > 0, "some tooltips held user text"
    if inspector is not None:
        assert shown_in_inspector > 0, "the inspector showed some of the text"
    pdf = tmp_path / "hostile.pdf"
    export_pdf(window.document.project, pdf)
    from pypdf import PdfReader

    extracted = re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(pdf).pages))
    assert BOLD in extracted and AMP in extracted and '<img src="/etc/passwd">' in extracted
    assert inotify.opened() == 0, "Qt read the file named in hostile text"
    assert python_opens == []


def test_error_dialog_names_a_hostile_file_and_key_literally(
    window, secret: Path, tmp_path: Path, watch
) -> None:
    inotify, _ = watch
    data = json.loads(window.document.path.read_text(encoding="utf-8"))
    data[f'<img src="{secret}">'] = "<b>unknown</b>"
    bad = tmp_path / "<b>bold.personamap"
    bad.write_text(json.dumps(data), encoding="utf-8")
    seen = answer_next_box("OK")
    assert not window.open_path(bad)
    assert "<b>bold.personamap cannot be opened" in seen["text"]
    assert ': <img src="/tmp/' in seen["informative"] and "…: unknown field" in seen["informative"]
    assert all(f == Qt.TextFormat.PlainText for f in seen["formats"])
    assert inotify.opened() == 0
