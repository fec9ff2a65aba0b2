"""Persona templates (`resources/persona-templates/*.json`) and project templates
(`resources/templates/*.personamap`). Run through `build_resources.py`."""

from __future__ import annotations

import datetime as dt

from resources_common import CARD_H, CARD_W, connector, finish, make_lanes, stage

from personamap.model import (
    Board,
    BuyingRole,
    EmpathyMap,
    EmpathyMapElement,
    JourneyMap,
    JourneyMapElement,
    LaneKind,
    NoteColor,
    NoteElement,
    Persona,
    PersonaCard,
    Priority,
    Project,
    Relation,
    RelationKind,
    Segment,
    TextElement,
)
from personamap.model.journey import DEFAULT_LANES, DEFAULT_STAGES
from personamap.model.templates import PersonaTemplate, SliderPreset
from personamap.style import OKABE_ITO

TEMPLATE_TIME = dt.datetime(2026, 11, 1, 0, 0, tzinfo=dt.UTC)
"""created and modified of every project template (a new project from one gets fresh times)."""


# --- persona templates -------------------------------------------------------------------

B2B = PersonaTemplate(
    name="b2b",
    title="B2B buyer or user",
    description=(
        "A person in a business buying committee: business goals, ROI, objections and their "
        "role in the purchase (decision maker, champion, economic buyer, IT/security…)."
    ),
    segment=Segment.B2B,
    sections=[
        "identity",
        "quotes",
        "firmographics",
        "goals",
        "needs",
        "motivations",
        "frustrations",
        "objections",
        "expectations",
        "behaviour",
        "psychographics.sliders",
        "psychographics.values",
        "channels",
        "value_figures",
        "story",
        "custom_sections",
        "evidence",
    ],
    card_sections=["identity", "quotes", "firmographics.buying_role", "goals", "frustrations"],
    sliders=[
        SliderPreset(left="Risk-averse", right="Early adopter"),
        SliderPreset(left="Hands-on", right="Strategic"),
        SliderPreset(left="Cost-focused", right="Value-focused"),
        SliderPreset(left="Gut feeling", right="Data-driven"),
    ],
    custom_sections=["Jobs to be done"],
    prompts={
        "quotes": "What did they say, word for word, and where?",
        "firmographics.buying_role": "Do they decide, pay, champion, use, or can they block?",
        "goals": "Which business outcome is this person measured on?",
        "frustrations": "What costs them time, money or reputation today?",
        "objections": "What would make them say no, or stall the deal?",
        "value_figures": "What is an account like this worth, and what does winning it cost?",
    },
)

B2C = PersonaTemplate(
    name="b2c",
    title="Consumer",
    description=(
        "A private customer: lifestyle, motivations and emotional triggers, habits and the "
        "channels that reach them."
    ),
    segment=Segment.B2C,
    sections=[
        "identity",
        "quotes",
        "demographics",
        "goals",
        "needs",
        "motivations",
        "frustrations",
        "expectations",
        "psychographics.sliders",
        "psychographics.values",
        "psychographics.interests",
        "psychographics.lifestyle",
        "psychographics.brands",
        "behaviour",
        "channels",
        "value_figures",
        "story",
        "evidence",
    ],
    card_sections=["identity", "quotes", "goals", "frustrations", "psychographics.sliders"],
    sliders=[
        SliderPreset(left="Introvert", right="Extrovert"),
        SliderPreset(left="Price-driven", right="Quality-driven"),
        SliderPreset(left="Planner", right="Impulsive"),
        SliderPreset(left="Tech-wary", right="Tech-savvy"),
    ],
    prompts={
        "quotes": "What did they say, word for word, and where?",
        "goals": "What are they trying to get done, or to feel?",
        "motivations": "What makes them act now rather than later?",
        "frustrations": "What annoys them about how they do it today?",
        "psychographics.lifestyle": "How do they spend a normal week?",
    },
)

LEAN = PersonaTemplate(
    name="lean",
    title="Proto-persona (lean)",
    description=(
        "A quick, assumption-based sketch for a workshop: who they are, what they want and what "
        "gets in the way. Validate it with research before relying on it."
    ),
    segment=Segment.B2C,
    sections=["identity", "demographics", "behaviour", "needs", "goals", "frustrations"],
    card_sections=["identity", "goals", "frustrations"],
    prompts={
        "identity": "Sketch and name: who is this, in one line?",
        "demographics": "Only what changes their behaviour: age, place, role…",
        "behaviour": "What do they do today, how often, with what?",
        "needs": "What do they need from us?",
        "goals": "What are they trying to achieve?",
        "frustrations": "What gets in their way?",
    },
)

NEGATIVE = PersonaTemplate(
    name="negative",
    title="Negative persona",
    description=(
        "Who the product is deliberately not for, and why, so that nobody designs for them by accident."
    ),
    segment=Segment.B2C,
    priority=Priority.NEGATIVE,
    sections=[
        "identity",
        "quotes",
        "demographics",
        "goals",
        "needs",
        "objections",
        "value_figures",
        "custom_sections",
        "evidence",
    ],
    card_sections=["identity", "goals", "custom_sections"],
    custom_sections=["Why we don't build for them"],
    prompts={
        "goals": "What do they want that we will not offer?",
        "value_figures": "What do they cost us (support, churn) compared with what they pay?",
        "custom_sections": "Why exactly are they not our customer?",
    },
)

PERSONA_TEMPLATES: tuple[PersonaTemplate, ...] = (B2B, B2C, LEAN, NEGATIVE)


# --- project templates -------------------------------------------------------------------


def _title(text: str) -> TextElement:
    return TextElement(x=40, y=24, w=1200, h=48, text=text, size=28, bold=True)


def _cards(
    personas: list[Persona], sections: list[str], y: float = 120, gap: float = 80
) -> list[PersonaCard]:
    return [
        PersonaCard(
            persona_id=p.id, x=40 + i * (CARD_W + gap), y=y, w=CARD_W, h=CARD_H, z=i + 1, sections=sections
        )
        for i, p in enumerate(personas)
    ]


def _project(title: str, description: str, **fields: object) -> Project:
    return Project(
        title=title, description=description, created=TEMPLATE_TIME, modified=TEMPLATE_TIME, **fields
    )


def blank() -> Project:
    return _project(
        "Blank project",
        "An empty project with one board: start from scratch.",
        boards=[Board(name="Board 1")],
    )


def b2b_saas() -> Project:
    roles = (
        ("Economic buyer", "e.g. CFO or VP Finance: owns the budget", BuyingRole.ECONOMIC_BUYER),
        ("Champion", "e.g. team lead who feels the pain and drives the purchase", BuyingRole.CHAMPION),
        ("End user", "e.g. the employee who works with the product every day", BuyingRole.USER),
    )
    personas = []
    for i, (name, role, buying_role) in enumerate(roles):
        persona = B2B.new_persona(name=name, color=OKABE_ITO[i], role=role)
        persona.firmographics.buying_role = buying_role
        personas.append(persona)
    buyer, champion, user = personas
    relations = [
        Relation(
            source_id=champion.id,
            target_id=buyer.id,
            kind=RelationKind.CHAMPIONS,
            note="Builds the business case",
        ),
        Relation(
            source_id=user.id,
            target_id=champion.id,
            kind=RelationKind.INFLUENCES,
            note="Day-to-day pain feeds the case",
        ),
    ]
    journey = JourneyMap(
        title="Evaluate, buy and roll out the product",
        persona_ids=[champion.id, buyer.id],
        scenario="The champion finds the product, wins the buying committee over and rolls it out.",
        expectations="A short trial that proves the value in the champion's own numbers.",
        stages=[stage(name) for name in DEFAULT_STAGES],
        lanes=make_lanes([*DEFAULT_LANES, ("Objections", LaneKind.OBJECTIONS)]),
    )
    cards = _cards(personas, B2B.card_sections)
    by_persona = {c.persona_id: c for c in cards}
    links = [connector(by_persona[r.source_id], by_persona[r.target_id], r) for r in relations]
    return _project(
        "B2B SaaS: buying committee and journey",
        "Three B2B persona skeletons (economic buyer, champion, end user), their buying-committee "
        "links and a journey from awareness to advocacy.",
        personas=personas,
        relations=relations,
        journeys=[journey],
        boards=[
            Board(name="Personas", elements=[_title("Buying committee"), *cards, *links]),
            Board(
                name="Journey", elements=[JourneyMapElement(map_id=journey.id, x=40, y=120, w=2200, h=1100)]
            ),
        ],
    )


def b2c_ecommerce() -> Project:
    specs = (
        ("Deal seeker", "Compares prices across shops; buys when the deal is right"),
        ("Loyal regular", "Orders every few weeks from the shops they trust"),
        ("Gift buyer", "Shops a few times a year, for someone else, against a deadline"),
    )
    personas = [
        B2C.new_persona(name=name, color=OKABE_ITO[i], role=role) for i, (name, role) in enumerate(specs)
    ]
    journey = JourneyMap(
        title="Find it, buy it, keep it",
        persona_ids=[personas[0].id],
        scenario="An online purchase from the first search to the next order.",
        expectations="A fair price, delivery when promised and an easy return.",
        stages=[
            stage("Discover"),
            stage("Browse & compare"),
            stage("Buy"),
            stage("Delivery"),
            stage("Use & return"),
            stage("Repeat & recommend"),
        ],
        lanes=make_lanes(DEFAULT_LANES),
    )
    empathy = EmpathyMap(title=f"Empathy map: {personas[0].name}", persona_id=personas[0].id)
    cards = _cards(personas, B2C.card_sections)
    return _project(
        "B2C e-commerce: shoppers and purchase journey",
        "Three shopper personas, a purchase journey from discovery to repeat order, and an empathy "
        "map for the main shopper.",
        personas=personas,
        empathy_maps=[empathy],
        journeys=[journey],
        boards=[
            Board(
                name="Personas",
                elements=[
                    _title("Our shoppers"),
                    *cards,
                    EmpathyMapElement(map_id=empathy.id, x=40, y=560, w=900, h=700),
                ],
            ),
            Board(
                name="Journey", elements=[JourneyMapElement(map_id=journey.id, x=40, y=120, w=2200, h=1100)]
            ),
        ],
    )


def service_blueprint() -> Project:
    customer = B2C.new_persona(name="Customer", color=OKABE_ITO[0], role="Who goes through the service?")
    journey = JourneyMap(
        title="Service blueprint",
        persona_ids=[customer.id],
        scenario="One service from the customer's first request to the follow-up.",
        stages=[
            stage("Request"),
            stage("Booking"),
            stage("Arrival"),
            stage("Service"),
            stage("Payment"),
            stage("Follow-up"),
        ],
        lanes=make_lanes(
            [
                ("Physical evidence", LaneKind.TOUCHPOINTS),
                ("Customer actions", LaneKind.ACTIONS),
                ("Emotions", LaneKind.EMOTIONS),
                ("Frontstage (line of interaction)", LaneKind.FRONTSTAGE),
                ("Backstage (line of visibility)", LaneKind.BACKSTAGE),
                ("Support processes", LaneKind.SUPPORT_PROCESSES),
                ("Pain points", LaneKind.PAIN_POINTS),
                ("Opportunities", LaneKind.OPPORTUNITIES),
            ]
        ),
    )
    hint = NoteElement(
        x=2280,
        y=120,
        w=240,
        h=200,
        color=NoteColor.GREY,
        text="Frontstage is what the customer sees; backstage what staff do out of sight; support "
        "processes are the systems and partners behind both.",
    )
    return _project(
        "Service blueprint",
        "A journey laid out as a service blueprint: customer actions, frontstage, backstage and "
        "support processes, with the line of visibility.",
        personas=[customer],
        journeys=[journey],
        boards=[
            Board(
                name="Blueprint",
                elements=[
                    _title("Service blueprint"),
                    JourneyMapElement(map_id=journey.id, x=40, y=120, w=2200, h=1200),
                    hint,
                ],
            )
        ],
    )


def persona_workshop() -> Project:
    personas = [LEAN.new_persona(name=f"Proto-persona {i + 1}", color=OKABE_ITO[i]) for i in range(3)]
    empathy = EmpathyMap(
        title="Empathy map: Proto-persona 1",
        persona_id=personas[0].id,
        goal="What does this person want to get done?",
    )
    steps = (
        "1 · Sketch (10 min): give each proto-persona a name, a role and one line about them.",
        "2 · Map (20 min): fill the empathy map, one thought per sticky note.",
        "3 · Vote (5 min): three dots each on the notes we most need to check with real users.",
    )
    notes = [
        NoteElement(x=40 + i * 300, y=520, w=260, h=160, text=text, color=NoteColor.YELLOW, z=10 + i)
        for i, text in enumerate(steps)
    ]
    return _project(
        "Persona workshop",
        "Three empty proto-personas and an empathy map for a facilitated session: sketch, map, vote.",
        personas=personas,
        empathy_maps=[empathy],
        boards=[
            Board(
                name="Workshop",
                elements=[
                    _title("Persona workshop"),
                    *_cards(personas, LEAN.card_sections),
                    *notes,
                    EmpathyMapElement(map_id=empathy.id, x=1160, y=120, w=900, h=700),
                ],
            )
        ],
    )


PROJECT_TEMPLATES = {
    "blank": blank,
    "b2b-saas": b2b_saas,
    "b2c-ecommerce": b2c_ecommerce,
    "service-blueprint": service_blueprint,
    "persona-workshop": persona_workshop,
}


def build_templates() -> dict[str, Project]:
    """Every project template by name, with deterministic ids and checked integrity."""
    return {name: finish(make(), f"template/{name}") for name, make in PROJECT_TEMPLATES.items()}
