"""Upgrades of older files, one schema version at a time, applied to the raw JSON object.

Each function receives the file's object *without* the "format" and "schema_version" keys
(the envelope belongs to the loader) and returns it in the shape of the next version. The
registry is a plain dict read at call time, so tests can install fake steps.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from . import constants

Raw = dict[str, Any]


class MigrationError(Exception):
    """A file could not be upgraded to the current version; the message says which step."""


def migrate(raw: Raw, from_version: int, to_version: int | None = None) -> Raw:
    """Apply the chain of upgrades from `from_version` up to `to_version` (default: current)."""
    target = constants.SCHEMA_VERSION if to_version is None else to_version
    for version in range(from_version, target):
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"no upgrade from schema version {version} to {version + 1}")
        try:
            raw = step(raw)
        except Exception as exc:  # a step may fail on any odd input; say which step
            raise MigrationError(
                f"upgrading from schema version {version} to {version + 1} failed: {exc}"
            ) from exc
        if not isinstance(raw, dict):
            raise MigrationError(f"upgrade from schema version {version} did not return an object")
    return raw


def _references(node: Any, renamed: dict[str, str]) -> Any:
    """A copy of `node` whose `evidence_ids` entries follow `renamed`."""
    if isinstance(node, dict):
        return {
            key: [renamed.get(r, r) if isinstance(r, str) else r for r in value]
            if key == "evidence_ids" and isinstance(value, list)
            else _references(value, renamed)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_references(value, renamed) for value in node]
    return node


def _v1_to_v2(raw: Raw) -> Raw:
    """Sources become project-level (docs/DOMAIN.md): every persona's `evidence` moves, in
    persona order, into the project's `sources`, each source whole and with its id. Evidence
    whose id an earlier persona already used (a v1 copy and paste could do that) gets an id
    derived from the persona's id and its own, and that persona's citations follow it.
    Anything not shaped as expected is left for validation to name; `raw` is not changed."""
    personas = raw.get("personas")
    sources = raw.get("sources", [])
    if not isinstance(personas, list) or not isinstance(sources, list):
        return raw
    sources = list(sources)
    taken = {s.get("id") for s in sources if isinstance(s, dict)}
    moved: list[Any] = []
    for persona in personas:
        if not isinstance(persona, dict) or not isinstance(persona.get("evidence", []), list):
            moved.append(persona)
            continue
        persona = dict(persona)
        renamed: dict[str, str] = {}
        own: set[str] = set()
        for evidence in persona.pop("evidence", []):
            ident = evidence.get("id") if isinstance(evidence, dict) else None
            if isinstance(ident, str) and ident in taken:
                fresh = _derived_id(persona.get("id"), ident, taken)
                if ident not in own:  # another persona's: this persona's citations meant this one
                    renamed.setdefault(ident, fresh)
                evidence = {**evidence, "id": fresh}
                ident = fresh
            if isinstance(ident, str):
                taken.add(ident)
                own.add(ident)
            sources.append(evidence)
        moved.append(_references(persona, renamed) if renamed else persona)
    return {**raw, "personas": moved, "sources": sources}


def _derived_id(persona_id: object, ident: str, taken: set[object]) -> str:
    """A deterministic new id for a repeated evidence id: uuid5 of the persona's id and the
    old id (with a counter in the rare case that one is taken too)."""
    k = 0
    while True:
        fresh = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{persona_id}/{ident}" + (f"/{k}" if k else "")))
        if fresh not in taken:
            return fresh
        k += 1


MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2}
"""version v -> function upgrading a raw project object from v to v + 1. Version 1 is the first."""
