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
from ..model.ops import OpError
from .actions import ActionSpec
from .editing.commands import selection_of

if TYPE_CHECKING:
    from ..document import Document
    from ..insights.affinity import Group
    from .affinity_dialog import AffinityDialog

ACTION = "arrange.group_similar"
SEED = 0


class AffinityController(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: AffinityDialog | None = None
        self._where = ("", "")
        window.actions.add(ActionSpec(ACTION, "&Group Similar Notes…", self.propose))
        menu = _arrange_menu(window)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(window.actions[ACTION])

    def notes(self) -> tuple[tuple[str, str], list[tuple[str, str]]]:
        """Where the notes to group live — ("board", id), ("journey_note", journey id) or
        ("empathy_note", map id) — and their (id, text): the selected sticky notes of the
        board, else the selected notes of one map, else, with nothing selected, the board's."""
        view = self.window.tabs.current_view()
        sel = selection_of(view.board_scene if view is not None else None)
        board = sel.scene.board if sel is not None else None
        if sel is None or board is None:
            return ("", ""), []
        notes = [(e.id, e.text) for e in board.elements if isinstance(e, NoteElement)]
        chosen = set(sel.element_ids)
        picked = [n for n in notes if n[0] in chosen]
        if picked or (not sel.notes and sel.element_ids):
            return ("board", board.id), picked
        if len(sel.notes) == 1:
            return self._map_notes(*next(iter(sel.notes.items())))
        return ("board", board.id), [] if sel.notes else notes

    def _map_notes(
        self, key: tuple[str, str], ids: list[str]
    ) -> tuple[tuple[str, str], list[tuple[str, str]]]:
        from ..insights.affinity_maps import map_notes

        kind, owner = key
        wanted = set(ids)
        found = map_notes(self.window.document.project, kind, owner)  # type: ignore[arg-type]
        return key, [(n.id, n.text) for n in found if n.id in wanted]

    def propose(self) -> None:
        """Loads the engine (scikit-learn, networkx) on first use, not when the editor starts."""
        from ..insights.affinity import cluster_notes
        from .affinity_dialog import AffinityDialog

        where, notes = self.notes()
        if len(notes) < 2:
            self.window.show_message(
                "Select two or more sticky notes of one board, journey or empathy map to group them."
            )
            return
        groups = cluster_notes(notes, seed=SEED)
        self._where = where
        self.dialog = AffinityDialog(groups, dict(notes), self.window)
        self.dialog.finished.connect(self._finished)
        self.dialog.open()

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        document = self.window.document
        groups = dialog.chosen() if result == QDialog.DialogCode.Accepted else []
        if groups and document is not None:
            self.apply(document, groups)

    def apply(self, document: Document, groups: list[Group]) -> bool:
        """The accepted groups as one undoable step, on the board or in the map they came from."""
        from ..insights.affinity_layout import apply_groups
        from ..insights.affinity_maps import group_map_notes

        kind, owner = self._where
        if kind == "board":
            return document.try_apply(lambda p: apply_groups(p, owner, groups))
        try:
            builds = group_map_notes(document.project, kind, owner, groups)  # type: ignore[arg-type]
        except OpError as exc:
            self.window.show_message(str(exc))
            return False
        count = sum(len(g.note_ids) for g in groups)
        return document.try_apply_all(f"Group {count} notes in {len(groups)} groups", builds)


def _arrange_menu(window: Any) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == "Arrange" and action.menu() is not None:
            return action.menu()
    return None


def install(window: Any) -> AffinityController:
    return AffinityController(window)
