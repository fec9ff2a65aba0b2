"""`personamap insights` as data: coverage per journey stage, evidence per persona and the
buying committee, in the JSON shape of issue 15."""

from __future__ import annotations

from typing import Any

from personamap.model import Project

from .committee import committee
from .coverage import stage_coverage
from .evidence import persona_evidence


def insights_report(project: Project) -> dict[str, Any]:
    """{"coverage": [...], "evidence": [...], "committee": {...}}; numbers rounded to 3 places."""
    board = committee(project)
    names = board.names
    return {
        "coverage": [
            {
                "journey": row.journey,
                "journey_id": row.journey_id,
                "stage": row.stage,
                "stage_id": row.stage_id,
                "touchpoints": row.touchpoints,
                "pain_points": row.pain_points,
                "opportunities": row.opportunities,
                "notes": row.notes,
                "personas_scored": row.personas_scored,
                "empty_for": list(row.empty_for),
            }
            for row in stage_coverage(project)
        ],
        "evidence": [
            {
                "persona": row.persona,
                "persona_id": row.persona_id,
                "coverage": round(row.coverage, 3),
                "cited": row.cited,
                "citable": row.citable,
                "sources": row.sources,
                "kinds": list(row.kinds),
            }
            for row in persona_evidence(project)
        ],
        "committee": {
            "centrality": [
                {
                    "persona": c.persona,
                    "persona_id": c.persona_id,
                    "score": round(c.score, 3),
                    "relations": c.relations,
                }
                for c in board.centrality
            ],
            "paths": [
                {
                    "from": names[p.from_id],
                    "from_id": p.from_id,
                    "to": names[p.to_id],
                    "to_id": p.to_id,
                    "path": [names[pid] for pid in p.ids],
                    "path_ids": list(p.ids),
                    "directed": p.directed,
                }
                for p in board.paths
            ],
            "blockers": [
                {
                    "persona": names[b.persona_id],
                    "persona_id": b.persona_id,
                    "on_path": b.on_path,
                    "blocks": [names[pid] for pid in b.blocks],
                    "paths": list(b.paths),
                }
                for b in board.blockers
            ],
        },
    }
