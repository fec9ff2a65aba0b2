"""Freshness and grounding of personas: when a persona is due for review, how much of it
rests on evidence, and which of the project's sources it cites."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator, Sequence

from pydantic import BaseModel

from .entries import list_entries
from .persona import Citation, Demographics, Firmographics, Persona, Story
from .research import Source


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clipped to the month's end (31 Aug + 6 -> 28/29 Feb).

    Total: a result beyond the calendar (year 1 or 9999) is clipped to its first or last day,
    so no date, however odd, can make a review computation raise."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(persona: Persona, review_period_months: int) -> dt.date | None:
    """The explicit due date, else the last review (or creation) plus the review period."""
    life = persona.lifecycle
    if life.review_due is not None:
        return life.review_due
    start = life.last_reviewed or life.created
    return add_months(start, review_period_months) if start else None


def is_overdue(persona: Persona, review_period_months: int, today: dt.date) -> bool:
    due = review_due(persona, review_period_months)
    return due is not None and due < today


CITABLE_FIELDS: tuple[str, ...] = (
    "role",
    *(f"demographics.{name}" for name in Demographics.model_fields),
    *(f"firmographics.{name}" for name in Firmographics.model_fields),
    "psychographics.lifestyle",
    "behaviour.tech_proficiency",
    "behaviour.usage_frequency",
    "behaviour.purchase_behaviour",
    "behaviour.engagement_level",
    *(f"story.{name}" for name in Story.model_fields),
)
"""The single-valued fields a persona cites evidence for through a `Citation` (the persona
form gives each a sources button)."""


def _field_value(persona: Persona, dotted: str) -> object:
    node: object = persona
    for part in dotted.split("."):
        node = getattr(node, part)
    return node


def _citing_entries(node: BaseModel) -> Iterator[BaseModel]:
    """Every list entry below `node` that cites evidence itself: items of every list (goals,
    values, habits, custom sections…), quotes, channels, value figures, sliders."""
    for _name, entry in list_entries(node):
        if not isinstance(entry, Citation) and "evidence_ids" in type(entry).model_fields:
            yield entry


def evidence_counts(persona: Persona) -> tuple[int, int]:
    """(cited, citable): the persona's entries and filled-in single fields that could cite a
    source, and how many of them do. A single field counts once it holds a value or cites."""
    entries = list(_citing_entries(persona))
    cited_fields = {c.field for c in persona.citations if c.evidence_ids}
    filled = {f for f in CITABLE_FIELDS if _field_value(persona, f) not in ("", None)}
    cited = sum(1 for e in entries if getattr(e, "evidence_ids", None)) + len(cited_fields)
    return cited, len(entries) + len(filled | cited_fields)


def evidence_coverage(persona: Persona) -> float:
    """Share (0..1) of everything citable in the persona (see `evidence_counts`) that cites at
    least one source; 0 for a persona with nothing filled in."""
    cited, citable = evidence_counts(persona)
    return cited / citable if citable else 0.0


def cited_source_ids(persona: Persona) -> set[str]:
    """Every source id cited anywhere in the persona: entries, quotes and field citations."""
    out = {ref for c in persona.citations for ref in c.evidence_ids}
    for entry in _citing_entries(persona):
        out.update(getattr(entry, "evidence_ids", ()))
    return out


def cited_sources(persona: Persona, sources: Sequence[Source]) -> list[Source]:
    """The library's sources this persona cites, in library order."""
    ids = cited_source_ids(persona)
    return [s for s in sources if s.id in ids]
