"""Edits of journey maps and their grid: journeys, stages, steps, lanes, attached personas."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..enums import LaneKind
from ..journey import DEFAULT_LANES, DEFAULT_STAGES, JourneyMap, Lane, Stage, Step
from ..project import Project
from .address import Address
from .common import elements_where, find, index_or_end, make, need, titled, update
from .core import Compound, Insert, Move, Op, Remove, SetField
from .errors import OpError
from .special import SetEmotion

_GRID = ("stages", "lanes", "notes", "emotions", "persona_ids")


def journey_of(project: Project, journey_id: str) -> JourneyMap:
    return need(project.journey(journey_id), "journey", journey_id)


def stage_of(journey: JourneyMap, stage_id: str) -> Stage:
    return find(journey.stages, stage_id, "stage")


def step_of(journey: JourneyMap, step_id: str) -> tuple[Stage, Step]:
    for stage in journey.stages:
        for step in stage.steps:
            if step.id == step_id:
                return stage, step
    raise OpError(f"no step with id {step_id}")


def new_journey(title: str = "Journey", persona_ids: Iterable[str] = ()) -> JourneyMap:
    """A journey with the default stages (one step each) and lanes."""
    return make(
        JourneyMap,
        title=title,
        persona_ids=list(persona_ids),
        stages=[Stage(name=name) for name in DEFAULT_STAGES],
        lanes=[Lane(name=name, kind=kind) for name, kind in DEFAULT_LANES],
    )


def add_journey(project: Project, journey: JourneyMap | None = None, index: int | None = None) -> Op:
    journey = journey if journey is not None else new_journey()
    for ref in journey.persona_ids:
        need(project.persona(ref), "persona", ref)
    at = index_or_end(index, len(project.journeys))
    return Insert(("journeys",), at, journey, name=titled("Add", "journey", journey.title))


def remove_journey(project: Project, journey_id: str) -> Op:
    """Delete a journey and its elements on boards (with their connectors)."""
    journey = journey_of(project, journey_id)
    ops = elements_where(project, lambda el: el.type == "journey_map" and el.map_id == journey_id)
    ops.append(Remove(("journeys",), journey_id))
    return Compound(tuple(ops), name=titled("Delete", "journey", journey.title))


def move_journey(project: Project, journey_id: str, index: int) -> Op:
    journey = journey_of(project, journey_id)
    return Move(("journeys",), journey_id, index, name=titled("Move", "journey", journey.title))


def update_journey(project: Project, journey_id: str, **values: Any) -> Op:
    """Header fields: title, scenario, expectations, state, owner, version."""
    journey_of(project, journey_id)
    name = "Rename journey" if set(values) == {"title"} else "Edit journey"
    return update(("journeys", journey_id), values, name, locked=_GRID)


def attach_journey_persona(
    project: Project, journey_id: str, persona_id: str, index: int | None = None
) -> Op:
    journey = journey_of(project, journey_id)
    persona = need(project.persona(persona_id), "persona", persona_id)
    if persona_id in journey.persona_ids:
        raise OpError(f"{persona.name} is already on this journey")
    at = index_or_end(index, len(journey.persona_ids))
    return Insert(
        ("journeys", journey_id, "persona_ids"), at, persona_id, name=titled("Add", "persona", persona.name)
    )


def detach_journey_persona(project: Project, journey_id: str, persona_id: str) -> Op:
    """Take a persona off a journey, with its emotion curve on it."""
    journey = journey_of(project, journey_id)
    if persona_id not in journey.persona_ids:
        raise OpError(f"persona {persona_id} is not on this journey")
    ops: list[Op] = [
        SetEmotion(journey_id, persona_id, e.step_id, None)
        for e in journey.emotions
        if e.persona_id == persona_id
    ]
    ops.append(Remove(("journeys", journey_id, "persona_ids"), journey.persona_ids.index(persona_id)))
    persona = project.persona(persona_id)
    return Compound(tuple(ops), name=titled("Remove", "persona", persona.name if persona else ""))


def _stages(journey_id: str) -> Address:
    return ("journeys", journey_id, "stages")


def add_stage(
    project: Project,
    journey_id: str,
    name: str = "Stage",
    index: int | None = None,
    steps: Iterable[str] = ("",),
) -> Op:
    """A new stage with steps named `steps` (at least one)."""
    journey = journey_of(project, journey_id)
    step_list = [make(Step, name=s) for s in steps]
    if not step_list:
        raise OpError("a stage needs at least one step")
    stage = make(Stage, name=name, steps=step_list)
    at = index_or_end(index, len(journey.stages))
    return Insert(_stages(journey_id), at, stage, name=titled("Add", "stage", name))


def update_stage(project: Project, journey_id: str, stage_id: str, **values: Any) -> Op:
    """Stage fields: name, description."""
    stage = stage_of(journey_of(project, journey_id), stage_id)
    name = "Rename stage" if set(values) == {"name"} else titled("Edit", "stage", stage.name)
    return update((*_stages(journey_id), stage_id), values, name, locked=("steps",))


def rename_stage(project: Project, journey_id: str, stage_id: str, name: str) -> Op:
    return update_stage(project, journey_id, stage_id, name=name)


def remove_stage(project: Project, journey_id: str, stage_id: str) -> Op:
    """Delete a stage with its notes and the emotion scores of its steps."""
    journey = journey_of(project, journey_id)
    stage = stage_of(journey, stage_id)
    steps = {s.id for s in stage.steps}
    ops: list[Op] = [
        Remove(("journeys", journey_id, "notes"), n.id) for n in journey.notes if n.stage_id == stage_id
    ]
    ops += [
        SetEmotion(journey_id, e.persona_id, e.step_id, None) for e in journey.emotions if e.step_id in steps
    ]
    ops.append(Remove(_stages(journey_id), stage_id))
    return Compound(tuple(ops), name=titled("Delete", "stage", stage.name))


def move_stage(project: Project, journey_id: str, stage_id: str, index: int) -> Op:
    stage = stage_of(journey_of(project, journey_id), stage_id)
    return Move(_stages(journey_id), stage_id, index, name=titled("Move", "stage", stage.name))


def add_step(
    project: Project, journey_id: str, stage_id: str, name: str = "", index: int | None = None
) -> Op:
    stage = stage_of(journey_of(project, journey_id), stage_id)
    at = index_or_end(index, len(stage.steps))
    return Insert(
        (*_stages(journey_id), stage_id, "steps"), at, make(Step, name=name), name=titled("Add", "step", name)
    )


def rename_step(project: Project, journey_id: str, step_id: str, name: str) -> Op:
    stage, _step = step_of(journey_of(project, journey_id), step_id)
    addr = (*_stages(journey_id), stage.id, "steps", step_id, "name")
    return SetField(addr, name, name="Rename step")


def remove_step(project: Project, journey_id: str, step_id: str) -> Op:
    """Delete a step: its notes move to the stage's first remaining step, its emotion scores
    go. A stage's last step cannot be removed (remove the stage instead)."""
    journey = journey_of(project, journey_id)
    stage, step = step_of(journey, step_id)
    if len(stage.steps) == 1:
        raise OpError(f"“{stage.name}” has only this step; delete the stage instead")
    heir = next(s for s in stage.steps if s.id != step_id)
    notes = ("journeys", journey_id, "notes")
    ops: list[Op] = [
        SetField((*notes, n.id, "step_id"), heir.id) for n in journey.notes if n.step_id == step_id
    ]
    ops += [
        SetEmotion(journey_id, e.persona_id, step_id, None) for e in journey.emotions if e.step_id == step_id
    ]
    ops.append(Remove((*_stages(journey_id), stage.id, "steps"), step_id))
    return Compound(tuple(ops), name=titled("Delete", "step", step.name))


def move_step(project: Project, journey_id: str, step_id: str, stage_id: str, index: int) -> Op:
    """Move a step within its stage or to another stage (its notes follow it there)."""
    journey = journey_of(project, journey_id)
    source, step = step_of(journey, step_id)
    target = stage_of(journey, stage_id)
    name = titled("Move", "step", step.name)
    if source.id == stage_id:
        return Move((*_stages(journey_id), stage_id, "steps"), step_id, index, name=name)
    if len(source.steps) == 1:
        raise OpError(f"“{source.name}” would be left without a step")
    at = index_or_end(index, len(target.steps))
    notes = ("journeys", journey_id, "notes")
    ops: list[Op] = [
        Remove((*_stages(journey_id), source.id, "steps"), step_id),
        Insert((*_stages(journey_id), stage_id, "steps"), at, step),
    ]
    ops += [SetField((*notes, n.id, "stage_id"), stage_id) for n in journey.notes if n.step_id == step_id]
    return Compound(tuple(ops), name=name)


def add_lane(
    project: Project,
    journey_id: str,
    name: str = "Lane",
    kind: LaneKind = LaneKind.CUSTOM,
    index: int | None = None,
) -> Op:
    journey = journey_of(project, journey_id)
    at = index_or_end(index, len(journey.lanes))
    return Insert(
        ("journeys", journey_id, "lanes"),
        at,
        make(Lane, name=name, kind=kind),
        name=titled("Add", "lane", name),
    )


def update_lane(project: Project, journey_id: str, lane_id: str, **values: Any) -> Op:
    """Lane fields: name, kind."""
    lane = find(journey_of(project, journey_id).lanes, lane_id, "lane")
    name = "Rename lane" if set(values) == {"name"} else titled("Edit", "lane", lane.name)
    return update(("journeys", journey_id, "lanes", lane_id), values, name)


def rename_lane(project: Project, journey_id: str, lane_id: str, name: str) -> Op:
    return update_lane(project, journey_id, lane_id, name=name)


def remove_lane(project: Project, journey_id: str, lane_id: str) -> Op:
    """Delete a lane with its notes."""
    journey = journey_of(project, journey_id)
    lane = find(journey.lanes, lane_id, "lane")
    ops: list[Op] = [
        Remove(("journeys", journey_id, "notes"), n.id) for n in journey.notes if n.lane_id == lane_id
    ]
    ops.append(Remove(("journeys", journey_id, "lanes"), lane_id))
    return Compound(tuple(ops), name=titled("Delete", "lane", lane.name))


def move_lane(project: Project, journey_id: str, lane_id: str, index: int) -> Op:
    lane = find(journey_of(project, journey_id).lanes, lane_id, "lane")
    return Move(("journeys", journey_id, "lanes"), lane_id, index, name=titled("Move", "lane", lane.name))
