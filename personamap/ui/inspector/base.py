"""What every inspector form shares: a context that turns widget edits into undoable ops, and
bindings that show one model value in one widget.

A binding remembers the value it last showed. On a change notice it reads the model again and
touches its widget only when that value differs, so typing is never reset by unrelated edits,
and it skips the widget that made the edit (the notice's initiator), so the cursor stays put
(ARCHITECTURE.md rule 7).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtWidgets import QWidget

from ...document import Document
from ...model import Project, ops
from ...model.ops.address import address, resolve

OpFactory = Callable[[Project], ops.Op]
Getter = Callable[[Project], Any]
Setter = Callable[[Project, Any], ops.Op]

UNSET: Any = object()


class FormContext:
    """Where forms send their edits: the window's document (which reports refusals)."""

    def __init__(self, window: Any) -> None:
        self.window = window

    @property
    def document(self) -> Document:
        doc = self.window.document
        assert doc is not None, "the inspector edits only with a document open"
        return doc

    @property
    def project(self) -> Project:
        return self.document.project

    def apply(self, make: OpFactory, initiator: object = None, merge_key: Hashable | None = None) -> bool:
        """Build and run one op (Document.try_apply: a refused edit reaches the status bar,
        never raised); edits sharing a `merge_key` merge into one undo step."""
        if merge_key is None:
            return self.document.try_apply(make, initiator)
        return self.document.try_apply(lambda p: dataclasses.replace(make(p), merge_key=merge_key), initiator)


class Refreshable:
    """Anything a form refreshes after a change notice."""

    def refresh(self, initiator: object = None) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class Binding(Refreshable):
    """One model value shown in one widget; subclasses say how to show and read it.
    `echo`: show the model again after the binding's own edit (buttons, swatches), where
    nothing is being typed that a refresh could disturb."""

    echo = False

    def __init__(self, ctx: FormContext, getter: Getter, setter: Setter | None, widget: QWidget) -> None:
        self.ctx = ctx
        self.getter = getter
        self.setter = setter
        self.widget = widget
        self._shown: Any = UNSET
        if setter is None:
            widget.setEnabled(False)

    def current(self) -> Any:
        return self.getter(self.ctx.project)

    def refresh(self, initiator: object = None) -> None:
        try:
            value = self.current()
        except (ops.OpError, LookupError, AttributeError):
            return  # the entity is gone; the owner of this binding rebuilds
        if initiator is self and not self.echo:
            self._shown = value
            return
        if value != self._shown:
            self._shown = value
            self.show(value)

    def show(self, value: Any) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def commit(self, value: Any, merge_key: Hashable | None = None) -> bool:
        """Apply `value` unless the model already holds it; on refusal show the model again."""
        if self.setter is None:
            return False
        try:
            if value == self.current():
                return True
        except (ops.OpError, LookupError, AttributeError):
            return False
        setter = self.setter
        ok = self.ctx.apply(lambda p: setter(p, value), self, merge_key)
        if not ok:
            self.revert()
        return ok

    def revert(self) -> None:
        self._shown = UNSET
        self.refresh()


class Form(QWidget):
    """A widget of bindings and nested refreshables; the dock refreshes it on every change."""

    title = ""

    def __init__(self, ctx: FormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.parts: list[Refreshable] = []

    def add(self, part: Any) -> Any:
        self.parts.append(part)
        return part

    def alive(self, project: Project) -> bool:
        """False once what the form shows has left the project (then the dock moves on)."""
        return True

    def refresh(self, initiator: object = None) -> None:
        for part in list(self.parts):
            part.refresh(initiator)

    def heading(self, project: Project) -> str:
        return self.title


def entry_of(project: Project, persona_id: str, section: str, entry_id: str) -> Any:
    """An entry of a persona's list section (`goals`, `custom_sections.<id>.items`…);
    OpError when it is gone."""
    return resolve(project, address("personas", persona_id, section, entry_id))


def entry_ids(persona_id: str, section: str) -> Getter:
    """The ids of a persona's list section, in order (the rows a list editor shows)."""

    def ids(project: Project) -> list[str]:
        return [e.id for e in resolve(project, address("personas", persona_id, section))]

    return ids


def entry_field(persona_id: str, section: str, entry_id: str, name: str) -> tuple[Getter, Setter]:
    """Getter and setter of one field of one entry, as a bound editor needs them."""

    def get(project: Project) -> Any:
        return getattr(entry_of(project, persona_id, section, entry_id), name)

    def put(project: Project, value: Any) -> ops.Op:
        return ops.update_entry(project, persona_id, section, entry_id, **{name: value})

    return get, put
