"""The library lists' search: a row stays when it holds every word typed (each list's row says
what it searches in its own `matches`)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

Index = QModelIndex | QPersistentModelIndex


class RowFilter(QSortFilterProxyModel):
    """Filters a list model whose `rows` each have `matches(query) -> bool`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = ""

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self.query = query.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        rows = getattr(self.sourceModel(), "rows", None)
        if rows is None or not self.query:
            return True
        return bool(rows[source_row].matches(self.query))
