"""The lifecycle part of the persona form: who keeps it, its status and dates, when it is due
for review (computed from the project's review period) and how much of it cites evidence."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QProgressBar, QWidget

from ...model import PersonaStatus, Project, ops
from ...model.lifecycle import evidence_counts, is_overdue, review_due
from .base import FormContext, Getter, Refreshable, Setter
from .fields import ComboField, DateField, LineField
from .widgets import form_layout, plain_label

STATUS_CHOICES = [(s.value.capitalize(), s) for s in PersonaStatus]


class Computed(Refreshable):
    """A read-only part that recomputes from the project on every change."""

    def __init__(self, ctx: FormContext, update: Callable[[Project], None]) -> None:
        self.ctx = ctx
        self.update = update

    def refresh(self, initiator: object = None) -> None:
        with contextlib.suppress(LookupError, ops.OpError, AttributeError):
            self.update(self.ctx.project)


def persona_field(pid: str, path: str) -> tuple[Getter, Setter]:
    """Getter and setter of one field of a persona (dotted for nested fields)."""

    def get(project: Project) -> Any:
        value: Any = project.persona(pid)
        if value is None:
            raise LookupError(pid)
        for part in path.split("."):
            value = getattr(value, part)
        return value

    def put(project: Project, value: Any) -> ops.Op:
        return ops.set_persona_field(project, pid, path, value)

    return get, put


def lifecycle_body(
    ctx: FormContext, pid: str, today: Callable[[], dt.date] = dt.date.today
) -> tuple[QWidget, dict[str, Refreshable]]:
    box = QWidget()
    layout = form_layout(box)

    def bound(kind: type, path: str, *args: Any, **kwargs: Any) -> Any:
        get, put = persona_field(pid, f"lifecycle.{path}")
        return kind(ctx, get, put, *args, **kwargs)

    owner = bound(LineField, "owner", placeholder="Who keeps this persona current")
    status = bound(ComboField, "status", STATUS_CHOICES)
    version = bound(LineField, "version")
    created = bound(DateField, "created")
    reviewed = bound(DateField, "last_reviewed")
    due = bound(DateField, "review_due")
    review_by = plain_label(object_name="reviewBy")
    warning = plain_label(object_name="warning", wrap=True)
    coverage_bar = QProgressBar()
    coverage_bar.setRange(0, 100)
    coverage_bar.setMaximumHeight(14)
    coverage_bar.setTextVisible(False)
    coverage_text = plain_label(object_name="muted", wrap=True)
    layout.addRow("Owner", owner.edit)
    layout.addRow("Status", status.combo)
    layout.addRow("Version", version.edit)
    layout.addRow("Created", created.box)
    layout.addRow("Last reviewed", reviewed.box)
    layout.addRow("Review due", due.box)
    layout.addRow("Review by", review_by)
    layout.addRow(warning)
    layout.addRow("Evidence", coverage_bar)
    layout.addRow(coverage_text)

    def update(project: Project) -> None:
        persona = project.persona(pid)
        if persona is None:
            return
        months = project.settings.review_period_months
        when = review_due(persona, months)
        explicit = persona.lifecycle.review_due is not None
        if when is None:
            review_by.setText("Set a review date to know when it is due")
        else:
            how = "set by hand" if explicit else f"{months} months after the last review"
            review_by.setText(f"{when.isoformat()} ({how})")
        overdue = is_overdue(persona, months, today())
        warning.setText(
            f"Overdue: due since {when.isoformat()}. Review this persona." if overdue and when else ""
        )
        warning.setVisible(overdue)
        cited, citable = evidence_counts(persona)
        share = cited / citable if citable else 0.0
        coverage_bar.setValue(round(share * 100))
        coverage_text.setText(
            f"{share:.0%}: {cited} of {citable} filled-in fields and entries cite a source"
            if citable
            else "Nothing filled in yet to cite a source for"
        )

    parts = {
        "owner": owner,
        "status": status,
        "version": version,
        "created": created,
        "last_reviewed": reviewed,
        "review_due": due,
        "review_by": Computed(ctx, update),
    }
    return box, parts
