"""Lint rules about personas themselves: review dates, quotes, how many are primary, how much
of each rests on research or on assumption (the overlap rule has its own module)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel

from personamap.model import Confidence, Persona, Priority, Project
from personamap.model.entries import list_entries
from personamap.model.enums import PersonaStatus
from personamap.model.lifecycle import evidence_counts, review_due
from personamap.model.persona import Citation, Item

from .finding import Finding, place


def active(project: Project) -> list[Persona]:
    """The personas the lint judges: a retired persona is kept for the record, not for use."""
    return [p for p in project.personas if p.lifecycle.status is not PersonaStatus.RETIRED]


def at(persona: Persona) -> dict[str, str]:
    return place("persona", persona.id, persona.name)


def stale_personas(project: Project, today: dt.date) -> Iterator[Finding]:
    months = project.settings.review_period_months
    for p in active(project):
        due = review_due(p, months)
        if due is not None and due < today:
            yield Finding(
                "stale-persona",
                "warning",
                f"{p.name} was due for review on {due.isoformat()}: check it against fresh research.",
                [at(p)],
            )


def uncited_quotes(project: Project) -> Iterator[Finding]:
    """An error, the lint's only one: a verbatim quote nobody can be found to have said is
    invented evidence, and it persuades more than any other line on a card."""
    for p in active(project):
        for q in p.quotes:
            if not q.source.strip() and not q.evidence_ids and q.text.strip():
                yield Finding(
                    "uncited-quote",
                    "error",
                    f"{p.name}'s quote “{_short(q.text)}” names no speaker and cites no source: who said it?",
                    [at(p)],
                )


def too_many_primary(project: Project) -> Iterator[Finding]:
    limit = project.settings.lint.max_primary
    primary = [p for p in active(project) if p.priority is Priority.PRIMARY]
    if len(primary) > limit:
        yield Finding(
            "too-many-primary",
            "warning",
            f"{len(primary)} personas are primary; more than {limit} means the team has not chosen "
            "whom to design for. Make the rest secondary.",
            [at(p) for p in primary],
        )


def low_evidence(project: Project) -> Iterator[Finding]:
    threshold = project.settings.lint.low_evidence
    for p in active(project):
        cited, citable = evidence_counts(p)
        share = cited / citable if citable else 0.0
        if share < threshold:
            what = (
                "nothing in it is filled in yet"
                if not citable
                else f"only {cited} of its {citable} entries cite research ({share:.0%})"
            )
            yield Finding(
                "low-evidence",
                "warning",
                f"{p.name} rests on little evidence: {what}; the project asks for {threshold:.0%}.",
                [at(p)],
            )


def assumption_heavy(project: Project) -> Iterator[Finding]:
    threshold = project.settings.lint.assumption_share
    for p in active(project):
        rated = list(_confidences(p))
        guesses = sum(1 for c in rated if c is Confidence.ASSUMPTION)
        if guesses and guesses > threshold * len(rated):
            yield Finding(
                "assumption-heavy",
                "warning",
                f"{guesses} of {p.name}'s {len(rated)} entries are marked assumption: "
                "test them with research before the team relies on them.",
                [at(p)],
            )


def _confidences(node: BaseModel) -> Iterator[Confidence | None]:
    """The confidence of every entry below `node` that can carry one (items, field citations)."""
    return (entry.confidence for _name, entry in list_entries(node) if isinstance(entry, Item | Citation))


def _short(text: str, limit: int = 50) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
