"""The domain of personamap in pydantic, free of Qt: personas, maps, boards, the project."""

from .base import Entity, Id, Model, ShortText, Text, clean_text, new_id
from .board import (
    Board,
    Connector,
    Element,
    EmpathyMapElement,
    ImageElement,
    JourneyMapElement,
    NoteElement,
    PersonaCard,
    Placed,
    TextElement,
)
from .empathy import EmpathyMap, EmpathyNote
from .enums import (
    BuyingRole,
    CardLayout,
    ChannelKind,
    Confidence,
    EvidenceKind,
    JourneyState,
    LaneKind,
    NoteColor,
    PersonaStatus,
    Priority,
    Quadrant,
    RelationKind,
    Segment,
    ValueKind,
)
from .integrity import Problem, format_loc, problems
from .journey import EmotionScore, JourneyMap, JourneyNote, Lane, Stage, Step
from .note import Note, Vote
from .persona import (
    Behaviour,
    Channel,
    Citation,
    CustomSection,
    Demographics,
    Firmographics,
    Item,
    Lifecycle,
    Persona,
    Psychographics,
    Quote,
    Slider,
    Story,
    ValueFigure,
)
from .project import Asset, EmotionScale, Project, Relation, ScaleLabel, Settings, sniff_media_type
from .research import Dataset, Source

__all__ = [
    "Asset", "Behaviour", "Board", "BuyingRole", "CardLayout", "Channel", "ChannelKind",
    "Citation", "Confidence", "Connector", "CustomSection", "Dataset", "Demographics", "Element",
    "EmotionScale", "EmotionScore", "EmpathyMap", "EmpathyMapElement", "EmpathyNote", "Entity",
    "EvidenceKind", "Firmographics", "Id", "ImageElement", "Item", "JourneyMap",
    "JourneyMapElement", "JourneyNote", "JourneyState", "Lane", "LaneKind", "Lifecycle", "Model",
    "Note", "NoteColor", "NoteElement", "Persona", "PersonaCard", "PersonaStatus", "Placed",
    "Priority", "Problem", "Project", "Psychographics", "Quadrant", "Quote", "Relation",
    "RelationKind", "ScaleLabel", "Segment", "Settings", "ShortText", "Slider", "Source", "Stage",
    "Step", "Story", "Text", "TextElement", "ValueFigure", "ValueKind", "Vote", "clean_text",
    "format_loc", "new_id", "problems", "sniff_media_type",
]
