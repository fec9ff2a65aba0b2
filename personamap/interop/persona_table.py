"""A persona table: one row a persona, one column a field (persona_fields.py), a list in one
cell (` | `) or one entry per numbered column, and custom sections by their titles. `rows` and
`personas` are inverses for everything the table carries (see docs/tables.md)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from personamap.model import Persona
from personamap.model.base import clean_text

from .cells import join, joinable, split
from .journey_table import is_journey
from .persona_fields import (
    BODY_SUFFIX,
    FIELDS,
    NAME,
    SECTION_PREFIX,
    Header,
    PersonaField,
    cell_value,
    choice,
    choices_text,
    parse_header,
    put,
)

Column = tuple[str, Callable[[Persona], str]]


class RowError(ValueError):
    """A row that cannot become a persona; the message names the column and the reason."""


def rows(personas: list[Persona]) -> list[list[str]]:
    """The header and one row per persona. A field's column is left out when every persona has
    its default there (importing then gives the default back); Name is always there."""
    columns = [c for f in FIELDS for c in _field_columns(personas, f)] + _custom_columns(personas)
    return [[h for h, _ in columns]] + [[get(p) for _, get in columns] for p in personas]


def _field_columns(personas: list[Persona], f: PersonaField) -> list[Column]:
    default = cell_value(_default(), f)
    values = [cell_value(p, f) for p in personas]
    if f is not NAME and all(v == default for v in values):
        return []
    if f.kind != "list":
        return [(f.header, lambda p: str(cell_value(p, f)))]
    lists = [v for v in values if isinstance(v, list)]
    if all(joinable(v) for v in lists):
        return [(f.header, lambda p: join(_entries(p, f)))]
    return [(f"{f.singular} {n + 1}", _nth(lambda p: _entries(p, f), n)) for n in range(max(map(len, lists)))]


@functools.cache
def _default() -> Persona:
    """A new persona: its fields are the defaults an import falls back on."""
    return Persona()


def _entries(persona: Persona, f: PersonaField) -> list[str]:
    value = cell_value(persona, f)
    return value if isinstance(value, list) else [value]


def _nth(entries: Callable[[Persona], list[str]], n: int) -> Callable[[Persona], str]:
    """The cell of numbered column `n`: the persona's entry there, or blank."""

    def cell(persona: Persona) -> str:
        found = entries(persona)
        return found[n] if n < len(found) else ""

    return cell


def _custom_columns(personas: list[Persona]) -> list[Column]:
    """One column for a section's entries (or one per entry) and one for its body, by title in
    the order the titles first appear. A title that would read as a field gets `Section: `."""
    titles = list(dict.fromkeys(s.title for p in personas for s in p.custom_sections))
    columns: list[Column] = []
    for title in titles:
        entries: Callable[[Persona], list[str]] = _section_entries(title)
        lists = [entries(p) for p in personas]
        if any(lists):
            if all(joinable(e) for e in lists) and _reads_as_section(title):
                columns.append((title, lambda p, e=entries: join(e(p))))  # type: ignore[misc]
            else:
                most = max(map(len, lists))
                columns += [(f"{SECTION_PREFIX}{title} #{n + 1}", _nth(entries, n)) for n in range(most)]
        body = _section_body(title)
        if any(body(p) for p in personas):
            header = title + BODY_SUFFIX
            if parse_header(header) != Header("body", title=title):
                header = SECTION_PREFIX + header
            columns.append((header, body))
    return columns


def _reads_as_section(header: str) -> bool:
    """Whether `header` alone reads back as the custom section of that title (and does not
    make the table look like a journey step table)."""
    fits = parse_header(header) == Header("joined", title=header)
    return fits and bool(header.strip()) and not is_journey([header])


def _section_entries(title: str) -> Callable[[Persona], list[str]]:
    return lambda p: [i.text for s in p.custom_sections if s.title == title for i in s.items]


def _section_body(title: str) -> Callable[[Persona], str]:
    return lambda p: "\n\n".join(s.body for s in p.custom_sections if s.title == title and s.body)


def persona(header: list[Header], row: list[str]) -> Persona:
    """The persona of one row (cells already restored from formula neutralising)."""
    data: dict[str, Any] = {}
    sections: dict[str, dict[str, Any]] = {}
    for column, cell in zip(header, row, strict=True):
        if column.field is None:
            _custom(sections, column, cell)
        elif column.part == "value":
            _value(data, column.field, cell)
        elif cell.strip():
            entries = split(cell) if column.part == "joined" else [cell]
            _extend(data, column.field, entries)
    if not str(data.get("name", "")).strip():
        raise RowError("the Name cell is empty")
    data["custom_sections"] = [s for s in sections.values() if s["items"] or s["body"]]
    try:
        return Persona.model_validate(data)
    except ValidationError as exc:
        raise RowError(_reason(exc)) from None


def _value(data: dict[str, Any], f: PersonaField, cell: str) -> None:
    if f.kind in ("choice", "level", "code"):
        cell = cell.strip()
    if not cell:
        return
    if f.kind == "choice":
        value = choice(f, cell)
        if value is None:
            raise RowError(f'{f.header} "{cell}" is not one of: {choices_text(f)}')
        put(data, f.path, value)
    elif f.kind == "level":
        if not cell.isdigit() or not 1 <= int(cell) <= 5:
            raise RowError(f'{f.header} "{cell}" is not a whole number from 1 to 5')
        put(data, f.path, int(cell))
    else:
        put(data, f.path, clean_text(cell, one_line=f.kind != "long"))


def _extend(data: dict[str, Any], f: PersonaField, entries: list[str]) -> None:
    target: dict[str, Any] = data
    *parents, last = f.path.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    one_line = f.entry != "text"
    texts = [clean_text(e, one_line=one_line) for e in entries]
    target.setdefault(last, []).extend(t if f.entry is None else {f.entry: t} for t in texts)


def _custom(sections: dict[str, dict[str, Any]], column: Header, cell: str) -> None:
    title = clean_text(column.title, one_line=True)
    section = sections.setdefault(title, {"title": title, "items": [], "body": ""})
    if column.part == "body":
        section["body"] = "\n\n".join(b for b in (section["body"], clean_text(cell)) if b)
    elif cell.strip():
        entries = split(cell) if column.part == "joined" else [cell]
        section["items"] += [{"text": clean_text(e)} for e in entries]


def _reason(exc: ValidationError) -> str:
    """The first problem pydantic found, named by the column it came from."""
    error = exc.errors()[0]
    loc = ".".join(str(part) for part in error["loc"] if isinstance(part, str))
    named = next((f.header for f in FIELDS if loc == f.path or loc.startswith(f.path + ".")), loc)
    if loc.startswith("custom_sections"):
        named = "a custom section"
    return f"{named}: {error['msg']}"
