"""File ▸ Import…: a Mermaid journey or a persona or journey table added to the open project as
one undoable step (or made into a new project when none is open), the new journey shown.

The importers and the merge are the command line's (personamap/interop/); the editor applies
the merge's difference as one op (interop/merge_ops.py). A file that cannot be imported says
why in a plain-text box naming the file and the line; when only some lines of a journey are
bad, the box offers to import the rest and then lists the lines it skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from ..interop.merge_ops import merge_ops
from ..io import EXTENSION
from ..model import EmotionScale, Project
from ..model.ops import OpError
from .actions import ActionSpec
from .dialogs import run_plain, show_error
from .interop_drop import FileDrop
from .interop_read import FILE_FILTER, MERMAID_SUFFIXES, ImportFailed, read_import

MAX_LISTED = 20
"""Skipped lines listed in the report; more are counted."""


class ImportFeature:
    """The Import action and the window's file drops; keeps the last dialogs for tests."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.file_dialog: QFileDialog | None = None
        self.report: QMessageBox | None = None
        window.actions.add(
            ActionSpec(
                "file.import",
                "&Import…",
                self.open_dialog,
                "Ctrl+Shift+I",
                tip="Add a Mermaid journey or a persona or journey table (CSV, Excel) to the project",
            )
        )
        before = window.actions.actions.get("file.import_data") or window.actions["file.close"]
        window.file_menu.insertAction(before, window.actions["file.import"])
        self.drop = FileDrop(window, self.open_or_import)
        window.tabs.view_created.connect(lambda view: self.drop.watch(view.viewport()))
        for view in window.tabs.views.values():
            self.drop.watch(view.viewport())

    # --- choosing a file ----------------------------------------------------------------

    def open_dialog(self) -> QFileDialog:
        doc = self.window.document
        start = str(doc.path.parent) if doc is not None and doc.path is not None else ""
        dialog = QFileDialog(self.window, "Import a journey or a table", start, FILE_FILTER)
        dialog.setObjectName("import_file_dialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.import_path(Path(name)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def open_or_import(self, path: Path) -> bool:
        """A dropped file: a project opens (unless it is the one open), anything else imports."""
        if path.suffix.lower() != EXTENSION:
            return self.import_path(path)
        doc = self.window.document
        if doc is not None and doc.path is not None and _same(doc.path, path):
            self.window.show_message(f"{path.name} is already open")
            return True
        return bool(self.window.open_path(path))

    # --- importing ----------------------------------------------------------------------

    def import_path(self, path: Path) -> bool:
        """Import `path` into the open project (or a new one); False when nothing was added."""
        result = self._read(path)
        if result is None:
            return False
        from ..interop.merge import merge, new_project

        doc = self.window.document
        if doc is None:
            merged = new_project(result, path.stem)
            new = _new_ids(Project(), merged)
            self.window.new_project(merged)
        else:
            merged = merge(doc.project, result)
            new = _new_ids(doc.project, merged)  # before the op adds them to doc.project
            try:
                doc.apply(merge_ops(doc.project, merged, f"Import {path.name}"))
            except OpError as exc:
                show_error(self.window, "Cannot import", f"{path.name} cannot be imported.", str(exc))
                return False
        boards = [b.id for b in merged.boards if b.id in new]
        if boards:
            self.window.tabs.show_board(boards[-1])
        self.window.show_message(f"Imported {_summary(merged, new)} from {path.name}")
        if result.warnings:
            self._report_skipped(path, result.warnings)
        return True

    def _read(self, path: Path) -> Any:
        doc = self.window.document
        scale = doc.project.settings.emotion_scale if doc is not None else EmotionScale()
        try:
            return read_import(path, scale)
        except ImportFailed as exc:
            error = str(exc)
        try:
            rest = (
                read_import(path, scale, skip_bad=True) if path.suffix.lower() in MERMAID_SUFFIXES else None
            )
        except ImportFailed:
            rest = None
        if rest is None or not rest.warnings:
            show_error(self.window, "Cannot import", f"{path.name} cannot be imported.", error)
            return None
        return rest if self._ask_skip(path, error, len(rest.warnings)) else None

    def _ask_skip(self, path: Path, error: str, bad: int) -> bool:
        lines = f"{bad} bad line" + ("s" if bad != 1 else "")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Cannot import every line",
            f"{path.name} has {lines}.",
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("import_bad_lines")
        box.setInformativeText(f"{error}\n\nImport the rest and list the lines skipped?")
        rest = box.addButton("Import the Rest", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        run_plain(box)
        return box.clickedButton() is rest

    def _report_skipped(self, path: Path, warnings: list[str]) -> None:
        """Not blocking: the import is done; the box says what it left out."""
        count = len(warnings)
        listed = warnings[:MAX_LISTED] + ([f"… and {count - MAX_LISTED} more"] if count > MAX_LISTED else [])
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Some lines were skipped",
            f"{count} line{'s' if count != 1 else ''} of {path.name} {'were' if count != 1 else 'was'} "
            "not imported.",
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("import_skipped")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n".join(listed))
        for label in box.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report = box
        box.open()


def _new_ids(before: Project, after: Project) -> set[str]:
    """Ids of the journeys, personas and boards `after` has and `before` had not."""

    def ids(project: Project) -> set[str]:
        return {e.id for kind in ("journeys", "personas", "boards") for e in getattr(project, kind)}

    return ids(after) - ids(before)


def _summary(merged: Project, new: set[str]) -> str:
    """Says "1 journey and 2 new personas": personas the file named that the project had are
    not new."""
    journeys = sum(j.id in new for j in merged.journeys)
    personas = sum(p.id in new for p in merged.personas)
    bits = [f"{journeys} journey" + ("s" if journeys != 1 else "")] if journeys else []
    if personas:
        bits.append(f"{personas} new persona" + ("s" if personas != 1 else ""))
    return " and ".join(bits) or "nothing new"


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def install(window: Any) -> ImportFeature:
    return ImportFeature(window)
