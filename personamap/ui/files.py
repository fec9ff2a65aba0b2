"""The life of the open document: new, open, save, save as, recent files, close.

One window edits one document. A failed open keeps the current document; a failed save
leaves the document modified and says why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..document import Document
from ..io import EXTENSION, ProjectFileError, load
from ..model import Project
from .dialogs import ask_save_changes, show_error

RECENT_KEY = "recent_files"
MAX_RECENT = 10
FILE_FILTER = f"personamap projects (*{EXTENSION});;All files (*)"


class FileController(QObject):
    """Opens, saves and closes documents for one window."""

    document_changed = Signal(object)  # Document | None
    recent_changed = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.document: Document | None = None

    # --- opening ------------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.deleteLater()
        self.document = document
        if document is not None:
            document.setParent(self)
        self.document_changed.emit(document)

    def new_project(self, project: Project) -> None:
        if self.close_document():
            self.set_document(Document(project))

    def open_path(self, path: Path) -> bool:
        """Open a project file; on failure show why and keep what is open."""
        try:
            project = load(path)
        except ProjectFileError as exc:
            show_error(self._window, "Cannot open project", f"{path.name} cannot be opened.", str(exc))
            return False
        if not self.close_document():
            return False
        self.set_document(Document(project, path.resolve()))
        self.add_recent(path.resolve())
        return True

    def open_dialog(self) -> None:
        start = str(self.document.path.parent) if self.document and self.document.path else ""
        name, _ = QFileDialog.getOpenFileName(self._window, "Open project", start, FILE_FILTER)
        if name:
            self.open_path(Path(name))

    # --- saving -------------------------------------------------------------------------

    def save(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        if doc.path is None:
            return self.save_as()
        return self._save_to(doc.path)

    def save_as(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        suggested = str(doc.path) if doc.path else f"{doc.project.title or 'Untitled'}{EXTENSION}"
        name, _ = QFileDialog.getSaveFileName(self._window, "Save project as", suggested, FILE_FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        doc = self.document
        assert doc is not None
        try:
            doc.save(path)
        except (ProjectFileError, OSError, ValueError) as exc:
            show_error(self._window, "Cannot save project", f"{path.name} was not saved.", str(exc))
            return False
        self.add_recent(path.resolve())
        return True

    def close_document(self) -> bool:
        """Ask about unsaved changes; True when it is fine to let the document go."""
        doc = self.document
        if doc is None or not doc.is_modified:
            return True
        answer = ask_save_changes(self._window, doc.display_name())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- recent files -------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        value = QSettings().value(RECENT_KEY, [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if isinstance(p, str)]

    def add_recent(self, path: Path) -> None:
        items = [str(path)] + [str(p) for p in self.recent_files() if p != path]
        QSettings().setValue(RECENT_KEY, items[:MAX_RECENT])
        self.recent_changed.emit()

    def clear_recent(self) -> None:
        QSettings().setValue(RECENT_KEY, [])
        self.recent_changed.emit()
