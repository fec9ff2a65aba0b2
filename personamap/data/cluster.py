"""Clustering an encoded matrix and judging the result, with scikit-learn.

Why k-means on one-hot + standardised columns (not k-prototypes): scikit-learn is well kept, its
k-means is compiled and multi-threaded (100,000 rows in about a second), and its centroids give a
plain nearest-centroid rule for assigning the next wave; the k-prototypes package is pure Python
and far slower on tables this size, for results that differ little once categories are one-hot.

Quality, reported for every k tried:
- silhouette: on at most `SILHOUETTE_SAMPLE` rows drawn at random with the seed (it costs rows²
  otherwise), through scikit-learn's own `sample_size`;
- stability: `BOOTSTRAPS` fits on bootstrap resamples of a seeded sample of at most
  `STABILITY_SAMPLE` rows, each labelling that same sample; the mean adjusted Rand index between
  every pair of labellings (1 = the same segments every time, 0 = chance). The fits restart as
  often as the real one, so stability measures the data, not a single unlucky start.

Segmenting 100,000 rows takes seconds, so every step (a fit, a bootstrap run, a k tried) first
reports to an optional `Progress` callback, which can stop the work by returning True: a window
offers Cancel and the worker thread really stops at the next step (`Cancelled`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np

N_INIT = 3
SILHOUETTE_SAMPLE = 1500
STABILITY_SAMPLE = 1000
BOOTSTRAPS = 4
AUTO_SAMPLE = 20_000
AUTO_RANGE = range(2, 9)

Progress = Callable[[str, float], bool]
"""Called with what is being done and the fraction done (0–1); returning True stops the work."""


class Cancelled(Exception):
    """The progress callback asked to stop; nothing was produced."""


@dataclass
class Steps:
    """Counts the steps of one piece of work and reports each to `progress` before it runs, so
    the fraction is the share of steps done and a stop request is seen between steps."""

    progress: Progress | None
    total: int
    done: int = 0

    def next(self, stage: str) -> None:
        if self.progress is not None and self.progress(stage, min(self.done / max(self.total, 1), 1.0)):
            raise Cancelled(stage)
        self.done += 1

    def finish(self) -> None:
        """Report the work complete (a last chance to stop, too)."""
        self.done = self.total
        self.next("done")


def kmeans(matrix: np.ndarray, k: int, seed: int, n_init: int = N_INIT) -> Any:
    """A fitted scikit-learn KMeans (k-means++ start, `n_init` restarts, the best kept). The
    matrix is centred in place and restored (`copy_x=False`): it is ours and large, so a copy
    would only cost time and memory."""
    from sklearn.cluster import KMeans  # type: ignore[import-untyped]

    return KMeans(n_clusters=k, n_init=n_init, random_state=seed, copy_x=False).fit(matrix)


def silhouette(matrix: np.ndarray, labels: np.ndarray, seed: int) -> float:
    """Mean silhouette on a seeded sample of rows; 0 when it is undefined (one segment)."""
    from sklearn.metrics import silhouette_score  # type: ignore[import-untyped]

    if len(set(labels.tolist())) < 2:
        return 0.0
    size = min(SILHOUETTE_SAMPLE, labels.size)
    sample = size if size < labels.size else None
    return float(silhouette_score(matrix, labels, sample_size=sample, random_state=seed))


def stability(matrix: np.ndarray, k: int, seed: int, steps: Steps | None = None) -> float:
    """Agreement (mean pairwise adjusted Rand index) of k-means fitted on bootstrap resamples;
    each resample is one of `steps`."""
    from sklearn.metrics import adjusted_rand_score

    rng = np.random.default_rng(seed)
    base = matrix
    if matrix.shape[0] > STABILITY_SAMPLE:
        base = matrix[np.sort(rng.choice(matrix.shape[0], STABILITY_SAMPLE, replace=False))]
    labellings = []
    for b in range(BOOTSTRAPS):
        if steps is not None:
            steps.next(f"checking stability of {k} segments")
        resample = base[rng.integers(0, base.shape[0], base.shape[0])]
        labellings.append(kmeans(resample, k, seed + b + 1).predict(base))
    scores = [adjusted_rand_score(a, b) for a, b in combinations(labellings, 2)]
    return float(np.mean(scores))


@dataclass(frozen=True)
class Score:
    """How well k segments fit the rows."""

    k: int
    silhouette: float
    stability: float

    def to_json(self) -> dict[str, Any]:
        return {"k": self.k, "silhouette": round(self.silhouette, 3), "stability": round(self.stability, 3)}


SCORE_STEPS = BOOTSTRAPS
"""Steps `score` reports: one per bootstrap fit (the silhouette is quick beside them)."""
AUTO_STEPS = len(AUTO_RANGE) * (1 + SCORE_STEPS)
"""Steps `choose_k` reports at most: a fit and a score per k."""


def score(matrix: np.ndarray, labels: np.ndarray, k: int, seed: int, steps: Steps | None = None) -> Score:
    return Score(k, silhouette(matrix, labels, seed), stability(matrix, k, seed, steps))


def choose_k(matrix: np.ndarray, seed: int, steps: Steps | None = None) -> tuple[int, list[Score]]:
    """Try k = 2…8 on a seeded sample of at most `AUTO_SAMPLE` rows and keep the k with the best
    silhouette × stability: a k must both separate the rows and come back the same on resamples
    (silhouette alone often prefers merging a small niche into a big neighbour). Ties go to the
    smaller k. Returns the k chosen and every score, for the explorer's chart. Each fit and
    bootstrap run is one of `steps`."""
    rng = np.random.default_rng(seed)
    work = matrix
    if matrix.shape[0] > AUTO_SAMPLE:
        work = matrix[np.sort(rng.choice(matrix.shape[0], AUTO_SAMPLE, replace=False))]
    distinct = np.unique(work, axis=0).shape[0]
    scores = []
    for k in AUTO_RANGE:
        if k > distinct - 1:
            break
        if steps is not None:
            steps.next(f"trying {k} segments")
        scores.append(score(work, kmeans(work, k, seed).labels_, k, seed, steps))
    if not scores:
        return min(2, distinct), []
    best = max(scores, key=lambda s: (round(s.silhouette * s.stability, 3), -s.k))
    return best.k, scores
