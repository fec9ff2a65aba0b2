"""A rich, sound project for tests: every kind of entity, every kind of reference.

`rich_project()` builds a new one each call (fresh ids). Look things up by name with the
small helpers at the bottom rather than by position, so tests survive additions here.
"""

from __future__ import annotations

import datetime as dt
import struct
import zlib

from personamap.model import (
    Asset,
    Board,
    BuyingRole,
    Channel,
    ChannelKind,
    Citation,
    Confidence,
    Connector,
    CustomSection,
    Demographics,
    EmotionScore,
    EmpathyMap,
    EmpathyMapElement,
    EmpathyNote,
    EvidenceKind,
    Firmographics,
    Item,
    JourneyMap,
    JourneyMapElement,
    JourneyNote,
    Lane,
    LaneKind,
    Lifecycle,
    NoteColor,
    NoteElement,
    Persona,
    PersonaCard,
    PersonaStatus,
    Priority,
    Project,
    Psychographics,
    Quadrant,
    Quote,
    Relation,
    RelationKind,
    Segment,
    Slider,
    Source,
    Stage,
    Step,
    TextElement,
    ValueFigure,
    ValueKind,
    Vote,
)
from personamap.model.board import ImageElement
from personamap.model.journey import DEFAULT_LANES
from personamap.model.research import Dataset, SegmentFigures, Wave


def tiny_png() -> bytes:
    """A valid 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x80\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _persona(name: str, priority: Priority, segment: Segment, color: str, library: list[Source]) -> Persona:
    """A persona citing two new sources of its own, which go into `library`."""
    interview = Source(
        kind=EvidenceKind.INTERVIEW,
        title=f"Interviews with {name}s",
        sample_size=12,
        date=dt.date(2024, 3, 1),
        confidence=Confidence.OBSERVED,
    )
    survey = Source(kind=EvidenceKind.SURVEY, title="Survey", sample_size=400, confidence=Confidence.REPORTED)
    library += [interview, survey]
    both = [interview.id, survey.id]
    return Persona(
        name=name,
        role=f"{name}'s role",
        tagline="The busy one",
        priority=priority,
        segment=segment,
        color=color,
        tags=["core", priority.value],
        quotes=[Quote(text="I have no time.", source="Interview 3", evidence_ids=[interview.id])],
        demographics=Demographics(age="35-44", location="Leeds"),
        firmographics=Firmographics(industry="Retail", buying_role=BuyingRole.CHAMPION)
        if segment is Segment.B2B
        else Firmographics(),
        psychographics=Psychographics(
            sliders=[
                Slider(left="Introvert", right="Extrovert", value=30, evidence_ids=[survey.id]),
                Slider(left="Cautious", right="Bold", value=70),
            ],
            values=[Item(text="Fairness")],
            lifestyle="Cycles to work.",
        ),
        goals=[
            Item(text="Save time", evidence_ids=both, confidence=Confidence.OBSERVED),
            Item(text="Look competent", evidence_ids=[interview.id]),
            Item(text="Sleep more"),
        ],
        frustrations=[Item(text="Long forms", evidence_ids=[survey.id])],
        needs=[Item(text="A clear price")],
        channels=[Channel(name="LinkedIn", kind=ChannelKind.SOCIAL_NETWORK, evidence_ids=[survey.id])],
        value_figures=[ValueFigure(kind=ValueKind.LIFETIME_VALUE, value=1200.0, unit="EUR")],
        custom_sections=[
            CustomSection(title="Rituals", items=[Item(text="Tea at four", evidence_ids=[interview.id])])
        ],
        citations=[
            Citation(field="demographics.age", evidence_ids=[survey.id]),
            Citation(field="role", evidence_ids=[interview.id, survey.id], confidence=Confidence.INFERRED),
        ],
        lifecycle=Lifecycle(owner="UX team", status=PersonaStatus.VALIDATED, created=dt.date(2024, 1, 10)),
    )


def rich_project() -> Project:
    """One persona per priority (each citing two sources of the library), a relation, two
    empathy maps, a journey of 4 stages (one with 2 steps) and 7 lanes with notes and emotion
    scores (one citing a source), a board showing all of it."""
    asset = Asset(name="Photo", media_type="image/png", width=1, height=1, data=Asset.encode(tiny_png()))
    library: list[Source] = []
    anna = _persona("Anna", Priority.PRIMARY, Segment.B2C, "#0072B2", library)
    anna.photo_asset_id = asset.id
    ben = _persona("Ben", Priority.SECONDARY, Segment.B2B, "#D55E00", library)
    nora = _persona("Nora", Priority.NEGATIVE, Segment.B2C, "#009E73", library)
    relation = Relation(source_id=ben.id, target_id=anna.id, kind=RelationKind.INFLUENCES, note="weekly")

    evidence = library[0].id
    emap = EmpathyMap(
        title="Anna at work",
        persona_id=anna.id,
        goal="Get home on time",
        notes=[
            EmpathyNote(quadrant=Quadrant.SAYS, text="Where is the button?"),
            EmpathyNote(quadrant=Quadrant.SAYS, text="Too many steps"),
            EmpathyNote(quadrant=Quadrant.THINKS, text="Is this safe?", evidence_ids=[evidence]),
            EmpathyNote(
                quadrant=Quadrant.FEELS, text="Rushed", color=NoteColor.PINK, votes=[Vote(participant="A")]
            ),
            EmpathyNote(quadrant=Quadrant.PAINS, text="Lost data", tags=["risk"]),
            EmpathyNote(quadrant=Quadrant.GAINS, text="Done in 5 minutes"),
        ],
    )
    ben_map = EmpathyMap(
        title="Ben buying",
        persona_id=ben.id,
        extended=True,
        notes=[EmpathyNote(quadrant=Quadrant.HEARS, text="Peers recommend it")],
    )

    stages = [
        Stage(name="Awareness", steps=[Step(name="Sees ad")]),
        Stage(name="Consideration", description="Compares offers", steps=[Step(name="Reads reviews")]),
        Stage(name="Onboarding", steps=[Step(name="Signs up"), Step(name="First use")]),
        Stage(name="Use", steps=[Step(name="Daily use")]),
    ]
    lanes = [Lane(name=name, kind=kind) for name, kind in DEFAULT_LANES]
    lane = {la.kind: la.id for la in lanes}
    aware, consider, onboard, use = stages
    signup, first_use = onboard.steps

    def note(
        kind: LaneKind, stage: Stage, text: str, step: Step | None = None, **extra: object
    ) -> JourneyNote:
        return JourneyNote(
            lane_id=lane[kind], stage_id=stage.id, step_id=step.id if step else None, text=text, **extra
        )

    notes = [
        note(LaneKind.ACTIONS, aware, "Sees a poster"),
        note(LaneKind.ACTIONS, aware, "Asks a friend"),
        note(LaneKind.TOUCHPOINTS, aware, "Poster"),
        note(LaneKind.ACTIONS, onboard, "Fills the form", signup),
        note(LaneKind.ACTIONS, onboard, "Confirms e-mail", signup),
        note(LaneKind.ACTIONS, onboard, "Opens the app", first_use),
        note(LaneKind.PAIN_POINTS, onboard, "Form too long", signup, evidence_ids=[evidence], votes=[Vote()]),
        note(LaneKind.THOUGHTS, consider, "Is it worth it?"),
        note(LaneKind.OPPORTUNITIES, use, "Reminders", color=NoteColor.GREEN, tags=["idea"]),
    ]
    emotions = [
        EmotionScore(persona_id=anna.id, step_id=aware.steps[0].id, score=0),
        EmotionScore(
            persona_id=anna.id, step_id=signup.id, score=-2, note="the form", evidence_ids=[evidence]
        ),
        EmotionScore(persona_id=anna.id, step_id=first_use.id, score=1),
        EmotionScore(persona_id=anna.id, step_id=use.steps[0].id, score=2),
        EmotionScore(persona_id=ben.id, step_id=consider.steps[0].id, score=1),
        EmotionScore(persona_id=ben.id, step_id=signup.id, score=-1),
    ]
    journey = JourneyMap(
        title="Anna gets started",
        persona_ids=[anna.id, ben.id],
        scenario="Anna signs up on her phone.",
        stages=stages,
        lanes=lanes,
        notes=notes,
        emotions=emotions,
    )

    cards = [PersonaCard(persona_id=p.id, x=300.0 * k, y=0, z=k) for k, p in enumerate((anna, ben, nora))]
    board = Board(
        name="Overview",
        elements=[
            *cards,
            JourneyMapElement(map_id=journey.id, x=0, y=400, w=900, h=300, z=3),
            EmpathyMapElement(map_id=emap.id, x=1000, y=400, z=4),
            NoteElement(text="Ask sales", x=1000, y=0, z=5, tags=["todo"]),
            TextElement(text="Personas 2024", size=32, bold=True, x=0, y=-80, z=6),
            ImageElement(asset_id=asset.id, caption="Anna", x=1300, y=0, z=7),
            Connector(
                source_id=cards[1].id, target_id=cards[0].id, relation_id=relation.id, label="influences", z=8
            ),
        ],
    )
    return Project(
        title="Rich project",
        description="Everything at once.",
        personas=[anna, ben, nora],
        relations=[relation],
        sources=library,
        empathy_maps=[emap, ben_map],
        journeys=[journey],
        boards=[board, Board(name="Empty")],
        assets=[asset],
    )


def persona_named(project: Project, name: str) -> Persona:
    return next(p for p in project.personas if p.name == name)


def stage_named(journey: JourneyMap, name: str) -> Stage:
    return next(s for s in journey.stages if s.name == name)


def lane_of(journey: JourneyMap, kind: LaneKind) -> Lane:
    return next(la for la in journey.lanes if la.kind == kind)


def elements_of(board: Board, kind: str) -> list:
    return [el for el in board.elements if el.type == kind]


def dataset_of(*persona_ids: str | None) -> Dataset:
    """A dataset source's record: one wave whose segments were drafted into these personas."""
    day = dt.date(2026, 5, 4)
    segments = [
        SegmentFigures(segment=k, persona_id=pid, n=10, share=100 / len(persona_ids))
        for k, pid in enumerate(persona_ids)
    ]
    return Dataset(
        file_name="crm.csv",
        sha256="0" * 64,
        rows=10 * len(persona_ids),
        imported=day,
        waves=[Wave(imported=day, file_name="crm.csv", rows=10 * len(persona_ids), segments=segments)],
    )
