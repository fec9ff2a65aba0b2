"""A small, well-made project the lint finds nothing in (`clean_project`), which each lint test
breaks in one way. Things are looked up by name, not position."""

from __future__ import annotations

import datetime as dt

from personamap.model import (
    Citation,
    Demographics,
    EmotionScore,
    EvidenceKind,
    Item,
    JourneyMap,
    JourneyNote,
    Lane,
    LaneKind,
    Lifecycle,
    Persona,
    Priority,
    Project,
    Quote,
    Source,
    Stage,
    Step,
)

TODAY = dt.date(2026, 6, 1)
RECENTLY = TODAY - dt.timedelta(days=30)


def _persona(name: str, priority: Priority, cites: Source, words: list[str], age: str) -> Persona:
    return Persona(
        name=name,
        priority=priority,
        role=words[0],
        demographics=Demographics(age=age),
        citations=[Citation(field="demographics.age", evidence_ids=[cites.id])],
        goals=[Item(text=w, evidence_ids=[cites.id]) for w in words[1:3]],
        frustrations=[Item(text=words[3], evidence_ids=[cites.id])],
        quotes=[Quote(text=words[4], source="interview", evidence_ids=[cites.id])],
        lifecycle=Lifecycle(last_reviewed=RECENTLY),
    )


def _journey(title: str, personas: list[Persona], source: Source) -> JourneyMap:
    lanes = [
        Lane(name="Touchpoints", kind=LaneKind.TOUCHPOINTS),
        Lane(name="Pain points", kind=LaneKind.PAIN_POINTS),
        Lane(name="Opportunities", kind=LaneKind.OPPORTUNITIES),
    ]
    stages = [
        Stage(name="Discover", steps=[Step(name="Search")]),
        Stage(name="Buy", steps=[Step(name="Pay")]),
    ]
    notes = [
        JourneyNote(
            lane_id=lane.id, stage_id=stage.id, text=f"{lane.name} at {stage.name}", evidence_ids=[source.id]
        )
        for stage in stages
        for lane in lanes
    ]
    emotions = [EmotionScore(persona_id=p.id, step_id=stages[0].steps[0].id, score=1) for p in personas]
    return JourneyMap(
        title=title,
        persona_ids=[p.id for p in personas],
        stages=stages,
        lanes=lanes,
        notes=notes,
        emotions=emotions,
    )


def clean_project() -> Project:
    """Two primary personas and a negative one, each grounded in its own source and followed by
    a journey (the negative one needs none), a journey with touchpoints, opportunities for its
    pains and an emotion curve, and a library whose every source is cited."""
    interviews = Source(kind=EvidenceKind.INTERVIEW, title="Shop-owner interviews")
    survey = Source(kind=EvidenceKind.SURVEY, title="Finance team survey")
    tickets = Source(kind=EvidenceKind.SUPPORT_TICKETS, title="Support tickets 2025")
    ann = _persona(
        "Ann Owner",
        Priority.PRIMARY,
        interviews,
        [
            "Runs a small bakery",
            "Sell online in a weekend",
            "Keep stock in sync",
            "Fees eat the margin",
            "I bake, I don't do websites",
        ],
        "30-45",
    )
    bob = _persona(
        "Bob Controller",
        Priority.PRIMARY,
        survey,
        [
            "Controller at a retail chain",
            "Close the month in three days",
            "Audit trail for every refund",
            "Spreadsheets from twelve stores",
            "Show me the reconciliation report",
        ],
        "45-60",
    )
    jamie = _persona(
        "Jamie Bargain",
        Priority.NEGATIVE,
        tickets,
        ["Student reseller", "Free tier forever", "Flip sneakers", "Any fee at all", "Why would I pay?"],
        "18-24",
    )
    return Project(
        title="Shop",
        personas=[ann, bob, jamie],
        sources=[interviews, survey, tickets],
        journeys=[_journey("Opening a shop", [ann, bob], interviews)],
    )


def persona(project: Project, name: str) -> Persona:
    return next(p for p in project.personas if p.name == name)


def rules(findings: list) -> list[str]:
    return [f.rule for f in findings]
