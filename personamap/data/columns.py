"""A table as the data engine sees it: named columns of one inferred kind each, with their
values already parsed, so profiling and segmenting never re-read text.

Values by kind: numeric -> float or None; categorical -> str or None; multi-select -> a tuple of
str (empty when missing); date -> datetime.date or None; text and identifier -> str or None.
Nothing here is ever saved in a project: only aggregates computed from it are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from personamap.model.research import ColumnType

Value = float | str | tuple[str, ...] | dt.date | None


ColumnKind = ColumnType
"""A column's inferred kind: the one vocabulary a dataset source records (model/research.py)."""


@dataclass(frozen=True)
class Column:
    """One column: its header, inferred kind, parsed values (one per row) and what profiling
    found. `personal` columns (e-mail, phone, names, addresses, IPs, free-text ids) are left out
    of segmenting and of anything saved unless the user keeps them as not stored."""

    name: str
    kind: ColumnKind
    values: list[Value]
    missing: int = 0
    personal: bool = False
    personal_reason: str = ""


@dataclass(frozen=True)
class Table:
    """A whole table read from `path` (the `sheet` of a workbook, or None for CSV)."""

    path: Path
    columns: list[Column]
    rows: int
    sha256: str = ""
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


class TableError(ValueError):
    """A table that cannot be used: the message names the file and the reason, in one line."""
