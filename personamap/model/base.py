"""Shared building blocks of the domain: the base model, ids and plain-text types.

Text is plain by construction: the patterns below refuse control characters (tab, newline
and carriage return excepted), and pydantic itself refuses lone surrogates, so nothing that
cannot be saved and reopened ever gets into a project.

The model modules leave annotations evaluated (no `from __future__ import annotations`):
pydantic reads them at class creation, and strings would be compiled once more each, on the
way to the first window.
"""

import datetime as dt
import re
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_PLAIN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
_ONE_LINE = r"^[^\x00-\x1f\x7f]*$"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Id = Annotated[str, Field(pattern=UUID_PATTERN)]
"""A stable identity: a lower-case uuid4 string, never reused, never derived from memory."""

Text = Annotated[str, Field(pattern=_PLAIN, max_length=20_000)]
"""Multi-line plain user text (notes, stories, descriptions)."""

ShortText = Annotated[str, Field(pattern=_ONE_LINE, max_length=500)]
"""One line of plain user text (names, labels, titles)."""

Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
"""A colour as #RRGGBB."""

Url = Annotated[str, Field(pattern=_ONE_LINE, max_length=2_000)]
"""A link kept as text; never opened by the app on its own."""


FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)
"""Dates in a file lie in this range: wide enough for any research record, and far enough
from the calendar's end (year 9999) that adding a review period can never overflow."""

Day = Annotated[dt.date, Field(ge=FIRST_DAY, le=LAST_DAY)]
"""A calendar date (review dates, evidence dates) within FIRST_DAY..LAST_DAY."""

FIRST_MOMENT = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LAST_MOMENT = dt.datetime(2999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)

Moment = Annotated[dt.datetime, Field(ge=FIRST_MOMENT, le=LAST_MOMENT)]
"""A point in time (created, modified) within the same range as Day."""


def empty_list() -> list:
    """`default_factory` for list fields. A plain function on purpose: pydantic reads every
    factory's signature while building a validator, and a builtin's (`list`) costs ~0.25 ms
    to parse, 54 of them on the way to the first painted window."""
    return []


def empty_dict() -> dict:
    """`default_factory` for dict fields (see `empty_list`)."""
    return {}


def new_id() -> str:
    """A fresh id for a new entity."""
    return str(uuid.uuid4())


def clean_text(value: str, *, one_line: bool = False) -> str:
    """Repair text from the outside world (clipboard, typing, imports) before it enters a model.

    Lone surrogates are replaced, control characters dropped; a one-line field also turns
    line breaks into spaces.
    """
    value = value.encode("utf-8", "replace").decode("utf-8")
    value = value.replace("\r\n", "\n")
    if one_line:
        value = value.replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return _CONTROL.sub("", value)


class Model(BaseModel):
    """Base of every domain entity: unknown fields are an error, assignments are validated.

    Validators are built on first use (`defer_build`): opening a project builds the whole tree
    once through Project, instead of every class building its own at import (start-up).
    """

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        use_enum_values=False,
        revalidate_instances="never",
        defer_build=True,
    )


class Entity(Model):
    """A domain object with a stable identity that ops and references can name."""

    id: Id = Field(default_factory=new_id)
