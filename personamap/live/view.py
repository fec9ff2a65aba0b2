"""A plain-Python copy of the session document, kept current from its change events: the host
judges each participant's update against it instead of reading the whole document twice (what
made a burst of notes queue up, benchmarks/bench_live.py). Entries are replaced, never changed
in place, so a shallow copy is a snapshot."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from pycrdt import Array, Doc, Map

from .reconcile import plain
from .shape import ROOTS, roots


class PlainView:
    """`read()` is the document as `shape.snapshot` gives it, at a fraction of the cost."""

    def __init__(self, doc: Doc):
        self.shared = roots(doc)
        self._data: dict[str, Any] = {name: self.shared[name].to_py() for name in ROOTS}
        self._stale: set[str] = set()
        self.ids: Counter[str] = Counter()
        """How many notes carry each id (entries that are maps with a text id), kept with the
        notes."""
        self._count(self._data["notes"], 1)
        self.rereads = 0
        self.inserted: list[Any] = []
        """Notes inserted since `mark()`, the very entries `read()` shows."""
        self.reshaped = False
        """Since `mark()`, a note was deleted or changed (not only inserted)."""
        """Roots read whole again because an event was not understood (0 in normal use)."""
        self.subscriptions = [self.shared[name].observe_deep(self._observer(name)) for name in ROOTS]

    def _observer(self, name: str) -> Callable[[list[Any]], None]:
        def changed(events: list[Any]) -> None:
            try:
                if name == "notes":
                    self._notes_changed(events)
                else:
                    self._map_changed(name, events)
            except Exception:  # anything unforeseen: read that root again when next asked
                self._stale.add(name)
                self.reshaped = True

        return changed

    def mark(self) -> None:
        """Start noting what the next changes do to the notes."""
        self.inserted, self.reshaped = [], False

    def read(self) -> dict[str, Any]:
        """A snapshot: every root as plain values (shallow copies; entries are never mutated)."""
        for name in self._stale:
            self._data[name] = self.shared[name].to_py()
            self.rereads += 1
            if name == "notes":
                self.ids = Counter()
                self._count(self._data["notes"], 1)
        self._stale.clear()
        return {name: list(v) if isinstance(v, list) else dict(v) for name, v in self._data.items()}

    def _map_changed(self, name: str, events: list[Any]) -> None:
        data: dict[str, Any] = dict(self._data[name])
        root: Map = self.shared[name]
        for event in events:
            path = list(event.path)
            if path:
                key = str(path[0])
                data[key] = plain(root[key]) if key in root else data.pop(key, None)
                continue
            for key, change in event.keys.items():
                if change.get("action") == "delete":
                    data.pop(key, None)
                else:
                    data[key] = plain(root[key])
        self._data[name] = data

    def _count(self, entries: list[Any], step: int) -> None:
        for entry in entries:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                self.ids[entry["id"]] += step

    def _notes_changed(self, events: list[Any]) -> None:
        notes: list[Any] = list(self._data["notes"])
        root: Array = self.shared["notes"]
        for event in (e for e in events if not list(e.path)):
            at = 0
            for step in event.delta:
                if "retain" in step:
                    at += int(step["retain"])
                elif "delete" in step:
                    self._count(notes[at : at + int(step["delete"])], -1)
                    del notes[at : at + int(step["delete"])]
                    self.reshaped = True
                elif "insert" in step:
                    items = [_entry(item) for item in step["insert"]]
                    notes[at:at] = items
                    self._count(items, 1)
                    self.inserted += items
                    at += len(items)
        for event in events:
            path = list(event.path)
            if not path:
                continue
            index = int(path[0])
            self._count(notes[index : index + 1], -1)
            notes[index] = _entry(root[index])
            self._count(notes[index : index + 1], 1)
            self.reshaped = True
        if len(notes) != len(root):
            raise ValueError("the notes went out of step")
        self._data["notes"] = notes


def _entry(item: Any) -> Any:
    """A note entry as plain values, through the document's own JSON: five times quicker than
    reading it key by key, and the same values for everything the host's rules accept (binary
    data comes out as a list of numbers rather than bytes: not text either way)."""
    if isinstance(item, Map | Array):
        try:
            return json.loads(str(item))
        except ValueError:
            return plain(item)
    return item
