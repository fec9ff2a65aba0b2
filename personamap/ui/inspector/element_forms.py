"""Forms for board elements: a persona card (the persona itself plus how this card shows it),
free notes, text blocks, images and connectors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...model import CardLayout, NoteColor, Project, RelationKind, ops
from ...model.layout.card_sections import FULL_SECTIONS
from ...style import NOTE_FILL
from .base import Binding, Form, FormContext, Getter, Setter
from .fields import CheckField, ColorField, ComboField, LineField, SpinField, TextField, tags_field
from .persona_form import PersonaForm
from .widgets import Section, form_layout

LAYOUT_CHOICES = [(layout.value.capitalize(), layout) for layout in CardLayout]
NOTE_COLORS = [(c, NOTE_FILL[c], c.value.capitalize()) for c in NoteColor]
RELATION_CHOICES = [(k.value.replace("_", " ").capitalize(), k) for k in RelationKind]
SECTION_TITLES = {
    "psychographics.sliders": "Personality sliders",
    "story.day_in_the_life": "A day in the life",
    "behaviour.decision_criteria": "Decision criteria",
    "behaviour.engagement_level": "Engagement",
    "behaviour.tech_proficiency": "Tech proficiency",
    "value_figures": "Value figures",
    "custom_sections": "Custom sections",
}


def section_title(key: str) -> str:
    return SECTION_TITLES.get(key, key.rsplit(".", 1)[-1].replace("_", " ").capitalize())


def element_of(project: Project, board_id: str, element_id: str) -> Any:
    board = project.board(board_id)
    element = next((e for e in board.elements if e.id == element_id), None) if board else None
    if element is None:
        raise LookupError(element_id)
    return element


def element_field(board_id: str, element_id: str, name: str) -> tuple[Getter, Setter]:
    def get(project: Project) -> Any:
        return getattr(element_of(project, board_id, element_id), name)

    def put(project: Project, value: Any) -> ops.Op:
        return ops.update_element(project, board_id, element_id, **{name: value})

    return get, put


class SectionsField(Binding):
    """Which sections a card shows, in order: a checkable list; drag to reorder."""

    def __init__(self, ctx: FormContext, getter: Getter, setter: Setter) -> None:
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setMinimumHeight(220)
        super().__init__(ctx, getter, setter, self.list)
        self._loading = False
        self._known: list[str] = list(FULL_SECTIONS)
        self.list.itemChanged.connect(self._edited)
        self.list.model().rowsMoved.connect(self._edited)

    def show(self, value: list[str]) -> None:
        self._loading = True
        self.list.clear()
        self._known += [k for k in value if k not in self._known]  # keep names the card used
        for key in [*value, *(k for k in self._known if k not in value)]:
            item = QListWidgetItem(section_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            item.setCheckState(Qt.CheckState.Checked if key in value else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._loading = False

    def checked(self) -> list[str]:
        items = (self.list.item(k) for k in range(self.list.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.commit(self.checked())


class ElementForm(Form):
    """Base of element forms: knows its board and element, and leaves when the element goes."""

    title = "Element"

    def __init__(
        self, ctx: FormContext, board_id: str, element_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.board_id, self.element_id = board_id, element_id
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)

    def alive(self, project: Project) -> bool:
        try:
            element_of(project, self.board_id, self.element_id)
        except LookupError:
            return False
        return True

    def heading(self, project: Project) -> str:
        return self.title

    def bound(self, kind: type, name: str, *args: Any, **kwargs: Any) -> Any:
        get, put = element_field(self.board_id, self.element_id, name)
        return self.add(kind(self.ctx, get, put, *args, **kwargs))

    def section(self, title: str, key: str, *, expanded: bool = True) -> Any:
        sec = Section(title, key, expanded=expanded)
        self.box.addWidget(sec)
        return sec, form_layout(sec.body)


class PersonaCardForm(ElementForm):
    """The persona a card shows, plus the card's own layout and sections."""

    def __init__(self, ctx: FormContext, board_id: str, element_id: str, persona_id: str) -> None:
        super().__init__(ctx, board_id, element_id)
        self.persona_id = persona_id
        self.card_section, layout = self.section("Card on this board", "card.settings", expanded=False)
        self.layout_field = self.bound(ComboField, "layout", LAYOUT_CHOICES)
        self.sections_field = self.bound(SectionsField, "sections")
        layout.addRow("Layout", self.layout_field.combo)
        layout.addRow("Shows", self.sections_field.list)
        self.persona_form = self.add(PersonaForm(ctx, persona_id))
        self.box.addWidget(self.persona_form)
        self.refresh()

    def alive(self, project: Project) -> bool:
        return super().alive(project) and self.persona_form.alive(project)

    def heading(self, project: Project) -> str:
        return self.persona_form.heading(project)


class NoteForm(ElementForm):
    title = "Sticky note"

    def __init__(self, ctx: FormContext, board_id: str, element_id: str) -> None:
        super().__init__(ctx, board_id, element_id)
        _sec, layout = self.section("Note", "element.note")
        self.text = self.bound(TextField, "text", placeholder="Note text", lines=4)
        layout.addRow(self.text.edit)
        layout.addRow("Colour", self.bound(ColorField, "color", NOTE_COLORS).widget)
        get, put = element_field(board_id, element_id, "tags")
        layout.addRow("Tags", self.add(tags_field(ctx, get, put)).edit)
        self.box.addStretch(1)
        self.refresh()


class TextForm(ElementForm):
    title = "Text"

    def __init__(self, ctx: FormContext, board_id: str, element_id: str) -> None:
        super().__init__(ctx, board_id, element_id)
        _sec, layout = self.section("Text", "element.text")
        self.text = self.bound(TextField, "text", placeholder="Text", lines=3)
        layout.addRow(self.text.edit)
        layout.addRow("Size", self.bound(SpinField, "size", 6, 400, suffix=" px").spin)
        layout.addRow("", self.bound(CheckField, "bold", "Bold").check)
        self.box.addStretch(1)
        self.refresh()


class ImageForm(ElementForm):
    title = "Image"

    def __init__(self, ctx: FormContext, board_id: str, element_id: str) -> None:
        super().__init__(ctx, board_id, element_id)
        _sec, layout = self.section("Image", "element.image")
        layout.addRow("Caption", self.bound(LineField, "caption", placeholder="Caption").edit)
        self.box.addStretch(1)
        self.refresh()


class ConnectorForm(ElementForm):
    title = "Connector"

    def __init__(self, ctx: FormContext, board_id: str, element_id: str) -> None:
        super().__init__(ctx, board_id, element_id)
        _sec, layout = self.section("Connector", "element.connector")
        layout.addRow("Label", self.bound(LineField, "label", placeholder="Label").edit)
        relation_id = element_of(ctx.project, board_id, element_id).relation_id
        if relation_id is not None:

            def get(project: Project) -> Any:
                relation = next((r for r in project.relations if r.id == relation_id), None)
                if relation is None:
                    raise LookupError(relation_id)
                return relation.kind

            def put(project: Project, kind: Any) -> ops.Op:
                return ops.set_relation_kind(project, relation_id, kind)

            layout.addRow("Relation", self.add(ComboField(ctx, get, put, RELATION_CHOICES)).combo)
        self.box.addStretch(1)
        self.refresh()
