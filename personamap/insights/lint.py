"""`lint(project, today)`: what in a project is unfounded, stale, too broad or missing — advice
for the team, never a refusal. Each rule lives in the module of its subject (lint_personas,
lint_journeys, lint_sources, overlap); the thresholds are the project's (settings.lint).

The lint reads the model directly rather than the project graph: on a 20,000-note project
building the graph alone costs more than the lint's whole budget (benchmarks/bench_insights.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from personamap.model import Project

from .finding import Finding, counts
from .lint_journeys import journeys_without_emotion, personas_without_journey, stage_gaps
from .lint_personas import (
    active,
    assumption_heavy,
    at,
    low_evidence,
    stale_personas,
    too_many_primary,
    uncited_quotes,
)
from .lint_sources import data_drift, niche_segments, orphan_sources
from .overlap import similar_pairs

RULES: tuple[str, ...] = (
    "stale-persona",
    "uncited-quote",
    "too-many-primary",
    "persona-without-journey",
    "journey-without-emotion",
    "pain-without-opportunity",
    "stage-without-touchpoint",
    "low-evidence",
    "assumption-heavy",
    "overlapping-personas",
    "orphan-source",
    "niche-segment",
    "data-drift",
)
"""Every rule id, in the order findings are listed."""

__all__ = ["RULES", "Finding", "counts", "lint"]


def lint(project: Project, today: dt.date) -> list[Finding]:
    """Every finding, in RULES order, then in project order."""
    found = [
        *stale_personas(project, today),
        *uncited_quotes(project),
        *too_many_primary(project),
        *personas_without_journey(project),
        *journeys_without_emotion(project),
        *stage_gaps(project),
        *low_evidence(project),
        *assumption_heavy(project),
        *overlapping_personas(project),
        *orphan_sources(project),
        *niche_segments(project),
        *data_drift(project),
    ]
    order = {rule: i for i, rule in enumerate(RULES)}
    return sorted(found, key=lambda f: order[f.rule])  # stable: project order within a rule


def overlapping_personas(project: Project) -> Iterator[Finding]:
    threshold = project.settings.lint.overlap
    for a, b, score in similar_pairs(project, active(project), threshold):
        yield Finding(
            "overlapping-personas",
            "warning",
            f"{a.name} and {b.name} are {score:.0%} alike in what they say and who they are: "
            "they may be one persona. Merge them or sharpen what sets them apart.",
            [at(a), at(b)],
        )
