"""A column's parsed values turned into NumPy arrays once, so encoding, finding usable rows and
describing segments read arrays instead of walking 100,000 Python values each time.

Categorical values and multi-select options are coded against `levels`, every distinct value
or option ordered by frequency (ties by name); a categorical column with gaps gets a last
"(missing)" level. Numbers and dates (as days since 0001-01-01) are floats, NaN where missing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from personamap.data.columns import Column, ColumnKind, Value

MISSING = "(missing)"
OTHER = "(other)"
MIN_LEVEL_ROWS = 3
"""A value given by fewer rows of the whole table is a quasi-identifier (the one customer in
Ghent): it gets no encoder indicator and is never stored, it counts as OTHER."""
NUMERIC_KINDS = (ColumnKind.NUMERIC, ColumnKind.DATE)


@dataclass(frozen=True, eq=False)
class ColumnArrays:
    """`numbers` for numeric and date columns; `levels` with `codes` (one level index per row)
    for categorical ones; `levels` with `options` (rows × levels, bool) for multi-select ones.
    `present` marks rows with a value (a multi-select answer with at least one option)."""

    column: Column
    present: np.ndarray
    numbers: np.ndarray | None = None
    levels: tuple[str, ...] = ()
    codes: np.ndarray | None = None
    options: np.ndarray | None = None

    @property
    def name(self) -> str:
        return self.column.name

    @property
    def kind(self) -> ColumnKind:
        return self.column.kind


def level_rows(parsed: ColumnArrays) -> np.ndarray:
    """Rows of the whole table giving each of a categorical or multi-select column's levels."""
    if parsed.codes is not None:
        return np.bincount(parsed.codes, minlength=len(parsed.levels))
    if parsed.options is not None:
        return parsed.options.sum(axis=0)
    return np.zeros(0, dtype=np.int64)


def ranked(counts: Counter[str]) -> list[str]:
    """Values by frequency, ties by name, so the order is repeatable."""
    return [value for value, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def numbers(column: Column) -> np.ndarray:
    """A numeric or date column as floats (dates as days since 0001-01-01), NaN where missing."""
    nan = float("nan")
    if column.kind is ColumnKind.DATE:
        return np.array([nan if v is None else v.toordinal() for v in column.values], dtype=float)  # type: ignore[union-attr]
    return np.array([nan if v is None else v for v in column.values], dtype=float)


def format_number(kind: ColumnKind, value: float) -> float | str:
    """A figure in the column's own units: dates come back as ISO days."""
    if kind is ColumnKind.DATE:
        return dt.date.fromordinal(max(1, round(value))).isoformat()
    return float(value)


def _codes(values: list[Value], levels: list[str]) -> np.ndarray:
    index: dict[Value, int] = {level: i for i, level in enumerate(levels)}
    index[None] = index.get(MISSING, -1)
    return np.fromiter(map(index.get, values, repeat(-1)), dtype=np.int64, count=len(values))


def _options(answers: list[tuple[str, ...]]) -> tuple[list[str], np.ndarray]:
    """The options by frequency and the rows × options bool matrix. Rows repeat few distinct
    answers, so each distinct answer is coded once and rows pick theirs."""
    distinct = Counter(answers)
    combos = list(distinct)
    per_option: Counter[str] = Counter()
    for combo, count in distinct.items():
        for option in combo:
            per_option[option] += count
    levels = ranked(per_option)
    index = {level: i for i, level in enumerate(levels)}
    table = np.zeros((len(combos), len(levels)), dtype=bool)
    for row, combo in enumerate(combos):
        table[row, [index[option] for option in combo]] = True
    which = {combo: i for i, combo in enumerate(combos)}
    rows = np.fromiter(map(which.__getitem__, answers), dtype=np.int64, count=len(answers))
    return levels, table[rows]


def arrays(column: Column) -> ColumnArrays:
    """Turn `column` into arrays (text and identifier columns are not turned: callers skip them)."""
    values = column.values
    if column.kind in NUMERIC_KINDS:
        parsed = numbers(column)
        return ColumnArrays(column, ~np.isnan(parsed), numbers=parsed)
    if column.kind is ColumnKind.MULTI_SELECT:
        answers: list[tuple[str, ...]] = values if None not in values else [a or () for a in values]  # type: ignore[assignment, misc]
        levels, options = _options(answers)
        return ColumnArrays(column, np.asarray(options.any(axis=1)), levels=tuple(levels), options=options)
    counts = Counter(values)
    gaps = counts.pop(None, 0)
    levels = ranked(counts)  # type: ignore[arg-type]
    if gaps:
        levels.append(MISSING)
    codes = _codes(values, levels)
    present = codes != len(levels) - 1 if gaps else np.ones(len(values), dtype=bool)
    return ColumnArrays(column, present, levels=tuple(levels), codes=codes)
