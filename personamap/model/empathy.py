"""Empathy maps: says / thinks / does / feels, pains and gains, around one persona."""

from pydantic import Field

from .base import Entity, Id, ShortText, Text, empty_list
from .enums import Quadrant
from .note import Note

CORE_QUADRANTS: tuple[Quadrant, ...] = (
    Quadrant.SAYS,
    Quadrant.THINKS,
    Quadrant.DOES,
    Quadrant.FEELS,
    Quadrant.PAINS,
    Quadrant.GAINS,
)
EXTENDED_QUADRANTS: tuple[Quadrant, ...] = (Quadrant.GOAL, Quadrant.SEES, Quadrant.HEARS)


class EmpathyNote(Note):
    """A note placed in one quadrant; notes keep their order within a quadrant."""

    quadrant: Quadrant = Quadrant.SAYS


class EmpathyMap(Entity):
    title: ShortText = "Empathy map"
    persona_id: Id | None = None
    goal: Text = ""
    extended: bool = False
    """Show the extended canvas (Goal, Sees, Hears) as well as the core quadrants."""
    notes: list[EmpathyNote] = Field(default_factory=empty_list)

    def quadrants(self) -> tuple[Quadrant, ...]:
        return CORE_QUADRANTS + (EXTENDED_QUADRANTS if self.extended else ())

    def notes_in(self, quadrant: Quadrant) -> list[EmpathyNote]:
        return [n for n in self.notes if n.quadrant == quadrant]
