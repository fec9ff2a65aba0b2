"""The table preview: a model over a read `Table` that hands rows to the view in chunks as it
scrolls (canFetchMore / fetchMore), so a 100,000-row table shows at once. Each header names the
column's inferred type; a column that looks personal is tinted and says why in its tooltip."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from ...data.columns import Column, Table, Value
from ..plain import tooltip

CHUNK = 200
PERSONAL_TINT = QColor(230, 159, 0, 60)
"""Okabe–Ito orange, faint: readable under light and dark text alike."""

Index = QModelIndex | QPersistentModelIndex


def cell_text(value: Value) -> str:
    """A parsed value as the preview shows it: numbers without a trailing .0, dates in ISO,
    options joined with "; ", gaps empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() and abs(value) < 1e15 else f"{value:g}"
    if isinstance(value, tuple):
        return "; ".join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def column_note(column: Column) -> str:
    """What a header's tooltip says: the type read, gaps, and why a column looks personal."""
    lines = [f"{column.name}", f"Read as {column.kind.value}; {column.missing:,} empty"]
    if column.personal:
        lines.append(f"Looks personal: {column.personal_reason or 'personal data'}. Never stored.")
    return "\n".join(lines)


class PreviewModel(QAbstractTableModel):
    """Rows of `table`, `CHUNK` more each time the view asks for more."""

    def __init__(self, table: Table, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table
        self.loaded = 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self.loaded < self.table.rows

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(CHUNK, self.table.rows - self.loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self.loaded, self.loaded + more - 1)
        self.loaded += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.table.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(column.values[index.row()])
        if role == Qt.ItemDataRole.BackgroundRole and column.personal:
            return PERSONAL_TINT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        column = self.table.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{column.name}\n{column.kind.value}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(column_note(column))
        if role == Qt.ItemDataRole.DecorationRole and column.personal:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.BackgroundRole and column.personal:
            return PERSONAL_TINT
        return None
