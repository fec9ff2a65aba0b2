"""Every validator of the domain model: field rules, whole-project integrity, lifecycle."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable

import pytest
from factories import dataset_of, tiny_png
from pydantic import ValidationError

from personamap.model import (
    Asset,
    Board,
    Citation,
    Connector,
    EmotionScale,
    EmotionScore,
    EmpathyMap,
    EmpathyMapElement,
    EmpathyNote,
    ImageElement,
    Item,
    JourneyMap,
    JourneyMapElement,
    JourneyNote,
    Lane,
    Lifecycle,
    Note,
    Persona,
    PersonaCard,
    Project,
    Relation,
    ScaleLabel,
    Slider,
    Source,
    Stage,
    Step,
    Story,
    clean_text,
    format_loc,
    new_id,
    problems,
)
from personamap.model.copying import instantiate, with_new_ids
from personamap.model.lifecycle import add_months, evidence_coverage, is_overdue, review_due
from personamap.model.summary import summarize

# --- field rules -------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["a\x00b", "bell\x07", "esc\x1b[31m", "del\x7f"])
def test_text_refuses_control_characters(bad: str) -> None:
    with pytest.raises(ValidationError, match="pattern"):
        Note(text=bad)


def test_text_keeps_newlines_tabs_and_any_script() -> None:
    text = "line 1\n\tline 2 — Ωμέγα, Кириллица, 中文, العربية, 👩🏽‍💻 <b>&amp;</b>"
    assert Note(text=text).text == text


def test_text_refuses_lone_surrogates() -> None:
    with pytest.raises(ValidationError, match="unicode"):
        Note(text="half \ud800 a pair")


def test_short_text_is_one_line_and_capped() -> None:
    with pytest.raises(ValidationError):
        Persona(name="two\nlines")
    with pytest.raises(ValidationError, match="at most 500"):
        Persona(name="x" * 501)
    with pytest.raises(ValidationError, match="at most 20000"):
        Note(text="x" * 20_001)


def test_clean_text_repairs_what_the_validators_refuse() -> None:
    assert clean_text("a\x00b\r\nc\ud800") == "ab\nc?"
    assert clean_text("two\nlines\tok", one_line=True) == "two lines ok"
    Persona(name=clean_text("x\ny\x07", one_line=True))


@pytest.mark.parametrize("bad", ["1", "not-a-uuid", "8A3F" * 8, new_id().upper(), new_id() + " "])
def test_ids_are_lower_case_uuids(bad: str) -> None:
    with pytest.raises(ValidationError):
        Persona(id=bad)


def test_new_ids_are_unique_and_valid() -> None:
    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000
    Persona(id=ids.pop())


@pytest.mark.parametrize("bad", ["red", "#12345", "#1234567", "0072B2"])
def test_colors_are_hex(bad: str) -> None:
    with pytest.raises(ValidationError):
        Persona(color=bad)


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Persona.model_validate({"name": "A", "nmae": "typo"})


def test_assignment_is_validated() -> None:
    persona = Persona()
    with pytest.raises(ValidationError):
        persona.color = "blue"
    assert persona.color == "#0072B2"


def test_slider_range_and_no_nan() -> None:
    Slider(value=0)
    Slider(value=100)
    for bad in (-0.1, 100.1, float("nan"), float("inf")):
        with pytest.raises(ValidationError):
            Slider(value=bad)


def test_source_sample_size_is_non_negative() -> None:
    with pytest.raises(ValidationError):
        Source(sample_size=-1)
    assert Source(sample_size=12, date=dt.date(2026, 3, 1)).sample_size == 12


def test_citation_field_is_a_dotted_path() -> None:
    Citation(field="demographics.age")
    with pytest.raises(ValidationError):
        Citation(field="demographics..age")
    with pytest.raises(ValidationError):
        Citation(field="Demographics.Age")


def test_stage_always_has_a_step() -> None:
    assert len(Stage().steps) == 1
    with pytest.raises(ValidationError, match="at least 1"):
        Stage(steps=[])


def test_emotion_scale_rules() -> None:
    scale = EmotionScale()
    assert (scale.minimum, scale.maximum) == (-2, 2)
    assert scale.clamp(1.6) == 2 and scale.clamp(-7) == -2 and scale.clamp(0.4) == 0
    EmotionScale(minimum=1, maximum=5, labels=[ScaleLabel(value=1, label="Angry")])
    with pytest.raises(ValidationError, match="below maximum"):
        EmotionScale(minimum=2, maximum=2, labels=[])
    with pytest.raises(ValidationError, match="outside"):
        EmotionScale(minimum=0, maximum=10, labels=[ScaleLabel(value=11, label="x")])


def test_board_elements_are_told_apart_by_type() -> None:
    board = Board.model_validate(
        {"elements": [{"type": "note", "text": "hi"}, {"type": "persona_card", "persona_id": new_id()}]}
    )
    assert [type(e).__name__ for e in board.elements] == ["NoteElement", "PersonaCard"]
    with pytest.raises(ValidationError):
        Board.model_validate({"elements": [{"type": "spaceship"}]})


@pytest.mark.parametrize("bad", [{"w": 0}, {"h": -5}, {"x": float("inf")}, {"y": 1e9}])
def test_placement_is_finite_and_positive(bad: dict) -> None:
    with pytest.raises(ValidationError):
        PersonaCard(persona_id=new_id(), **bad)


def test_asset_checks_content_against_its_type() -> None:
    data = Asset.encode(tiny_png())
    asset = Asset(media_type="image/png", width=1, height=1, data=data)
    assert asset.raw() == tiny_png()
    with pytest.raises(ValidationError, match="media_type says image/jpeg"):
        Asset(media_type="image/jpeg", width=1, height=1, data=data)
    with pytest.raises(ValidationError, match="not a PNG, JPEG or WebP"):
        Asset(media_type="image/png", width=1, height=1, data=base64.b64encode(b"<svg/>").decode())
    with pytest.raises(ValidationError, match="base64"):
        Asset(media_type="image/png", width=1, height=1, data="%%%")
    with pytest.raises(ValidationError):
        Asset(media_type="image/svg+xml", width=1, height=1, data=data)


# --- integrity ---------------------------------------------------------------------------


def sound_project() -> Project:
    ev = Source(title="Interviews", sample_size=12, dataset=dataset_of(None))
    persona = Persona(name="Ana", goals=[Item(text="Close books fast", evidence_ids=[ev.id])])
    other = Persona(name="Ben")
    stage = Stage(name="Aware", steps=[Step(name="a"), Step(name="b")])
    lane = Lane(name="Actions")
    journey = JourneyMap(
        persona_ids=[persona.id],
        stages=[stage],
        lanes=[lane],
        notes=[JourneyNote(lane_id=lane.id, stage_id=stage.id, step_id=stage.steps[1].id, text="n")],
        emotions=[
            EmotionScore(persona_id=persona.id, step_id=stage.steps[0].id, score=-2, evidence_ids=[ev.id])
        ],
    )
    emap = EmpathyMap(persona_id=persona.id, notes=[EmpathyNote(text="says hi")])
    asset = Asset(media_type="image/png", width=1, height=1, data=Asset.encode(tiny_png()))
    relation = Relation(source_id=persona.id, target_id=other.id)
    card_a, card_b = PersonaCard(persona_id=persona.id), PersonaCard(persona_id=other.id)
    board = Board(
        elements=[
            card_a,
            card_b,
            Connector(source_id=card_a.id, target_id=card_b.id, relation_id=relation.id),
            JourneyMapElement(map_id=journey.id),
            EmpathyMapElement(map_id=emap.id),
            ImageElement(asset_id=asset.id),
        ]
    )
    return Project(
        personas=[persona, other],
        relations=[relation],
        sources=[ev],
        journeys=[journey],
        empathy_maps=[emap],
        boards=[board],
        assets=[asset],
    )


def test_sound_project_has_no_problems() -> None:
    assert problems(sound_project()) == []


def places(project: Project) -> list[str]:
    return [f"{p.place}: {p.message}" for p in problems(project)]


def test_duplicate_ids_anywhere_are_found_with_both_places() -> None:
    project = sound_project()
    project.journeys[0].notes[0].id = project.personas[1].id
    (found,) = places(project)
    assert found.startswith("journeys[0].notes[0].id: duplicate id")
    assert "(also at personas[1])" in found


@pytest.mark.parametrize(
    ("breakage", "place", "what"),
    [
        (lambda p: setattr(p.personas[0], "photo_asset_id", new_id()), "personas[0].photo_asset_id", "asset"),
        (
            lambda p: setattr(p.personas[0].goals[0], "evidence_ids", [new_id()]),
            "personas[0].goals[0].evidence_ids[0]",
            "source",
        ),
        (lambda p: setattr(p.relations[0], "target_id", new_id()), "relations[0].target_id", "persona"),
        (
            lambda p: setattr(p.empathy_maps[0], "persona_id", new_id()),
            "empathy_maps[0].persona_id",
            "persona",
        ),
        (
            lambda p: setattr(p.empathy_maps[0].notes[0], "evidence_ids", [new_id()]),
            "empathy_maps[0].notes[0].evidence_ids[0]",
            "source",
        ),
        (
            lambda p: setattr(p.journeys[0], "persona_ids", [new_id()]),
            "journeys[0].persona_ids[0]",
            "persona",
        ),
        (
            lambda p: setattr(p.journeys[0].notes[0], "lane_id", new_id()),
            "journeys[0].notes[0].lane_id",
            "lane",
        ),
        (
            lambda p: setattr(p.journeys[0].notes[0], "stage_id", new_id()),
            "journeys[0].notes[0].stage_id",
            "stage",
        ),
        (
            lambda p: setattr(p.journeys[0].emotions[0], "step_id", new_id()),
            "journeys[0].emotions[0].step_id",
            "step",
        ),
        (
            lambda p: setattr(p.journeys[0].emotions[0], "evidence_ids", [new_id()]),
            "journeys[0].emotions[0].evidence_ids[0]",
            "source",
        ),
        (
            lambda p: setattr(p.sources[0].dataset.waves[0].segments[0], "persona_id", new_id()),
            "sources[0].dataset.waves[0].segments[0].persona_id",
            "persona",
        ),
        (
            lambda p: setattr(p.journeys[0].emotions[0], "persona_id", new_id()),
            "journeys[0].emotions[0].persona_id",
            "persona",
        ),
        (
            lambda p: setattr(p.boards[0].elements[0], "persona_id", new_id()),
            "boards[0].elements[0].persona_id",
            "persona",
        ),
        (
            lambda p: setattr(p.boards[0].elements[2], "target_id", new_id()),
            "boards[0].elements[2].target_id",
            "element of this board",
        ),
        (
            lambda p: setattr(p.boards[0].elements[2], "relation_id", new_id()),
            "boards[0].elements[2].relation_id",
            "relation",
        ),
        (
            lambda p: setattr(p.boards[0].elements[3], "map_id", new_id()),
            "boards[0].elements[3].map_id",
            "journey map",
        ),
        (
            lambda p: setattr(p.boards[0].elements[4], "map_id", new_id()),
            "boards[0].elements[4].map_id",
            "empathy map",
        ),
        (
            lambda p: setattr(p.boards[0].elements[5], "asset_id", new_id()),
            "boards[0].elements[5].asset_id",
            "asset",
        ),
    ],
)
def test_dangling_references_are_found_with_their_place(
    breakage: Callable[[Project], None], place: str, what: str
) -> None:
    project = sound_project()
    breakage(project)
    (found,) = places(project)
    assert found.startswith(f"{place}: refers to {what} ")
    assert found.endswith("which does not exist")


def test_any_persona_may_cite_any_source_of_the_library() -> None:
    project = sound_project()
    project.personas[1].goals.append(Item(text="x", evidence_ids=[project.sources[0].id]))
    project.personas[1].citations.append(Citation(field="role", evidence_ids=[project.sources[0].id]))
    assert places(project) == []
    project.sources.clear()
    assert [p.split(":")[0] for p in places(project)] == [
        "personas[0].goals[0].evidence_ids[0]",
        "personas[1].goals[0].evidence_ids[0]",
        "personas[1].citations[0].evidence_ids[0]",
        "journeys[0].emotions[0].evidence_ids[0]",
    ]


def test_note_step_must_belong_to_its_stage() -> None:
    project = sound_project()
    journey = project.journeys[0]
    journey.stages.append(Stage(name="Later"))
    journey.notes[0].step_id = journey.stages[1].steps[0].id
    assert places(project) == [
        f"journeys[0].notes[0].step_id: step {journey.stages[1].steps[0].id} is not a step of stage "
        f"{journey.stages[0].id}"
    ]


def test_emotion_scores_lie_on_the_scale_once_per_persona_and_step() -> None:
    project = sound_project()
    journey = project.journeys[0]
    journey.emotions[0].score = 3
    journey.emotions.append(journey.emotions[0].model_copy())
    journey.emotions[1].score = 1
    assert places(project) == [
        "journeys[0].emotions[0].score: 3 lies outside the emotion scale -2..2",
        "journeys[0].emotions[1]: a second score for the same persona and step",
    ]


def test_relation_to_itself_and_double_listed_persona() -> None:
    project = sound_project()
    project.relations[0].target_id = project.relations[0].source_id
    project.journeys[0].persona_ids *= 2
    assert places(project) == [
        "relations[0]: a persona cannot relate to itself",
        "journeys[0].persona_ids: lists a persona twice",
    ]


def test_citation_must_name_a_real_field() -> None:
    project = sound_project()
    persona = project.personas[0]
    persona.citations = [Citation(field="demographics.age"), Citation(field="demographics.shoe_size")]
    assert places(project) == [
        "personas[0].citations[1].field: names no field of a persona: demographics.shoe_size"
    ]


def test_format_loc() -> None:
    assert format_loc(("personas", 2, "quotes", 0, "text")) == "personas[2].quotes[0].text"
    assert format_loc(()) == "(top level)"


# --- lifecycle, summary, copies ----------------------------------------------------------


def test_add_months_clips_to_month_end() -> None:
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 1, 15), 12) == dt.date(2027, 1, 15)


def test_review_due_follows_last_review_then_creation_then_explicit_date() -> None:
    persona = Persona(lifecycle=Lifecycle(created=dt.date(2026, 1, 10)))
    assert review_due(persona, 6) == dt.date(2026, 7, 10)
    persona.lifecycle.last_reviewed = dt.date(2026, 5, 1)
    assert review_due(persona, 6) == dt.date(2026, 11, 1)
    assert is_overdue(persona, 6, dt.date(2026, 11, 22))
    assert not is_overdue(persona, 12, dt.date(2026, 11, 22))
    persona.lifecycle.review_due = dt.date(2027, 1, 1)
    assert not is_overdue(persona, 6, dt.date(2026, 11, 22))
    assert review_due(Persona(), 6) is None and not is_overdue(Persona(), 6, dt.date.today())


def test_evidence_coverage_counts_cited_entries() -> None:
    ev = Source()
    persona = Persona(goals=[Item(text="a", evidence_ids=[ev.id]), Item(text="b")])
    assert evidence_coverage(persona) == 0.5
    assert evidence_coverage(Persona()) == 0.0


def test_summary_counts() -> None:
    project = sound_project()
    project.personas[1].lifecycle.last_reviewed = dt.date(2020, 1, 1)
    project.boards[0].elements.append(Board.model_validate({"elements": [{"type": "note"}]}).elements[0])
    summary = summarize(project, today=dt.date(2026, 11, 22))
    counts = summary["counts"]
    assert (counts["personas"], counts["primary"], counts["journeys"], counts["notes"]) == (2, 2, 1, 3)
    assert (counts["journey_notes"], counts["empathy_notes"], counts["board_notes"]) == (1, 1, 1)
    assert counts["sources"] == 1
    assert summary["overdue_for_review"] == ["Ben"]


def test_with_new_ids_renews_every_id_and_keeps_references_consistent() -> None:
    project = sound_project()
    copy = with_new_ids(project)
    assert problems(copy) == []
    old_ids = {e.id for e in (project, *project.personas, *project.journeys[0].notes)}
    new = {e.id for e in (copy, *copy.personas, *copy.journeys[0].notes)}
    assert not old_ids & new
    assert copy.journeys[0].persona_ids == [copy.personas[0].id]
    assert copy.personas[0].goals[0].text == "Close books fast"


def test_instantiate_dates_the_new_project() -> None:
    when = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)
    project = instantiate(sound_project(), today=when)
    assert project.created == project.modified == when


def test_story_defaults_are_empty_plain_text() -> None:
    assert Story().model_dump() == {"bio": "", "day_in_the_life": "", "scenario": ""}
