"""Coverage per journey stage and the persona × stage matrix, counted by hand on a small map:
notes by lane kind, notes tagged with a persona's name concerning that persona only, scores
per persona, notes outside the map left out, and the empty cells."""

from __future__ import annotations

from personamap.insights.coverage import MatrixCell, coverage_matrix, empty_cell_findings, stage_coverage
from personamap.io import load
from personamap.model import (
    EmotionScore,
    JourneyMap,
    JourneyNote,
    Lane,
    LaneKind,
    Persona,
    Project,
    Stage,
    Step,
    new_id,
)
from personamap.resources import sample_path


def mapped_project() -> Project:
    """Ann and Bob followed, Cy only scored; stages S1 (two steps), S2, S3."""
    ann, bob, cy = Persona(name="Ann"), Persona(name="Bob"), Persona(name="Cy")
    s1 = Stage(name="S1", steps=[Step(name="a1"), Step(name="a2")])
    s2, s3 = Stage(name="S2"), Stage(name="S3")
    touch, pain = Lane(kind=LaneKind.TOUCHPOINTS), Lane(kind=LaneKind.PAIN_POINTS)
    opp, act = Lane(kind=LaneKind.OPPORTUNITIES), Lane(kind=LaneKind.ACTIONS)

    def note(lane: Lane, stage: Stage, *tags: str, lane_id: str | None = None) -> JourneyNote:
        return JourneyNote(lane_id=lane_id or lane.id, stage_id=stage.id, text="x", tags=list(tags))

    journey = JourneyMap(
        title="Buy a bike",
        persona_ids=[ann.id, bob.id],
        stages=[s1, s2, s3],
        lanes=[touch, pain, opp, act],
        notes=[
            note(touch, s1),
            note(touch, s1, "quick win"),
            note(pain, s1, " ann "),  # tag matching is casefolded and trimmed
            note(opp, s2, "Bob"),
            note(act, s2, "roadmap"),  # a tag naming no persona: concerns both
            note(act, s3, lane_id=new_id()),  # drawn nowhere: not counted
        ],
        emotions=[
            EmotionScore(persona_id=ann.id, step_id=s1.steps[0].id, score=1),
            EmotionScore(persona_id=ann.id, step_id=s1.steps[1].id, score=-1),
            EmotionScore(persona_id=cy.id, step_id=s3.steps[0].id, score=2),
            EmotionScore(persona_id=None, step_id=s2.steps[0].id, score=0),  # the map's own curve
        ],
    )
    empty = JourneyMap(title="No stages yet", persona_ids=[ann.id])
    return Project(personas=[ann, bob, cy], journeys=[journey, empty])


def test_one_row_per_stage_with_counts_by_lane_kind() -> None:
    rows = stage_coverage(mapped_project())
    assert [(r.journey, r.stage) for r in rows] == [("Buy a bike", s) for s in ("S1", "S2", "S3")]
    counts = [(r.touchpoints, r.pain_points, r.opportunities, r.notes, r.personas_scored) for r in rows]
    assert counts == [(2, 1, 0, 3, 1), (0, 0, 1, 2, 0), (0, 0, 0, 0, 1)]
    assert [r.empty_for for r in rows] == [("Cy",), ("Cy",), ("Ann", "Bob")]


def test_matrix_rows_are_followed_then_scored_personas() -> None:
    first, second = coverage_matrix(mapped_project())
    assert [name for _, name in first.personas] == ["Ann", "Bob", "Cy"]
    assert [name for _, name in first.stages] == ["S1", "S2", "S3"]
    assert first.cells == (
        (MatrixCell(3, 2), MatrixCell(1, 0), MatrixCell(0, 0)),
        (MatrixCell(2, 0), MatrixCell(2, 0), MatrixCell(0, 0)),
        (MatrixCell(0, 0), MatrixCell(0, 0), MatrixCell(0, 1)),
    )
    assert first.empty_cells() == [(0, 2), (1, 2), (2, 0), (2, 1)]
    assert (second.journey, second.stages, second.cells) == ("No stages yet", (), ((),))


def test_a_note_tagged_for_one_persona_fills_only_that_row() -> None:
    project = mapped_project()
    journey = project.journeys[0]
    s3, touch = journey.stages[2], journey.lanes[0]
    journey.notes.append(JourneyNote(lane_id=touch.id, stage_id=s3.id, text="Shop visit", tags=["Bob"]))
    matrix = coverage_matrix(project)[0]
    assert [row[2].notes for row in matrix.cells] == [0, 1, 0]
    assert stage_coverage(project)[2].empty_for == ("Ann",)


def test_each_empty_cell_is_a_finding_placed_at_persona_journey_and_stage() -> None:
    project = mapped_project()
    findings = empty_cell_findings(project)
    assert [(f.rule, f.severity) for f in findings] == [("empty-cell", "info")] * 4
    places = [[(w["kind"], w["name"]) for w in f.where] for f in findings]
    assert places[0] == [("persona", "Ann"), ("journey", "Buy a bike"), ("stage", "S3")]
    assert [p[0][1] + "@" + p[2][1] for p in places] == ["Ann@S3", "Bob@S3", "Cy@S1", "Cy@S2"]
    journey = project.journeys[0]
    assert findings[0].where[1]["id"] == journey.id and findings[0].where[2]["id"] == journey.stages[2].id
    assert (
        "S3" in findings[0].message and "Ann" in findings[0].message and "Buy a bike" in findings[0].message
    )


def test_the_sample_has_no_empty_cell() -> None:
    project = load(sample_path())
    assert empty_cell_findings(project) == []
    matrices = coverage_matrix(project)
    assert [len(m.personas) for m in matrices] == [2, 2] and all(len(m.stages) == 6 for m in matrices)
