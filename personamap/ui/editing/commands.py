"""Edits of what is selected on one board: delete, nudge, align, distribute, z-order.

Each command reads the selection from the scene, decides the ops through the model's
constructors and applies them as one undo step with a name a person can read
("Align 3 cards left", "Move 3 notes"). Refused edits end up in the status bar.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...canvas.items.base import ElementItem
from ...canvas.scene import BoardScene
from ...document import Document
from ...model import Project, arrange, ops
from ...model.arrange import describe

Report = Callable[[str], None]
NOTE_KINDS = ("journey_note", "empathy_note")


@dataclass
class Selection:
    """What is selected on one board: elements (board order) and notes inside maps."""

    scene: BoardScene
    element_ids: list[str] = field(default_factory=list)
    notes: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """(target kind, map id) -> note ids, for notes selected inside journey and empathy maps."""

    @property
    def board_id(self) -> str:
        return self.scene.board_id

    def __bool__(self) -> bool:
        return bool(self.element_ids or self.notes)

    def types(self, ids: list[str] | None = None) -> list[str]:
        board = self.scene.board
        kinds = {e.id: e.type for e in board.elements} if board else {}
        return [kinds.get(i, "element") for i in (self.element_ids if ids is None else ids)]

    def shapes(self) -> dict[str, tuple[float, float, float, float]]:
        """Geometry of the selected elements that have their own (connectors do not)."""
        out = {}
        for ident in self.element_ids:
            item = self.scene.items_by_id.get(ident)
            if isinstance(item, ElementItem):
                out[ident] = item.geometry()
        return out

    def note_count(self) -> int:
        return sum(len(v) for v in self.notes.values())


def selection_of(scene: BoardScene | None) -> Selection | None:
    if scene is None:
        return None
    sel = Selection(scene, scene.selected_ids())
    tops = {id(item) for item in scene.items_by_id.values()}
    for item in scene.selectedItems():
        if id(item) in tops or not hasattr(item, "target"):
            continue
        target = item.target()
        if target.kind in NOTE_KINDS and target.owner:
            bucket = sel.notes.setdefault((target.kind, target.owner), [])
            if target.id not in bucket:
                bucket.append(target.id)
    return sel


def _renamed(op: ops.Op, name: str, merge_key: Any = None) -> ops.Op:
    return dataclasses.replace(op, name=name, merge_key=merge_key)


def deletion_builds(sel: Selection) -> list[Callable[[Project], ops.Op]]:
    """One op per kind of thing selected: board elements, journey notes, empathy notes."""
    out: list[Callable[[Project], ops.Op]] = []
    if sel.element_ids:
        out.append(lambda p: ops.remove_elements(p, sel.board_id, sel.element_ids))
    for (kind, owner), ids in sel.notes.items():
        remove = ops.remove_journey_notes if kind == "journey_note" else ops.remove_empathy_notes
        out.append(lambda p, remove=remove, owner=owner, ids=ids: remove(p, owner, ids))
    return out


def delete(document: Document, sel: Selection, report: Report, verb: str = "Delete") -> bool:
    """Remove everything selected as one undo step."""
    if not sel:
        report("Nothing selected to delete.")
        return False
    count = len(sel.element_ids) + sel.note_count()
    if sel.element_ids and not sel.notes:
        name = f"{verb} {describe(sel.types())}"
    elif sel.notes and not sel.element_ids:
        name = f"{verb} {describe(['note'] * count)}"
    else:
        name = f"{verb} {count} items"
    builds = deletion_builds(sel)  # independent: notes live in maps, not on boards
    if len(builds) == 1:
        return document.try_apply(lambda p: _renamed(builds[0](p), name))
    return document.try_apply_all(name, builds)


def nudge(document: Document, sel: Selection, dx: float, dy: float, report: Report) -> bool:
    """Move the selected elements by (dx, dy); consecutive nudges of one selection merge."""
    shapes = sel.shapes()
    if not shapes:
        return False
    moved = arrange.nudge(shapes, dx, dy)
    name = f"Move {describe(sel.types(list(shapes)))}"
    key = ("nudge", sel.board_id, tuple(sorted(shapes)))
    return document.try_apply(lambda p: _renamed(ops.set_geometry(p, sel.board_id, moved), name, key))


ALIGN_WORDS = {
    "left": "left",
    "centre": "centres",
    "right": "right",
    "top": "top",
    "middle": "middles",
    "bottom": "bottom",
}


def align(document: Document, sel: Selection, how: arrange.Alignment, report: Report) -> bool:
    shapes = sel.shapes()
    if len(shapes) < 2:
        report("Select two or more elements to align.")
        return False
    moved = arrange.align(shapes, how)
    if not moved:
        report("Already aligned.")
        return False
    name = f"Align {describe(sel.types(list(shapes)))} {ALIGN_WORDS[how]}"
    return document.try_apply(lambda p: _renamed(ops.set_geometry(p, sel.board_id, moved), name))


def distribute(document: Document, sel: Selection, axis: arrange.Axis, report: Report) -> bool:
    shapes = sel.shapes()
    if len(shapes) < 3:
        report("Select three or more elements to distribute.")
        return False
    moved = arrange.distribute(shapes, axis)
    if not moved:
        report("Already evenly spaced.")
        return False
    name = f"Distribute {describe(sel.types(list(shapes)))} {axis}ly"
    return document.try_apply(lambda p: _renamed(ops.set_geometry(p, sel.board_id, moved), name))


Z_NAMES = {
    "forward": "Bring {} forward",
    "backward": "Send {} backward",
    "front": "Bring {} to front",
    "back": "Send {} to back",
}


def z_order(document: Document, sel: Selection, how: str, report: Report) -> bool:
    ids = list(sel.shapes())
    if not ids:
        report("Select elements to reorder.")
        return False
    name = Z_NAMES[how].format(describe(sel.types(ids)))
    return document.try_apply(
        lambda p: _renamed(ops.change_z_order(p, sel.board_id, ids, how), name)  # type: ignore[arg-type]
    )
