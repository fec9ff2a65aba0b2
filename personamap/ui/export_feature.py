"""File ▸ Export… (Ctrl+E). The dialog and the exporters (reportlab among them) load on first
use, so they cost nothing at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .actions import ActionSpec

if TYPE_CHECKING:
    from .export_dialog import ExportDialog


class ExportFeature:
    """The Export action; keeps the last dialog so tests and scripts can reach it."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.dialog: ExportDialog | None = None
        window.actions.add(ActionSpec("file.export", "&Export…", self.open_dialog, "Ctrl+E"))
        self.action = window.actions["file.export"]
        close = window.actions["file.close"]
        window.file_menu.insertAction(close, self.action)
        window.file_menu.insertSeparator(close)
        window.files.document_changed.connect(lambda doc: self.action.setEnabled(doc is not None))
        self.action.setEnabled(window.document is not None)

    def open_dialog(self) -> ExportDialog | None:
        if self.window.document is None:
            return None
        from .export_dialog import ExportDialog

        self.dialog = ExportDialog(self.window)
        self.dialog.open()
        return self.dialog


def install(window: Any) -> ExportFeature:
    return ExportFeature(window)
