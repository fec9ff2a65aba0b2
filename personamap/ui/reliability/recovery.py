"""After a crash: offer each document the dead instance left behind — restore it, save it
elsewhere, or discard it. Snapshots go only after a save or an explicit discard; closing the
dialog ("Decide Later") keeps them for the next start.

Everything shown comes from files on disk (titles, paths), so every label is plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...document import Document
from ...io import EXTENSION, ProjectFileError, save
from ...io.autosave import Recoverable
from ...io.disk import Fingerprint
from ..dialogs import show_error
from .hub import Hub

FILE_FILTER = f"personamap projects (*{EXTENSION});;All files (*)"
UNKNOWN_DISK = Fingerprint(-1, -1, "")
"""Stands for "we do not know what the original looked like": any file there differs."""

_extra_windows: list[Any] = []
"""Windows opened for a second restored document; kept alive until they close."""


def plain(text: str = "", name: str = "") -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def when(item: Recoverable) -> str:
    return f"{item.saved_at.astimezone():%d %b %Y, %H:%M}"


class RecoveryRow(QFrame):
    """One recoverable document with its three choices."""

    def __init__(self, item: Recoverable, act: Callable[[RecoveryRow, str], None]) -> None:
        super().__init__()
        self.item = item
        self.setObjectName("recoveryRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = plain(item.title or "Untitled project", "recoveryTitle")
        title.setStyleSheet("font-weight: 600;")
        where = f"From {item.original_path}" if item.original_path else "Never saved to a file"
        details = plain(f"{where}\nAutosaved {when(item)}\n{item.summary}", "recoveryDetails")
        self.status = plain("", "recoveryStatus")
        self.restore = QPushButton("Restore")
        self.save_elsewhere = QPushButton("Save Elsewhere…")
        self.discard = QPushButton("Discard")
        self.restore.setDefault(True)
        for button, action in (
            (self.restore, "restore"),
            (self.save_elsewhere, "save_elsewhere"),
            (self.discard, "discard"),
        ):
            button.clicked.connect(lambda _c=False, a=action: act(self, a))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.discard)
        buttons.addWidget(self.save_elsewhere)
        buttons.addWidget(self.restore)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(details)
        layout.addLayout(buttons)

    def done(self, status: str) -> None:
        for button in (self.restore, self.save_elsewhere, self.discard):
            button.setEnabled(False)
        self.status.setText(status)
        self.resolved = True

    resolved = False


class RecoveryDialog(QDialog):
    """Lists the documents; each row's buttons act at once. Closes when all are decided."""

    def __init__(self, parent: QWidget, items: list[Recoverable], recovery: Recovery) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle("Recover unsaved work")
        self.recovery = recovery
        heading = plain("personamap closed before these projects were saved.", "recoveryHeading")
        heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        hint = plain(
            "Their last autosaved versions are kept. Restore opens one as an unsaved project; "
            "Save Elsewhere writes it to a new file; Discard deletes the autosaved copy."
        )
        hint.setStyleSheet("color: palette(placeholder-text);")  # the theme's muted_text
        self.rows = [RecoveryRow(item, self._act) for item in items]
        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(8)
        for row in self.rows:
            rows.addWidget(row)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.later = QPushButton("Decide Later")
        self.later.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.later)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.resize(620, min(560, 170 + 130 * len(items)))
        if self.rows:
            self.rows[0].restore.setFocus()

    def _act(self, row: RecoveryRow, action: str) -> None:
        status = getattr(self.recovery, action)(row.item, self)
        if status:
            row.done(status)
        if all(r.resolved for r in self.rows):
            self.accept()


class Recovery:
    """What the buttons do, for one window of this instance."""

    def __init__(self, window: Any, hub: Hub) -> None:
        self.window = window
        self.hub = hub

    def restore(self, item: Recoverable, parent: QWidget | None = None) -> str:
        """Open the snapshot as a modified document with its original path; its snapshots
        move into this session until it is saved or discarded."""
        try:
            project = item.load()
        except ProjectFileError as exc:
            show_error(
                parent or self.window, "Cannot restore", "The autosaved copy cannot be read.", str(exc)
            )
            return ""
        target = self.window
        if target.document is not None:  # one window edits one document: open another
            target = type(self.window)()
            _extra_windows.append(target)
            target.destroyed.connect(
                lambda *_: _extra_windows.remove(target) if target in _extra_windows else None
            )
            target.show()
        key = self.hub.session.adopt(item)
        document = Document(project, item.original_path)
        document.autosave_key = key  # type: ignore[attr-defined]
        document.undo_stack.resetClean()  # unsaved until the user saves it
        target.files.set_document(document, disk=self._disk(item))
        target.raise_()
        return "Restored"

    @staticmethod
    def _disk(item: Recoverable) -> Fingerprint | None:
        """The original file as the crashed instance last knew it, so saving over a file that
        changed since asks first. Unknown but present: ask too."""
        path = item.original_path
        if path is None:
            return None
        known = Fingerprint.from_json(item.extra.get("disk"))
        if known is not None:
            return known
        return UNKNOWN_DISK if path.exists() else None

    def save_elsewhere(self, item: Recoverable, parent: QWidget | None = None) -> str:
        suggested = (
            str(item.original_path.with_name(item.original_path.stem + " (recovered)" + EXTENSION))
            if (item.original_path)
            else f"{item.title or 'Untitled'} (recovered){EXTENSION}"
        )
        name, _ = QFileDialog.getSaveFileName(
            parent or self.window, "Save recovered project as", suggested, FILE_FILTER
        )
        if not name:
            return ""
        path = Path(name)
        if path.suffix.lower() != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        try:
            save(item.load(), path)
        except ProjectFileError as exc:
            show_error(parent or self.window, "Cannot save", f"{path.name} was not saved.", str(exc))
            return ""
        self.hub.session.discard(item)
        return f"Saved as {path.name}"

    def discard(self, item: Recoverable, parent: QWidget | None = None) -> str:
        self.hub.session.discard(item)
        return "Discarded"
