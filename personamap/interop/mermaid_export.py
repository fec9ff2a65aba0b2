"""A personamap journey as a Mermaid `journey` diagram that Mermaid renders, with what Mermaid
cannot show in `%% personamap KIND {json}` comment lines, so importing the text gives the same
journey back (docs/mermaid.md describes the comments and the canonical layout).
"""

from __future__ import annotations

import json
import re
from typing import Any

from personamap.model import EmotionScore, JourneyMap, JourneyNote, NoteColor, Persona, Project, Stage
from personamap.model.journey import DEFAULT_LANES
from personamap.style import persona_color

from .mermaid_import import STAGE_PLACEHOLDER, step_placeholder
from .mermaid_scale import from_mermaid, remembered_note, remembered_score, to_mermaid
from .mermaid_text import JS_SPACE, decode, escape, escape_task, hide_entities, js_strip

HEAD, TASK = "    ", "      "
"""The canonical indentation, as in Mermaid's own documentation: statements by four spaces,
tasks by six."""


def _comment(kind: str, data: dict[str, Any], indent: str) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"{indent}%% personamap {kind} {text.replace('%', chr(92) + 'u0025')}"


def _note_data(note: JourneyNote, lanes: dict[str, int]) -> dict[str, Any]:
    data: dict[str, Any] = {"lane": lanes[note.lane_id], "text": note.text}
    if note.color != NoteColor.YELLOW:
        data["color"] = note.color.value
    if note.tags:
        data["tags"] = list(note.tags)
    if note.votes:
        data["votes"] = [[v.participant, v.session] for v in note.votes]
    return data


def _scenario_lines(scenario: str) -> tuple[list[str], bool]:
    """The accDescr lines for `scenario`, and whether Mermaid reads them back exactly."""
    if "\n" not in scenario:
        return [f"{HEAD}accDescr: {escape(scenario, '#' + chr(13))}"], True
    body = [escape(line, "#}" + chr(13)) for line in scenario.split("\n")]
    value = "\n".join(TASK + line for line in body)
    read = decode(hide_entities(re.sub(f"\n[{JS_SPACE}]+", "\n", js_strip(value))))
    return [f"{HEAD}accDescr {{", value, f"{HEAD}}}"], read == scenario


class _Writer:
    def __init__(self, journey: JourneyMap, project: Project) -> None:
        self.journey, self.scale = journey, project.settings.emotion_scale
        self.personas: dict[str, Persona] = {p.id: p for p in project.personas}
        self.lanes = {lane.id: i for i, lane in enumerate(journey.lanes)}
        self.by_step: dict[str, list[EmotionScore]] = {}
        for e in journey.emotions:
            if e.persona_id is None or e.persona_id in self.personas:
                self.by_step.setdefault(e.step_id, []).append(e)
        self.by_stage: dict[str, list[JourneyNote]] = {}
        for note in journey.notes:
            if note.lane_id in self.lanes:
                self.by_stage.setdefault(note.stage_id, []).append(note)
        self.lines: list[str] = []
        self.actors: dict[str, str] = {}  # casefold name → name, in order of appearance

    def write(self) -> str:
        journey = self.journey
        head = ["journey"]
        if journey.title:
            head.append(f"{HEAD}title {escape(journey.title, '#;' + chr(13))}")
        meta: dict[str, Any] = {}
        if journey.scenario:
            scenario, exact = _scenario_lines(journey.scenario)
            head += scenario
            if not exact:
                meta["scenario"] = journey.scenario
        for stage_index, stage in enumerate(journey.stages):
            self.stage(stage, stage_index)
        names = [self.personas[p].name for p in journey.persona_ids if p in self.personas]
        if not journey.title:
            meta["title"] = ""
        meta |= self.journey_meta(names)
        if meta:
            head.append(_comment("journey", meta, HEAD))
        head += self.persona_lines(names)
        return "\n".join(head + self.lines) + "\n"

    def journey_meta(self, names: list[str]) -> dict[str, Any]:
        journey, meta = self.journey, dict[str, Any]()
        lanes = [(lane.name, lane.kind) for lane in journey.lanes]
        if lanes != list(DEFAULT_LANES):
            meta["lanes"] = [[name, kind.value] for name, kind in lanes]
        for key, default in (("expectations", ""), ("owner", ""), ("version", "1")):
            if getattr(journey, key) != default:
                meta[key] = getattr(journey, key)
        if journey.state.value != "current":
            meta["state"] = journey.state.value
        if [n.casefold() for n in names] != list(self.actors):
            meta["personas"] = names
        return meta

    def persona_lines(self, names: list[str]) -> list[str]:
        order = {n.casefold(): i for i, n in enumerate(names)}
        lines, seen = [], set()
        wanted = [p for p in (self.personas.get(i) for i in self.journey.persona_ids) if p is not None]
        wanted += [p for p in self.personas.values() if p.name.casefold() in self.actors]
        for persona in wanted:
            key = persona.name.casefold()
            if key in seen:
                continue
            seen.add(key)
            if persona.color.upper() != persona_color(order.get(key, len(order))).upper():
                lines.append(_comment("persona", {"name": persona.name, "color": persona.color}, HEAD))
        return lines

    def stage(self, stage: Stage, index: int) -> None:
        step_ids = {s.id for s in stage.steps}
        notes = self.by_stage.get(stage.id, [])
        stage_notes = [n for n in notes if n.step_id not in step_ids]
        meta: dict[str, Any] = {}
        if stage.description:
            meta["description"] = stage.description
        if stage_notes:
            meta["notes"] = [_note_data(n, self.lanes) for n in stage_notes]
        only = stage.steps[0]
        bare = (
            len(stage.steps) == 1
            and only.name == ""
            and only.id not in self.by_step
            and not any(n.step_id == only.id for n in notes)
        )
        implicit = index == 0 and stage.name == "" and not bare
        if stage.name == "" and not implicit:
            meta["unnamed"] = True
        if meta:
            self.lines.append(_comment("section", meta, HEAD))
        if not implicit:
            self.lines.append(f"{HEAD}section {escape(stage.name or STAGE_PLACEHOLDER, '#;:')}")
        if bare:
            return
        for step in stage.steps:
            self.step(step.id, step.name, stage.name, [n for n in notes if n.step_id == step.id])

    def _mermaid_score(self, emotion: EmotionScore) -> int:
        remembered = remembered_score(emotion.note, emotion.score, self.scale)
        return remembered if remembered is not None else to_mermaid(emotion.score, self.scale)

    def step(self, step_id: str, name: str, stage_name: str, notes: list[JourneyNote]) -> None:
        groups: dict[tuple[int, bool], list[EmotionScore]] = {}
        for e in self.by_step.get(step_id, []):
            groups.setdefault((self._mermaid_score(e), e.persona_id is None), []).append(e)
        shown = name or step_placeholder(stage_name or STAGE_PLACEHOLDER)
        first: dict[str, Any] = {}
        if not name:
            first["unnamed"] = True
        if notes:
            first["notes"] = [_note_data(n, self.lanes) for n in notes]
        if not groups:
            self.task(shown, 3, [], first | {"unscored": True})
        for k, ((score, _), emotions) in enumerate(groups.items()):
            meta: dict[str, Any] = dict(first) if k == 0 else {"same": True}
            exact: dict[str, int] = {}
            remarks: dict[str, str] = {}
            actors = []
            for e in emotions:
                actor = self.personas[e.persona_id].name if e.persona_id else ""
                if actor:
                    actors.append(actor)
                if from_mermaid(score, self.scale) != e.score:
                    exact[actor] = e.score
                if e.note != remembered_note(score, self.scale):
                    remarks[actor] = e.note
            meta |= {"scores": exact} if exact else {}
            meta |= {"remarks": remarks} if remarks else {}
            self.task(shown, score, actors, meta)

    def task(self, name: str, score: int, actors: list[str], meta: dict[str, Any]) -> None:
        if meta:
            self.lines.append(_comment("task", meta, TASK))
        line = f"{TASK}{escape_task(name)}: {score}"
        if actors:
            line += ": " + ", ".join(escape(a, "#;:,") for a in actors)
            for actor in actors:
                self.actors.setdefault(actor.casefold(), actor)
        self.lines.append(line)


def journey_mermaid(journey: JourneyMap, project: Project) -> str:
    """One journey of `project` as a Mermaid diagram in canonical form."""
    return _Writer(journey, project).write()
