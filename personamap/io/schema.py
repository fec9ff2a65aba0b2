"""The JSON Schema (draft 2020-12) of the current `.personamap` file, for tools that read or
write the format without personamap (`personamap schema`, docs/schema/).

It is built from the model, so it cannot drift from what the reader validates, plus the rules
the reader enforces that pydantic's own schema leaves out: the envelope ("format" and
"schema_version"), the date range (README "Limits"), images as base64 whose data starts as
their media type says, and the longest list. What no schema can say (ids unique, references
resolve, a scale's minimum below its maximum, the file size and value counts) is said in the
description; `personamap check` tells the rest. The text is stable: the same model gives the
same bytes, so the committed copy can be compared with what this module prints.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from personamap.model.project import Project

from . import constants, limits

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The meta-schema's identifier (a name, never fetched)."""

_MONTH_DAY = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?"
_ZONE = "([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
_BASE64 = "^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
_BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_ANY_CHAR = "[A-Za-z0-9+/]"

SIGNATURES: dict[str, tuple[tuple[int, bytes], ...]] = {
    "image/png": ((0, b"\x89PNG\r\n\x1a\n"),),
    "image/jpeg": ((0, b"\xff\xd8\xff"),),
    "image/webp": ((0, b"RIFF"), (8, b"WEBP")),
}
"""The bytes (at their offsets) by which the model tells an image's type from its content
(`sniff_media_type` in personamap/model/project.py; a test keeps the two in step)."""

_LIMITS = (
    "What the schema cannot check, a file must still honour: ids are unique and every reference "
    "(a card to its persona, a note to its lane and stage, a citation to its source) resolves; "
    "an emotion scale's minimum is below its "
    f"maximum; the file is at most {constants.MAX_FILE_BYTES // (1024 * 1024)} MB and holds at most "
    f"{limits.MAX_VALUES:,} values and {limits.MAX_OBJECTS:,} objects, nested at most "
    f"{constants.MAX_DEPTH} levels. Dates and times lie from 1900-01-01 to 2999-12-31 (times "
    "compared in UTC). `personamap check FILE` reports every rule with its place."
)


def year_pattern(first: dt.date, last: dt.date) -> str:
    """A regex for the four-digit years first..last, which must be whole centuries (1900..2999)."""
    if (first.month, first.day, first.year % 100) != (1, 1, 0) or (last.month, last.day) != (12, 31):
        raise ValueError(f"date bounds {first}..{last} are not whole centuries")
    if last.year % 100 != 99 or not 1000 <= first.year <= last.year <= 9999:
        raise ValueError(f"date bounds {first}..{last} are not whole centuries")
    centuries = "|".join(str(c) for c in range(first.year // 100, last.year // 100 + 1))
    return f"({centuries})[0-9]{{2}}"


def signature_pattern(parts: tuple[tuple[int, bytes], ...]) -> str:
    """A regex for the base64 text of data that holds `parts`: each character whose six bits
    all come from known bytes is fixed, the others may be any base64 character."""
    known = {offset + i: byte for offset, chunk in parts for i, byte in enumerate(chunk)}
    chars: list[str] = []
    for c in range((max(known) // 3 + 1) * 4):
        bytes_used = {bit // 8 for bit in range(6 * c, 6 * c + 6)}
        if not bytes_used <= known.keys():
            chars.append(_ANY_CHAR)
            continue
        value = 0
        for bit in range(6 * c, 6 * c + 6):
            value = value << 1 | (known[bit // 8] >> (7 - bit % 8)) & 1
        chars.append(re.escape(_BASE64_ALPHABET[value]))
    while chars[-1] == _ANY_CHAR:
        chars.pop()
    runs = [(char, len(list(group))) for char, group in itertools.groupby(chars)]
    return "^" + "".join(char if n == 1 else f"{char}{{{n}}}" for char, n in runs)


def _content_matches_type() -> list[dict[str, Any]]:
    """An image's data must start as its media type says (the model's content sniffing)."""
    return [
        {
            "if": {"properties": {"media_type": {"const": media_type}}, "required": ["media_type"]},
            "then": {"properties": {"data": {"pattern": signature_pattern(parts)}}},
        }
        for media_type, parts in SIGNATURES.items()
    ]


def _bounded_years(schema: core_schema.DateSchema | core_schema.DatetimeSchema) -> str:
    first, last = schema.get("ge"), schema.get("le")
    if first is None or last is None:
        return "[0-9]{4}"
    return year_pattern(first, last)


class _Generator(GenerateJsonSchema):
    """pydantic's generator, with the rules of a date and of a list that it does not write."""

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        out = super().date_schema(schema)
        out["pattern"] = f"^{_bounded_years(schema)}-{_MONTH_DAY}$"
        return out

    def datetime_schema(self, schema: core_schema.DatetimeSchema) -> JsonSchemaValue:
        out = super().datetime_schema(schema)
        out["pattern"] = f"^{_bounded_years(schema)}-{_MONTH_DAY}[Tt]{_TIME}{_ZONE}$"
        return out

    def list_schema(self, schema: core_schema.ListSchema) -> JsonSchemaValue:
        out = super().list_schema(schema)
        out.setdefault("maxItems", limits.MAX_LIST_ITEMS)
        return out


def _stable(value: Any, parent: str | None = None) -> Any:
    """Keys sorted, except the properties of an object, which keep the file's order."""
    if isinstance(value, dict):
        keys = list(value) if parent == "properties" else sorted(value)
        return {key: _stable(value[key], key) for key in keys}
    if isinstance(value, list):
        return [_stable(item) for item in value]
    return value


def file_schema() -> dict[str, Any]:
    """The schema of a current `.personamap` file, as a JSON object."""
    project = Project.model_json_schema(schema_generator=_Generator, mode="serialization")
    asset = project["$defs"]["Asset"]
    asset["properties"]["data"].update(contentEncoding="base64", pattern=_BASE64)
    asset["allOf"] = _content_matches_type()
    envelope = {
        "format": {"const": constants.FORMAT_ID, "description": "Tells a personamap file from other JSON."},
        "schema_version": {
            "const": constants.SCHEMA_VERSION,
            "description": "The version of the format; older files are upgraded when personamap opens them.",
        },
    }
    title = f"personamap project file, schema version {constants.SCHEMA_VERSION}"
    return {  # the envelope's keys in reading order, the meta-schema first
        "$schema": DIALECT,
        "$id": f"urn:personamap:project-file:v{constants.SCHEMA_VERSION}",
        "title": title,
        "description": f"A `{constants.EXTENSION}` file: one UTF-8 JSON object. {_LIMITS}",
        "type": "object",
        "required": ["format", "schema_version", *project.get("required", [])],
        "additionalProperties": False,
        "properties": _stable({**envelope, **project["properties"]}, "properties"),
        "$defs": _stable(project["$defs"]),
    }


def schema_text() -> str:
    """The schema as the committed copy holds it: indented by two, UTF-8, a final newline."""
    return json.dumps(file_schema(), indent=2, ensure_ascii=False) + "\n"
