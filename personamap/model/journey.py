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

    def shown_step(self, step_id: str | None) -> str:
        """The step a note naming `step_id` shows in: that step if this stage has it, else
        the first step (a note without a step, or naming a step the stage lacks)."""
        if step_id is not None and any(s.id == step_id for s in self.steps):
            return step_id
        return self.steps[0].id


class Lane(Entity):
    name: ShortText = "Lane"
    kind: LaneKind = LaneKind.CUSTOM


Cell = tuple[str, str, str]
"""(lane id, stage id, step id): where a note shows on the map."""


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
    evidence_ids: list[Id] = Field(default_factory=empty_list)
    """Project sources (research library) the score rests on."""


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

    def shown_cell(self, lane_id: str, stage_id: str, step_id: str | None) -> Cell | None:
        """The cell (lane, stage, step) that shows a note naming these ids; None when the map
        lacks the lane or the stage (such a note is not drawn anywhere)."""
        stage = next((s for s in self.stages if s.id == stage_id), None)
        if stage is None or not any(lane.id == lane_id for lane in self.lanes):
            return None
        return (lane_id, stage_id, stage.shown_step(step_id))

    def note_cells(self) -> dict[str, Cell | None]:
        """Which cell shows each note (see shown_cell), for every note at once."""
        lanes = {lane.id for lane in self.lanes}
        stages = {stage.id: stage for stage in self.stages}
        out: dict[str, Cell | None] = {}
        for n in self.notes:
            stage = stages.get(n.stage_id)
            if stage is None or n.lane_id not in lanes:
                out[n.id] = None
            else:
                out[n.id] = (n.lane_id, n.stage_id, stage.shown_step(n.step_id))
        return out

    def notes_shown_in(self, lane_id: str, stage_id: str, step_id: str) -> list[JourneyNote]:
        """The notes a cell shows, in their journey order."""
        cell = (lane_id, stage_id, step_id)
        cells = self.note_cells()
        return [n for n in self.notes if cells[n.id] == cell]

    def score(self, persona_id: str | None, step_id: str) -> int | None:
        for e in self.emotions:
            if e.persona_id == persona_id and e.step_id == step_id:
                return e.score
        return None
