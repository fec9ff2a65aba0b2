"""The life of the open document: new, open, save, save as, reload, recent files, close.

One window edits one document. A failed open keeps the current document; a failed save
leaves the document modified and says why. The file's fingerprint (mtime, size, hash) is
recorded at open and save, so a save over a file someone else changed asks first
(docs/RELIABILITY.md, "The save path").
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from ..document import Document
from ..io import EXTENSION, ProjectFileError, cleanup_orphans, load
from ..io.disk import Fingerprint
from ..model import Project
from ..model.image_header import refused_images
from .dialogs import ask_save_changes, run_plain, show_error

RECENT_KEY = "recent_files"
MAX_RECENT = 10
FILE_FILTER = f"personamap projects (*{EXTENSION});;All files (*)"


class FileController(QObject):
    """Opens, saves and closes documents for one window."""

    document_changed = Signal(object)  # Document | None
    recent_changed = Signal()
    saved = Signal(object)  # Document: written to its path
    released = Signal(object)  # Document: let go, its changes saved or discarded by the user

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.document: Document | None = None
        self.disk: Fingerprint | None = None
        """The document's file as it was when opened or last saved (None: not known)."""

    # --- opening ------------------------------------------------------------------------

    def set_document(self, document: Document | None, disk: Fingerprint | None = None) -> None:
        """Show `document`; `disk` is its file as we last knew it (read now when not given)."""
        if self.document is not None:
            # A stack destroyed while not clean emits cleanChanged from its destructor, into a
            # Document half gone: nobody may listen to a dropped document any more.
            with contextlib.suppress(RuntimeError, TypeError):
                self.document.undo_stack.cleanChanged.disconnect()
            self.document.deleteLater()
        self.document = document
        if document is not None:
            document.setParent(self)
            if disk is None and document.path is not None:
                disk = Fingerprint.of(document.path)
        self.disk = disk
        self.document_changed.emit(document)

    def new_project(self, project: Project) -> None:
        if self.close_document():
            self.set_document(Document(project))

    def open_path(self, path: Path) -> bool:
        """Open a project file; on failure show why and keep what is open."""
        disk = Fingerprint.of(path)  # before reading: a change made meanwhile asks at save
        try:
            project = load(path)
        except ProjectFileError as exc:
            show_error(self._window, "Cannot open project", f"{path.name} cannot be opened.", str(exc))
            return False
        if not self.close_document():
            return False
        cleanup_orphans(path.resolve().parent)  # temp files a crashed save left beside it
        self.set_document(Document(project, path.resolve()), disk)
        self.add_recent(path.resolve())
        warn_refused_images(self._window, path.name, project)
        return True

    def reload(self) -> bool:
        """Replace the document with its file as it is on disk now (the user chose to)."""
        doc = self.document
        if doc is None or doc.path is None:
            return False
        disk = Fingerprint.of(doc.path)
        try:
            project = load(doc.path)
        except ProjectFileError as exc:
            show_error(self._window, "Cannot reload project", f"{doc.path.name} cannot be read.", str(exc))
            return False
        self.released.emit(doc)
        self.set_document(Document(project, doc.path), disk)
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

    def changed_on_disk(self, path: Path | None = None) -> bool:
        """Whether the document's file (or `path`, if it is that file) was changed by someone
        else since we opened or last saved it."""
        doc = self.document
        if doc is None or doc.path is None or self.disk is None:
            return False
        if path is not None and _resolved(path) != _resolved(doc.path):
            return False
        return self.disk.changed(doc.path)

    def _save_to(self, path: Path) -> bool:
        doc = self.document
        assert doc is not None
        if self.changed_on_disk(path):
            choice = ask_disk_conflict(self._window, path.name)
            if choice == "save_as":
                return self.save_as()
            if choice == "reload":
                return self.reload()
            if choice != "overwrite":
                return False
        try:
            doc.save(path)
        except (ProjectFileError, OSError, ValueError) as exc:
            show_error(self._window, "Cannot save project", f"{path.name} was not saved.", str(exc))
            return False
        self.disk = Fingerprint.of(path)
        self.add_recent(path.resolve())
        self.saved.emit(doc)
        return True

    def close_document(self) -> bool:
        """Ask about unsaved changes; True when it is fine to let the document go."""
        doc = self.document
        if doc is None:
            return True
        if not doc.is_modified:
            self.released.emit(doc)
            return True
        answer = ask_save_changes(self._window, doc.display_name())
        if answer == QMessageBox.StandardButton.Save:
            ok = self.save()
        else:
            ok = answer == QMessageBox.StandardButton.Discard
        if ok:
            self.released.emit(doc)
        return ok

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


def ask_disk_conflict(parent: QWidget | None, name: str) -> str:
    """The file changed on disk since it was opened: "overwrite", "save_as", "reload" or
    "cancel". Plain text only (the name comes from the file system)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "File changed on disk",
        f"“{name}” was changed by another program since you opened it.",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("disk_conflict")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        "Overwrite replaces those changes with yours. Save As… keeps both. "
        "Reload discards your changes and opens the file as it is now."
    )
    buttons = {
        box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole): "overwrite",
        box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole): "save_as",
        box.addButton("Reload", QMessageBox.ButtonRole.ResetRole): "reload",
    }
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    run_plain(box)
    return buttons.get(box.clickedButton(), "cancel")


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def warn_refused_images(parent: QWidget, name: str, project: Project) -> QMessageBox | None:
    """Name the images of a just-opened file that are drawn as placeholders (their header
    claims too many pixels to decode). Not blocking: the project is open and usable."""
    refused = refused_images(project)
    if not refused:
        return None
    count = f"{len(refused)} image" + ("s" if len(refused) > 1 else "")
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Some images are not shown",
        f"{count} in “{name}” cannot be shown; a placeholder stands in.",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("refused_images")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText("\n".join(message for _place, message in refused[:10]))
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
