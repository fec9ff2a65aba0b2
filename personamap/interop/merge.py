"""An import added to a new or an existing project: its personas matched by name, its
journeys appended, each with a board that shows it (so the editor opens on something).

The project passed in is left as it was; the merged copy is returned, which the command line
saves and the editor turns into one undoable op (merge_ops.py).
"""

from __future__ import annotations

from personamap.model import Board, EmotionScale, JourneyMapElement, Project
from personamap.model.copying import with_new_ids
from personamap.model.entity_ids import entity_ids
from personamap.model.layout.journey import layout_journey
from personamap.model.layout.measure import ApproxMeasure
from personamap.style import OKABE_ITO

from .result import ImportResult


def rescaled(value: int, old: EmotionScale, new: EmotionScale) -> int:
    """A score moved from one emotion scale to another, end to end, rounded half up."""
    if old == new or (old.minimum, old.maximum) == (new.minimum, new.maximum):
        return value
    span_old, span_new = old.maximum - old.minimum, new.maximum - new.minimum
    shifted = 2 * (value - old.minimum) * span_new + span_old
    return new.minimum + shifted // (2 * span_old)


def new_project(result: ImportResult, title: str) -> Project:
    """A project holding just the import, on the import's emotion scale."""
    project = Project(title=result.project_part.title or title)
    project.settings = result.project_part.settings.model_copy(deep=True)
    return merge(project, result)


def merge(project: Project, result: ImportResult) -> Project:
    """`project` with the imported part added (a copy; `project` is not changed). A persona
    whose name (ignoring case) is already in the project is that persona; the others are
    added, in a colour no persona of the project has while one is free (two curves of one
    colour cannot be told apart). Scores move onto the project's scale. Ids the project already
    uses are replaced."""
    merged = project.model_copy(deep=True)
    part = result.project_part
    used = set(entity_ids(merged))
    by_name = {p.name.strip().casefold(): p for p in merged.personas}
    same: dict[str, str] = {}
    colors = {p.color.upper() for p in merged.personas}
    for persona in part.personas:
        match = by_name.get(persona.name.strip().casefold())
        if match is not None:
            same[persona.id] = match.id
            continue
        added = with_new_ids(persona) if persona.id in used else persona.model_copy(deep=True)
        if added.color.upper() in colors:
            added.color = next((c for c in OKABE_ITO if c.upper() not in colors), added.color)
        colors.add(added.color.upper())
        same[persona.id] = added.id
        used.add(added.id)
        by_name[added.name.strip().casefold()] = added
        merged.personas.append(added)
    old_scale, scale = part.settings.emotion_scale, merged.settings.emotion_scale
    for source in part.journeys:
        journey = source.model_copy(deep=True)
        if used & set(entity_ids(journey)):
            journey = with_new_ids(journey)
        journey.persona_ids = list(dict.fromkeys(same.get(p, p) for p in journey.persona_ids))
        for emotion in journey.emotions:
            if emotion.persona_id is not None:
                emotion.persona_id = same.get(emotion.persona_id, emotion.persona_id)
            emotion.score = rescaled(emotion.score, old_scale, scale)
        used.update(entity_ids(journey))
        merged.journeys.append(journey)
        w, h = layout_journey(journey, scale, ApproxMeasure()).size
        element = JourneyMapElement(map_id=journey.id, x=0, y=0, w=w, h=h)
        merged.boards.append(Board(name=journey.title or "Journey", elements=[element]))
    return merged
