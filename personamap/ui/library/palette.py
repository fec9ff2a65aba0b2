"""The palette of elements: tiles to drag onto a board, or to place with Return / double-click
at the centre of the view (for keyboard users)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from ...canvas.journey_templates import JOURNEY_TEMPLATES
from ...canvas.payload import MIME_TYPE, Payload, decode
from ...model.enums import NoteColor
from .icons import icon

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 10


class Entry(NamedTuple):
    key: str
    label: str
    tip: str
    payload: Payload


def element_entries() -> list[Entry]:
    journeys = [
        Entry(
            f"journey:{t.name}",
            {"default": "Journey", "blueprint": "Blueprint", "b2b": "B2B"}.get(t.name, t.title),
            f"{t.title}: {t.description}",
            Payload("journey", template=t.name),
        )
        for t in JOURNEY_TEMPLATES
    ]
    return [
        Entry("persona_card", "Persona", "A new persona and its card", Payload("persona_card")),
        *journeys,
        Entry(
            "empathy:classic",
            "Empathy",
            "Empathy map: says, thinks, does, feels, pains and gains",
            Payload("empathy"),
        ),
        Entry(
            "empathy:extended",
            "Empathy+",
            "Extended empathy map: adds goal, sees and hears",
            Payload("empathy", extended=True),
        ),
        Entry("text", "Text", "A text block for headings and labels", Payload("text")),
        Entry("image", "Image", "An image from a PNG, JPEG or WebP file", Payload("image")),
    ]


def note_entries() -> list[Entry]:
    return [
        Entry(f"note:{c.value}", "", f"{c.value.capitalize()} sticky note", Payload("note", color=c.value))
        for c in NoteColor
    ]


class PaletteList(QListWidget):
    """Tiles in a wrapping grid; dragging one carries its payload (see canvas.payload)."""

    place_requested = Signal(object)  # Payload

    def __init__(self, entries: list[Entry], grid: QSize, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setIconSize(QSize(44, 34))
        self.setGridSize(grid)
        self.setSpacing(0)
        self.setWordWrap(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setStyleSheet("QListWidget { background: transparent; }")
        for entry in entries:
            item = QListWidgetItem(icon(entry.key), entry.label)
            item.setToolTip(f"{entry.tip}\nDrag onto a board, or press Return to place it in the middle")
            item.setData(PAYLOAD_ROLE, entry.payload.encode())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry.tip)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setSizeHint(grid)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
            )
            self.addItem(item)
        self.itemActivated.connect(self._activated)
        rows = -(-len(entries) // max(1, 240 // grid.width()))
        self.setMinimumHeight(min(rows, 3) * grid.height() + 4)

    def item_for(self, key: str) -> QListWidgetItem | None:
        return next(
            (self.item(i) for i in range(self.count()) if self.item(i).data(Qt.ItemDataRole.UserRole) == key),
            None,
        )

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        if items:
            mime.setData(MIME_TYPE, bytes(items[0].data(PAYLOAD_ROLE)))
            mime.setText(items[0].toolTip().split("\n")[0])
        return mime

    def _activated(self, item: QListWidgetItem) -> None:
        payload = decode(bytes(item.data(PAYLOAD_ROLE)))
        if payload is not None:
            self.place_requested.emit(payload)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        per_row = max(1, width // self.gridSize().width())
        return -(-self.count() // per_row) * self.gridSize().height() + 6
