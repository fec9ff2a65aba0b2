"""The project: everything one `.personamap` file holds."""

import base64
import binascii
import datetime as dt
from typing import Annotated, Literal, Self

from pydantic import Field, field_validator, model_validator

from .base import Entity, Id, Model, Moment, ShortText, Text, empty_list
from .board import Board
from .empathy import EmpathyMap
from .enums import RelationKind
from .journey import JourneyMap
from .persona import Persona
from .research import Source

MAX_ASSET_BYTES = 4 * 1024 * 1024
"""Cap on one embedded image (decoded); the importer downscales photos far below it."""

IMAGE_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/webp": (b"RIFF",),
}


def sniff_media_type(data: bytes) -> str | None:
    """The image type by content, never by name: PNG, JPEG or WebP; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


class Asset(Entity):
    """An image embedded in the project as base64, so the project stays one mailable file."""

    name: ShortText = ""
    media_type: Literal["image/png", "image/jpeg", "image/webp"]
    width: Annotated[int, Field(ge=1, le=20_000)]
    height: Annotated[int, Field(ge=1, le=20_000)]
    data: Annotated[str, Field(max_length=(MAX_ASSET_BYTES * 4) // 3 + 4)]

    @field_validator("data")
    @classmethod
    def _is_base64(cls, value: str) -> str:
        try:
            base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError("is not valid base64") from exc
        return value

    @model_validator(mode="after")
    def _content_matches_type(self) -> Self:
        sniffed = sniff_media_type(self.raw())
        if sniffed != self.media_type:
            raise ValueError(
                f"data is {sniffed or 'not a PNG, JPEG or WebP image'}, but media_type says {self.media_type}"
            )
        return self

    def raw(self) -> bytes:
        return base64.b64decode(self.data)

    @staticmethod
    def encode(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")


class Relation(Entity):
    """A typed link between two personas: who influences, approves, blocks, reports to whom."""

    source_id: Id
    target_id: Id
    kind: RelationKind = RelationKind.INFLUENCES
    note: ShortText = ""


class ScaleLabel(Model):
    value: Annotated[int, Field(ge=-100, le=100)]
    label: ShortText


class EmotionScale(Model):
    """The range emotion scores live on: −2..+2 by default, 1..5 or 0..10 elsewhere."""

    minimum: Annotated[int, Field(ge=-100, le=100)] = -2
    maximum: Annotated[int, Field(ge=-100, le=100)] = 2
    labels: list[ScaleLabel] = Field(
        default_factory=lambda: [
            ScaleLabel(value=-2, label="Frustrated"),
            ScaleLabel(value=0, label="Neutral"),
            ScaleLabel(value=2, label="Delighted"),
        ]
    )

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.minimum >= self.maximum:
            raise ValueError("minimum must be below maximum")
        for lab in self.labels:
            if not self.minimum <= lab.value <= self.maximum:
                raise ValueError(f"label {lab.value} lies outside {self.minimum}..{self.maximum}")
        return self

    def contains(self, score: int) -> bool:
        return self.minimum <= score <= self.maximum

    def clamp(self, score: float) -> int:
        """Snap a raw value (a dragged marker) to the nearest point of the scale."""
        return max(self.minimum, min(self.maximum, round(score)))


Share = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]


class LintSettings(Model):
    """The thresholds of `personamap lint` (personamap/insights/lint.py): teams differ in how
    much evidence they demand, so the project says, not the code."""

    low_evidence: Share = 0.5
    """A persona citing a source for less than this share of its entries is low on evidence."""
    max_primary: Annotated[int, Field(ge=1, le=100)] = 5
    """More primary personas than this and the project has stopped choosing."""
    assumption_share: Share = 0.5
    """A persona with more than this share of its rated entries marked assumption rests on guesses."""
    overlap: Share = 0.6
    """Two personas this alike (0..1, fields and text together) may be one."""


class Settings(Model):
    emotion_scale: EmotionScale = Field(default_factory=EmotionScale)
    review_period_months: Annotated[int, Field(ge=1, le=120)] = 6
    lint: LintSettings = Field(default_factory=LintSettings)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Project(Entity):
    """The root of a document: personas, the research library they cite, maps, boards and the
    images they use."""

    title: ShortText = "Untitled project"
    description: Text = ""
    created: Moment = Field(default_factory=_now)
    modified: Moment = Field(default_factory=_now)
    settings: Settings = Field(default_factory=Settings)
    personas: list[Persona] = Field(default_factory=empty_list)
    relations: list[Relation] = Field(default_factory=empty_list)
    sources: list[Source] = Field(default_factory=empty_list)
    empathy_maps: list[EmpathyMap] = Field(default_factory=empty_list)
    journeys: list[JourneyMap] = Field(default_factory=empty_list)
    boards: list[Board] = Field(default_factory=empty_list)
    assets: list[Asset] = Field(default_factory=empty_list)

    def persona(self, persona_id: str) -> Persona | None:
        return next((p for p in self.personas if p.id == persona_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def journey(self, journey_id: str) -> JourneyMap | None:
        return next((j for j in self.journeys if j.id == journey_id), None)

    def empathy_map(self, map_id: str) -> EmpathyMap | None:
        return next((m for m in self.empathy_maps if m.id == map_id), None)

    def board(self, board_id: str) -> Board | None:
        return next((b for b in self.boards if b.id == board_id), None)

    def asset(self, asset_id: str) -> Asset | None:
        return next((a for a in self.assets if a.id == asset_id), None)
