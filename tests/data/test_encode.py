"""Encoding chosen columns for k-means: one-hot categories, scaled numbers, multi-select
indicators, gaps imputed with an indicator, and the same encoding applied to a later wave."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from personamap.data.arrays import MIN_LEVEL_ROWS, MISSING, OTHER
from personamap.data.columns import Column, ColumnKind, Table
from personamap.data.encode import MAX_LEVELS, EncodeError, Encoder


def table(*columns: Column) -> Table:
    return Table(Path("t.csv"), list(columns), len(columns[0].values))


def test_each_kind_is_encoded_as_documented() -> None:
    data = table(  # three of each row: every value is given by MIN_LEVEL_ROWS rows
        Column("age", ColumnKind.NUMERIC, [20.0, None, 40.0, 30.0] * 3),
        Column("plan", ColumnKind.CATEGORICAL, ["pro", "basic", None, "pro"] * 3),
        Column(
            "channels", ColumnKind.MULTI_SELECT, [("email", "chat"), ("chat",), (), ("phone", "chat")] * 3
        ),
    )
    encoder = Encoder.fit(data, ["age", "plan", "channels"])
    age, plan, channels = encoder.features
    assert (age.mean, age.indicator) == (30.0, True)
    assert plan.levels == ("pro", "basic", MISSING)
    assert channels.levels == ("chat", "email", "phone")
    matrix = encoder.transform(data)
    sd = np.std([20.0, 40.0, 30.0])
    expected = np.array(
        [
            [-10 / sd, 0, 1, 0, 0, 1, 1, 0],
            [0, 1, 0, 1, 0, 1, 0, 0],
            [10 / sd, 0, 0, 0, 1, 0, 0, 0],
            [0, 0, 1, 0, 0, 1, 0, 1],
        ]
    )
    assert np.allclose(matrix, np.tile(expected, (3, 1)))
    assert encoder.usable(data).tolist() == [True, True, True, True] * 3


def test_rare_categories_share_one_other_indicator() -> None:
    values = [f"city {i % (MAX_LEVELS + 5)}" for i in range(400)]
    data = table(Column("city", ColumnKind.CATEGORICAL, values))
    (feature,) = Encoder.fit(data, ["city"]).features
    assert len(feature.levels) == MAX_LEVELS + 1 and feature.levels[-1] == OTHER
    matrix = Encoder.fit(data, ["city"]).transform(data)
    assert matrix.sum(axis=1).tolist() == [1.0] * 400
    rare = [i for i, v in enumerate(values) if v not in feature.levels]
    assert rare and (matrix[rare, -1] == 1).all()


def test_a_later_wave_uses_the_first_waves_encoding() -> None:
    first = table(
        Column("n", ColumnKind.NUMERIC, [1.0, 2.0, 3.0] * 3),
        Column("plan", ColumnKind.CATEGORICAL, ["a", "b", "a"] * 3),
        Column("ch", ColumnKind.MULTI_SELECT, [("x",), ("y",), ("x", "y")] * 3),
    )
    encoder = Encoder.from_dict(json.loads(json.dumps(Encoder.fit(first, ["n", "plan", "ch"]).to_dict())))
    later = table(
        Column("n", ColumnKind.NUMERIC, [2.0, None]),
        Column("plan", ColumnKind.CATEGORICAL, ["b", "new plan"]),
        Column("ch", ColumnKind.MULTI_SELECT, [("y", "new option"), ()]),
    )
    matrix = encoder.transform(later)
    assert matrix.shape == (2, encoder.width) == (2, 5)
    assert matrix[0].tolist() == [0.0, 0.0, 1.0, 0.0, 1.0]
    assert matrix[1].tolist() == [0.0, 0.0, 0.0, 0.0, 0.0]  # unseen plan, no answer: no pull
    assert encoder.usable(later).tolist() == [True, True]


def test_dates_are_scaled_days_and_empty_rows_are_not_usable() -> None:
    days = [dt.date(2024, 1, 1), dt.date(2024, 1, 3), None] * 3
    data = table(
        Column("signed up", ColumnKind.DATE, days),
        Column("plan", ColumnKind.CATEGORICAL, ["a", "b", None] * 3),
    )
    encoder = Encoder.fit(data, ["signed up", "plan"])
    assert encoder.transform(data)[:2, 0].tolist() == [-1.0, 1.0]
    assert encoder.usable(data).tolist() == [True, True, False] * 3


@pytest.mark.parametrize(
    ("column", "reason"),
    [
        (Column("mail", ColumnKind.CATEGORICAL, ["a@b.c", "d@e.f"], personal=True), "mail: personal"),
        (Column("comment", ColumnKind.TEXT, ["nice", "slow"]), "comment: text columns"),
        (Column("empty", ColumnKind.NUMERIC, [None, None]), "empty: no values"),
    ],
)
def test_columns_segments_may_not_use_are_refused(column: Column, reason: str) -> None:
    with pytest.raises(EncodeError, match=reason):
        Encoder.fit(table(column), [column.name])
    with pytest.raises(EncodeError, match="no column named 'other'"):
        Encoder.fit(table(column), ["other"])


def test_a_value_fewer_than_min_level_rows_gave_is_never_an_indicator_nor_stored() -> None:
    """A rare value is a quasi-identifier: it is encoded and described as "(other)" only."""
    from personamap.data.arrays import arrays
    from personamap.data.describe import aggregates, summarise

    rare = MIN_LEVEL_ROWS - 1
    city = ["Berlin"] * 10 + ["Paris"] * MIN_LEVEL_ROWS + ["Ghent"] * rare + [None] * 2
    tools = [("crm",)] * 10 + [("crm", "fax")] * rare + [("sheets",)] * (MIN_LEVEL_ROWS + 2)
    data = table(
        Column("city", ColumnKind.CATEGORICAL, city), Column("tools", ColumnKind.MULTI_SELECT, tools)
    )
    encoder = Encoder.fit(data, ["city", "tools"])
    city_feature, tools_feature = encoder.features
    assert city_feature.levels == ("Berlin", "Paris", OTHER, MISSING)
    assert tools_feature.levels == ("crm", "sheets")
    matrix = encoder.transform(data)
    ghent = [i for i, v in enumerate(city) if v == "Ghent"]
    assert (matrix[ghent, 2] == 1).all() and matrix[:, 2].sum() == rare
    labels = np.array([0] * 8 + [1] * (len(city) - 10) + [2] * 2)
    spend = Column("spend", ColumnKind.NUMERIC, [float(i) for i in range(len(city))])
    kept = aggregates(summarise([*encoder.arrays(data), arrays(spend)], labels, 3), 3)
    assert kept[2]["spend"] == {"kind": "numeric", "n": 2, "missing": 0}  # two people's values: no figures
    assert kept[1]["spend"]["mean"] == 11.0
    assert "Ghent" not in json.dumps(kept) and "fax" not in json.dumps(kept)
    assert kept[1]["city"]["counts"][OTHER] == rare
    assert kept[1]["tools"]["counts"][OTHER] == rare  # rows that ticked a rare option
    assert sum(segment["city"]["counts"].get(MISSING, 0) for segment in kept) == 2
    with pytest.raises(EncodeError, match="city: no value is given by 3 rows"):
        Encoder.fit(table(Column("city", ColumnKind.CATEGORICAL, ["a", "b", "a", "c"])), ["city"])
