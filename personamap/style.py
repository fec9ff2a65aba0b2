"""The visual language in one place (docs/VISUAL.md), as plain data shared by the canvas and
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
NOTE_META = "#57606A"
"""Tags on a note: on every note fill at 4.5 : 1 or more."""
NOTE_VOTES = OKABE_ITO[4]
NOTE_EVIDENCE = OKABE_ITO[2]


class LaneLook(NamedTuple):
    """How a lane type shows itself: a tint hue (each theme has its own shade of it, see
    `Theme.lanes`), an icon name, a note colour."""

    hue: str
    icon: str = ""
    note: NoteColor = NoteColor.YELLOW
    dashed_top: bool = False

    @property
    def tint(self) -> str:
        """The header tint on paper (the print palette)."""
        return PRINT.lanes[self.hue][0]

    @property
    def wash(self) -> str:
        """The faint cell wash on paper (the print palette)."""
        return PRINT.lanes[self.hue][1]


_NEUTRAL = LaneLook("neutral")
LANE_LOOK: dict[LaneKind, LaneLook] = {
    LaneKind.ACTIONS: LaneLook("neutral", "action", NoteColor.YELLOW),
    LaneKind.TOUCHPOINTS: LaneLook("neutral", "touchpoint", NoteColor.BLUE),
    LaneKind.CHANNELS: LaneLook("neutral", "channel", NoteColor.BLUE),
    LaneKind.THOUGHTS: LaneLook("lilac", "thought", NoteColor.LILAC),
    LaneKind.EMOTIONS: LaneLook("plain", "emotion"),
    LaneKind.PAIN_POINTS: LaneLook("red", "warning", NoteColor.PINK),
    LaneKind.OPPORTUNITIES: LaneLook("green", "lightbulb", NoteColor.GREEN),
    LaneKind.GOALS: LaneLook("neutral", "goal", NoteColor.YELLOW),
    LaneKind.QUESTIONS: LaneLook("amber", "question", NoteColor.ORANGE),
    LaneKind.FRONTSTAGE: LaneLook("neutral", "frontstage", NoteColor.BLUE),
    LaneKind.BACKSTAGE: LaneLook("grey", "backstage", NoteColor.GREY, dashed_top=True),
    LaneKind.SUPPORT_PROCESSES: LaneLook("grey", "support", NoteColor.GREY, dashed_top=True),
    LaneKind.KPIS: LaneLook("blue", "kpi", NoteColor.BLUE),
    LaneKind.EVIDENCE: LaneLook("neutral", "evidence", NoteColor.GREY),
    LaneKind.OWNERS: LaneLook("neutral", "owner", NoteColor.GREY),
    LaneKind.OBJECTIONS: LaneLook("orange", "objection", NoteColor.ORANGE),
    LaneKind.VOTES: LaneLook("neutral", "vote", NoteColor.YELLOW),
    LaneKind.CUSTOM: _NEUTRAL,
}

PRIORITY_LABEL: dict[Priority, str] = {
    Priority.PRIMARY: "Primary",
    Priority.SECONDARY: "Secondary",
    Priority.NEGATIVE: "Negative",
}
NO_PERSONA = "#8C959F"
"""The avatar colour of an empathy map with no persona."""

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
    """Every colour of one theme, by role: the canvas, its items and the window chrome take
    their colours from here and nowhere else. Content colours (note fills, persona colours)
    are the same in every theme; text on them picks its ink with `ink_on`.

    Text stays at WCAG AA contrast (4.5 : 1) or more in every theme: text, muted_text and
    header_text on canvas, card, header, step_fill, chip and every lane tint and wash;
    negative on card, chip and negative_fill; future on card and chip. The tests in
    tests/gui/test_theme_contrast.py check these pairs and, on the sample, what is drawn."""

    name: str
    canvas: str
    grid_dot: str
    card: str
    card_border: str
    text: str
    muted_text: str
    selection: str
    header: str
    """Fill of stage headers, the title corner, badges and placeholder boxes."""
    header_text: str
    step_fill: str
    """Fill of step headers, a shade apart from the stage headers above them."""
    chip: str
    """Fill of small pills on a card (persona chips, the empathy map's name pill, handles)."""
    grid_line: str
    stage_line: str
    quadrant_line: str
    neutral_line: str
    """The dashed neutral line of an emotion plot, scale ticks and dashed lane tops."""
    plot_grid: str
    negative: str
    """Text and strokes that warn: a negative persona, "Missing persona", "Review due"."""
    negative_fill: str
    future: str
    """The "Future state" badge of a journey map."""
    icon: str
    idea: str
    """The lightbulb icon of an opportunities lane."""
    lanes: dict[str, tuple[str, str]]
    """Lane hue -> (header tint, cell wash); the empathy map's pains, gains and goal
    quadrants take the red, green and blue washes."""
    window: str
    """Chrome (the QPalette of docks, menus and forms)."""
    window_alt: str
    button: str
    shadow: str
    bevel: str
    disabled_text: str

    def lane(self, hue: str) -> tuple[str, str]:
        return self.lanes.get(hue, self.lanes["neutral"])

    def __hash__(self) -> int:  # `lanes` is a dict: a theme is known by its name
        return hash(self.name)


_LIGHT_LANES: dict[str, tuple[str, str]] = {
    "neutral": ("#EEF1F4", "#FFFFFF"),
    "plain": ("#FFFFFF", "#FFFFFF"),
    "lilac": ("#E6DBFF", "#F8F5FF"),
    "red": ("#FDE2E1", "#FFF6F5"),
    "green": ("#DDF5E3", "#F4FCF6"),
    "amber": ("#FFF1D6", "#FFFBF2"),
    "grey": ("#E4E7EB", "#F6F7F9"),
    "blue": ("#D4E8FF", "#F3F8FF"),
    "orange": ("#FFDDB5", "#FFF8F0"),
}
_DARK_LANES: dict[str, tuple[str, str]] = {
    "neutral": ("#2C3038", "#22252B"),
    "plain": ("#22252B", "#22252B"),
    "lilac": ("#332C4A", "#272536"),
    "red": ("#422628", "#2B2226"),
    "green": ("#1F3A2A", "#1F2A25"),
    "amber": ("#3D321C", "#2A2721"),
    "grey": ("#30343B", "#1E2126"),
    "blue": ("#1D3249", "#1F2732"),
    "orange": ("#42301F", "#2A2521"),
}

LIGHT = Theme(
    name="light",
    canvas="#F6F7F9",
    grid_dot="#D5DAE0",
    card="#FFFFFF",
    card_border="#D0D7DE",
    text="#1F2328",
    muted_text="#59636E",
    selection="#0072B2",
    header="#F0F2F5",
    header_text="#1F2328",
    step_fill="#F7F8FA",
    chip="#FFFFFF",
    grid_line="#E1E6EB",
    stage_line="#C9D1D9",
    quadrant_line="#D8DEE4",
    neutral_line="#8C959F",
    plot_grid="#E6EAEF",
    negative="#C62828",
    negative_fill="#FDE2E1",
    future="#00795A",
    icon="#57606A",
    idea="#B7791F",
    lanes=_LIGHT_LANES,
    window="#EFEFEF",
    window_alt="#F7F7F7",
    button="#EFEFEF",
    shadow="#9F9F9F",
    bevel="#FFFFFF",
    disabled_text="#8C959F",
)
DARK = Theme(
    name="dark",
    canvas="#16181D",
    grid_dot="#2B2F36",
    card="#22252B",
    card_border="#3A3F47",
    text="#E6E8EB",
    muted_text="#A7B0BA",
    selection="#56B4E9",
    header="#2A2E35",
    header_text="#E6E8EB",
    step_fill="#262A31",
    chip="#2A2E35",
    grid_line="#30353D",
    stage_line="#3F454E",
    quadrant_line="#3A3F47",
    neutral_line="#7D8690",
    plot_grid="#2E333A",
    negative="#FF8A80",
    negative_fill="#4A2628",
    future="#3DD6A5",
    icon="#A7B0BA",
    idea="#E3B341",
    lanes=_DARK_LANES,
    window="#1E2127",
    window_alt="#262A31",
    button="#2A2E35",
    shadow="#121418",
    bevel="#3A3F47",
    disabled_text="#6B737D",
)
PROJECTOR = LIGHT._replace(
    name="projector",
    canvas="#FFFFFF",
    grid_dot="#E4E7EB",
    card_border="#6E7781",
    text="#000000",
    muted_text="#2D333B",
    header="#E4E7EB",
    header_text="#000000",
    step_fill="#F0F2F5",
    stage_line="#6E7781",
    quadrant_line="#6E7781",
    neutral_line="#57606A",
    icon="#2D333B",
)
"""Workshop mode (also an editing theme): white canvas, black text, dark borders; the present
view's zoom keeps body text at PROJECTOR_BODY_PX or more, which also thickens every line."""
PRINT = LIGHT
"""Paper: the PDF poster and card sheets draw in the light theme's colours."""
NEGATIVE_RED = PRINT.negative
"""A negative persona's mark on paper and in the Library's rows (on a white badge)."""
PROJECTOR_BODY_PX = 24.0
PROJECTOR_MIN_TEXT_PX = 18.0
THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, PROJECTOR)}
SEVERITY_COLORS: dict[str, str] = {"error": "#D55E00", "warning": "#A66F00", "info": "#0072B2"}
"""A lint finding's mark in the Insights dock and on the PDF health page: Okabe–Ito vermillion,
amber darkened to hold white text, blue; the mark's shape says the severity too."""


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


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """WCAG 2.x relative luminance of "#RRGGBB" (0 black … 1 white)."""
    h = color.lstrip("#")[-6:]
    r, g, b = (_channel(int(h[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 … 21; AA asks 4.5 for body text."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_on(fill: str) -> str:
    """Black or white, whichever reads better on `fill` (initials on a persona colour)."""
    return "#FFFFFF" if contrast("#FFFFFF", fill) >= contrast("#000000", fill) else "#000000"


def persona_color(index: int) -> str:
    return OKABE_ITO[index % len(OKABE_ITO)]
