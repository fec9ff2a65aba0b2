"""Journey maps: stages (with steps) as columns, typed lanes as rows, notes in cells,
and emotion scores per step per persona."""

from typing import Annotated

from pydantic import Field

from .base import Entity, Id, Model, ShortText, Text, empty_list
from .enums import JourneyState, LaneKind
from .note import Note

DEFAULT_STAGES: tuple[str, ...] = (
    "Awareness",
    "Consideration",
    "Decision",
    "Onboarding",
    "Use",
    "Loyalty",
)
DEFAULT_LANES: tuple[tuple[str, LaneKind], ...] = (
    ("Actions", LaneKind.ACTIONS),
    ("Touchpoints", LaneKind.TOUCHPOINTS),
    ("Channels", LaneKind.CHANNELS),
    ("Thoughts", LaneKind.THOUGHTS),
    ("Emotions", LaneKind.EMOTIONS),
    ("Pain points", LaneKind.PAIN_POINTS),
    ("Opportunities", LaneKind.OPPORTUNITIES),
)


class Step(Entity):
    name: ShortText = ""


def _one_step() -> list[Step]:
    return [Step()]


class Stage(Entity):
    """A column of the map; it always has at least one step (emotions are scored per step)."""

    name: ShortText = "Stage"
    description: Text = ""
    steps: Annotated[list[Step], Field(min_length=1)] = Field(default_factory=_one_step)


class Lane(Entity):
    name: ShortText = "Lane"
    kind: LaneKind = LaneKind.CUSTOM


class JourneyNote(Note):
    """A note in one cell: a lane and a stage, optionally narrowed to one of its steps."""

    lane_id: Id
    stage_id: Id
    step_id: Id | None = None


class EmotionScore(Model):
    """How a persona feels at a step, on the project's emotion scale. No score is a gap."""

    persona_id: Id | None = None
    """None scores the map's own (persona-less) curve."""
    step_id: Id
    score: Annotated[int, Field(ge=-100, le=100)]
    note: ShortText = ""


class JourneyMap(Entity):
    title: ShortText = "Journey"
    persona_ids: list[Id] = Field(default_factory=empty_list)
    scenario: Text = ""
    expectations: Text = ""
    state: JourneyState = JourneyState.CURRENT
    owner: ShortText = ""
    version: ShortText = "1"
    stages: list[Stage] = Field(default_factory=empty_list)
    lanes: list[Lane] = Field(default_factory=empty_list)
    notes: list[JourneyNote] = Field(default_factory=empty_list)
    emotions: list[EmotionScore] = Field(default_factory=empty_list)

    def steps(self) -> list[Step]:
        """All steps, left to right."""
        return [step for stage in self.stages for step in stage.steps]

    def notes_in(self, lane_id: str, stage_id: str) -> list[JourneyNote]:
        return [n for n in self.notes if n.lane_id == lane_id and n.stage_id == stage_id]

    def score(self, persona_id: str | None, step_id: str) -> int | None:
        for e in self.emotions:
            if e.persona_id == persona_id and e.step_id == step_id:
                return e.score
        return None
