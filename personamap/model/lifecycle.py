"""Freshness and grounding of personas: when a persona is due for review, and how much of it
rests on evidence."""

from __future__ import annotations

import calendar
import datetime as dt

from .persona import LIST_SECTIONS, Persona


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


def evidence_coverage(persona: Persona) -> float:
    """Share (0..1) of the persona's list entries and quotes that cite at least one source."""
    entries = [item for name in LIST_SECTIONS for item in getattr(persona, name)]
    entries += persona.quotes
    if not entries:
        return 0.0
    cited = sum(1 for e in entries if e.evidence_ids)
    return cited / len(entries)
