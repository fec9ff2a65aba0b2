"""Arrange ▸ Group Similar Notes…: the affinity groups of the selected sticky notes (or of every
note on the board when none is selected) proposed in a dialog; Accept lays the kept groups out
in columns under their headers as one undoable edit (personamap/insights/affinity_layout.py).

`install(window)` adds the action to the Arrange menu; `window.features["affinity"]` is the
controller, whose `dialog` is the one open (tests drive it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMenu

from ..model.board import NoteElement
from .actions import ActionSpec
from .editing.commands import selection_of

if TYPE_CHECKING:
    from .affinity_dialog import AffinityDialog

ACTION = "arrange.group_similar"
SEED = 0


class AffinityController(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: AffinityDialog | None = None
        self._board_id = ""
        window.actions.add(ActionSpec(ACTION, "&Group Similar Notes…", self.propose))
        menu = _arrange_menu(window)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(window.actions[ACTION])

    def notes(self) -> tuple[str, list[NoteElement]]:
        """The current board's id and the sticky notes to group: the selected ones, or all."""
        view = self.window.tabs.current_view()
        sel = selection_of(view.board_scene if view is not None else None)
        board = sel.scene.board if sel is not None else None
        if sel is None or board is None:
            return "", []
        notes = [e for e in board.elements if isinstance(e, NoteElement)]
        chosen = set(sel.element_ids)
        picked = [n for n in notes if n.id in chosen]
        return board.id, picked if picked else ([] if sel.element_ids else notes)

    def propose(self) -> None:
        """Loads the engine (scikit-learn, networkx) on first use, not when the editor starts."""
        from ..insights.affinity import cluster_notes
        from .affinity_dialog import AffinityDialog

        board_id, notes = self.notes()
        if len(notes) < 2:
            self.window.show_message("Select two or more sticky notes on a board to group them.")
            return
        groups = cluster_notes([(n.id, n.text) for n in notes], seed=SEED)
        self._board_id = board_id
        self.dialog = AffinityDialog(groups, {n.id: n.text for n in notes}, self.window)
        self.dialog.finished.connect(self._finished)
        self.dialog.open()

    def _finished(self, result: int) -> None:
        from ..insights.affinity_layout import apply_groups

        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        document = self.window.document
        groups = dialog.chosen() if result == QDialog.DialogCode.Accepted else []
        if groups and document is not None:
            document.try_apply(lambda p: apply_groups(p, self._board_id, groups))


def _arrange_menu(window: Any) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == "Arrange" and action.menu() is not None:
            return action.menu()
    return None


def install(window: Any) -> AffinityController:
    return AffinityController(window)
