"""Writes the golden file of the current schema version: a small project that touches every
entity type. Run by hand once per new schema version (`python tests/io/golden/make_golden.py`);
never overwrite the file of an older version, which must keep loading forever."""

from __future__ import annotations

import datetime as dt
import random
import struct
import sys
import uuid
import zlib
from pathlib import Path

from personamap.io import SCHEMA_VERSION, dumps, loads
from personamap.model import (
    Asset,
    Behaviour,
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
    ImageElement,
    Item,
    JourneyMap,
    JourneyMapElement,
    JourneyNote,
    JourneyState,
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
    Story,
    TextElement,
    ValueFigure,
    ValueKind,
    Vote,
)
from personamap.model.research import (
    ColumnFigures,
    ColumnRole,
    ColumnType,
    Dataset,
    DatasetColumn,
    EncodedFeature,
    Level,
    SegmentationRecord,
    SegmentFigures,
    Wave,
)

_RNG = random.Random(20240601)


def uid() -> str:
    return str(uuid.UUID(int=_RNG.getrandbits(128), version=4))


def tiny_png() -> bytes:
    """A real 2×2 RGB PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"\x00\xff\x00\x00\x00\xff\x00\x00\x00\x00\xff\xff\xff\xff"
    ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )


def build() -> Project:
    photo = Asset(
        id=uid(), name="maria.png", media_type="image/png", width=2, height=2, data=Asset.encode(tiny_png())
    )
    interview = Source(
        id=uid(),
        kind=EvidenceKind.INTERVIEW,
        title="Interviews, spring",
        sample_size=12,
        date=dt.date(2024, 4, 2),
        link="https://example.org/notes",
        note="Twelve 45-minute calls.\nTranscripts in the drive.",
        confidence=Confidence.OBSERVED,
    )
    survey = Source(
        id=uid(),
        kind=EvidenceKind.SURVEY,
        title="NPS survey",
        sample_size=840,
        confidence=Confidence.REPORTED,
    )

    def item(text: str, *evidence: Source) -> Item:
        return Item(id=uid(), text=text, evidence_ids=[e.id for e in evidence])

    maria = Persona(
        id=uid(),
        name="María Ortega 👩‍💼",
        photo_asset_id=photo.id,
        role="Head of Procurement",
        tagline="“Show me the total cost, not the sticker price.”",
        priority=Priority.PRIMARY,
        segment=Segment.B2B,
        color="#D55E00",
        tags=["b2b", "decision-maker"],
        quotes=[
            Quote(
                id=uid(),
                text="If I can't compare it, I won't buy it. <&> \"quoted\"",
                source="Interview 3",
                evidence_ids=[interview.id],
            )
        ],
        demographics=Demographics(
            age="45–54",
            gender="female",
            location="Sevilla, España",
            education="MBA",
            income_band="€80–100k",
            household="2 adults, 1 child",
        ),
        firmographics=Firmographics(
            industry="Logistics",
            company_size="1,000–5,000",
            department="Procurement",
            seniority="Director",
            reports_to="CFO",
            buying_role=BuyingRole.ECONOMIC_BUYER,
            budget_authority="up to €250k",
        ),
        psychographics=Psychographics(
            sliders=[
                Slider(
                    id=uid(), left="Cautious", right="Adventurous", value=25.5, evidence_ids=[interview.id]
                )
            ],
            values=[item("Fairness to suppliers")],
            attitudes=[item("Sceptical of demos", interview)],
            interests=[item("Cycling")],
            lifestyle="Commutes by train; reads on the way.",
            brands=[item("Lufthansa"), item("Muji")],
        ),
        behaviour=Behaviour(
            habits=[item("Checks email at 7:00")],
            devices=[item("Laptop"), item("iPhone")],
            tech_proficiency=4,
            usage_frequency="daily",
            purchase_behaviour="Tenders twice a year.",
            decision_criteria=[item("Total cost of ownership", survey)],
            engagement_level="high",
        ),
        goals=[item("Cut supplier costs by 10 %", interview, survey)],
        needs=[item("One view of all contracts")],
        motivations=[item("Recognition from the CFO")],
        frustrations=[item("Quotes that hide fees", interview)],
        objections=[item("“Another tool to learn”")],
        expectations=[item("Answers within a day")],
        channels=[
            Channel(
                id=uid(),
                name="LinkedIn",
                kind=ChannelKind.SOCIAL_NETWORK,
                note="Reads, rarely posts",
                evidence_ids=[survey.id],
            )
        ],
        value_figures=[
            ValueFigure(
                id=uid(),
                kind=ValueKind.LIFETIME_VALUE,
                label="Annual contract value",
                value=125000.5,
                unit="EUR",
                note="median",
                evidence_ids=[survey.id],
            )
        ],
        story=Story(
            bio="Twenty years in logistics.",
            day_in_the_life="Meetings until noon;\ntenders after.",
            scenario="Renewing the freight contract.",
        ),
        custom_sections=[
            CustomSection(id=uid(), title="Team", items=[item("Four buyers")], body="Flat team.")
        ],
        citations=[
            Citation(
                id=uid(), field="demographics.age", evidence_ids=[survey.id], confidence=Confidence.INFERRED
            )
        ],
        lifecycle=Lifecycle(
            owner="UX team",
            status=PersonaStatus.VALIDATED,
            version="2",
            created=dt.date(2024, 1, 15),
            last_reviewed=dt.date(2024, 5, 1),
            review_due=dt.date(2024, 11, 1),
        ),
    )
    yosef = Persona(
        id=uid(),
        name="יוסף כהן",
        role="مهندس IT",
        priority=Priority.SECONDARY,
        segment=Segment.B2B,
        firmographics=Firmographics(buying_role=BuyingRole.IT_SECURITY),
    )
    crm = Source(
        id=uid(),
        kind=EvidenceKind.CRM,
        title="CRM export",
        sample_size=3,
        date=dt.date(2024, 5, 20),
        dataset=Dataset(
            file_name="buyers.csv",
            sha256="ab" * 32,
            rows=3,
            columns_read=3,
            imported=dt.date(2024, 5, 20),
            columns=[
                DatasetColumn(name="Seats", type=ColumnType.NUMERIC, role=ColumnRole.SEGMENT),
                DatasetColumn(
                    name="Sector",
                    type=ColumnType.CATEGORICAL,
                    role=ColumnRole.DESCRIBE,
                    maps_to="firmographics.industry",
                ),
                DatasetColumn(
                    name="E-mail", type=ColumnType.TEXT, role=ColumnRole.PERSONAL, personal_reason="e-mail"
                ),
            ],
            segmentation=SegmentationRecord(
                features=[EncodedFeature(column="Seats", type=ColumnType.NUMERIC, mean=40.5, scale=12.25)],
                centroids=[[-1.0], [1.0]],
                seed=7,
                silhouette=0.62,
                stability=0.9,
            ),
            waves=[
                Wave(
                    imported=dt.date(2024, 5, 20),
                    file_name="buyers.csv",
                    sha256="ab" * 32,
                    rows=3,
                    rows_used=3,
                    segments=[
                        SegmentFigures(
                            segment=0,
                            persona_id=maria.id,
                            n=2,
                            share=66.7,
                            columns=[
                                ColumnFigures(
                                    column="Sector",
                                    type=ColumnType.CATEGORICAL,
                                    levels=[Level(value="Logistics", count=2)],
                                    n=2,
                                ),
                                ColumnFigures(
                                    column="Seats", type=ColumnType.NUMERIC, n=2, mean=30.5, q50=30.5
                                ),
                            ],
                        ),
                        SegmentFigures(segment=1, persona_id=None, n=1, share=33.3, niche=True),
                    ],
                )
            ],
        ),
    )
    relation = Relation(
        id=uid(),
        source_id=yosef.id,
        target_id=maria.id,
        kind=RelationKind.INFLUENCES,
        note="Vetoes anything without SSO",
    )
    empathy = EmpathyMap(
        id=uid(),
        title="María at renewal time",
        persona_id=maria.id,
        goal="Renew with confidence",
        extended=True,
        notes=[
            EmpathyNote(
                id=uid(),
                text="“Is this really cheaper?”",
                quadrant=Quadrant.SAYS,
                evidence_ids=[interview.id],
            ),
            EmpathyNote(
                id=uid(), text="Hidden fees", quadrant=Quadrant.PAINS, color=NoteColor.PINK, tags=["cost"]
            ),
            EmpathyNote(id=uid(), text="Peers' opinions", quadrant=Quadrant.HEARS),
        ],
    )
    stages = [
        Stage(
            id=uid(),
            name="Research",
            description="Finds options",
            steps=[Step(id=uid(), name="Search"), Step(id=uid(), name="Ask peers")],
        ),
        Stage(id=uid(), name="Decide", steps=[Step(id=uid(), name="Compare quotes")]),
    ]
    lanes = [
        Lane(id=uid(), name="Actions", kind=LaneKind.ACTIONS),
        Lane(id=uid(), name="Pain points", kind=LaneKind.PAIN_POINTS),
        Lane(id=uid(), name="Ideas 💡", kind=LaneKind.CUSTOM),
    ]
    journey = JourneyMap(
        id=uid(),
        title="Freight contract renewal",
        persona_ids=[maria.id, yosef.id],
        scenario="Contract ends in 3 months.",
        expectations="A fair price, fast.",
        state=JourneyState.FUTURE,
        owner="CX",
        version="1.1",
        stages=stages,
        lanes=lanes,
        notes=[
            JourneyNote(
                id=uid(),
                text="Googles “freight tender template”",
                lane_id=lanes[0].id,
                stage_id=stages[0].id,
                step_id=stages[0].steps[0].id,
            ),
            JourneyNote(
                id=uid(),
                text="Quotes are not comparable",
                lane_id=lanes[1].id,
                stage_id=stages[1].id,
                color=NoteColor.ORANGE,
                tags=["pricing"],
                votes=[Vote(participant="Ana", session="Workshop 1"), Vote(participant="Li")],
                evidence_ids=[interview.id],
            ),
            JourneyNote(
                id=uid(),
                text="Side-by-side\ncomparison",
                lane_id=lanes[2].id,
                stage_id=stages[1].id,
                color=NoteColor.GREEN,
            ),
        ],
        emotions=[
            EmotionScore(persona_id=maria.id, step_id=stages[0].steps[0].id, score=1),
            EmotionScore(
                persona_id=maria.id,
                step_id=stages[1].steps[0].id,
                score=-2,
                note="Frustrated",
                evidence_ids=[interview.id, crm.id],
            ),
            EmotionScore(persona_id=None, step_id=stages[0].steps[1].id, score=0),
        ],
    )
    card = PersonaCard(id=uid(), persona_id=maria.id, x=40, y=40, sections=["goals", "demographics.age"])
    card2 = PersonaCard(id=uid(), persona_id=yosef.id, x=400, y=40, z=1)
    board = Board(
        id=uid(),
        name="Workshop board",
        elements=[
            card,
            card2,
            EmpathyMapElement(id=uid(), map_id=empathy.id, x=40, y=300, w=600, h=400),
            JourneyMapElement(id=uid(), map_id=journey.id, x=700, y=300, w=900, h=500, z=2),
            NoteElement(
                id=uid(), text="Ask about SSO!", color=NoteColor.BLUE, tags=["todo"], x=-120.5, y=10.25
            ),
            TextElement(id=uid(), text="Renewal workshop — 3 June", size=32, bold=True, x=40, y=-60),
            ImageElement(id=uid(), asset_id=photo.id, caption="María (drawn)", x=800, y=40, w=120, h=120),
            Connector(
                id=uid(), source_id=card2.id, target_id=card.id, relation_id=relation.id, label="influences"
            ),
        ],
    )
    stamp = dt.datetime(2024, 6, 3, 9, 30, tzinfo=dt.UTC)
    return Project(
        id=uid(),
        title="Freight buyers — golden file",
        description="Every entity type once.\n<&>",
        created=stamp,
        modified=stamp,
        personas=[maria, yosef],
        relations=[relation],
        sources=[interview, survey, crm],
        empathy_maps=[empathy],
        journeys=[journey],
        boards=[board],
        assets=[photo],
    )


def main() -> None:
    project = build()
    text = dumps(project)
    assert loads(text) == project
    path = Path(__file__).parent / f"schema-v{SCHEMA_VERSION}.personamap"
    if path.exists() and "--force" not in sys.argv:
        sys.exit(f"{path} exists; golden files are frozen (use --force only for a brand-new version)")
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {path} ({len(text.encode())} bytes)")


if __name__ == "__main__":
    main()
