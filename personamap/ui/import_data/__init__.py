"""File ▸ Import data…: read a research table, segment it and draft personas from the segments.
The window and the data engine (numpy, scikit-learn) load on first use, so they cost nothing
at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..actions import ActionSpec

if TYPE_CHECKING:
    from .window import ImportDataWindow


class ImportDataFeature:
    """The Import data action; keeps the open window so tests and scripts can reach it."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.dialog: ImportDataWindow | None = None
        window.actions.add(
            ActionSpec(
                "file.import_data",
                "&Import Data…",
                self.open_window,
                tip="Segment a survey or CRM table and draft personas from it",
            )
        )
        self.action = window.actions["file.import_data"]
        before = window.actions.actions.get("file.export") or window.actions["file.close"]
        window.file_menu.insertAction(before, self.action)
        window.files.document_changed.connect(self._document_changed)
        self.action.setEnabled(window.document is not None)

    def _document_changed(self, document: object) -> None:
        """An import belongs to the project it was started on."""
        self.action.setEnabled(document is not None)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.close()

    def open_window(self) -> ImportDataWindow | None:
        if self.window.document is None:
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from .window import ImportDataWindow

        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ImportDataWindow(self.window)
        self.dialog.show()
        return self.dialog


def install(window: Any) -> ImportDataFeature:
    return ImportDataFeature(window)
