"""The personas of the bundled sample project (Ledgerly) and the research library they cite.
Used by `resources_sample.py`; run everything through `build_resources.py`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from resources_templates import NEGATIVE

from personamap.model import (
    Behaviour,
    BuyingRole,
    Channel,
    ChannelKind,
    Citation,
    Confidence,
    CustomSection,
    Demographics,
    EvidenceKind,
    Firmographics,
    Item,
    Lifecycle,
    Persona,
    PersonaStatus,
    Priority,
    Psychographics,
    Quote,
    Segment,
    Slider,
    Source,
    Story,
    ValueFigure,
    ValueKind,
)
from personamap.style import OKABE_ITO

WIKI = "https://wiki.ledgerly.example/research"

# --- research ----------------------------------------------------------------------------

STUDIES: dict[str, dict[str, Any]] = {
    "interviews": dict(
        kind=EvidenceKind.INTERVIEW,
        title="Finance-team interviews, spring 2026",
        sample_size=12,
        date=dt.date(2026, 4, 17),
        link=f"{WIKI}/2026-finance-interviews",
        note="60-minute remote interviews with controllers, finance managers and two CFOs at "
        "companies of 150–900 employees (DACH, Benelux, UK).",
        confidence=Confidence.REPORTED,
    ),
    "field": dict(
        kind=EvidenceKind.INTERVIEW,
        title="Field-employee interviews and ride-alongs",
        sample_size=9,
        date=dt.date(2026, 5, 6),
        link=f"{WIKI}/2026-field-interviews",
        note="Sales reps, service technicians and team leads who travel at least two days a week; "
        "ride-alongs with three of them.",
        confidence=Confidence.REPORTED,
    ),
    "survey": dict(
        kind=EvidenceKind.SURVEY,
        title="Spend-management survey 2026",
        sample_size=240,
        date=dt.date(2026, 3, 2),
        link=f"{WIKI}/2026-survey",
        note="Online survey of finance and operations staff at mid-size companies, recruited via a "
        "panel and two controller newsletters; 18 questions, 4 of them free text.",
        confidence=Confidence.REPORTED,
    ),
    "tickets": dict(
        kind=EvidenceKind.SUPPORT_TICKETS,
        title="Support tickets tagged 'reimbursement' or 'receipts', Q2 2026",
        sample_size=1180,
        date=dt.date(2026, 7, 3),
        link=f"{WIKI}/2026-q2-ticket-coding",
        note="1,180 tickets from 212 accounts, coded by the support team into 14 themes.",
        confidence=Confidence.OBSERVED,
    ),
    "crm": dict(
        kind=EvidenceKind.CRM,
        title="Win/loss notes, closed deals H1 2026",
        sample_size=38,
        date=dt.date(2026, 7, 15),
        link=f"{WIKI}/2026-h1-win-loss",
        note="Call summaries and sales notes of 38 closed deals (21 won, 17 lost), 120–950 employees.",
        confidence=Confidence.OBSERVED,
    ),
    "analytics": dict(
        kind=EvidenceKind.ANALYTICS,
        title="Product analytics: mobile receipt capture",
        sample_size=5400,
        date=dt.date(2026, 9, 30),
        link=f"{WIKI}/2026-09-mobile-capture-dashboard",
        note="Monthly active users of the mobile app in September 2026: capture time, submission "
        "batching and approval latency.",
        confidence=Confidence.OBSERVED,
    ),
    "usability": dict(
        kind=EvidenceKind.USABILITY_TEST,
        title="Receipt-capture usability test",
        sample_size=8,
        date=dt.date(2026, 6, 11),
        link=f"{WIKI}/2026-capture-usability",
        note="Moderated sessions on participants' own phones, in parked cars and cafés.",
        confidence=Confidence.OBSERVED,
    ),
    "security": dict(
        kind=EvidenceKind.SALES_NOTES,
        title="Security questionnaires and IT calls during evaluations",
        sample_size=21,
        date=dt.date(2026, 5, 28),
        link=f"{WIKI}/2026-security-reviews",
        note="21 questionnaires (SIG Lite and customer-specific) and the notes of the IT calls "
        "that came with them.",
        confidence=Confidence.OBSERVED,
    ),
    "it": dict(
        kind=EvidenceKind.INTERVIEW,
        title="IT and security lead interviews",
        sample_size=6,
        date=dt.date(2025, 12, 9),
        link=f"{WIKI}/2025-it-interviews",
        note="IT leads who approve new SaaS tools at customers and prospects.",
        confidence=Confidence.REPORTED,
    ),
    "churn": dict(
        kind=EvidenceKind.CRM,
        title="Churned self-serve sign-ups, Jan–May 2026",
        sample_size=64,
        date=dt.date(2026, 6, 20),
        link=f"{WIKI}/2026-self-serve-churn",
        note="Accounts with fewer than 5 users that cancelled within 90 days: cancellation reasons, "
        "ticket history and revenue.",
        confidence=Confidence.OBSERVED,
    ),
    "desk": dict(
        kind=EvidenceKind.DESK_RESEARCH,
        title="Market guides and competitor pricing pages",
        date=dt.date(2026, 2, 10),
        note="Analyst market guides on spend management, competitors' public pricing and the "
        "DATEV marketplace listings.",
        confidence=Confidence.INFERRED,
    ),
}

_OBSERVING = {
    EvidenceKind.ANALYTICS,
    EvidenceKind.SUPPORT_TICKETS,
    EvidenceKind.CRM,
    EvidenceKind.USABILITY_TEST,
    EvidenceKind.FIELD_STUDY,
    EvidenceKind.SALES_NOTES,
}

Spec = str | tuple[str, ...]
"""An entry: its text alone (an assumption), or (text, evidence key, …)."""


SOURCES: dict[str, Source] = {key: Source(**study) for key, study in STUDIES.items()}
"""The sample's research library: one source per study, cited by any persona, note or score."""


class Research:
    """The studies one persona rests on, and entries that cite them by study key."""

    def __init__(self, *keys: str) -> None:
        self.evidence = {key: SOURCES[key] for key in keys}

    def ids(self, *keys: str) -> list[str]:
        return [self.evidence[key].id for key in keys]

    def confidence(self, keys: tuple[str, ...]) -> Confidence:
        kinds = {self.evidence[key].kind for key in keys}
        if kinds & _OBSERVING:
            return Confidence.OBSERVED
        if kinds - {EvidenceKind.DESK_RESEARCH}:
            return Confidence.REPORTED
        return Confidence.INFERRED if kinds else Confidence.ASSUMPTION

    def item(self, spec: Spec) -> Item:
        text, *keys = (spec,) if isinstance(spec, str) else spec
        return Item(text=text, evidence_ids=self.ids(*keys), confidence=self.confidence(tuple(keys)))

    def items(self, *specs: Spec) -> list[Item]:
        return [self.item(spec) for spec in specs]

    def quote(self, text: str, source: str, *keys: str) -> Quote:
        return Quote(text=text, source=source, evidence_ids=self.ids(*keys))

    def cite(self, field: str, *keys: str) -> Citation:
        return Citation(field=field, evidence_ids=self.ids(*keys), confidence=self.confidence(keys))

    def slider(self, left: str, right: str, value: float, *keys: str) -> Slider:
        return Slider(left=left, right=right, value=value, evidence_ids=self.ids(*keys))

    def channel(self, name: str, kind: ChannelKind, note: str, *keys: str) -> Channel:
        return Channel(name=name, kind=kind, note=note, evidence_ids=self.ids(*keys))

    def figure(
        self, kind: ValueKind, label: str, value: float, unit: str, note: str, *keys: str
    ) -> ValueFigure:
        return ValueFigure(
            kind=kind, label=label, value=value, unit=unit, note=note, evidence_ids=self.ids(*keys)
        )


# --- personas ----------------------------------------------------------------------------


def priya() -> Persona:
    r = Research("interviews", "survey", "tickets", "crm")
    return Persona(
        name="Priya Raman",
        role="Finance Controller",
        tagline="The month-end firefighter",
        priority=Priority.PRIMARY,
        segment=Segment.B2B,
        color=OKABE_ITO[0],
        tags=["finance", "champion", "month-end close", "admin user"],
        quotes=[
            r.quote(
                "I spend the first four days of every month chasing receipts instead of analysing anything.",
                "Interview #4, finance controller, logistics wholesaler (420 employees)",
                "interviews",
            ),
            r.quote(
                "If it doesn't sync cleanly to DATEV, it's just one more place I have to reconcile.",
                "Interview #9, controller, machine-parts manufacturer",
                "interviews",
            ),
            r.quote(
                "Give me a policy I set once, so I can stop being the bad cop.",
                "Survey 2026, free-text answer to 'What would you change first?'",
                "survey",
            ),
        ],
        demographics=Demographics(
            age="34–45",
            gender="Any (58 % women among controllers in the survey)",
            location="Munich, Germany; hybrid, three office days a week",
            education="MSc Accounting & Finance; certified controller",
            income_band="€75k–95k",
            household="Lives with her partner and their seven-year-old son",
        ),
        firmographics=Firmographics(
            industry="Logistics and wholesale distribution",
            company_size="250–900 employees, €60–250m revenue",
            department="Finance & Accounting (team of six)",
            seniority="Head of / manager",
            reports_to="CFO",
            buying_role=BuyingRole.CHAMPION,
            budget_authority="Up to €15k a year without the CFO's signature",
        ),
        psychographics=Psychographics(
            sliders=[
                r.slider("Risk-averse", "Early adopter", 30, "survey"),
                r.slider("Keeps control", "Delegates", 25, "interviews"),
                r.slider("Spreadsheet habit", "Automation first", 70, "survey"),
                r.slider("Cost-focused", "Time-focused", 72, "interviews", "survey"),
            ],
            values=r.items(
                ("Accuracy first: a wrong number in the board pack is worse than a late one", "interviews"),
                ("Fairness: the same policy for the sales director and the intern", "interviews"),
                ("A predictable close calendar the whole company can plan around", "survey"),
            ),
            attitudes=r.items(
                ("Sceptical of tools that 'sit on top of' the ERP", "interviews", "crm"),
                ("Open to automation once she has seen the audit trail", "interviews"),
                "Believes finance should be a service to the business, not its police",
            ),
            interests=r.items("Process automation and Excel power-user forums", "Trail running in the Alps"),
            lifestyle="Protects her evenings and resents that close week is the exception. Plans "
            "holidays around quarter-end and keeps Fridays meeting-free.",
            brands=r.items("DATEV", "Microsoft Excel and Power Query", "Personio"),
        ),
        behaviour=Behaviour(
            habits=r.items(
                ("Blocks working days 1–3 in her calendar for 'receipt chasing'", "interviews"),
                (
                    "Exports three bank and card statements to Excel and matches them by hand",
                    "interviews",
                    "tickets",
                ),
                ("Keeps her own tracker of who still owes which receipt", "interviews"),
            ),
            devices=r.items(
                "Windows laptop with two monitors at the office",
                ("iPhone, used only to approve on the go", "survey"),
            ),
            tech_proficiency=4,
            usage_frequency="Daily during close week, two or three times a week otherwise",
            purchase_behaviour="Researches alone and builds a business case in hours saved. "
            "Brings in the CFO once she is down to two vendors; insists on a trial with one "
            "department before a company-wide rollout.",
            decision_criteria=r.items(
                ("Native DATEV (or ERP) sync with cost centres and VAT codes", "crm"),
                ("Complete audit trail, GoBD-compliant receipt archive", "interviews", "crm"),
                ("Measurable reduction of close days during the trial", "crm"),
                ("Under €10 per user and month", "survey"),
            ),
            engagement_level="High: power user and internal administrator",
        ),
        goals=r.items(
            ("Close the month in three working days instead of seven", "interviews", "survey"),
            ("Have every card line matched to a receipt before day one of the close", "interviews"),
            ("Enforce the spend policy without policing colleagues in person", "interviews"),
            ("Give the CFO a live view of committed spend by cost centre", "crm"),
        ),
        needs=r.items(
            ("Automatic receipt matching with a short list of real exceptions", "interviews", "tickets"),
            ("Export to DATEV with correct cost centres, VAT codes and attachments", "crm"),
            ("Approval chains that follow the org chart without manual upkeep", "interviews"),
            ("Reminders that employees actually act on", "tickets"),
        ),
        motivations=r.items(
            ("Be known as the person who modernised finance, not the one who nags", "interviews"),
            ("Win back time for forecasting and analysis", "survey"),
            ("Pass the next audit with no findings on expenses", "interviews"),
        ),
        frustrations=r.items(
            ("Receipts arrive weeks late, as photos of crumpled paper", "interviews", "tickets"),
            ("Shared company cards: nobody knows who bought what", "interviews"),
            ("Re-keying 300+ expense lines into DATEV every month", "interviews", "survey"),
            ("Approvers rubber-stamp reports without looking at them", "interviews"),
            ("The travel policy is a PDF from 2021 that nobody reads", "survey"),
        ),
        objections=r.items(
            ("Another tool means another login and another thing to reconcile", "crm"),
            ("Switching mid-year will break our cost-centre reporting", "crm"),
            ("Our sales team won't use an app consistently", "interviews"),
        ),
        expectations=r.items(
            ("A DATEV export that works in the trial, not a roadmap promise", "crm"),
            ("Hands-on help during the first close with the new tool", "crm"),
            ("Support in German during office hours", "survey"),
        ),
        channels=[
            r.channel(
                "Controller newsletters and association events",
                ChannelKind.INFORMATION_SOURCE,
                "Trusts practitioners over vendors.",
                "survey",
            ),
            r.channel(
                "LinkedIn finance groups",
                ChannelKind.SOCIAL_NETWORK,
                "Reads daily, comments rarely.",
                "survey",
            ),
            r.channel(
                "Peers at the regional controller meetup",
                ChannelKind.COMMUNITY,
                "Her first question to a vendor: 'Who else like us uses it?'",
                "interviews",
            ),
            r.channel(
                "Webinars with accounting-software partners",
                ChannelKind.CONTENT_FORMAT,
                "Watches recordings at 1.5× speed.",
                "interviews",
            ),
            r.channel(
                "Software review sites",
                ChannelKind.INFORMATION_SOURCE,
                "Uses them to build the shortlist, not to decide.",
                "crm",
            ),
        ],
        value_figures=[
            r.figure(
                ValueKind.LIFETIME_VALUE,
                "Three-year account value",
                42_000,
                "EUR",
                "Median of won accounts with 250–900 employees.",
                "crm",
            ),
            r.figure(
                ValueKind.ACQUISITION_COST,
                "Cost to win an account",
                7_800,
                "EUR",
                "Sales and marketing cost per won deal, H1 2026.",
                "crm",
            ),
            r.figure(
                ValueKind.CHURN_RISK,
                "Yearly churn",
                6,
                "%",
                "Low once the DATEV sync is live; most churn happens before it is.",
                "crm",
            ),
            r.figure(
                ValueKind.UPSELL_POTENTIAL,
                "Accounts adding physical cards in year one",
                35,
                "%",
                "Start with virtual cards for travel, then extend.",
                "crm",
            ),
        ],
        story=Story(
            bio="Priya moved from an audit firm into industry eight years ago and has led the "
            "six-person finance team of a logistics wholesaler for three. She built most of the "
            "close process herself, in Excel, and knows exactly where it leaks.",
            day_in_the_life="08:00 coffee and the bank feed. 09:00 stand-up with accounts payable. "
            "Mid-morning the inbox fills with 'please approve' e-mails and forwarded receipt photos. "
            "After lunch she matches card lines to receipts; at 16:00 she sends the sales team the "
            "week's third reminder. In close week she reconciles in Excel after her son is asleep.",
            scenario="After an audit note about missing receipts, Priya looks for a way to document "
            "every card payment at the moment it happens. She shortlists Ledgerly, runs a 30-day "
            "trial with the sales team and needs one clean DATEV export to convince her CFO.",
        ),
        custom_sections=[
            CustomSection(
                title="Her month-end close today",
                items=r.items(
                    (
                        "Day 1: download statements of three bank accounts and two card programmes",
                        "interviews",
                    ),
                    ("Days 2–3: chase missing receipts by e-mail and phone", "interviews"),
                    ("Day 4: key expense lines into DATEV", "interviews"),
                    ("Days 5–7: accruals, review and the board pack", "interviews"),
                ),
                body="From the checklist she shared in interview #4.",
            )
        ],
        citations=[
            r.cite("demographics.age", "survey"),
            r.cite("firmographics.company_size", "crm"),
            r.cite("firmographics.buying_role", "crm", "interviews"),
            r.cite("behaviour.tech_proficiency", "survey"),
            r.cite("story.day_in_the_life", "interviews"),
        ],
        lifecycle=Lifecycle(
            owner="Lena Brandt, Product Research",
            status=PersonaStatus.VALIDATED,
            version="3",
            created=dt.date(2025, 11, 12),
            last_reviewed=dt.date(2026, 9, 18),
        ),
    )


def marcus() -> Persona:
    r = Research("field", "usability", "analytics", "tickets", "survey")
    return Persona(
        name="Marcus Feld",
        role="Regional Sales Manager",
        tagline="The road warrior with a shoebox of receipts",
        priority=Priority.PRIMARY,
        segment=Segment.B2B,
        color=OKABE_ITO[1],
        tags=["field employee", "end user", "approver", "mobile"],
        quotes=[
            r.quote(
                "I'm on the road four days a week. Receipts end up in my jacket, my car, my hotel room.",
                "Field interview #2, sales manager, building supplies",
                "field",
            ),
            r.quote(
                "I lent the company €2,300 last quarter and waited six weeks to get it back.",
                "Field interview #7, key-account manager",
                "field",
            ),
            r.quote(
                "If it takes more than ten seconds a receipt, I'll do it on Sunday night. Or never.",
                "Usability test, participant 3",
                "usability",
            ),
        ],
        demographics=Demographics(
            age="29–45",
            gender="Any (64 % men among field staff in the survey)",
            location="Hamburg; covers northern Germany by car",
            education="Bachelor in business administration",
            income_band="€65k–85k plus commission",
            household="Married, two children at primary school",
        ),
        firmographics=Firmographics(
            industry="Building supplies, B2B distribution",
            company_size="250–900 employees",
            department="Sales (team of eight account managers)",
            seniority="Team lead",
            reports_to="Head of Sales",
            buying_role=BuyingRole.USER,
            budget_authority="Approves his team's expenses up to €1,000 per report",
        ),
        psychographics=Psychographics(
            sliders=[
                r.slider("Planner", "Spontaneous", 75, "field"),
                r.slider("Detail-oriented", "Big picture", 80, "field"),
                r.slider("Tech-hesitant", "Tech-savvy", 60, "usability"),
                r.slider("Rule-follower", "Rule-bender", 62, "field"),
            ],
            values=r.items(
                ("Time with customers is the only time that counts", "field"),
                ("Being trusted like an adult with a company card", "field"),
                "Standing up for his team",
            ),
            attitudes=r.items(
                ("Admin is a tax on selling", "field", "survey"),
                ("Adopts an app only if it saves time in the first week", "usability"),
            ),
            interests=r.items("Football (season ticket)", "Podcasts on long drives"),
            lifestyle="Lives in his car and on his phone. Evenings belong to the family; Sunday "
            "night is for the admin he put off all week.",
            brands=r.items("Apple", "Deutsche Bahn BahnCard", "Miles & More"),
        ),
        behaviour=Behaviour(
            habits=r.items(
                ("Collects paper receipts in the car's door pocket", "field"),
                ("Submits expenses once a month, in one batch", "analytics", "tickets"),
                ("Approves his team's reports on his phone between customer visits", "analytics"),
            ),
            devices=r.items(
                ("Company iPhone, always with him", "field"),
                ("Windows laptop, rarely opened on the road", "field"),
            ),
            tech_proficiency=3,
            usage_frequency="Two or three minutes a day once capture is in the app; today one monthly batch",
            purchase_behaviour="Has no software budget, but his complaints travel: the Head of Sales "
            "repeats them to finance and the CFO. Will trial anything his team lead recommends.",
            decision_criteria=r.items(
                ("Capture a receipt in under ten seconds", "usability"),
                ("Works offline in hotels and underground car parks", "field"),
                ("Money back within a week", "field", "tickets"),
            ),
            engagement_level="Low on admin; high on anything that pays him back faster",
        ),
        goals=r.items(
            ("Spend his time selling, not filing", "field"),
            ("Be reimbursed within a week, not six", "field", "tickets"),
            ("Stop lending the company money: have his own card", "field"),
            ("Approve his team's expenses in seconds", "analytics"),
        ),
        needs=r.items(
            ("Snap-and-forget receipt capture at the till", "usability"),
            ("Per diems and mileage calculated for him", "field"),
            ("The right category and cost centre without reading the policy", "tickets"),
            ("See the status of his reimbursement without asking finance", "tickets"),
        ),
        motivations=r.items(
            ("Cash back in his account", "field"),
            ("Not being named by finance in the team meeting", "field"),
            "Looking organised in front of his team",
        ),
        frustrations=r.items(
            ("Lost receipts mean paying out of his own pocket", "field", "tickets"),
            ("Reports bounce weeks later for a missing cost centre", "tickets"),
            ("Lays out €1,000+ a month for hotels and fuel", "field"),
            ("An Excel expense form that doesn't open on his phone", "field", "usability"),
        ),
        objections=r.items(
            ("Yet another app that IT forces on us", "field"),
            ("Tracking every coffee feels like being watched", "field", "survey"),
            "My customers don't care about our receipts",
        ),
        expectations=r.items(
            ("Works first time in a hotel with bad Wi-Fi", "usability"),
            ("A notification when the money is paid out", "tickets"),
            ("No training needed", "usability"),
        ),
        channels=[
            r.channel(
                "Team WhatsApp group",
                ChannelKind.DIRECT,
                "Where tips (and complaints) about tools spread.",
                "field",
            ),
            r.channel("LinkedIn", ChannelKind.SOCIAL_NETWORK, "Reads the feed, rarely posts.", "survey"),
            r.channel("Sales podcasts", ChannelKind.CONTENT_FORMAT, "Two hours a day in the car.", "field"),
            r.channel(
                "In-app messages and push notifications",
                ChannelKind.DIRECT,
                "The only product communication he reliably sees.",
                "analytics",
            ),
        ],
        value_figures=[
            r.figure(
                ValueKind.LIFETIME_VALUE,
                "Three-year revenue per seat",
                310,
                "EUR",
                "Seat price after volume discounts.",
                "analytics",
            ),
            r.figure(
                ValueKind.CHURN_RISK,
                "Seats inactive after 90 days",
                18,
                "%",
                "Inactive field users are the first thing finance notices at renewal.",
                "analytics",
            ),
            r.figure(
                ValueKind.UPSELL_POTENTIAL,
                "Accounts interested in travel booking",
                20,
                "%",
                "Asked for by field-heavy accounts.",
                "tickets",
            ),
        ],
        story=Story(
            bio="Marcus has sold building supplies for twelve years and leads a team of eight "
            "account managers in northern Germany. He joined his current employer in spring, "
            "bringing his best customers with him.",
            day_in_the_life="06:45 on the motorway. Three customer visits, lunch at a service "
            "station, calls in between. Receipts go into the door pocket. Back home at 19:00; the "
            "expense form waits for Sunday night, together with the team's reports to approve.",
            scenario="After his first trade fair at the new company he has €1,240 of hotel, fuel "
            "and a client dinner on his private card. He wants it back before his credit card bill "
            "is due, and has never seen the company's expense form.",
        ),
        custom_sections=[
            CustomSection(
                title="What would make him switch",
                items=r.items(
                    ("Colleagues in the team using it without complaint", "field"),
                    ("A first reimbursement in days, not weeks", "tickets"),
                ),
                body="He does not choose the tool, but he can sink it: an unused app is a failed rollout.",
            )
        ],
        citations=[
            r.cite("demographics.age", "survey"),
            r.cite("behaviour.usage_frequency", "analytics"),
            r.cite("behaviour.tech_proficiency", "usability"),
            r.cite("story.day_in_the_life", "field"),
        ],
        lifecycle=Lifecycle(
            owner="Lena Brandt, Product Research",
            status=PersonaStatus.VALIDATED,
            version="2",
            created=dt.date(2025, 11, 12),
            last_reviewed=dt.date(2026, 10, 2),
        ),
    )


def dana() -> Persona:
    r = Research("interviews", "crm", "survey", "desk")
    return Persona(
        name="Dana Whitfield",
        role="Chief Financial Officer",
        tagline="The pragmatic budget owner",
        priority=Priority.PRIMARY,
        segment=Segment.B2B,
        color=OKABE_ITO[2],
        tags=["economic buyer", "decision maker", "C-level"],
        quotes=[
            r.quote(
                "Show me the payback on one slide. If it's over a year, we're not talking.",
                "Discovery call, CFO of a 600-employee services group (CRM note)",
                "crm",
            ),
            r.quote(
                "I don't need to see every coffee. I need committed spend against budget on any Tuesday.",
                "Interview #11, CFO, distribution",
                "interviews",
            ),
        ],
        demographics=Demographics(
            age="45–58",
            gender="Any",
            location="Frankfurt; travels to subsidiaries in Poland and the Netherlands",
            education="MBA; chartered accountant (ACCA)",
            income_band="€180k+ plus bonus",
            household="Married, two teenagers",
        ),
        firmographics=Firmographics(
            industry="Mid-market services and distribution",
            company_size="300–1,000 employees, €80–300m revenue",
            department="Executive board, finance",
            seniority="C-level",
            reports_to="CEO and the advisory board",
            buying_role=BuyingRole.ECONOMIC_BUYER,
            budget_authority="Signs software contracts up to €100k a year",
        ),
        psychographics=Psychographics(
            sliders=[
                r.slider("Risk-averse", "Risk-taking", 40, "interviews"),
                r.slider("Hands-on", "Strategic", 82, "interviews"),
                r.slider("Cost control", "Growth enabler", 55, "crm"),
                r.slider("Gut feeling", "Data-driven", 85, "interviews", "crm"),
            ],
            values=r.items(
                ("Numbers she can defend in front of the board", "interviews"),
                ("Lean teams: tools before headcount", "crm"),
                "Loyalty to vendors who deliver what they promised",
            ),
            attitudes=r.items(
                ("Every new tool must retire an old one", "crm"),
                ("Trusts her controller's judgement on operations", "interviews"),
            ),
            interests=r.items("Sailing on the IJsselmeer", "Economic history"),
            lifestyle="Long weeks, strictly protected weekends. Reads board papers on the train.",
            brands=r.items("Financial Times", "NetSuite user groups", "Big Four CFO round tables"),
        ),
        behaviour=Behaviour(
            habits=r.items(
                ("Reviews a weekly cash and spend report every Monday at 8:00", "interviews"),
                ("Delegates vendor evaluation, keeps the final call", "crm"),
            ),
            devices=r.items("iPad for board papers", "Laptop for everything else"),
            tech_proficiency=3,
            usage_frequency="Weekly dashboards; approves exceptions above €5,000",
            purchase_behaviour="Joins late, after the shortlist. Decides on payback period, "
            "references from similar companies and the controller's recommendation; asks IT for "
            "a security sign-off before signing.",
            decision_criteria=r.items(
                ("Payback in under twelve months", "crm"),
                ("References from companies of similar size", "crm"),
                ("Total cost including card fees and FX margins", "crm", "desk"),
            ),
            engagement_level="Low in the product, high at renewal",
        ),
        goals=r.items(
            ("See committed spend against budget at any time, not after the close", "interviews"),
            ("Cut the cost of processing an expense report by half", "crm"),
            ("Scale the company without growing the finance team", "interviews", "survey"),
        ),
        needs=r.items(
            ("A one-page business case with payback period", "crm"),
            ("Real-time spend dashboard by cost centre and budget line", "interviews"),
            ("Confidence that audit and tax requirements are met", "interviews"),
        ),
        motivations=r.items(
            ("Fewer surprises in the monthly numbers", "interviews"),
            ("Visible efficiency wins to report to the board", "crm"),
            ("Keep good finance people by removing drudge work", "interviews"),
        ),
        frustrations=r.items(
            ("Spend is visible only four weeks after it happens", "interviews"),
            ("Card fees and FX margins buried in statements", "desk"),
            ("Tool sprawl: five systems touch one euro of spend", "crm"),
        ),
        objections=r.items(
            ("We just renewed the travel-booking contract", "crm"),
            ("What if the vendor disappears? Where does our archive go?", "crm"),
            ("Rollouts always take longer than the sales pitch says", "crm"),
        ),
        expectations=r.items(
            ("A fixed-price rollout with a named contact", "crm"),
            ("Data export at any time, in an open format", "crm"),
            ("Quarterly business review showing the savings", "crm"),
        ),
        channels=[
            r.channel(
                "CFO round tables and peer dinners",
                ChannelKind.EVENT,
                "Where she hears which tools peers actually use.",
                "interviews",
            ),
            r.channel("Financial press", ChannelKind.INFORMATION_SOURCE, "Daily, on the train.", "desk"),
            r.channel(
                "Her controller's recommendation", ChannelKind.DIRECT, "The strongest single signal.", "crm"
            ),
        ],
        value_figures=[
            r.figure(
                ValueKind.LIFETIME_VALUE,
                "Three-year account value",
                58_000,
                "EUR",
                "Accounts where the CFO sponsors the rollout grow faster.",
                "crm",
            ),
            r.figure(
                ValueKind.ACQUISITION_COST,
                "Cost to win when the CFO is involved early",
                11_200,
                "EUR",
                "Longer cycle, but higher win rate (62 %).",
                "crm",
            ),
            r.figure(
                ValueKind.MARKET_SHARE,
                "Share of DACH mid-market using a spend tool",
                23,
                "%",
                "Estimate from market guides; most still run on forms and e-mail.",
                "desk",
            ),
        ],
        story=Story(
            bio="Dana became CFO of a distribution group two years ago after a career in audit and "
            "group controlling. She has been asked by the board to prepare the company for an "
            "acquisition and wants finance processes that scale.",
            day_in_the_life="Mornings in leadership meetings, afternoons with bank and auditors. "
            "She reads the Monday spend report on the train and forwards questions to Priya.",
            scenario="Priya brings her a two-vendor shortlist and a trial report. Dana asks for the "
            "payback period, a reference customer in distribution and IT's security sign-off, then "
            "signs within two weeks.",
        ),
        custom_sections=[
            CustomSection(
                title="What goes on her one slide",
                items=r.items(
                    ("Hours saved in finance per month, in euros", "crm"),
                    ("Payback period", "crm"),
                    ("Risk: audit findings avoided", "interviews"),
                ),
            )
        ],
        citations=[
            r.cite("firmographics.budget_authority", "crm"),
            r.cite("firmographics.company_size", "crm"),
            r.cite("behaviour.purchase_behaviour", "crm", "interviews"),
        ],
        lifecycle=Lifecycle(
            owner="Jonas Weber, Product Marketing",
            status=PersonaStatus.VALIDATED,
            version="2",
            created=dt.date(2026, 1, 20),
            last_reviewed=dt.date(2026, 8, 27),
        ),
    )


def tomas() -> Persona:
    r = Research("it", "security", "crm", "desk")
    return Persona(
        name="Tomás Herrera",
        role="IT & Security Lead",
        tagline="The gatekeeper with a questionnaire",
        priority=Priority.SECONDARY,
        segment=Segment.B2B,
        color=OKABE_ITO[3],
        tags=["IT", "security review", "validator", "can block"],
        quotes=[
            r.quote(
                "Send me your SOC 2 report and your sub-processors before anybody signs anything.",
                "Procurement call, IT lead of a 700-employee manufacturer",
                "security",
            ),
            r.quote(
                "No SSO with Entra ID and no SCIM means no. I'm not offboarding 400 people by hand.",
                "IT interview #3",
                "it",
            ),
        ],
        demographics=Demographics(
            age="35–50",
            gender="Any",
            location="Stuttgart; works from the office, on call one week a month",
            education="Diploma in computer science; ISO 27001 lead implementer",
            income_band="€85k–110k",
            household="Single, shares a flat near the city centre",
        ),
        firmographics=Firmographics(
            industry="Manufacturing and distribution",
            company_size="300–1,000 employees",
            department="IT (team of five)",
            seniority="Head of / lead",
            reports_to="CFO (IT sits under finance in most mid-size accounts)",
            buying_role=BuyingRole.IT_SECURITY,
            budget_authority="None for business software, but a veto through the security review",
        ),
        psychographics=Psychographics(
            sliders=[
                r.slider("Risk-averse", "Risk-taking", 15, "it"),
                r.slider("Standardise", "Best of breed", 30, "it"),
                r.slider("Says no", "Says yes, if…", 45, "security"),
                r.slider("Builds", "Buys", 70, "it"),
            ],
            values=r.items(
                ("Fewer tools, all behind single sign-on", "it"),
                ("Documentation before promises", "security"),
            ),
            attitudes=r.items(
                ("Business departments buy SaaS first and ask IT later", "it"),
                ("A vendor's security page tells him more than the sales deck", "security"),
            ),
            interests=r.items("Home lab and self-hosting", "Bouldering"),
            lifestyle="Predictable days, unpredictable nights when something breaks.",
            brands=r.items("Microsoft Entra ID", "heise online"),
        ),
        behaviour=Behaviour(
            habits=r.items(
                ("Sends the same 120-question security questionnaire to every vendor", "security"),
                ("Checks the trust centre and sub-processor list before the first call", "security"),
            ),
            devices=r.items("Linux workstation", "Android phone with hardware security key"),
            tech_proficiency=5,
            usage_frequency="Monthly: user provisioning checks and audit-log exports",
            purchase_behaviour="Enters the deal at the security review, usually after the trial "
            "has started; can delay the signature by weeks.",
            decision_criteria=r.items(
                ("SSO (SAML or OIDC) and SCIM provisioning", "it", "security"),
                ("SOC 2 Type II or ISO 27001 certificate", "security"),
                ("EU data residency and a signed DPA", "security"),
            ),
            engagement_level="Low day to day; decisive at the security review",
        ),
        goals=r.items(
            ("Keep the number of unmanaged SaaS tools down", "it"),
            ("Offboard leavers from every system on their last day", "it"),
            ("Pass the ISO 27001 surveillance audit", "it"),
        ),
        needs=r.items(
            ("Complete security documentation up front", "security"),
            ("Role-based access and exportable audit logs", "security"),
            ("A technical contact who answers within a day", "security"),
        ),
        motivations=r.items(
            ("Not being the person who let a breach in", "it"),
            ("Being asked early instead of blamed late", "it"),
            ("Fewer tickets about lost passwords and leftover accounts", "it"),
        ),
        frustrations=r.items(
            ("Finance runs a 'trial' with real card data before he has seen the DPA", "security", "crm"),
            ("Vendors that answer questionnaires with marketing copy", "security"),
            ("Shadow IT he only learns about from the card statement", "it"),
        ),
        objections=r.items(
            ("Card data and receipts are personal data: where are they stored?", "security"),
            ("Who at the vendor can see our transactions?", "security"),
            ("We can't add another identity silo", "it"),
        ),
        expectations=r.items(
            ("A trust centre with certificates, pen-test summary and sub-processors", "security"),
            ("SCIM that works with Entra ID groups", "it"),
            ("Notification of incidents within 24 hours", "desk"),
        ),
        channels=[
            r.channel(
                "heise online and security mailing lists",
                ChannelKind.INFORMATION_SOURCE,
                "Daily reading.",
                "it",
            ),
            r.channel(
                "Vendor trust centres",
                ChannelKind.INFORMATION_SOURCE,
                "His first stop when a new tool appears.",
                "security",
            ),
            r.channel(
                "Regional IT leaders' meetup",
                ChannelKind.COMMUNITY,
                "Swaps questionnaires and vendor experiences.",
                "it",
            ),
        ],
        value_figures=[
            r.figure(
                ValueKind.OTHER,
                "Deals delayed by the security review",
                29,
                "%",
                "Median delay 19 days when documentation was requested after the trial.",
                "crm",
            ),
            r.figure(
                ValueKind.CHURN_RISK,
                "Lost deals citing security or SSO",
                12,
                "%",
                "2 of 17 lost deals in H1 2026.",
                "crm",
            ),
        ],
        story=Story(
            bio="Tomás runs a five-person IT team that looks after 900 accounts, three sites and a "
            "growing list of SaaS tools, and is preparing the company's first ISO 27001 audit.",
            day_in_the_life="Tickets in the morning, projects in the afternoon. Twice a month a "
            "department asks him to 'quickly approve' a tool they are already using.",
            scenario="Two weeks into Priya's trial, Tomás finds Ledgerly on the card statement. He "
            "sends his questionnaire; the deal waits until SSO, SCIM and the DPA are confirmed.",
        ),
        custom_sections=[
            CustomSection(
                title="His security checklist",
                items=r.items(
                    ("SSO and SCIM", "security"),
                    ("SOC 2 Type II or ISO 27001", "security"),
                    ("EU hosting, DPA, sub-processor list", "security"),
                    ("Audit-log export", "security"),
                ),
            )
        ],
        citations=[
            r.cite("firmographics.reports_to", "crm"),
            r.cite("behaviour.tech_proficiency", "it"),
        ],
        lifecycle=Lifecycle(
            owner="Jonas Weber, Product Marketing",
            status=PersonaStatus.VALIDATED,
            version="1",
            created=dt.date(2025, 9, 3),
            last_reviewed=dt.date(2026, 1, 14),
        ),
    )


def jamie() -> Persona:
    r = Research("churn", "tickets", "analytics")
    return Persona(
        name="Jamie Cole",
        role="Freelance brand designer",
        tagline="The solo freelancer who wants a personal budgeting app",
        priority=Priority.NEGATIVE,
        segment=Segment.B2C,
        color=OKABE_ITO[4],
        tags=["not our customer", "self-serve", "churn"],
        quotes=[
            r.quote(
                "I just want to see what I spent on the business and what was mine, and do my tax return.",
                "Cancellation survey, self-serve account",
                "churn",
            ),
            r.quote(
                "Why do I need approval workflows? It's only me.",
                "Support ticket during the trial",
                "tickets",
            ),
        ],
        demographics=Demographics(
            age="25–38",
            gender="Any",
            location="Berlin; works from home and co-working spaces",
            education="Degree in communication design",
            income_band="€35k–55k, irregular",
            household="Lives alone",
        ),
        firmographics=Firmographics(
            industry="Creative services",
            company_size="1 (sole trader)",
            department="Everything",
            seniority="Owner",
            reports_to="Nobody",
            buying_role=BuyingRole.DECISION_MAKER,
            budget_authority="Own money, paid monthly by credit card",
        ),
        psychographics=Psychographics(
            sliders=[
                r.slider("Price-driven", "Quality-driven", 20, "churn"),
                r.slider("Planner", "Impulsive", 70),
                r.slider("Tries many tools", "Sticks with one", 15, "analytics"),
                r.slider("Private and business mixed", "Kept apart", 25, "tickets"),
            ],
            values=r.items("Independence", "Simple tools that look good"),
            attitudes=r.items(("Software should be cheap or free", "churn")),
            interests=r.items("Typography", "Cycling"),
            lifestyle="Irregular hours; admin happens in bursts before tax deadlines.",
            brands=r.items("Notion", "Revolut"),
        ),
        behaviour=Behaviour(
            habits=r.items(
                ("Signs up for free trials and cancels within a month", "churn", "analytics"),
                ("Does bookkeeping once a quarter", "churn"),
            ),
            devices=r.items("MacBook", "iPhone"),
            tech_proficiency=4,
            usage_frequency="A few sessions in the first week, then none",
            purchase_behaviour="Self-serve only; compares monthly prices and cancels at the first invoice.",
            decision_criteria=r.items(("Price under €10 a month", "churn"), "Bank-account sync"),
            engagement_level="High during the trial, then gone",
        ),
        goals=r.items(
            ("Separate business and private spending", "churn"),
            ("Send clients tidy invoices that look professional", "tickets"),
            ("File the yearly tax return with less stress", "churn"),
        ),
        needs=r.items(
            ("Bookkeeping and tax categories", "tickets"),
            ("Invoicing for clients", "tickets"),
            ("A price for one person", "churn"),
        ),
        motivations=r.items(
            ("Less admin before tax deadlines", "churn"),
            ("Fear of getting the tax return wrong", "churn"),
            "Curiosity: likes trying new tools",
        ),
        frustrations=r.items(
            ("Minimum of five seats", "churn"),
            ("Business and private purchases mixed on one card", "churn"),
            ("Approval chains and cost centres she will never use", "tickets"),
        ),
        objections=r.items(
            ("Too expensive for one person", "churn"),
            ("Another monthly subscription to keep track of", "churn"),
            ("Too complicated: built for finance teams", "churn", "tickets"),
        ),
        expectations=r.items(
            ("Free plan or a very cheap monthly price", "churn"),
            "Cancel in one click",
            ("Chat support at weekends", "tickets"),
        ),
        channels=[
            r.channel(
                "Instagram and design newsletters",
                ChannelKind.SOCIAL_NETWORK,
                "Where she found us through a misplaced ad.",
                "analytics",
            ),
        ],
        value_figures=[
            r.figure(
                ValueKind.LIFETIME_VALUE,
                "Revenue before cancelling",
                38,
                "EUR",
                "Median of churned single-user accounts.",
                "churn",
            ),
            r.figure(
                ValueKind.ACQUISITION_COST,
                "Paid-social cost per sign-up",
                54,
                "EUR",
                "More than she ever pays us.",
                "analytics",
            ),
            r.figure(ValueKind.CHURN_RISK, "Cancel within 90 days", 81, "%", "", "churn"),
        ],
        story=Story(
            bio="Jamie has freelanced for six years, mostly for start-ups. She manages money with a "
            "banking app and a spreadsheet and looks for something 'a bit more professional' every "
            "spring, before the tax deadline.",
            day_in_the_life="Client work from ten to seven, admin squeezed in between. Receipts "
            "live in an e-mail folder called 'Steuer'.",
            scenario="Jamie clicks an ad, starts a trial, finds approval workflows and a five-seat "
            "minimum, opens two support tickets and cancels before the first invoice.",
        ),
        custom_sections=[
            CustomSection(
                title=NEGATIVE.custom_sections[0],
                items=r.items(
                    ("She needs bookkeeping and tax features we will not build", "tickets"),
                    ("Support cost per account is three times that of a team account", "churn", "tickets"),
                    ("Ads that attract her waste budget: exclude freelancer audiences", "analytics"),
                ),
                body="Designing onboarding for Jamie would make Ledgerly worse for Priya and Marcus.",
            )
        ],
        citations=[r.cite("firmographics.company_size", "churn")],
        lifecycle=Lifecycle(
            owner="Lena Brandt, Product Research",
            status=PersonaStatus.DRAFT,
            version="1",
            created=dt.date(2026, 7, 8),
        ),
    )
