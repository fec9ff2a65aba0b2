"""What a canvas item stands for in the model, so the inspector, Find and the editing commands
can act on a selection without knowing item classes."""

from __future__ import annotations

from typing import NamedTuple


class Target(NamedTuple):
    """`kind` names the model object: "element" (a board element, id = element id, owner = board
    id), "persona", "journey", "stage", "step", "lane", "journey_note" (owner = journey id),
    "empathy_map", "empathy_note" (owner = map id), "emotion" (id = step id, owner = journey id,
    persona in `extra`), "source" (a source of the research library, on no board)."""

    kind: str
    id: str
    owner: str | None = None
    extra: str | None = None
