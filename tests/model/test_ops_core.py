"""The generic ops: set, insert, remove, move, compound; addresses, notices, refusals."""

from __future__ import annotations

import dataclasses
import sys
import tracemalloc

import pytest
from factories import persona_named, rich_project
from ophelp import dump, refused, roundtrip

from personamap.model import Item, JourneyMap, JourneyNote, Lane, Project, ScaleLabel, Stage, Step
from personamap.model.ops import (
    Changes,
    Compound,
    Insert,
    Move,
    Op,
    OpError,
    Relocate,
    Remove,
    SetEmotion,
    SetField,
    SetFields,
    address,
    locate,
)
from personamap.model.ops.address import collection_key, resolve


@pytest.fixture
def project() -> Project:
    return rich_project()


def test_set_field_nested_and_inverse(project: Project) -> None:
    anna = persona_named(project, "Anna")
    changes = roundtrip(
        project, SetField(("personas", anna.id, "demographics", "age"), "40", name="Edit age")
    )
    assert anna.demographics.age == "40"
    assert changes == Changes.of(updated=[anna.id])


def test_set_field_on_project_and_settings(project: Project) -> None:
    roundtrip(project, SetField(("title",), "New title"))
    assert project.title == "New title"
    changes = roundtrip(project, SetField(("settings", "review_period_months"), 12))
    assert project.settings.review_period_months == 12
    assert changes.updated == {project.id}


def test_set_field_copies_the_value(project: Project) -> None:
    tags = ["a", "b"]
    anna = persona_named(project, "Anna")
    op = SetField(("personas", anna.id, "tags"), tags)
    inverse, _ = op.apply(project)
    tags.append("c")
    assert anna.tags == ["a", "b"]
    assert inverse.value == ["core", "primary"]


def test_insert_copies_item_and_inverse_removes_it(project: Project) -> None:
    anna = persona_named(project, "Anna")
    item = Item(text="Be home early")
    op = Insert(("personas", anna.id, "goals"), 1, item)
    changes = roundtrip(project, op)
    assert anna.goals[1].id == item.id and anna.goals[1] is not item
    item.text = "changed after the fact"
    assert anna.goals[1].text == "Be home early"
    assert changes == Changes.of(added=[item.id], collections=[(anna.id, "goals")])


def test_insert_validates_dicts_and_refuses_wrong_types(project: Project) -> None:
    anna = persona_named(project, "Anna")
    addr = ("personas", anna.id, "goals")
    roundtrip(project, Insert(addr, 0, {"text": "From a dict"}))
    assert anna.goals[0].text == "From a dict"
    refused(project, lambda: Insert(addr, 0, Stage()), "invalid entry")
    refused(project, lambda: Insert(addr, 0, {"text": "bad\x00"}), "invalid entry")
    refused(project, lambda: Insert(addr, 99, Item()), "out of range")
    refused(project, lambda: Insert(addr, 0, anna.goals[1]), "already holds")


def test_remove_and_move_by_id_and_by_index(project: Project) -> None:
    anna = persona_named(project, "Anna")
    goal = anna.goals[0]
    changes = roundtrip(project, Remove(("personas", anna.id, "goals"), goal.id))
    assert goal.id not in {g.id for g in anna.goals}
    assert changes.removed == {goal.id}
    roundtrip(project, Remove(("personas", anna.id, "tags"), 0))
    assert anna.tags == ["primary"]
    roundtrip(project, Move(("personas", anna.id, "goals"), anna.goals[0].id, 1))
    assert [g.text for g in anna.goals] == ["Sleep more", "Look competent"]
    roundtrip(project, Move(("personas", anna.id, "psychographics", "sliders"), 1, 0))
    assert anna.psychographics.sliders[0].left == "Cautious"


def test_remove_keeps_min_length(project: Project) -> None:
    stage = project.journeys[0].stages[0]
    addr = ("journeys", project.journeys[0].id, "stages", stage.id, "steps")
    refused(project, lambda: Remove(addr, stage.steps[0].id), "at least 1")


def test_list_edit_rechecked_by_model_validator(project: Project) -> None:
    addr = ("settings", "emotion_scale", "labels")
    refused(project, lambda: Insert(addr, 0, ScaleLabel(value=9, label="Off the scale")), "outside")
    roundtrip(project, Insert(addr, 0, ScaleLabel(value=1, label="Fine")))


def test_invalid_assignment_leaves_model_unchanged(project: Project) -> None:
    refused(project, lambda: SetField(("settings", "emotion_scale", "minimum"), 5), "minimum must be below")
    assert project.settings.emotion_scale.minimum == -2
    anna = persona_named(project, "Anna")
    refused(project, lambda: SetField(("personas", anna.id, "color"), "red"), "invalid value")
    refused(project, lambda: SetField(("personas", anna.id, "id"), anna.id), "cannot be changed")


def test_unknown_addresses(project: Project) -> None:
    anna = persona_named(project, "Anna")
    ghost = "00000000-0000-4000-8000-000000000000"
    refused(project, lambda: SetField(("personas", ghost, "name"), "x"), "no entry with id")
    refused(project, lambda: SetField(("personas", anna.id, "nickname"), "x"), "no field 'nickname'")
    refused(project, lambda: Insert(("personas", anna.id, "name"), 0, "x"), "not a list")
    refused(project, lambda: Move(("personas",), anna.id, 7), "out of range")
    refused(project, lambda: Remove(("personas",), 7), "out of range")


def test_compound_rolls_back_when_a_later_op_fails(project: Project) -> None:
    anna = persona_named(project, "Anna")
    ops = (
        SetField(("personas", anna.id, "name"), "Annie"),
        Remove(("personas", anna.id, "goals"), anna.goals[0].id),
        SetField(("personas", anna.id, "color"), "not a colour"),
    )
    refused(project, lambda: Compound(ops, name="Bad"), "invalid value")
    assert anna.name == "Anna" and len(anna.goals) == 3


def test_compound_inverse_is_reversed(project: Project) -> None:
    anna = persona_named(project, "Anna")
    item = Item(text="new")
    ops = (
        Insert(("personas", anna.id, "goals"), 0, item),
        SetField(("personas", anna.id, "goals", item.id, "text"), "newer"),
    )
    changes = roundtrip(project, Compound(ops, name="Two"))
    assert anna.goals[0].text == "newer"
    assert changes.added == {item.id} and changes.updated == {item.id}


def test_relocate_and_set_fields_roll_back(project: Project) -> None:
    journey = project.journeys[0]
    addr = ("journeys", journey.id, "notes")
    note = journey.notes[0]
    refused(
        project, lambda: Relocate(addr, note.id, 0, (("text", "ok"), ("color", "plaid"))), "invalid value"
    )
    board = project.boards[0]
    a, b = board.elements[0], board.elements[1]
    updates = ((a.id, (("x", 5.0),)), (b.id, (("w", -1.0),)))
    refused(project, lambda: SetFields(("boards", board.id, "elements"), updates), "invalid value")
    assert a.x == 0


def test_set_emotion_op_keeps_place_on_undo(project: Project) -> None:
    journey = project.journeys[0]
    first = journey.emotions[0]
    roundtrip(project, SetEmotion(journey.id, first.persona_id, first.step_id, None))
    assert journey.score(first.persona_id, first.step_id) is None
    _noop, changes = SetEmotion(journey.id, first.persona_id, first.step_id, None).apply(project)
    assert not changes
    bad = first.model_copy(update={"step_id": journey.stages[1].steps[0].id})
    refused(project, lambda: SetEmotion(journey.id, first.persona_id, first.step_id, bad), "another persona")


def test_address_helpers(project: Project) -> None:
    anna = persona_named(project, "Anna")
    slider = anna.psychographics.sliders[0]
    assert address("personas", anna.id, "psychographics.sliders") == (
        "personas",
        anna.id,
        "psychographics",
        "sliders",
    )
    assert locate(project, slider.id) == ("personas", anna.id, "psychographics", "sliders", slider.id)
    assert locate(project, project.id) == ()
    assert resolve(project, locate(project, slider.id)) is slider
    assert collection_key(project, ("settings", "emotion_scale", "labels")) == (
        project.id,
        "settings.emotion_scale.labels",
    )
    with pytest.raises(OpError, match="no entity"):
        locate(project, "00000000-0000-4000-8000-000000000000")


def test_ops_are_immutable(project: Project) -> None:
    op = SetField(("title",), "x")
    with pytest.raises(AttributeError):
        op.value = "y"  # type: ignore[misc]
    assert dump(project)["title"] == "Rich project"


def _work_of(op: Op, project: Project) -> tuple[int, int, Changes]:
    """Python calls made and peak bytes allocated while `op` and its inverse apply."""
    calls = 0

    def count(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        calls += event == "call"

    tracemalloc.start()
    sys.setprofile(count)
    try:
        inverse, changes = op.apply(project)
        inverse.apply(project)
    finally:
        sys.setprofile(None)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return calls, peak, changes


def test_an_edit_to_one_of_twenty_thousand_notes_touches_only_that_note() -> None:
    """The fast path: an op finds its note with one scan of the id list and copies, dumps and
    revalidates nothing else, so its work (not its seconds: benchmarks/bench_reliability.py)
    stays a pointer per note. Revalidating the journey allocates ~34 MB; a copy of the notes ~39 MB."""
    count = 20_000
    lane, stage = Lane(), Stage(steps=[Step(), Step()])
    notes = [JourneyNote(lane_id=lane.id, stage_id=stage.id) for _ in range(count)]
    journey = JourneyMap(stages=[stage], lanes=[lane], notes=notes)
    project = Project(journeys=[journey])
    last = notes[-1].id
    addr = ("journeys", journey.id, "notes")
    ops = [
        SetField((*addr, last, "text"), "edited"),
        Relocate(addr, last, 0, (("step_id", stage.steps[1].id),)),
        Remove(addr, last),
    ]
    before, others = dump(project), journey.notes[:-1]
    for op in ops:
        calls, peak, changes = _work_of(op, project)
        assert changes.ids() <= {last, journey.id}, op
        assert peak < 16 * count, (op, peak)  # one list of ids at most, no copy of a note
        assert calls < count + 500, (op, calls)  # at most one Python-level pass over the notes
    assert dump(project) == before
    assert all(a is b for a, b in zip(journey.notes[:-1], others, strict=True))  # none rebuilt


def test_merge_key_is_opt_in_and_not_inherited(project: Project) -> None:
    op = SetField(("title",), "a")
    assert op.merge_key is None
    typed = dataclasses.replace(op, merge_key=("typing", "title"))
    inverse, _ = typed.apply(project)
    assert typed.merge_key == ("typing", "title") and inverse.merge_key is None
    assert typed == op  # the key is not part of what the op does
