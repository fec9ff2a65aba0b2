"""The bundled sample project: Ledgerly, a (fictional) spend-management product for mid-size
companies. Five personas forming a buying committee (resources_personas.py), two empathy maps,
two journey maps and three boards. Run through `build_resources.py`; never edit
resources/sample.personamap by hand.
"""

from __future__ import annotations

import datetime as dt

from resources_common import (
    CARD_H,
    CARD_W,
    QUADRANT_NOTE_COLOR,
    JourneyBuilder,
    connector,
    finish,
    make_lanes,
    stage,
)
from resources_personas import SOURCES, Spec, dana, jamie, marcus, priya, tomas
from resources_templates import B2B, NEGATIVE

from personamap.model import (
    Board,
    EmotionScale,
    EmpathyMap,
    EmpathyMapElement,
    EmpathyNote,
    JourneyMap,
    JourneyMapElement,
    JourneyState,
    LaneKind,
    NoteColor,
    NoteElement,
    Persona,
    PersonaCard,
    Priority,
    Project,
    Quadrant,
    Relation,
    RelationKind,
    TextElement,
)
from personamap.model.layout import ApproxMeasure, layout_journey

CREATED = dt.datetime(2025, 11, 12, 9, 0, tzinfo=dt.UTC)
MODIFIED = dt.datetime(2026, 10, 30, 16, 45, tzinfo=dt.UTC)
WORKSHOP = "Journey workshop 2026-10-14"


# --- empathy maps ------------------------------------------------------------------------


def empathy_map(title: str, persona: Persona, goal: str, notes: dict[Quadrant, list[Spec]]) -> EmpathyMap:
    out = []
    for quadrant, specs in notes.items():
        for spec in specs:
            text, *keys = (spec,) if isinstance(spec, str) else spec
            out.append(
                EmpathyNote(
                    quadrant=quadrant,
                    text=text,
                    color=QUADRANT_NOTE_COLOR[quadrant],
                    evidence_ids=[SOURCES[k].id for k in keys],
                )
            )
    return EmpathyMap(title=title, persona_id=persona.id, goal=goal, notes=out)


def priya_empathy(p: Persona) -> EmpathyMap:
    return empathy_map(
        "Priya Raman: month-end close",
        p,
        "Close the books on time without chasing anyone",
        {
            Quadrant.SAYS: [
                ("'Please upload your receipts by Friday.' (third reminder this week)", "interviews"),
                ("'I can't sign off a board pack with 40 unmatched lines.'", "interviews"),
                ("'We tried a tool before; the export never worked.'", "crm"),
            ],
            Quadrant.THINKS: [
                "Sales thinks finance is the problem.",
                ("If the auditors pull expenses this year, we're exposed.", "interviews"),
                ("A tool is only worth it if it ends the re-keying.", "interviews"),
            ],
            Quadrant.DOES: [
                ("Keeps her own tracker of who owes which receipt", "interviews"),
                ("Re-keys card statements into DATEV line by line", "interviews", "survey"),
                ("Blocks days 1–3 of each month for chasing", "interviews"),
                ("Reads software reviews in the evening", "crm"),
            ],
            Quadrant.FEELS: [
                ("Worn down by being the 'receipt police'", "interviews"),
                ("Anxious in the weeks before an audit", "interviews"),
                "Proud of the close process she built, and protective of it",
            ],
            Quadrant.PAINS: [
                ("A seven-day close", "survey"),
                ("Lost receipts written off as non-deductible", "tickets"),
                ("No live view of committed spend", "interviews"),
            ],
            Quadrant.GAINS: [
                ("A three-day close", "interviews"),
                ("Time for forecasting", "survey"),
                "Credit with the CFO as the one who fixed expenses",
                ("A clean audit trail", "interviews"),
            ],
        },
    )


def marcus_empathy(p: Persona) -> EmpathyMap:
    return empathy_map(
        "Marcus Feld: expenses on the road",
        p,
        "Never pay for the company out of his own pocket again",
        {
            Quadrant.SAYS: [
                ("'I'll do my expenses on Sunday.'", "field"),
                ("'Why does finance need the names of everyone at dinner?'", "tickets"),
                ("'Can't I just have a company card?'", "field"),
            ],
            Quadrant.THINKS: [
                ("Admin is time I'm not selling.", "field"),
                ("Finance doesn't trust us.", "field"),
                ("If I lose this receipt, it's my money gone.", "usability"),
            ],
            Quadrant.DOES: [
                ("Photographs receipts on the car's dashboard", "usability"),
                ("Submits one big report at the end of the month", "analytics"),
                ("Approves team reports on his phone without opening attachments", "analytics"),
                ("Pays hotels with his private credit card", "field"),
            ],
            Quadrant.FEELS: [
                ("Annoyed when a report bounces weeks later", "tickets"),
                ("Embarrassed when finance names him in the team meeting", "field"),
                "Relieved when the money finally arrives",
            ],
            Quadrant.PAINS: [
                ("€1,000+ a month out of his own pocket", "field"),
                ("Six weeks until he is reimbursed", "tickets"),
                ("Lost receipts", "field", "tickets"),
                ("An Excel form that doesn't work on a phone", "usability"),
            ],
            Quadrant.GAINS: [
                ("Snap a receipt and forget it", "usability"),
                ("Paid back within a week", "field"),
                ("His own card with a clear limit", "field"),
            ],
        },
    )


# --- journeys ----------------------------------------------------------------------------

JOURNEY_LANES = [
    ("Actions", LaneKind.ACTIONS),
    ("Touchpoints", LaneKind.TOUCHPOINTS),
    ("Channels", LaneKind.CHANNELS),
    ("Thoughts", LaneKind.THOUGHTS),
    ("Emotions", LaneKind.EMOTIONS),
    ("Pain points", LaneKind.PAIN_POINTS),
    ("Opportunities", LaneKind.OPPORTUNITIES),
]


def first_expense_report(marcus: Persona, priya: Persona) -> JourneyMap:
    journey = JourneyMap(
        title="Get my first expense report approved and paid",
        persona_ids=[marcus.id, priya.id],
        scenario="Marcus's first month at a company that still uses an Excel form and e-mail "
        "approvals: a three-day trip to customers in Bremen and Hannover, a client dinner, hotel "
        "and fuel, all paid with his private card.",
        expectations="Submit once, in minutes, and have the money back within a week.",
        state=JourneyState.CURRENT,
        owner="Lena Brandt",
        version="2",
        stages=[
            stage(
                "Travel & spend",
                "Book hotel & fuel",
                "Client dinner",
                description="Three days on the road with his private card.",
            ),
            stage("Collect receipts"),
            stage("Fill in the report"),
            stage("Submit"),
            stage(
                "Approval",
                "Manager approval",
                "Finance check",
                "Query & resubmit",
                description="Two approvers, then a question from accounts payable.",
            ),
            stage("Reimbursement"),
        ],
        lanes=make_lanes([*JOURNEY_LANES, ("Backstage (finance)", LaneKind.BACKSTAGE)]),
    )
    tickets = SOURCES["tickets"].id
    field = SOURCES["field"].id
    fin = SOURCES["interviews"].id
    usability = SOURCES["usability"].id
    j = JourneyBuilder(journey, WORKSHOP)
    A, T, C, TH, E, PP, OP, B = (
        LaneKind.ACTIONS,
        LaneKind.TOUCHPOINTS,
        LaneKind.CHANNELS,
        LaneKind.THOUGHTS,
        LaneKind.EMOTIONS,
        LaneKind.PAIN_POINTS,
        LaneKind.OPPORTUNITIES,
        LaneKind.BACKSTAGE,
    )
    # Actions
    j.note(A, "Book hotel & fuel", "Books two hotel nights online; pays hotel and fuel with his private Visa")
    j.note(A, "Client dinner", "Pays €186 for dinner with three customers", evidence=[field])
    j.note(A, "Collect receipts", "Stuffs paper receipts into the car door; photographs a few")
    j.note(
        A, "Fill in the report", "Downloads the Excel form from the intranet; types 14 lines on Sunday night"
    )
    j.note(A, "Submit", "E-mails the form and 11 photos to his manager")
    j.note(A, "Manager approval", "Manager replies 'approved' from his phone")
    j.note(
        A,
        "Query & resubmit",
        "Digs out the dinner guests' names from his calendar and re-sends the whole form",
    )
    j.note(A, "Reimbursement", "Checks his bank account every few days")
    # Touchpoints
    j.note(T, "Travel & spend", "Hotel booking site, fuel station, restaurant card terminal")
    j.note(T, "Collect receipts", "Paper receipts, phone camera")
    j.note(T, "Fill in the report", "Excel expense form v7 (2019), travel policy PDF")
    j.note(T, "Submit", "Outlook e-mail to his manager, copy to accounts payable")
    j.note(T, "Approval", "E-mail thread with manager and the AP clerk")
    j.note(T, "Reimbursement", "Bank statement; a line on the payslip")
    # Channels
    j.note(C, "Travel & spend", "In person, card terminal")
    j.note(C, "Fill in the report", "Intranet download")
    j.note(C, "Submit", "E-mail")
    j.note(C, "Approval", "E-mail and one phone call")
    j.note(C, "Reimbursement", "Online banking, payroll")
    # Thoughts
    j.note(TH, "Travel & spend", '"I\'ll sort the receipts out later."')
    j.note(TH, "Collect receipts", '"Where did the parking receipt go?"')
    j.note(TH, "Fill in the report", '"Which cost centre am I on? What counts as hospitality?"')
    j.note(TH, "Submit", '"Done. I hope."')
    j.note(
        TH, "Query & resubmit", '"Three weeks later they want to know who was at dinner?!"', evidence=[field]
    )
    j.note(TH, "Reimbursement", '"Six weeks for my own money. Next time I\'m not paying."', evidence=[field])
    # Emotions: the deliberate gap in Priya's curve, explained
    j.note(
        E,
        "Collect receipts",
        "No score for Priya here: finance doesn't see anything yet. Gap left on purpose.",
        color=NoteColor.GREY,
    )
    # Pain points
    j.note(PP, "Travel & spend", "€1,240 on his private card in his first week", evidence=[field])
    j.note(PP, "Collect receipts", "2 of 14 receipts lost: €63 he will never see again", evidence=[tickets])
    j.note(
        PP,
        "Fill in the report",
        "No guidance on categories or per diems; 40 minutes for 14 lines",
        evidence=[usability],
    )
    j.note(PP, "Finance check", "AP clerk re-keys every line into DATEV", evidence=[fin])
    j.note(
        PP,
        "Query & resubmit",
        "Report bounced for missing attendee names; no way to fix one line",
        evidence=[tickets],
        tags=["moment of truth"],
    )
    j.note(
        PP, "Reimbursement", "Paid only with the monthly payroll run: 36 days on average", evidence=[tickets]
    )
    # Opportunities
    j.note(OP, "Travel & spend", "Virtual card on day one, with a per-trip limit", votes=5, tags=["roadmap"])
    j.note(
        OP,
        "Collect receipts",
        "Capture the receipt at the till; match it to the card line automatically",
        votes=7,
        tags=["quick win"],
    )
    j.note(
        OP, "Fill in the report", "Pre-fill category, VAT and cost centre from card data and policy", votes=3
    )
    j.note(OP, "Submit", "One-tap submit with a policy check before sending", votes=2)
    j.note(OP, "Manager approval", "Approve in the app, with policy flags highlighted", votes=2)
    j.note(
        OP,
        "Query & resubmit",
        "Ask for attendee names at capture time, not three weeks later",
        votes=6,
        tags=["quick win"],
    )
    j.note(OP, "Reimbursement", "Weekly SEPA payouts and a push notification when paid", votes=4)
    # Backstage
    j.note(B, "Fill in the report", "Travel policy PDF last updated in 2021")
    j.note(B, "Finance check", "AP clerk matches 300+ lines a month by hand", evidence=[fin])
    j.note(B, "Manager approval", "Approval e-mails are saved as PDF for the auditors")
    j.note(B, "Reimbursement", "Payroll adds reimbursements to next month's salary run")
    j.scores(
        marcus.id,
        {
            "Book hotel & fuel": 1,
            "Client dinner": (1, "Good dinner, a deal in sight"),
            "Collect receipts": 0,
            "Fill in the report": (-1, "Sunday night with the Excel form"),
            "Submit": 0,
            "Manager approval": 1,
            "Finance check": 0,
            "Query & resubmit": (-2, "Moment of truth: the report bounces after three weeks", [tickets]),
            "Reimbursement": (-1, "Paid, but 36 days later"),
        },
    )
    j.scores(
        priya.id,
        {
            "Book hotel & fuel": (0, "Doesn't know the spend exists yet"),
            "Client dinner": 0,
            # "Collect receipts": a deliberate gap (see the note in the Emotions lane)
            "Fill in the report": 0,
            "Submit": (-1, "Another e-mailed spreadsheet"),
            "Manager approval": 0,
            "Finance check": (-2, "Re-keys 14 lines; two receipts missing", [fin]),
            "Query & resubmit": -1,
            "Reimbursement": 0,
        },
    )
    return journey


def month_end_close(priya: Persona, dana: Persona) -> JourneyMap:
    journey = JourneyMap(
        title="Close the month in three days",
        persona_ids=[priya.id, dana.id],
        scenario="Month-end close at a 420-employee logistics wholesaler six months after rolling "
        "out Ledgerly cards and the DATEV sync.",
        expectations="Every card line has a receipt and a cost centre before the month ends; the "
        "CFO sees committed spend without waiting for the close.",
        state=JourneyState.FUTURE,
        owner="Lena Brandt",
        version="1",
        stages=[
            stage("Month runs", "Card spend", "Out-of-policy request"),
            stage("Receipts & matching"),
            stage("Approvals"),
            stage("Close", "Review exceptions", "Sync to DATEV"),
            stage("Report to CFO"),
            stage("Improve policy"),
        ],
        lanes=make_lanes(
            [
                *JOURNEY_LANES,
                ("Backstage (Ledgerly)", LaneKind.BACKSTAGE),
                ("KPIs", LaneKind.KPIS),
            ]
        ),
    )
    crm = SOURCES["crm"].id
    fin = SOURCES["interviews"].id
    survey = SOURCES["survey"].id
    cfo = SOURCES["interviews"].id
    j = JourneyBuilder(journey, WORKSHOP)
    A, T, C, TH, PP, OP, B, K = (
        LaneKind.ACTIONS,
        LaneKind.TOUCHPOINTS,
        LaneKind.CHANNELS,
        LaneKind.THOUGHTS,
        LaneKind.PAIN_POINTS,
        LaneKind.OPPORTUNITIES,
        LaneKind.BACKSTAGE,
        LaneKind.KPIS,
    )
    # Actions
    j.note(A, "Card spend", "Employees pay with Ledgerly cards; limits per team and merchant category")
    j.note(A, "Out-of-policy request", "Marcus asks for a one-off €2,000 limit for a trade fair")
    j.note(A, "Receipts & matching", "Priya checks the live 'missing receipts' list once a day: five minutes")
    j.note(A, "Approvals", "Approves the few flagged items; the rest pass automatically under policy")
    j.note(A, "Review exceptions", "Works through 12 exceptions instead of 300 lines")
    j.note(A, "Sync to DATEV", "Clicks 'Sync to DATEV' and checks the batch report")
    j.note(A, "Report to CFO", "Sends Dana a link to the live spend dashboard")
    j.note(A, "Improve policy", "Raises the Munich hotel cap after repeated exceptions")
    # Touchpoints
    j.note(T, "Month runs", "Ledgerly card; limit request in the mobile app")
    j.note(T, "Receipts & matching", "Matching inbox in the web app")
    j.note(T, "Approvals", "Approval queue, web and mobile")
    j.note(T, "Close", "Exceptions view; DATEV connector")
    j.note(T, "Report to CFO", "Spend dashboard; board-pack export (PDF)")
    j.note(T, "Improve policy", "Policy editor")
    # Channels
    j.note(C, "Month runs", "Card terminal, mobile app")
    j.note(C, "Receipts & matching", "Web app; push reminders to employees")
    j.note(C, "Approvals", "Push notification, Slack message")
    j.note(C, "Close", "Web app, DATEV Unternehmen online")
    j.note(C, "Report to CFO", "Shared dashboard link, e-mail")
    # Thoughts
    j.note(TH, "Out-of-policy request", '"Fine: the request came with a reason and an end date."')
    j.note(TH, "Receipts & matching", '"Seven receipts missing on the 28th, and I didn\'t chase anyone."')
    j.note(TH, "Approvals", '"I only look at what\'s unusual."')
    j.note(
        TH,
        "Sync to DATEV",
        '"Will the batch match our cost centres this time?"',
        evidence=[fin],
        tags=["moment of truth"],
    )
    j.note(
        TH, "Report to CFO", '"For once Dana asks about trends, not about missing numbers."', evidence=[cfo]
    )
    j.note(TH, "Improve policy", '"The data shows me where the policy is unrealistic."')
    # Pain points (what remains in the future state)
    j.note(PP, "Out-of-policy request", "Urgent limit requests at weekends still need a person")
    j.note(PP, "Receipts & matching", "Paper invoices from small suppliers still arrive by post")
    j.note(PP, "Sync to DATEV", "Cost-centre mapping breaks when the org chart changes", evidence=[crm])
    j.note(PP, "Report to CFO", "Dashboard and DATEV disagree until the sync has run")
    # Opportunities
    j.note(OP, "Out-of-policy request", "Auto-approve temporary limits for pre-approved events", votes=3)
    j.note(OP, "Receipts & matching", "An e-mail-in address for supplier invoices, with OCR", votes=4)
    j.note(OP, "Approvals", "Approve in Slack, with the policy context shown", votes=2)
    j.note(OP, "Sync to DATEV", "Sync cost centres nightly from the HR system", votes=6, tags=["roadmap"])
    j.note(
        OP,
        "Report to CFO",
        "A Monday e-mail to the CFO: committed spend against budget",
        votes=5,
        evidence=[cfo],
    )
    j.note(OP, "Improve policy", "Suggest policy changes from patterns in the exceptions", votes=1)
    # Backstage
    j.note(B, "Card spend", "Real-time authorisation checks merchant category and team limit")
    j.note(B, "Receipts & matching", "OCR matches amount, date and merchant to the card line")
    j.note(B, "Sync to DATEV", "Connector posts booking batches with VAT codes through the DATEV API")
    j.note(B, "Report to CFO", "Nightly aggregation by cost centre and budget line")
    # KPIs
    j.note(
        K, "Receipts & matching", "Receipts matched before month end: 97 % (today 61 %)", evidence=[survey]
    )
    j.note(K, "Approvals", "Median approval time: under 4 hours (today 6 days)")
    j.note(K, "Close", "Days to close: 3 (today 7)", evidence=[survey])
    j.note(K, "Report to CFO", "Finance hours on expenses a month: 12 (today 70)", evidence=[crm])
    j.note(K, "Improve policy", "Out-of-policy spend: under 2 % of volume")
    j.scores(
        priya.id,
        {
            "Card spend": 1,
            "Out-of-policy request": 0,
            "Receipts & matching": (1, "No chasing"),
            "Approvals": (2, "Only exceptions reach her"),
            "Review exceptions": 1,
            "Sync to DATEV": (-1, "Moment of truth: will the first sync balance?"),
            "Report to CFO": (2, "The CFO asks about trends"),
            "Improve policy": 1,
        },
    )
    return journey


# --- boards ------------------------------------------------------------------------------


def personas_board(personas: dict[str, Persona], relations: list[Relation]) -> Board:
    layout = {
        "dana": (400, 120),
        "marcus": (40, 600),
        "priya": (400, 600),
        "tomas": (760, 600),
        "jamie": (1240, 600),
    }
    cards = {}
    for z, (key, (x, y)) in enumerate(layout.items(), start=1):
        persona = personas[key]
        sections = NEGATIVE.card_sections if persona.priority is Priority.NEGATIVE else B2B.card_sections
        cards[persona.id] = PersonaCard(
            persona_id=persona.id, x=x, y=y, w=CARD_W, h=CARD_H, z=z, sections=list(sections)
        )
    links = [connector(cards[r.source_id], cards[r.target_id], r) for r in relations]
    return Board(
        name="Personas",
        elements=[
            TextElement(
                x=40,
                y=24,
                w=1480,
                h=48,
                text="Ledgerly: who buys, who uses, who we don't build for",
                size=28,
                bold=True,
            ),
            *cards.values(),
            *links,
            NoteElement(
                x=1240,
                y=200,
                w=280,
                h=200,
                z=10,
                color=NoteColor.PINK,
                text="Negative persona: solo freelancers cancel within 90 days and cost three times the "
                "support of a team account. Don't design onboarding for them.",
                tags=["negative persona"],
            ),
            NoteElement(
                x=40,
                y=1000,
                w=680,
                h=120,
                z=11,
                color=NoteColor.GREY,
                text="Buying committee: Priya champions, Dana signs, Tomás can block at the security "
                "review, Marcus's complaints start it all.",
            ),
        ],
    )


def journeys_board(journeys: list[JourneyMap]) -> Board:
    current, future = journeys
    stickies = [
        (NoteColor.PINK, "Moment of truth: the report that bounces in week three. Fix this first."),
        (
            NoteColor.GREEN,
            "Hypothesis: weekly SEPA payouts halve reimbursement tickets. Test with three "
            "pilot customers in Q1.",
        ),
        (
            NoteColor.YELLOW,
            "Open question: how does finance feel while receipts are collected? No data "
            "yet: see the gap in Priya's curve.",
        ),
        (NoteColor.GREY, "Workshop 14 Oct 2026: dots on the opportunities are the team's votes."),
    ]
    # Stack the maps by their laid-out size (the canvas sizes a map to its content), with room
    # to spare for the canvas's real fonts being a little wider than the estimate.
    first, second = (layout_journey(j, EmotionScale(), ApproxMeasure()) for j in (current, future))
    second_y = round(120 + first.height * 1.1 + 160)
    sizes = [(round(m.width), round(m.height)) for m in (first, second)]
    notes_x = round(40 + max(first.width, second.width) * 1.1 + 120)
    return Board(
        name="Journeys",
        elements=[
            TextElement(
                x=40,
                y=24,
                w=1600,
                h=48,
                text="From the first expense report to a three-day close",
                size=28,
                bold=True,
            ),
            JourneyMapElement(map_id=current.id, x=40, y=120, w=sizes[0][0], h=sizes[0][1], z=1),
            JourneyMapElement(map_id=future.id, x=40, y=second_y, w=sizes[1][0], h=sizes[1][1], z=2),
            *[
                NoteElement(x=notes_x, y=120 + i * 240, w=240, h=200, z=10 + i, color=color, text=text)
                for i, (color, text) in enumerate(stickies)
            ],
        ],
    )


def empathy_board(maps: list[EmpathyMap]) -> Board:
    return Board(
        name="Empathy",
        elements=[
            TextElement(
                x=40,
                y=24,
                w=1200,
                h=48,
                text="What Priya and Marcus say, think, do and feel",
                size=28,
                bold=True,
            ),
            *[
                EmpathyMapElement(map_id=m.id, x=40 + i * 980, y=120, w=900, h=700, z=i + 1)
                for i, m in enumerate(maps)
            ],
        ],
    )


# --- the project -------------------------------------------------------------------------


def build_sample() -> Project:
    """The Ledgerly sample project, with deterministic ids and checked integrity."""
    personas = {"priya": priya(), "marcus": marcus(), "dana": dana(), "tomas": tomas(), "jamie": jamie()}
    P = personas
    relations = [
        Relation(
            source_id=P["priya"].id,
            target_id=P["dana"].id,
            kind=RelationKind.CHAMPIONS,
            note="Builds the business case and brings the shortlist",
        ),
        Relation(
            source_id=P["priya"].id,
            target_id=P["marcus"].id,
            kind=RelationKind.APPROVES,
            note="Finance approves his expense reports",
        ),
        Relation(
            source_id=P["marcus"].id,
            target_id=P["dana"].id,
            kind=RelationKind.INFLUENCES,
            note="Sales leadership escalates reimbursement delays to the CFO",
        ),
        Relation(
            source_id=P["tomas"].id,
            target_id=P["priya"].id,
            kind=RelationKind.BLOCKS,
            note="The security review can stop the trial: SSO, SOC 2, EU hosting",
        ),
        Relation(
            source_id=P["tomas"].id,
            target_id=P["dana"].id,
            kind=RelationKind.REPORTS_TO,
            note="IT sits under finance in most mid-size accounts",
        ),
    ]
    empathy = [priya_empathy(P["priya"]), marcus_empathy(P["marcus"])]
    journeys = [first_expense_report(P["marcus"], P["priya"]), month_end_close(P["priya"], P["dana"])]
    project = Project(
        title="Ledgerly: spend management for mid-size companies",
        description="Sample project. Personas, empathy maps and journey maps for Ledgerly, a "
        "fictional spend-management product (company cards, receipt capture, approvals and "
        "accounting sync) for companies with 100–1,000 employees. Built on the spring 2026 "
        "research round; the names and companies are invented.",
        created=CREATED,
        modified=MODIFIED,
        personas=list(personas.values()),
        relations=relations,
        sources=list(SOURCES.values()),
        empathy_maps=empathy,
        journeys=journeys,
        boards=[personas_board(personas, relations), journeys_board(journeys), empathy_board(empathy)],
    )
    return finish(project, "sample")
