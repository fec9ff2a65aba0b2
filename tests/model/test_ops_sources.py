"""Research-library ops: add, edit, move and remove project sources; a removal drops every
citation of the source (persona entries, field citations, notes, emotion scores) in one step."""

from __future__ import annotations

import pytest
from factories import dataset_of, persona_named, rich_project
from ophelp import dump, refused, roundtrip

from personamap.model import Confidence, EvidenceKind, Project, Source
from personamap.model.ops import (
    add_source,
    cite,
    cite_emotion,
    move_source,
    remove_persona,
    remove_source,
    set_emotion,
    source_usage,
    update_source,
)

GHOST = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def project() -> Project:
    return rich_project()


def test_add_source_new_or_given_at_an_index(project: Project) -> None:
    op = add_source(project, title="Diary study", kind=EvidenceKind.FIELD_STUDY)
    assert op.name == "Add source “Diary study”"
    changes = roundtrip(project, op)
    added = project.sources[-1]
    assert (added.title, added.kind) == ("Diary study", EvidenceKind.FIELD_STUDY)
    assert added.id in changes.added
    given = Source(title="CRM export", sample_size=900)
    roundtrip(project, add_source(project, given, index=0))
    assert project.sources[0].id == given.id and project.sources[0] is not given


def test_add_source_refusals(project: Project) -> None:
    refused(project, lambda: add_source(project, sample_size=-1), "invalid source")
    refused(project, lambda: add_source(project, index=99), "out of range")
    refused(project, lambda: add_source(project, project.sources[0]), "already holds")


def test_update_source(project: Project) -> None:
    source = project.sources[0]
    roundtrip(project, update_source(project, source.id, title="Calls", confidence=Confidence.OBSERVED))
    assert (source.title, source.confidence) == ("Calls", Confidence.OBSERVED)
    refused(project, lambda: update_source(project, source.id, sample_size=-3), "invalid value")
    refused(project, lambda: update_source(project, source.id, id=GHOST), "cannot be changed")
    refused(project, lambda: update_source(project, source.id, dataset=None), "cannot be changed")
    refused(project, lambda: update_source(project, GHOST, title="x"), "no source")
    refused(project, lambda: update_source(project, source.id), "nothing to change")


def test_move_source(project: Project) -> None:
    last = project.sources[-1]
    roundtrip(project, move_source(project, last.id, 0))
    assert project.sources[0] is last
    refused(project, lambda: move_source(project, last.id, 99), "out of range")


def test_remove_source_drops_every_citation_in_one_step(project: Project) -> None:
    interview, survey = project.sources[:2]
    anna = persona_named(project, "Anna")
    journey = project.journeys[0]
    assert any(n.evidence_ids == [interview.id] for n in journey.notes)
    assert any(e.evidence_ids == [interview.id] for e in journey.emotions)
    assert source_usage(project, interview.id) > 0
    op = remove_source(project, interview.id)
    assert op.name == "Delete source “Interviews with Annas”"
    changes = roundtrip(project, op)
    assert interview.id in changes.removed
    assert [s.id for s in project.sources[:1]] == [survey.id]
    assert anna.goals[0].evidence_ids == [survey.id]
    assert anna.goals[1].evidence_ids == []
    assert anna.quotes[0].evidence_ids == []
    assert [c.field for c in anna.citations] == ["demographics.age", "role"]
    assert all(not n.evidence_ids for n in journey.notes)
    assert all(not e.evidence_ids for e in journey.emotions)
    assert all(not n.evidence_ids for n in project.empathy_maps[0].notes)
    assert source_usage(project, survey.id) > 0
    roundtrip(project, remove_source(project, survey.id))
    assert anna.citations == []  # a citation left citing nothing goes too
    refused(project, lambda: remove_source(project, GHOST), "no source")


def test_undoing_a_removal_restores_the_citations_exactly(project: Project) -> None:
    before = dump(project)
    inverse, _ = remove_source(project, project.sources[0].id).apply(project)
    inverse.apply(project)
    assert dump(project) == before


def test_anything_may_cite_any_source_and_nothing_else(project: Project) -> None:
    ben_source = project.sources[2].id
    anna = persona_named(project, "Anna")
    roundtrip(project, cite(project, anna.id, "demographics.location", [ben_source]))
    journey = project.journeys[0]
    step = journey.stages[0].steps[0].id
    roundtrip(project, set_emotion(project, journey.id, anna.id, step, 1, evidence_ids=[ben_source]))

    def score() -> tuple[int, list[str]]:
        found = next(e for e in journey.emotions if e.step_id == step and e.persona_id == anna.id)
        return found.score, found.evidence_ids

    assert score() == (1, [ben_source])
    roundtrip(project, set_emotion(project, journey.id, anna.id, step, 2))  # keeps its sources
    assert score() == (2, [ben_source])
    refused(
        project, lambda: set_emotion(project, journey.id, anna.id, step, 1, evidence_ids=[GHOST]), "no source"
    )
    refused(project, lambda: cite(project, anna.id, "role", [GHOST]), "no source")


def test_removing_a_persona_keeps_the_sources_it_cited(project: Project) -> None:
    anna = persona_named(project, "Anna")
    project.sources[1].dataset = dataset_of(anna.id)
    sources = [s.id for s in project.sources]
    roundtrip(project, remove_persona(project, anna.id))
    assert [s.id for s in project.sources] == sources
    data = project.sources[1].dataset
    assert data is not None and data.waves[0].segments[0].persona_id is None


def test_cite_sources_for_an_emotion_score(project: Project) -> None:
    journey = project.journeys[0]
    score = journey.emotions[0]
    survey = project.sources[1].id
    op = cite_emotion(project, journey.id, score.persona_id, score.step_id, [survey])
    assert op.name == "Cite sources for emotion score"
    roundtrip(project, op)
    cited = journey.emotions[0]
    assert (cited.score, cited.note, cited.evidence_ids) == (score.score, score.note, [survey])
    anna = persona_named(project, "Anna").id
    scored = {e.step_id for e in journey.emotions if e.persona_id == anna}
    unscored = next(s.id for s in journey.steps() if s.id not in scored)
    refused(
        project, lambda: cite_emotion(project, journey.id, anna, unscored, [survey]), "score this step first"
    )
    refused(
        project,
        lambda: cite_emotion(project, journey.id, score.persona_id, score.step_id, [GHOST]),
        "no source",
    )
