"""A journey step table: one row a step (Stage, Step), one column per lane holding the notes of
that cell (` | ` between notes, or `Lane: NAME #1`, `#2`… one note each), and one column per
persona's emotion score (`Emotion: Priya`; `Emotion` alone for the map's own curve) with the
emotions lane's own notes (`Emotion notes`), placed where the emotions lane is. `rows` and
`journey` are inverses for what the table carries (docs/tables.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError

from personamap.model import JourneyMap, Persona, Project
from personamap.model.base import clean_text
from personamap.model.enums import LaneKind
from personamap.model.journey import DEFAULT_LANES, EmotionScore, JourneyNote, Lane, Stage, Step

from .cells import join, joinable, split
from .persona_fields import key

Part = Literal["stage", "step", "own", "persona", "feel", "lane", "entry"]
"""own: the map's own emotion curve; persona: a persona's; feel: the emotions lane's notes (in
one cell, or one each when numbered); lane: a lane's notes in one cell; entry: one note of a
lane (numbered columns)."""

LANE_PREFIX = "Lane: "
EMOTION = "Emotion"
FEELINGS = "Emotion notes"
_STAGE = frozenset({"stage", "stages", "phase"})
_STEP = frozenset({"step", "steps", "task"})
_OWN = frozenset({"emotion", "emotions", "emotion score", "score"})
_NUMBERED = re.compile(r"(.*?)\s*#(\d+)", re.S)
_PREFIXED = re.compile(r"(.*) #(\d+)", re.S)
_SCORE = re.compile(r"[+-]?\d+(?:\.0*)?")
_KINDS = {key(name): kind for name, kind in DEFAULT_LANES} | {
    key(kind.value.replace("_", " ")): kind for kind in LaneKind
}
_KIND_PREFIX = re.compile(
    "(" + "|".join(re.escape(k) for k in sorted(_KINDS, key=len, reverse=True)) + r")(?![^\W_])"
)


class RowError(ValueError):
    """A row that cannot become a step; the message names the column and the reason."""


@dataclass(frozen=True)
class Header:
    part: Part
    name: str = ""
    number: int = 0


def parse_header(header: str) -> Header:
    """What the column `header` holds; any header naming nothing else is a lane."""
    k = key(header)
    if k in _STAGE:
        return Header("stage")
    if k in _STEP:
        return Header("step")
    if k in _OWN:
        return Header("own")
    if k.startswith(("emotion:", "emotions:")):
        return Header("persona", header.split(":", 1)[1].strip())
    if k == key(FEELINGS):
        return Header("feel")
    if k.startswith(key(LANE_PREFIX)):
        rest = header.split(":", 1)[1]
        rest = rest[1:] if rest.startswith(" ") else rest
        numbered = _PREFIXED.fullmatch(rest)
        if numbered:
            return Header("entry", numbered.group(1), int(numbered.group(2)))
        return Header("lane", rest)
    numbered = _NUMBERED.fullmatch(header)
    if numbered and key(numbered.group(1)) == key(FEELINGS):
        return Header("feel", number=int(numbered.group(2)))
    if numbered and numbered.group(1).strip():
        return Header("entry", numbered.group(1), int(numbered.group(2)))
    return Header("lane", header)


def lane_kind(name: str) -> LaneKind:
    """The kind a lane's name says (`Pain points`, `Backstage (finance)`), else custom; never
    the emotions lane, which the emotion columns make."""
    found = _KIND_PREFIX.match(key(name))
    kind = _KINDS[found.group(1)] if found else LaneKind.CUSTOM
    return LaneKind.CUSTOM if kind is LaneKind.EMOTIONS else kind


def is_journey(headers: list[str]) -> bool:
    """A table with a Stage column is a journey step table."""
    return any(parse_header(h).part == "stage" for h in headers)


Column = tuple[str, Callable[[Stage, Step], str]]


def rows(project: Project, journey: JourneyMap) -> list[list[str]]:
    """The header and one row per step, left to right."""
    columns: list[Column] = [("Stage", lambda stage, _: stage.name), ("Step", lambda _, step: step.name)]
    emotions = _emotion_columns(project, journey)
    placed = False
    for lane in journey.lanes:
        if lane.kind is LaneKind.EMOTIONS and not placed:
            columns += emotions + _lane_columns(journey, lane, feelings=True)
            placed = True
        else:
            columns += _lane_columns(journey, lane)
    if not placed and journey.emotions:
        columns += emotions
    header = [h for h, _ in columns]
    return [header] + [
        [get(stage, step) for _, get in columns] for stage in journey.stages for step in stage.steps
    ]


def _lane_columns(journey: JourneyMap, lane: Lane, *, feelings: bool = False) -> list[Column]:
    """A lane's notes, one cell a step; the emotions lane's (`feelings`) only when it has some."""
    texts: dict[str, list[str]] = {step.id: [] for step in journey.steps()}
    for note, cell in zip(journey.notes, journey.note_cells().values(), strict=True):
        if cell is not None and cell[0] == lane.id:
            texts[cell[2]].append(note.text)
    most = max([0, *map(len, texts.values())])
    if feelings:
        if all(joinable(t) for t in texts.values()):
            return [(FEELINGS, lambda _, step: join(texts[step.id]))] if most else []
        return [(f"{FEELINGS} #{n + 1}", _nth(texts, n)) for n in range(most)]
    bare = lane.name.strip() and parse_header(lane.name) == Header("lane", lane.name)
    if bare and all(joinable(t) for t in texts.values()):
        return [(lane.name, lambda _, step: join(texts[step.id]))]
    return [(f"{LANE_PREFIX}{lane.name} #{n + 1}", _nth(texts, n)) for n in range(max(1, most))]


def _nth(texts: dict[str, list[str]], n: int) -> Callable[[Stage, Step], str]:
    return lambda _, step: texts[step.id][n] if n < len(texts[step.id]) else ""


def _emotion_columns(project: Project, journey: JourneyMap) -> list[Column]:
    """The map's own curve (when it has scores or no persona is scored) and each persona's."""
    ids = list(
        dict.fromkeys([*journey.persona_ids, *(e.persona_id for e in journey.emotions if e.persona_id)])
    )
    personas = [p for p in (project.persona(i) for i in ids) if p is not None]
    scores = {(e.persona_id, e.step_id): str(e.score) for e in journey.emotions}
    columns: list[Column] = []
    if not personas or any(e.persona_id is None for e in journey.emotions):
        columns.append((EMOTION, lambda _, step: scores.get((None, step.id), "")))
    for p in personas:
        columns.append((f"{EMOTION}: {p.name}", lambda _, step, i=p.id: scores.get((i, step.id), "")))  # type: ignore[misc]
    return columns


@dataclass
class Build:
    """A journey being read row by row."""

    lanes: list[Lane | None] = field(default_factory=list)
    """The lane of each column (None: not a lane column)."""
    personas: dict[int, Persona] = field(default_factory=dict)
    """The persona of each persona emotion column, by column index."""
    stages: list[tuple[Stage, list[Step]]] = field(default_factory=list)
    notes: list[JourneyNote] = field(default_factory=list)
    emotions: list[EmotionScore] = field(default_factory=list)


def start(headers: list[Header]) -> tuple[Build, list[Lane]]:
    """The lanes the columns make, in order (the emotions lane where its first column is)."""
    build = Build()
    lanes: list[Lane] = []
    previous: Header | None = None
    for column in headers:
        lane: Lane | None = None
        if column.part in ("own", "persona", "feel"):
            feelings = next((x for x in lanes if x.kind is LaneKind.EMOTIONS), None)
            if feelings is None:
                feelings = Lane(name="Emotions", kind=LaneKind.EMOTIONS)
                lanes.append(feelings)
            lane = feelings if column.part == "feel" else None
        elif column.part == "lane" or (column.part == "entry" and not _continues(previous, column)):
            name = clean_text(column.name, one_line=True)
            lane = Lane(name=name, kind=lane_kind(name))
            lanes.append(lane)
        elif column.part == "entry":
            lane = build.lanes[-1]
        if column.part == "persona":
            build.personas[len(build.lanes)] = Persona(
                name=clean_text(column.name, one_line=True) or "Persona"
            )
        build.lanes.append(lane)
        previous = column
    return build, lanes


def _continues(previous: Header | None, column: Header) -> bool:
    """A numbered column goes on the lane of the one before when the name is the same and the
    number higher (`#1`, `#2`); `#1` again starts a lane of the same name."""
    return (
        previous is not None
        and previous.part == "entry"
        and previous.name == column.name
        and column.number > previous.number
    )


def add_row(build: Build, headers: list[Header], row: list[str]) -> None:
    """The step of one row, its notes and scores (cells already restored)."""
    stage_cell = next((c for h, c in zip(headers, row, strict=True) if h.part == "stage"), "")
    step_cell = next((c for h, c in zip(headers, row, strict=True) if h.part == "step"), "")
    stage_name = clean_text(stage_cell, one_line=True)
    if not build.stages or (stage_cell.strip() and stage_name != build.stages[-1][0].name):
        try:
            build.stages.append((Stage(name=stage_name), []))
        except ValidationError as exc:
            raise RowError(f"Stage: {exc.errors()[0]['msg']}") from None
    stage, steps = build.stages[-1]
    try:
        step = Step(name=clean_text(step_cell, one_line=True))
    except ValidationError as exc:
        raise RowError(f"Step: {exc.errors()[0]['msg']}") from None
    steps.append(step)
    for index, (column, cell) in enumerate(zip(headers, row, strict=True)):
        lane = build.lanes[index]
        if lane is not None and cell.strip():
            joined = column.part == "lane" or (column.part == "feel" and not column.number)
            entries = split(cell) if joined else [cell]
            for text in entries:
                try:
                    build.notes.append(
                        JourneyNote(
                            lane_id=lane.id, stage_id=stage.id, step_id=step.id, text=clean_text(text)
                        )
                    )
                except ValidationError as exc:
                    raise RowError(f"{lane.name}: {exc.errors()[0]['msg']}") from None
        elif column.part in ("own", "persona") and cell.strip():
            build.emotions.append(_score(build, index, column, cell, step))


def _score(build: Build, index: int, column: Header, cell: str, step: Step) -> EmotionScore:
    text = cell.strip()
    who = build.personas.get(index)
    if not _SCORE.fullmatch(text) or not -100 <= int(float(text)) <= 100:
        label = f"{EMOTION}: {who.name}" if who else EMOTION
        raise RowError(f'{label} "{text}" is not a whole number from -100 to 100')
    return EmotionScore(persona_id=who.id if who else None, step_id=step.id, score=int(float(text)))


def finish(build: Build, title: str, lanes: list[Lane]) -> JourneyMap:
    """The journey the rows made."""
    stages = [Stage(id=stage.id, name=stage.name, steps=steps) for stage, steps in build.stages]
    return JourneyMap(
        title=title,
        persona_ids=[p.id for p in build.personas.values()],
        stages=stages,
        lanes=lanes,
        notes=build.notes,
        emotions=build.emotions,
    )
