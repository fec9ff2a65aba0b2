"""List editors of a persona's sections: plain entries (goals, habits…) and the structured
ones (quotes, sliders, channels, value figures, custom sections). Each row's editors
apply `update_entry`; the list applies `add_entry`, `remove_entry` and `move_entry`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...model import ChannelKind, Confidence, Project, ValueKind, ops
from .base import FormContext, entry_field, entry_ids
from .fields import ComboField, LineField, SliderField, TextField, number_field
from .lists import Build, ListEditor, WrapLineField
from .sources import entry_sources
from .widgets import form_layout, row


def _label(value: str) -> str:
    return value.replace("_", " ").capitalize()


CONFIDENCE_CHOICES = [(_label(c.value), c) for c in Confidence]
CHANNEL_CHOICES = [(_label(c.value), c) for c in ChannelKind]
VALUE_CHOICES = [(_label(v.value), v) for v in ValueKind]


def _editor(
    ctx: FormContext, pid: str, section: str, build: Build, noun: str, *, pending_text: bool = False
) -> ListEditor:
    def add(project: Project, text: str | None) -> ops.Op:
        return ops.add_entry(project, pid, section, text if text is not None else None)

    return ListEditor(
        ctx,
        entry_ids(pid, section),
        build,
        add=add,
        remove=lambda p, eid: ops.remove_entry(p, pid, section, eid),
        move=lambda p, eid, k: ops.move_entry(p, pid, section, eid, k),
        noun=noun,
        pending_text=pending_text,
        separated=not pending_text,
    )


def persona_list(ctx: FormContext, pid: str, section: str, noun: str) -> ListEditor:
    """A list of `Item`s (goals, values, habits…): one line of text and its sources each."""

    def build(eid: str) -> tuple[QWidget, list[Any], QWidget | None]:
        get, put = entry_field(pid, section, eid, "text")
        text = WrapLineField(ctx, get, put, placeholder=noun.capitalize())
        sources = entry_sources(ctx, pid, section, eid)
        return row(text.edit, sources.button, stretch=0), [text, sources], text.edit

    return _editor(ctx, pid, section, build, noun, pending_text=True)


def _fields(ctx: FormContext, pid: str, section: str, eid: str) -> Callable[..., Any]:
    """A maker of bound editors for the fields of one entry."""

    def make(kind: type, name: str, *args: Any, **kwargs: Any) -> Any:
        get, put = entry_field(pid, section, eid, name)
        return kind(ctx, get, put, *args, **kwargs)

    return make


def _stack(*rows: tuple[str, QWidget] | QWidget) -> QWidget:
    box = QWidget()
    layout = form_layout(box)
    layout.setContentsMargins(0, 2, 0, 6)
    for r in rows:
        if isinstance(r, tuple):
            layout.addRow(r[0], r[1])
        else:
            layout.addRow(r)
    return box


def _quote(ctx: FormContext, pid: str, eid: str) -> tuple[QWidget, list[Any], QWidget | None]:
    f = _fields(ctx, pid, "quotes", eid)
    text = f(TextField, "text", placeholder="What they said, verbatim", lines=2)
    source = f(LineField, "source", placeholder="Who said it, where")
    sources = entry_sources(ctx, pid, "quotes", eid)
    box = _stack(text.edit, row(source.edit, sources.button, stretch=0))
    return box, [text, source, sources], text.edit


def _slider(ctx: FormContext, pid: str, eid: str) -> tuple[QWidget, list[Any], QWidget | None]:
    section = "psychographics.sliders"
    f = _fields(ctx, pid, section, eid)
    left = f(LineField, "left", placeholder="Left pole")
    right = f(LineField, "right", placeholder="Right pole")
    value = f(SliderField, "value")
    sources = entry_sources(ctx, pid, section, eid)
    for edit in (left.edit, right.edit):
        edit.setMaximumWidth(140)
    right.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 2, 0, 6)
    layout.setSpacing(2)
    layout.addWidget(row(left.edit, QWidget(), right.edit, sources.button, stretch=1))
    layout.addWidget(value.slider)
    return box, [left, right, value, sources], left.edit


def _channel(ctx: FormContext, pid: str, eid: str) -> tuple[QWidget, list[Any], QWidget | None]:
    f = _fields(ctx, pid, "channels", eid)
    name = f(LineField, "name", placeholder="Channel or source")
    kind = f(ComboField, "kind", CHANNEL_CHOICES)
    note = f(LineField, "note", placeholder="Note")
    sources = entry_sources(ctx, pid, "channels", eid)
    box = _stack(row(name.edit, kind.combo, sources.button, stretch=0), note.edit)
    return box, [name, kind, note, sources], name.edit


def _figure(ctx: FormContext, pid: str, eid: str) -> tuple[QWidget, list[Any], QWidget | None]:
    f = _fields(ctx, pid, "value_figures", eid)
    kind = f(ComboField, "kind", VALUE_CHOICES)
    label = f(LineField, "label", placeholder="Label")
    get, put = entry_field(pid, "value_figures", eid, "value")
    value = number_field(ctx, get, put)
    unit = f(LineField, "unit", placeholder="Unit")
    value.edit.setMaximumWidth(90)
    unit.edit.setMaximumWidth(70)
    sources = entry_sources(ctx, pid, "value_figures", eid)
    box = _stack(
        row(kind.combo, label.edit, sources.button, stretch=1), row(value.edit, unit.edit, stretch=0)
    )
    return box, [kind, label, value, unit, sources], label.edit


def _custom(ctx: FormContext, pid: str, eid: str) -> tuple[QWidget, list[Any], QWidget | None]:
    f = _fields(ctx, pid, "custom_sections", eid)
    title = f(LineField, "title", placeholder="Section title")
    body = f(TextField, "body", placeholder="Text", lines=2)
    items = persona_list(ctx, pid, f"custom_sections.{eid}.items", "item")
    box = _stack(title.edit, body.edit, items)
    return box, [title, body, items], title.edit


_ROWS = {
    "quotes": (_quote, "quote"),
    "psychographics.sliders": (_slider, "slider"),
    "channels": (_channel, "channel"),
    "value_figures": (_figure, "figure"),
    "custom_sections": (_custom, "section"),
}


def structured_list(ctx: FormContext, pid: str, section: str) -> ListEditor:
    """A list of structured entries; add makes a blank entry and focuses its first field."""
    build_row, noun = _ROWS[section]
    return _editor(ctx, pid, section, lambda eid: build_row(ctx, pid, eid), noun)
