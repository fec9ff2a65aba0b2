"""Placeholder first names for draft personas, from the bundled list
(resources/names/placeholder-names.txt): a draft reads as a person until the team names it, and
the same seed gives the same names, never one the project already has."""

from __future__ import annotations

import functools
import random
from collections.abc import Collection

from personamap.resources import resources_dir

NAMES_FILE = "names/placeholder-names.txt"


@functools.cache
def bundled_names() -> tuple[str, ...]:
    """The bundled names, in file order (comments and blank lines skipped)."""
    text = (resources_dir() / NAMES_FILE).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


def placeholder_names(count: int, *, existing: Collection[str] = (), seed: int = 0) -> list[str]:
    """`count` different names in an order fixed by `seed`, none equal (ignoring case) to one in
    `existing`. Once the list runs out, names repeat with a number ("Bea 2")."""
    taken = {name.strip().casefold() for name in existing}
    pool = list(bundled_names())
    random.Random(seed).shuffle(pool)
    out: list[str] = []
    for round_ in range(1, count + 2):
        for base in pool:
            name = base if round_ == 1 else f"{base} {round_}"
            if len(out) == count:
                return out
            if name.casefold() not in taken:
                taken.add(name.casefold())
                out.append(name)
    return out
