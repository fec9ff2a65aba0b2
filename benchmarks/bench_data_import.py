"""The whole research-data loop on 100,000 rows × 20 columns: a CSV on disk to draft personas in
a saved project (`personamap data segment`, k chosen automatically), goal ≤ 60 s on this 2-core
machine; beside it, as raw, reading the same file with the `csv` module and one scikit-learn
k-means fit of the encoded matrix. The absolute goal is the issue's; the ratio shows what the
loop costs over the bare minimum. Peak memory (tracemalloc) of one run is printed too."""

from __future__ import annotations

import csv
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from _util import time_once
from bench_segment import SEED, K, make_table
from sklearn.cluster import KMeans

from personamap.data import cluster
from personamap.data.commands import data_segment
from personamap.data.encode import Encoder
from personamap.data.segment import default_columns
from personamap.io import save
from personamap.model import Project

GOAL_SECONDS = 60.0


def write_csv(path: Path, rows: int = 100_000) -> None:
    """The benchmark table as a survey export: numbers with two decimals, multi-select answers
    joined by "; "."""
    table = make_table(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.name for c in table.columns])
        cells = []
        for column in table.columns:
            if column.kind.value == "numeric":
                cells.append(["" if v is None else f"{v:.2f}" for v in column.values])
            elif column.kind.value == "multi-select":
                cells.append(["; ".join(v) for v in column.values])  # type: ignore[arg-type]
            else:
                cells.append([str(v) for v in column.values])
        writer.writerows(zip(*cells, strict=True))


def _raw(path: Path, matrix: np.ndarray) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        list(csv.reader(handle))
    KMeans(n_clusters=K, n_init=cluster.N_INIT, random_state=SEED).fit(matrix)


def run(quick: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        table = folder / "survey.csv"
        write_csv(table)
        generated = make_table()
        matrix = Encoder.fit(generated, default_columns(generated)).transform(generated)

        def ours() -> None:
            project = folder / "project.personamap"
            save(Project(title="Benchmark"), project, backup=False)
            data_segment(project, table, columns=None, k="auto", seed=SEED)

        took = time_once(ours)
        raw = time_once(lambda: _raw(table, matrix))
        ratio = took / raw if raw > 0 else float("inf")
        print(
            f"bench: data.import_100k ours={took:.3f}s raw={raw:.3f}s ratio={ratio:.2f} "
            f"goal={GOAL_SECONDS:g}s",
            flush=True,
        )
        if not quick:
            tracemalloc.start()
            try:
                ours()
                peak = tracemalloc.get_traced_memory()[1] / 1e6
            finally:
                tracemalloc.stop()
            print(f"bench: data.import_100k peak={peak:.0f}MB", flush=True)


if __name__ == "__main__":
    run("--quick" in sys.argv)
