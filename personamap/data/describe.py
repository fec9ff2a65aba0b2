"""What sets each segment apart, and the per-segment aggregates a project may keep.

A segment's distinguishing attributes are the values whose share in the segment (or, for a
number, whose mean) differs most from all rows used, ranked by a standardised difference so a
share and a mean compare: |p_seg - p| / sqrt(p (1 - p)) for a value's share p, and
|mean_seg - mean| / sd for a number. Over- and under-represented values both count ("no one
here pays yearly" sets a group apart as much as "all pay monthly").

Aggregates are counts per category and option, and count, mean and quantiles per number: never a
row, and never a minimum or maximum (an outlier's exact value can point at one person).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from personamap.data.columns import Column, ColumnKind, Table
from personamap.data.encode import MISSING, OTHER, category_codes, format_number, numbers, option_matrix

TOP = 5
MIN_EFFECT = 0.2
AGGREGATE_LEVELS = 50
QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)


@dataclass(frozen=True)
class Distinction:
    """One attribute value that sets a segment apart. For a share (`measure` "share") both
    figures are percentages of rows; for a number (`measure` "mean", `value` "mean") they are
    means in the column's units (ISO days for dates)."""

    column: str
    value: str
    share_in_segment: float | str
    share_overall: float | str
    measure: str
    effect: float

    def to_json(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "value": self.value,
            "share_in_segment": self.share_in_segment,
            "share_overall": self.share_overall,
            "measure": self.measure,
        }


@dataclass(frozen=True)
class _Shares:
    """Counts per segment (k × levels) of a categorical or multi-select column."""

    column: Column
    levels: list[str]
    counts: np.ndarray


def _segment_onehot(labels: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros((k, labels.size), dtype=float)
    out[labels, np.arange(labels.size)] = 1.0
    return out


def _shares(column: Column, seg: np.ndarray, used: np.ndarray, k: int, limit: int | None) -> _Shares:
    """Count each value (or option) per segment over the used rows; with `limit`, values past the
    `limit` most frequent are pooled under "(other)". `seg` holds the used rows' segments."""
    values = [column.values[i] for i in np.flatnonzero(used)]
    picked = Column(column.name, column.kind, values)
    if column.kind is ColumnKind.CATEGORICAL:
        counts = Counter(v for v in values if v is not None)
    else:
        counts = Counter(option for answer in values for option in answer)  # type: ignore[union-attr]
    ranked = [v for v, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    levels = ranked if limit is None else ranked[:limit]
    if limit is not None and len(ranked) > limit:
        levels.append(OTHER)
    if column.kind is ColumnKind.CATEGORICAL:
        if any(v is None for v in values):
            levels.append(MISSING)
        codes = category_codes(picked, tuple(levels))
        keep = codes >= 0
        flat = np.bincount(seg[keep] * len(levels) + codes[keep], minlength=k * len(levels))
        return _Shares(column, levels, flat.reshape(k, len(levels)).astype(float))
    matrix = option_matrix(picked, tuple(levels))
    return _Shares(column, levels, _segment_onehot(seg, k) @ matrix)


def _round_percent(x: float) -> float:
    return round(100.0 * float(x), 1)


def _share_distinctions(shares: _Shares, sizes: np.ndarray) -> list[list[Distinction]]:
    n = sizes.sum()
    overall = shares.counts.sum(axis=0) / n
    inside = shares.counts / np.maximum(sizes, 1)[:, None]
    spread = np.sqrt(overall * (1.0 - overall))
    with np.errstate(divide="ignore", invalid="ignore"):
        effects = np.where(spread > 0, np.abs(inside - overall) / spread, 0.0)
    out: list[list[Distinction]] = []
    for s in range(sizes.size):
        out.append(
            [
                Distinction(
                    shares.column.name,
                    level,
                    _round_percent(inside[s, j]),
                    _round_percent(overall[j]),
                    "share",
                    float(effects[s, j]),
                )
                for j, level in enumerate(shares.levels)
            ]
        )
    return out


def _mean_distinctions(
    column: Column, values: np.ndarray, labels: np.ndarray, k: int
) -> list[list[Distinction]]:
    present = ~np.isnan(values)
    if not present.any():
        return [[] for _ in range(k)]
    mean = float(values[present].mean())
    sd = float(values[present].std())
    sums = np.bincount(labels[present], weights=values[present], minlength=k)
    counts = np.bincount(labels[present], minlength=k)
    out: list[list[Distinction]] = []
    for s in range(k):
        if counts[s] == 0 or sd == 0:
            out.append([])
            continue
        seg_mean = sums[s] / counts[s]
        out.append(
            [
                Distinction(
                    column.name,
                    "mean",
                    _figure(column.kind, seg_mean),
                    _figure(column.kind, mean),
                    "mean",
                    abs(seg_mean - mean) / sd,
                )
            ]
        )
    return out


def _figure(kind: ColumnKind, value: float) -> float | str:
    shown = format_number(kind, value)
    return round(shown, 2) if isinstance(shown, float) else shown


def distinguishing(
    table: Table,
    labels: np.ndarray,
    k: int,
    columns: list[str],
    top: int = TOP,
    min_effect: float = MIN_EFFECT,
) -> list[list[Distinction]]:
    """Per segment, the `top` attribute values of `columns` that differ most from all rows used
    (`labels` ≥ 0), strongest first; values whose difference is below `min_effect` are left out."""
    used = labels >= 0
    seg = labels[used]
    sizes = np.bincount(seg, minlength=k).astype(float)
    found: list[list[Distinction]] = [[] for _ in range(k)]
    for name in columns:
        column = table.column(name)
        if column.kind in (ColumnKind.NUMERIC, ColumnKind.DATE):
            per_segment = _mean_distinctions(column, numbers(column)[used], seg, k)
        else:
            per_segment = _share_distinctions(_shares(column, seg, used, k, None), sizes)
        for s in range(k):
            found[s].extend(d for d in per_segment[s] if d.effect >= min_effect)
    return [sorted(items, key=lambda d: (-d.effect, d.column, d.value))[:top] for items in found]


def _number_summary(kind: ColumnKind, values: np.ndarray) -> dict[str, Any]:
    present = values[~np.isnan(values)]
    summary: dict[str, Any] = {
        "kind": kind.value,
        "n": int(present.size),
        "missing": int(values.size - present.size),
    }
    if present.size:
        summary["mean"] = _figure(kind, float(present.mean()))
        for q, v in zip(QUANTILES, np.quantile(present, QUANTILES), strict=True):
            summary[f"q{round(q * 100)}"] = _figure(kind, float(v))
    return summary


def aggregates(
    table: Table, labels: np.ndarray, k: int, columns: list[str]
) -> list[dict[str, dict[str, Any]]]:
    """Per segment, per column: counts per category or option (the `AGGREGATE_LEVELS` most
    frequent, the rest as "(other)"), or count, missing, mean and quantiles per number."""
    used = labels >= 0
    seg = labels[used]
    out: list[dict[str, dict[str, Any]]] = [{} for _ in range(k)]
    for name in columns:
        column = table.column(name)
        if column.personal or column.kind in (ColumnKind.TEXT, ColumnKind.IDENTIFIER):
            continue
        if column.kind in (ColumnKind.NUMERIC, ColumnKind.DATE):
            values = numbers(column)[used]
            for s in range(k):
                out[s][name] = _number_summary(column.kind, values[seg == s])
            continue
        shares = _shares(column, seg, used, k, AGGREGATE_LEVELS)
        for s in range(k):
            counts = {
                level: int(c) for level, c in zip(shares.levels, shares.counts[s], strict=True) if c > 0
            }
            out[s][name] = {"kind": column.kind.value, "counts": counts}
    return out
