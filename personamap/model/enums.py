"""The closed vocabularies of the domain (docs/DOMAIN.md), as string enums stored by value."""

from enum import StrEnum


class Priority(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"
    NEGATIVE = "negative"


class Segment(StrEnum):
    B2C = "b2c"
    B2B = "b2b"


class BuyingRole(StrEnum):
    DECISION_MAKER = "decision_maker"
    ECONOMIC_BUYER = "economic_buyer"
    CHAMPION = "champion"
    INFLUENCER = "influencer"
    USER = "user"
    VALIDATOR = "validator"
    BLOCKER = "blocker"
    PROCUREMENT = "procurement"
    IT_SECURITY = "it_security"


class PersonaStatus(StrEnum):
    DRAFT = "draft"
    VALIDATED = "validated"
    RETIRED = "retired"


class EvidenceKind(StrEnum):
    INTERVIEW = "interview"
    SURVEY = "survey"
    ANALYTICS = "analytics"
    SUPPORT_TICKETS = "support_tickets"
    SALES_NOTES = "sales_notes"
    CRM = "crm"
    USABILITY_TEST = "usability_test"
    FIELD_STUDY = "field_study"
    DESK_RESEARCH = "desk_research"
    OTHER = "other"


class Confidence(StrEnum):
    OBSERVED = "observed"
    REPORTED = "reported"
    INFERRED = "inferred"
    ASSUMPTION = "assumption"


class ValueKind(StrEnum):
    LIFETIME_VALUE = "lifetime_value"
    ACQUISITION_COST = "acquisition_cost"
    CHURN_RISK = "churn_risk"
    UPSELL_POTENTIAL = "upsell_potential"
    MARKET_SHARE = "market_share"
    OTHER = "other"


class ChannelKind(StrEnum):
    INFORMATION_SOURCE = "information_source"
    SOCIAL_NETWORK = "social_network"
    CONTENT_FORMAT = "content_format"
    COMMUNITY = "community"
    EVENT = "event"
    DIRECT = "direct"
    OTHER = "other"


class RelationKind(StrEnum):
    INFLUENCES = "influences"
    REPORTS_TO = "reports_to"
    APPROVES = "approves"
    BLOCKS = "blocks"
    CHAMPIONS = "champions"
    COLLABORATES = "collaborates"
    INFORMS = "informs"
    BUYS_FOR = "buys_for"


class Quadrant(StrEnum):
    SAYS = "says"
    THINKS = "thinks"
    DOES = "does"
    FEELS = "feels"
    PAINS = "pains"
    GAINS = "gains"
    GOAL = "goal"
    SEES = "sees"
    HEARS = "hears"


class LaneKind(StrEnum):
    ACTIONS = "actions"
    TOUCHPOINTS = "touchpoints"
    CHANNELS = "channels"
    THOUGHTS = "thoughts"
    EMOTIONS = "emotions"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    GOALS = "goals"
    QUESTIONS = "questions"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT_PROCESSES = "support_processes"
    KPIS = "kpis"
    EVIDENCE = "evidence"
    OWNERS = "owners"
    OBJECTIONS = "objections"
    VOTES = "votes"
    CUSTOM = "custom"


class JourneyState(StrEnum):
    CURRENT = "current"
    FUTURE = "future"


class NoteColor(StrEnum):
    YELLOW = "yellow"
    PINK = "pink"
    GREEN = "green"
    BLUE = "blue"
    ORANGE = "orange"
    LILAC = "lilac"
    GREY = "grey"


class CardLayout(StrEnum):
    COMPACT = "compact"
    STANDARD = "standard"
    FULL = "full"
