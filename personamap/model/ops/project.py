"""Edits of the project itself: title, description, settings, relations between personas,
embedded images; and a generic field setter for any entity."""

from __future__ import annotations

from typing import Any

from ..enums import RelationKind
from ..project import Asset, Project, Relation
from .address import address, locate
from .common import elements_where, find, index_or_end, make, need, titled, update
from .core import Compound, Insert, Op, Remove, SetField
from .errors import OpError

_PROJECT_FIELDS = ("title", "description")


def set_field(project: Project, target_id: str, path: str, value: Any) -> Op:
    """Set a field of any entity found by id, dotted for nested fields. The specific
    constructors check references and name the edit better; this is the fallback."""
    return SetField((*locate(project, target_id), *address(path)), value, name="Edit")


def set_title(project: Project, title: str) -> Op:
    return SetField(("title",), title, name="Rename project")


def set_description(project: Project, description: str) -> Op:
    return SetField(("description",), description, name="Edit project description")


def update_project(project: Project, **values: Any) -> Op:
    """Project fields: title, description."""
    unknown = sorted(set(values) - set(_PROJECT_FIELDS))
    if unknown:
        raise OpError(f"{unknown[0]} is not a project field that can be edited here")
    return update((), values, "Edit project")


def set_setting(project: Project, path: str, value: Any) -> Op:
    """A setting by dotted path, e.g. `review_period_months`. The emotion scale has its own
    constructor (set_emotion_scale), since changing it rescales the scores."""
    if path.split(".")[0] == "emotion_scale":
        raise OpError("change the emotion scale with set_emotion_scale")
    return SetField(address("settings", path), value, name="Change settings")


def add_relation(
    project: Project,
    source_id: str,
    target_id: str,
    kind: RelationKind = RelationKind.INFLUENCES,
    note: str = "",
) -> Op:
    """Say how one persona relates to another (influences, approves, blocks…)."""
    source = need(project.persona(source_id), "persona", source_id)
    need(project.persona(target_id), "persona", target_id)
    if source_id == target_id:
        raise OpError(f"{source.name} cannot relate to itself")
    relation = make(Relation, source_id=source_id, target_id=target_id, kind=kind, note=note)
    return Insert(("relations",), len(project.relations), relation, name="Add relation")


def update_relation(project: Project, relation_id: str, **values: Any) -> Op:
    """Relation fields: kind, note, source_id, target_id."""
    relation = find(project.relations, relation_id, "relation")
    ends = {"source_id": relation.source_id, "target_id": relation.target_id}
    ends.update({k: v for k, v in values.items() if k in ends})
    for ref in ends.values():
        need(project.persona(ref), "persona", ref)
    if ends["source_id"] == ends["target_id"]:
        raise OpError("a persona cannot relate to itself")
    name = "Change relation kind" if set(values) == {"kind"} else "Edit relation"
    return update(("relations", relation_id), values, name)


def set_relation_kind(project: Project, relation_id: str, kind: RelationKind) -> Op:
    return update_relation(project, relation_id, kind=kind)


def remove_relation(project: Project, relation_id: str) -> Op:
    """Delete a relation; connectors that showed it stay, as plain connectors."""
    find(project.relations, relation_id, "relation")
    ops: list[Op] = [
        SetField(("boards", board.id, "elements", el.id, "relation_id"), None)
        for board in project.boards
        for el in board.elements
        if el.type == "connector" and el.relation_id == relation_id
    ]
    ops.append(Remove(("relations",), relation_id))
    return Compound(tuple(ops), name="Delete relation")


def add_asset(project: Project, asset: Asset, index: int | None = None) -> Op:
    """Embed an image (already decoded, checked and downscaled by the importer)."""
    at = index_or_end(index, len(project.assets))
    return Insert(("assets",), at, asset, name=titled("Add", "image", asset.name))


def asset_usage(project: Project, asset_id: str) -> list[str]:
    """Ids of the personas (photo) and board elements (image) that show an image, so the
    editor can say what a removal takes with it."""
    users = [p.id for p in project.personas if p.photo_asset_id == asset_id]
    users += [
        el.id for b in project.boards for el in b.elements if el.type == "image" and el.asset_id == asset_id
    ]
    return users


def remove_asset(project: Project, asset_id: str) -> Op:
    """Delete an image: personas showing it lose their photo, image elements showing it
    are removed (with their connectors). Undo brings all of it back; `asset_usage` tells
    the editor beforehand what goes."""
    asset = find(project.assets, asset_id, "image")
    ops: list[Op] = [
        SetField(("personas", p.id, "photo_asset_id"), None)
        for p in project.personas
        if p.photo_asset_id == asset_id
    ]
    ops += elements_where(project, lambda el: el.type == "image" and el.asset_id == asset_id)
    ops.append(Remove(("assets",), asset_id))
    return Compound(tuple(ops), name=titled("Delete", "image", asset.name))
