"""Edits of personas: add, duplicate, remove (with everything that points at them), fields,
and the entries of their lists (goals, quotes, sliders, channels, citations, tags…). The
sources they cite live in the project's research library (ops/sources.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from ..base import Entity, new_id
from ..enums import Confidence
from ..persona import Citation, Persona
from ..project import Project
from .address import Address, address, resolve_field, resolve_list, walk
from .common import elements_where, find, index_or_end, known_evidence, make, segment_unlinks, titled, update
from .core import Compound, Insert, Move, Op, Remove, SetField
from .errors import OpError
from .special import SetEmotion

_FIELD_LABELS = {"name": "Rename persona", "photo_asset_id": "Set persona photo"}


def _persona(project: Project, persona_id: str) -> Persona:
    return find(project.personas, persona_id, "persona")


def _label(section: str) -> str:
    last = section.split(".")[-1].replace("_", " ")
    return {"custom sections": "section", "value figures": "value figure"}.get(
        last, last[:-1] if last.endswith("s") else last
    )


def add_persona(project: Project, persona: Persona | None = None, index: int | None = None) -> Op:
    """Add a persona (a fresh default one when none is given), at the end by default."""
    persona = persona if persona is not None else Persona()
    at = index_or_end(index, len(project.personas))
    return Insert(("personas",), at, persona, name=titled("Add", "persona", persona.name))


def duplicate_persona(project: Project, persona_id: str, name: str | None = None) -> Op:
    """A copy placed after the original, with new ids throughout, citing the same sources."""
    original = _persona(project, persona_id)
    twin = original.model_copy(deep=True)
    twin.id = new_id()
    for _addr, entity in walk(twin):
        entity.id = new_id()
    twin.name = (name if name is not None else f"{original.name} (copy)")[:500]
    at = project.personas.index(original) + 1
    return Insert(("personas",), at, twin, name=titled("Duplicate", "persona", original.name))


def remove_persona(project: Project, persona_id: str) -> Op:
    """Delete a persona with its board cards (and their connectors), relations, emotion
    scores and journey links; empathy maps about it keep their notes but lose the link, and
    dataset segments it was drafted from name no persona. The sources it cited stay."""
    persona = _persona(project, persona_id)
    ops: list[Op] = elements_where(
        project, lambda el: el.type == "persona_card" and el.persona_id == persona_id
    )
    doomed_elements = {op.key for op in ops if isinstance(op, Remove)}
    relations = [r for r in project.relations if persona_id in (r.source_id, r.target_id)]
    ops += [Remove(("relations",), r.id) for r in relations]
    relation_ids = {r.id for r in relations}
    for board in project.boards:
        for el in board.elements:
            if el.type == "connector" and el.relation_id in relation_ids and el.id not in doomed_elements:
                ops.append(SetField(("boards", board.id, "elements", el.id, "relation_id"), None))
    for journey in project.journeys:
        ops += [
            SetEmotion(journey.id, persona_id, e.step_id, None)
            for e in journey.emotions
            if e.persona_id == persona_id
        ]
        hits = [k for k, ref in enumerate(journey.persona_ids) if ref == persona_id]
        ops += [Remove(("journeys", journey.id, "persona_ids"), k) for k in reversed(hits)]
    ops += [
        SetField(("empathy_maps", m.id, "persona_id"), None)
        for m in project.empathy_maps
        if m.persona_id == persona_id
    ]
    ops += segment_unlinks(project, persona_id)
    ops.append(Remove(("personas",), persona_id))
    return Compound(tuple(ops), name=titled("Delete", "persona", persona.name))


def move_persona(project: Project, persona_id: str, index: int) -> Op:
    persona = _persona(project, persona_id)
    return Move(("personas",), persona_id, index, name=titled("Move", "persona", persona.name))


def _check_value(project: Project, persona: Persona, path: str, value: Any) -> None:
    parent, name = resolve_field(project, address("personas", persona.id, path))
    annotation = type(parent).model_fields[name].annotation
    if get_origin(annotation) is list:
        arg = get_args(annotation)[0]
        if isinstance(arg, type) and issubclass(arg, Entity):
            raise OpError(f"{path} is a list of entries: add, change or remove them one by one")
    if path == "photo_asset_id" and value is not None and project.asset(value) is None:
        raise OpError(f"no image with id {value}")


def set_persona_field(project: Project, persona_id: str, path: str, value: Any) -> Op:
    """Set one field, dotted for nested ones: `name`, `priority`, `demographics.age`, `tags`."""
    persona = _persona(project, persona_id)
    _check_value(project, persona, path, value)
    label = _FIELD_LABELS.get(path, f"Edit {path.split('.')[-1].replace('_', ' ')}")
    return SetField(address("personas", persona_id, path), value, name=label)


def update_persona(project: Project, persona_id: str, values: Mapping[str, Any]) -> Op:
    """Set several fields (dotted paths to values) as one edit, e.g. from a form."""
    persona = _persona(project, persona_id)
    for path, value in values.items():
        _check_value(project, persona, path, value)
    if not values:
        raise OpError("nothing to change")
    ops = tuple(SetField(address("personas", persona_id, path), v) for path, v in values.items())
    return Compound(ops, name=titled("Edit", "persona", persona.name))


def _section(project: Project, persona_id: str, section: str) -> tuple[Address, list[Any], type]:
    addr = address("personas", persona_id, section)
    parent, name, items = resolve_list(project, addr)
    return addr, items, get_args(type(parent).model_fields[name].annotation)[0]


def add_entry(
    project: Project, persona_id: str, section: str, entry: Any = None, index: int | None = None
) -> Op:
    """Add an entry to a list section (`goals`, `psychographics.sliders`, `citations`,
    `custom_sections.<id>.items`, `tags`…). `entry` may be a model, a dict, or a text."""
    _persona(project, persona_id)
    addr, items, kind = _section(project, persona_id, section)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        if entry is None:
            entry = {}
        elif isinstance(entry, str):
            main = next(
                (f for f in ("text", "title", "name", "label", "field") if f in kind.model_fields), ""
            )
            entry = {main: entry}
        if isinstance(entry, dict):
            entry = make(kind, **entry)  # ids are fixed now, not each time the op runs
        known_evidence(project, getattr(entry, "evidence_ids", ()))
    elif entry is None:
        raise OpError(f"{section} needs a value")
    return Insert(addr, index_or_end(index, len(items)), entry, name=f"Add {_label(section)}")


def update_entry(project: Project, persona_id: str, section: str, entry_id: str, **values: Any) -> Op:
    """Change fields of one entry, e.g. `update_entry(p, pid, "goals", gid, text="…")`."""
    _persona(project, persona_id)
    addr, items, _kind = _section(project, persona_id, section)
    entry = find(items, entry_id, _label(section))
    if "evidence_ids" in values:
        known_evidence(project, values["evidence_ids"])
    if isinstance(entry, Citation) and "field" in values and not _is_field(values["field"]):
        raise OpError(f"a persona has no field {values['field']}")
    return update((*addr, entry_id), values, f"Edit {_label(section)}")


def move_entry(project: Project, persona_id: str, section: str, entry_id: str | int, index: int) -> Op:
    """Move an entry (by id; by index for a list of texts such as `tags`) to `index`."""
    _persona(project, persona_id)
    addr, _items, _kind = _section(project, persona_id, section)
    return Move(addr, entry_id, index, name=f"Move {_label(section)}")


def remove_entry(project: Project, persona_id: str, section: str, entry_id: str | int) -> Op:
    """Remove an entry (sources are removed from the research library: ops/sources.py)."""
    _persona(project, persona_id)
    addr, items, _kind = _section(project, persona_id, section)
    if isinstance(entry_id, str):
        find(items, entry_id, _label(section))
    return Remove(addr, entry_id, name=f"Delete {_label(section)}")


def add_tag(project: Project, persona_id: str, tag: str) -> Op:
    persona = _persona(project, persona_id)
    if tag in persona.tags:
        raise OpError(f"{persona.name} already has the tag {tag!r}")
    return Insert(("personas", persona_id, "tags"), len(persona.tags), tag, name="Add tag")


def remove_tag(project: Project, persona_id: str, tag: str) -> Op:
    persona = _persona(project, persona_id)
    if tag not in persona.tags:
        raise OpError(f"{persona.name} has no tag {tag!r}")
    return Remove(("personas", persona_id, "tags"), persona.tags.index(tag), name="Remove tag")


def _is_field(dotted: str) -> bool:
    node: Any = Persona
    for part in dotted.split("."):
        fields = getattr(node, "model_fields", None)
        if not fields or part not in fields:
            return False
        node = fields[part].annotation
    return True


def cite(
    project: Project,
    persona_id: str,
    field: str,
    evidence_ids: list[str],
    confidence: Confidence | None = None,
) -> Op:
    """Set the sources cited for a single-valued field (`demographics.age`); citing nothing
    removes the citation."""
    persona = _persona(project, persona_id)
    if not _is_field(field):
        raise OpError(f"a persona has no field {field}")
    known_evidence(project, evidence_ids)
    addr: Address = ("personas", persona_id, "citations")
    current = next((c for c in persona.citations if c.field == field), None)
    name = f"Cite sources for {field.split('.')[-1].replace('_', ' ')}"
    if current is None:
        if not evidence_ids:
            raise OpError(f"{field} cites nothing yet")
        citation = make(Citation, field=field, evidence_ids=evidence_ids, confidence=confidence)
        return Insert(addr, len(persona.citations), citation, name=name)
    if not evidence_ids:
        return Remove(addr, current.id, name=name)
    return update((*addr, current.id), {"evidence_ids": evidence_ids, "confidence": confidence}, name)
