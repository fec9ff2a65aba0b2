"""Reading the chosen file for the window (on a worker thread): the table, and for a workbook
the names of its sheets so the window can offer them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...data.columns import Table
from ...data.read import read_table


@dataclass(frozen=True)
class Loaded:
    """A table read from a file; `sheets` is empty for a CSV."""

    table: Table
    sheets: list[str]


def load(path: Path, sheet: str | None = None) -> Loaded:
    """`read_table`, plus the workbook's sheet names (read_table has already refused a file
    that is not a readable workbook, with a TableError naming it)."""
    table = read_table(path, sheet)
    if table.sheet is None:
        return Loaded(table, [])
    from python_calamine import CalamineWorkbook

    return Loaded(table, list(CalamineWorkbook.from_path(str(path)).sheet_names))
