"""Helpers shared by the resource builders (`build_resources.py` runs them).

Everything here is deterministic: ids are derived from each entity's place in its project,
and colours come from personamap.style, so re-running the builder gives byte-identical files.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence

from personamap.io import dumps as io_dumps
from personamap.model import (
    Connector,
    EmotionScore,
    JourneyMap,
    JourneyNote,
    Lane,
    LaneKind,
    NoteColor,
    Placed,
    Project,
    Quadrant,
    Relation,
    Stage,
    Step,
    Vote,
    problems,
)
from personamap.model.integrity import format_loc, walk_entities
from personamap.style import LANE_LOOK

NAMESPACE = uuid.UUID("6f1d3c52-8a0e-4b7f-9d21-3c5e7a9b0d14")
"""Fixed namespace of the uuid5 ids of bundled resources."""

QUADRANT_NOTE_COLOR: dict[Quadrant, NoteColor] = {
    Quadrant.SAYS: NoteColor.YELLOW,
    Quadrant.THINKS: NoteColor.LILAC,
    Quadrant.DOES: NoteColor.BLUE,
    Quadrant.FEELS: NoteColor.ORANGE,
    Quadrant.PAINS: NoteColor.PINK,
    Quadrant.GAINS: NoteColor.GREEN,
    Quadrant.GOAL: NoteColor.GREY,
    Quadrant.SEES: NoteColor.GREY,
    Quadrant.HEARS: NoteColor.GREY,
}

CARD_W, CARD_H = 280, 360
"""A persona card on a board."""

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def finish(project: Project, scope: str) -> Project:
    """The project with every id replaced by a uuid5 of `scope` and the entity's place, every
    reference following; refuses a project with integrity problems."""
    mapping = {
        entity.id: str(uuid.uuid5(NAMESPACE, f"{scope}:{format_loc(loc)}"))
        for loc, entity in walk_entities(project)
    }
    text = _UUID.sub(lambda m: mapping.get(m.group(0), m.group(0)), project.model_dump_json())
    fixed = Project.model_validate_json(text)
    found = problems(fixed)
    if found:
        lines = "\n".join(f"  {format_loc(p.loc)}: {p.message}" for p in found)
        raise ValueError(f"{scope} has integrity problems:\n{lines}")
    return fixed


def dumps(project: Project) -> str:
    """The canonical file text of a project (personamap.io, exactly what a save writes)."""
    return io_dumps(project)


def connector(source: Placed, target: Placed, relation: Relation | None = None, label: str = "") -> Connector:
    """A connector between two elements; its box spans their centres."""
    sx, sy = source.x + source.w / 2, source.y + source.h / 2
    tx, ty = target.x + target.w / 2, target.y + target.h / 2
    return Connector(
        source_id=source.id,
        target_id=target.id,
        relation_id=relation.id if relation else None,
        label=label or (relation.kind.value.replace("_", " ") if relation else ""),
        x=min(sx, tx),
        y=min(sy, ty),
        w=max(abs(tx - sx), 1),
        h=max(abs(ty - sy), 1),
    )


def stage(name: str, *steps: str, description: str = "") -> Stage:
    """A stage; with no step names it has one unnamed step."""
    return Stage(name=name, description=description, steps=[Step(name=s) for s in steps] or [Step()])


def make_lanes(specs: Iterable[tuple[str, LaneKind]]) -> list[Lane]:
    return [Lane(name=name, kind=kind) for name, kind in specs]


class JourneyBuilder:
    """Fills a journey's cells by lane kind and stage or step name."""

    def __init__(self, journey: JourneyMap, session: str = "") -> None:
        self.journey = journey
        self.session = session
        self._lanes = {lane.kind: lane for lane in journey.lanes}
        self._stages = {s.name: s for s in journey.stages}
        self._steps: dict[str, tuple[Stage, Step]] = {}
        for s in journey.stages:
            for step in s.steps:
                self._steps[step.name or s.name] = (s, step)

    def note(
        self,
        lane: LaneKind,
        where: str,
        text: str,
        *,
        evidence: Sequence[str] = (),
        tags: Sequence[str] = (),
        votes: int = 0,
        color: NoteColor | None = None,
    ) -> JourneyNote:
        """A note in the cell of `lane` and the stage (or step) named `where`, coloured as the
        lane's notes are (personamap.style) unless `color` says otherwise."""
        step_id: str | None = None
        if where in self._stages:
            stage_id = self._stages[where].id
        else:
            owner, step = self._steps[where]
            stage_id, step_id = owner.id, step.id
        note = JourneyNote(
            lane_id=self._lanes[lane].id,
            stage_id=stage_id,
            step_id=step_id,
            text=text,
            color=color or LANE_LOOK[lane].note,
            tags=list(tags),
            evidence_ids=list(evidence),
            votes=[Vote(participant=f"P{i + 1}", session=self.session) for i in range(votes)],
        )
        self.journey.notes.append(note)
        return note

    def scores(
        self, persona_id: str | None, scores: dict[str, int | tuple[int, str] | tuple[int, str, list[str]]]
    ) -> None:
        """Emotion scores by step (or single-step stage) name, each with an optional note and
        the sources it rests on; a step left out is a gap."""
        for where, value in scores.items():
            score, note, *cited = value if isinstance(value, tuple) else (value, "")
            self.journey.emotions.append(
                EmotionScore(
                    persona_id=persona_id,
                    step_id=self._steps[where][1].id,
                    score=score,
                    note=note,
                    evidence_ids=cited[0] if cited else [],
                )
            )
