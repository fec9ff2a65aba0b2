"""Affinity groups inside a journey cell and an empathy quadrant: accepting tags each note with
its group's label and orders the cell group by group; the steps undo exactly."""

from __future__ import annotations

import pytest
from brainstorms import wall

from personamap.insights.affinity import UNGROUPED, Group, cluster_notes
from personamap.insights.affinity_maps import group_map_notes, map_notes
from personamap.model import Project
from personamap.model.empathy import EmpathyMap, EmpathyNote
from personamap.model.enums import Quadrant
from personamap.model.journey import JourneyMap, JourneyNote, Lane, Stage
from personamap.model.ops import OpError

EXTRA = ("Kündigung per Brief", "我想要更好的报表")
"""A note outside the brainstorm, in another cell or quadrant, that must stay as it is."""


def journey_project() -> Project:
    notes, _ = wall("de")
    lane, stage, other = Lane(name="Pains"), Stage(name="Use"), Stage(name="Leave")
    cell = [JourneyNote(text=t, lane_id=lane.id, stage_id=stage.id) for _, t in notes]
    elsewhere = JourneyNote(text=EXTRA[0], lane_id=lane.id, stage_id=other.id)
    journey = JourneyMap(stages=[stage, other], lanes=[lane], notes=[elsewhere, *cell])
    return Project(journeys=[journey])


def empathy_project() -> Project:
    notes, _ = wall("zh")
    said = EmpathyNote(text=EXTRA[1], quadrant=Quadrant.SAYS)
    pains = [EmpathyNote(text=t, quadrant=Quadrant.PAINS) for _, t in notes]
    return Project(empathy_maps=[EmpathyMap(notes=[*pains, said])])


def run(project: Project, builds) -> list:
    inverses = []
    for build in builds:
        inverse, _ = build(project).apply(project)
        inverses.append(inverse)
    return inverses


def undo(project: Project, inverses) -> None:
    for inverse in reversed(inverses):
        inverse.apply(project)


@pytest.mark.parametrize(
    ("make", "kind"), [(journey_project, "journey_note"), (empathy_project, "empathy_note")]
)
def test_map_groups_tag_and_gather_notes_and_undo_exactly(make, kind) -> None:
    project = make()
    owner = (project.journeys or project.empathy_maps)[0]
    before = project.model_dump(mode="json")
    loose = [n for n in map_notes(project, kind, owner.id) if n.text not in EXTRA]  # the brainstorm
    groups = [g for g in cluster_notes([(n.id, n.text) for n in loose]) if g.label != UNGROUPED]
    assert len(groups) >= 3
    inverses = run(project, group_map_notes(project, kind, owner.id, groups))
    notes = {n.id: n for n in map_notes(project, kind, owner.id)}
    for group in groups:
        assert all(notes[i].tags[-1] == group.label for i in group.note_ids)
    in_cell = {n.id for n in loose}
    order = [n.id for n in map_notes(project, kind, owner.id) if n.id in in_cell]
    grouped = [i for g in groups for i in g.note_ids]
    assert order[-len(grouped) :] == grouped  # group by group, at the end of the cell
    undo(project, inverses)
    assert project.model_dump(mode="json") == before


def test_notes_of_several_cells_are_tagged_in_place() -> None:
    project = journey_project()
    journey = project.journeys[0]
    first, second = journey.notes[0], journey.notes[1]  # in different stages
    order = [n.id for n in journey.notes]

    run(
        project,
        group_map_notes(project, "journey_note", journey.id, [Group("Leaving", (first.id, second.id))]),
    )
    assert [n.id for n in journey.notes] == order
    assert first.tags == ["Leaving"] and second.tags == ["Leaving"]
    with pytest.raises(OpError):
        group_map_notes(project, "journey_note", journey.id, [Group("x", ("not-a-note",))])
