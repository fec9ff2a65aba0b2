"""Lint rules about journeys: personas no journey follows, journeys without an emotion curve,
stages with pain and no opportunity, stages without a touchpoint."""

from __future__ import annotations

from collections.abc import Iterator

from personamap.model import JourneyMap, LaneKind, Priority, Project

from .finding import Finding, place
from .lint_personas import active, at


def journey_at(j: JourneyMap) -> dict[str, str]:
    return place("journey", j.id, j.title)


def personas_without_journey(project: Project) -> Iterator[Finding]:
    followed = {pid for j in project.journeys for pid in j.persona_ids}
    for p in active(project):
        if p.priority is not Priority.NEGATIVE and p.id not in followed:
            yield Finding(
                "persona-without-journey",
                "warning" if p.priority is Priority.PRIMARY else "info",
                f"No journey follows {p.name}: map how they get from first contact to using the product.",
                [at(p)],
            )


def journeys_without_emotion(project: Project) -> Iterator[Finding]:
    for j in project.journeys:
        if j.stages and not j.emotions:
            yield Finding(
                "journey-without-emotion",
                "info",
                f"“{j.title}” has no emotion score: mark where it feels good and where it hurts.",
                [journey_at(j)],
            )


def _lane_kinds_per_stage(j: JourneyMap) -> dict[str, set[LaneKind]]:
    """The lane kinds each stage holds at least one non-empty note in."""
    kinds = {lane.id: lane.kind for lane in j.lanes}
    out: dict[str, set[LaneKind]] = {s.id: set() for s in j.stages}
    for n in j.notes:
        kind = kinds.get(n.lane_id)
        if kind is not None and n.stage_id in out and n.text.strip():
            out[n.stage_id].add(kind)
    return out


def stage_gaps(project: Project) -> Iterator[Finding]:
    """pain-without-opportunity and stage-without-touchpoint, stage by stage; a journey with no
    touchpoint anywhere (a fresh template) is one finding, not one per stage."""
    for j in project.journeys:
        filled = _lane_kinds_per_stage(j)
        bare = [s for s in j.stages if LaneKind.TOUCHPOINTS not in filled[s.id]]
        if bare and len(bare) == len(j.stages) > 1:
            yield Finding(
                "stage-without-touchpoint",
                "info",
                f"No stage of “{j.title}” has a touchpoint yet: where does the customer meet the brand?",
                [journey_at(j)],
            )
            bare = []
        for stage in j.stages:
            where = [journey_at(j), place("stage", stage.id, stage.name)]
            here = filled[stage.id]
            if LaneKind.PAIN_POINTS in here and LaneKind.OPPORTUNITIES not in here:
                yield Finding(
                    "pain-without-opportunity",
                    "warning",
                    f"“{stage.name}” in “{j.title}” has pain points and no opportunity: "
                    "what could the team do about them?",
                    where,
                )
            if stage in bare:
                yield Finding(
                    "stage-without-touchpoint",
                    "info",
                    f"“{stage.name}” in “{j.title}” has no touchpoint: where does the customer meet "
                    "the brand here?",
                    where,
                )
