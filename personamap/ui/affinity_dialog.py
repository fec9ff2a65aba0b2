"""The proposed affinity groups, for the facilitator to review before anything moves: each group
is a row with its label (double-click to rename) and a check box (clear it to reject the group:
its notes stay where they are), its notes listed under it. Accept returns the checked groups with
their labels as edited; the caller applies them as one undoable step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from ..insights.affinity import Group

ID_ROLE = Qt.ItemDataRole.UserRole
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1


def _first_line(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class AffinityDialog(QDialog):
    """Review proposed groups: rename, reject, accept."""

    def __init__(
        self, groups: Sequence[Group], texts: Mapping[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("affinity_dialog")
        self.setWindowTitle("Group Similar Notes")
        self.resize(520, 480)
        layout = QVBoxLayout(self)
        count = sum(len(g.note_ids) for g in groups)
        intro = QLabel(
            f"{count} notes in {len(groups)} groups. Double-click a group to rename it; "
            "clear its box to leave its notes where they are."
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setObjectName("affinity_groups")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setExpandsOnDoubleClick(False)  # double-click renames
        for group in groups:
            row = QTreeWidgetItem([group.label])
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(0, Qt.CheckState.Checked)
            row.setData(0, ID_ROLE, list(group.note_ids))
            row.setData(0, LABEL_ROLE, group.label)
            row.setToolTip(0, f"{len(group.note_ids)} notes")
            for ident in group.note_ids:
                child = QTreeWidgetItem([_first_line(texts.get(ident, ""))])
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                row.addChild(child)
            self.tree.addTopLevelItem(row)
        self.tree.expandAll()
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton("Group Notes", QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("affinity_accept")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.tree.itemChanged.connect(lambda *_: self._update_button())

    def rows(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(k) for k in range(self.tree.topLevelItemCount())]

    def chosen(self) -> list[Group]:
        """The checked groups, labelled as edited (a label cleared to nothing keeps the proposed one)."""
        from ..insights.affinity import Group

        out = []
        for row in self.rows():
            if row.checkState(0) == Qt.CheckState.Checked:
                label = " ".join(row.text(0).split()) or row.data(0, LABEL_ROLE)
                out.append(Group(label, tuple(row.data(0, ID_ROLE))))
        return out

    def _update_button(self) -> None:
        self.accept_button.setEnabled(bool(self.chosen()))
