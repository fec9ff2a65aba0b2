"""The dataset record: what a project keeps of a segmented table is aggregates only (no row, no
personal value, no rare value), and the segments come back from it to assign the same rows."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from churn import COLUMNS, DESCRIBING, RARE_REGION, SEGMENTING, churn_table

from personamap.data.record import dataset_record, segment_model
from personamap.data.segment import SegmentError, segment
from personamap.model.research import ColumnRole, Dataset

TODAY = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def recorded():
    table, group = churn_table()
    result = segment(table, columns=SEGMENTING, k=3, seed=11, describe=DESCRIBING)
    ids = ["8f0c1d1e-6b1a-4c55-9b7e-3f3a1c2d4e5f", None, "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"]
    dataset = dataset_record(table, result, COLUMNS, seed=11, today=TODAY, persona_ids=ids)
    return table, group, result, dataset


def test_the_record_holds_no_row_and_no_personal_or_rare_value(recorded) -> None:
    table, _, _, dataset = recorded
    text = dataset.model_dump_json()
    for name in ("e-mail", "phone"):
        for value in table.column(name).values:
            assert value not in text
    assert "@example.com" not in text and "+49" not in text
    assert RARE_REGION not in text
    for name in ("monthly charges", "tenure"):
        assert not any(repr(v) in text for v in table.column(name).values)  # figures, never a value
    personal = [c for c in dataset.columns if c.role is ColumnRole.PERSONAL]
    assert [c.model_dump(exclude_defaults=True) for c in personal] == [
        {
            "name": "e-mail",
            "type": "text",
            "role": "personal",
            "personal_reason": "looks like e-mail addresses",
        },
        {"name": "phone", "type": "text", "role": "personal", "personal_reason": "looks like phone numbers"},
    ]
    assert Dataset.model_validate_json(text) == dataset


def test_the_record_names_the_file_and_keeps_figures_of_every_stored_column(recorded) -> None:
    table, _, result, dataset = recorded
    assert (dataset.file_name, dataset.sha256, dataset.rows, dataset.columns_read) == (
        "churn.csv",
        table.sha256,
        600,
        len(table.columns),
    )
    assert dataset.imported == TODAY and dataset.segmentation is not None
    assert dataset.segmentation.seed == 11
    assert dataset.segmentation.silhouette == round(result.quality.silhouette, 4)
    assert [f.column for f in dataset.segmentation.features] == SEGMENTING
    (first,) = dataset.waves
    assert first.rows_used == result.rows_used == 600
    assert [s.persona_id for s in first.segments][1] is None
    for seg, figures in zip(result.segments, first.segments, strict=True):
        assert (figures.n, figures.share, figures.niche) == (seg.n, seg.share, seg.niche)
        assert [c.column for c in figures.columns] == SEGMENTING + DESCRIBING
        contract = next(c for c in figures.columns if c.column == "contract")
        assert {lv.value: lv.count for lv in contract.levels} == seg.aggregates["contract"]["counts"]
        charges = next(c for c in figures.columns if c.column == "monthly charges")
        assert charges.q50 == seg.aggregates["monthly charges"]["q50"]
        signed = next(c for c in figures.columns if c.column == "signed up")
        assert signed.mean == dt.date.fromisoformat(seg.aggregates["signed up"]["mean"]).toordinal()
    regions = {lv.value for s in first.segments for c in s.columns if c.column == "region" for lv in c.levels}
    assert regions == {"north", "south", "east", "(other)"}


def test_the_recorded_model_assigns_the_same_labels(recorded) -> None:
    table, _, result, dataset = recorded
    again = Dataset.model_validate_json(json.dumps(json.loads(dataset.model_dump_json())))
    assert np.array_equal(segment_model(again).assign(table), result.labels)


def test_an_inconsistent_record_is_refused_with_a_clear_message(recorded) -> None:
    _, _, _, dataset = recorded
    assert dataset.segmentation is not None
    narrow = dataset.segmentation.model_copy(
        update={"centroids": [row[:-1] for row in dataset.segmentation.centroids]}
    )
    with pytest.raises(SegmentError, match=r"churn\.csv: the recorded centroids are .* wide, the encoding"):
        segment_model(dataset.model_copy(update={"segmentation": narrow}))
    with pytest.raises(SegmentError, match=r"churn\.csv: no segmentation recorded"):
        segment_model(dataset.model_copy(update={"segmentation": None}))
    fewer = dataset.segmentation.model_copy(update={"centroids": dataset.segmentation.centroids[:2]})
    with pytest.raises(SegmentError, match="2 centroids for 3 segments"):
        segment_model(dataset.model_copy(update={"segmentation": fewer}))


def test_roles_must_match_the_columns_that_shaped_the_segments(recorded) -> None:
    table, _, result, _ = recorded
    roles = [c.model_copy(update={"role": ColumnRole.DESCRIBE}) if c.name == "tenure" else c for c in COLUMNS]
    with pytest.raises(SegmentError, match="'tenure' shapes the segments but is not recorded as segment"):
        dataset_record(table, result, roles, seed=11, today=TODAY, persona_ids=[None] * 3)
