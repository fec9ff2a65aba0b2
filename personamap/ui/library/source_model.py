"""The project's sources as a list model: one compact row per source (title, kind, date, how
often it is cited, whether it is a dataset), filtered by a search.

Rows are snapshots, copied from the model so painting never reads live objects; the panel
sets them again after every change, since a citation anywhere changes a count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...model import Project
from ...model.ops.address import walk
from ..inspector.sources import KIND_LABELS
from ..plain import tooltip

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
MIME_TYPE = "application/x-personamap-source"
"""A row dragged within the list (to reorder it); nothing else takes it."""

Index = QModelIndex | QPersistentModelIndex


class SourceRow(NamedTuple):
    id: str
    title: str
    kind: str
    date: str
    sample: int | None
    cited: int
    dataset: str
    """The file a dataset source was read from; "" for any other source."""

    def detail(self) -> str:
        """The second line: kind, sample size and date."""
        parts = [self.kind]
        if self.sample:
            parts.append(f"n={self.sample:,}")
        if self.date:
            parts.append(self.date)
        return " · ".join(parts)

    def matches(self, query: str) -> bool:
        """Every word of the query appears in the title, the kind or the dataset's file."""
        haystack = " ".join((self.title, self.kind, self.dataset)).casefold()
        return all(word in haystack for word in query.casefold().split())


def citation_counts(project: Project) -> Counter[str]:
    """How many places cite each source, in one walk of the project (as ops.source_usage counts
    them one source at a time: each entry, note or emotion score once)."""
    counts: Counter[str] = Counter()
    for persona in project.personas:
        for _addr, entity in walk(persona, ("personas", persona.id)):
            counts.update(set(getattr(entity, "evidence_ids", None) or ()))
    for emap in project.empathy_maps:
        for note in emap.notes:
            counts.update(set(note.evidence_ids))
    for journey in project.journeys:
        for jnote in journey.notes:
            counts.update(set(jnote.evidence_ids))
        for score in journey.emotions:
            counts.update(set(score.evidence_ids))
    return counts


def rows_of(project: Project) -> list[SourceRow]:
    counts = citation_counts(project)
    return [
        SourceRow(
            s.id,
            s.title,
            KIND_LABELS.get(s.kind.value, s.kind.value),
            s.date.isoformat() if s.date else "",
            s.sample_size,
            counts[s.id],
            s.dataset.file_name if s.dataset else "",
        )
        for s in project.sources
    ]


class SourceListModel(QAbstractListModel):
    """The rows; a row dropped elsewhere in the list asks for a move (the panel applies the
    op, and the rows follow the model)."""

    move_requested = Signal(str, int)  # source id, its new index

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SourceRow] = []

    def set_rows(self, rows: list[SourceRow]) -> None:
        if [r.id for r in rows] == [r.id for r in self.rows]:
            changed = rows != self.rows
            self.rows = rows
            if changed:
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
            return row.title or row.kind
        if role == Qt.ItemDataRole.AccessibleTextRole:
            dataset = f", dataset {row.dataset}" if row.dataset else ""
            return f"{row.title or 'Untitled'}, {row.detail()}, cited {row.cited} times{dataset}"
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole title, where the row elides it
            dataset = f"\nDataset read from {row.dataset}" if row.dataset else ""
            return tooltip(f"{row.title or 'Untitled source'}{dataset}")  # user text
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return (
            base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base | Qt.ItemFlag.ItemIsDropEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = [self.rows[i.row()] for i in indexes if i.isValid() and i.row() < len(self.rows)]
        if rows:
            mime.setData(MIME_TYPE, rows[0].id.encode())
        return mime

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask to move the dragged source to the gap at `row`; False, so that the view removes
        nothing itself."""
        ids = [r.id for r in self.rows]
        source_id = bytes(data.data(MIME_TYPE).data()).decode() if data.hasFormat(MIME_TYPE) else ""
        if source_id not in ids:
            return False
        gap = row if row >= 0 else parent.row() if parent.isValid() else len(ids)
        old = ids.index(source_id)
        new = gap - 1 if gap > old else gap
        if new != old:
            self.move_requested.emit(source_id, new)
        return False

