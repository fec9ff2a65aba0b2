"""Column roles: per column, what segmenting does with it (segment by, describe, ignore,
personal) and which persona field it fills. A column that looks personal stays personal: it is
never used and never stored, only its name and why it was left out."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...data.columns import Column, Table
from ...data.encode import SEGMENTABLE
from ...data.mapping import MAPPABLE_FIELDS, suggest_mapping
from ...data.segment import default_columns
from ...model.research import ColumnRole, DatasetColumn
from ..plain import tooltip

ROLE_TEXT = {
    ColumnRole.SEGMENT: "Segment by",
    ColumnRole.DESCRIBE: "Describe",
    ColumnRole.IGNORE: "Ignore",
    ColumnRole.PERSONAL: "Personal – not stored",
}
PERSONAL_NOTE = (
    "This column looks personal ({reason}). It is never used to segment or describe and never "
    "stored in the project; only its name and this reason are kept."
)
NAME, TYPE, ROLE, FIELD = range(4)


def default_role(column: Column, chosen: list[str], mapping: dict[str, str]) -> ColumnRole:
    """Personal stays personal; the default segmenting columns segment; a column that fills a
    persona field is described; the rest is ignored."""
    if column.personal:
        return ColumnRole.PERSONAL
    if column.name in chosen:
        return ColumnRole.SEGMENT
    if column.name in mapping and column.kind in SEGMENTABLE:
        return ColumnRole.DESCRIBE
    return ColumnRole.IGNORE


def roles_for(column: Column) -> list[ColumnRole]:
    """The roles a column may take: a personal one only personal; text and identifiers cannot
    be counted, so they can be ignored or marked personal."""
    if column.personal:
        return [ColumnRole.PERSONAL]
    if column.kind in SEGMENTABLE:
        return [ColumnRole.SEGMENT, ColumnRole.DESCRIBE, ColumnRole.IGNORE, ColumnRole.PERSONAL]
    return [ColumnRole.IGNORE, ColumnRole.PERSONAL]


class RolesTable(QTableWidget):
    """One row per table column; `columns()` is the choice as `DatasetColumn`s. `roles_changed`
    fires when a role changes (segments found before no longer match), `fields_changed` when
    only a persona field does."""

    roles_changed = Signal()
    fields_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(["Column", "Type", "Use", "Fills persona field"])
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for section in (TYPE, ROLE, FIELD):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.ResizeToContents)
        self._table: Table | None = None

    def set_table(self, table: Table | None) -> None:
        """One row per column of `table` with its default role and suggested field (none: empty)."""
        self._table = table
        self.setRowCount(0)
        if table is None:
            return
        chosen = default_columns(table)
        mapping = suggest_mapping(table)
        self.setRowCount(len(table.columns))
        for row, column in enumerate(table.columns):
            self._fill_row(row, column, default_role(column, chosen, mapping), mapping.get(column.name, ""))

    def _fill_row(self, row: int, column: Column, role: ColumnRole, field: str) -> None:
        note = (
            PERSONAL_NOTE.format(reason=column.personal_reason or "personal data") if column.personal else ""
        )
        name = QTableWidgetItem(column.name)
        name.setToolTip(tooltip(note or column.name))
        self.setItem(row, NAME, name)
        self.setItem(row, TYPE, QTableWidgetItem(column.kind.value))
        roles = QComboBox()
        for option in roles_for(column):
            roles.addItem(ROLE_TEXT[option], option)
        roles.setCurrentIndex(roles.findData(role))
        roles.setEnabled(not column.personal)
        roles.setToolTip(tooltip(note))
        roles.setAccessibleName(f"Use of {column.name}")
        self.setCellWidget(row, ROLE, roles)
        fields = QComboBox()
        fields.addItem("—", "")
        for target in MAPPABLE_FIELDS:
            fields.addItem(target.label, target.path)
        fields.setCurrentIndex(max(fields.findData(field), 0))
        fields.setAccessibleName(f"Persona field {column.name} fills")
        self.setCellWidget(row, FIELD, fields)
        self._sync_field(row)
        roles.currentIndexChanged.connect(lambda _i, r=row: self._role_changed(r))
        fields.currentIndexChanged.connect(lambda _i: self.fields_changed.emit())

    def _role_changed(self, row: int) -> None:
        self._sync_field(row)
        self.roles_changed.emit()

    def _sync_field(self, row: int) -> None:
        """A persona field only for a column that is counted (segment by, describe)."""
        used = self.role_combo(row).currentData() in (ColumnRole.SEGMENT, ColumnRole.DESCRIBE)
        self.field_combo(row).setEnabled(used)

    def role_combo(self, row: int) -> QComboBox:
        widget = self.cellWidget(row, ROLE)
        assert isinstance(widget, QComboBox)
        return widget

    def field_combo(self, row: int) -> QComboBox:
        widget = self.cellWidget(row, FIELD)
        assert isinstance(widget, QComboBox)
        return widget

    def row_of(self, name: str) -> int:
        assert self._table is not None
        return [c.name for c in self._table.columns].index(name)

    def columns(self) -> list[DatasetColumn]:
        """Every column with its role, field and (when personal) why; names cut to what a
        project keeps."""
        if self._table is None:
            return []
        out = []
        for row, column in enumerate(self._table.columns):
            role = ColumnRole(self.role_combo(row).currentData())
            counted = role in (ColumnRole.SEGMENT, ColumnRole.DESCRIBE)
            reason = column.personal_reason or "marked personal on import"
            out.append(
                DatasetColumn(
                    name=column.name[:500],
                    type=column.kind,
                    role=role,
                    maps_to=str(self.field_combo(row).currentData()) if counted else "",
                    personal_reason=reason[:500] if role is ColumnRole.PERSONAL else "",
                )
            )
        return out

    def roles(self) -> list[tuple[str, ColumnRole]]:
        """Each column's role: what the segments found depend on."""
        return [(c.name, c.role) for c in self.columns()]
