"""Make the shared document show what the host accepted: refused changes are written back
over, so every client converges on the host's truth."""

from __future__ import annotations

from typing import Any

from pycrdt import Array, Map


def shared(value: Any) -> Any:
    """A plain value as it goes into the document (dicts and lists become shared types)."""
    if isinstance(value, dict):
        return Map({k: shared(v) for k, v in value.items()})
    if isinstance(value, list):
        return Array([shared(v) for v in value])
    return value


def plain(value: Any) -> Any:
    return value.to_py() if isinstance(value, Map | Array) else value


def restore_map(ymap: Map, want: dict[str, Any]) -> None:
    """Set `ymap` to `want`, touching only the keys that differ."""
    for key in [k for k in list(ymap.keys()) if k not in want]:
        del ymap[key]
    for key, value in want.items():
        if key not in ymap or plain(ymap[key]) != value:
            ymap[key] = shared(value)


def restore_notes(notes: Array, want: list[dict[str, Any]], current: list[Any] | None = None) -> None:
    """Set the notes array to `want` (entries known by id): drop unknown, duplicate and
    malformed entries, restore changed ones, put back missing ones where they were.
    `current`: the array's plain values, when the caller has them (saves reading each entry)."""
    values = current if current is not None else [plain(item) for item in notes]
    wanted = {entry["id"]: entry for entry in want}
    seen: set[str] = set()
    drop: list[int] = []
    kept: list[tuple[int, Any]] = []
    for index, value in enumerate(values):
        ident = value.get("id") if isinstance(value, dict) else None
        if not isinstance(ident, str) or ident not in wanted or ident in seen:
            drop.append(index)
        else:
            seen.add(ident)
            kept.append((index - len(drop), value))
    for index in reversed(drop):
        del notes[index]
    for index, value in kept:
        if value != wanted[value["id"]]:
            restore_map(notes[index], wanted[value["id"]])
    for index, entry in enumerate(want):
        if entry["id"] not in seen:
            notes.insert(index, shared(entry))
