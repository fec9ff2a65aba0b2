"""Turning chosen table columns into one numeric matrix that k-means can measure distances in,
and back: the fitted encoder is kept (and can be saved) so the rows of a later wave land in the
same space as the rows it was fitted on.

Encoding, per column kind:
- numeric and date (as days): scaled to mean 0 and standard deviation 1. A missing number is
  imputed at the mean (0 after scaling, so it pulls toward no segment) and, when the column had
  gaps, a 0/1 "was missing" indicator is added, so people who skipped a question can group.
- categorical: one-hot over the most frequent `MAX_LEVELS` values; rarer values share one
  "(other)" indicator and a missing value has its own "(missing)" indicator.
- multi-select: one 0/1 indicator per option (the `MAX_LEVELS` most frequent); an empty answer
  sets none.
A 0/1 indicator and a standardised number have the same expected squared distance between two
random rows (at most 2), so no kind outweighs another by its units.

Only kinds that describe people are accepted: text, identifiers and personal columns are refused.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

import numpy as np

from personamap.data.columns import Column, ColumnKind, Table, Value

MAX_LEVELS = 30
MISSING = "(missing)"
OTHER = "(other)"
SEGMENTABLE = (ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.MULTI_SELECT, ColumnKind.DATE)


class EncodeError(ValueError):
    """Columns that cannot be segmented on; the message names the column and the reason."""


@dataclass(frozen=True)
class Feature:
    """How one column became matrix columns: `levels` are the indicator names (categorical and
    multi-select); `mean` and `scale` standardise a number; `indicator` adds a "was missing"
    column."""

    column: str
    kind: ColumnKind
    levels: tuple[str, ...] = ()
    mean: float = 0.0
    scale: float = 1.0
    indicator: bool = False

    @property
    def width(self) -> int:
        if self.kind in (ColumnKind.CATEGORICAL, ColumnKind.MULTI_SELECT):
            return len(self.levels)
        return 2 if self.indicator else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "kind": self.kind.value,
            "levels": list(self.levels),
            "mean": self.mean,
            "scale": self.scale,
            "indicator": self.indicator,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Feature:
        return cls(
            column=str(data["column"]),
            kind=ColumnKind(data["kind"]),
            levels=tuple(str(level) for level in data.get("levels", ())),
            mean=float(data.get("mean", 0.0)),
            scale=float(data.get("scale", 1.0)),
            indicator=bool(data.get("indicator", False)),
        )


def numbers(column: Column) -> np.ndarray:
    """A numeric or date column as floats (dates as days since 0001-01-01), NaN where missing."""
    if column.kind is ColumnKind.DATE:
        return np.fromiter(
            (np.nan if v is None else float(v.toordinal()) for v in column.values),  # type: ignore[union-attr]
            dtype=float,
            count=len(column.values),
        )
    nan = float("nan")
    return np.array([nan if v is None else v for v in column.values], dtype=float)


def format_number(kind: ColumnKind, value: float) -> float | str:
    """A figure in the column's own units: dates come back as ISO days."""
    if kind is ColumnKind.DATE:
        return dt.date.fromordinal(max(1, round(value))).isoformat()
    return float(value)


def _top_levels(counts: Counter[str], limit: int) -> list[str]:
    """The `limit` most frequent values, ties broken by name so the order is repeatable."""
    return [value for value, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def fit_feature(column: Column) -> Feature:
    """Learn how to encode `column` from its values."""
    if column.personal:
        raise EncodeError(f"{column.name}: personal column, never used for segments")
    if column.kind not in SEGMENTABLE:
        raise EncodeError(f"{column.name}: {column.kind.value} columns cannot be segmented on")
    if column.kind in (ColumnKind.NUMERIC, ColumnKind.DATE):
        values = numbers(column)
        present = values[~np.isnan(values)]
        if present.size == 0:
            raise EncodeError(f"{column.name}: no values")
        std = float(present.std())
        return Feature(
            column.name,
            column.kind,
            mean=float(present.mean()),
            scale=std if std > 0 else 1.0,
            indicator=present.size < values.size,
        )
    if column.kind is ColumnKind.CATEGORICAL:
        counts = Counter(column.values)
        gaps = counts.pop(None, 0)
        if not counts:
            raise EncodeError(f"{column.name}: no values")
        levels = _top_levels(counts, MAX_LEVELS)  # type: ignore[arg-type]
        if len(counts) > MAX_LEVELS:
            levels.append(OTHER)
        if gaps:
            levels.append(MISSING)
        return Feature(column.name, column.kind, levels=tuple(levels))
    counts = Counter(chain.from_iterable(answer or () for answer in column.values))  # type: ignore[union-attr]
    if not counts:
        raise EncodeError(f"{column.name}: no values")
    return Feature(column.name, column.kind, levels=tuple(_top_levels(counts, MAX_LEVELS)))


def category_codes(values: list[Value], levels: tuple[str, ...] | list[str]) -> np.ndarray:
    """Each value's index into `levels`: unknown values go to "(other)" and missing ones to
    "(missing)" when those levels exist, else -1 (no indicator set)."""
    index: dict[Value, int] = {level: i for i, level in enumerate(levels)}
    other = index.get(OTHER, -1)
    index[None] = index.get(MISSING, -1)
    return np.fromiter(map(index.get, values, repeat(other)), dtype=np.int64, count=len(values))


def option_matrix(values: list[Value], levels: tuple[str, ...] | list[str]) -> np.ndarray:
    """A rows × levels 0/1 matrix of which options each row chose (unknown options ignored)."""
    index = {level: i for i, level in enumerate(levels)}
    answers = [answer or () for answer in values]
    lengths = np.fromiter(map(len, answers), dtype=np.int64, count=len(answers))
    flat = chain.from_iterable(answers)  # type: ignore[arg-type]
    picked = np.fromiter(map(index.get, flat, repeat(-1)), dtype=np.int64, count=int(lengths.sum()))
    rows = np.repeat(np.arange(len(answers)), lengths)
    known = picked >= 0
    out = np.zeros((len(answers), len(levels)), dtype=float)
    out[rows[known], picked[known]] = 1.0
    return out


def answered(column: Column) -> np.ndarray:
    """Which rows have a value in `column` (a multi-select answer with at least one option)."""
    if column.kind is ColumnKind.MULTI_SELECT:
        return np.fromiter(map(bool, column.values), dtype=bool, count=len(column.values))
    return np.fromiter((v is not None for v in column.values), dtype=bool, count=len(column.values))


@dataclass(frozen=True)
class Encoder:
    """The fitted encoding of the chosen columns, in order. Holds only column names, level names
    and per-column means and scales: aggregates a project may store, never a row."""

    features: tuple[Feature, ...]

    @classmethod
    def fit(cls, table: Table, columns: list[str]) -> Encoder:
        if not columns:
            raise EncodeError(f"{table.path.name}: no columns to segment on")
        return cls(tuple(fit_feature(_column(table, name)) for name in columns))

    @property
    def width(self) -> int:
        return sum(feature.width for feature in self.features)

    @property
    def columns(self) -> list[str]:
        return [feature.column for feature in self.features]

    def usable(self, table: Table) -> np.ndarray:
        """Rows with at least one of the chosen columns answered; the others cannot be placed."""
        mask = np.zeros(table.rows, dtype=bool)
        for feature in self.features:
            mask |= answered(_column(table, feature.column))
        return mask

    def transform(self, table: Table) -> np.ndarray:
        """The rows × `width` matrix of `table` (every row; select usable ones with `usable`)."""
        out = np.zeros((table.rows, self.width), dtype=float)
        at = 0
        for feature in self.features:
            column = _column(table, feature.column)
            if feature.kind in (ColumnKind.NUMERIC, ColumnKind.DATE):
                values = numbers(column)
                gaps = np.isnan(values)
                out[:, at] = np.where(gaps, 0.0, (values - feature.mean) / feature.scale)
                if feature.indicator:
                    out[:, at + 1] = gaps
            elif feature.kind is ColumnKind.CATEGORICAL:
                codes = category_codes(column.values, feature.levels)
                rows = np.flatnonzero(codes >= 0)
                out[rows, at + codes[rows]] = 1.0
            else:
                out[:, at : at + feature.width] = option_matrix(column.values, feature.levels)
            at += feature.width
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"features": [feature.to_dict() for feature in self.features]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Encoder:
        return cls(tuple(Feature.from_dict(item) for item in data["features"]))


def _column(table: Table, name: str) -> Column:
    try:
        return table.column(name)
    except KeyError:
        raise EncodeError(f"{table.path.name}: no column named {name!r}") from None
