"""Turning chosen table columns into one numeric matrix that k-means can measure distances in.
The fitted encoder is kept (and can be saved) so the rows of a later wave land in the same
space as the rows it was fitted on.

Encoding, per column kind:
- numeric and date (as days): scaled to mean 0 and standard deviation 1, and held within ±`CLIP`
  (an extreme value still counts as far out, but cannot form a segment on its own). A missing number is
  imputed at the mean (0 after scaling, so it pulls toward no segment) and, when the column had
  gaps, a 0/1 "was missing" indicator is added, so people who skipped a question can group.
- categorical: one-hot over the most frequent `MAX_LEVELS` values given by at least
  `MIN_LEVEL_ROWS` rows; rarer values share one "(other)" indicator (a value only one or two
  people gave would point at them) and a missing value has its own "(missing)" indicator.
- multi-select: one 0/1 indicator per option (the `MAX_LEVELS` most frequent of those given by
  at least `MIN_LEVEL_ROWS` rows); an empty answer or a rare option sets none.
A 0/1 indicator and a standardised number have the same expected squared distance between two
random rows (at most 2), so no kind outweighs another by its units.

Only kinds that describe people are accepted: text, identifiers and personal columns are refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from personamap.data.arrays import MIN_LEVEL_ROWS, MISSING, OTHER, ColumnArrays, arrays, level_rows
from personamap.data.columns import Column, ColumnKind, Table

MAX_LEVELS = 30
CLIP = 3.0
"""Scaled numbers are held within ±3 standard deviations: one customer with a balance fifty
deviations out would otherwise pull a centroid to themselves and become a segment of one."""
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


def check(column: Column) -> None:
    """Refuse a column segments may not use."""
    if column.personal:
        raise EncodeError(f"{column.name}: personal column, never used for segments")
    if column.kind not in SEGMENTABLE:
        raise EncodeError(f"{column.name}: {column.kind.value} columns cannot be segmented on")


def fit_feature(parsed: ColumnArrays) -> Feature:
    """Learn how to encode a column from its arrays."""
    check(parsed.column)
    if not parsed.present.any():
        raise EncodeError(f"{parsed.name}: no values")
    if parsed.numbers is not None:
        present = parsed.numbers[parsed.present]
        std = float(present.std())
        return Feature(
            parsed.name,
            parsed.kind,
            mean=float(present.mean()),
            scale=std if std > 0 else 1.0,
            indicator=not bool(parsed.present.all()),
        )
    plain = [level for level in parsed.levels if level != MISSING or parsed.options is not None]
    rows = dict(zip(parsed.levels, level_rows(parsed).tolist(), strict=True))
    levels = [level for level in plain if rows[level] >= MIN_LEVEL_ROWS][:MAX_LEVELS]
    if not levels:
        raise EncodeError(f"{parsed.name}: no value is given by {MIN_LEVEL_ROWS} rows or more")
    if parsed.codes is not None:
        if len(levels) < len(plain):
            levels.append(OTHER)
        if len(plain) < len(parsed.levels):
            levels.append(MISSING)
    return Feature(parsed.name, parsed.kind, levels=tuple(levels))


def _lookup(parsed: ColumnArrays, feature: Feature) -> np.ndarray:
    """For each of the column's levels, the feature's indicator (unknown values to "(other)"
    when the feature has it, else -1)."""
    index = {level: i for i, level in enumerate(feature.levels)}
    other = index.get(OTHER, -1) if parsed.codes is not None else -1
    return np.array([index.get(level, other) for level in parsed.levels], dtype=np.int64)


@dataclass(frozen=True)
class Encoder:
    """The fitted encoding of the chosen columns, in order. Holds only column names, level names
    and per-column means and scales: aggregates a project may store, never a row."""

    features: tuple[Feature, ...]

    @classmethod
    def fit(cls, table: Table, columns: list[str]) -> Encoder:
        if not columns:
            raise EncodeError(f"{table.path.name}: no columns to segment on")
        for name in columns:
            check(_column(table, name))
        return cls.fit_arrays([arrays(_column(table, name)) for name in columns])

    @classmethod
    def fit_arrays(cls, parsed: list[ColumnArrays]) -> Encoder:
        return cls(tuple(fit_feature(column) for column in parsed))

    @property
    def width(self) -> int:
        return sum(feature.width for feature in self.features)

    @property
    def columns(self) -> list[str]:
        return [feature.column for feature in self.features]

    def arrays(self, table: Table) -> list[ColumnArrays]:
        """The arrays of `table`'s columns this encoder reads, in its order."""
        return [arrays(_column(table, feature.column)) for feature in self.features]

    def usable(self, table: Table) -> np.ndarray:
        """Rows with at least one of the chosen columns answered; the others cannot be placed."""
        return usable(self.arrays(table))

    def transform(self, table: Table) -> np.ndarray:
        """The rows × `width` matrix of `table` (every row; select usable ones with `usable`)."""
        return self.encode(self.arrays(table))

    def encode(self, parsed: list[ColumnArrays]) -> np.ndarray:
        """The rows × `width` matrix of columns already turned into arrays (in this order)."""
        rows = parsed[0].present.size if parsed else 0
        out = np.zeros((rows, self.width), dtype=float)
        at = 0
        for feature, column in zip(self.features, parsed, strict=True):
            if column.kind is not feature.kind:
                raise EncodeError(f"{feature.column}: was {feature.kind.value}, is now {column.kind.value}")
            if column.numbers is not None:
                gaps = ~column.present
                scaled = np.clip((column.numbers - feature.mean) / feature.scale, -CLIP, CLIP)
                out[:, at] = np.where(gaps, 0.0, scaled)
                if feature.indicator:
                    out[:, at + 1] = gaps
            elif column.codes is not None:
                codes = _lookup(column, feature)[column.codes]
                hit = np.flatnonzero(codes >= 0)
                out[hit, at + codes[hit]] = 1.0
            elif column.options is not None:
                for j, target in enumerate(_lookup(column, feature)):
                    if target >= 0:
                        out[:, at + target] = column.options[:, j]
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


def usable(parsed: list[ColumnArrays]) -> np.ndarray:
    """Rows with a value in at least one of the columns."""
    return np.logical_or.reduce([column.present for column in parsed])
