"""Walking a persona's list entries (goals, quotes, channels, custom-section items, field
citations…) wherever they sit, for the rules that count or compare them."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel


def list_entries(node: BaseModel) -> Iterator[tuple[str, BaseModel]]:
    """(the list's field name, entry) for every entry of every list below `node`, nested models
    and entries' own lists included, in field order."""
    for name in type(node).model_fields:
        value = getattr(node, name)
        if isinstance(value, BaseModel):
            yield from list_entries(value)
        elif isinstance(value, list):
            for child in value:
                if isinstance(child, BaseModel):
                    yield name, child
                    yield from list_entries(child)
