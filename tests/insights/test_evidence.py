"""Evidence per persona: the share of its citable entries that cite a source, and the kinds of
the library's sources behind it (a citation of a source the library lacks backs nothing)."""

from __future__ import annotations

import pytest

from personamap.insights.evidence import persona_evidence
from personamap.model import EvidenceKind, Item, Persona, Project, Quote, Source, new_id


def test_coverage_and_kinds_per_persona() -> None:
    interview = Source(kind=EvidenceKind.INTERVIEW, title="Interviews")
    survey = Source(kind=EvidenceKind.SURVEY, title="Survey")
    grounded = Persona(
        name="Ann",
        role="Buyer",  # filled, citing nothing: citable
        goals=[Item(text="save", evidence_ids=[survey.id]), Item(text="grow")],
        quotes=[Quote(text="I need it", evidence_ids=[interview.id, survey.id])],
    )
    hollow = Persona(name="Bob", goals=[Item(text="guess", evidence_ids=[new_id()])])
    blank = Persona(name="Cy")
    rows = persona_evidence(Project(personas=[grounded, hollow, blank], sources=[survey, interview]))
    assert [(r.persona, r.persona_id) for r in rows] == [
        ("Ann", grounded.id),
        ("Bob", hollow.id),
        ("Cy", blank.id),
    ]
    ann, bob, cy = rows
    assert (ann.cited, ann.citable, ann.coverage) == (2, 4, pytest.approx(0.5))
    assert ann.kinds == ("interview", "survey")  # EvidenceKind order, not library order
    assert ann.sources == 2
    assert (bob.coverage, bob.kinds, bob.sources) == (1.0, (), 0)
    assert (cy.coverage, cy.citable, cy.kinds) == (0.0, 0, ())
