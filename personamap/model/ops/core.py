"""The generic ops every edit is built from: set a field, insert, remove or move a list entry,
and a compound of several ops applied as one.

An op is immutable and carries absolute values. `apply(project)` mutates the project in
place and returns the inverse op and a `Changes` notice; applying the inverse restores the
project exactly (its JSON dump compares equal). An op that refuses raises `OpError` and
leaves the project as it was. Values go into the project as deep copies, so the live project
never shares an object with an op held on the undo stack.
"""

from __future__ import annotations

import copy
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import Any, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..base import Entity
from ..project import Project
from .address import Address, collection_key, index_of, owner_id, resolve_field, resolve_list, show
from .errors import OpError

_LOCKED_FIELDS = frozenset({"id", "type"})
"""Identity and the element discriminator never change in place; ops replace the entity."""


@dataclass(frozen=True)
class Changes:
    """What an op changed, so views refresh only that.

    `updated`: entities whose own fields changed; `added` / `removed`: entities that entered or
    left a list; `collections`: (owner id, dotted list path) pairs whose membership or order
    changed. Ids of the project itself stand for project-level fields and lists. A compound's
    notice is the union of its parts (an id may then be both added and removed).
    """

    updated: frozenset[str] = frozenset()
    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    collections: frozenset[tuple[str, str]] = frozenset()

    @staticmethod
    def of(
        updated: Iterable[str] = (),
        added: Iterable[str] = (),
        removed: Iterable[str] = (),
        collections: Iterable[tuple[str, str]] = (),
    ) -> Changes:
        return Changes(frozenset(updated), frozenset(added), frozenset(removed), frozenset(collections))

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.updated | other.updated,
            self.added | other.added,
            self.removed | other.removed,
            self.collections | other.collections,
        )

    def __bool__(self) -> bool:
        return bool(self.updated or self.added or self.removed or self.collections)

    def ids(self) -> frozenset[str]:
        """Every entity id the notice mentions, owners of changed lists included."""
        return self.updated | self.added | self.removed | {owner for owner, _ in self.collections}


@dataclass(frozen=True)
class Op:
    """Base of all ops: a named, immutable, invertible edit.

    `merge_key` is for the undo stack: consecutive commands whose ops share a key that is
    not None merge into one step (typing into one field). Constructors leave it None; the
    editor opts in with `dataclasses.replace(op, merge_key=...)`. Inverses never carry it.
    """

    name: str = field(default="", kw_only=True)
    merge_key: Hashable | None = field(default=None, kw_only=True, compare=False)

    def apply(self, project: Project) -> tuple[Op, Changes]:
        raise NotImplementedError


_ID = attrgetter("id")


def fresh(value: Any) -> Any:
    """A deep copy, so a value entering the project is owned by the project alone."""
    return copy.deepcopy(value)


def reason(exc: ValidationError) -> str:
    """The first validation error in a sentence a user can read."""
    err = exc.errors()[0]
    loc = ".".join(str(part) for part in err.get("loc", ()))
    return f"{loc}: {err['msg']}" if loc else str(err["msg"])


def set_checked(parent: BaseModel, name: str, value: Any, where: Address) -> Any:
    """Assign with validation; on failure restore the old value and raise OpError.

    pydantic may leave a failed assignment in place when a model validator rejects it, so
    the old value is put back by hand. Returns the old value.
    """
    if name in _LOCKED_FIELDS and isinstance(parent, Entity):
        raise OpError(f"{show(where)} cannot be changed")
    old = getattr(parent, name)
    try:
        setattr(parent, name, value)
    except ValidationError as exc:
        parent.__dict__[name] = old
        raise OpError(f"invalid value for {show(where)}: {reason(exc)}") from None
    return old


@cache
def _item_adapter(cls: type[BaseModel], name: str) -> TypeAdapter[Any]:
    annotation = cls.model_fields[name].annotation
    if get_origin(annotation) is not list:
        raise OpError(f"{cls.__name__}.{name} is not a list")
    return TypeAdapter(get_args(annotation)[0])


def _min_length(cls: type[BaseModel], name: str) -> int:
    lengths = [getattr(m, "min_length", None) for m in cls.model_fields[name].metadata]
    return max((n for n in lengths if n is not None), default=0)


def _recheck(parent: BaseModel, undo: Any, where: Address) -> None:
    """Run the parent's model validators after a list edit; undo the edit if they refuse."""
    if not type(parent).__pydantic_decorators__.model_validators:
        return
    try:
        type(parent).model_validate(parent.model_dump())
    except ValidationError as exc:
        undo()
        raise OpError(f"invalid change to {show(where)}: {reason(exc)}") from None


def _key_index(items: list[Any], key: str | int, where: Address) -> int:
    if isinstance(key, str):
        return index_of(items, key, where)
    if not 0 <= key < len(items):
        raise OpError(f"index {key} is out of range for {show(where)} ({len(items)} entries)")
    return key


@dataclass(frozen=True)
class SetField(Op):
    """Set the field that `address` ends with to `value`; the inverse sets the old value."""

    address: Address
    value: Any

    def apply(self, project: Project) -> tuple[Op, Changes]:
        parent, name = resolve_field(project, self.address)
        old = set_checked(parent, name, fresh(self.value), self.address)
        inverse = SetField(self.address, old, name=self.name)
        return inverse, Changes.of(updated=[owner_id(project, self.address)])


@dataclass(frozen=True)
class Insert(Op):
    """Insert a copy of `item` at `index` of the list at `address`."""

    address: Address
    index: int
    item: Any

    def apply(self, project: Project) -> tuple[Op, Changes]:
        parent, name, items = resolve_list(project, self.address)
        if not 0 <= self.index <= len(items):
            raise OpError(
                f"index {self.index} is out of range for {show(self.address)} ({len(items)} entries)"
            )
        try:
            item = _item_adapter(type(parent), name).validate_python(fresh(self.item))
        except ValidationError as exc:
            raise OpError(f"invalid entry for {show(self.address)}: {reason(exc)}") from None
        item_id = item.id if isinstance(item, Entity) else None
        if item_id is not None and item_id in map(_ID, items):  # in C: a live session adds many
            raise OpError(f"{show(self.address)} already holds an entry with id {item_id}")
        items.insert(self.index, item)
        _recheck(parent, lambda: items.pop(self.index), self.address)
        inverse = Remove(self.address, item_id if item_id is not None else self.index, name=self.name)
        added = [item_id] if item_id is not None else []
        return inverse, Changes.of(added=added, collections=[collection_key(project, self.address)])


@dataclass(frozen=True)
class Remove(Op):
    """Remove the entry with id `key` (or at index `key`) from the list at `address`."""

    address: Address
    key: str | int

    def apply(self, project: Project) -> tuple[Op, Changes]:
        parent, name, items = resolve_list(project, self.address)
        index = _key_index(items, self.key, self.address)
        minimum = _min_length(type(parent), name)
        if len(items) <= minimum:
            raise OpError(f"{show(self.address)} must keep at least {minimum} entries")
        item = items.pop(index)
        _recheck(parent, lambda: items.insert(index, item), self.address)
        removed = [item.id] if isinstance(item, Entity) else []
        changes = Changes.of(removed=removed, collections=[collection_key(project, self.address)])
        return Insert(self.address, index, item, name=self.name), changes


@dataclass(frozen=True)
class Move(Op):
    """Move the entry with id `key` (or at index `key`) of the list at `address` to `index`."""

    address: Address
    key: str | int
    index: int

    def apply(self, project: Project) -> tuple[Op, Changes]:
        _parent, _name, items = resolve_list(project, self.address)
        old = _key_index(items, self.key, self.address)
        if not 0 <= self.index < len(items):
            raise OpError(
                f"index {self.index} is out of range for {show(self.address)} ({len(items)} entries)"
            )
        items.insert(self.index, items.pop(old))
        back_key = self.key if isinstance(self.key, str) else self.index
        moved = [self.key] if isinstance(self.key, str) else []
        changes = Changes.of(updated=moved, collections=[collection_key(project, self.address)])
        return Move(self.address, back_key, old, name=self.name), changes


@dataclass(frozen=True)
class Compound(Op):
    """Several ops as one edit: applied in order, undone in reverse; all or nothing."""

    ops: tuple[Op, ...]

    def apply(self, project: Project) -> tuple[Op, Changes]:
        inverses: list[Op] = []
        changes = Changes()
        try:
            for op in self.ops:
                inverse, change = op.apply(project)
                inverses.append(inverse)
                changes |= change
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(project)
            raise
        return Compound(tuple(reversed(inverses)), name=self.name), changes


def compound(name: str, ops: Iterable[Op]) -> Compound:
    """A compound op; nested compounds are kept as they are (their order is their meaning)."""
    return Compound(tuple(ops), name=name)
