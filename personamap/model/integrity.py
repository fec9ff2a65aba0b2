"""Whole-project rules that one field cannot check alone: ids are unique, references resolve
(every citation names a source of the project's research library), emotion scores lie on the
project's scale.

`problems()` returns every breach with its place, so a loader can say where a file is wrong
(`journeys[0].notes[3].lane_id`) and a test can assert that an op left the project sound.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from pydantic import BaseModel

from .base import Entity
from .board import Connector
from .entity_ids import entity_ids
from .journey import JourneyMap
from .persona import Persona
from .project import EmotionScale, Project
from .research import Source

Loc = tuple[str | int, ...]


class Problem(NamedTuple):
    loc: Loc
    message: str

    @property
    def place(self) -> str:
        return format_loc(self.loc)


def format_loc(loc: Loc) -> str:
    """`('personas', 2, 'quotes', 0, 'text')` -> `personas[2].quotes[0].text`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def walk_entities(node: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, Entity]]:
    """Every entity below (and including) `node`, with its place, depth first."""
    if isinstance(node, Entity):
        yield loc, node
    for name in type(node).model_fields:
        value = getattr(node, name)
        if isinstance(value, BaseModel):
            yield from walk_entities(value, (*loc, name))
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for i, child in enumerate(value):
                yield from walk_entities(child, (*loc, name, i))


def problems(project: Project) -> list[Problem]:
    """All integrity problems of a project, in file order; empty when it is sound.

    Ids are first collected the fast way; only when some repeat does the slower walk run to
    name both places of each duplicate.
    """
    ids = entity_ids(project)
    if len(set(ids)) == len(ids):
        return list(_reference_problems(project))
    return _full_problems(project)


def _full_problems(project: Project) -> list[Problem]:
    found: list[Problem] = []
    seen: dict[str, Loc] = {}
    for loc, entity in walk_entities(project):
        if entity.id in seen:
            found.append(
                Problem((*loc, "id"), f"duplicate id {entity.id} (also at {format_loc(seen[entity.id])})")
            )
        else:
            seen[entity.id] = loc
    found.extend(_reference_problems(project))
    return found


def _missing(loc: Loc, what: str, ref: str) -> Problem:
    return Problem(loc, f"refers to {what} {ref}, which does not exist")


def _persona_problems(
    i: int, persona: Persona, asset_ids: set[str], source_ids: set[str]
) -> Iterator[Problem]:
    base: Loc = ("personas", i)
    if persona.photo_asset_id is not None and persona.photo_asset_id not in asset_ids:
        yield _missing((*base, "photo_asset_id"), "asset", persona.photo_asset_id)
    for loc, entity in walk_entities(persona, base):
        refs = getattr(entity, "evidence_ids", ())
        if refs:
            yield from _evidence_refs(loc, refs, source_ids)
    for j, citation in enumerate(persona.citations):
        if not _field_exists(persona, citation.field):
            yield Problem((*base, "citations", j, "field"), f"names no field of a persona: {citation.field}")


def _field_exists(persona: Persona, dotted: str) -> bool:
    node: object = persona
    for part in dotted.split("."):
        if not isinstance(node, BaseModel) or part not in type(node).model_fields:
            return False
        node = getattr(node, part)
    return True


def _reference_problems(project: Project) -> Iterator[Problem]:
    persona_ids = {p.id for p in project.personas}
    asset_ids = {a.id for a in project.assets}
    all_evidence = {s.id for s in project.sources}
    for i, persona in enumerate(project.personas):
        yield from _persona_problems(i, persona, asset_ids, all_evidence)
    for i, rel in enumerate(project.relations):
        for name in ("source_id", "target_id"):
            ref = getattr(rel, name)
            if ref not in persona_ids:
                yield _missing(("relations", i, name), "persona", ref)
        if rel.source_id == rel.target_id:
            yield Problem(("relations", i), "a persona cannot relate to itself")
    for i, source in enumerate(project.sources):
        yield from _dataset_problems(("sources", i), source, persona_ids)
    for i, emap in enumerate(project.empathy_maps):
        if emap.persona_id is not None and emap.persona_id not in persona_ids:
            yield _missing(("empathy_maps", i, "persona_id"), "persona", emap.persona_id)
        for j, note in enumerate(emap.notes):
            if note.evidence_ids:
                yield from _evidence_refs(("empathy_maps", i, "notes", j), note.evidence_ids, all_evidence)
    scale = project.settings.emotion_scale
    for i, journey in enumerate(project.journeys):
        yield from _journey_problems(("journeys", i), journey, persona_ids, all_evidence, scale)
    map_ids = {m.id for m in project.empathy_maps}
    journey_ids = {j.id for j in project.journeys}
    relation_ids = {r.id for r in project.relations}
    for i, board in enumerate(project.boards):
        element_ids = {e.id for e in board.elements}
        connector_ids = {e.id for e in board.elements if e.type == "connector"}
        for j, el in enumerate(board.elements):
            loc: Loc = ("boards", i, "elements", j)
            if el.type == "persona_card" and el.persona_id not in persona_ids:
                yield _missing((*loc, "persona_id"), "persona", el.persona_id)
            elif el.type == "empathy_map" and el.map_id not in map_ids:
                yield _missing((*loc, "map_id"), "empathy map", el.map_id)
            elif el.type == "journey_map" and el.map_id not in journey_ids:
                yield _missing((*loc, "map_id"), "journey map", el.map_id)
            elif el.type == "image" and el.asset_id not in asset_ids:
                yield _missing((*loc, "asset_id"), "asset", el.asset_id)
            elif el.type == "connector":
                yield from _connector_problems(loc, el, element_ids, connector_ids)
                if el.relation_id is not None and el.relation_id not in relation_ids:
                    yield _missing((*loc, "relation_id"), "relation", el.relation_id)


def _connector_problems(
    loc: Loc, el: Connector, element_ids: set[str], connectors: set[str]
) -> Iterator[Problem]:
    """A connector joins two different elements of its board, neither of them a connector
    (a line has no box for another line to attach to)."""
    for name in ("source_id", "target_id"):
        ref = getattr(el, name)
        if ref == el.id:
            yield Problem((*loc, name), "a connector cannot attach to itself")
        elif ref in connectors:
            yield Problem(
                (*loc, name), f"refers to connector {ref}; a connector joins elements, not other connectors"
            )
        elif ref not in element_ids:
            yield _missing((*loc, name), "element of this board", ref)
    if el.source_id == el.target_id != el.id:
        yield Problem(loc, "a connector joins two different elements")


def _evidence_refs(loc: Loc, refs: list[str], known: set[str]) -> Iterator[Problem]:
    for k, ref in enumerate(refs):
        if ref not in known:
            yield _missing((*loc, "evidence_ids", k), "source", ref)


def _dataset_problems(loc: Loc, source: Source, persona_ids: set[str]) -> Iterator[Problem]:
    """A dataset segment names the persona drafted from it, or none (that persona was removed)."""
    if source.dataset is None:
        return
    for w, wave in enumerate(source.dataset.waves):
        for k, seg in enumerate(wave.segments):
            if seg.persona_id is not None and seg.persona_id not in persona_ids:
                where = (*loc, "dataset", "waves", w, "segments", k, "persona_id")
                yield _missing(where, "persona", seg.persona_id)


def _journey_problems(
    loc: Loc, journey: JourneyMap, persona_ids: set[str], all_evidence: set[str], scale: EmotionScale
) -> Iterator[Problem]:
    for k, ref in enumerate(journey.persona_ids):
        if ref not in persona_ids:
            yield _missing((*loc, "persona_ids", k), "persona", ref)
    if len(set(journey.persona_ids)) != len(journey.persona_ids):
        yield Problem((*loc, "persona_ids"), "lists a persona twice")
    lanes = {lane.id for lane in journey.lanes}
    stage_steps = {stage.id: {s.id for s in stage.steps} for stage in journey.stages}
    all_steps = {s for steps in stage_steps.values() for s in steps}
    for j, note in enumerate(journey.notes):
        steps = stage_steps.get(note.stage_id)
        if (
            steps is not None
            and note.lane_id in lanes
            and (note.step_id is None or note.step_id in steps)
            and not note.evidence_ids
        ):
            continue  # the common case, settled without building a place
        nloc = (*loc, "notes", j)
        if note.lane_id not in lanes:
            yield _missing((*nloc, "lane_id"), "lane", note.lane_id)
        if note.stage_id not in stage_steps:
            yield _missing((*nloc, "stage_id"), "stage", note.stage_id)
        elif note.step_id is not None and note.step_id not in stage_steps[note.stage_id]:
            yield Problem((*nloc, "step_id"), f"step {note.step_id} is not a step of stage {note.stage_id}")
        yield from _evidence_refs(nloc, note.evidence_ids, all_evidence)
    scored: set[tuple[str | None, str]] = set()
    for j, emo in enumerate(journey.emotions):
        eloc = (*loc, "emotions", j)
        if emo.persona_id is not None and emo.persona_id not in persona_ids:
            yield _missing((*eloc, "persona_id"), "persona", emo.persona_id)
        if emo.step_id not in all_steps:
            yield _missing((*eloc, "step_id"), "step", emo.step_id)
        if emo.evidence_ids:
            yield from _evidence_refs(eloc, emo.evidence_ids, all_evidence)
        if not scale.contains(emo.score):
            yield Problem(
                (*eloc, "score"),
                f"{emo.score} lies outside the emotion scale {scale.minimum}..{scale.maximum}",
            )
        key = (emo.persona_id, emo.step_id)
        if key in scored:
            yield Problem(eloc, "a second score for the same persona and step")
        scored.add(key)
