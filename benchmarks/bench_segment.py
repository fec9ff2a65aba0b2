"""Segmenting 100,000 rows × 20 columns for a given k against raw scikit-learn k-means on the same
encoded matrix, in the same process (goal: ours ≤ 1.5× raw).

Ours is the whole engine call: encode the table's parsed columns, cluster, score (sampled
silhouette and bootstrap stability) and describe every segment. Raw is scikit-learn's
`KMeans(...).fit` alone, with its defaults and the same k, restarts and seed. The data are
generated with planted groups (6 of them, one a 3 % niche) over 8 numeric, 8 categorical and 4
multi-select columns. The peak memory of one engine call (Python and NumPy allocations, by
tracemalloc) is printed on its own line."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from _util import compare, report
from sklearn.cluster import KMeans

from personamap.data import cluster
from personamap.data.columns import Column, ColumnKind, Table
from personamap.data.encode import Encoder
from personamap.data.segment import default_columns, segment

K = 6
SEED = 11
WEIGHTS = (0.30, 0.22, 0.18, 0.15, 0.12, 0.03)


def make_table(rows: int = 100_000, seed: int = 0) -> Table:
    """`rows` survey-like rows from `K` planted groups: each group shifts the numbers, favours
    its own category per categorical column (70 % of its rows) and its own options."""
    rng = np.random.default_rng(seed)
    group = rng.choice(K, size=rows, p=WEIGHTS)
    columns: list[Column] = []
    for c in range(8):
        centres = rng.normal(50.0, 20.0, K)
        values = rng.normal(centres[group], 8.0)
        gaps = rng.random(rows) < 0.02
        columns.append(
            Column(
                f"number {c}",
                ColumnKind.NUMERIC,
                [None if g else float(v) for v, g in zip(values, gaps, strict=True)],
                missing=int(gaps.sum()),
            )
        )
    for c in range(8):
        levels = [f"answer {c}.{j}" for j in range(5 + c)]
        favourite = rng.permutation(len(levels))[group % len(levels)]
        random_pick = rng.integers(0, len(levels), rows)
        picked = np.where(rng.random(rows) < 0.7, favourite, random_pick)
        columns.append(Column(f"question {c}", ColumnKind.CATEGORICAL, [levels[i] for i in picked]))
    for c in range(4):
        options = [f"option {c}.{j}" for j in range(6)]
        liking = rng.random((K, len(options))) * 0.8 + 0.05
        chosen = rng.random((rows, len(options))) < liking[group]
        columns.append(
            Column(
                f"channels {c}",
                ColumnKind.MULTI_SELECT,
                [tuple(o for o, on in zip(options, row, strict=True) if on) for row in chosen],
            )
        )
    return Table(Path("survey.csv"), columns, rows)


def peak_megabytes(fn) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def run(quick: bool = False) -> None:
    repeat = 3 if quick else 5
    table = make_table()
    columns = default_columns(table)
    matrix = Encoder.fit(table, columns).transform(table)
    ours, raw = compare(
        lambda: segment(table, columns=columns, k=K, seed=SEED),
        lambda: KMeans(n_clusters=K, n_init=cluster.N_INIT, random_state=SEED).fit(matrix),
        repeat=repeat,
    )
    report("data.segment_100k", ours, raw, 1.5)
    peak = peak_megabytes(lambda: segment(table, columns=columns, k=K, seed=SEED))
    print(
        f"bench: data.segment_100k peak={peak:.0f}MB matrix={matrix.nbytes / 1e6:.0f}MB "
        f"({matrix.shape[0]:,} rows × {matrix.shape[1]} encoded columns)",
        flush=True,
    )


if __name__ == "__main__":
    run("--quick" in sys.argv)
