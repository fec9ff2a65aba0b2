"""The Source page: one source of the research library, picked in the Library dock's research
list, edited here like everything else (title, kind and confidence, sample size, date, link,
note). It says how much cites the source, so a removal holds no surprise, and what a dataset
source was read from, read-only, since that describes the import, not a choice of the user.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout

from ...model import Confidence, EvidenceKind, Project, Source, ops
from ...model.ops.common import find
from .base import Form, FormContext, Getter, Setter
from .fields import ComboField, DateField, LineField, SpinField, TextField
from .lifecycle import Computed
from .sources import KIND_LABELS
from .widgets import Section, form_layout, plain_label, row

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


class SourceForm(Form):
    title = "Source"

    def __init__(self, ctx: FormContext, source_id: str) -> None:
        super().__init__(ctx)
        self.source_id = source_id

        def bound(kind: type, name: str, *args: Any, **kwargs: Any) -> Any:
            get, put = source_field(source_id, name)
            return self.add(kind(ctx, get, put, *args, **kwargs))

        self.title_field = bound(LineField, "title", placeholder="Title of the study or source")
        self.kind = bound(ComboField, "kind", KIND_CHOICES)
        self.confidence = bound(ComboField, "confidence", CONFIDENCE_CHOICES)
        self.sample = bound(SpinField, "sample_size", 0, 1_000_000_000, none_text="n/a")
        self.date = bound(DateField, "date")
        self.link = bound(LineField, "link", placeholder="https://…")
        self.note = bound(TextField, "note", placeholder="What it showed", lines=4)
        self.usage = plain_label(object_name="muted", wrap=True)
        self.dataset = plain_label(object_name="muted", wrap=True)  # file names are user text
        self.add(Computed(ctx, self._info))

        about = Section("Source", "source.about", expanded=True)
        layout = form_layout(about.body)
        layout.addRow("Title", self.title_field.edit)
        layout.addRow("Kind", row(self.kind.combo, self.confidence.combo, stretch=0))
        layout.addRow("Sample", self.sample.spin)
        layout.addRow("Date", self.date.box)
        layout.addRow("Link", self.link.edit)
        layout.addRow("Note", self.note.edit)
        layout.addRow(self.usage)
        layout.addRow(self.dataset)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(about)
        box.addStretch(1)
        self.refresh()

    def alive(self, project: Project) -> bool:
        return project.source(self.source_id) is not None

    def heading(self, project: Project) -> str:
        source = project.source(self.source_id)
        if source is None:
            return "Source"
        return f"Source · {source.title or KIND_LABELS.get(source.kind.value, source.kind.value)}"

    def _info(self, project: Project) -> None:
        source = source_of(project, self.source_id)
        self.usage.setText(usage_text(project, self.source_id))
        data = dataset_text(source)
        self.dataset.setText(data)
        self.dataset.setVisible(bool(data))
