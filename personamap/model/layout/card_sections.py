"""What a persona card says: its initials, its badges and the content of each named section.

Section names are the persona's field paths ("goals", "psychographics.sliders", "story.bio"…),
as a `PersonaCard` stores them; unknown names show nothing. Labels mirror `personamap.style`
(kept here so the model never imports the style module; a test keeps them in step).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from enum import Enum
from typing import NamedTuple

from ..enums import BuyingRole, Priority, Segment, ValueKind
from ..lifecycle import cited_sources
from ..persona import LIST_SECTIONS, Item, Persona
from ..research import Source

PRIORITY_LABELS = {
    Priority.PRIMARY: "Primary",
    Priority.SECONDARY: "Secondary",
    Priority.NEGATIVE: "Negative",
}
SEGMENT_LABELS = {Segment.B2C: "B2C", Segment.B2B: "B2B"}
BUYING_ROLE_LABELS = {
    BuyingRole.DECISION_MAKER: "Decision maker",
    BuyingRole.ECONOMIC_BUYER: "Economic buyer",
    BuyingRole.CHAMPION: "Champion",
    BuyingRole.INFLUENCER: "Influencer",
    BuyingRole.USER: "User",
    BuyingRole.VALIDATOR: "Validator",
    BuyingRole.BLOCKER: "Blocker",
    BuyingRole.PROCUREMENT: "Procurement",
    BuyingRole.IT_SECURITY: "IT / security",
}


class CardItem(NamedTuple):
    """One line item of a block; `value` (0..100) marks a slider, `caption` a small grey line."""

    text: str
    value: float | None = None
    caption: bool = False


class SectionContent(NamedTuple):
    key: str
    title: str
    kind: str
    """"list" (bulleted items), "text" (one paragraph) or "sliders"."""
    items: tuple[CardItem, ...]


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _items(items: list[Item]) -> tuple[CardItem, ...]:
    return tuple(CardItem(i.text) for i in items if i.text.strip())


def _pairs(pairs: list[tuple[str, str]]) -> tuple[CardItem, ...]:
    return tuple(CardItem(f"{label}: {value}") for label, value in pairs if value)


def _figure(kind: ValueKind, label: str, value: float | None, unit: str) -> str:
    name = label or _label(kind.value)
    return name if value is None else f"{name}: {value:g} {unit}".rstrip()


def _demographics(p: Persona) -> tuple[CardItem, ...]:
    d = p.demographics
    return _pairs(
        [
            ("Age", d.age),
            ("Gender", d.gender),
            ("Location", d.location),
            ("Education", d.education),
            ("Income", d.income_band),
            ("Household", d.household),
        ]
    )


def _firmographics(p: Persona) -> tuple[CardItem, ...]:
    f = p.firmographics
    role = BUYING_ROLE_LABELS[f.buying_role] if f.buying_role else ""
    return _pairs(
        [
            ("Industry", f.industry),
            ("Company size", f.company_size),
            ("Department", f.department),
            ("Seniority", f.seniority),
            ("Reports to", f.reports_to),
            ("Buying role", role),
            ("Budget", f.budget_authority),
        ]
    )


_SPECIAL: dict[str, tuple[str, str, Callable[[Persona], tuple[CardItem, ...]]]] = {
    "demographics": ("Demographics", "list", _demographics),
    "firmographics": ("Firmographics", "list", _firmographics),
    "psychographics.sliders": (
        "Personality",
        "sliders",
        lambda p: tuple(CardItem(f"{s.left} – {s.right}", value=s.value) for s in p.psychographics.sliders),
    ),
    "channels": (
        "Channels",
        "list",
        lambda p: tuple(CardItem(c.name or _label(c.kind.value)) for c in p.channels),
    ),
    "value_figures": (
        "Value figures",
        "list",
        lambda p: tuple(CardItem(_figure(v.kind, v.label, v.value, v.unit)) for v in p.value_figures),
    ),
    "tags": ("Tags", "text", lambda p: (CardItem(" · ".join(p.tags)),) if p.tags else ()),
    "quotes": (
        "Quotes",
        "list",
        lambda p: tuple(
            CardItem(f"“{q.text}”" + (f" — {q.source}" if q.source else "")) for q in p.quotes if q.text
        ),
    ),
    "behaviour.tech_proficiency": (
        "Tech proficiency",
        "text",
        lambda p: (CardItem(f"{p.behaviour.tech_proficiency} / 5"),) if p.behaviour.tech_proficiency else (),
    ),
}
_TITLES = {
    "story.day_in_the_life": "A day in the life",
    "behaviour.decision_criteria": "Decision criteria",
    "behaviour.engagement_level": "Engagement",
}

FULL_SECTIONS: tuple[str, ...] = (
    "tagline",
    "demographics",
    "firmographics",
    *LIST_SECTIONS,
    "psychographics.sliders",
    "psychographics.values",
    "psychographics.attitudes",
    "psychographics.interests",
    "psychographics.lifestyle",
    "psychographics.brands",
    "behaviour.habits",
    "behaviour.devices",
    "behaviour.tech_proficiency",
    "behaviour.usage_frequency",
    "behaviour.purchase_behaviour",
    "behaviour.decision_criteria",
    "behaviour.engagement_level",
    "channels",
    "value_figures",
    "story.bio",
    "story.day_in_the_life",
    "story.scenario",
    "custom_sections",
    "quotes",
    "evidence",
    "tags",
)
"""Everything a full card shows (when not empty), in this order."""


def source_label(source: Source) -> str:
    """How a source reads in a list: its title, else its kind."""
    return source.title or _label(source.kind.value)


def section_content(persona: Persona, key: str, sources: Sequence[Source] = ()) -> list[SectionContent]:
    """The blocks one section name stands for: usually one; "custom_sections" gives one per
    custom section; "evidence" lists the `sources` (the project's library) the persona cites;
    an unknown name or a path to no list or text gives none."""
    if key == "evidence":
        items = tuple(CardItem(source_label(s)) for s in cited_sources(persona, sources))
        return [SectionContent(key, "Sources", "list", items)]
    if key in _SPECIAL:
        title, kind, get = _SPECIAL[key]
        return [SectionContent(key, title, kind, get(persona))]
    if key == "custom_sections":
        out = []
        for cs in persona.custom_sections:
            items = _items(cs.items) or ((CardItem(cs.body),) if cs.body else ())
            out.append(SectionContent(key, cs.title or "Notes", "list" if cs.items else "text", items))
        return out
    value: object = persona
    for part in key.split("."):
        value = getattr(value, part, None)
    title = _TITLES.get(key, _label(key.rsplit(".", 1)[-1]))
    if isinstance(value, Enum):  # a choice reads as its label, never as its stored value
        shown = (
            BUYING_ROLE_LABELS.get(value, _label(value.value))
            if isinstance(value, BuyingRole)
            else _label(value.value)
        )
        return [SectionContent(key, title, "text", (CardItem(shown),))]
    if isinstance(value, str):
        return [SectionContent(key, title, "text", (CardItem(value),) if value.strip() else ())]
    if isinstance(value, list) and all(isinstance(v, Item) for v in value):
        return [SectionContent(key, title, "list", _items(value))]
    return []


def badge_labels(persona: Persona) -> list[str]:
    """Priority, segment and (if set) buying role, as the card's badges read."""
    labels = [PRIORITY_LABELS[persona.priority], SEGMENT_LABELS[persona.segment]]
    if persona.firmographics.buying_role is not None:
        labels.append(BUYING_ROLE_LABELS[persona.firmographics.buying_role])
    return labels


def _joins(ch: str) -> bool:
    """Whether a code point belongs to the cluster before it (marks, emoji modifiers, ZWJ…)."""
    cp = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or 0xFE00 <= cp <= 0xFE0F
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
        or cp == 0x200D
    )


def _cluster(text: str, start: int) -> str:
    """The user-perceived character at `start`: a base with its marks, a ZWJ emoji sequence
    or a flag (two regional indicators)."""
    end = start + 1
    if 0x1F1E6 <= ord(text[start]) <= 0x1F1FF and end < len(text) and 0x1F1E6 <= ord(text[end]) <= 0x1F1FF:
        return text[start : end + 1]
    while end < len(text) and _joins(text[end]):
        end += 2 if text[end] == "\u200d" and end + 1 < len(text) else 1
    return text[start:end]


def _first_letter(word: str) -> str | None:
    for k, ch in enumerate(word):
        if unicodedata.category(ch)[0] in "LN":
            cluster = _cluster(word, k)
            upper = cluster.upper()
            return upper if len(upper) == len(cluster) else cluster
    return None


def initials(name: str) -> str:
    """What the photo circle shows without a photo: first letters of the first and last words
    ("Ada Lovelace" → "AL"), one for a one-word name ("Madonna" → "M", "王小明" → "王"), or the
    first emoji of a name made of no letters ("🦊" → "🦊"); "?" for a blank name."""
    letters = [c for c in (_first_letter(w) for w in name.split()) if c]
    if len(letters) >= 2:
        return letters[0] + letters[-1]
    if letters:
        return letters[0]
    stripped = name.strip()
    return _cluster(stripped, 0) if stripped else "?"
