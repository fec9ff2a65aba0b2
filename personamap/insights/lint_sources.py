"""Lint rules about the research library and the data behind personas: sources nothing cites,
niche segments, and data that moved since a persona was last reviewed (model/drift.py)."""

from __future__ import annotations

from collections.abc import Iterator

from personamap.model import Priority, Project
from personamap.model.drift import data_changed
from personamap.model.lifecycle import cited_source_ids

from .finding import Finding, place
from .lint_personas import active, at


def cited_anywhere(project: Project) -> set[str]:
    """The ids of every source cited by a persona, a note or an emotion score, or that a
    persona was drafted from (a dataset segment naming it)."""
    out: set[str] = set()
    for p in project.personas:
        out |= cited_source_ids(p)
    for j in project.journeys:
        for n in j.notes:
            out.update(n.evidence_ids)
        for e in j.emotions:
            out.update(e.evidence_ids)
    for m in project.empathy_maps:
        for en in m.notes:
            out.update(en.evidence_ids)
    for s in project.sources:
        waves = s.dataset.waves if s.dataset else []
        if waves and any(seg.persona_id for seg in waves[-1].segments):
            out.add(s.id)
    return out


def orphan_sources(project: Project) -> Iterator[Finding]:
    cited = cited_anywhere(project)
    for s in project.sources:
        if s.id not in cited:
            title = s.title or "Untitled source"
            yield Finding(
                "orphan-source",
                "info",
                f"Nothing cites the source “{title}”: cite it where it backs a persona or a journey, "
                "or remove it.",
                [place("source", s.id, title)],
            )


def niche_segments(project: Project) -> Iterator[Finding]:
    """A niche segment (under 5 % of the data) drafted into a primary persona, or left without one."""
    for s in project.sources:
        if s.dataset is None or not s.dataset.waves:
            continue
        waves, title = s.dataset.waves, s.title or s.dataset.file_name
        for seg in waves[-1].segments:
            if not seg.niche:
                continue
            persona = project.persona(seg.persona_id) if seg.persona_id else None
            share = f"{seg.share:.1f} %"
            if persona is None:
                yield Finding(
                    "niche-segment",
                    "info",
                    f"Segment {seg.segment + 1} of “{title}” is a niche ({share} of the data) with no "
                    "persona: fine to leave, unless it matters more than its size.",
                    [place("source", s.id, title)],
                )
            elif persona.priority is Priority.PRIMARY:
                yield Finding(
                    "niche-segment",
                    "warning",
                    f"{persona.name} is primary but stands for a niche: {share} of “{title}”. "
                    "Is it worth designing for first?",
                    [at(persona), place("source", s.id, title)],
                )


def data_drift(project: Project) -> Iterator[Finding]:
    for p in active(project):
        moved = data_changed(project, p)
        if moved:
            more = f" (and {len(moved) - 1} more changes)" if len(moved) > 1 else ""
            yield Finding(
                "data-drift",
                "warning",
                f"The data behind {p.name} changed since its last review: {moved[0].message}{more} "
                "Review the persona.",
                [at(p)],
            )
