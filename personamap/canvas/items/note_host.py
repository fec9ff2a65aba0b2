"""What a map item does for its notes, shared by journey and empathy maps: keep one child
item per note id (reused across syncs), edit a note in place, and add a note by typing it.

A note added by double-click is *pending* until its editor commits: the map lays it out as
if it were there, and the commit (Ctrl+Enter, a click elsewhere or Esc) adds it with its
text in one undo step ("Add note").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF

from ...model import ops
from ...style import NOTE_FILL
from ..graveyard import Graveyard
from ..note_editor import NoteEditor
from .notes import NoteItem, NoteLook

EDITING_Z = 1e6
"""A map being typed into comes to the front, so a neighbour never covers its editor."""


class NoteHostMixin:
    """Mixed into a map ElementItem. Subclasses implement the `_…_op` hooks and `_relayout`."""

    note_item_type: type[NoteItem] = NoteItem

    def _init_notes(self) -> None:
        self.note_items: dict[str, NoteItem] = {}
        self.editor: NoteEditor | None = None
        self._editing_id: str | None = None
        self._pending: Any = None
        self._graveyard = Graveyard()
        self._z_before = 0.0

    # --- hooks ----------------------------------------------------------------------------

    def _add_op(self, project: Any, pending: Any, text: str) -> ops.Op:
        raise NotImplementedError

    def _update_op(self, project: Any, note_id: str, text: str) -> ops.Op:
        raise NotImplementedError

    def _note_text(self, note_id: str) -> str | None:
        raise NotImplementedError

    def _relayout(self) -> None:
        raise NotImplementedError

    # --- child items ----------------------------------------------------------------------

    def _sync_note_items(self, looks: dict[str, tuple[NoteLook, QPointF]], owner_id: str) -> None:
        """Create, reuse or drop note items so they match `looks` (id -> look, position)."""
        for note_id in [i for i in self.note_items if i not in looks]:
            if note_id == self._editing_id and self.editor is not None:
                self.editor.finish(False)
            self._graveyard.bury(self.note_items.pop(note_id))
        for note_id, (look, pos) in looks.items():
            item = self.note_items.get(note_id)
            if item is None:
                item = self.note_item_type(note_id, self)
                item.setParentItem(self)  # type: ignore[arg-type]
                self.note_items[note_id] = item
            item.owner_id = owner_id
            item.setZValue(0)
            item.set_look(look, pos)

    def drag_group(self, item: NoteItem) -> list[NoteItem]:
        """The notes a drag takes along: every selected note of this map, in item order."""
        group = [i for i in self.note_items.values() if i.isSelected() or i is item]
        return group

    def place_notes(self) -> None:
        """Put every note back where the layout says (after a drop that went nowhere)."""
        self._relayout()

    # --- editing --------------------------------------------------------------------------

    def is_editing(self) -> bool:
        return self.editor is not None

    def edit_note(self, note_id: str) -> None:
        item = self.note_items.get(note_id)
        if item is None or self.editor is not None:
            return
        text = "" if self._pending is not None and self._pending.id == note_id else self._note_text(note_id)
        if text is None:
            return
        look = item.look
        rect = look.text_rect.translated(item.pos())
        self._editing_id = note_id
        item.editing = True
        item.update()
        new = self._pending is not None and self._pending.id == note_id
        editor = NoteEditor(text, rect, look.text_size, NOTE_FILL[look.color], self._edit_done, new=new)
        editor.setParentItem(self)  # type: ignore[arg-type]
        self.editor = editor
        self._z_before = self.zValue()  # type: ignore[attr-defined]
        self.setZValue(EDITING_Z)  # type: ignore[attr-defined]  # the view only; the next sync restores it
        scene = self.scene()  # type: ignore[attr-defined]
        if scene is not None and scene.mouseGrabberItem() is self:
            # The editor scrolls itself into view; with the double-click's button still down the
            # view would replay the press as a drag and move the whole map.
            self.ungrabMouse()  # type: ignore[attr-defined]
        editor.start()

    def start_pending(self, note: Any) -> None:
        """Show `note` (not yet in the model) and open its editor."""
        if self.editor is not None:
            self.editor.finish(True)
        self._pending = note
        self._relayout()
        self.edit_note(note.id)

    def _edit_done(self, text: str | None) -> None:
        editor, note_id = self.editor, self._editing_id
        self.editor, self._editing_id = None, None
        if editor is not None:
            self._graveyard.bury(editor)
            self.setZValue(self._z_before)  # type: ignore[attr-defined]
        item = self.note_items.get(note_id or "")
        if item is not None:
            item.editing = False
            item.update()
        pending, self._pending = self._pending, None
        if pending is not None and pending.id == note_id:
            if text is None or not self.apply(lambda p: self._add_op(p, pending, text)):
                self._relayout()
            return
        if pending is not None:
            self._relayout()
        if text is not None and note_id is not None and text != self._note_text(note_id):
            self.apply(lambda p: self._update_op(p, note_id, text))

    def apply(self, build: Callable[[Any], ops.Op]) -> bool:
        """Run an edit of this map through the document (Document.try_apply: a refused one is
        reported and changes nothing). Never rebuilds the scene, so it is safe inside the
        item's own mouse handlers."""
        scene = self.scene()  # type: ignore[attr-defined]
        return scene is not None and scene.document.try_apply(build)
