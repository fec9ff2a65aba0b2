"""The persona fields a persona table carries, one column each (lists in one cell or in
numbered columns), and how a header names one of them or a custom section. Both directions of
tables.py use this one list, so what is exported is what is imported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from personamap.model import Persona
from personamap.model.enums import BuyingRole, PersonaStatus, Priority, Segment

Kind = Literal["short", "long", "list", "choice", "level", "code"]
"""short/long: one line or multi-line text; list: entries; choice: one of an enum; level: a
whole number 1..5; code: text read without spaces around (a colour)."""


@dataclass(frozen=True)
class PersonaField:
    header: str
    path: str
    """Dotted attribute path on Persona (`demographics.age`)."""
    kind: Kind = "short"
    singular: str = ""
    """A list's header for one entry per column: `Goal 1`, `Goal 2`…"""
    entry: str | None = "text"
    """The attribute holding a list entry's text; None for lists of plain strings (tags)."""
    choices: type[StrEnum] | None = None
    aliases: tuple[str, ...] = ()


def _list(header: str, path: str, singular: str, entry: str | None = "text", *aliases: str) -> PersonaField:
    return PersonaField(header, path, "list", singular, entry, None, aliases)


FIELDS: tuple[PersonaField, ...] = (
    PersonaField("Name", "name", aliases=("persona", "persona name")),
    PersonaField("Role", "role", aliases=("job title", "job")),
    PersonaField("Tagline", "tagline"),
    PersonaField("Priority", "priority", "choice", choices=Priority),
    PersonaField("Segment", "segment", "choice", choices=Segment),
    PersonaField("Color", "color", "code", aliases=("colour",)),
    _list("Tags", "tags", "Tag", None),
    PersonaField("Age", "demographics.age"),
    PersonaField("Gender", "demographics.gender"),
    PersonaField("Location", "demographics.location"),
    PersonaField("Education", "demographics.education"),
    PersonaField("Income band", "demographics.income_band", aliases=("income",)),
    PersonaField("Household", "demographics.household"),
    PersonaField("Industry", "firmographics.industry"),
    PersonaField("Company size", "firmographics.company_size"),
    PersonaField("Department", "firmographics.department"),
    PersonaField("Seniority", "firmographics.seniority"),
    PersonaField("Reports to", "firmographics.reports_to"),
    PersonaField("Buying role", "firmographics.buying_role", "choice", choices=BuyingRole),
    PersonaField("Budget authority", "firmographics.budget_authority"),
    _list("Goals", "goals", "Goal"),
    _list("Needs", "needs", "Need"),
    _list("Motivations", "motivations", "Motivation"),
    _list("Frustrations", "frustrations", "Frustration", "text", "pain points", "pains"),
    _list("Objections", "objections", "Objection"),
    _list("Expectations", "expectations", "Expectation"),
    _list("Quotes", "quotes", "Quote"),
    _list("Values", "psychographics.values", "Value"),
    _list("Attitudes", "psychographics.attitudes", "Attitude"),
    _list("Interests", "psychographics.interests", "Interest"),
    PersonaField("Lifestyle", "psychographics.lifestyle", "long"),
    _list("Brands", "psychographics.brands", "Brand"),
    _list("Habits", "behaviour.habits", "Habit"),
    _list("Devices", "behaviour.devices", "Device"),
    PersonaField("Tech proficiency", "behaviour.tech_proficiency", "level"),
    PersonaField("Usage frequency", "behaviour.usage_frequency"),
    PersonaField(
        "Purchase behaviour", "behaviour.purchase_behaviour", "long", aliases=("purchase behavior",)
    ),
    _list("Decision criteria", "behaviour.decision_criteria", "Decision criterion"),
    PersonaField("Engagement level", "behaviour.engagement_level"),
    _list("Channels", "channels", "Channel", "name"),
    PersonaField("Bio", "story.bio", "long", aliases=("biography", "about")),
    PersonaField("Day in the life", "story.day_in_the_life", "long"),
    PersonaField("Scenario", "story.scenario", "long"),
    PersonaField("Owner", "lifecycle.owner"),
    PersonaField("Status", "lifecycle.status", "choice", choices=PersonaStatus),
)
NAME = FIELDS[0]

SECTION_PREFIX = "Section: "
"""Marks a custom section's column whose title alone would read as something else."""
BODY_SUFFIX = " (text)"
"""A custom section's body text, beside the column of its entries."""


def key(header: str) -> str:
    """A header as compared: spaces collapsed, case folded."""
    return " ".join(header.split()).casefold()


_BY_KEY = {key(name): f for f in FIELDS for name in (f.header, *f.aliases)}
_BY_SINGULAR = {key(f.singular): f for f in FIELDS if f.singular}
_NUMBERED = re.compile(r"(.*?)\s*#?\s*(\d+)")
_PREFIXED_ENTRY = re.compile(r"(.*) #(\d+)", re.S)

Part = Literal["value", "joined", "entry", "body"]
"""value: a single field; joined: a list in one cell; entry: one entry; body: a section's text."""


@dataclass(frozen=True)
class Header:
    """What a column holds: a persona field, or (field None) the custom section `title`."""

    part: Part
    field: PersonaField | None = None
    title: str = ""


def parse_header(header: str) -> Header:
    """What the column `header` holds; a header naming no field is a custom section."""
    k = key(header)
    if k.startswith(key(SECTION_PREFIX)):
        rest = header.split(":", 1)[1]
        rest = rest[1:] if rest.startswith(" ") else rest
        if rest.endswith(BODY_SUFFIX):
            return Header("body", title=rest[: -len(BODY_SUFFIX)])
        numbered = _PREFIXED_ENTRY.fullmatch(rest)
        if numbered:
            return Header("entry", title=numbered.group(1))
        return Header("joined", title=rest)
    if k in _BY_KEY:
        found = _BY_KEY[k]
        return Header("joined" if found.kind == "list" else "value", found)
    if k in _BY_SINGULAR:
        return Header("entry", _BY_SINGULAR[k])
    numbered = _NUMBERED.fullmatch(k)
    if numbered:
        base = numbered.group(1)
        listed = _BY_KEY.get(base) or _BY_SINGULAR.get(base)
        if listed is not None and listed.kind == "list":
            return Header("entry", listed)
    if header.endswith(BODY_SUFFIX) and header[: -len(BODY_SUFFIX)].strip():
        return Header("body", title=header[: -len(BODY_SUFFIX)])
    return Header("joined", title=header)


def cell_value(persona: Persona, f: PersonaField) -> str | list[str]:
    """The field's text on `persona` (a list's entries as a list)."""
    value: Any = persona
    for part in f.path.split("."):
        value = getattr(value, part)
    if f.kind == "list":
        return [getattr(e, f.entry) if f.entry else e for e in value]
    if value is None:
        return ""
    if f.kind == "choice":
        return str(value.value).replace("_", " ")
    return str(value)


def choice(f: PersonaField, text: str) -> str | None:
    """The enum value a choice cell names (`Decision maker` → `decision_maker`), else None."""
    assert f.choices is not None
    wanted = re.sub(r"[\s-]+", "_", text.strip().casefold())
    return next((m.value for m in f.choices if m.value == wanted or m.name.casefold() == wanted), None)


def choices_text(f: PersonaField) -> str:
    assert f.choices is not None
    return ", ".join(str(m.value).replace("_", " ") for m in f.choices)


def put(data: dict[str, Any], path: str, value: object) -> None:
    """Set `value` at the dotted `path` of a nested dict that Persona.model_validate reads."""
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value
