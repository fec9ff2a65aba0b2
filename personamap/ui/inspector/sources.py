"""Citing sources: a small button beside a field, a list entry or a note whose menu lists
every source of the project's research library, each a checkable item; ticking one applies
one op."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QToolButton

from ...model import Project, Source, ops
from ..plain import plain_action, tooltip
from .base import Binding, FormContext, Getter, Setter, entry_of

Options = Callable[[Project], list[tuple[str, str]]]
"""(source id, label) pairs that may be cited."""

KIND_LABELS = {
    "interview": "Interview",
    "survey": "Survey",
    "analytics": "Analytics",
    "support_tickets": "Support tickets",
    "sales_notes": "Sales notes",
    "crm": "CRM",
    "usability_test": "Usability test",
    "field_study": "Field study",
    "desk_research": "Desk research",
    "other": "Other",
}


def source_label(e: Source) -> str:
    """How a source reads in a menu: title (or kind), sample size and date."""
    parts = [e.title or KIND_LABELS.get(e.kind.value, e.kind.value)]
    if e.sample_size:
        parts.append(f"n={e.sample_size}")
    if e.date:
        parts.append(e.date.isoformat())
    return " · ".join(parts)


def project_sources(project: Project) -> list[tuple[str, str]]:
    """Anything may cite any source of the project's research library."""
    return [(s.id, source_label(s)) for s in project.sources]


class SourcesButton(Binding):
    """Shows how many sources are cited; its menu ticks them on and off."""

    echo = True

    def __init__(self, ctx: FormContext, getter: Getter, setter: Setter | None, options: Options) -> None:
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        self.button.setObjectName("sources")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.button.setMenu(self.menu)
        super().__init__(ctx, getter, setter, self.button)
        self.options = options
        self.button.setFixedWidth(36)
        self.menu.aboutToShow.connect(self.fill_menu)

    def fill_menu(self) -> None:
        self.menu.clear()
        try:
            cited = set(self.current())
            choices = self.options(self.ctx.project)
        except Exception:  # the entry is gone; the owner rebuilds
            return
        if not choices:
            self.menu.addAction("No sources yet: add them in the Research library").setEnabled(False)
            return
        for ident, label in choices:
            action = plain_action(self.menu.addAction(""), label)  # source titles: user text
            action.setCheckable(True)
            action.setChecked(ident in cited)
            action.setData(ident)
            action.toggled.connect(lambda on, i=ident: self.toggle(i, on))

    def toggle(self, source_id: str, on: bool) -> None:
        refs = list(self.current())
        if on and source_id not in refs:
            refs.append(source_id)
        elif not on and source_id in refs:
            refs.remove(source_id)
        self.commit(refs)

    def show(self, value: list[str]) -> None:
        count = len(value)
        self.button.setText(f"◆ {count}" if count else "◇")
        if self.button.property("cited") != bool(count):
            self.button.setProperty("cited", bool(count))  # the inspector's style sheet colours it
            self.button.style().unpolish(self.button)
            self.button.style().polish(self.button)
        try:
            labels = dict(self.options(self.ctx.project))
        except Exception:
            labels = {}
        cited = [labels.get(i, "?") for i in value]
        tip = "Sources: " + "; ".join(cited) if cited else "Cite a source"
        self.button.setToolTip(tooltip(tip))  # source titles are user text


def entry_sources(ctx: FormContext, persona_id: str, section: str, entry_id: str) -> SourcesButton:
    """The sources of one list entry (a goal, a quote, a slider…) of a persona."""
    return SourcesButton(
        ctx,
        lambda p: entry_of(p, persona_id, section, entry_id).evidence_ids,
        lambda p, ids: ops.update_entry(p, persona_id, section, entry_id, evidence_ids=ids),
        project_sources,
    )


def field_sources(ctx: FormContext, persona_id: str, field: str) -> SourcesButton:
    """The sources of one single-valued field (`demographics.age`), kept as a citation."""

    def cited(project: Project) -> list[str]:
        persona = project.persona(persona_id)
        if persona is None:
            raise LookupError(persona_id)
        return next((list(c.evidence_ids) for c in persona.citations if c.field == field), [])

    return SourcesButton(
        ctx,
        cited,
        lambda p, ids: ops.cite(p, persona_id, field, ids),
        project_sources,
    )
