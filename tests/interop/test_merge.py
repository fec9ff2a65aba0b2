"""Adding an import to a project: personas matched by name, journeys appended with a board
each, scores moved onto the project's scale, ids never repeated, the project itself untouched."""

from __future__ import annotations

from personamap.interop.merge import merge, new_project, rescaled
from personamap.interop.mermaid import import_mermaid
from personamap.interop.result import ImportResult
from personamap.model import EmotionScale, Persona, Project, Settings, problems
from personamap.model.entity_ids import entity_ids

TEXT = "journey\ntitle Day\nsection S\nTea: 5: Me, Cat\nCake: 1: Dog\n"


def test_personas_by_name_journeys_appended_with_a_board_and_the_project_untouched() -> None:
    me = Persona(name=" ME ")
    project = Project(personas=[me])
    before = project.model_dump()
    merged = merge(project, import_mermaid(TEXT))
    assert project.model_dump() == before
    assert [p.name for p in merged.personas] == [" ME ", "Cat", "Dog"]
    (journey,) = merged.journeys
    assert journey.persona_ids[0] == me.id
    assert {e.persona_id for e in journey.emotions} == {p.id for p in merged.personas}
    assert [b.name for b in merged.boards] == ["Day"]
    assert problems(merged) == []


def test_the_same_import_twice_gets_fresh_ids() -> None:
    result = import_mermaid(TEXT)
    once = merge(Project(), result)
    twice = merge(once, result)
    ids = entity_ids(twice)
    assert len(ids) == len(set(ids)) and len(twice.journeys) == 2 and len(twice.personas) == 3
    assert problems(twice) == []


def test_scores_move_onto_the_projects_scale() -> None:
    ten = EmotionScale(minimum=0, maximum=10, labels=[])
    project = Project(settings=Settings(emotion_scale=ten))
    merged = merge(project, import_mermaid(TEXT))  # read on −2..+2
    assert sorted(e.score for e in merged.journeys[0].emotions) == [0, 10, 10]
    assert [rescaled(v, EmotionScale(), ten) for v in (-2, -1, 0, 1, 2)] == [0, 3, 5, 8, 10]


def test_a_new_project_takes_the_imports_title_and_scale() -> None:
    ten = EmotionScale(minimum=0, maximum=10, labels=[])
    result = import_mermaid(TEXT, scale=ten)
    project = new_project(result, "file")
    assert project.title == "Day" and project.settings.emotion_scale == ten
    assert new_project(ImportResult(Project(title=""), []), "file").title == "file"
