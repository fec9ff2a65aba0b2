"""Cell text shared by the table exporter and importer (tables.py): a spreadsheet must never run
a cell as a formula, and a list of entries must fit one cell, both undone exactly on import."""

from __future__ import annotations

import re

SEPARATOR = " | "
"""Between the entries of a list in one cell; a `|` with or without spaces splits on import."""

_FORMULA = re.compile(r"'*[=+\-@\t\r]")
"""What Excel, LibreOffice and Google Sheets may run as a formula, after any apostrophes."""
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
"""A plain negative number (an emotion score) is a value, not a formula: it stays as it is."""


def neutralise(text: str) -> str:
    """`text` with a leading apostrophe when a spreadsheet would run it as a formula. Text that
    already starts with apostrophes before such a character gets one more, so `restore` can
    always take exactly one away."""
    if _FORMULA.match(text) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """The text `neutralise` was given: one leading apostrophe fewer when a formula character
    follows the apostrophes."""
    return text[1:] if _NEUTRALISED.match(text) else text


def joinable(entries: list[str]) -> bool:
    """Whether `split(join(entries))` gives back `entries`: no `|` inside, none blank, none with
    spaces around. Otherwise the exporter uses one column per entry (`Goal 1`, `Goal 2`…)."""
    return all(e.strip() == e and e and "|" not in e for e in entries)


def join(entries: list[str]) -> str:
    return SEPARATOR.join(entries)


def split(cell: str) -> list[str]:
    """The entries of a list cell: split on `|`, spaces around each dropped, blanks skipped."""
    return [part for part in (p.strip() for p in cell.split("|")) if part]
