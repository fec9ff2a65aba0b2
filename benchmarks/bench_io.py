"""Load and save of a 20,000-note project against raw json, the baselines the goals are
stated in (goal: load ≤ 2.5× json.loads, save ≤ 1.5× json.dumps(indent=2) + write).

io.load_20k reads from a str (json.loads(str) needs no decoding; we must encode to UTF-8
first); io.load_bytes_20k reads the file's bytes, as load(path) does."""

from __future__ import annotations

import json
import random
import sys
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import compare, median_time, report
from pydantic_core import SchemaValidator, core_schema

from personamap.io import codec, dumps, limits, loads, save
from personamap.io.errors import problem_pairs
from personamap.model import (
    Board,
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
    Source,
    Stage,
    Step,
    Vote,
)
from personamap.model.journey import DEFAULT_STAGES

_SAMPLE = (
    "customer wants faster onboarding without calling support price trust invoice mobile app "
    "checkout delivery café naïve Straße 東京 привет مرحبا שלום <&> 🎉 refund login password "
    "dashboard export report weekly manager approval budget"
)
_WORDS = tuple(_SAMPLE.split())
_LANES = ("Actions", "Touchpoints", "Channels", "Thoughts", "Emotions", "Pains", "Opportunities", "Ideas")


def make_project(notes: int = 20_000, seed: int = 0) -> Project:
    """A realistic big project: 8 personas citing a library of 40 sources, 10 journeys of 6 stages × 8 lanes
    holding `notes` notes in all (about 40 per cell), an empathy map and a board."""
    rng = random.Random(seed)

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def text(low: int, high: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))

    personas = []
    sources: list[Source] = []
    for i in range(8):
        evidence = [Source(id=uid(), title=f"Interview {i}.{j}", note=text(5, 20)) for j in range(5)]
        sources += evidence

        def items(n: int, evidence: list[Source] = evidence) -> list[Item]:
            return [
                Item(id=uid(), text=text(4, 12), evidence_ids=[rng.choice(evidence).id]) for _ in range(n)
            ]

        personas.append(
            Persona(
                id=uid(),
                name=f"Persona {i}",
                role=text(2, 4),
                tagline=text(4, 8),
                tags=["b2c", "core"],
                quotes=[Quote(id=uid(), text=text(8, 25), source="interview") for _ in range(3)],
                goals=items(5),
                needs=items(4),
                frustrations=items(5),
                motivations=items(3),
            )
        )
    journeys = []
    per_journey = notes // 10
    for j in range(10):
        stages = [
            Stage(id=uid(), name=name, steps=[Step(id=uid(), name=f"{name} {k}") for k in range(2)])
            for name in DEFAULT_STAGES
        ]
        lanes = [Lane(id=uid(), name=name) for name in _LANES]
        cells = [(lane, stage) for lane in lanes for stage in stages]
        journey_notes = []
        for k in range(per_journey + (notes % 10 if j == 0 else 0)):
            lane, stage = cells[k % len(cells)]
            journey_notes.append(
                JourneyNote(
                    id=uid(),
                    text=text(3, 30),
                    lane_id=lane.id,
                    stage_id=stage.id,
                    step_id=stage.steps[k % 2].id if k % 4 == 0 else None,
                    color=rng.choice(list(NoteColor)),
                    tags=["idea"] if k % 7 == 0 else [],
                    votes=[Vote(participant="ana")] if k % 11 == 0 else [],
                    evidence_ids=[sources[0].id] if k % 13 == 0 else [],
                )
            )
        emotions = [
            EmotionScore(persona_id=personas[j % 8].id, step_id=step.id, score=rng.randint(-2, 2))
            for stage in stages
            for step in stage.steps
        ]
        journeys.append(
            JourneyMap(
                id=uid(),
                title=f"Journey {j}",
                persona_ids=[personas[j % 8].id],
                scenario=text(10, 40),
                stages=stages,
                lanes=lanes,
                notes=journey_notes,
                emotions=emotions,
            )
        )
    empathy = EmpathyMap(
        id=uid(),
        title="Empathy",
        persona_id=personas[0].id,
        notes=[
            EmpathyNote(id=uid(), text=text(3, 12), quadrant=rng.choice(list(Quadrant))) for _ in range(40)
        ],
    )
    board = Board(
        id=uid(),
        name="Overview",
        elements=[PersonaCard(id=uid(), persona_id=p.id, x=i * 260.0) for i, p in enumerate(personas)]
        + [NoteElement(id=uid(), text=text(3, 10), x=i * 30.0, y=400.0) for i in range(40)],
    )
    return Project(
        id=uid(),
        title="Benchmark project",
        personas=personas,
        sources=sources,
        journeys=journeys,
        empathy_maps=[empathy],
        boards=[board],
    )


_PARSE_ONLY = SchemaValidator(core_schema.typed_dict_schema({}, extra_behavior="ignore"))
"""Keeps no field: validate_json through it is pydantic's JSON parse alone."""


def load_parts(text: str, raw: float, repeat: int) -> str:
    """Where the time of loads(text) goes, stage by stage (each timed alone, in the order the
    fast path runs them), each as a multiple of `raw` (json.loads(text), as io.load_20k timed
    it): a diagnostic, so a change of the ratio can be traced to its stage. validate_json is
    shown with its own JSON parse beside it: the rest of it is pydantic checking every value
    and building the objects, which no change to the loader can lower."""
    data = text.encode("utf-8")
    body = b"{\n" + data[len(codec._prefix()) : -1]
    project = Project.model_validate_json(body)
    stages = {
        "encode": lambda: text.encode("utf-8"),
        "limits": lambda: limits.check_bytes(data),
        "validate_json": lambda: Project.model_validate_json(body),
        "reserialise": lambda: codec._project_json(project) == body,
        "integrity": lambda: problem_pairs(project),
    }

    def paused(stage: Callable[[], object]) -> Callable[[], object]:
        def call() -> object:
            with codec._gc_paused():  # as loads() runs them
                return stage()

        return call

    times = {name: median_time(paused(fn), repeat=repeat) / raw for name, fn in stages.items()}
    parse = median_time(paused(lambda: _PARSE_ONLY.validate_json(body)), repeat=repeat) / raw
    parts = " ".join(
        f"{name}={ratio:.2f}x" + (f" (parse={parse:.2f}x)" if name == "validate_json" else "")
        for name, ratio in times.items()
    )
    return f"bench: io.load_20k_parts json.loads={raw:.3f}s {parts}"


def run(quick: bool = False) -> None:
    repeat = 3 if quick else 7
    project = make_project()
    text = dumps(project)
    ours, raw = compare(lambda: loads(text), lambda: json.loads(text), repeat=repeat)
    report("io.load_20k", ours, raw, 2.5)
    print(load_parts(text, raw, repeat), flush=True)
    data_bytes = text.encode("utf-8")  # what load(path) reads: no str to encode, json must decode
    ours, raw = compare(lambda: loads(data_bytes), lambda: json.loads(data_bytes), repeat=repeat)
    report("io.load_bytes_20k", ours, raw, 2.5)

    data = json.loads(text)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "bench.personamap"
        plain = Path(folder) / "plain.json"

        def raw_save() -> None:
            plain.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")

        ours, raw = compare(lambda: save(project, target), raw_save, repeat=repeat)
    report("io.save_20k", ours, raw, 1.5)


if __name__ == "__main__":
    run("--quick" in sys.argv)
