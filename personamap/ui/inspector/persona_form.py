"""The persona form: every field group of a persona in folding sections, each field bound to
the model through ops, single fields citable through a sources button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from ...model import BuyingRole, Priority, Project, Segment
from ...model.layout.card_sections import BUYING_ROLE_LABELS, PRIORITY_LABELS, SEGMENT_LABELS
from ...model.lifecycle import cited_source_ids
from ...style import OKABE_ITO
from .base import Form, FormContext
from .fields import ColorField, ComboField, LineField, SpinField, TextField, tags_field
from .lifecycle import Computed, lifecycle_body, persona_field
from .lists import ListEditor
from .persona_lists import persona_list, structured_list
from .persona_sources import sources_body
from .sources import field_sources
from .widgets import Section, form_layout, plain_label, row

COLOR_NAMES = ("Blue", "Orange", "Green", "Purple", "Vermillion", "Sky", "Yellow", "Black")
PROFICIENCY = ["Not set", "1 · Novice", "2 · Basic", "3 · Capable", "4 · Advanced", "5 · Expert"]

DEMOGRAPHICS = [
    ("age", "Age"),
    ("gender", "Gender"),
    ("location", "Location"),
    ("education", "Education"),
    ("income_band", "Income"),
    ("household", "Household"),
]
FIRMOGRAPHICS = [
    ("industry", "Industry"),
    ("company_size", "Company size"),
    ("department", "Department"),
    ("seniority", "Seniority"),
    ("reports_to", "Reports to"),
]
PSYCHO_LISTS = [
    ("values", "value"),
    ("attitudes", "attitude"),
    ("interests", "interest"),
    ("brands", "brand"),
]
LIST_SECTIONS = [
    ("goals", "Goals", "goal"),
    ("needs", "Needs / jobs to be done", "need"),
    ("motivations", "Motivations", "motivation"),
    ("frustrations", "Frustrations / pain points", "frustration"),
    ("objections", "Fears and objections", "objection"),
    ("expectations", "Expectations of us", "expectation"),
]


class PersonaForm(Form):
    """Everything about one persona; many cards may show it, this edits the persona itself.
    Sections fill themselves when first opened, so selecting a card stays quick."""

    def __init__(self, ctx: FormContext, persona_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.persona_id = persona_id
        self.sections: dict[str, Section] = {}
        self.lists: dict[str, ListEditor] = {}
        self.fields: dict[str, Any] = {}
        self._counts: list[tuple[Section, str]] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        self.section("identity", "Identity", self._identity, expanded=True)
        self.section("quotes", "Key quotes", lambda b: self._structured(b, "quotes"), count="quotes")
        self.section("demographics", "Demographics", lambda b: self._profile(b, "demographics", DEMOGRAPHICS))
        self.section("firmographics", "Firmographics (B2B)", self._firmographics)
        self.section("psychographics", "Psychographics", self._psychographics)
        self.section("behaviour", "Behaviour", self._behaviour)
        for key, title, noun in LIST_SECTIONS:
            build = lambda b, k=key, n=noun: self._list(b, k, n)  # noqa: E731
            self.section(key, title, build, expanded=key == "goals", count=key)
        for key, title in (("channels", "Channels and content"), ("value_figures", "Value figures")):
            self.section(key, title, lambda b, k=key: self._structured(b, k), count=key)
        self.section("story", "Story", self._story)
        custom = "custom_sections"
        self.section(custom, "Custom sections", lambda b: self._structured(b, custom), count=custom)
        self.section("evidence", "Sources", self._sources, count="evidence")
        self.section("lifecycle", "Lifecycle", self._lifecycle, expanded=True)
        self.add(Computed(ctx, self._update_counts))
        self.box.addStretch(1)
        self.refresh()

    # --- helpers ------------------------------------------------------------------------

    def alive(self, project: Project) -> bool:
        return project.persona(self.persona_id) is not None

    def heading(self, project: Project) -> str:
        persona = project.persona(self.persona_id)
        return f"Persona · {persona.name}" if persona else "Persona"

    def section(
        self,
        key: str,
        title: str,
        build: Callable[[QWidget], None],
        *,
        expanded: bool = False,
        count: str | None = None,
    ) -> Section:
        def fill(body: QWidget) -> None:
            start = len(self.parts)
            build(body)
            for part in self.parts[start:]:
                part.refresh()

        sec = Section(title, f"persona.{key}", expanded=expanded, build=fill)
        self.sections[key] = sec
        self.box.addWidget(sec)
        if count is not None:
            self._counts.append((sec, count))
        return sec

    def _update_counts(self, project: Project) -> None:
        persona = project.persona(self.persona_id)
        if persona is not None:
            for sec, key in self._counts:
                sec.set_count(
                    len(cited_source_ids(persona)) if key == "evidence" else len(getattr(persona, key))
                )

    def bound(self, kind: type, path: str, *args: Any, **kwargs: Any) -> Any:
        get, put = persona_field(self.persona_id, path)
        field = self.add(kind(self.ctx, get, put, *args, **kwargs))
        self.fields[path] = field
        return field

    def cited(self, path: str, widget: QWidget) -> QWidget:
        """A field with its sources button beside it."""
        sources = self.add(field_sources(self.ctx, self.persona_id, path))
        self.fields[f"{path}#sources"] = sources
        return row(widget, sources.button, stretch=0)

    def list_editor(self, editor: ListEditor, key: str) -> ListEditor:
        self.add(editor)
        self.lists[key] = editor
        return editor

    # --- sections -----------------------------------------------------------------------

    def _identity(self, body: QWidget) -> None:
        layout = form_layout(body)
        layout.addRow("Name", self.bound(LineField, "name", placeholder="Persona name").edit)
        layout.addRow("Role", self.cited("role", self.bound(LineField, "role", placeholder="Job title").edit))
        layout.addRow("Tagline", self.bound(LineField, "tagline", placeholder="The archetype in a line").edit)
        priority = self.bound(ComboField, "priority", [(PRIORITY_LABELS[p], p) for p in Priority])
        segment = self.bound(ComboField, "segment", [(SEGMENT_LABELS[s], s) for s in Segment])
        layout.addRow("Priority", row(priority.combo, segment.combo, stretch=None))
        colours = list(zip(OKABE_ITO, OKABE_ITO, COLOR_NAMES, strict=True))
        layout.addRow("Colour", self.bound(ColorField, "color", colours, custom=True).widget)
        get, put = persona_field(self.persona_id, "tags")
        tags = self.add(tags_field(self.ctx, get, put))
        self.fields["tags"] = tags
        layout.addRow("Tags", tags.edit)

    def _profile(self, body: QWidget, group: str, fields: list[tuple[str, str]]) -> QFormLayout:
        layout = form_layout(body)
        for name, label in fields:
            path = f"{group}.{name}"
            layout.addRow(label, self.cited(path, self.bound(LineField, path).edit))
        return layout

    def _firmographics(self, body: QWidget) -> None:
        layout = self._profile(body, "firmographics", FIRMOGRAPHICS)
        roles = [("Not set", None)] + [(BUYING_ROLE_LABELS[r], r) for r in BuyingRole]
        role = self.bound(ComboField, "firmographics.buying_role", roles)
        layout.addRow("Buying role", self.cited("firmographics.buying_role", role.combo))
        budget = self.bound(LineField, "firmographics.budget_authority", placeholder="e.g. up to €50k")
        layout.addRow("Budget authority", self.cited("firmographics.budget_authority", budget.edit))

    def _psychographics(self, body: QWidget) -> None:
        layout = form_layout(body)
        sliders = structured_list(self.ctx, self.persona_id, "psychographics.sliders")
        layout.addRow(plain_label("Personality"))
        layout.addRow(self.list_editor(sliders, "psychographics.sliders"))
        for name, noun in PSYCHO_LISTS:
            path = f"psychographics.{name}"
            editor = persona_list(self.ctx, self.persona_id, path, noun)
            layout.addRow(name.capitalize(), self.list_editor(editor, path))
        lifestyle = self.bound(TextField, "psychographics.lifestyle", lines=2)
        layout.addRow("Lifestyle", self.cited("psychographics.lifestyle", lifestyle.edit))

    def _behaviour(self, body: QWidget) -> None:
        layout = form_layout(body)
        for name, label, noun in (("habits", "Habits", "habit"), ("devices", "Devices", "device")):
            path = f"behaviour.{name}"
            layout.addRow(label, self.list_editor(persona_list(self.ctx, self.persona_id, path, noun), path))
        tech = self.bound(SpinField, "behaviour.tech_proficiency", 1, 5, none_text="Not set", suffix=" / 5")
        layout.addRow("Tech proficiency", self.cited("behaviour.tech_proficiency", tech.spin))
        usage = self.bound(LineField, "behaviour.usage_frequency", placeholder="e.g. daily")
        layout.addRow("Usage", self.cited("behaviour.usage_frequency", usage.edit))
        purchase = self.bound(TextField, "behaviour.purchase_behaviour", lines=2)
        layout.addRow("Purchase behaviour", self.cited("behaviour.purchase_behaviour", purchase.edit))
        criteria = persona_list(self.ctx, self.persona_id, "behaviour.decision_criteria", "criterion")
        layout.addRow("Decision criteria", self.list_editor(criteria, "behaviour.decision_criteria"))
        engagement = self.bound(LineField, "behaviour.engagement_level", placeholder="e.g. high")
        layout.addRow("Engagement", self.cited("behaviour.engagement_level", engagement.edit))

    def _list(self, body: QWidget, key: str, noun: str) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addWidget(self.list_editor(persona_list(self.ctx, self.persona_id, key, noun), key))

    def _structured(self, body: QWidget, key: str) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addWidget(self.list_editor(structured_list(self.ctx, self.persona_id, key), key))

    def _story(self, body: QWidget) -> None:
        layout = form_layout(body)
        for name, label in (
            ("bio", "Bio"),
            ("day_in_the_life", "A day in the life"),
            ("scenario", "Scenario"),
        ):
            path = f"story.{name}"
            layout.addRow(label, self.cited(path, self.bound(TextField, path, lines=4).edit))

    def _sources(self, body: QWidget) -> None:
        for part in sources_body(self.ctx, self.persona_id, body):
            self.add(part)

    def _lifecycle(self, body: QWidget) -> None:
        inner, parts = lifecycle_body(self.ctx, self.persona_id)
        for name, part in parts.items():
            self.fields[f"lifecycle.{name}"] = self.add(part)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(inner)
