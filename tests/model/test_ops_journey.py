"""Journey ops: journeys, stages, steps, lanes, attached personas, notes, emotions, votes."""

from __future__ import annotations

import pytest
from factories import elements_of, lane_of, persona_named, rich_project, stage_named
from ophelp import refused, roundtrip

from personamap.model import JourneyNote, JourneyState, LaneKind, Project, ScaleLabel
from personamap.model.ops import (
    add_journey,
    add_journey_note,
    add_lane,
    add_stage,
    add_step,
    add_vote,
    attach_journey_persona,
    clear_emotion,
    detach_journey_persona,
    move_journey,
    move_journey_notes,
    move_lane,
    move_stage,
    move_step,
    new_journey,
    remove_journey,
    remove_journey_notes,
    remove_lane,
    remove_stage,
    remove_step,
    remove_vote,
    rename_lane,
    rename_stage,
    rename_step,
    set_emotion,
    set_emotion_scale,
    update_journey,
    update_journey_note,
    update_lane,
    update_stage,
)

GHOST = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def project() -> Project:
    return rich_project()


def texts(notes: list[JourneyNote]) -> list[str]:
    return [n.text for n in notes]


def test_add_move_update_remove_journey(project: Project) -> None:
    anna = persona_named(project, "Anna")
    roundtrip(project, add_journey(project, new_journey("Second", [anna.id])))
    second = project.journeys[-1]
    assert [s.name for s in second.stages][:2] == ["Awareness", "Consideration"] and len(second.lanes) == 7
    roundtrip(project, add_journey(project))
    roundtrip(project, move_journey(project, second.id, 0))
    assert project.journeys[0] is second
    roundtrip(project, update_journey(project, second.id, title="Renamed", state=JourneyState.FUTURE))
    assert (second.title, second.state) == ("Renamed", JourneyState.FUTURE)
    first = project.journeys[1]
    roundtrip(project, remove_journey(project, first.id))
    assert elements_of(project.boards[0], "journey_map") == []
    refused(project, lambda: update_journey(project, second.id, stages=[]), "cannot be changed")
    refused(project, lambda: add_journey(project, new_journey("x", [GHOST])), "no persona")


def test_attach_and_detach_persona(project: Project) -> None:
    journey = project.journeys[0]
    anna, nora = persona_named(project, "Anna"), persona_named(project, "Nora")
    roundtrip(project, attach_journey_persona(project, journey.id, nora.id))
    assert journey.persona_ids[-1] == nora.id
    refused(project, lambda: attach_journey_persona(project, journey.id, nora.id), "already")
    roundtrip(project, detach_journey_persona(project, journey.id, anna.id))
    assert anna.id not in journey.persona_ids
    assert all(e.persona_id != anna.id for e in journey.emotions)
    refused(project, lambda: detach_journey_persona(project, journey.id, anna.id), "not on this journey")


def test_stages(project: Project) -> None:
    journey = project.journeys[0]
    op = add_stage(project, journey.id, "Loyalty", steps=["Renews", "Refers"])
    roundtrip(project, op)
    assert journey.stages[-1].name == "Loyalty" and len(journey.stages[-1].steps) == 2
    roundtrip(project, add_stage(project, journey.id, "First", index=0))
    assert journey.stages[0].name == "First" and len(journey.stages[0].steps) == 1
    use = stage_named(journey, "Use")
    roundtrip(project, rename_stage(project, journey.id, use.id, "Everyday use"))
    roundtrip(project, update_stage(project, journey.id, use.id, description="Every day"))
    assert (use.name, use.description) == ("Everyday use", "Every day")
    roundtrip(project, move_stage(project, journey.id, use.id, 0))
    assert journey.stages[0] is use
    refused(project, lambda: add_stage(project, journey.id, "None", steps=[]), "at least one step")
    refused(project, lambda: update_stage(project, journey.id, use.id, steps=[]), "cannot be changed")


def test_remove_stage_cascades_notes_and_scores(project: Project) -> None:
    journey = project.journeys[0]
    onboarding = stage_named(journey, "Onboarding")
    steps = {s.id for s in onboarding.steps}
    op = remove_stage(project, journey.id, onboarding.id)
    assert op.name == "Delete stage “Onboarding”"
    roundtrip(project, op)
    assert all(n.stage_id != onboarding.id for n in journey.notes)
    assert all(e.step_id not in steps for e in journey.emotions)
    assert len(journey.notes) == 5 and len(journey.emotions) == 3


def test_steps(project: Project) -> None:
    journey = project.journeys[0]
    aware = stage_named(journey, "Awareness")
    roundtrip(project, add_step(project, journey.id, aware.id, "Hears of it", index=0))
    assert aware.steps[0].name == "Hears of it"
    roundtrip(project, rename_step(project, journey.id, aware.steps[1].id, "Sees a poster"))
    assert aware.steps[1].name == "Sees a poster"
    roundtrip(project, move_step(project, journey.id, aware.steps[0].id, aware.id, 1))
    assert aware.steps[1].name == "Hears of it"


def test_remove_step_moves_notes_and_drops_scores(project: Project) -> None:
    journey = project.journeys[0]
    onboarding = stage_named(journey, "Onboarding")
    signup, first_use = onboarding.steps
    roundtrip(project, remove_step(project, journey.id, signup.id))
    assert onboarding.steps == [first_use]
    assert sum(1 for n in journey.notes if n.step_id == first_use.id) == 4
    assert all(e.step_id != signup.id for e in journey.emotions)
    refused(project, lambda: remove_step(project, journey.id, first_use.id), "only this step")


def test_move_step_to_another_stage_takes_its_notes(project: Project) -> None:
    journey = project.journeys[0]
    onboarding, use = stage_named(journey, "Onboarding"), stage_named(journey, "Use")
    first_use = onboarding.steps[1]
    roundtrip(project, move_step(project, journey.id, first_use.id, use.id, 0))
    assert use.steps[0].id == first_use.id and len(onboarding.steps) == 1
    assert all(n.stage_id == use.id for n in journey.notes if n.step_id == first_use.id)
    only = use.steps[1]
    refused(project, lambda: move_step(project, journey.id, only.id, use.id, 9), "out of range")
    aware = stage_named(journey, "Awareness")
    refused(project, lambda: move_step(project, journey.id, aware.steps[0].id, use.id, 0), "without a step")
    assert only in use.steps


def test_lanes(project: Project) -> None:
    journey = project.journeys[0]
    roundtrip(project, add_lane(project, journey.id, "KPIs", LaneKind.KPIS, index=2))
    assert journey.lanes[2].kind == LaneKind.KPIS
    lane = journey.lanes[2]
    roundtrip(project, rename_lane(project, journey.id, lane.id, "Numbers"))
    roundtrip(project, update_lane(project, journey.id, lane.id, kind=LaneKind.CUSTOM))
    assert (lane.name, lane.kind) == ("Numbers", LaneKind.CUSTOM)
    roundtrip(project, move_lane(project, journey.id, lane.id, 0))
    actions = lane_of(journey, LaneKind.ACTIONS)
    op = remove_lane(project, journey.id, actions.id)
    assert op.name == "Delete lane “Actions”"
    roundtrip(project, op)
    assert all(n.lane_id != actions.id for n in journey.notes) and len(journey.notes) == 4
    refused(project, lambda: add_lane(project, journey.id, "x", "nonsense"), "invalid lane")  # type: ignore[arg-type]


def test_add_note_in_a_cell_position(project: Project) -> None:
    journey = project.journeys[0]
    actions, aware = lane_of(journey, LaneKind.ACTIONS), stage_named(journey, "Awareness")
    roundtrip(project, add_journey_note(project, journey.id, actions.id, aware.id, text="Between", index=1))
    assert texts(journey.notes_in(actions.id, aware.id)) == ["Sees a poster", "Between", "Asks a friend"]
    roundtrip(project, add_journey_note(project, journey.id, actions.id, aware.id, text="Last"))
    assert texts(journey.notes_in(actions.id, aware.id))[-1] == "Last"
    use = stage_named(journey, "Use")
    roundtrip(
        project, add_journey_note(project, journey.id, actions.id, use.id, use.steps[0].id, text="Alone")
    )
    given = JourneyNote(lane_id=actions.id, stage_id=aware.id, text="Given", tags=["t"])
    roundtrip(project, add_journey_note(project, journey.id, actions.id, use.id, note=given, index=0))
    assert next(n for n in journey.notes if n.id == given.id).stage_id == use.id
    onboarding = stage_named(journey, "Onboarding")
    refused(
        project,
        lambda: add_journey_note(project, journey.id, actions.id, aware.id, onboarding.steps[0].id),
        "no step",
    )
    refused(project, lambda: add_journey_note(project, journey.id, GHOST, aware.id), "no lane")
    refused(
        project, lambda: add_journey_note(project, journey.id, actions.id, aware.id, index=7), "out of range"
    )
    refused(
        project,
        lambda: add_journey_note(project, journey.id, actions.id, aware.id, text="bad\x01"),
        "invalid",
    )


def test_update_note(project: Project) -> None:
    journey = project.journeys[0]
    note = journey.notes[0]
    evidence = project.sources[2].id  # a note may cite any source of the library
    roundtrip(
        project,
        update_journey_note(project, journey.id, note.id, text="New", tags=["a"], evidence_ids=[evidence]),
    )
    assert (note.text, note.tags, note.evidence_ids) == ("New", ["a"], [evidence])
    refused(
        project, lambda: update_journey_note(project, journey.id, note.id, lane_id=GHOST), "cannot be changed"
    )
    refused(
        project,
        lambda: update_journey_note(project, journey.id, note.id, evidence_ids=[GHOST]),
        "no source",
    )


def test_move_notes_to_another_cell(project: Project) -> None:
    journey = project.journeys[0]
    actions, aware = lane_of(journey, LaneKind.ACTIONS), stage_named(journey, "Awareness")
    onboarding = stage_named(journey, "Onboarding")
    signup = onboarding.steps[0]
    moving = [n.id for n in journey.notes_in(actions.id, aware.id)]
    op = move_journey_notes(project, journey.id, moving, actions.id, onboarding.id, signup.id, index=1)
    assert op.name == "Move 2 notes"
    changes = roundtrip(project, op)
    assert set(moving) <= changes.updated
    cell = [n for n in journey.notes_in(actions.id, onboarding.id) if n.step_id == signup.id]
    assert texts(cell) == ["Fills the form", "Sees a poster", "Asks a friend", "Confirms e-mail"]
    assert journey.notes_in(actions.id, aware.id) == []


def test_move_notes_within_a_cell_and_to_an_empty_cell(project: Project) -> None:
    journey = project.journeys[0]
    actions, aware = lane_of(journey, LaneKind.ACTIONS), stage_named(journey, "Awareness")
    cell = journey.notes_in(actions.id, aware.id)
    roundtrip(
        project, move_journey_notes(project, journey.id, [cell[0].id], actions.id, aware.id, index=None)
    )
    assert texts(journey.notes_in(actions.id, aware.id)) == ["Asks a friend", "Sees a poster"]
    roundtrip(project, move_journey_notes(project, journey.id, [cell[0].id], actions.id, aware.id, index=0))
    assert texts(journey.notes_in(actions.id, aware.id)) == ["Sees a poster", "Asks a friend"]
    kpis = lane_of(journey, LaneKind.OPPORTUNITIES)
    roundtrip(project, move_journey_notes(project, journey.id, [cell[1].id], kpis.id, aware.id))
    assert texts(journey.notes_in(kpis.id, aware.id)) == ["Asks a friend"]
    refused(project, lambda: move_journey_notes(project, journey.id, [], actions.id, aware.id), "no notes")
    refused(
        project, lambda: move_journey_notes(project, journey.id, [GHOST], actions.id, aware.id), "no note"
    )
    refused(
        project,
        lambda: move_journey_notes(project, journey.id, [cell[0].id], actions.id, aware.id, index=5),
        "out of range",
    )


def test_remove_notes(project: Project) -> None:
    journey = project.journeys[0]
    ids = [journey.notes[0].id, journey.notes[5].id]
    op = remove_journey_notes(project, journey.id, ids)
    assert op.name == "Delete 2 notes"
    roundtrip(project, op)
    assert len(journey.notes) == 7
    refused(project, lambda: remove_journey_notes(project, journey.id, [GHOST]), "no note")


def test_votes(project: Project) -> None:
    journey = project.journeys[0]
    note = journey.notes[6]
    roundtrip(project, add_vote(project, journey.id, note.id, participant="P1"))
    assert len(note.votes) == 2
    roundtrip(project, remove_vote(project, journey.id, note.id, participant="P1"))
    assert [v.participant for v in note.votes] == [""]
    emap = project.empathy_maps[0]
    roundtrip(project, add_vote(project, emap.id, emap.notes[0].id))
    roundtrip(project, remove_vote(project, emap.id, emap.notes[3].id))
    assert emap.notes[3].votes == []
    refused(project, lambda: remove_vote(project, journey.id, journey.notes[0].id), "no such vote")
    refused(project, lambda: add_vote(project, GHOST, note.id), "no journey or empathy map")


def test_set_and_clear_emotion(project: Project) -> None:
    journey = project.journeys[0]
    anna, ben = persona_named(project, "Anna"), persona_named(project, "Ben")
    consider = stage_named(journey, "Consideration").steps[0].id
    signup = stage_named(journey, "Onboarding").steps[0].id
    roundtrip(project, set_emotion(project, journey.id, anna.id, consider, 1.4))
    assert journey.score(anna.id, consider) == 1
    roundtrip(project, set_emotion(project, journey.id, anna.id, signup, -7))
    assert journey.score(anna.id, signup) == -2
    assert (
        next(e for e in journey.emotions if e.step_id == signup and e.persona_id == anna.id).note
        == "the form"
    )
    roundtrip(project, set_emotion(project, journey.id, None, signup, 0, note="map's own"))
    assert journey.score(None, signup) == 0
    op = clear_emotion(project, journey.id, ben.id, signup)
    assert op.name == "Clear emotion score"
    roundtrip(project, op)
    assert journey.score(ben.id, signup) is None
    nora = persona_named(project, "Nora")
    refused(project, lambda: set_emotion(project, journey.id, nora.id, signup, 1), "not on this journey")
    refused(project, lambda: set_emotion(project, journey.id, anna.id, GHOST, 1), "no step")
    refused(project, lambda: set_emotion(project, journey.id, anna.id, signup, float("nan")), "not a score")


def test_change_emotion_scale_rescales_scores(project: Project) -> None:
    journey = project.journeys[0]
    anna = persona_named(project, "Anna")
    op = set_emotion_scale(project, 0, 10)
    assert op.name == "Change emotion scale"
    roundtrip(project, op)
    assert project.settings.emotion_scale.maximum == 10
    assert [e.score for e in journey.emotions if e.persona_id == anna.id] == [5, 0, 8, 10]
    assert [lab.value for lab in project.settings.emotion_scale.labels] == [0, 5, 10]
    labels = [ScaleLabel(value=1, label="Bad"), ScaleLabel(value=5, label="Good")]
    roundtrip(project, set_emotion_scale(project, 1, 5, labels))
    assert [lab.label for lab in project.settings.emotion_scale.labels] == ["Bad", "Good"]
    refused(project, lambda: set_emotion_scale(project, 3, 3), "minimum must be below")
    refused(project, lambda: set_emotion_scale(project, 1, 5, [ScaleLabel(value=9, label="x")]), "outside")


def test_positions_count_over_the_cell_as_shown(project: Project) -> None:
    """A step-less note shows in its stage's first step: adding or moving with that step's
    explicit id counts it (JourneyMap.shown_cell), as the canvas sees the cell."""
    journey = project.journeys[0]
    actions, aware = lane_of(journey, LaneKind.ACTIONS), stage_named(journey, "Awareness")
    first = aware.steps[0].id
    assert all(n.step_id is None for n in journey.notes_in(actions.id, aware.id))
    roundtrip(
        project, add_journey_note(project, journey.id, actions.id, aware.id, first, text="Between", index=1)
    )
    assert texts(journey.notes_in(actions.id, aware.id)) == ["Sees a poster", "Between", "Asks a friend"]
    refused(
        project,
        lambda: add_journey_note(project, journey.id, actions.id, aware.id, first, index=4),
        "out of range",
    )
    between = next(n for n in journey.notes if n.text == "Between")
    poster = next(n for n in journey.notes if n.text == "Sees a poster")
    roundtrip(
        project, move_journey_notes(project, journey.id, [poster.id], actions.id, aware.id, first, index=2)
    )
    assert texts(journey.notes_in(actions.id, aware.id)) == ["Between", "Asks a friend", "Sees a poster"]
    assert poster.step_id == first
    onboarding = stage_named(journey, "Onboarding")
    signup = onboarding.steps[0]
    roundtrip(
        project,
        move_journey_notes(project, journey.id, [between.id], actions.id, onboarding.id, None, index=0),
    )
    cell = [n for n in journey.notes_in(actions.id, onboarding.id) if n.step_id in (None, signup.id)]
    assert texts(cell)[0] == "Between"
