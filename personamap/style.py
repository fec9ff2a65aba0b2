"""The visual language in one place (design/VISUAL.md), as plain data shared by the canvas and
the PDF exporter, so that a colour or a size is never typed twice. No Qt here."""

from __future__ import annotations

from typing import NamedTuple

from .model.enums import LaneKind, NoteColor, Priority

OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#CC79A7",  # purple
    "#D55E00",  # vermillion
    "#56B4E9",  # sky
    "#F0E442",  # yellow
    "#000000",  # black
)
"""Persona and curve colours, colour-blind-safe, in the order personas receive them."""

NOTE_FILL: dict[NoteColor, str] = {
    NoteColor.YELLOW: "#FFF1A8",
    NoteColor.PINK: "#FFD6E0",
    NoteColor.GREEN: "#CDEFC8",
    NoteColor.BLUE: "#D4E8FF",
    NoteColor.ORANGE: "#FFDDB5",
    NoteColor.LILAC: "#E6DBFF",
    NoteColor.GREY: "#ECEEF1",
}
NOTE_TEXT = "#1F2328"


class LaneLook(NamedTuple):
    """How a lane type shows itself: a header tint, a faint cell wash, an icon name, a note colour."""

    tint: str
    wash: str
    icon: str = ""
    note: NoteColor = NoteColor.YELLOW
    dashed_top: bool = False


_NEUTRAL = LaneLook("#EEF1F4", "#FFFFFF")
LANE_LOOK: dict[LaneKind, LaneLook] = {
    LaneKind.ACTIONS: LaneLook("#EEF1F4", "#FFFFFF", "action", NoteColor.YELLOW),
    LaneKind.TOUCHPOINTS: LaneLook("#EEF1F4", "#FFFFFF", "touchpoint", NoteColor.BLUE),
    LaneKind.CHANNELS: LaneLook("#EEF1F4", "#FFFFFF", "channel", NoteColor.BLUE),
    LaneKind.THOUGHTS: LaneLook("#E6DBFF", "#F8F5FF", "thought", NoteColor.LILAC),
    LaneKind.EMOTIONS: LaneLook("#FFFFFF", "#FFFFFF", "emotion"),
    LaneKind.PAIN_POINTS: LaneLook("#FDE2E1", "#FFF6F5", "warning", NoteColor.PINK),
    LaneKind.OPPORTUNITIES: LaneLook("#DDF5E3", "#F4FCF6", "lightbulb", NoteColor.GREEN),
    LaneKind.GOALS: LaneLook("#EEF1F4", "#FFFFFF", "goal", NoteColor.YELLOW),
    LaneKind.QUESTIONS: LaneLook("#FFF1D6", "#FFFBF2", "question", NoteColor.ORANGE),
    LaneKind.FRONTSTAGE: LaneLook("#EEF1F4", "#FFFFFF", "frontstage", NoteColor.BLUE),
    LaneKind.BACKSTAGE: LaneLook("#E4E7EB", "#F6F7F9", "backstage", NoteColor.GREY, dashed_top=True),
    LaneKind.SUPPORT_PROCESSES: LaneLook("#E4E7EB", "#F6F7F9", "support", NoteColor.GREY, dashed_top=True),
    LaneKind.KPIS: LaneLook("#D4E8FF", "#F3F8FF", "kpi", NoteColor.BLUE),
    LaneKind.EVIDENCE: LaneLook("#EEF1F4", "#FFFFFF", "evidence", NoteColor.GREY),
    LaneKind.OWNERS: LaneLook("#EEF1F4", "#FFFFFF", "owner", NoteColor.GREY),
    LaneKind.OBJECTIONS: LaneLook("#FFDDB5", "#FFF8F0", "objection", NoteColor.ORANGE),
    LaneKind.VOTES: LaneLook("#EEF1F4", "#FFFFFF", "vote", NoteColor.YELLOW),
    LaneKind.CUSTOM: _NEUTRAL,
}

PRIORITY_LABEL: dict[Priority, str] = {
    Priority.PRIMARY: "Primary",
    Priority.SECONDARY: "Secondary",
    Priority.NEGATIVE: "Negative",
}
NEGATIVE_RED = "#C62828"

RELATION_LABEL: dict[str, str] = {
    "influences": "influences",
    "reports_to": "reports to",
    "approves": "approves",
    "blocks": "blocks",
    "champions": "champions",
    "collaborates": "collaborates with",
    "informs": "informs",
    "buys_for": "buys for",
}
"""How a relation reads on a connector, on screen and on paper ("Priya champions Dana")."""


class Theme(NamedTuple):
    """Chrome colours of one theme; content colours (notes, personas) stay the same."""

    name: str
    canvas: str
    grid_dot: str
    card: str
    card_border: str
    text: str
    muted_text: str
    selection: str = "#0072B2"
    header: str = "#F0F2F5"


LIGHT = Theme("light", "#F6F7F9", "#D5DAE0", "#FFFFFF", "#D0D7DE", "#1F2328", "#59636E")
DARK = Theme("dark", "#16181D", "#2B2F36", "#22252B", "#3A3F47", "#E6E8EB", "#9AA3AD", "#56B4E9", "#2A2E35")
PROJECTOR = Theme(
    "projector", "#FFFFFF", "#E4E7EB", "#FFFFFF", "#6E7781", "#000000", "#2D333B", "#0072B2", "#E4E7EB"
)
"""Workshop mode (also an editing theme): white canvas, black text, dark borders; the present
view's zoom keeps body text at PROJECTOR_BODY_PX or more, which also thickens every line."""
PROJECTOR_BODY_PX = 24.0
PROJECTOR_MIN_TEXT_PX = 18.0
THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, PROJECTOR)}


class TypeScale(NamedTuple):
    """Screen pixels at 100 % zoom; posters scale the same ratios with the page."""

    caption: float = 11
    body: float = 13
    card_title: float = 15
    section: float = 20
    board_title: float = 28


TYPE = TypeScale()
GRID = 8
CORNER_RADIUS = 8
CONTENT_FONT_FAMILIES: tuple[str, ...] = ("Noto Sans", "DejaVu Sans")


def persona_color(index: int) -> str:
    return OKABE_ITO[index % len(OKABE_ITO)]
