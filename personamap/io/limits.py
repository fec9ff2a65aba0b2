"""Structural limits of a file, checked before the model is built.

The 64 MB size cap does not cap memory: 2 MB of `[0, 0, …]` where personas belong made
pydantic build a million error objects (1.5 GB), and a million tiny notes take 1.9 GB as
models. So a file is first measured, cheaply and with an early stop, and refused with a
plain message when it holds more than any real project does. The limits (README "Limits"):

- values (texts, numbers, flags, objects, lists) in the file: MAX_VALUES
- objects (`{…}`: personas, notes, elements…): MAX_OBJECTS
- items in one list: MAX_LIST_ITEMS
- keys in one object: MAX_KEYS
- characters in one text: MAX_TEXT_CHARS

Two passes: `check_bytes` (or `check_text`, for text given as a string) counts the commas
and brackets of the file (with the strings taken out only when the plain counts are already
high), refusing a flood before it is decoded or parsed and telling whether the fast path may
see the file; `check_tree` walks the parsed JSON once, stopping at the first breach.
"""

from __future__ import annotations

import re
from typing import Any

MAX_VALUES = 1_000_000
"""A 20,000-note project holds about 214,000 values; this allows about 90,000 notes."""

MAX_OBJECTS = 100_000
"""A 20,000-note project holds about 22,500 objects; this allows about 90,000 notes."""

MAX_LIST_ITEMS = 500_000
"""No list of a real project comes near: a journey of 20,000 notes is a list of 20,000."""

MAX_KEYS = 1_000
"""The largest object of the format (a persona) has 28 fields."""

MAX_TEXT_CHARS = 6_000_000
"""An embedded image is at most 4 MB, 5.6 million characters of base64; other texts 20,000."""

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


class LimitError(ValueError):
    """A file beyond a structural limit; `place` is "" or where in the file, `reason` the words."""

    def __init__(self, place: str, reason: str) -> None:
        super().__init__(reason)
        self.place = place
        self.reason = reason


def _n(count: int) -> str:
    return f"{count:,}"


_NOT_MARKS = bytes(b for b in range(256) if b not in b",{[")


def quick_bound(data: bytes | str) -> tuple[int, int]:
    """(upper bound of values, upper bound of objects) from plain counts, at memory speed.

    Every value but the first of its container follows a comma, so values ≤ commas +
    containers + 1; commas and brackets inside strings only raise the bound. Bytes are
    counted in one pass (translate keeps only `,{[`; 4 ms for 10 MB)."""
    if isinstance(data, bytes):
        marks = data.translate(None, _NOT_MARKS)
        return len(marks) + 1, marks.count(b"{")  # commas + containers + 1
    objects = data.count("{")
    return data.count(",") + objects + data.count("[") + 1, objects


_STRING_BYTES = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


def check_bytes(data: bytes) -> int:
    """Refuse (LimitError) a file that certainly holds too many values or objects, before it
    is decoded or parsed. Return 0 if it may not take the fast path, else an upper bound of
    its values (within the limits, so a failed parse builds a bounded number of error
    objects), which the fast path reuses instead of counting again.

    The plain counts settle most files in 4 ms. Beyond them, keys (`":`, never more than
    there are) refuse a flood of objects at once; else the strings are taken out (0.3 s for
    45 MB) and the commas, braces and empty containers of the structure counted, which is
    exact for valid JSON: a container of n items holds n - 1 commas."""
    values, objects = quick_bound(data)
    if values <= MAX_VALUES and objects <= MAX_OBJECTS:
        return values
    if data.count(b'":') - data.count(b'\\":') >= MAX_VALUES:
        raise LimitError("", too_many_values())
    bare = _STRING_BYTES.sub(b'""', data)
    marks = bare.translate(None, _NOT_MARKS)
    objects = marks.count(b"{")
    if len(marks) - objects - marks.count(b"[") >= MAX_VALUES:  # the commas alone
        raise LimitError("", too_many_values())
    if objects > MAX_OBJECTS:
        raise LimitError("", too_many_objects())
    values = len(marks) + 1 - bare.count(b"[]") - bare.count(b"{}")
    return values if values <= MAX_VALUES else 0


def check_text(text: str) -> None:
    """Refuse a text that certainly holds too many values or objects, before parsing it.

    Only when the plain counts exceed a limit are the strings taken out (about 0.3 s for
    30 MB) to count the commas and braces of the structure alone, which are then exact
    lower bounds: n items of a container need n - 1 commas."""
    values, objects = quick_bound(text)
    if values <= MAX_VALUES and objects <= MAX_OBJECTS:
        return
    # Keys end in `":` (a `":` inside a string is escaped, `\":`): a lower bound of the
    # values held by objects, found without taking the strings out.
    if text.count('":') - text.count('\\":') >= MAX_VALUES:
        raise LimitError("", too_many_values())
    bare = _STRING.sub('""', text)
    if bare.count(",") >= MAX_VALUES:
        raise LimitError("", too_many_values())
    if bare.count("{") > MAX_OBJECTS:
        raise LimitError("", too_many_objects())


def too_many_values() -> str:
    return (
        f"holds more than {_n(MAX_VALUES)} values (texts, numbers, objects, lists); "
        f"a file may hold at most {_n(MAX_VALUES)}"
    )


def too_many_objects() -> str:
    return (
        f"holds more than {_n(MAX_OBJECTS)} objects (personas, notes, items, elements…); "
        f"a file may hold at most {_n(MAX_OBJECTS)}"
    )


def check_tree(data: Any) -> int:
    """Walk parsed JSON once and raise LimitError at the first breach; return the number of
    values. Iterative, so depth costs no stack (the parser already bounds depth); places are
    worked out only for a breach (a second walk), so the common case builds none."""
    values, objects = 1, 0
    if type(data) is str and len(data) > MAX_TEXT_CHARS:
        raise LimitError("", _long_text(data))
    if not isinstance(data, dict | list):
        return values
    stack: list[Any] = [data]
    while stack:
        node = stack.pop()
        count = len(node)
        values += count
        if isinstance(node, dict):
            objects += 1
            if count > MAX_KEYS:
                raise LimitError(_where(data, node), _many_keys(node))
            children: Any = node.values()
        else:
            if count > MAX_LIST_ITEMS:
                raise LimitError(_where(data, node), _long_list(node))
            children = node
        if values > MAX_VALUES:
            raise LimitError("", too_many_values())
        if objects > MAX_OBJECTS:
            raise LimitError("", too_many_objects())
        for item in children:
            kind = type(item)
            if kind is dict or kind is list or isinstance(item, dict):
                stack.append(item)
            elif kind is str and len(item) > MAX_TEXT_CHARS:
                raise LimitError(_where(data, item), _long_text(item))
    return values


def _many_keys(node: Any) -> str:
    return f"an object with {_n(len(node))} keys is too large; an object may have at most {_n(MAX_KEYS)}"


def _long_list(node: Any) -> str:
    return f"a list of {_n(len(node))} items is too long; a list may hold at most {_n(MAX_LIST_ITEMS)}"


def _long_text(text: str) -> str:
    return f"a text of {_n(len(text))} characters is too long; the limit is {_n(MAX_TEXT_CHARS)}"


def _where(data: Any, target: Any) -> str:
    """The place of `target` (by identity) in `data`, in the walk's order."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        node, loc = stack.pop()
        if node is target:
            return _place(loc)
        if isinstance(node, dict | list):
            items = node.items() if isinstance(node, dict) else enumerate(node)
            stack.extend(
                (item, (*loc, key)) for key, item in items if item is target or isinstance(item, dict | list)
            )
    return ""


def longest_list(root: Any) -> int:
    """The length of the longest list in a model tree (a loaded project), for a file that
    took the fast path: one walk over the models, only for files with many values."""
    longest = 0
    stack = [root]
    while stack:
        node = stack.pop()
        for value in node.__dict__.values():
            if type(value) is list:
                longest = max(longest, len(value))
                if value and hasattr(value[0], "__pydantic_fields_set__"):
                    stack.extend(value)
            elif hasattr(value, "__pydantic_fields_set__"):
                stack.append(value)
    return longest


def _place(loc: tuple[str | int, ...]) -> str:
    from .reader import place_of  # the reader imports this module

    return place_of(loc) if loc else ""
