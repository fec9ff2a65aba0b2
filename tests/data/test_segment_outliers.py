"""An extreme value must not become a segment of its own, and a segment of one or two rows must
never describe those people (its size is all that is said of it). No Qt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from personamap.data.columns import Column, ColumnKind, Table
from personamap.data.encode import CLIP, Encoder
from personamap.data.record import dataset_record
from personamap.data.segment import segment
from personamap.model.research import ColumnRole, ColumnType, DatasetColumn


def two_groups_and_a_millionaire(n: int = 200) -> Table:
    balance = [100.0 + (i % 9) * 10 if i % 2 else 900.0 + (i % 7) * 10 for i in range(n - 1)] + [5_000_000.0]
    plan = ["Basic" if i % 2 else "Premium" for i in range(n - 1)] + ["Premium"]
    return Table(
        Path("bank.csv"),
        [Column("Balance", ColumnKind.NUMERIC, balance), Column("Plan", ColumnKind.CATEGORICAL, plan)],
        n,
    )


def test_scaled_numbers_are_held_within_the_clip() -> None:
    table = two_groups_and_a_millionaire()
    matrix = Encoder.fit(table, ["Balance"]).transform(table)
    assert matrix[:, 0].max() == CLIP and matrix[:, 0].min() >= -CLIP


def test_one_extreme_customer_does_not_make_a_segment_of_one() -> None:
    result = segment(two_groups_and_a_millionaire(), ["Balance", "Plan"], 2, seed=3)
    assert sorted(s.n for s in result.segments) == [99, 101]  # the millionaire joins the Premium group


def test_a_segment_of_two_rows_keeps_only_its_size_everywhere() -> None:
    n = 202
    spend = [20.0 + i % 5 if i % 2 else 60.0 + i % 5 for i in range(n - 2)] + [9001.0, 9002.0]
    city = ["Lyon" if i % 2 else "Nice" for i in range(n - 2)] + ["Brest", "Brest"]
    table = Table(
        Path("spend.csv"),
        [Column("Spend", ColumnKind.NUMERIC, spend), Column("City", ColumnKind.CATEGORICAL, city)],
        n,
        sha256="0" * 64,
    )
    result = segment(table, ["Spend"], 3, seed=0, describe=["City"])
    tiny = [s for s in result.segments if s.n < 3]
    assert [s.n for s in tiny] == [2]
    assert tiny[0].distinguishing == () and tiny[0].aggregates == {}
    assert tiny[0].to_json()["distinguishing"] == []
    columns = [
        DatasetColumn(name="Spend", type=ColumnType.NUMERIC, role=ColumnRole.SEGMENT),
        DatasetColumn(name="City", type=ColumnType.CATEGORICAL, role=ColumnRole.DESCRIBE),
    ]
    record = dataset_record(
        table, result, columns, seed=0, today=dt.date(2026, 12, 7), persona_ids=[None] * 3
    )
    text = record.model_dump_json()
    assert "Brest" not in text and "9001" not in text and "9002" not in text
