"""A note added without a position goes right after the last note its cell shows, wherever the
journey's other notes lie (the fast search agrees with walking every note)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from personamap.model.journey import JourneyMap, JourneyNote, Lane, Stage, Step
from personamap.model.ops.journey_notes import add_journey_note
from personamap.model.project import Project

GONE = "00000000-0000-4000-8000-000000000000"
"""A step no stage has: the note shows in its stage's first step."""
cells = st.tuples(st.integers(0, 1), st.integers(0, 2), st.sampled_from([None, 0, 1, GONE]))


def _step(stage: Stage, which: int | str | None) -> str | None:
    return stage.steps[which].id if isinstance(which, int) else which


@settings(max_examples=150, deadline=None, derandomize=True)
@given(existing=st.lists(cells, max_size=30), new=cells)
def test_a_new_note_goes_after_its_cells_last_note(
    existing: list[tuple[int, int, int | str | None]], new: tuple[int, int, int | str | None]
) -> None:
    lanes = [Lane(name="A"), Lane(name="B")]
    stages = [Stage(name=f"S{k}", steps=[Step(name="one"), Step(name="two")]) for k in range(3)]
    journey = JourneyMap(title="J", lanes=lanes, stages=stages)
    for lane, stage, which in existing:
        s = stages[stage]
        note = JourneyNote(text="x", lane_id=lanes[lane].id, stage_id=s.id, step_id=_step(s, which))
        journey.notes.append(note)
    project = Project(journeys=[journey])
    lane, stage, which = new
    lane_id, s = lanes[lane].id, stages[stage]
    if which == GONE:
        which = None  # adding names a step the stage has, or none
    wanted = journey.shown_cell(lane_id, s.id, _step(s, which))
    shown = journey.note_cells()
    positions = [k for k, n in enumerate(journey.notes) if shown[n.id] == wanted]
    expected = positions[-1] + 1 if positions else len(journey.notes)
    assert add_journey_note(project, journey.id, lane_id, s.id, _step(s, which)).index == expected
