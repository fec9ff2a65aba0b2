"""Segmenting reports its progress step by step and stops when the callback asks it to, without
Qt: the Import data window's Cancel rests on this (personamap/data/cluster.py `Progress`)."""

from __future__ import annotations

import numpy as np
import pytest
from test_segment import WEIGHTS, planted

from personamap.data import cluster
from personamap.data.segment import Cancelled, segment


@pytest.fixture(scope="module")
def table():
    return planted(300, WEIGHTS, seed=3)[0]


class Recorder:
    """Records every report; asks to stop at report number `stop_at` (never when None)."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.calls: list[tuple[str, float]] = []
        self.stop_at = stop_at

    def __call__(self, stage: str, fraction: float) -> bool:
        self.calls.append((stage, fraction))
        return self.stop_at is not None and len(self.calls) >= self.stop_at


def test_auto_reports_every_k_and_bootstrap_in_order_up_to_done(table) -> None:
    seen = Recorder()
    result = segment(table, k="auto", seed=2, progress=seen)
    stages = [stage for stage, _ in seen.calls]
    fractions = [fraction for _, fraction in seen.calls]
    assert [f"trying {k} segments" in stages for k in cluster.AUTO_RANGE] == [True] * len(cluster.AUTO_RANGE)
    assert f"finding {result.quality.k} segments" in stages
    assert stages.count(f"checking stability of {result.quality.k} segments") == 2 * cluster.BOOTSTRAPS
    assert fractions == sorted(fractions) and fractions[0] == 0.0
    assert seen.calls[-1] == ("done", 1.0)


def test_reporting_changes_nothing_in_the_result(table) -> None:
    quiet = segment(table, k=3, seed=5)
    heard = segment(table, k=3, seed=5, progress=Recorder())
    assert np.array_equal(quiet.labels, heard.labels)
    assert quiet.to_json() == heard.to_json()


@pytest.mark.parametrize("stop_at", [1, 3, 12, 30])
def test_asking_to_stop_raises_cancelled_and_runs_no_further_step(table, monkeypatch, stop_at) -> None:
    fits = []
    real = cluster.kmeans
    monkeypatch.setattr(cluster, "kmeans", lambda *a, **kw: fits.append(a[1]) or real(*a, **kw))
    seen = Recorder(stop_at=stop_at)
    with pytest.raises(Cancelled):
        segment(table, k="auto", seed=2, progress=seen)
    assert len(seen.calls) == stop_at  # never asked again once told to stop
    # every step reports before its one fit: stopped at report n, n - 1 fits ran
    assert len(fits) == stop_at - 1


def test_a_fixed_k_can_be_stopped_during_its_stability_check(table) -> None:
    seen = Recorder(stop_at=3)
    with pytest.raises(Cancelled):
        segment(table, k=4, seed=1, progress=seen)
    assert [stage for stage, _ in seen.calls] == [
        "finding 4 segments",
        "checking stability of 4 segments",
        "checking stability of 4 segments",
    ]
