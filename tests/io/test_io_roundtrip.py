"""Random projects survive save and load unchanged, whatever their text: emoji, right-to-left
scripts, markup characters, long text, line breaks."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personamap.io import dumps, load, loads, save
from personamap.model import (
    Board,
    Connector,
    EmotionScore,
    EmpathyMap,
    EmpathyNote,
    Item,
    JourneyMap,
    JourneyNote,
    Lane,
    NoteColor,
    NoteElement,
    Persona,
    PersonaCard,
    Project,
    Quadrant,
    Quote,
    Relation,
    Source,
    Stage,
    Step,
    TextElement,
)
from personamap.model.integrity import problems

_SPICE = "<&>\"'\\/ 🎉👩🏽‍💻 العربية עברית 東京 Ωμέγα \u200f\u202e\u2028 é"
_chars = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(_SPICE)
short_text = st.text(_chars, max_size=40)
long_text = st.text(_chars | st.sampled_from("\n\t\r"), max_size=300)
ids = st.builds(lambda n: str(uuid.UUID(int=n, version=4)), st.integers(0, 2**128 - 1))
coords = st.floats(-1e6, 1e6, allow_nan=False)


@st.composite
def projects(draw: st.DrawFn) -> Project:
    personas = []
    sources: list[Source] = []
    for _ in range(draw(st.integers(0, 3))):
        evidence = [
            Source(title=draw(short_text), note=draw(long_text)) for _ in range(draw(st.integers(0, 2)))
        ]
        sources += evidence
        cited = [e.id for e in evidence]
        personas.append(
            Persona(
                name=draw(short_text),
                role=draw(short_text),
                tags=draw(st.lists(short_text, max_size=3)),
                quotes=[Quote(text=draw(long_text), source=draw(short_text), evidence_ids=cited)],
                goals=[
                    Item(text=draw(long_text), evidence_ids=cited) for _ in range(draw(st.integers(0, 3)))
                ],
            )
        )
    relations = []
    if len(personas) >= 2:
        relations.append(Relation(source_id=personas[0].id, target_id=personas[1].id, note=draw(short_text)))
    journeys = []
    for _ in range(draw(st.integers(0, 2))):
        stages = [Stage(name=draw(short_text), steps=[Step(name=draw(short_text))]) for _ in range(2)]
        lanes = [Lane(name=draw(short_text)) for _ in range(2)]
        notes = [
            JourneyNote(
                text=draw(long_text),
                lane_id=draw(st.sampled_from(lanes)).id,
                stage_id=stage.id,
                color=draw(st.sampled_from(list(NoteColor))),
                tags=draw(st.lists(short_text, max_size=2)),
            )
            for stage in stages
            for _ in range(draw(st.integers(0, 3)))
        ]
        emotions = [
            EmotionScore(
                step_id=stages[0].steps[0].id,
                score=draw(st.integers(-2, 2)),
                evidence_ids=[s.id for s in sources[:1]],
            )
        ]
        journeys.append(
            JourneyMap(
                title=draw(short_text),
                stages=stages,
                lanes=lanes,
                notes=notes,
                emotions=emotions,
                persona_ids=[p.id for p in personas[:1]],
            )
        )
    empathy = [
        EmpathyMap(
            persona_id=personas[0].id if personas else None,
            notes=[
                EmpathyNote(text=draw(long_text), quadrant=draw(st.sampled_from(list(Quadrant))))
                for _ in range(2)
            ],
        )
    ]
    elements: list = [
        NoteElement(text=draw(long_text), x=draw(coords), y=draw(coords)),
        TextElement(text=draw(long_text), size=draw(st.floats(6, 400))),
    ]
    elements += [PersonaCard(persona_id=p.id) for p in personas]
    elements.append(Connector(source_id=elements[0].id, target_id=elements[1].id, label=draw(short_text)))
    stamp = dt.datetime(2020, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=draw(st.integers(0, 10**9)))
    return Project(
        title=draw(short_text),
        description=draw(long_text),
        created=stamp,
        modified=stamp,
        personas=personas,
        relations=relations,
        sources=sources,
        journeys=journeys,
        empathy_maps=empathy,
        boards=[Board(name=draw(short_text), elements=elements)],
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects())
def test_random_projects_round_trip(project: Project) -> None:
    assert problems(project) == []
    text = dumps(project)
    assert loads(text) == project
    assert dumps(loads(text)) == text
    assert loads(text.encode("utf-8")) == project
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.personamap"
        save(project, path)
        assert path.read_bytes() == text.encode("utf-8")
        assert load(path) == project


@settings(max_examples=30, deadline=None)
@given(projects())
def test_careful_reader_agrees_with_fast_path(project: Project) -> None:
    """The same data, written differently (ASCII escapes, other indent), reads the same."""
    text = dumps(project)
    other = json.dumps(json.loads(text), indent=1, ensure_ascii=True)
    assert loads(other) == project


def test_long_text_and_every_line_break() -> None:
    text = ("Long text 🎉 <&> مرحبا\n" * 1000)[:20_000]
    project = Project(description=text, boards=[Board(elements=[NoteElement(text="a\r\nb\tc\u2028d")])])
    assert loads(dumps(project)) == project
    assert "\\n" in dumps(project) and "🎉" in dumps(project)


def test_dumps_is_stable_and_ends_with_a_newline() -> None:
    project = Project(title="Stable")
    first = dumps(project)
    assert first == dumps(loads(first)) == dumps(project)
    assert first.endswith("}\n") and not first.endswith("\n\n")
    assert first.startswith('{\n  "format": "personamap",\n  "schema_version": 2,\n  "id": ')
