"""An import reaches the editor as one op built from the merge's result: applying it gives
the merged project, its inverse gives the project back, and it never deletes or reorders."""

from __future__ import annotations

import pytest

from personamap.interop.merge_ops import COLLECTIONS, merge_ops
from personamap.io import load
from personamap.model import Project
from personamap.model.board import Board, JourneyMapElement
from personamap.model.journey import JourneyMap, Stage, Step
from personamap.model.ops import OpError
from personamap.model.persona import Persona
from personamap.resources import sample_path


def _lists(project: Project) -> dict[str, object]:
    dumped = project.model_dump(mode="json")
    return {key: dumped[key] for key in (*COLLECTIONS, "settings")}


def _merged(before: Project) -> Project:
    after = before.model_copy(deep=True)
    ana = Persona(name="Ana from the diagram", color="#009E73")
    journey = JourneyMap(
        title="Checkout",
        persona_ids=[ana.id, before.personas[0].id],
        stages=[Stage(name="Pay", steps=[Step(name="Card"), Step(name="Confirm")])],
    )
    after.personas.insert(1, ana)  # between two personas of the project
    after.journeys.append(journey)
    board = Board(name="Checkout")
    board.elements.append(JourneyMapElement(map_id=journey.id, x=0, y=0, w=800, h=500))
    after.boards.append(board)
    after.personas[0].tagline = "Changed by the import"
    after.settings.emotion_scale.maximum = 5
    return after


def test_the_op_makes_the_merged_project_and_its_inverse_the_old_one() -> None:
    before = load(sample_path())
    after = _merged(before)
    live = before.model_copy(deep=True)
    op = merge_ops(live, after, "Import checkout.mmd")
    assert op.name == "Import checkout.mmd"
    inverse, changes = op.apply(live)
    assert _lists(live) == _lists(after)
    assert {p.id for p in after.personas} - {p.id for p in before.personas} <= changes.added
    assert live.title == before.title
    inverse.apply(live)
    assert _lists(live) == _lists(before)


def test_nothing_new_is_an_empty_op() -> None:
    project = load(sample_path())
    op = merge_ops(project, project.model_copy(deep=True), "Import")
    assert op.ops == ()  # type: ignore[attr-defined]


def test_a_merge_that_loses_or_reorders_entities_is_refused() -> None:
    before = load(sample_path())
    lost = before.model_copy(deep=True)
    lost.personas.pop()
    with pytest.raises(OpError, match="delete 1 of the project's personas"):
        merge_ops(before, lost, "Import")
    shuffled = before.model_copy(deep=True)
    shuffled.personas.reverse()
    with pytest.raises(OpError, match="reorder"):
        merge_ops(before, shuffled, "Import")
