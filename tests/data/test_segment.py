"""Segmenting: planted groups in a generated table come back as segments, repeatably, with the
figures that set them apart, niches flagged, and a later wave assigned to the same segments."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from personamap.data.columns import Column, ColumnKind, Table
from personamap.data.segment import SegmentError, SegmentModel, segment

PLANS = ("basic", "pro", "team", "enterprise")
AGES = (25.0, 40.0, 55.0, 70.0)
SPEND = (20.0, 80.0, 50.0, 150.0)
CHANNELS = (("email",), ("phone", "chat"), ("chat",), ("account manager", "phone"))


def planted(n: int, weights: tuple[float, ...], seed: int) -> tuple[Table, np.ndarray]:
    """`n` rows drawn from four planted groups with the given weights: each group has its own
    age, spend, plan (90 % of its rows) and channels; `device` is noise shared by all."""
    rng = np.random.default_rng(seed)
    truth = rng.choice(len(weights), size=n, p=np.asarray(weights) / sum(weights))
    ages = rng.normal(np.take(AGES, truth), 3.0)
    spend = rng.normal(np.take(SPEND, truth), 5.0)
    stray = rng.random(n) < 0.1
    plans = [PLANS[(g + 1) % 4] if s else PLANS[g] for g, s in zip(truth, stray, strict=True)]
    devices = rng.choice(["mobile", "desktop"], size=n).tolist()
    channels = [CHANNELS[g] for g in truth]
    columns = [
        Column("age", ColumnKind.NUMERIC, [float(v) for v in ages]),
        Column("spend", ColumnKind.NUMERIC, [float(v) for v in spend]),
        Column("plan", ColumnKind.CATEGORICAL, list(plans)),
        Column("device", ColumnKind.CATEGORICAL, devices),
        Column("channels", ColumnKind.MULTI_SELECT, channels),
        Column("email", ColumnKind.TEXT, [f"p{i}@example.com" for i in range(n)], personal=True),
    ]
    return Table(Path("wave.csv"), columns, n), truth


WEIGHTS = (0.40, 0.30, 0.27, 0.03)


@pytest.fixture(scope="module")
def wave() -> tuple[Table, np.ndarray]:
    return planted(2000, WEIGHTS, seed=1)


@pytest.fixture(scope="module")
def four(wave):
    return segment(wave[0], k=4, seed=7)


def matching(labels: np.ndarray, truth: np.ndarray, group: int) -> int:
    """The segment holding most rows of planted `group`."""
    return int(np.bincount(labels[truth == group]).argmax())


def test_the_same_seed_gives_the_same_segments(wave) -> None:
    table, _ = wave
    first = segment(table, k=3, seed=5)
    again = segment(table, k=3, seed=5)
    assert np.array_equal(first.labels, again.labels)
    assert json.dumps(first.to_json()) == json.dumps(again.to_json())
    assert np.array_equal(first.model.centroids, again.model.centroids)


def test_planted_groups_are_recovered(wave, four) -> None:
    _, truth = wave
    assert adjusted_rand_score(truth, four.labels) > 0.95
    assert four.rows_used == 2000
    assert [s.n for s in four.segments] == sorted((s.n for s in four.segments), reverse=True)


def test_auto_picks_the_planted_k_and_reports_both_scores(wave) -> None:
    table, truth = wave
    # Not `device`: a category independent of the groups is real structure in the encoded space
    # (it halves every group), so auto would rightly find twice the groups with it.
    result = segment(table, columns=["age", "spend", "plan", "channels"], k="auto", seed=3)
    assert result.quality.k == 4
    assert [s.k for s in result.quality.tried] == list(range(2, 9))
    chosen = next(s for s in result.quality.tried if s.k == 4)
    assert chosen.stability > 0.9
    assert chosen.silhouette * chosen.stability == max(
        s.silhouette * s.stability for s in result.quality.tried
    )
    assert adjusted_rand_score(truth, result.labels) > 0.95
    quality = result.to_json()["quality"]
    assert set(quality) == {"k", "silhouette", "stability"}
    assert 0.3 < quality["silhouette"] <= 1 and 0.9 < quality["stability"] <= 1


def test_a_small_group_is_kept_and_flagged_niche(wave, four) -> None:
    _, truth = wave
    niche = matching(four.labels, truth, 3)
    flags = [s.niche for s in four.segments]
    assert flags == [s.index == niche for s in four.segments]
    segment_json = four.to_json()["segments"][niche]
    assert segment_json["niche"] is True
    assert segment_json["n"] == int((four.labels == niche).sum())
    assert segment_json["share"] == round(100 * segment_json["n"] / 2000, 1) < 5


def test_distinguishing_attributes_name_the_planted_differences_with_their_figures(wave, four) -> None:
    table, truth = wave
    labels = four.labels
    pro = matching(labels, truth, 1)
    found = {(d["column"], d["value"]): d for d in four.to_json()["segments"][pro]["distinguishing"]}
    plan = found[("plan", "pro")]
    plans = np.array(table.column("plan").values)
    assert plan["share_in_segment"] == round(100 * float(np.mean(plans[labels == pro] == "pro")), 1)
    assert plan["share_overall"] == round(100 * float(np.mean(plans == "pro")), 1)
    assert plan["share_in_segment"] > 80 > 40 > plan["share_overall"]
    assert ("channels", "phone") in found or ("spend", "mean") in found or ("age", "mean") in found
    assert all(d["column"] != "device" for d in found.values())
    old = matching(labels, truth, 3)
    ages = np.array(table.column("age").values)
    by_column = {d.column: d for d in four.segments[old].distinguishing if d.measure == "mean"}
    assert by_column["age"].share_in_segment == round(float(ages[labels == old].mean()), 2)
    assert by_column["age"].share_overall == round(float(ages.mean()), 2)
    assert four.segments[old].distinguishing[0].effect >= four.segments[old].distinguishing[-1].effect


def test_a_shifted_wave_is_assigned_to_the_same_segments(wave, four) -> None:
    _, truth = wave
    later, later_truth = planted(1500, (0.10, 0.60, 0.27, 0.03), seed=99)
    model = SegmentModel.from_dict(json.loads(json.dumps(four.model.to_dict())))
    labels = model.assign(later)
    assert adjusted_rand_score(later_truth, labels) > 0.95
    pro = matching(four.labels, truth, 1)
    basic = matching(four.labels, truth, 0)
    assert np.mean(labels[later_truth == 1] == pro) > 0.97
    now = {s.index: s for s in model.describe(later)}
    assert now[pro].share == round(100 * float(np.mean(labels == pro)), 1)
    assert now[pro].share > 55 and now[basic].share < 15
    assert sum(s.n for s in now.values()) == 1500


def test_aggregates_hold_counts_and_quantiles_never_rows(wave, four) -> None:
    table, _ = wave
    first = four.segments[0]
    plan_counts = first.aggregates["plan"]["counts"]
    plans = np.array(table.column("plan").values)
    assert plan_counts == {p: int(c) for p in PLANS if (c := np.sum(plans[four.labels == 0] == p))}
    age = first.aggregates["age"]
    ages = np.array(table.column("age").values)[four.labels == 0]
    assert age["n"] == first.n and age["missing"] == 0
    assert age["q50"] == round(float(np.median(ages)), 2)
    assert not {"min", "max"} & set(age)
    assert "email" not in first.aggregates


def test_personal_and_text_columns_are_never_segmented_on(wave) -> None:
    table, _ = wave
    with pytest.raises(SegmentError, match="email: personal"):
        segment(table, columns=["age", "email"], k=2)
    assert "email" not in segment(table, k=2, seed=0).model.encoder.columns


def test_rows_with_nothing_answered_are_left_out_and_gaps_imputed() -> None:
    rng = np.random.default_rng(0)
    n = 300
    group = rng.integers(0, 2, n)
    age = [None if i % 10 == 0 else float(20 + 40 * g + rng.normal()) for i, g in enumerate(group)]
    plan = [None if i % 10 == 0 else ("a" if g else "b") for i, g in enumerate(group)]
    plan[1] = None  # missing plan, age known: still used
    table = Table(
        Path("gaps.csv"),
        [Column("age", ColumnKind.NUMERIC, age), Column("plan", ColumnKind.CATEGORICAL, plan)],
        n,
    )
    result = segment(table, k=2, seed=0)
    assert result.rows_used == n - n // 10
    assert (result.labels[::10] == -1).all() and result.labels[1] >= 0
    kept = result.labels >= 0
    assert adjusted_rand_score(group[kept], result.labels[kept]) == 1.0


def test_bad_k_is_refused(wave) -> None:
    with pytest.raises(SegmentError, match="k must be"):
        segment(wave[0], k=1)


def test_dates_are_described_in_days_and_extra_columns_only_aggregated() -> None:
    start = dt.date(2024, 1, 1)
    n = 200
    early = [i % 2 == 0 for i in range(n)]
    days = [start + dt.timedelta(days=(0 if e else 300) + i % 5) for i, e in enumerate(early)]
    region = ["north" if i % 3 else "south" for i in range(n)]
    table = Table(
        Path("dates.csv"),
        [
            Column("signed up", ColumnKind.DATE, days),
            Column("region", ColumnKind.CATEGORICAL, region),
            Column("name", ColumnKind.TEXT, [f"person {i}" for i in range(n)], personal=True),
        ],
        n,
    )
    result = segment(table, columns=["signed up"], k=2, seed=0, describe=["region", "name"])
    assert result.model.encoder.columns == ["signed up"]
    for seg in result.segments:
        (apart,) = seg.distinguishing
        mine = [d for d, label in zip(days, result.labels, strict=True) if label == seg.index]
        mean_day = sum(d.toordinal() for d in mine) / len(mine)
        assert apart.to_json()["share_in_segment"] == dt.date.fromordinal(round(mean_day)).isoformat()
        assert set(seg.aggregates) == {"signed up", "region"}
        assert sum(seg.aggregates["region"]["counts"].values()) == seg.n
        assert seg.aggregates["signed up"]["q50"] in {d.isoformat() for d in mine}


def test_a_wave_whose_columns_changed_is_refused(wave, four) -> None:
    table, _ = wave
    renamed = Table(table.path, [c for c in table.columns if c.name != "plan"], table.rows)
    with pytest.raises(SegmentError, match="no column named 'plan'"):
        four.model.assign(renamed)
    retyped = Table(
        table.path,
        [
            Column("age", ColumnKind.CATEGORICAL, ["young"] * table.rows) if c.name == "age" else c
            for c in table.columns
        ],
        table.rows,
    )
    with pytest.raises(SegmentError, match="age: was numeric, is now categorical"):
        four.model.describe(retyped)


def test_a_two_valued_category_is_named_once_by_its_over_represented_value() -> None:
    n = 400
    answers = ["yes" if i % 4 == 0 else "no" for i in range(n)]
    spend = [100.0 if a == "yes" else 10.0 for a in answers]
    table = Table(
        Path("yn.csv"),
        [Column("churned", ColumnKind.CATEGORICAL, answers), Column("spend", ColumnKind.NUMERIC, spend)],
        n,
    )
    result = segment(table, k=2, seed=0)
    named = [
        [(d.column, d.value) for d in seg.distinguishing if d.column == "churned"] for seg in result.segments
    ]
    assert sorted(named) == [[("churned", "no")], [("churned", "yes")]]
    small = result.segments[1]
    (yes,) = [d for d in small.distinguishing if d.column == "churned"]
    assert (yes.share_in_segment, yes.share_overall) == (100.0, 25.0)
