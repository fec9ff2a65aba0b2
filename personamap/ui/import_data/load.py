"""Reading the chosen file for the window (on a worker thread): the table, and for a workbook
the names of its sheets, listed even when the sheet read cannot be used, so the user can pick
another one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...data.columns import Table, TableError
from ...data.read import WORKBOOK_SUFFIXES, read_table


@dataclass(frozen=True)
class Loaded:
    """What reading gave: the table (None when the workbook's sheet was refused, `error` then
    says why), the sheet read and the workbook's sheets (empty for a CSV)."""

    table: Table | None
    sheet: str | None
    sheets: list[str]
    error: str = ""


def sheet_names(path: Path) -> list[str]:
    """A workbook's sheets; none for a CSV or a file calamine cannot open (read_table then
    says why)."""
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return []
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        return list(CalamineWorkbook.from_path(str(path)).sheet_names)
    except (CalamineError, OSError, ValueError):
        return []


def load(path: Path, sheet: str | None = None) -> Loaded:
    """`read_table` on `path` (`sheet`, default the first); a refusal raises TableError, unless
    the workbook has sheets to choose from instead."""
    sheets = sheet_names(path)
    try:
        table = read_table(path, sheet)
    except TableError as error:
        if not sheets:
            raise
        return Loaded(None, sheet or sheets[0], sheets, str(error))
    return Loaded(table, table.sheet, sheets)
