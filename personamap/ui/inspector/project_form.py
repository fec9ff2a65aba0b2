"""The project form, shown when nothing is selected: title, description and the settings that
apply to every persona and journey (emotion scale, review period, the lint's thresholds)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ...model import Project, ops
from ...model.lifecycle import is_overdue
from ..plain import tooltip
from .base import Form, FormContext
from .fields import ComboField, LineField, SpinField, TextField
from .lifecycle import Computed
from .widgets import Section, form_layout, plain_label

SCALE_PRESETS = [("−2 … +2 (frustrated … delighted)", (-2, 2)), ("1 … 5", (1, 5)), ("0 … 10", (0, 10))]


def _percent(ctx: FormContext, name: str) -> SpinField:
    """A lint threshold kept as a share (0..1), edited as a whole percent."""
    return SpinField(
        ctx,
        lambda p: round(getattr(p.settings.lint, name) * 100),
        lambda p, v: ops.set_setting(p, f"lint.{name}", v / 100),
        0,
        100,
        suffix=" %",
    )


class ProjectForm(Form):
    title = "Project"

    def __init__(self, ctx: FormContext) -> None:
        super().__init__(ctx)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        about = Section("Project", "project.about", expanded=True)
        layout = form_layout(about.body)
        self.title_field = self.add(
            LineField(ctx, lambda p: p.title, lambda p, v: ops.set_title(p, v), placeholder="Project title")
        )
        self.description = self.add(
            TextField(
                ctx,
                lambda p: p.description,
                lambda p, v: ops.set_description(p, v),
                placeholder="What this project is about",
                lines=4,
            )
        )
        layout.addRow("Title", self.title_field.edit)
        layout.addRow("Description", self.description.edit)
        settings = Section("Settings", "project.settings", expanded=True)
        layout = form_layout(settings.body)

        def scale(p: Project) -> tuple[int, int]:
            s = p.settings.emotion_scale
            return (s.minimum, s.maximum)

        self.scale = self.add(
            ComboField(ctx, scale, lambda p, v: ops.set_emotion_scale(p, v[0], v[1]), SCALE_PRESETS)
        )
        self.review = self.add(
            SpinField(
                ctx,
                lambda p: p.settings.review_period_months,
                lambda p, v: ops.set_setting(p, "review_period_months", v),
                1,
                120,
                suffix=" months",
            )
        )
        layout.addRow("Emotion scale", self.scale.combo)
        layout.addRow("Review every", self.review.spin)
        self.max_primary = self.add(
            SpinField(
                ctx,
                lambda p: p.settings.lint.max_primary,
                lambda p, v: ops.set_setting(p, "lint.max_primary", v),
                1,
                100,
            )
        )
        self.low_evidence = self.add(_percent(ctx, "low_evidence"))
        self.assumption_share = self.add(_percent(ctx, "assumption_share"))
        self.overlap = self.add(_percent(ctx, "overlap"))
        for field, tip in (
            (
                self.max_primary,
                "Lint: more primary personas than this and the team has not chosen whom to design for",
            ),
            (self.low_evidence, "Lint: a persona citing research for less than this share of its entries"),
            (
                self.assumption_share,
                "Lint: a persona with more than this share of its entries marked assumption",
            ),
            (self.overlap, "Lint: two personas at least this alike in words and fields may be one"),
        ):
            field.spin.setToolTip(tooltip(tip))
        layout.addRow("Most primary personas", self.max_primary.spin)
        layout.addRow("Evidence at least", self.low_evidence.spin)
        layout.addRow("Assumptions at most", self.assumption_share.spin)
        layout.addRow("Personas alike from", self.overlap.spin)
        summary = Section("Overview", "project.summary", expanded=True)
        self.summary = plain_label(object_name="muted", wrap=True)
        form_layout(summary.body).addRow(self.summary)
        self.add(Computed(ctx, self._summarise))
        for section in (about, settings, summary):
            box.addWidget(section)
        box.addStretch(1)
        self.refresh()

    def heading(self, project: Project) -> str:
        return f"Project · {project.title}"

    def _summarise(self, project: Project) -> None:
        import datetime as dt

        months = project.settings.review_period_months
        overdue = sum(is_overdue(p, months, dt.date.today()) for p in project.personas)
        lines = [
            f"{len(project.personas)} personas, {len(project.journeys)} journeys, "
            f"{len(project.empathy_maps)} empathy maps, {len(project.boards)} boards.",
        ]
        if overdue:
            lines.append(f"{overdue} persona(s) past their review date.")
        lines.append("Select something on the canvas to edit it here.")
        self.summary.setText("\n".join(lines))
