"""Find: every piece of user text of a project, in the order a person reads the boards, and
the places on the canvas that show it — without Qt, so the rules are tested on their own.

Matching ignores case and accents ("tomas" finds "Tomás"). A persona, journey or empathy map
shown on several boards is found at each place it is shown; one shown nowhere is still found
(with no board), so the find bar can say where it lives; so are the sources of the research
library, after everything on the boards.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from enum import Enum
from typing import Any, NamedTuple

from pydantic import BaseModel

from .base import Entity
from .empathy import EmpathyMap, EmpathyNote
from .journey import JourneyMap, JourneyNote
from .persona import Persona
from .project import Project

_SKIP = frozenset({"id", "type", "color", "field", "media_type", "data", "link"})


RESEARCH_LIBRARY = "Research library"
"""The owner a match in a source names: sources live in the library, not on a board."""


def fold(text: str) -> str:
    """Lower case without accents, for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class Match(NamedTuple):
    """One text that matches, and where it is shown. `kind` and `target_id` name the entity
    holding the text (a journey note, a stage…) so the canvas can pick its own item."""

    board_id: str | None
    element_id: str | None
    text: str
    owner: str
    kind: str = "element"
    target_id: str | None = None


def _strings(node: BaseModel, entity: Entity | None = None) -> Iterator[tuple[Entity | None, str]]:
    """Every user string below `node` with the nearest entity holding it."""
    if isinstance(node, Entity):
        entity = node
    for name in type(node).model_fields:
        if name in _SKIP or name.endswith("_id") or name.endswith("_ids"):
            continue
        value = getattr(node, name)
        yield from _values(value, entity)


def _values(value: Any, entity: Entity | None) -> Iterator[tuple[Entity | None, str]]:
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        if value.strip():
            yield entity, value
    elif isinstance(value, BaseModel):
        yield from _strings(value, entity)
    elif isinstance(value, list):
        for item in value:
            yield from _values(item, entity)


def _kind(entity: Entity | None) -> str:
    if isinstance(entity, JourneyNote):
        return "journey_note"
    if isinstance(entity, EmpathyNote):
        return "empathy_note"
    return type(entity).__name__.lower() if entity is not None else "element"


def _element_texts(project: Project, el: Any) -> tuple[str, list[tuple[Entity | None, str]]]:
    """What an element shows, as (owner label, texts)."""
    if el.type in ("note", "text"):
        return ("note" if el.type == "note" else "text"), [(None, el.text)]
    if el.type == "image":
        return "image", [(None, el.caption)]
    if el.type == "connector":
        texts: list[tuple[Entity | None, str]] = [(None, el.label)]
        rel = next((r for r in project.relations if r.id == el.relation_id), None)
        if rel is not None:
            texts.append((None, rel.note))
        return "connector", texts
    if el.type == "persona_card":
        persona = project.persona(el.persona_id)
        return (persona.name if persona else "persona"), list(_strings(persona)) if persona else []
    found = project.journey(el.map_id) if el.type == "journey_map" else project.empathy_map(el.map_id)
    return (found.title if found else "map"), list(_strings(found)) if found else []


def _matching(texts: list[tuple[Entity | None, str]], needle: str) -> Iterator[tuple[Entity | None, str]]:
    for entity, text in texts:
        if text and needle in fold(text):
            yield entity, text


def search(project: Project, query: str) -> list[Match]:
    """Every match of `query`, board by board, top to bottom and left to right."""
    needle = fold(query.strip())
    if not needle:
        return []
    found: list[Match] = []
    shown: set[str] = set()
    for board in project.boards:
        for el in sorted(board.elements, key=lambda e: (e.y, e.x, e.z)):
            owner, texts = _element_texts(project, el)
            shown.add(getattr(el, "persona_id", None) or getattr(el, "map_id", None) or "")
            for entity, text in _matching(texts, needle):
                is_part = entity is not None and entity.id not in (
                    getattr(el, "persona_id", None),
                    getattr(el, "map_id", None),
                )
                found.append(
                    Match(
                        board.id,
                        el.id,
                        text,
                        owner,
                        _kind(entity) if is_part else "element",
                        entity.id if is_part and entity is not None else None,
                    )
                )
    holders: list[Persona | JourneyMap | EmpathyMap] = [
        *project.personas,
        *project.journeys,
        *project.empathy_maps,
    ]
    for holder in holders:
        if holder.id in shown:
            continue
        label = holder.name if isinstance(holder, Persona) else holder.title
        for entity, text in _matching(list(_strings(holder)), needle):
            found.append(Match(None, None, text, label, _kind(entity), entity.id if entity else None))
    for source in project.sources:  # shown in the research library, on no board
        for _entity, text in _matching(list(_strings(source)), needle):
            found.append(Match(None, None, text, RESEARCH_LIBRARY, "source", source.id))
    return found
