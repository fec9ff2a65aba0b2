"""What a project holds, counted: for `personamap check`, the start page and the status bar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .enums import Priority
from .lifecycle import is_overdue
from .project import Project


def summarize(project: Project, today: dt.date | None = None) -> dict[str, Any]:
    """Counts of everything a user would ask about, plus the personas overdue for review."""
    today = today or dt.date.today()
    months = project.settings.review_period_months
    by_priority = {p: sum(1 for x in project.personas if x.priority == p) for p in Priority}
    journey_notes = sum(len(j.notes) for j in project.journeys)
    empathy_notes = sum(len(m.notes) for m in project.empathy_maps)
    board_notes = sum(1 for b in project.boards for e in b.elements if e.type == "note")
    counts = {
        "personas": len(project.personas),
        "primary": by_priority[Priority.PRIMARY],
        "secondary": by_priority[Priority.SECONDARY],
        "negative": by_priority[Priority.NEGATIVE],
        "sources": len(project.sources),
        "relations": len(project.relations),
        "empathy_maps": len(project.empathy_maps),
        "journeys": len(project.journeys),
        "stages": sum(len(j.stages) for j in project.journeys),
        "lanes": sum(len(j.lanes) for j in project.journeys),
        "notes": journey_notes + empathy_notes + board_notes,
        "journey_notes": journey_notes,
        "empathy_notes": empathy_notes,
        "board_notes": board_notes,
        "emotion_scores": sum(len(j.emotions) for j in project.journeys),
        "boards": len(project.boards),
        "board_elements": sum(len(b.elements) for b in project.boards),
        "assets": len(project.assets),
    }
    overdue = [p.name for p in project.personas if is_overdue(p, months, today)]
    return {"title": project.title, "counts": counts, "overdue_for_review": overdue}
