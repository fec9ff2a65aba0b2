"""How well each persona is grounded: the share of its entries that cite a research source
(model/lifecycle.py `evidence_counts`) and which kinds of source back it — a persona resting on
interviews alone reads differently from one backed by analytics and a survey."""

from __future__ import annotations

from dataclasses import dataclass

from personamap.model import Project
from personamap.model.enums import EvidenceKind
from personamap.model.lifecycle import cited_sources, evidence_counts


@dataclass(frozen=True)
class PersonaEvidence:
    """`coverage` = cited / citable (0 when nothing is citable); `kinds` in EvidenceKind order."""

    persona_id: str
    persona: str
    cited: int
    citable: int
    sources: int
    kinds: tuple[str, ...]

    @property
    def coverage(self) -> float:
        return self.cited / self.citable if self.citable else 0.0


_KIND_ORDER = {kind.value: i for i, kind in enumerate(EvidenceKind)}


def persona_evidence(project: Project) -> list[PersonaEvidence]:
    """One row per persona, in project order."""
    out = []
    for persona in project.personas:
        cited, citable = evidence_counts(persona)
        sources = cited_sources(persona, project.sources)
        kinds = sorted({s.kind.value for s in sources}, key=_KIND_ORDER.__getitem__)
        out.append(PersonaEvidence(persona.id, persona.name, cited, citable, len(sources), tuple(kinds)))
    return out
