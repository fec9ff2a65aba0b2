"""Board ▸ Lay Out Relations: one card per persona and one connector per relation on the current
board, placed by personamap/insights/relation_layout.py, applied as one undoable edit. The layout
(and networkx with it) loads on first use, so it costs nothing at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QMenu

from ..model import Board, PersonaCard
from ..model.ops import OpError
from .actions import ActionSpec

if TYPE_CHECKING:
    from ..insights.relation_layout import How

ACTIONS: tuple[tuple[str, str, How, str], ...] = (
    (
        "board.lay_out_relations",
        "Lay Out &Relations",
        "layered",
        "One card per persona in rows by buying role, one line per relation, negative personas apart",
    ),
    (
        "board.lay_out_relations_spring",
        "Lay Out Relations, &Force-Directed",
        "spring",
        "One card per persona, related personas drawn near each other",
    ),
)


class RelationMap:
    """The two layout actions at the foot of the Board menu."""

    def __init__(self, window: Any) -> None:
        self.window = window
        for action_id, text, how, tip in ACTIONS:
            window.actions.add(ActionSpec(action_id, text, lambda h=how: self.lay_out(h), tip=tip))
        menu = _board_menu(window)
        if menu is not None:
            menu.addSeparator()
            for action_id, *_rest in ACTIONS:
                menu.addAction(window.actions[action_id])
        window.files.document_changed.connect(self._enable)
        self._enable(window.document)

    def _enable(self, document: object) -> None:
        for action_id, *_rest in ACTIONS:
            self.window.actions[action_id].setEnabled(document is not None)

    def lay_out(self, how: How) -> bool:
        """Lay the relation map out on the current board; say what changed in the status bar."""
        from ..insights.relation_layout import plan_relations

        document, view = self.window.document, self.window.tabs.current_view()
        if document is None or view is None:
            return False
        board_id = view.board_scene.board_id
        try:
            plan = plan_relations(document.project, board_id, how)
        except OpError as exc:
            self.window.show_message(str(exc))
            return False
        if not plan.changes:
            self.window.show_message("The relation map on this board is already laid out.")
            return False
        if not document.try_apply(lambda _project: plan.op):
            return False
        view.frame(_cards_rect(document.project.board(board_id)))
        cards = f"{plan.placed} new card{'s' * (plan.placed != 1)}, {plan.moved} moved"
        lines = f"{plan.connected + plan.reattached} connector{'s' * (plan.connected + plan.reattached != 1)}"
        self.window.show_message(f"Laid out the relation map: {cards}, {lines} drawn. Undo puts it back.")
        return True


def _cards_rect(board: Board | None) -> QRectF:
    """Where the board's persona cards are, to show the map whole."""
    rect = QRectF()
    for el in board.elements if board is not None else ():
        if isinstance(el, PersonaCard):
            rect = rect.united(QRectF(el.x, el.y, el.w, el.h))
    return rect


def _board_menu(window: Any) -> QMenu | None:
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == "Board":
            menu = action.menu()
            return menu if isinstance(menu, QMenu) else None
    return None


def install(window: Any) -> RelationMap:
    return RelationMap(window)
