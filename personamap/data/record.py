"""What a project keeps of a segmented table (personamap/model/research.py `Dataset`), and the
segment model back from it to assign a later wave.

Aggregates only: counts per category, and count, gaps, mean and quantiles per number, of the
segmenting and describing columns; the encoding and centroids k-means needs. A column the user
marked personal keeps its name, type and why it was left out, nothing else. Values fewer than
`MIN_LEVEL_ROWS` rows gave were already pooled as "(other)" by the encoder and the aggregates
(personamap/data/encode.py, describe.py), so no figure here points at a person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np

from personamap.data.columns import ColumnKind, Table
from personamap.data.encode import SEGMENTABLE, Encoder, Feature
from personamap.data.segment import Segment, Segmentation, SegmentError, SegmentModel
from personamap.model.base import clean_text
from personamap.model.research import (
    ColumnFigures,
    ColumnRole,
    ColumnType,
    Dataset,
    DatasetColumn,
    EncodedFeature,
    Level,
    SegmentationRecord,
    SegmentFigures,
    Wave,
)

NUMBER_FIELDS = ("n", "missing", "mean", "q10", "q25", "q50", "q75", "q90")
STORED_ROLES = (ColumnRole.SEGMENT, ColumnRole.DESCRIBE)


def dataset_record(
    table: Table,
    segmentation: Segmentation,
    columns: list[DatasetColumn],
    *,
    seed: int,
    today: dt.date,
    persona_ids: Sequence[str | None],
) -> Dataset:
    """The record of `table` segmented as `segmentation`, with the roles and field mapping in
    `columns`, and the first wave; `persona_ids[i]` is the persona drafted from segment i."""
    if not table.sha256:
        raise SegmentError(f"{table.path.name}: no checksum, so a refresh could not tell the file")
    kept = [_kept(column) for column in columns]
    model = segmentation.model
    _check_roles(table.path.name, kept, model.encoder)
    record = SegmentationRecord(
        features=[_feature_record(f) for f in model.encoder.features],
        centroids=model.centroids.round(6).tolist(),
        seed=seed,
        silhouette=round(segmentation.quality.silhouette, 4),
        stability=round(segmentation.quality.stability, 4),
    )
    return Dataset(
        file_name=_text(table.path.name),
        sheet=_text(table.sheet) if table.sheet is not None else None,
        sha256=table.sha256,
        rows=table.rows,
        columns_read=len(table.columns),
        imported=today,
        columns=kept,
        segmentation=record,
        waves=[wave(table, segmentation.segments, kept, today=today, persona_ids=persona_ids)],
    )


def wave(
    table: Table,
    segments: Sequence[Segment],
    columns: list[DatasetColumn],
    *,
    today: dt.date,
    persona_ids: Sequence[str | None],
) -> Wave:
    """One reading of `table`: per segment its size, share and the figures of every column
    whose role is segment or describe (never a personal one)."""
    if len(persona_ids) != len(segments):
        raise SegmentError(f"{table.path.name}: {len(persona_ids)} persona ids for {len(segments)} segments")
    stored = [c.name for c in columns if c.role in STORED_ROLES]
    return Wave(
        imported=today,
        file_name=_text(table.path.name),
        sheet=_text(table.sheet) if table.sheet is not None else None,
        sha256=table.sha256 or None,
        rows=table.rows,
        rows_used=sum(s.n for s in segments),
        segments=[
            SegmentFigures(
                segment=s.index,
                persona_id=persona_id,
                n=s.n,
                share=s.share,
                niche=s.niche,
                columns=[_figures(name, s.aggregates[name]) for name in stored if name in s.aggregates],
            )
            for s, persona_id in zip(segments, persona_ids, strict=True)
        ],
    )


def segment_model(dataset: Dataset) -> SegmentModel:
    """The stored encoding and centroids as a model that assigns a later wave's rows."""
    name = dataset.file_name
    record = dataset.segmentation
    if record is None or not record.features or not record.centroids:
        raise SegmentError(f"{name}: no segmentation recorded")
    personal = {c.name for c in dataset.columns if c.role is ColumnRole.PERSONAL}
    features = []
    for f in record.features:
        kind = ColumnKind(f.type.value)
        if f.column in personal or kind not in SEGMENTABLE:
            raise SegmentError(f"{name}: the recorded segments use {f.column!r}, which cannot shape segments")
        features.append(Feature(f.column, kind, tuple(f.levels), f.mean, f.scale, f.indicator))
    encoder = Encoder(tuple(features))
    widths = {len(row) for row in record.centroids}
    if widths != {encoder.width}:
        raise SegmentError(
            f"{name}: the recorded centroids are {sorted(widths)} wide, the encoding {encoder.width}"
        )
    if dataset.waves and len(dataset.waves[0].segments) != len(record.centroids):
        raise SegmentError(
            f"{name}: {len(record.centroids)} centroids for {len(dataset.waves[0].segments)} segments"
        )
    return SegmentModel(encoder, np.asarray(record.centroids, dtype=float))


def _kept(column: DatasetColumn) -> DatasetColumn:
    """A personal column keeps its name, type and reason only."""
    if column.role is not ColumnRole.PERSONAL:
        return column.model_copy()
    return DatasetColumn(
        name=column.name, type=column.type, role=column.role, personal_reason=column.personal_reason
    )


def _check_roles(file_name: str, columns: list[DatasetColumn], encoder: Encoder) -> None:
    """Every column the segments were shaped by is recorded with role segment, and only those."""
    roles = {c.name: c.role for c in columns}
    for name in encoder.columns:
        if roles.get(name) is not ColumnRole.SEGMENT:
            raise SegmentError(f"{file_name}: {name!r} shapes the segments but is not recorded as segment")
    extra = [c.name for c in columns if c.role is ColumnRole.SEGMENT and c.name not in encoder.columns]
    if extra:
        raise SegmentError(f"{file_name}: {extra[0]!r} is recorded as segment but did not shape them")


def _feature_record(feature: Feature) -> EncodedFeature:
    return EncodedFeature(
        column=_text(feature.column),
        type=feature.kind,
        levels=[_text(level) for level in feature.levels],
        mean=feature.mean,
        scale=feature.scale,
        indicator=feature.indicator,
    )


def _figures(column: str, aggregate: dict[str, Any]) -> ColumnFigures:
    """One column's aggregates of one segment as stored (dates as days since 0001-01-01)."""
    kind = ColumnType(aggregate["kind"])
    if "counts" in aggregate:
        levels = [Level(value=_text(value), count=n) for value, n in aggregate["counts"].items()]
        return ColumnFigures(column=_text(column), type=kind, levels=levels)
    numbers = {key: _days(aggregate[key]) for key in NUMBER_FIELDS if key in aggregate}
    return ColumnFigures.model_validate({"column": _text(column), "type": kind, **numbers})


def _days(value: float | str) -> float:
    """A figure as a number: dates (ISO text in the aggregates) as days since 0001-01-01."""
    if isinstance(value, str):
        return float(dt.date.fromisoformat(value).toordinal())
    return value


def _text(value: str) -> str:
    """Stored text is one plain line (a category could hold a line break)."""
    return clean_text(value, one_line=True)[:500]
