"""Refreshing a dataset source with a new export: the same table reports nothing, a wave shifted
on purpose reports exactly what was shifted, and a table that lost a column is refused."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from churn import COLUMNS, DESCRIBING, SEGMENTING, churn_table, replaced, with_columns

from personamap.data.columns import Column, ColumnKind
from personamap.data.record import dataset_record
from personamap.data.refresh import refresh
from personamap.data.segment import SegmentError, segment

FIRST, LATER = dt.date(2026, 1, 10), dt.date(2026, 3, 2)
IDS = ["8f0c1d1e-6b1a-4c55-9b7e-3f3a1c2d4e5f", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", None]


@pytest.fixture(scope="module")
def imported():
    table, group = churn_table()
    result = segment(table, columns=SEGMENTING, k=3, seed=2, describe=DESCRIBING)
    dataset = dataset_record(table, result, COLUMNS, seed=2, today=FIRST, persona_ids=IDS)
    # which segment each planted group became (the record numbers segments by size)
    of_group = [int(np.bincount(result.labels[group == g]).argmax()) for g in range(3)]
    return table, group, dataset, of_group


def test_the_same_table_again_reports_no_drift(imported) -> None:
    table, _, dataset, _ = imported
    before = dataset.model_dump()
    out = refresh(dataset, table, today=LATER)
    assert dataset.model_dump() == before  # the input is untouched
    assert [w.imported for w in out.dataset.waves] == [FIRST, LATER]
    assert out.wave.segments == dataset.waves[0].segments
    assert [s.drift for s in out.drift] == [[], [], []]
    names = {IDS[0]: "Switching Sam", IDS[1]: "Loyal Lee"}
    assert out.to_json(names) == {
        "personas": [
            {
                "persona_id": s.persona_id,
                "name": names[s.persona_id],
                "share_before": s.share,
                "share_now": s.share,
                "drift": [],
            }
            for s in dataset.waves[0].segments
            if s.persona_id
        ]
    }


def test_a_shifted_wave_reports_exactly_what_was_shifted(imported) -> None:
    """Two thirds of the two-year customers move to a one-year contract (the top contract of
    their segment changes) and the month-to-month customers pay 20 % more (their mean moves);
    nothing else changes, so nothing else is reported."""
    table, group, dataset, of_group = imported
    rng = np.random.default_rng(0)
    contracts = list(table.column("contract").values)
    two_year = np.flatnonzero((group == 1) & (np.array(contracts) == "two year"))
    for i in rng.choice(two_year, size=len(two_year) * 2 // 3, replace=False):
        contracts[i] = "one year"
    charges = [
        v * 1.2 if g == 0 else v for v, g in zip(table.column("monthly charges").values, group, strict=True)
    ]
    shifted = replaced(replaced(table, "contract", contracts), "monthly charges", charges)
    out = refresh(dataset, shifted, today=LATER)
    found = {(s.segment, d.column, d.change) for s in out.drift for d in s.drift}
    assert found == {(of_group[1], "contract", "top-changed"), (of_group[0], "monthly charges", "mean-moved")}
    by_segment = {s.segment: s for s in out.drift}
    (top,) = by_segment[of_group[1]].drift
    assert (top.before["value"], top.now["value"]) == ("two year", "one year")
    (mean,) = by_segment[of_group[0]].drift
    assert mean.now == pytest.approx(1.2 * mean.before, rel=0.02)
    assert "monthly charges: the average moved up" in mean.message and "(+20%)" in mean.message
    assert [s.persona_id for s in out.wave.segments] == IDS
    report = out.to_json({IDS[0]: "A", IDS[1]: "B"})["personas"]
    assert {p["persona_id"]: sorted(d["change"] for d in p["drift"]) for p in report} == {
        IDS[s]: sorted(change for seg, _, change in found if seg == s) for s in (0, 1)
    }


def test_a_table_missing_or_retyping_a_column_is_refused_naming_it(imported) -> None:
    table, _, dataset, _ = imported
    without = with_columns(table, [c for c in table.columns if c.name != "region"])
    with pytest.raises(SegmentError, match=r"churn\.csv: no column named 'region'"):
        refresh(dataset, without, today=LATER)
    retyped = with_columns(
        table,
        [
            Column(c.name, ColumnKind.CATEGORICAL, [str(v) for v in c.values]) if c.name == "tenure" else c
            for c in table.columns
        ],
    )
    with pytest.raises(SegmentError, match=r"churn\.csv: tenure was numeric, is now categorical"):
        refresh(dataset, retyped, today=LATER)
    assert len(dataset.waves) == 1
