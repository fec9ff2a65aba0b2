"""Upgrades of older files, one schema version at a time, applied to the raw JSON object.

Each function receives the file's object *without* the "format" and "schema_version" keys
(the envelope belongs to the loader) and returns it in the shape of the next version. The
registry is a plain dict read at call time, so tests can install fake steps.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import constants

Raw = dict[str, Any]

MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {}
"""version v -> function upgrading a raw project object from v to v + 1. Version 1 is the first."""


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
