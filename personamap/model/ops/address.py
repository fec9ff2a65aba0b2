"""Addresses: where a value lives in a project, as a path of field names and entity ids.

An op names its target by address, e.g. `("journeys", <journey id>, "notes", <note id>)`,
rather than by a bare id: resolving an address costs one scan per list it passes through
(a few milliseconds for a journey of 20,000 notes), with no index to keep in sync. A segment
that is a uuid selects the entity with that id from the list it follows; any other segment
is a field name. Ids are stable, and undo replays ops on exactly the state they were built
on, so an address stays valid for the op's whole life.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

from ..base import UUID_PATTERN, Entity
from ..project import Project
from .errors import OpError

Address = tuple[str, ...]

_UUID = re.compile(UUID_PATTERN)
_get_id = attrgetter("id")


def is_id(segment: str) -> bool:
    return _UUID.match(segment) is not None


def address(*parts: str) -> Address:
    """Build an address from parts that may themselves be dotted (`"psychographics.sliders"`)."""
    out: list[str] = []
    for part in parts:
        out.extend(part.split(".") if not is_id(part) else (part,))
    return tuple(out)


def show(addr: Address) -> str:
    """A readable form for messages: `journeys[<id>].notes`."""
    out = ""
    for seg in addr:
        out += f"[{seg}]" if is_id(seg) else (f".{seg}" if out else seg)
    return out or "project"


def index_of(items: list[Any], entity_id: str, where: Address = ()) -> int:
    """Position of the entity with `entity_id` in `items`; OpError when absent."""
    try:
        return list(map(_get_id, items)).index(entity_id)
    except (ValueError, AttributeError):
        raise OpError(f"no entry with id {entity_id} in {show(where)}") from None


def resolve(project: Project, addr: Address) -> Any:
    """The value at `addr`; OpError when a field or id does not exist."""
    node: Any = project
    for k, seg in enumerate(addr):
        if is_id(seg):
            if not isinstance(node, list):
                raise OpError(f"{show(addr[:k])} is not a list")
            node = node[index_of(node, seg, addr[:k])]
        else:
            if not isinstance(node, BaseModel) or seg not in type(node).model_fields:
                raise OpError(f"{show(addr[:k])} has no field {seg!r}")
            node = getattr(node, seg)
    return node


def resolve_field(project: Project, addr: Address) -> tuple[BaseModel, str]:
    """The model holding the field that `addr` ends with, and the field's name."""
    if not addr or is_id(addr[-1]):
        raise OpError(f"{show(addr)} does not name a field")
    parent = resolve(project, addr[:-1])
    name = addr[-1]
    if not isinstance(parent, BaseModel) or name not in type(parent).model_fields:
        raise OpError(f"{show(addr[:-1])} has no field {name!r}")
    return parent, name


def resolve_list(project: Project, addr: Address) -> tuple[BaseModel, str, list[Any]]:
    """The model, field name and list value of the list field at `addr`."""
    parent, name = resolve_field(project, addr)
    value = getattr(parent, name)
    if not isinstance(value, list):
        raise OpError(f"{show(addr)} is not a list")
    return parent, name, value


def owner_id(project: Project, addr: Address) -> str:
    """The id of the nearest entity on the path (the project's own id at the top)."""
    return next((seg for seg in reversed(addr) if is_id(seg)), project.id)


def collection_key(project: Project, addr: Address) -> tuple[str, str]:
    """(owner id, dotted path from the owner to the list) for change notices."""
    k = max((i for i, seg in enumerate(addr) if is_id(seg)), default=-1)
    return (addr[k] if k >= 0 else project.id), ".".join(addr[k + 1 :])


def walk(node: BaseModel, addr: Address = ()) -> Iterator[tuple[Address, Entity]]:
    """Every entity below `node` (itself excluded) with its address, depth first."""
    for name in type(node).model_fields:
        value = getattr(node, name)
        if isinstance(value, BaseModel):
            yield from walk(value, (*addr, name))
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for child in value:
                if isinstance(child, Entity):
                    here = (*addr, name, child.id)
                    yield here, child
                    yield from walk(child, here)


def locate(project: Project, entity_id: str) -> Address:
    """The address of any entity in the project (the empty address for the project itself).

    A full walk: fine for a user's single edit, not for a loop over thousands of entities.
    """
    if entity_id == project.id:
        return ()
    for addr, entity in walk(project):
        if entity.id == entity_id:
            return addr
    raise OpError(f"no entity with id {entity_id} in the project")
