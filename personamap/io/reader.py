"""The careful reader: strict JSON, envelope, migrations, validation, with a place and reason
for every problem. It is the only reader that reports; the fast path in `codec` just falls
back here whenever anything is unusual."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from typing import Any

from pydantic import ValidationError

from personamap.model.base import FIRST_DAY, FIRST_MOMENT, LAST_DAY, LAST_MOMENT, UUID_PATTERN
from personamap.model.integrity import format_loc
from personamap.model.project import Project

from . import constants, limits
from .errors import printable, problem_pairs
from .migrations import MigrationError, migrate

Problems = list[tuple[str, str]]
Loc = tuple[str | int, ...]
_MAX_INT_DIGITS = 4300
MAX_PROBLEMS = 200
"""Problems listed in full; beyond this a file is reported by its first few and a count, and
no error object is built per bad item (a million bad items once took 1.5 GB to report)."""
_TRUNCATE = (8, 1)
"""List lengths of the cut-down copies validated to find the first problems of a flood."""


def capped(found: Problems, total: int) -> Problems:
    """`found` when it is all there is; else its first few and a line saying how many more."""
    if total <= len(found) and total <= MAX_PROBLEMS:
        return found
    shown = found[: constants.MAX_SHOWN - 1]
    return [*shown, ("", f"… and {total - len(shown):,} more problems")]


class _BadNumber:
    """Stands in for a number JSON should not hold, so a later walk can say where it was."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


class _DupDict(dict[str, Any]):
    """An object that had repeated keys (the last value won); remembers which keys."""

    __slots__ = ("duplicates",)
    duplicates: list[str]


class Refused(Exception):
    """Internal: carries the problems out of the reader."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems)
        self.problems = problems


def parse_json(text: str) -> Any:
    """json.loads that refuses NaN/Infinity, overflowing numbers, duplicate keys and deep
    nesting, each with its place; raises Refused."""
    flagged: list[object] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        marked = _DupDict(pairs)
        marked.duplicates = [k for k, n in Counter(k for k, _ in pairs).items() if n > 1]
        flagged.append(marked)
        return marked

    def bad(reason: str) -> _BadNumber:
        flagged.append(reason)
        return _BadNumber(reason)

    def parse_float(s: str) -> float | _BadNumber:
        value = float(s)
        return bad(f"the number {printable(s, 40)} is too large") if math.isinf(value) else value

    def parse_int(s: str) -> int | _BadNumber:
        if len(s) > _MAX_INT_DIGITS:
            return bad(f"a number with {len(s)} digits is too large")
        return int(s)

    def parse_constant(s: str) -> _BadNumber:
        return bad(f"{s} is not a number JSON allows")

    try:
        data = json.loads(
            text,
            object_pairs_hook=pairs_hook,
            parse_float=parse_float,
            parse_int=parse_int,
            parse_constant=parse_constant,
        )
    except json.JSONDecodeError as exc:
        raise Refused([("", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")]) from None
    except RecursionError:
        raise Refused([("", _depth_reason(text))]) from None
    except (ValueError, MemoryError) as exc:
        raise Refused([("", f"not valid JSON: {printable(str(exc), 200)}")]) from None
    if flagged:
        found = _walk_problems(data)
        if found:
            raise Refused(found)
    return data


def _walk_problems(data: Any) -> Problems:
    """Places of the bad numbers and repeated keys left by the parse hooks, in file order."""
    found: Problems = []
    total = 0
    stack: list[tuple[Any, Loc, int]] = [(data, (), 0)]
    while stack:
        node, loc, depth = stack.pop()
        if depth > constants.MAX_DEPTH:
            return [("", f"nested more than {constants.MAX_DEPTH} levels deep")]
        if isinstance(node, _BadNumber):
            total += 1
            if len(found) < MAX_PROBLEMS:
                found.append((place_of(loc), node.reason))
        elif isinstance(node, dict):
            for key in getattr(node, "duplicates", ()):
                total += 1
                if len(found) < MAX_PROBLEMS:
                    found.append((place_of(loc), f"duplicate key '{printable(key, 60)}'"))
            stack.extend((v, (*loc, k), depth + 1) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, (*loc, i), depth + 1) for i, v in reversed(list(enumerate(node))))
    return capped(found, total)


def too_deep(data: Any) -> bool:
    """Whether parsed JSON nests deeper than MAX_DEPTH (without recursing)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > constants.MAX_DEPTH:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node if isinstance(v, dict | list))
    return False


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]', re.DOTALL)


def _depth_reason(text: str) -> str:
    """Where the nesting first goes deeper than allowed, for a file too deep to parse."""
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > constants.MAX_DEPTH:
                pos = match.start()
                line = text.count("\n", 0, pos) + 1
                column = pos - (text.rfind("\n", 0, pos) + 1) + 1
                return f"nested more than {constants.MAX_DEPTH} levels deep (line {line}, column {column})"
        elif token in "]}":
            depth -= 1
    return f"nested more than {constants.MAX_DEPTH} levels deep"


def place_of(loc: Loc) -> str:
    """`personas[2].name`, with file-made keys escaped so a key cannot forge a message."""
    return format_loc(tuple(p if isinstance(p, int) else printable(p, 60) for p in loc))


def check_envelope(data: Any) -> tuple[dict[str, Any], int]:
    """The project object without "format"/"schema_version", and the version it was written in."""
    if not isinstance(data, dict):
        kind = (
            "a list" if isinstance(data, list) else "a string" if isinstance(data, str) else "a single value"
        )
        raise Refused([("", f"not a personamap file: it holds {kind}, not an object")])
    raw = dict(data)
    fmt = raw.pop("format", None)
    version = raw.pop("schema_version", None)
    if fmt != constants.FORMAT_ID:
        said = 'has no "format"' if fmt is None else f"says format {printable(repr(fmt), 60)}"
        raise Refused([("format", f"not a personamap file: it {said}, expected '{constants.FORMAT_ID}'")])
    if isinstance(version, bool) or not isinstance(version, int):
        shown = printable(repr(version), 40)
        said = "is missing" if version is None else f"must be a whole number, not {shown}"
        raise Refused([("schema_version", said)])
    if version > constants.SCHEMA_VERSION:
        newer = (
            f"was written by a newer personamap (schema version {version}; this version reads up "
            f"to {constants.SCHEMA_VERSION}); update personamap to open it"
        )
        raise Refused([("schema_version", newer)])
    if version < 1:
        raise Refused([("schema_version", f"is {version}; versions start at 1")])
    return raw, version


def read_text(text: str) -> Project:
    """The whole careful read of a decoded file; raises Refused with its problems (the first
    few and a count when there are many). Structural limits are checked on the text before
    parsing and on the parsed JSON before anything is validated (limits.py)."""
    try:
        limits.check_text(text)
        data = parse_json(text)
        limits.check_tree(data)
    except limits.LimitError as exc:
        raise Refused([(exc.place, exc.reason)]) from None
    raw, version = check_envelope(data)
    del data
    if version < constants.SCHEMA_VERSION:
        try:
            raw = migrate(raw, version)
        except MigrationError as exc:
            raise Refused([("schema_version", printable(str(exc), 300))]) from None
    return validate(raw)


def validate(raw: dict[str, Any]) -> Project:
    """Project.model_validate plus integrity rules, as places and reasons."""
    flood = 0
    try:
        project = Project.model_validate(raw)
    except ValidationError as exc:
        if too_deep(raw):
            raise Refused([("", f"nested more than {constants.MAX_DEPTH} levels deep")]) from None
        if exc.error_count() <= MAX_PROBLEMS:
            raise Refused(validation_problems(exc, raw)) from None
        flood = exc.error_count()  # reported below, once the errors of the flood are freed
    except (ValueError, TypeError, RecursionError) as exc:  # a validator tripping over odd input
        raise Refused([("", f"cannot be read: {printable(str(exc), 200)}")]) from None
    if flood:
        raise Refused(first_problems(raw, flood))
    found = type_problems(raw, project.model_dump(mode="json", warnings=False)) or problem_pairs(project)
    if found:
        raise Refused(capped(found[:MAX_PROBLEMS], len(found)))
    return project


def first_problems(raw: dict[str, Any], count: int) -> Problems:
    """The first few of `count` validation problems, found without asking pydantic for all
    of them (`errors()` of a million takes 5 s and 800 MB): a copy with every list cut to its
    first items is validated; its problems are problems of the file, at the same places."""
    for keep in _TRUNCATE:
        try:
            Project.model_validate(_truncated(raw, keep))
        except ValidationError as exc:
            if exc.error_count() <= MAX_PROBLEMS:
                return capped(validation_problems(exc, raw)[: constants.MAX_SHOWN - 1], count)
        except (ValueError, TypeError, RecursionError):
            break
    return [("", f"{count:,} values do not fit a personamap file (wrong types or unknown fields)")]


def _truncated(node: Any, keep: int) -> Any:
    """`node` with every list cut to its first `keep` items (recursively; shares the leaves)."""
    if isinstance(node, dict):
        return {k: _truncated(v, keep) if isinstance(v, dict | list) else v for k, v in node.items()}
    if isinstance(node, list):
        return [_truncated(v, keep) if isinstance(v, dict | list) else v for v in node[:keep]]
    return node


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    return "text" if isinstance(value, str) else ""


def type_problems(raw: Any, clean: Any) -> Problems:
    """Strict types: pydantic's lax mode turns "7" into 7 and "false" into False; a file that
    holds text where a number or a flag belongs (or the other way round) is refused, with its
    place. Compares the JSON kind of every value in the file with the validated one: first
    without places (most files have no problem), then, if one differs, with them."""
    if not _kinds_differ(raw, clean):
        return []
    found: Problems = []
    total = 0
    stack: list[tuple[Any, Any, Loc]] = [(raw, clean, ())]
    while stack:
        given, kept, loc = stack.pop()
        if isinstance(given, dict) and isinstance(kept, dict):
            stack.extend((v, kept[k], (*loc, k)) for k, v in reversed(given.items()) if k in kept)
        elif isinstance(given, list) and isinstance(kept, list) and len(given) == len(kept):
            stack.extend((v, kept[i], (*loc, i)) for i, v in reversed(list(enumerate(given))))
        else:
            was, now = _kind(given), _kind(kept)
            if was and now and was != now:
                total += 1
                if len(found) < MAX_PROBLEMS:
                    found.append((place_of(loc), f"must be {now}, not {was}"))
    return capped(found, total)


_SIMPLE = frozenset({str, int, float, bool, type(None)})
_ABSENT = object()


def _kinds_differ(raw: Any, clean: Any) -> bool:
    """Whether any value of `raw` has another JSON kind than its validated twin in `clean`
    (the same Python type is the same kind: those pairs are skipped without a call)."""
    stack: list[tuple[Any, Any]] = [(raw, clean)]
    while stack:
        given, kept = stack.pop()
        if isinstance(given, dict):
            if not isinstance(kept, dict):
                continue
            pairs: Any = ((value, kept.get(key, _ABSENT)) for key, value in given.items())
        elif isinstance(given, list):
            if not (isinstance(kept, list) and len(given) == len(kept)):
                continue
            pairs = zip(given, kept, strict=True)
        else:
            was, now = _kind(given), _kind(kept)
            if was and now and was != now:
                return True
            continue
        for value, other in pairs:
            kind = type(value)
            if other is _ABSENT or (kind is type(other) and kind in _SIMPLE):
                continue
            stack.append((value, other))
    return False


def validation_problems(exc: ValidationError, raw: Any) -> Problems:
    """pydantic errors as (place, reason), places cleaned of union tags."""
    return [
        (place_of(clean_loc(err["loc"], raw)), _reason(err))
        for err in exc.errors(include_url=False, include_input=False)
    ]


def clean_loc(loc: tuple[Any, ...], raw: Any) -> Loc:
    """Drop the parts of a pydantic loc that are not in the data (tags of unions), following
    the raw data: ('boards', 0, 'elements', 3, 'persona_card', 'persona_id') becomes
    boards[0].elements[3].persona_id."""
    out: list[str | int] = []
    node = raw
    fresh = False  # just stepped into a list item: a discriminated union puts its tag here
    for i, part in enumerate(loc):
        if fresh and isinstance(node, dict) and isinstance(part, str) and node.get("type") == part:
            fresh = False
            continue
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_list or (isinstance(node, dict) and part in node):
            node = node[part]
        elif not (i == len(loc) - 1 and isinstance(node, dict) and isinstance(part, str)):
            continue  # another kind of union tag; the file has no such level
        # else: a missing field, named by the last part
        fresh = isinstance(part, int)
        out.append(part)
    return tuple(out)


_DAY_BOUNDS = {str(bound) for bound in (FIRST_DAY, LAST_DAY, FIRST_MOMENT, LAST_MOMENT)} | {
    bound.isoformat().replace("+00:00", "Z") for bound in (FIRST_MOMENT, LAST_MOMENT)
}
"""How pydantic shows the bounds of Day and Moment in an error's context."""

_PATTERN_REASONS = {
    UUID_PATTERN: "is not a valid id (expected a lower-case uuid like 0f8fad5b-d9cb-469f-a165-70867728950e)",
    r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$": "contains a control character",
    r"^[^\x00-\x1f\x7f]*$": "must be one line without control characters",
    r"^#[0-9A-Fa-f]{6}$": "is not a colour like #0072B2",
}


def _reason(err: Any) -> str:
    kind, msg, ctx = err["type"], err["msg"], err.get("ctx") or {}
    if kind == "missing":
        reason = "is required but missing"
    elif kind == "extra_forbidden":
        reason = "unknown field (not part of a personamap file)"
    elif kind == "string_unicode":
        reason = "contains invalid text (a lone surrogate)"
    elif kind == "string_pattern_mismatch":
        reason = _PATTERN_REASONS.get(str(ctx.get("pattern")), msg)
    elif kind == "union_tag_invalid":
        tag = printable(repr(ctx.get("tag")), 40)
        reason = f"unknown type {tag}; expected one of {ctx.get('expected_tags')}"
    elif kind == "union_tag_not_found":
        reason = 'has no "type"'
    elif (
        kind in ("less_than_equal", "greater_than_equal") and str(ctx.get("le", ctx.get("ge"))) in _DAY_BOUNDS
    ):
        reason = f"must be a date from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
    else:
        reason = msg.removeprefix("Value error, ")
    return printable(reason, 300)
