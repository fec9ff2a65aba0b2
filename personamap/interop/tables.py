"""CSV and workbook tables in and out (issue 16): a persona table (persona_table.py) or a
journey step table (journey_table.py). Import reads with the data reader (encodings, dialects,
.xlsx via calamine) and refuses a bad table with a `TableError` of one line naming the file,
the line and the reason; export writes UTF-8 with a BOM (Excel opens it right) and neutralises
formula cells (cells.py), which import undoes. docs/tables.md lists what the tables carry."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Literal

from personamap.data.columns import TableError
from personamap.data.read import Records, fit_row, read_records
from personamap.model import JourneyMap, Persona, Project
from personamap.model.base import clean_text
from personamap.model.project import EmotionScale, ScaleLabel, Settings

from . import journey_table, persona_fields, persona_table
from .cells import neutralise, restore
from .persona_fields import key
from .result import ImportResult

TableKind = Literal["personas", "journey"]
WHAT_CHOICES = "personas, journey:NAME"


class WhatError(ValueError):
    """An export request a table cannot answer (`--what all`, an unknown journey): usage."""


def import_table(path: Path, *, as_: TableKind | None = None, sheet: str | None = None) -> ImportResult:
    """The personas (one a row) or the journey (one step a row) in the table at `path`; which
    of the two is guessed from the headers unless `as_` says."""
    read = read_records(Path(path), sheet)
    width = len(read.records[0])
    header = [restore(h) for h in read.records[0]]
    body = [
        [restore(c) for c in fit_row(read.path, row, width, index, read.line_of)]
        for index, row in enumerate(read.records[1:], start=1)
    ]
    if not body:
        raise _refuse(read, None, "only a header row, no data")
    kind = as_ or _guess(read, header)
    header, body = _drop_blank_columns(header, body)
    title = clean_text(read.path.stem, one_line=True)[:500] or "Imported table"
    if kind == "personas":
        return ImportResult(Project(title=title, personas=_personas(read, header, body)))
    return _journey(read, header, body, title)


def _refuse(read: Records, index: int | None, reason: str) -> TableError:
    where = f"line {read.line_of(index)}: " if index is not None else ""
    return TableError(f"{read.path}: {where}{reason}")


def _guess(read: Records, header: list[str]) -> TableKind:
    if journey_table.is_journey(header):
        return "journey"
    if any(persona_fields.parse_header(h).field is persona_fields.NAME for h in header):
        return "personas"
    raise _refuse(
        read,
        None,
        "cannot tell what a row is: add a Name column (one persona a row) or a Stage column "
        "(one journey step a row), or say it with --as personas|journey",
    )


def _drop_blank_columns(header: list[str], body: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Columns with no header and no data go (exporters pad rows); a blank header over data
    becomes `Column N`."""
    keep = [i for i, h in enumerate(header) if h.strip() or any(row[i].strip() for row in body)]
    named = [header[i] if header[i].strip() else f"Column {i + 1}" for i in keep]
    return named, [[row[i] for i in keep] for row in body]


def _personas(read: Records, header: list[str], body: list[list[str]]) -> list[Persona]:
    columns = [persona_fields.parse_header(h) for h in header]
    if not any(c.field is persona_fields.NAME for c in columns):
        raise _refuse(read, 0, "a persona table needs a Name column")
    seen: dict[str, str] = {}
    for raw, column in zip(header, columns, strict=True):
        if column.part == "value" and column.field is not None:
            if column.field.path in seen:
                raise _refuse(
                    read,
                    0,
                    f"the columns {seen[column.field.path]!r} and {raw!r} both give {column.field.header}",
                )
            seen[column.field.path] = raw
    personas = []
    for index, row in enumerate(body, start=1):
        try:
            personas.append(persona_table.persona(columns, row))
        except persona_table.RowError as exc:
            raise _refuse(read, index, str(exc)) from None
    return personas


def _journey(read: Records, header: list[str], body: list[list[str]], title: str) -> ImportResult:
    columns = [journey_table.parse_header(h) for h in header]
    for part in ("stage", "step"):
        if sum(c.part == part for c in columns) > 1:
            raise _refuse(read, 0, f"more than one {part.capitalize()} column")
    if not any(c.part == "stage" for c in columns):
        raise _refuse(read, 0, "a journey step table needs a Stage column")
    build, lanes = journey_table.start(columns)
    for index, row in enumerate(body, start=1):
        try:
            journey_table.add_row(build, columns, row)
        except journey_table.RowError as exc:
            raise _refuse(read, index, str(exc)) from None
    journey = journey_table.finish(build, title, lanes)
    settings = Settings(emotion_scale=scale_for([e.score for e in journey.emotions]))
    personas = list(build.personas.values())
    return ImportResult(Project(title=title, personas=personas, journeys=[journey], settings=settings))


def scale_for(scores: list[int]) -> EmotionScale:
    """The project's default −2..+2 when the scores fit it, else the common 1..5 or 0..10, else
    their own range: the scores are kept exactly as the table gives them."""
    low, high = min(scores, default=0), max(scores, default=0)
    for minimum, maximum in ((-2, 2), (1, 5), (0, 10), (low, high)):
        if minimum <= low and high <= maximum and minimum < maximum:
            break
    else:  # one score, again and again, outside the common scales
        minimum, maximum = (low, low + 1) if low < 100 else (low - 1, low)
    if (minimum, maximum) == (-2, 2):
        return EmotionScale()
    labels = {minimum: "Frustrated", maximum: "Delighted"}
    if maximum - minimum > 1:
        labels[(minimum + maximum) // 2] = "Neutral"
    return EmotionScale(
        minimum=minimum,
        maximum=maximum,
        labels=[ScaleLabel(value=v, label=t) for v, t in sorted(labels.items())],
    )


def export_csv(project: Project, what: str) -> bytes:
    """`what` is `personas` or `journey:NAME` (`journey` alone when the project has one
    journey): that table as CSV, UTF-8 with a BOM. `all` and anything else raise WhatError."""
    kind, _, name = what.strip().partition(":")
    kind = kind.strip().casefold()
    if kind == "personas" and not name:
        table = persona_table.rows(list(project.personas))
    elif kind in ("journey", "journeys"):
        table = journey_table.rows(project, _journey_named(project, name.strip()))
    else:
        raise WhatError(
            f"--what {what!r}: a CSV file holds one table; choose one of: {WHAT_CHOICES}"
            f"{_journey_names(project)}"
        )
    out = io.StringIO()
    # Every cell quoted: a `;` or `|` inside one then never looks like a delimiter to the reader's
    # sniffing, even in a table of names alone.
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerows([[neutralise(c) for c in row] for row in table])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _journey_named(project: Project, name: str) -> JourneyMap:
    journeys = project.journeys
    if not name and len(journeys) == 1:
        return journeys[0]
    found = [j for j in journeys if j.title == name] or [j for j in journeys if key(j.title) == key(name)]
    if name and found:
        return found[0]
    if not journeys:
        raise WhatError("the project has no journey")
    asked = f"no journey named {name!r}" if name else "say which journey with journey:NAME"
    raise WhatError(f"--what journey: {asked}{_journey_names(project)}")


def _journey_names(project: Project) -> str:
    names = ", ".join(repr(j.title) for j in project.journeys)
    return f" (journeys: {names})" if names else ""
