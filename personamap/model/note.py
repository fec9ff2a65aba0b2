"""Sticky notes: the unit of content in empathy maps, journey cells and on boards."""

from pydantic import Field

from .base import Entity, Id, Model, ShortText, Text, empty_list
from .enums import NoteColor


class Vote(Model):
    """One dot a workshop participant put on a note."""

    participant: ShortText = ""
    session: ShortText = ""


class Note(Entity):
    """A sticky note: text, colour, tags, votes and links to evidence."""

    text: Text = ""
    color: NoteColor = NoteColor.YELLOW
    tags: list[ShortText] = Field(default_factory=empty_list)
    votes: list[Vote] = Field(default_factory=empty_list)
    evidence_ids: list[Id] = Field(default_factory=empty_list)
