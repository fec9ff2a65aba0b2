"""A persona: who the customer is, and which of the project's sources (model/research.py)
each of its fields rests on."""

from typing import Annotated

from pydantic import Field

from .base import Color, Day, Entity, Id, Model, ShortText, Text, empty_list
from .enums import (
    BuyingRole,
    ChannelKind,
    Confidence,
    PersonaStatus,
    Priority,
    Segment,
    ValueKind,
)


class Item(Entity):
    """One entry of a list field (a goal, a frustration…), citing the sources behind it."""

    text: Text = ""
    evidence_ids: list[Id] = Field(default_factory=empty_list)
    confidence: Confidence | None = None


class Quote(Entity):
    """A verbatim quote and who said it, where."""

    text: Text = ""
    source: ShortText = ""
    evidence_ids: list[Id] = Field(default_factory=empty_list)


class Citation(Entity):
    """Sources cited for a single-valued field, named by its dotted path (`demographics.age`)."""

    field: Annotated[str, Field(pattern=r"^[a-z_]+(\.[a-z_]+)*$", max_length=100)]
    evidence_ids: list[Id] = Field(default_factory=empty_list)
    confidence: Confidence | None = None


class Demographics(Model):
    age: ShortText = ""
    gender: ShortText = ""
    location: ShortText = ""
    education: ShortText = ""
    income_band: ShortText = ""
    household: ShortText = ""


class Firmographics(Model):
    """The company side of a B2B persona, with its place in the buying committee."""

    industry: ShortText = ""
    company_size: ShortText = ""
    department: ShortText = ""
    seniority: ShortText = ""
    reports_to: ShortText = ""
    buying_role: BuyingRole | None = None
    budget_authority: ShortText = ""


class Slider(Entity):
    """A personality or attitude scale between two poles; value 0 (left) to 100 (right)."""

    left: ShortText = ""
    right: ShortText = ""
    value: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] = 50
    evidence_ids: list[Id] = Field(default_factory=empty_list)


class Psychographics(Model):
    sliders: list[Slider] = Field(default_factory=empty_list)
    values: list[Item] = Field(default_factory=empty_list)
    attitudes: list[Item] = Field(default_factory=empty_list)
    interests: list[Item] = Field(default_factory=empty_list)
    lifestyle: Text = ""
    brands: list[Item] = Field(default_factory=empty_list)


class Behaviour(Model):
    habits: list[Item] = Field(default_factory=empty_list)
    devices: list[Item] = Field(default_factory=empty_list)
    tech_proficiency: Annotated[int, Field(ge=1, le=5)] | None = None
    usage_frequency: ShortText = ""
    purchase_behaviour: Text = ""
    decision_criteria: list[Item] = Field(default_factory=empty_list)
    engagement_level: ShortText = ""


class Channel(Entity):
    """A channel or content source the persona prefers."""

    name: ShortText = ""
    kind: ChannelKind = ChannelKind.OTHER
    note: Text = ""
    evidence_ids: list[Id] = Field(default_factory=empty_list)


class ValueFigure(Entity):
    """A business figure for the segment: lifetime value, acquisition cost, churn risk…"""

    kind: ValueKind = ValueKind.OTHER
    label: ShortText = ""
    value: Annotated[float, Field(allow_inf_nan=False)] | None = None
    unit: ShortText = ""
    note: Text = ""
    evidence_ids: list[Id] = Field(default_factory=empty_list)


class Story(Model):
    bio: Text = ""
    day_in_the_life: Text = ""
    scenario: Text = ""


class CustomSection(Entity):
    """A section a team adds for itself: a titled list and/or body text."""

    title: ShortText = ""
    items: list[Item] = Field(default_factory=empty_list)
    body: Text = ""


class Lifecycle(Model):
    """Who keeps the persona and when it must be looked at again."""

    owner: ShortText = ""
    status: PersonaStatus = PersonaStatus.DRAFT
    version: ShortText = "1"
    created: Day | None = None
    last_reviewed: Day | None = None
    review_due: Day | None = None
    """An explicit due date; when unset it follows from last_reviewed and the review period."""


LIST_SECTIONS: tuple[str, ...] = (
    "goals",
    "needs",
    "motivations",
    "frustrations",
    "objections",
    "expectations",
)
"""The list fields of a persona that hold `Item`s directly, in the order a card shows them."""


class Persona(Entity):
    """A semi-fictional profile of one customer segment, grounded in the project's sources."""

    name: ShortText = "New persona"
    photo_asset_id: Id | None = None
    role: ShortText = ""
    tagline: ShortText = ""
    priority: Priority = Priority.PRIMARY
    segment: Segment = Segment.B2C
    color: Color = "#0072B2"
    tags: list[ShortText] = Field(default_factory=empty_list)
    quotes: list[Quote] = Field(default_factory=empty_list)
    demographics: Demographics = Field(default_factory=Demographics)
    firmographics: Firmographics = Field(default_factory=Firmographics)
    psychographics: Psychographics = Field(default_factory=Psychographics)
    behaviour: Behaviour = Field(default_factory=Behaviour)
    goals: list[Item] = Field(default_factory=empty_list)
    needs: list[Item] = Field(default_factory=empty_list)
    motivations: list[Item] = Field(default_factory=empty_list)
    frustrations: list[Item] = Field(default_factory=empty_list)
    objections: list[Item] = Field(default_factory=empty_list)
    expectations: list[Item] = Field(default_factory=empty_list)
    channels: list[Channel] = Field(default_factory=empty_list)
    value_figures: list[ValueFigure] = Field(default_factory=empty_list)
    story: Story = Field(default_factory=Story)
    custom_sections: list[CustomSection] = Field(default_factory=empty_list)
    citations: list[Citation] = Field(default_factory=empty_list)
    lifecycle: Lifecycle = Field(default_factory=Lifecycle)
