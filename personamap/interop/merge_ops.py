"""An import as one undoable edit: the ops that turn the open project into its merged form.

`merge.py` adds an imported part to a project and returns the result; the editor must not swap
its project for that result (views, selection and the undo stack hold the old one), so it
applies the difference instead: an Insert per new persona, source, journey, board or image, and
a SetField per field a merge changed in an entity that was already there. A merge only adds, so
an entity missing from the result is refused rather than deleted.
"""

from __future__ import annotations

from personamap.model import Project
from personamap.model.base import Entity
from personamap.model.ops import Compound, Insert, Op, OpError, SetField

COLLECTIONS: tuple[str, ...] = (
    "assets",
    "sources",
    "personas",
    "relations",
    "empathy_maps",
    "journeys",
    "boards",
)
"""The project's lists, in the order their entries may refer to one another (a journey names
personas, a board shows journeys), so each insert finds what it refers to already there."""


def merge_ops(before: Project, after: Project, name: str) -> Op:
    """One compound op named `name` that makes `before` equal to `after` in settings and in
    every list of COLLECTIONS. Raises OpError if `after` lost an entity `before` had."""
    ops: list[Op] = []
    if before.settings != after.settings:
        ops.append(SetField(("settings",), after.settings))
    for collection in COLLECTIONS:
        ops += _collection_ops(collection, getattr(before, collection), getattr(after, collection))
    return Compound(tuple(ops), name=name)


def _collection_ops(collection: str, old: list[Entity], new: list[Entity]) -> list[Op]:
    known = {item.id: item for item in old}
    kept = [item.id for item in new if item.id in known]
    lost = known.keys() - set(kept)
    if lost:
        raise OpError(f"the import would delete {len(lost)} of the project's {collection}")
    if kept != list(known):
        raise OpError(f"the import would reorder the project's {collection}")
    ops: list[Op] = []
    for index, item in enumerate(new):
        item_id = item.id
        prior = known.get(item_id)
        if prior is None:
            # Inserted in the result's order: everything before `index` is in place by now.
            ops.append(Insert((collection,), index, item))
        elif prior != item:
            ops += [
                SetField((collection, item_id, field), getattr(item, field))
                for field in type(item).model_fields
                if getattr(prior, field) != getattr(item, field)
            ]
    return ops
