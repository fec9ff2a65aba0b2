"""The research library: every source of the project in one list, where sources are added,
edited and removed. Anything in the project may cite any of them (docs/DOMAIN.md); removing a
source drops its citations in the same undo step (ops.remove_source).

Rows are the inspector's list editor; a dataset source shows what it was read from (file,
rows, import date) read-only, since those describe the import, not a choice of the user.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from ...document import Document
from ...model import Confidence, EvidenceKind, Project, Source, ops
from ...model.ops.common import find
from ..inspector.base import FormContext, Getter, Setter
from ..inspector.fields import ComboField, DateField, LineField, SpinField, TextField
from ..inspector.lists import ListEditor
from ..inspector.sources import KIND_LABELS
from ..inspector.widgets import form_layout, plain_label, row

KIND_CHOICES = [(KIND_LABELS[k.value], k) for k in EvidenceKind]
CONFIDENCE_CHOICES = [(c.value.replace("_", " ").capitalize(), c) for c in Confidence]


def source_of(project: Project, source_id: str) -> Source:
    return find(project.sources, source_id, "source")


def source_field(source_id: str, name: str) -> tuple[Getter, Setter]:
    """Getter and setter of one field of one source, as a bound editor needs them."""

    def get(project: Project) -> Any:
        return getattr(source_of(project, source_id), name)

    def put(project: Project, value: Any) -> ops.Op:
        return ops.update_source(project, source_id, **{name: value})

    return get, put


def dataset_text(source: Source) -> str:
    """What a dataset source was read from, in one line; "" for any other source."""
    data = source.dataset
    if data is None:
        return ""
    sheet = f" ({data.sheet})" if data.sheet else ""
    return f"{data.file_name}{sheet} · {data.rows:,} rows · imported {data.imported.isoformat()}"


def usage_text(project: Project, source_id: str) -> str:
    """How much cites a source, so a removal holds no surprise."""
    count = ops.source_usage(project, source_id)
    return "Not cited yet" if count == 0 else f"Cited in {count} place{'s' if count != 1 else ''}"


class _InfoLine:
    """A read-only line of a row (what cites the source, what a dataset was read from), kept
    in step with the model; hidden while it has nothing to say."""

    def __init__(self, ctx: FormContext, source_id: str, text: Callable[[Project, str], str]) -> None:
        self.ctx, self.source_id, self.text = ctx, source_id, text
        self.label = plain_label(object_name="muted", wrap=True)  # file names are user text
        self.label.hide()  # shown by the first refresh, once the row is parented (an orphan is a window)

    def refresh(self, initiator: object = None) -> None:
        try:
            text = self.text(self.ctx.project, self.source_id)
        except (ops.OpError, LookupError):
            return
        self.label.setText(text)
        self.label.setVisible(bool(text))


def source_row(ctx: FormContext, source_id: str) -> tuple[QWidget, list[Any], QWidget | None]:
    """One source's editors: title, kind and confidence, sample size, date, link, note."""

    def bound(kind: type, name: str, *args: Any, **kwargs: Any) -> Any:
        get, put = source_field(source_id, name)
        return kind(ctx, get, put, *args, **kwargs)

    title = bound(LineField, "title", placeholder="Title of the study or source")
    kind = bound(ComboField, "kind", KIND_CHOICES)
    confidence = bound(ComboField, "confidence", CONFIDENCE_CHOICES)
    size = bound(SpinField, "sample_size", 0, 1_000_000_000, none_text="n/a")
    date = bound(DateField, "date")
    link = bound(LineField, "link", placeholder="https://…")
    note = bound(TextField, "note", placeholder="What it showed", lines=2)
    usage = _InfoLine(ctx, source_id, usage_text)
    dataset = _InfoLine(ctx, source_id, lambda p, sid: dataset_text(source_of(p, sid)))
    box = QWidget()
    layout = form_layout(box)
    layout.setContentsMargins(0, 2, 0, 6)
    layout.addRow(title.edit)
    layout.addRow("Kind", row(kind.combo, confidence.combo, stretch=0))
    layout.addRow("Sample", size.spin)
    layout.addRow("Date", date.box)
    layout.addRow("Link", link.edit)
    layout.addRow(note.edit)
    layout.addRow(usage.label)
    layout.addRow(dataset.label)
    return box, [title, kind, confidence, size, date, link, note, usage, dataset], title.edit


def library_editor(ctx: FormContext) -> ListEditor:
    """The project's sources as an editable list: add, edit, remove (with their citations), move."""
    return ListEditor(
        ctx,
        lambda p: [s.id for s in p.sources],
        lambda sid: source_row(ctx, sid),
        add=lambda p, _text: ops.add_source(p),
        remove=ops.remove_source,
        move=ops.move_source,
        noun="source",
        separated=True,
    )


class ResearchPanel(QWidget):
    """The research library in the Library dock; it follows the open document."""

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.setObjectName("research_library")
        self.ctx = FormContext(window)
        self.document: Document | None = None
        self.editor: ListEditor | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(8, 2, 8, 8)

    def set_document(self, document: Document | None) -> None:
        """Rebuild the list for another document (rows are kept by id within one)."""
        if document is self.document and (document is None or self.editor is not None):
            return
        if self.document is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the old one may be gone already
                self.document.changed.disconnect(self._on_changed)
                self.document.replaced.disconnect(self.refresh)
        self.document = document
        if self.editor is not None:
            self.editor.hide()
            self.editor.setParent(None)
            self.editor.deleteLater()
            self.editor = None
        if document is not None:
            document.changed.connect(self._on_changed)
            document.replaced.connect(self.refresh)
            self.editor = library_editor(self.ctx)
            self.box.addWidget(self.editor)

    def _on_changed(self, _changes: ops.Changes, initiator: object) -> None:
        if self.editor is not None:
            self.editor.refresh(initiator)

    def refresh(self) -> None:
        if self.editor is not None:
            self.editor.refresh()

    def reveal_source(self, source_id: str, *, focus: bool = False) -> bool:
        """Scroll a source's row into view (Find), with the cursor in its title when `focus`
        (after "Add source…" in a persona's form); False when the source is not listed."""
        if self.editor is None:
            return False
        self.editor.refresh()
        row_ = self.editor.rows.get(source_id)
        if row_ is None:
            return False
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            area.ensureWidgetVisible(row_)
        if focus and row_.focus_widget is not None:
            row_.focus_widget.setFocus()
        return True
