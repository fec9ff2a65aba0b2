"""Copy and paste without Qt: what a copy carries, the paste rule, hostile clipboards."""

from __future__ import annotations

import json

import pytest

from personamap.io import load
from personamap.model import Board, Project, problems
from personamap.model.find import fold, search
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
