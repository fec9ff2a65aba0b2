"""A parsed Mermaid journey as personamap data: sections become stages, tasks steps, actors
personas (one per name) and scores the emotion curve on the project's scale (docs/mermaid.md).

`%% personamap` comments written by `mermaid_export.py` bring back what Mermaid cannot show:
lanes and their notes, several steps scored alike, exact scores, persona colours.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from personamap.model import (
    EmotionScale,
    EmotionScore,
    JourneyMap,
    JourneyNote,
    Lane,
    LaneKind,
    Persona,
    Stage,
    Step,
    clean_text,
)
from personamap.model.journey import DEFAULT_LANES
from personamap.style import persona_color

from .mermaid_parse import Diagram, Section, Task
from .mermaid_scale import from_mermaid, remembered_note

STAGE_PLACEHOLDER = "Stage"
"""The section name written for a stage without a name (Mermaid needs one)."""


def step_placeholder(stage_name: str) -> str:
    """The task name written for a step without a name: its stage's, else "Step"."""
    return stage_name.strip() or "Step"


def short(text: str) -> str:
    return clean_text(text, one_line=True)[:500]


class PersonaBook:
    """The personas an import names, one per name (case-insensitive), in order of creation."""

    def __init__(self) -> None:
        self.personas: list[Persona] = []
        self._by_name: dict[str, Persona] = {}

    def get(self, name: str, color: str | None, index: int) -> Persona:
        key = name.strip().casefold()
        persona = self._by_name.get(key)
        if persona is None:
            try:
                persona = Persona(name=short(name), color=color or persona_color(index))
            except ValidationError:
                persona = Persona(name=short(name), color=persona_color(index))
            self._by_name[key] = persona
            self.personas.append(persona)
        return persona


def _lanes(meta: dict[str, Any]) -> list[Lane]:
    given = meta.get("lanes")
    if isinstance(given, list):
        lanes = []
        for entry in given:
            try:
                name, kind = entry
                lanes.append(Lane(name=short(str(name)), kind=LaneKind(kind)))
            except (ValueError, TypeError, ValidationError):
                continue
        return lanes
    return [Lane(name=name, kind=kind) for name, kind in DEFAULT_LANES]


def _journey_personas(diagram: Diagram) -> list[str]:
    """The journey's persona names: as its comment lists them, else in order of appearance."""
    listed = diagram.meta.get("personas")
    if isinstance(listed, list) and all(isinstance(n, str) for n in listed):
        return list(listed)
    names: dict[str, str] = {}
    for section in diagram.sections:
        for task in section.tasks:
            for actor in task.actors:
                names.setdefault(actor.casefold(), actor)
    return list(names.values())


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


class _Builder:
    """Builds one journey from a diagram; warnings name the comment lines it had to ignore."""

    def __init__(self, diagram: Diagram, scale: EmotionScale, book: PersonaBook, title: str) -> None:
        self.diagram, self.scale, self.book = diagram, scale, book
        self.warnings: list[str] = []
        self.scored: set[tuple[str | None, str]] = set()
        meta = diagram.meta
        self.colors = {
            str(p.get("name", "")).casefold(): str(p.get("color")) for p in diagram.personas if p.get("color")
        }
        names = _journey_personas(diagram)
        self.order = {n.casefold(): i for i, n in enumerate(names)}
        self.journey = JourneyMap(
            title=short(diagram.title or diagram.acc_title or ("" if meta.get("title") == "" else title)),
            lanes=_lanes(meta),
            persona_ids=list(dict.fromkeys(self.persona(n).id for n in names)),
        )
        fields = {"scenario": meta.get("scenario", diagram.acc_descr)}
        fields |= {k: meta[k] for k in ("expectations", "state", "owner", "version") if k in meta}
        for key, value in fields.items():
            try:
                setattr(self.journey, key, value)
            except ValidationError:
                self.warnings.append(f"the personamap comment's {key} is not valid; left out")

    def persona(self, name: str) -> Persona:
        index = self.order.get(name.casefold(), len(self.order))
        return self.book.get(name, self.colors.get(name.casefold()), index)

    def build(self) -> JourneyMap:
        for section in self.diagram.sections:
            self.stage(section)
        return self.journey

    def stage(self, section: Section) -> None:
        meta = section.meta
        name = section.name
        if meta.get("unnamed") and name == STAGE_PLACEHOLDER:
            name = ""
        stage = Stage(name=short(name))
        stage.steps.clear()  # refilled from the tasks below; one empty step if there are none
        try:
            stage.description = clean_text(str(meta.get("description", "")))
        except ValidationError:
            self.warnings.append(f"line {section.line}: the stage description is not valid; left out")
        self.notes(meta.get("notes"), stage, None, section.line)
        for task in section.tasks:
            self.task(task, stage)
        if not stage.steps:
            stage.steps.append(Step())
        self.journey.stages.append(stage)

    def task(self, task: Task, stage: Stage) -> None:
        meta = task.meta
        if meta.get("same") and stage.steps:
            step = stage.steps[-1]
        else:
            name = task.name
            if meta.get("unnamed") and name == step_placeholder(stage.name or STAGE_PLACEHOLDER):
                name = ""
            step = Step(name=short(name))
            stage.steps.append(step)
        self.notes(meta.get("notes"), stage, step, task.line)
        if meta.get("unscored"):
            return
        exact = _mapping(meta.get("scores"))
        remarks = _mapping(meta.get("remarks"))
        for actor in task.actors or [""]:
            persona_id = self.persona(actor).id if actor else None
            if (persona_id, step.id) in self.scored:
                continue
            self.scored.add((persona_id, step.id))
            value = exact.get(actor)
            if not isinstance(value, int) or not self.scale.contains(value):
                value = from_mermaid(task.score, self.scale)
            note = remarks[actor] if actor in remarks else remembered_note(task.score, self.scale)
            try:
                score = EmotionScore(
                    persona_id=persona_id, step_id=step.id, score=value, note=short(str(note))
                )
            except ValidationError:
                score = EmotionScore(persona_id=persona_id, step_id=step.id, score=value)
            self.journey.emotions.append(score)

    def notes(self, notes: Any, stage: Stage, step: Step | None, line: int) -> None:
        for data in notes if isinstance(notes, list) else []:
            try:
                lane = self.journey.lanes[int(data["lane"])]
                votes = [{"participant": p, "session": s} for p, s in data.get("votes", [])]
                note = JourneyNote.model_validate(
                    {
                        "lane_id": lane.id,
                        "stage_id": stage.id,
                        "step_id": step.id if step else None,
                        "text": clean_text(str(data.get("text", ""))),
                        "color": data.get("color", "yellow"),
                        "tags": data.get("tags", []),
                        "votes": votes,
                    }
                )
            except (KeyError, IndexError, ValueError, TypeError, ValidationError):
                self.warnings.append(f"line {line}: a personamap note comment is not valid; left out")
                continue
            self.journey.notes.append(note)


def build_journey(
    diagram: Diagram, scale: EmotionScale, book: PersonaBook, title: str = ""
) -> tuple[JourneyMap, list[str]]:
    """The journey `diagram` describes (personas taken from or added to `book`), and the
    warnings about comments it could not use; `title` is used when the diagram has none."""
    builder = _Builder(diagram, scale, book, title)
    return builder.build(), builder.warnings
