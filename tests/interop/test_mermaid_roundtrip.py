"""Round trips (docs/mermaid.md): a diagram in canonical form comes back from a project byte
for byte, and a journey comes back from its Mermaid text with every name, score and note."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personamap.interop.mermaid import export_mermaid, import_mermaid
from personamap.interop.mermaid_parse import parse
from personamap.interop.mermaid_text import escape, escape_task
from personamap.io import load
from personamap.model import (
    EmotionScale,
    EmotionScore,
    JourneyMap,
    JourneyNote,
    JourneyState,
    Lane,
    LaneKind,
    NoteColor,
    Persona,
    Project,
    Settings,
    Stage,
    Step,
    Vote,
)
from personamap.resources import sample_path

_CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))
_TEXT = st.text(alphabet=st.sampled_from("ab Z:#;,%%é{}<>&-") | _CHARS, max_size=12)
_KEYWORDS = st.sampled_from(
    ["journey plan", "Title of it", "section 2", "accTitle: x", "accDescr {", " x ", "Stage"]
)
_NAME = _KEYWORDS | _TEXT.filter(lambda s: s.strip(" \u00a0\ufeff\u3000") != "" and s.strip() != "")
_ACTORS = ["Me", "Cat", "Ana, the buyer", "#1 fan", "Zoë: ops", "50%% off"]


def _canonical(title: str, sections: list[tuple[str, list[tuple[str, int, list[str]]]]]) -> str:
    lines = ["journey", f"    title {escape(title, '#;')}"]
    for name, tasks in sections:
        lines.append(f"    section {escape(name, '#;:')}")
        for task, score, actors in tasks:
            line = f"      {escape_task(task)}: {score}"
            if actors:
                line += ": " + ", ".join(escape(a, "#;:,") for a in actors)
            lines.append(line)
    return "\n".join(lines) + "\n"


_TASK = st.tuples(_NAME, st.integers(1, 5), st.lists(st.sampled_from(_ACTORS), unique=True, max_size=3))
_SECTION = st.tuples(_NAME, st.lists(_TASK, max_size=4))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_NAME, sections=st.lists(_SECTION, max_size=4))
def test_mermaid_to_project_to_mermaid_is_exact(title: str, sections: list[Any]) -> None:
    text = _canonical(title, sections)
    diagram = parse(text)
    assert diagram.title == title
    read = [(s.name, [(t.name, t.score, t.actors) for t in s.tasks]) for s in diagram.sections]
    assert read == [(name, list(tasks)) for name, tasks in sections]
    assert export_mermaid(import_mermaid(text).project_part) == text


def test_the_sample_project_comes_back_from_mermaid() -> None:
    project = load(sample_path())
    text = export_mermaid(project)
    part = import_mermaid(text, scale=project.settings.emotion_scale, markdown=True).project_part
    assert [_journey_view(j, project) for j in project.journeys] == [
        _journey_view(j, part) for j in part.journeys
    ]
    assert export_mermaid(part) == text


def _journey_view(journey: JourneyMap, project: Project) -> dict[str, Any]:
    """Everything a journey says, with ids replaced by positions and persona names."""
    names = {p.id: (p.name, p.color.upper()) for p in project.personas}
    steps = {s.id: (i, j) for i, stage in enumerate(journey.stages) for j, s in enumerate(stage.steps)}
    stages = {s.id: i for i, s in enumerate(journey.stages)}
    lanes = {lane.id: i for i, lane in enumerate(journey.lanes)}
    notes = [
        (
            stages[n.stage_id],
            steps[n.step_id][1] if n.step_id else -1,
            lanes[n.lane_id],
            n.text,
            n.color,
            n.tags,
            n.votes,
        )
        for n in journey.notes
    ]
    cells: dict[tuple[int, int], list[Any]] = {}
    for note in notes:
        cells.setdefault(note[:2], []).append(note[2:])
    return {
        "fields": journey.model_dump(
            include={"title", "scenario", "expectations", "state", "owner", "version"}
        ),
        "personas": [names[p] for p in journey.persona_ids],
        "lanes": [(lane.name, lane.kind) for lane in journey.lanes],
        "stages": [(s.name, s.description, [st.name for st in s.steps]) for s in journey.stages],
        "notes": sorted(cells.items()),
        "emotions": sorted(
            (steps[e.step_id], names[e.persona_id] if e.persona_id else ("", ""), e.score, e.note)
            for e in journey.emotions
        ),
    }


_SCALES = st.sampled_from([(-2, 2), (0, 10), (-1, 1), (1, 5), (0, 1), (-100, 100)])
_COLORS = st.sampled_from(["#0072B2", "#E69F00", "#123456", "#abcdef"])
_TEXTS = st.text(alphabet=st.sampled_from("ab \n:#;%{}é") | _CHARS, max_size=15).map(
    lambda s: s.replace("\r", "")
)


@st.composite
def _projects(draw: st.DrawFn) -> Project:
    low, high = draw(_SCALES)
    scale = EmotionScale(minimum=low, maximum=high, labels=[])
    names = draw(st.lists(_NAME.map(lambda s: s.replace(",", "")), unique_by=str.casefold, max_size=3))
    personas = [Persona(name=n, color=draw(_COLORS)) for n in names if n.strip()]
    default_lanes = draw(st.booleans())
    kinds = list(LaneKind)
    lanes = (
        [Lane(name="Actions", kind=LaneKind.ACTIONS), Lane(name="Touchpoints", kind=LaneKind.TOUCHPOINTS)]
        + [
            Lane(name=n, kind=k)
            for n, k in [("Channels", LaneKind.CHANNELS), ("Thoughts", LaneKind.THOUGHTS)]
        ]
        + [Lane(name="Emotions", kind=LaneKind.EMOTIONS), Lane(name="Pain points", kind=LaneKind.PAIN_POINTS)]
        + [Lane(name="Opportunities", kind=LaneKind.OPPORTUNITIES)]
        if default_lanes
        else [Lane(name=draw(_TEXTS).replace("\n", " "), kind=draw(st.sampled_from(kinds))) for _ in range(2)]
    )
    stages = [
        Stage(
            name=draw(st.sampled_from(["", "Go", "Pay: now"]) | _NAME),
            description=draw(_TEXTS),
            steps=[
                Step(name=draw(st.sampled_from(["", "Step"]) | _NAME)) for _ in range(draw(st.integers(1, 3)))
            ],
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    journey = JourneyMap(
        title=draw(_NAME),
        scenario=draw(_TEXTS),
        expectations=draw(_TEXTS),
        state=draw(st.sampled_from(list(JourneyState))),
        owner=draw(_NAME | st.just("")),
        version=draw(st.sampled_from(["1", "2"])),
        persona_ids=[p.id for p in draw(st.permutations(personas))],
        lanes=lanes,
        stages=stages,
    )
    who = [None, *[p.id for p in personas]]
    for stage in stages:
        for step in stage.steps:
            for persona_id in draw(st.lists(st.sampled_from(who), unique=True, max_size=3)):
                score = draw(st.integers(low, high))
                note = draw(st.sampled_from(["", "tired", "Mermaid score 2"]))
                journey.emotions.append(
                    EmotionScore(persona_id=persona_id, step_id=step.id, score=score, note=note)
                )
        for _ in range(draw(st.integers(0, 2))):
            step_id = draw(st.sampled_from([None, *[s.id for s in stage.steps]]))
            note = JourneyNote(
                lane_id=draw(st.sampled_from(lanes)).id,
                stage_id=stage.id,
                step_id=step_id,
                text=draw(_TEXTS),
                color=draw(st.sampled_from(list(NoteColor))),
                tags=draw(st.lists(_NAME, max_size=2)),
                votes=[Vote(participant="P1", session="s")] if draw(st.booleans()) else [],
            )
            journey.notes.append(note)
    return Project(settings=Settings(emotion_scale=scale), personas=personas, journeys=[journey])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(project=_projects())
def test_project_to_mermaid_to_project_is_exact(project: Project) -> None:
    text = export_mermaid(project)
    part = import_mermaid(text, scale=project.settings.emotion_scale).project_part
    (journey,) = part.journeys
    assert _journey_view(journey, part) == _journey_view(project.journeys[0], project)
    assert export_mermaid(part) == text
