"""Relations drawn on the canvas: a connect handle on a single selected persona card, a drag
from it to another card (a relation and its connector, one undo step), and a context menu on
connectors to change the relation's kind or delete.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QMenu

from ...canvas.connect_handle import ConnectHandle
from ...canvas.items.connector import ConnectorItem
from ...canvas.items.persona_card import PersonaCardItem
from ...canvas.scene import BoardScene
from ...document import Document
from ...model import RelationKind, ops
from ...style import RELATION_LABEL
from .commands import Report

DEFAULT_KIND = RelationKind.INFLUENCES


class Connecting(QObject):
    """One connect handle per board scene, shown while exactly one persona card is selected."""

    def __init__(self, document: Callable[[], Document | None], report: Report) -> None:
        super().__init__()
        self._document = document
        self._report = report
        self._handles: dict[str, tuple[PersonaCardItem, ConnectHandle]] = {}

    def wire(self, scene: BoardScene) -> None:
        scene.selectionChanged.connect(lambda: self.refresh(scene))
        scene.document.changed.connect(lambda *_a: self._replace(scene))
        scene.installEventFilter(self)

    # --- the handle ---------------------------------------------------------------------

    def handle(self, scene: BoardScene) -> ConnectHandle | None:
        pair = self._handles.get(scene.board_id)
        if pair is None or not shiboken6.isValid(pair[1]) or pair[1].scene() is not scene:
            return None
        return pair[1]

    def refresh(self, scene: BoardScene) -> None:
        if not shiboken6.isValid(scene):
            return
        old = self._handles.pop(scene.board_id, None)
        if old is not None and shiboken6.isValid(old[1]) and old[1].scene() is not None:
            if scene.mouseGrabberItem() is old[1]:
                self._handles[scene.board_id] = old  # mid-drag: leave it alone
                return
            scene.removeItem(old[1])
        ids = scene.selected_ids()
        card = scene.items_by_id.get(ids[0]) if len(ids) == 1 else None
        if not isinstance(card, PersonaCardItem):
            return
        handle = ConnectHandle(card.element_id, scene.theme, self._released(scene), self._finder(scene))
        handle.setParentItem(card)
        handle.place(card.size())
        self._handles[scene.board_id] = (card, handle)

    def _replace(self, scene: BoardScene) -> None:
        if not shiboken6.isValid(scene):
            return
        pair = self._handles.get(scene.board_id)
        if pair is not None and shiboken6.isValid(pair[0]) and shiboken6.isValid(pair[1]):
            pair[1].place(pair[0].size())

    def _finder(self, scene: BoardScene) -> Callable[[str, QPointF], PersonaCardItem | None]:
        return lambda source_id, pos: self.card_at(scene, source_id, pos)

    def _released(self, scene: BoardScene) -> Callable[[str, QPointF], None]:
        # Deferred: the handle is still inside its own mouse event, and the edit may remove it.
        return lambda source_id, pos: QTimer.singleShot(0, lambda: self.connect_at(scene, source_id, pos))

    @staticmethod
    def card_at(scene: BoardScene, source_id: str, pos: QPointF) -> PersonaCardItem | None:
        hits = [
            item
            for ident, item in scene.items_by_id.items()
            if ident != source_id
            and isinstance(item, PersonaCardItem)
            and item.scene_content_rect().contains(pos)
        ]
        return max(hits, key=lambda item: item.zValue(), default=None)

    # --- edits --------------------------------------------------------------------------

    def connect_at(self, scene: BoardScene, source_id: str, pos: QPointF) -> bool:
        if not shiboken6.isValid(scene):
            return False
        target = self.card_at(scene, source_id, pos)
        source = scene.items_by_id.get(source_id)
        if target is None or not isinstance(source, PersonaCardItem):
            self._report("Drop on another persona card to relate the two personas.")
            return False
        return self.relate(scene, source, target, DEFAULT_KIND)

    def relate(
        self, scene: BoardScene, source: PersonaCardItem, target: PersonaCardItem, kind: RelationKind
    ) -> bool:
        document = self._document()
        if document is None:
            return False
        project = document.project
        a, b = project.persona(source.persona_id), project.persona(target.persona_id)
        if a is None or b is None:
            return False
        board_id, ends = scene.board_id, (source.element_id, target.element_id)
        related = document.try_apply_all(
            f"Relate {a.name} to {b.name}",
            [
                lambda p: ops.add_relation(p, a.id, b.id, kind),
                lambda p: ops.connect(p, board_id, *ends, relation_id=p.relations[-1].id),
            ],
        )
        if related:
            said = f"{a.name} {RELATION_LABEL[kind.value]} {b.name}"
            self._report(f"{said}. Right-click the line to change it.")
        return related

    # --- the connector's context menu -----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.GraphicsSceneContextMenu and isinstance(watched, BoardScene):
            assert isinstance(event, QGraphicsSceneContextMenuEvent)
            connector = next(
                (i for i in watched.items(event.scenePos()) if isinstance(i, ConnectorItem)), None
            )
            if connector is not None:
                watched.clearSelection()
                connector.setSelected(True)
                self.connector_menu(watched, connector).exec(event.screenPos())
                return True
        return False

    def connector_menu(self, scene: BoardScene, connector: ConnectorItem) -> QMenu:
        """Relation kinds (a check on the current one) and delete, for one connector."""
        menu = QMenu()
        document = self._document()
        if document is None:
            return menu
        project = document.project
        relation = next((r for r in project.relations if r.id == connector.relation_id), None)
        kinds = menu.addMenu("Relation") if relation is not None else menu.addMenu("Show as Relation")
        group = QActionGroup(kinds)
        for kind in RelationKind:
            action = QAction(RELATION_LABEL.get(kind.value, kind.value).capitalize(), kinds)
            action.setObjectName(f"relation.{kind.value}")
            action.setCheckable(relation is not None)
            action.setChecked(relation is not None and relation.kind == kind)
            group.addAction(action)
            kinds.addAction(action)
            action.triggered.connect(lambda _c=False, k=kind: self.set_kind(scene, connector.element_id, k))
        menu.addSeparator()
        delete = menu.addAction("Delete Connector")
        delete.setObjectName("connector.delete")
        delete.triggered.connect(lambda: self.delete(scene, connector.element_id, with_relation=False))
        if relation is not None:
            both = menu.addAction("Delete Connector and Relation")
            both.setObjectName("connector.delete_relation")
            both.triggered.connect(lambda: self.delete(scene, connector.element_id, with_relation=True))
        return menu

    def set_kind(self, scene: BoardScene, connector_id: str, kind: RelationKind) -> bool:
        document = self._document()
        board = scene.board
        el = next((e for e in board.elements if e.id == connector_id), None) if board else None
        if document is None or el is None or el.type != "connector":
            return False
        if el.relation_id is not None:
            relation_id = el.relation_id
            return document.try_apply(lambda p: ops.set_relation_kind(p, relation_id, kind))
        ends = [scene.items_by_id.get(el.source_id), scene.items_by_id.get(el.target_id)]
        if not all(isinstance(e, PersonaCardItem) for e in ends):
            self._report("Only a line between two persona cards can show a relation.")
            return False
        a, b, board_id = ends[0].persona_id, ends[1].persona_id, scene.board_id
        return document.try_apply_all(
            "Show connector as relation",
            [
                lambda p: ops.add_relation(p, a, b, kind),
                lambda p: ops.update_element(p, board_id, connector_id, relation_id=p.relations[-1].id),
            ],
        )

    def delete(self, scene: BoardScene, connector_id: str, *, with_relation: bool) -> bool:
        document = self._document()
        board = scene.board
        el = next((e for e in board.elements if e.id == connector_id), None) if board else None
        if document is None or el is None:
            return False
        board_id = scene.board_id
        remove = [lambda p: ops.remove_elements(p, board_id, [connector_id])]
        if with_relation and el.type == "connector" and el.relation_id:
            relation_id = el.relation_id
            remove.append(lambda p: ops.remove_relation(p, relation_id))
            return document.try_apply_all("Delete connector and relation", remove)
        return document.try_apply(remove[0])
