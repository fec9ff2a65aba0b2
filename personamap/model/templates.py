"""Persona templates: which sections a new persona shows, with preset sliders and prompts.

A template is a small JSON file (`resources/persona-templates/*.json`). It never holds user
content; `PersonaTemplate.new_persona()` turns it into an empty persona with the template's
sliders, custom sections and buying role already in place. Qt-free like the rest of the model.
"""

from typing import Annotated, Literal, Self

from pydantic import BaseModel, Field, model_validator

from .base import Model, ShortText, Text, empty_dict, empty_list
from .enums import BuyingRole, Priority, Segment
from .persona import CustomSection, Firmographics, Persona, Psychographics, Slider

SectionPath = Annotated[str, Field(pattern=r"^[a-z_]+(\.[a-z_]+)*$", max_length=100)]
"""A persona field by its dotted path (`goals`, `psychographics.sliders`), or a pseudo section."""

PSEUDO_SECTIONS: tuple[str, ...] = ("identity", "evidence")
"""Sections that are not one field: `identity` is photo, name, role, tagline and badges;
`evidence` lists the sources of the project's research library the persona cites."""


def section_exists(path: str) -> bool:
    """Whether `path` names a section a card or poster can show: a persona field or a pseudo one."""
    if path in PSEUDO_SECTIONS:
        return True
    node: type[BaseModel] | None = Persona
    for part in path.split("."):
        if node is None or part not in node.model_fields:
            return False
        annotation = node.model_fields[part].annotation
        node = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return True


def _within(path: str, section: str) -> bool:
    return path == section or path.startswith(section + ".")


class SliderPreset(Model):
    """A personality or attitude scale a new persona starts with (value 0 left .. 100 right)."""

    left: ShortText
    right: ShortText
    value: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] = 50


class PersonaTemplate(Model):
    """What a new persona of one kind (B2C, B2B, proto-persona, negative…) starts with."""

    schema_version: Literal[1] = 1
    name: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]
    """The file stem; stable, used by code and the command line."""
    title: ShortText
    description: Text = ""
    segment: Segment = Segment.B2C
    priority: Priority = Priority.PRIMARY
    buying_role: BuyingRole | None = None
    sections: list[SectionPath] = Field(min_length=1)
    """The sections the editor and the poster show, in order."""
    card_sections: list[SectionPath] = Field(default_factory=empty_list)
    """The few sections a persona card on a board shows by default: each is one of `sections`
    or a part of one (`firmographics.buying_role` within `firmographics`)."""
    sliders: list[SliderPreset] = Field(default_factory=empty_list)
    custom_sections: list[ShortText] = Field(default_factory=empty_list)
    """Titles of custom sections a new persona gets, empty."""
    prompts: dict[SectionPath, ShortText] = Field(default_factory=empty_dict)
    """Placeholder questions shown in empty fields, by section or field path."""

    @model_validator(mode="after")
    def _sections_known(self) -> Self:
        for where, paths in (
            ("sections", self.sections),
            ("card_sections", self.card_sections),
            ("prompts", list(self.prompts)),
        ):
            unknown = [p for p in paths if not section_exists(p)]
            if unknown:
                raise ValueError(f"{where} names no persona section: {', '.join(unknown)}")
        for where, paths in (("sections", self.sections), ("card_sections", self.card_sections)):
            if len(set(paths)) != len(paths):
                raise ValueError(f"{where} lists a section twice")
        extra = [p for p in self.card_sections if not any(_within(p, s) for s in self.sections)]
        if extra:
            raise ValueError(f"card_sections are not among sections: {', '.join(extra)}")
        return self

    def new_persona(self, name: str = "New persona", color: str = "#0072B2", role: str = "") -> Persona:
        """An empty persona shaped by this template, with fresh ids."""
        return Persona(
            name=name,
            role=role,
            priority=self.priority,
            segment=self.segment,
            color=color,
            firmographics=Firmographics(buying_role=self.buying_role),
            psychographics=Psychographics(
                sliders=[Slider(left=s.left, right=s.right, value=s.value) for s in self.sliders]
            ),
            custom_sections=[CustomSection(title=title) for title in self.custom_sections],
        )
