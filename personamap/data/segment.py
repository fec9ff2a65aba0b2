"""Grouping a table's rows into segments: `segment(table, columns, k, seed)` encodes the chosen
columns, clusters them with k-means and describes each segment.

The result keeps a `SegmentModel` (the fitted encoder and the centroids) so a later wave can be
assigned to the same segments (`model.assign(table)`, `model.describe(table)`); it saves as
plain JSON (`to_dict`), holding only level names, means, scales and centroids — aggregates,
never a row.

Rows: a row with none of the chosen columns answered cannot be placed and is left out (counted in
`rows_used`); other gaps are imputed as the encoder says (personamap/data/encode.py). Segments are
numbered by size, largest first; those under `NICHE_SHARE` of the rows used are flagged niche,
never dropped.

`progress` (personamap/data/cluster.py `Progress`) hears of every fit and bootstrap run and can
stop the work between them; `segment` then raises `Cancelled`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from personamap.data import cluster
from personamap.data.arrays import MIN_LEVEL_ROWS, ColumnArrays, arrays
from personamap.data.cluster import Cancelled as Cancelled  # raised through segment()
from personamap.data.cluster import Progress, Steps
from personamap.data.columns import Column, ColumnKind, Table
from personamap.data.describe import Distinction, aggregates, distinguishing, summarise
from personamap.data.encode import SEGMENTABLE, EncodeError, Encoder, check, usable

NICHE_SHARE = 0.05


class SegmentError(ValueError):
    """Segmenting is impossible (too few rows, bad k); the message says why, in one line."""


def default_columns(table: Table) -> list[str]:
    """The columns segmenting uses when none are chosen: every non-personal numeric,
    categorical and multi-select column (dates only when asked for)."""
    kinds = (ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.MULTI_SELECT)
    return [c.name for c in table.columns if c.kind in kinds and not c.personal]


@dataclass(frozen=True)
class Segment:
    """One segment of the rows used: its size, share (percent), what sets it apart, whether it is
    a niche, and its aggregates (per column counts or number summaries)."""

    index: int
    n: int
    share: float
    distinguishing: tuple[Distinction, ...]
    niche: bool
    aggregates: dict[str, dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "share": self.share,
            "distinguishing": [d.to_json() for d in self.distinguishing],
            "niche": self.niche,
        }


@dataclass(frozen=True)
class Quality:
    """The chosen k with its silhouette and stability, and the scores of every k tried."""

    k: int
    silhouette: float
    stability: float
    tried: tuple[cluster.Score, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"k": self.k, "silhouette": round(self.silhouette, 3), "stability": round(self.stability, 3)}


@dataclass(frozen=True)
class SegmentModel:
    """What assigning new rows needs: the encoder and one centroid per segment (in the
    encoder's space), numbered like the segments."""

    encoder: Encoder
    centroids: np.ndarray

    @property
    def k(self) -> int:
        return int(self.centroids.shape[0])

    def assign(self, table: Table) -> np.ndarray:
        """Each row's segment (nearest centroid), -1 for rows with none of the columns answered.
        Values the encoder never saw count as "(other)" or as no indicator."""
        return self._assign(self._arrays(table))

    def _arrays(self, table: Table) -> list[ColumnArrays]:
        try:
            return self.encoder.arrays(table)
        except EncodeError as error:
            raise SegmentError(str(error)) from None

    def _assign(self, parsed: list[ColumnArrays]) -> np.ndarray:
        used = usable(parsed)
        labels = np.full(used.size, -1, dtype=np.int64)
        if used.any():
            try:
                matrix = self.encoder.encode(parsed)
            except EncodeError as error:
                raise SegmentError(str(error)) from None
            labels[used] = nearest(matrix[used], self.centroids)
        return labels

    def describe(self, table: Table, describe: list[str] | None = None) -> list[Segment]:
        """The segments as they stand in `table` (e.g. the next wave): sizes, shares,
        distinguishing attributes against that table, aggregates."""
        parsed = self._arrays(table)
        extra = [c for c in describe or [] if c not in self.encoder.columns]
        return _segments(table, self._assign(parsed), self.k, parsed, extra)

    def to_dict(self) -> dict[str, Any]:
        return {"encoder": self.encoder.to_dict(), "centroids": self.centroids.round(6).tolist()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SegmentModel:
        centroids = np.asarray(data["centroids"], dtype=float)
        encoder = Encoder.from_dict(data["encoder"])
        if centroids.ndim != 2 or centroids.shape[1] != encoder.width:
            raise SegmentError("saved segments do not match their encoding")
        return cls(encoder, centroids)


@dataclass(frozen=True)
class Segmentation:
    """The whole result: the model to assign later waves, each row's segment (-1 = not used;
    kept in memory only, never saved), the segments and the quality."""

    model: SegmentModel
    labels: np.ndarray
    segments: tuple[Segment, ...]
    quality: Quality

    @property
    def rows_used(self) -> int:
        return int((self.labels >= 0).sum())

    def to_json(self) -> dict[str, Any]:
        return {
            "rows_used": self.rows_used,
            "segments": [s.to_json() for s in self.segments],
            "quality": self.quality.to_json(),
        }


def nearest(matrix: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """Index of the nearest centroid per row (squared Euclidean, as k-means measures)."""
    distances = (
        (matrix**2).sum(axis=1)[:, None] - 2.0 * matrix @ centroids.T + (centroids**2).sum(axis=1)[None, :]
    )
    return distances.argmin(axis=1)


def segment(
    table: Table,
    columns: list[str] | None = None,
    k: int | Literal["auto"] = "auto",
    seed: int = 0,
    describe: list[str] | None = None,
    progress: Progress | None = None,
) -> Segmentation:
    """Segment `table` on `columns` (default: `default_columns`) into `k` segments, or choose k
    in 2–8 (`"auto"`). `describe` adds columns whose aggregates are kept without shaping the
    segments. The same table, columns, k and seed give the same result. Raises `Cancelled`
    when `progress` returns True."""
    chosen = list(columns) if columns is not None else default_columns(table)
    extra = [c for c in describe or [] if c not in chosen]
    try:
        if not chosen:
            raise EncodeError(f"{table.path.name}: no columns to segment on")
        for name in chosen:
            check(_column(table, name))
        parsed = [arrays(_column(table, name)) for name in chosen]
        encoder = Encoder.fit_arrays(parsed)
    except EncodeError as error:
        raise SegmentError(str(error)) from None
    used = usable(parsed)
    matrix = encoder.encode(parsed)
    if not used.all():
        matrix = matrix[used]
    if matrix.shape[0] < 3:
        raise SegmentError(f"{table.path.name}: {matrix.shape[0]} usable rows, too few to segment")
    tried: list[cluster.Score] = []
    final = 1 + cluster.SCORE_STEPS
    steps = Steps(progress, final + (cluster.AUTO_STEPS if k == "auto" else 0))
    if k == "auto":
        k, tried = cluster.choose_k(matrix, seed, steps)
    elif not isinstance(k, int) or not 2 <= k <= matrix.shape[0] - 1:
        raise SegmentError(f"k must be between 2 and {min(matrix.shape[0] - 1, 99)}, or auto")
    steps.done = steps.total - final  # auto may stop early: fewer distinct rows than k's
    steps.next(f"finding {k} segments")
    fitted = cluster.kmeans(matrix, k, seed)
    centroids, raw_labels = _by_size(fitted.cluster_centers_, fitted.labels_)
    labels = np.full(table.rows, -1, dtype=np.int64)
    labels[used] = raw_labels
    quality = cluster.score(matrix, raw_labels, k, seed, steps)
    segments = _segments(table, labels, k, parsed, extra)
    steps.finish()
    return Segmentation(
        SegmentModel(encoder, centroids),
        labels,
        tuple(segments),
        Quality(k, quality.silhouette, quality.stability, tuple(tried)),
    )


def _by_size(centroids: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Renumber segments largest first (ties by their first row) so numbering is repeatable."""
    k = centroids.shape[0]
    sizes = np.bincount(labels, minlength=k)
    first = np.array([np.flatnonzero(labels == s)[0] if sizes[s] else labels.size for s in range(k)])
    order = sorted(range(k), key=lambda s: (-sizes[s], first[s]))
    rank = np.empty(k, dtype=np.int64)
    rank[order] = np.arange(k)
    return centroids[order], rank[labels]


def _segments(
    table: Table, labels: np.ndarray, k: int, parsed: list[ColumnArrays], extra: list[str]
) -> list[Segment]:
    """Sizes, shares, distinguishing attributes (of the segmenting columns) and aggregates (of
    those and the `extra` columns, unless personal or free text). A segment of fewer than
    `MIN_LEVEL_ROWS` rows keeps only its size: its figures would be those people's answers."""
    chosen = {column.name for column in parsed}
    for name in extra:
        column = _column(table, name)
        if not column.personal and column.kind in SEGMENTABLE:
            parsed = [*parsed, arrays(column)]
    used = labels[labels >= 0]
    total = max(used.size, 1)
    sizes = np.bincount(used, minlength=k)
    summaries = summarise(parsed, labels, k)
    apart = distinguishing([s for s in summaries if s.column.name in chosen], sizes)
    kept = aggregates(summaries, k)
    return [
        Segment(
            index=s,
            n=int(sizes[s]),
            share=round(100.0 * float(sizes[s]) / total, 1),
            distinguishing=tuple(apart[s]) if sizes[s] >= MIN_LEVEL_ROWS else (),
            niche=bool(sizes[s] / total < NICHE_SHARE),
            aggregates=kept[s] if sizes[s] >= MIN_LEVEL_ROWS else {},
        )
        for s in range(k)
    ]


def _column(table: Table, name: str) -> Column:
    try:
        return table.column(name)
    except KeyError:
        raise SegmentError(f"{table.path.name}: no column named {name!r}") from None
