"""Helpers for the table tests: a CSV export's cells, and the same cells as a workbook."""

from __future__ import annotations

import csv
import io
from pathlib import Path


def csv_cells(data: bytes) -> list[list[str]]:
    """The cells of an exported CSV (after its BOM), exactly as written."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def write_xlsx(path: Path, cells: list[list[str]], title: str = "Sheet1") -> Path:
    """A workbook holding `cells` as text, as a user would have it after opening the CSV."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in cells:
        sheet.append(row)
    book.save(path)
    return path
