"""The project's personas as a list model: one row per persona, dragged as a library payload.

Rows hold ids and a snapshot of what a row shows; the dock refreshes the model when a change
names a persona (or the list of personas), so the list follows every edit, undo included.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ...canvas.payload import MIME_TYPE, Payload
from ...model import Project
from ...model.enums import Priority
from ...model.layout import initials

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class PersonaRow(NamedTuple):
    """What one row shows, copied from the model so painting never reads live objects."""

    id: str
    name: str
    role: str
    priority: Priority
    color: str
    initials: str
    tags: tuple[str, ...]

    def matches(self, query: str) -> bool:
        """Every word of the query appears in the name, the role or a tag (case-insensitive)."""
        haystack = " ".join((self.name, self.role, *self.tags)).casefold()
        return all(word in haystack for word in query.casefold().split())


def rows_of(project: Project) -> list[PersonaRow]:
    return [
        PersonaRow(p.id, p.name, p.role, p.priority, p.color, initials(p.name), tuple(p.tags))
        for p in project.personas
    ]


class PersonaListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PersonaRow] = []

    def set_rows(self, rows: list[PersonaRow]) -> None:
        if [r.id for r in rows] == [r.id for r in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.name}, {row.role}, {row.priority.value}"
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        """The first dragged persona as a library payload (a drop places one card)."""
        mime = QMimeData()
        ids = [self.rows[i.row()].id for i in indexes if i.isValid() and i.row() < len(self.rows)]
        if ids:
            mime.setData(MIME_TYPE, Payload("persona", persona_id=ids[0]).encode())
            mime.setText(self.rows[indexes[0].row()].name)
        return mime

