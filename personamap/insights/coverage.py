"""Coverage of the journey maps: per stage, how many touchpoints, pain points and opportunities
it holds and how many personas scored it; per journey, the persona × stage matrix the editor
draws as a heat map, whose empty cells are gaps worth a look (docs/DOMAIN.md, Persona map).

Which persona a note concerns: a journey note carries no persona, so a note tagged with the
name of a persona the journey follows concerns that persona only; any other note concerns every
persona the journey follows. An emotion score concerns its persona. An empty cell is a finding
(rule `empty-cell`) the Insights dock lists and the heat map outlines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from personamap.model import Project
from personamap.model.enums import LaneKind
from personamap.model.journey import JourneyMap
from personamap.model.layout.emotion import series_order

from .finding import Finding, place


@dataclass(frozen=True)
class StageCoverage:
    """One stage of one journey: notes by lane kind, all its notes, who scored it, and the
    personas the journey follows of whom nothing is said there."""

    journey_id: str
    journey: str
    stage_id: str
    stage: str
    touchpoints: int
    pain_points: int
    opportunities: int
    notes: int
    personas_scored: int
    empty_for: tuple[str, ...]


@dataclass(frozen=True)
class MatrixCell:
    """What concerns one persona in one stage: notes (see the module docstring) and scores."""

    notes: int
    scores: int

    @property
    def count(self) -> int:
        return self.notes + self.scores

    @property
    def empty(self) -> bool:
        return self.count == 0


@dataclass(frozen=True)
class JourneyMatrix:
    """One journey's heat map: `cells[row][column]` for `personas[row]` and `stages[column]`,
    each an (id, name) pair. Rows: the personas the journey follows, then any other it scores."""

    journey_id: str
    journey: str
    personas: tuple[tuple[str, str], ...]
    stages: tuple[tuple[str, str], ...]
    cells: tuple[tuple[MatrixCell, ...], ...]

    def empty_cells(self) -> list[tuple[int, int]]:
        """(row, column) of every empty cell, row by row."""
        return [(r, c) for r, row in enumerate(self.cells) for c, cell in enumerate(row) if cell.empty]


def _rows(project: Project, journey: JourneyMap) -> list[str]:
    """The heat map's persona ids, in the order the emotion lane draws their curves."""
    known = {p.id for p in project.personas}
    return [pid for pid in series_order(journey) if pid is not None and pid in known]


@dataclass(frozen=True)
class _Tally:
    """One journey counted: its persona rows, per stage id the shown notes by lane kind ("notes"
    for all of them, "scored" for the personas who scored it), per (persona, stage) [notes, scores]."""

    rows: list[str]
    per_stage: dict[str, Counter[str]]
    cells: dict[tuple[str, str], list[int]]


def _tally(project: Project, journey: JourneyMap) -> _Tally:
    """Count the journey in one pass over its notes and one over its scores."""
    rows = _rows(project, journey)
    names = {p.id: p.name for p in project.personas}
    followed = [pid for pid in dict.fromkeys(journey.persona_ids) if pid in names]
    by_tag: dict[str, list[str]] = {}
    for pid in followed:
        by_tag.setdefault(names[pid].strip().casefold(), []).append(pid)
    lanes = {lane.id: lane.kind.value for lane in journey.lanes}
    stages = {stage.id for stage in journey.stages}
    per_stage: dict[str, Counter[str]] = {s: Counter() for s in stages}
    cells: dict[tuple[str, str], list[int]] = {(pid, s): [0, 0] for pid in rows for s in stages}
    for note in journey.notes:
        kind = lanes.get(note.lane_id)
        if kind is None or note.stage_id not in stages:
            continue  # not drawn anywhere (JourneyMap.shown_cell)
        tally = per_stage[note.stage_id]
        tally["notes"] += 1
        tally[kind] += 1
        tagged = [pid for tag in note.tags for pid in by_tag.get(tag.strip().casefold(), ())]
        for pid in dict.fromkeys(tagged) if tagged else followed:
            cells[pid, note.stage_id][0] += 1
    stage_of = {step.id: stage.id for stage in journey.stages for step in stage.steps}
    scored: dict[str, set[str]] = {s: set() for s in stages}
    for score in journey.emotions:
        stage_id = stage_of.get(score.step_id)
        if stage_id is None or score.persona_id is None or score.persona_id not in names:
            continue
        scored[stage_id].add(score.persona_id)
        cells[score.persona_id, stage_id][1] += 1
    for stage_id, who in scored.items():
        per_stage[stage_id]["scored"] = len(who)
    return _Tally(rows, per_stage, cells)


def journey_matrix(project: Project, journey: JourneyMap) -> JourneyMatrix:
    tally = _tally(project, journey)
    names = {p.id: p.name for p in project.personas}
    return JourneyMatrix(
        journey.id,
        journey.title,
        tuple((pid, names[pid]) for pid in tally.rows),
        tuple((s.id, s.name) for s in journey.stages),
        tuple(tuple(MatrixCell(*tally.cells[pid, s.id]) for s in journey.stages) for pid in tally.rows),
    )


def coverage_matrix(project: Project) -> list[JourneyMatrix]:
    """The persona × stage heat map of every journey, in project order."""
    return [journey_matrix(project, j) for j in project.journeys]


def stage_coverage(project: Project) -> list[StageCoverage]:
    """One row per stage of every journey, in project and stage order."""
    names = {p.id: p.name for p in project.personas}
    out = []
    for journey in project.journeys:
        tally = _tally(project, journey)
        for stage in journey.stages:
            counts = tally.per_stage[stage.id]
            out.append(
                StageCoverage(
                    journey_id=journey.id,
                    journey=journey.title,
                    stage_id=stage.id,
                    stage=stage.name,
                    touchpoints=counts[LaneKind.TOUCHPOINTS],
                    pain_points=counts[LaneKind.PAIN_POINTS],
                    opportunities=counts[LaneKind.OPPORTUNITIES],
                    notes=counts["notes"],
                    personas_scored=counts["scored"],
                    empty_for=tuple(names[pid] for pid in tally.rows if tally.cells[pid, stage.id] == [0, 0]),
                )
            )
    return out


def empty_cell_findings(project: Project) -> list[Finding]:
    """One `empty-cell` finding (info) per empty cell of every journey's matrix; where = the
    persona, the journey and the stage (last, so that clicking it shows the stage)."""
    out = []
    for matrix in coverage_matrix(project):
        for row, column in matrix.empty_cells():
            (persona_id, persona), (stage_id, stage) = matrix.personas[row], matrix.stages[column]
            out.append(
                Finding(
                    "empty-cell",
                    "info",
                    f"“{stage}” in “{matrix.journey}” says nothing about {persona}: no note there "
                    "concerns them (tag a note with their name) and they have no emotion score.",
                    [
                        place("persona", persona_id, persona),
                        place("journey", matrix.journey_id, matrix.journey),
                        place("stage", stage_id, stage),
                    ],
                )
            )
    return out
