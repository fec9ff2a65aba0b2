"""Copy and paste without Qt: what a copy carries, the paste rule, hostile clipboards."""

from __future__ import annotations

import json

import pytest
from factories import dataset_of

from personamap.io import load
from personamap.model import Board, Project, problems
from personamap.model.find import RESEARCH_LIBRARY, Match, fold, search
from personamap.model.integrity import walk_entities
from personamap.model.lifecycle import cited_source_ids
from personamap.model.transfer import PasteError, copy_payload, parse, plain_text, plan_paste
from personamap.resources import sample_path


@pytest.fixture
def sample() -> Project:
    return load(sample_path())


def _personas_board(project: Project) -> Board:
    return next(b for b in project.boards if b.name == "Personas")


def test_copy_takes_connectors_between_copied_cards_and_what_they_show(sample: Project) -> None:
    board = _personas_board(sample)
    cards = [e for e in board.elements if e.type == "persona_card"][:3]
    payload = copy_payload(sample, board.id, [c.id for c in cards])
    kinds = [e.type for e in payload.elements]
    assert kinds.count("persona_card") == 3
    ends = {c.id for c in cards}
    links = [e for e in board.elements if e.type == "connector" and {e.source_id, e.target_id} <= ends]
    assert kinds.count("connector") == len(links) > 0
    assert {p.id for p in payload.personas} >= {c.persona_id for c in cards}
    assert {r.id for r in payload.relations} == {c.relation_id for c in links}
    assert len(plain_text(payload).splitlines()) == 3


def test_paste_into_the_same_project_reuses_personas(sample: Project) -> None:
    board = _personas_board(sample)
    card = next(e for e in board.elements if e.type == "persona_card")
    payload = parse(copy_payload(sample, board.id, [card.id]).model_dump_json())
    personas = len(sample.personas)
    plan = plan_paste(sample, board.id, payload, 24, 24)
    plan.op.apply(sample)
    assert len(sample.personas) == personas
    new = next(e for e in board.elements if e.id == plan.element_ids[0])
    assert new.persona_id == card.persona_id and (new.x, new.y) == (card.x + 24, card.y + 24)
    assert plan.op.name == "Paste card"
    assert problems(sample) == []


def test_paste_into_another_project_brings_personas_maps_and_relations(sample: Project) -> None:
    other = Project(boards=[Board(name="Empty")])
    for board in sample.boards:
        payload = copy_payload(sample, board.id, [e.id for e in board.elements])
        plan = plan_paste(other, other.boards[0].id, payload, 0, 0)
        _inverse, _changes = plan.op.apply(other)
        assert problems(other) == []
    assert {p.id for p in other.personas} == {p.id for p in sample.personas}
    assert len(other.journeys) == len(sample.journeys) and len(other.relations) == len(sample.relations)
    # a second paste reuses what the first brought
    board = sample.boards[0]
    again = plan_paste(
        other, other.boards[0].id, copy_payload(sample, board.id, [board.elements[1].id]), 0, 0
    )
    again.op.apply(other)
    assert len(other.personas) == len(sample.personas)


def _cited(project: Project) -> set[str]:
    refs = {r for _loc, e in walk_entities(project) for r in getattr(e, "evidence_ids", ())}
    return refs | {r for j in project.journeys for s in j.emotions for r in s.evidence_ids}


def test_a_paste_into_another_project_carries_the_sources_its_content_cites(sample: Project) -> None:
    board = _personas_board(sample)
    card = next(e for e in board.elements if e.type == "persona_card")
    persona = sample.persona(card.persona_id)
    assert persona is not None
    cited = cited_source_ids(persona)
    payload = parse(copy_payload(sample, board.id, [card.id]).model_dump_json())
    assert {s.id for s in payload.sources} == cited and cited
    other = Project(boards=[Board()], sources=[sample.sources[0].model_copy()])
    plan_paste(other, other.boards[0].id, payload, 0, 0).op.apply(other)
    assert problems(other) == []
    assert {s.id for s in other.sources} == cited | {sample.sources[0].id}  # one already there: reused
    assert len(other.sources) == len({s.id for s in other.sources})
    pasted = other.persona(persona.id)
    assert pasted is not None and cited_source_ids(pasted) == cited  # not one citation lost


def test_pasting_the_whole_sample_elsewhere_loses_no_citation(sample: Project) -> None:
    other = Project(boards=[Board(name="Empty")])
    for board in sample.boards:
        payload = copy_payload(sample, board.id, [e.id for e in board.elements])
        plan_paste(other, other.boards[0].id, payload, 0, 0).op.apply(other)
    assert _cited(other) == _cited(sample) and problems(other) == []
    assert {s.id for s in other.sources} <= {s.id for s in sample.sources}


def test_a_source_whose_id_is_taken_comes_renamed_and_citations_follow(sample: Project) -> None:
    board = _personas_board(sample)
    card = next(e for e in board.elements if e.type == "persona_card")
    payload = copy_payload(sample, board.id, [card.id])
    clash = payload.sources[0].id
    other = Project(boards=[Board(id=clash)])  # the id is taken by something else
    plan_paste(other, clash, payload, 0, 0).op.apply(other)
    assert problems(other) == [] and clash not in {s.id for s in other.sources}
    assert len(other.sources) == len(payload.sources)
    (persona,) = other.personas
    assert cited_source_ids(persona) <= {s.id for s in other.sources}
    assert len(cited_source_ids(persona)) == len(payload.sources)


def test_a_pasted_dataset_names_only_personas_that_came_along(sample: Project) -> None:
    board = _personas_board(sample)
    card = next(e for e in board.elements if e.type == "persona_card")
    payload = copy_payload(sample, board.id, [card.id])
    payload.sources[0].dataset = dataset_of(card.persona_id, sample.personas[-1].id)
    other = Project(boards=[Board()])
    plan_paste(other, other.boards[0].id, parse(payload.model_dump_json()), 0, 0).op.apply(other)
    data = other.sources[0].dataset
    assert data is not None and problems(other) == []
    assert [s.persona_id for s in data.waves[0].segments] == [card.persona_id, None]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": "personamap-clipboard", "version": 2}',
        b'{"format": "personamap-clipboard", "version": 1, "elements": [{"type": "note", "id": "x"}]}',
        b'{"format": "personamap-clipboard", "version": 1, "evil": 1}',
        b'{"format": "personamap-clipboard", "version": 1, '
        b'"elements": [{"type": "note", "text": "\\u0000"}]}',
        b"[" * 100_000,
    ],
)
def test_hostile_clipboard_is_refused_with_a_message(data: bytes) -> None:
    with pytest.raises(PasteError):
        parse(data)


def test_paste_refuses_what_would_break_the_project(sample: Project) -> None:
    board = _personas_board(sample)
    payload = copy_payload(sample, board.id, [e.id for e in board.elements])
    data = json.loads(payload.model_dump_json())
    data["personas"] = []  # cards of personas the target does not have and the copy lacks
    other = Project(boards=[Board()])
    plan = plan_paste(other, other.boards[0].id, parse(json.dumps(data)), 0, 0)
    assert plan.left_out == 5  # the cards; their connectors cannot come either
    assert len(plan.element_ids) == 3  # the title text and the two notes
    data["elements"] = [e for e in data["elements"] if e["type"] in ("persona_card", "connector")]
    with pytest.raises(PasteError):
        plan_paste(other, other.boards[0].id, parse(json.dumps(data)), 0, 0)
    data = json.loads(payload.model_dump_json())
    data["elements"][0]["x"] = 1e7  # shifted off the canvas
    with pytest.raises(PasteError):
        plan_paste(sample, board.id, parse(json.dumps(data)), 100, 0)


def test_find_is_case_and_accent_insensitive_and_in_reading_order(sample: Project) -> None:
    assert fold("Tomás") == "tomas"
    found = search(sample, "TOMAS")
    assert found and all("tomás" in m.text.lower() or "tomas" in m.text.lower() for m in found)
    board_order = [b.id for b in sample.boards]
    ranks = [board_order.index(m.board_id) for m in found if m.board_id]
    assert ranks == sorted(ranks)
    assert search(sample, "   ") == []


def test_find_reaches_the_research_library_after_the_boards(sample: Project) -> None:
    source = sample.sources[0]
    found = search(sample, source.title)
    assert found[-1] == Match(None, None, source.title, RESEARCH_LIBRARY, "source", source.id)
    assert all(m.board_id is None for m in found if m.kind == "source")
    source.note = "Heard in Köln"
    assert [m.target_id for m in search(sample, "koln") if m.kind == "source"] == [source.id]
