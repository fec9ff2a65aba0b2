"""The project's research library: the sources personas, quotes, journey notes and emotion
scores cite, and for a data table imported as a source, what was kept of it.

A dataset source keeps aggregates only — per segment and per wave, counts per category and a
mean and quantiles per number — plus the encoding needed to assign the rows of a later wave to
the same segments. Never a row, never a value of a column flagged personal: a project is mailed
around and must not carry customer records (docs/DOMAIN.md).
"""

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from .base import Day, Entity, Id, Model, ShortText, Text, Url, empty_list
from .enums import Confidence, EvidenceKind

Count = Annotated[int, Field(ge=0, le=1_000_000_000)]
Figure = Annotated[float, Field(allow_inf_nan=False)]
Percent = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]
FieldPath = Annotated[str, Field(pattern=r"^([a-z_]+(\.[a-z_]+)*)?$", max_length=100)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class ColumnType(StrEnum):
    """The kind a table column was read as (personamap/data/columns.py infers it)."""

    NUMERIC = "numeric"
    CATEGORICAL = "categorical"
    MULTI_SELECT = "multi-select"
    DATE = "date"
    TEXT = "text"
    IDENTIFIER = "identifier"


class ColumnRole(StrEnum):
    """What the user chose to do with a column on import."""

    SEGMENT = "segment"
    """Shapes the segments (and is described)."""
    DESCRIBE = "describe"
    """Described per segment, without shaping them."""
    IGNORE = "ignore"
    PERSONAL = "personal"
    """Looks personal: never used, never stored (only its name and why it was left out)."""


class DatasetColumn(Model):
    """One column of the imported table: its name, type, role, and the persona field it fills
    (`maps_to`, a dotted path such as `demographics.age`; empty when it fills none)."""

    name: ShortText
    type: ColumnType
    role: ColumnRole = ColumnRole.IGNORE
    maps_to: FieldPath = ""
    personal_reason: ShortText = ""


class Level(Model):
    """How many rows of a segment gave one category or option."""

    value: ShortText
    count: Count


class ColumnFigures(Model):
    """One column's aggregates within one segment: counts per level (categorical,
    multi-select) or the count, gaps, mean and quantiles of a number (numeric, date as days)."""

    column: ShortText
    type: ColumnType
    levels: list[Level] = Field(default_factory=empty_list)
    n: Count = 0
    missing: Count = 0
    mean: Figure | None = None
    q10: Figure | None = None
    q25: Figure | None = None
    q50: Figure | None = None
    q75: Figure | None = None
    q90: Figure | None = None


class SegmentFigures(Model):
    """One segment in one wave: its size, share of the rows used (percent), whether it is a
    niche, the persona drafted from it, and its aggregates."""

    segment: Annotated[int, Field(ge=0, le=99)]
    persona_id: Id | None = None
    n: Count = 0
    share: Percent = 0
    niche: bool = False
    columns: list[ColumnFigures] = Field(default_factory=empty_list)


class Wave(Model):
    """One reading of the table: the first import or a refresh."""

    imported: Day
    file_name: ShortText = ""
    sheet: ShortText | None = None
    sha256: Sha256 | None = None
    rows: Count = 0
    rows_used: Count = 0
    segments: list[SegmentFigures] = Field(default_factory=empty_list)


class EncodedFeature(Model):
    """How one column became matrix columns for k-means (personamap/data/encode.py)."""

    column: ShortText
    type: ColumnType
    levels: list[ShortText] = Field(default_factory=empty_list)
    mean: Figure = 0.0
    scale: Figure = 1.0
    indicator: bool = False


class SegmentationRecord(Model):
    """What assigning a later wave needs: the encoding and one centroid per segment, with the
    seed and the quality the segments were chosen with."""

    features: list[EncodedFeature] = Field(default_factory=empty_list)
    centroids: list[list[Figure]] = Field(default_factory=empty_list)
    seed: Annotated[int, Field(ge=0, le=2**32 - 1)] = 0
    silhouette: Figure = 0.0
    stability: Figure = 0.0


class Dataset(Model):
    """What a dataset source records of its table: the file (name and SHA-256), its size, the
    roles and field mapping chosen, when it was imported, and per wave the aggregates."""

    file_name: ShortText
    sheet: ShortText | None = None
    sha256: Sha256
    rows: Count = 0
    columns_read: Count = 0
    imported: Day
    columns: list[DatasetColumn] = Field(default_factory=empty_list)
    segmentation: SegmentationRecord | None = None
    waves: list[Wave] = Field(default_factory=empty_list)


class Source(Entity):
    """One research source in the project's library, which any persona field, quote, journey
    note or emotion score can cite by id."""

    kind: EvidenceKind = EvidenceKind.INTERVIEW
    title: ShortText = ""
    sample_size: Annotated[int, Field(ge=0, le=1_000_000_000)] | None = None
    date: Day | None = None
    link: Url = ""
    note: Text = ""
    confidence: Confidence = Confidence.REPORTED
    dataset: Dataset | None = None
