"""What cut, copy, paste and duplicate carry, and how a paste becomes one edit — without Qt.

A copy holds the chosen board elements plus the project-level things they show (personas,
journeys, empathy maps, images, the relations their connectors show, the research sources any
of these cite), so that a paste into another project — another running instance — brings them
along.

The paste rule:
- Elements always get fresh ids; connectors come along only when both their ends do (copying
  two cards also copies the connector between them).
- Personas, journeys, empathy maps, images, relations and sources are matched by id. One the target
  project already has is reused as it is: a pasted card is another card of the same persona,
  a pasted journey element shows the same journey again. One it lacks is added; it keeps its
  id (so a second paste into that project reuses it) unless any id inside it is taken, then
  it gets fresh ids throughout.
- References the target cannot satisfy are dropped (a citation of a source that did not come
  along, personas on a journey); an element whose persona, map or image is missing is left out.
- The whole plan is tried on a copy of the project and refused if the result breaks an
  integrity rule, so a hostile clipboard can neither crash the editor nor inject bad data.
"""

from collections.abc import Iterable, Sequence
from typing import Any, Final, Literal, NamedTuple

from pydantic import Field, ValidationError

from . import ops
from .arrange import describe
from .base import Id, Model, empty_list, new_id
from .board import Element
from .copying import with_new_ids
from .empathy import EmpathyMap
from .integrity import problems, walk_entities
from .journey import JourneyMap
from .persona import Persona
from .project import Asset, Project, Relation
from .research import Source

FORMAT: Final = "personamap-clipboard"
VERSION: Final = 1
MAX_BYTES = 64 * 1024 * 1024
"""A larger clipboard is refused before it is parsed."""


class Payload(Model):
    """The clipboard's JSON: strict, unknown keys refused, every text and id checked."""

    format: Literal["personamap-clipboard"]
    version: Literal[1]
    project_id: Id | None = None
    board_id: Id | None = None
    elements: list[Element] = Field(default_factory=empty_list, max_length=20_000)
    personas: list[Persona] = Field(default_factory=empty_list, max_length=2_000)
    journeys: list[JourneyMap] = Field(default_factory=empty_list, max_length=500)
    empathy_maps: list[EmpathyMap] = Field(default_factory=empty_list, max_length=500)
    assets: list[Asset] = Field(default_factory=empty_list, max_length=200)
    relations: list[Relation] = Field(default_factory=empty_list, max_length=10_000)
    sources: list[Source] = Field(default_factory=empty_list, max_length=10_000)


class PasteError(ValueError):
    """The clipboard cannot be pasted here; the message says why, for the status bar."""


def parse(data: bytes | str) -> Payload:
    """A payload from clipboard bytes, or PasteError (never another exception)."""
    if len(data) > MAX_BYTES:
        raise PasteError("The clipboard holds too much to paste.")
    try:
        return Payload.model_validate_json(data)
    except ValidationError as exc:
        errors = exc.errors()
        where = ".".join(str(p) for p in errors[0]["loc"]) if errors else ""
        raise PasteError(f"The clipboard content is not valid personamap content ({where}).") from None
    except (ValueError, RecursionError):
        raise PasteError("The clipboard content is not valid personamap content.") from None


def copy_payload(project: Project, board_id: str, element_ids: Iterable[str]) -> Payload:
    """The chosen elements of a board, the connectors between them, and what they show."""
    board = project.board(board_id)
    if board is None:
        return Payload(format=FORMAT, version=VERSION, project_id=project.id)
    chosen = set(element_ids)
    shapes = [e for e in board.elements if e.id in chosen and e.type != "connector"]
    ends = {e.id for e in shapes}
    links = [e for e in board.elements if e.type == "connector" and {e.source_id, e.target_id} <= ends]
    elements = shapes + links
    relation_ids = {e.relation_id for e in links if e.relation_id}
    relations = [r for r in project.relations if r.id in relation_ids]
    journey_ids = {e.map_id for e in shapes if e.type == "journey_map"}
    map_ids = {e.map_id for e in shapes if e.type == "empathy_map"}
    journeys = [j for j in project.journeys if j.id in journey_ids]
    maps = [m for m in project.empathy_maps if m.id in map_ids]
    persona_ids = {e.persona_id for e in shapes if e.type == "persona_card"}
    persona_ids |= {r.source_id for r in relations} | {r.target_id for r in relations}
    for journey in journeys:
        persona_ids |= set(journey.persona_ids) | {s.persona_id for s in journey.emotions if s.persona_id}
    persona_ids |= {m.persona_id for m in maps if m.persona_id}
    personas = [p for p in project.personas if p.id in persona_ids]
    asset_ids = {e.asset_id for e in shapes if e.type == "image"}
    asset_ids |= {p.photo_asset_id for p in personas if p.photo_asset_id}
    source_ids = _cited([*personas, *journeys, *maps])
    return Payload(
        format=FORMAT,
        version=VERSION,
        project_id=project.id,
        board_id=board_id,
        elements=[e.model_copy(deep=True) for e in elements],
        personas=[p.model_copy(deep=True) for p in personas],
        journeys=[j.model_copy(deep=True) for j in journeys],
        empathy_maps=[m.model_copy(deep=True) for m in maps],
        assets=[a.model_copy(deep=True) for a in project.assets if a.id in asset_ids],
        relations=[r.model_copy(deep=True) for r in relations],
        sources=[s.model_copy(deep=True) for s in project.sources if s.id in source_ids],
    )


def _cited(things: Iterable[Any]) -> set[str]:
    """Every source id cited inside personas, journeys and empathy maps (emotion scores too)."""
    out: set[str] = set()
    for thing in things:
        for _loc, entity in walk_entities(thing):
            out.update(getattr(entity, "evidence_ids", ()))
        for score in getattr(thing, "emotions", ()):
            out.update(score.evidence_ids)
    return out


def plain_text(payload: Payload) -> str:
    """The texts of a copy, one per line, for pasting into other applications."""
    personas = {p.id: p for p in payload.personas}
    journeys = {j.id: j for j in payload.journeys}
    maps = {m.id: m for m in payload.empathy_maps}
    lines: list[str] = []
    for el in payload.elements:
        if el.type in ("note", "text"):
            lines.append(el.text)
        elif el.type == "persona_card" and el.persona_id in personas:
            p = personas[el.persona_id]
            lines.append(f"{p.name} — {p.role}" if p.role else p.name)
        elif el.type == "journey_map" and el.map_id in journeys:
            lines.append(journeys[el.map_id].title)
        elif el.type == "empathy_map" and el.map_id in maps:
            lines.append(maps[el.map_id].title)
        elif el.type == "image" and el.caption:
            lines.append(el.caption)
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


class PastePlan(NamedTuple):
    op: ops.Op
    element_ids: list[str]
    """Ids of the new elements, to select them after the paste."""
    left_out: int
    """Elements that could not be pasted here (their persona, map or image is missing)."""


class _Planner:
    """Builds the paste step by step on a trial copy of the project."""

    def __init__(self, project: Project) -> None:
        self.trial = project.model_copy(deep=True)
        self.taken = {entity.id for _loc, entity in walk_entities(project)}
        self.steps: list[ops.Op] = []
        self.ids: dict[str, str | None] = {}  # payload id -> id in the target (None: dropped)

    def run(self, op: ops.Op) -> None:
        try:
            op.apply(self.trial)
        except ops.OpError as exc:
            raise PasteError(f"Cannot paste: {exc}.") from None
        self.steps.append(op)

    def bring(self, entity: Any, present: bool) -> Any | None:
        """Reuse (returns None) or prepare a thing for adding, with fresh ids if any collide."""
        if present:
            self.ids[entity.id] = entity.id
            return None
        inner = {e.id for _loc, e in walk_entities(entity)}
        copy = with_new_ids(entity) if inner & self.taken else entity.model_copy(deep=True)
        self.taken |= {e.id for _loc, e in walk_entities(copy)}
        self.ids[entity.id] = copy.id
        return copy

    def ref(self, ident: str | None) -> str | None:
        """Where a payload id points in the target: what it was brought as, None if it was
        dropped, else itself (the target may hold it already)."""
        return self.ids.get(ident, ident) if ident is not None else None

    def exists(self, kind: str, ident: str | None) -> bool:
        """Whether the target (as planned so far) holds what an element of `kind` shows."""
        trial = self.trial
        found = {
            "persona_card": trial.persona,
            "journey_map": trial.journey,
            "empathy_map": trial.empathy_map,
            "image": trial.asset,
        }[kind](ident or "")
        return found is not None


def _refs(refs: list[str], plan: _Planner, known: set[str]) -> list[str]:
    """Citations as they read in the target: renamed sources followed, missing ones dropped."""
    return [r for r in (plan.ref(ref) for ref in refs) if r is not None and r in known]


def _fit_persona(persona: Persona, plan: _Planner, known: set[str]) -> Persona:
    for _loc, entity in walk_entities(persona):
        refs = getattr(entity, "evidence_ids", None)
        if refs:
            entity.evidence_ids = _refs(refs, plan, known)  # type: ignore[attr-defined]
    persona.citations = [c for c in persona.citations if c.evidence_ids]
    return persona


def _fit_source(source: Source, plan: _Planner) -> Source:
    """A dataset's segments name the pasted personas, or none when theirs did not come."""
    for wave in source.dataset.waves if source.dataset else ():
        for seg in wave.segments:
            ref = plan.ref(seg.persona_id)
            seg.persona_id = ref if plan.trial.persona(ref or "") else None
    return source


def _fit_journey(journey: JourneyMap, plan: _Planner) -> JourneyMap:
    personas = {p.id for p in plan.trial.personas}
    known = {s.id for s in plan.trial.sources}
    journey.persona_ids = list(dict.fromkeys(r for r in map(plan.ref, journey.persona_ids) if r in personas))
    kept = []
    for score in journey.emotions:
        if score.persona_id is not None:
            score.persona_id = plan.ref(score.persona_id)
            if score.persona_id not in personas:
                continue
        score.evidence_ids = _refs(score.evidence_ids, plan, known)
        kept.append(score)
    journey.emotions = kept
    for note in journey.notes:
        note.evidence_ids = _refs(note.evidence_ids, plan, known)
    return journey


def _fit_map(emap: EmpathyMap, plan: _Planner) -> EmpathyMap:
    ref = plan.ref(emap.persona_id)
    emap.persona_id = ref if plan.trial.persona(ref or "") else None
    known = {s.id for s in plan.trial.sources}
    for note in emap.notes:
        note.evidence_ids = _refs(note.evidence_ids, plan, known)
    return emap


def _bring_content(plan: _Planner, payload: Payload) -> None:
    trial = plan.trial
    for asset in payload.assets:
        new = plan.bring(asset, trial.asset(asset.id) is not None)
        if new is not None:
            plan.run(ops.add_asset(trial, new))
    sources = [plan.bring(s, trial.source(s.id) is not None) for s in payload.sources]
    known = {s.id for s in trial.sources} | {s.id for s in sources if s is not None}
    for persona in payload.personas:
        new = plan.bring(persona, trial.persona(persona.id) is not None)
        if new is not None:
            ref = plan.ref(new.photo_asset_id)
            new.photo_asset_id = ref if trial.asset(ref or "") else None
            plan.run(ops.add_persona(trial, _fit_persona(new, plan, known)))
    for source in sources:
        if source is not None:
            plan.run(ops.add_source(trial, _fit_source(source, plan)))
    for relation in payload.relations:
        new = plan.bring(relation, any(r.id == relation.id for r in trial.relations))
        if new is None:
            continue
        source, target = plan.ref(new.source_id) or "", plan.ref(new.target_id) or ""
        if trial.persona(source) and trial.persona(target) and source != target:
            new.source_id, new.target_id = source, target
            plan.run(ops.Insert(("relations",), len(trial.relations), new, name="Add relation"))
        else:
            plan.ids[relation.id] = None
    for journey in payload.journeys:
        new = plan.bring(journey, trial.journey(journey.id) is not None)
        if new is not None:
            plan.run(ops.add_journey(trial, _fit_journey(new, plan)))
    for emap in payload.empathy_maps:
        new = plan.bring(emap, trial.empathy_map(emap.id) is not None)
        if new is not None:
            plan.run(ops.add_empathy_map(trial, _fit_map(new, plan)))


def _rebuilt(el: Any, values: dict[str, Any]) -> Any:
    """The element with new values, validated again (a shifted paste may leave the canvas)."""
    try:
        return type(el).model_validate({**el.model_dump(), **values})
    except ValidationError:
        raise PasteError("Cannot paste there: the content would leave the canvas.") from None


_REFS = {"persona_card": "persona_id", "journey_map": "map_id", "empathy_map": "map_id", "image": "asset_id"}


def plan_paste(
    project: Project, board_id: str, payload: Payload, dx: float, dy: float, *, verb: str = "Paste"
) -> PastePlan:
    """One op that pastes `payload` onto a board, shifted by (dx, dy); PasteError if not."""
    if project.board(board_id) is None:
        raise PasteError("There is no board to paste onto.")
    if not payload.elements:
        raise PasteError("The clipboard holds no elements.")
    plan = _Planner(project)
    _bring_content(plan, payload)
    target = plan.trial.board(board_id)
    if target is None:
        raise PasteError("There is no board to paste onto.")
    top = max((e.z for e in target.elements), default=-1) + 1
    ordered = sorted(enumerate(payload.elements), key=lambda pair: (pair[1].z, pair[0]))
    z_of = {el.id: top + rank for rank, (_k, el) in enumerate(ordered)}
    fresh: dict[str, str] = {}
    placed: list[tuple[str, Any]] = []
    left_out = 0
    for el in payload.elements:
        if el.type == "connector":
            continue
        values: dict[str, Any] = {"id": new_id(), "x": el.x + dx, "y": el.y + dy, "z": z_of[el.id]}
        field = _REFS.get(el.type)
        if field is not None:
            values[field] = plan.ref(getattr(el, field))
            if not plan.exists(el.type, values[field]):
                left_out += 1
                continue
        fresh[el.id] = values["id"]
        placed.append((el.type, _rebuilt(el, values)))
    for el in payload.elements:
        if el.type != "connector" or not {el.source_id, el.target_id} <= fresh.keys():
            continue
        relation = plan.ref(el.relation_id)
        values = {
            "id": new_id(),
            "source_id": fresh[el.source_id],
            "target_id": fresh[el.target_id],
            "relation_id": relation if any(r.id == relation for r in plan.trial.relations) else None,
            "x": el.x + dx,
            "y": el.y + dy,
            "z": z_of[el.id],
        }
        placed.append((el.type, _rebuilt(el, values)))
    if not placed:
        raise PasteError("Nothing on the clipboard can be pasted into this project.")
    for _type, el in placed:
        plan.run(ops.place_element(plan.trial, board_id, el, on_top=False))
    found = problems(plan.trial)
    if found:
        raise PasteError(f"Cannot paste: {found[0].place} {found[0].message}.")
    name = f"{verb} {describe([t for t, _el in placed])}"
    return PastePlan(ops.Compound(tuple(plan.steps), name=name), [el.id for _t, el in placed], left_out)


def element_rects(payload: Payload) -> Sequence[tuple[float, float, float, float]]:
    """Where the copied shapes sit (connectors follow their ends), to place a paste."""
    return [(e.x, e.y, e.w, e.h) for e in payload.elements if e.type != "connector"]
