"""Message boxes that always show user text as plain text (docs/RELIABILITY.md pitfall 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(detail)
    return box


def run_plain(box: QMessageBox) -> int:
    """Exec a box after forcing every label in it to plain text (the informative text too)."""
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box.exec()


def show_error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Warning, title, text, detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    run_plain(box)


def ask_save_changes(parent: QWidget | None, name: str) -> QMessageBox.StandardButton:
    """Save / Discard / Cancel for a document with unsaved changes."""
    box = _box(parent, QMessageBox.Icon.Question, "Unsaved changes", f"Save the changes to “{name}”?")
    box.setInformativeText("Your changes will be lost if you don't save them.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(run_plain(box))
