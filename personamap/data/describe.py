"""What sets each segment apart, and the per-segment aggregates a project may keep.

A segment's distinguishing attributes are the values whose share in the segment (or, for a
number, whose mean) differs most from all rows used, ranked by a standardised difference so a
share and a mean compare: |p_seg - p| / sqrt(p (1 - p)) for a value's share p, and
|mean_seg - mean| / sd for a number. Over- and under-represented values both count ("no one
here pays yearly" sets a group apart as much as "all pay monthly").

Aggregates are counts per category and option, and count, mean and quantiles per number: never a
row, and never a minimum or maximum (an outlier's exact value can point at one person). For the
same reason a value given by fewer than `MIN_LEVEL_ROWS` rows of the whole table is counted as
"(other)", and a segment with fewer numbers than that keeps their count but no mean or quantile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from personamap.data.arrays import MIN_LEVEL_ROWS, MISSING, OTHER, ColumnArrays, format_number, level_rows
from personamap.data.columns import Column, ColumnKind

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
    """Counts per segment (k × levels) of every value or option of a categorical or
    multi-select column, levels by overall frequency ("(missing)" last)."""

    column: Column
    levels: list[str]
    counts: np.ndarray


@dataclass(frozen=True)
class _Numbers:
    """A numeric or date column over the used rows (NaN where missing), with their segments."""

    column: Column
    values: np.ndarray
    seg: np.ndarray


Summary = _Shares | _Numbers


def _segment_onehot(seg: np.ndarray, k: int) -> np.ndarray:
    out = np.zeros((k, seg.size), dtype=float)
    out[seg, np.arange(seg.size)] = 1.0
    return out


def summarise(parsed: list[ColumnArrays], labels: np.ndarray, k: int) -> list[Summary]:
    """Per-segment counts or numbers of each column, over the used rows (`labels` ≥ 0); shared
    by `distinguishing` and `aggregates`. Personal, text and identifier columns are skipped."""
    used = labels >= 0
    every = bool(used.all())
    seg = labels if every else labels[used]
    out: list[Summary] = []
    for column in parsed:
        if column.column.personal or column.kind in (ColumnKind.TEXT, ColumnKind.IDENTIFIER):
            continue
        if column.numbers is not None:
            out.append(_Numbers(column.column, column.numbers if every else column.numbers[used], seg))
        elif column.codes is not None:
            levels, lookup = _common(column)
            codes = lookup[column.codes if every else column.codes[used]]
            width = len(levels)
            flat = np.bincount(seg * width + codes, minlength=k * width)
            out.append(_Shares(column.column, levels, flat.reshape(k, width).astype(float)))
        elif column.options is not None:
            options = column.options if every else column.options[used]
            rare = level_rows(column) < MIN_LEVEL_ROWS
            levels = [level for level, r in zip(column.levels, rare, strict=True) if not r]
            if rare.any():  # rows that ticked any rare option, so "(other)" counts people
                options = np.column_stack([options[:, ~rare], options[:, rare].any(axis=1)])
                levels.append(OTHER)
            counts = _segment_onehot(seg, k) @ options.astype(float)
            out.append(_Shares(column.column, levels, counts))
    return out


def _common(column: ColumnArrays) -> tuple[list[str], np.ndarray]:
    """A categorical column's levels with those under `MIN_LEVEL_ROWS` rows of the whole table
    pooled as "(other)" ("(missing)" stays last), and each old level's new index."""
    rows = level_rows(column)
    plain = [i for i, level in enumerate(column.levels) if level != MISSING]
    keep = [i for i in plain if rows[i] >= MIN_LEVEL_ROWS]
    if len(keep) == len(plain):
        return list(column.levels), np.arange(len(column.levels))
    levels = [column.levels[i] for i in keep] + [OTHER]
    lookup = np.full(len(column.levels), len(keep), dtype=np.int64)
    lookup[keep] = np.arange(len(keep))
    if len(plain) < len(column.levels):
        lookup[column.levels.index(MISSING)] = len(levels)
        levels.append(MISSING)
    return levels, lookup


def _round_percent(x: float) -> float:
    return round(100.0 * float(x), 1)


def _share_distinctions(shares: _Shares, sizes: np.ndarray) -> list[list[Distinction]]:
    n = sizes.sum()
    overall = shares.counts.sum(axis=0) / n
    inside = shares.counts / np.maximum(sizes, 1)[:, None]
    spread = np.sqrt(overall * (1.0 - overall))
    with np.errstate(divide="ignore", invalid="ignore"):
        effects = np.where(spread > 0, np.abs(inside - overall) / spread, 0.0)
    if shares.column.kind is ColumnKind.CATEGORICAL and len(shares.levels) == 2:
        effects = np.where(inside >= overall, effects, 0.0)  # "fewer no" only mirrors "more yes"
    return [
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
        for s in range(sizes.size)
    ]


def _mean_distinctions(numbers: _Numbers, k: int) -> list[list[Distinction]]:
    column, values, seg = numbers.column, numbers.values, numbers.seg
    present = ~np.isnan(values)
    if not present.any():
        return [[] for _ in range(k)]
    mean = float(values[present].mean())
    sd = float(values[present].std())
    sums = np.bincount(seg[present], weights=values[present], minlength=k)
    counts = np.bincount(seg[present], minlength=k)
    out: list[list[Distinction]] = []
    for s in range(k):
        if counts[s] < MIN_LEVEL_ROWS or sd == 0:  # the mean of one or two rows is their value
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
    summaries: list[Summary], sizes: np.ndarray, top: int = TOP, min_effect: float = MIN_EFFECT
) -> list[list[Distinction]]:
    """Per segment (of `sizes` rows each), the `top` attribute values that differ most from all
    rows used, strongest first; differences below `min_effect` are left out."""
    k = sizes.size
    found: list[list[Distinction]] = [[] for _ in range(k)]
    for summary in summaries:
        if isinstance(summary, _Numbers):
            per_segment = _mean_distinctions(summary, k)
        else:
            per_segment = _share_distinctions(summary, sizes.astype(float))
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
    if present.size >= MIN_LEVEL_ROWS:  # fewer: the figures would be those people's values
        summary["mean"] = _figure(kind, float(present.mean()))
        for q, v in zip(QUANTILES, np.quantile(present, QUANTILES), strict=True):
            summary[f"q{round(q * 100)}"] = _figure(kind, float(v))
    return summary


def _pooled(shares: _Shares) -> tuple[list[str], np.ndarray]:
    """The `AGGREGATE_LEVELS` most frequent levels; the rest summed as "(other)"."""
    plain = [level for level in shares.levels if level != MISSING]
    if len(plain) <= AGGREGATE_LEVELS:
        return shares.levels, shares.counts
    keep = shares.counts[:, :AGGREGATE_LEVELS]
    rest = shares.counts[:, AGGREGATE_LEVELS : len(plain)].sum(axis=1, keepdims=True)
    tail = shares.counts[:, len(plain) :]
    return [*plain[:AGGREGATE_LEVELS], OTHER, *shares.levels[len(plain) :]], np.hstack([keep, rest, tail])


def aggregates(summaries: list[Summary], k: int) -> list[dict[str, dict[str, Any]]]:
    """Per segment, per column: counts per category or option (the `AGGREGATE_LEVELS` most
    frequent, the rest as "(other)"), or count, missing, mean and quantiles per number."""
    out: list[dict[str, dict[str, Any]]] = [{} for _ in range(k)]
    grouped: tuple[np.ndarray, np.ndarray] | None = None  # rows by segment, and where each starts
    for summary in summaries:
        name, kind = summary.column.name, summary.column.kind
        if isinstance(summary, _Numbers):
            if grouped is None:
                order = np.argsort(summary.seg, kind="stable")
                grouped = order, np.searchsorted(summary.seg[order], np.arange(k + 1))
            order, bounds = grouped
            for s in range(k):
                out[s][name] = _number_summary(kind, summary.values[order[bounds[s] : bounds[s + 1]]])
            continue
        levels, counts = _pooled(summary)
        for s in range(k):
            kept = {level: int(c) for level, c in zip(levels, counts[s], strict=True) if c > 0}
            out[s][name] = {"kind": kind.value, "counts": kept}
    return out
