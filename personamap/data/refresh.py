"""Refreshing a dataset source with a new export of its table: the rows are assigned to the
segments already recorded (never re-segmented, so each persona keeps its segment), the figures
recomputed as a new wave, and what moved per segment reported (personamap/model/drift.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from personamap.data.columns import Table
from personamap.data.record import STORED_ROLES, segment_model, wave
from personamap.data.segment import SegmentError
from personamap.model.drift import SegmentDrift, wave_drift
from personamap.model.research import Dataset, Wave


@dataclass(frozen=True)
class Refreshed:
    """The dataset with the new wave appended (a copy), that wave, and the drift per segment."""

    dataset: Dataset
    wave: Wave
    drift: list[SegmentDrift]

    def to_json(self, names: dict[str, str]) -> dict[str, Any]:
        """Per segment drafted into a persona: its name (from `names`, by persona id), its share
        before and now, and what moved."""
        return {
            "personas": [
                {
                    "persona_id": seg.persona_id,
                    "name": names.get(seg.persona_id, ""),
                    "share_before": seg.share_before,
                    "share_now": seg.share_now,
                    "drift": [d.to_json() for d in seg.drift],
                }
                for seg in self.drift
                if seg.persona_id is not None
            ]
        }


def refresh(dataset: Dataset, table: Table, *, today: dt.date) -> Refreshed:
    """The next wave of `dataset` read from `table`, which must hold every segmenting and
    describing column with the type it had (else SegmentError naming the file and column)."""
    if not dataset.waves:
        raise SegmentError(f"{dataset.file_name}: no wave recorded to refresh")
    model = segment_model(dataset)
    stored = [c for c in dataset.columns if c.role in STORED_ROLES]
    for recorded in stored:
        try:
            column = table.column(recorded.name)
        except KeyError:
            raise SegmentError(f"{table.path.name}: no column named {recorded.name!r}") from None
        if column.kind.value != recorded.type.value:
            raise SegmentError(
                f"{table.path.name}: {recorded.name} was {recorded.type.value}, is now {column.kind.value}"
            )
    segments = model.describe(table, describe=[c.name for c in stored])
    previous = dataset.waves[-1]
    persona_ids = {s.segment: s.persona_id for s in previous.segments}
    new = wave(
        table,
        segments,
        dataset.columns,
        today=today,
        persona_ids=[persona_ids.get(s.index) for s in segments],
    )
    updated = dataset.model_copy(update={"waves": [*dataset.waves, new]})
    return Refreshed(updated, new, wave_drift(previous, new))
