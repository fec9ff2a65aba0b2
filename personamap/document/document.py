"""A `Document` is one open project: the model, its file, and the undo stack that runs ops.

Every user edit arrives here as a model op (personamap.model.ops). The op is applied *before*
it is pushed, so an invalid edit raises and leaves no command behind; the command then only
replays the op and its inverse. Views listen to `changed(changes, initiator)` and refresh only
what the changes name; the initiator lets the widget that typed an edit ignore its own echo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..model import Project
from ..model.ops import OpError


class Op(Protocol):
    @property
    def name(self) -> str: ...

    def apply(self, project: Project) -> tuple[Op, Any]: ...


class OpCommand(QUndoCommand):
    """Replays an already-applied op and its inverse; consecutive edits of one field merge."""

    MERGE_ID = 0x504D  # any constant: only commands whose ops share a merge key really merge

    def __init__(self, document: Document, op: Op, inverse: Op, initiator: object = None) -> None:
        super().__init__(op.name)
        self._document = document
        self._forward = op
        self._backward = inverse
        self._initiator = initiator
        self._first = True

    def redo(self) -> None:
        if self._first:  # applied by Document.apply already
            self._first = False
            return
        self._backward, changes = self._forward.apply(self._document.project)
        self._document.notify(changes, None)

    def undo(self) -> None:
        self._forward, changes = self._backward.apply(self._document.project)
        self._document.notify(changes, None)

    def merge_key(self) -> object:
        return getattr(self._forward, "merge_key", None)

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key() is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, OpCommand) or other.merge_key() != self.merge_key():
            return False
        self._forward = other._forward  # absolute new value; our inverse keeps the old one
        return True


class Document(QObject):
    """One open project. `changed` fires after every op, undo and redo."""

    changed = Signal(object, object)  # changes, initiator
    refused = Signal(str)  # why an edit tried with try_apply was refused, for the status bar
    replaced = Signal()  # the whole project was swapped (reload)
    path_changed = Signal()
    modified_changed = Signal(bool)

    def __init__(self, project: Project, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(0)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        # A bound slot, not a lambda: Qt drops it when the document dies, before the stack's
        # destructor emits cleanChanged into a half-deleted object.
        self.modified_changed.emit(not clean)

    # --- edits ------------------------------------------------------------------------

    def apply(self, op: Op, initiator: object = None) -> None:
        """Run one edit and make it undoable. Raises (and changes nothing) if it is invalid."""
        inverse, changes = op.apply(self.project)
        self.undo_stack.push(OpCommand(self, op, inverse, initiator))
        self.notify(changes, initiator)

    def try_apply(self, build: Callable[[Project], Op], initiator: object = None) -> bool:
        """Build an op from the current project and run it as `apply` does. A refused edit
        (an OpError while building or applying) changes nothing, is announced through
        `refused` with its reason, and returns False: views never see the exception."""
        try:
            self.apply(build(self.project), initiator)
        except OpError as exc:
            self.refused.emit(str(exc))
            return False
        return True

    def try_apply_all(
        self, name: str, builds: Sequence[Callable[[Project], Op]], initiator: object = None
    ) -> bool:
        """Several edits as one undo step named `name`, all or nothing: each op is built on the
        project as the previous ones left it (a relation exists before its connector). A
        refusal is announced as `try_apply` does; what ran before it is undone and the step
        dropped, so the stack is as it was (but for any redo it had)."""
        if not builds:
            return True
        try:
            first = builds[0](self.project)  # the usual refusal touches no stack
        except OpError as exc:
            self.refused.emit(str(exc))
            return False
        with self.macro(name):
            ok = self.try_apply(lambda _p: first, initiator) and all(
                self.try_apply(build, initiator) for build in builds[1:]
            )
        if not ok:
            self.undo_stack.undo()  # what ran before the refusal
            self.undo_stack.command(self.undo_stack.index()).setObsolete(True)
            self.undo_stack.redo()  # Qt drops an obsolete command instead of redoing it
        return ok

    @contextmanager
    def macro(self, name: str) -> Iterator[None]:
        """Group several applies into one undo step (one drag of several items, one paste)."""
        self.undo_stack.beginMacro(name)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def notify(self, changes: object, initiator: object) -> None:
        self.changed.emit(changes, initiator)

    # --- state ------------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def mark_saved(self, path: Path) -> None:
        """Record a successful save: the new path, and the stack's clean point."""
        if path != self.path:
            self.path = path
            self.path_changed.emit()
        self.undo_stack.setClean()

    def save(self, path: Path | None = None) -> None:
        """Save to `path` (or the current path) through the atomic save; raises on failure and
        then leaves the document modified."""
        from ..io import save

        target = path or self.path
        if target is None:
            raise ValueError("an untitled document needs a path to be saved")
        self.project.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
        save(self.project, target)
        self.mark_saved(target)
