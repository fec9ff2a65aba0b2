"""How a dataset's segments moved between two waves (a refresh of the same table), told in
words a marketer reads, and whether a persona drafted from one of them must be looked at again.

Per segment, a `Drift` is one of (the `change` ids are stable; files and tools may key on them):
- "top-changed": the category most of the segment gave is a different one now;
- "mean-moved": a number's mean moved by more than `mean_threshold` of its interquartile range;
- "share-moved": the segment's share of the rows used moved by more than `SHARE_POINTS` points;
- "new-niche": the segment is under `NICHE_SHARE` percent of the rows now and was not before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .persona import Persona
from .project import Project
from .research import ColumnFigures, ColumnType, SegmentFigures, Source, Wave

SHARE_POINTS = 5.0
NICHE_SHARE = 5.0
"""Percent of the rows used under which a segment is a niche (as personamap/data/segment.py)."""
MEAN_THRESHOLD = 0.2
"""A mean moved when it moved by more than this share of the segment's interquartile range
(q75 - q25, averaged over both waves). Relative change (10 %) was rejected: it means nothing for
dates (days since year 1) and explodes near zero. The IQR is in the column's own units, is not
pulled by outliers, and 0.2 of it is about a quarter of a standard deviation for bell-shaped
data, just above what counts as a small effect: a move a reader of the figures would notice,
not the jitter of a re-export."""


@dataclass(frozen=True)
class Drift:
    """One change of one segment. `column` is empty for changes of the segment itself (share,
    niche). `before` and `now` are means (in days for dates), shares (percent), or for
    "top-changed" the category with its share: {"value": ..., "share": ...}."""

    column: str
    change: str
    before: float | dict[str, Any]
    now: float | dict[str, Any]
    message: str

    def to_json(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "change": self.change,
            "before": self.before,
            "now": self.now,
            "message": self.message,
        }


@dataclass(frozen=True)
class SegmentDrift:
    """One segment in both waves: its share before and now and what changed."""

    segment: int
    persona_id: str | None
    share_before: float
    share_now: float
    drift: list[Drift] = field(default_factory=list)


def wave_drift(before: Wave, now: Wave, *, mean_threshold: float = MEAN_THRESHOLD) -> list[SegmentDrift]:
    """Per segment of `now` (matched to `before` by segment number), what moved since `before`."""
    old = {s.segment: s for s in before.segments}
    out = []
    for seg in now.segments:
        prev = old.get(seg.segment)
        if prev is None:
            continue
        out.append(
            SegmentDrift(
                seg.segment,
                seg.persona_id or prev.persona_id,
                prev.share,
                seg.share,
                list(_segment_drift(prev, seg, mean_threshold)),
            )
        )
    return out


def _segment_drift(before: SegmentFigures, now: SegmentFigures, threshold: float) -> Iterator[Drift]:
    if now.share < NICHE_SHARE <= before.share:
        yield Drift(
            "",
            "new-niche",
            before.share,
            now.share,
            f"This segment became a niche: {_pct(now.share)} of the data now, {_pct(before.share)} before.",
        )
    if abs(now.share - before.share) > SHARE_POINTS:
        verb = "grew" if now.share > before.share else "shrank"
        yield Drift(
            "",
            "share-moved",
            before.share,
            now.share,
            f"This segment {verb} from {_pct(before.share)} to {_pct(now.share)} of the data.",
        )
    if now.n == 0 or before.n == 0:
        return
    old = {c.column: c for c in before.columns}
    for column in now.columns:
        prev = old.get(column.column)
        if prev is None or prev.type is not column.type:
            continue
        if column.type is ColumnType.CATEGORICAL:
            yield from _top_changed(prev, before.n, column, now.n)
        elif column.type in (ColumnType.NUMERIC, ColumnType.DATE):
            yield from _mean_moved(prev, column, threshold)


def _top(figures: ColumnFigures) -> tuple[str, int] | None:
    """The category most rows gave (ties by name), leaving gaps and pooled rare values aside."""
    named = [(level.value, level.count) for level in figures.levels if level.value not in _POOLED]
    if not named:
        return None
    return min(named, key=lambda vc: (-vc[1], vc[0]))


_POOLED = ("(missing)", "(other)")
"""The levels personamap/data/arrays.py gives to gaps and to rare values: never a "top"."""


def _top_changed(before: ColumnFigures, n_before: int, now: ColumnFigures, n_now: int) -> Iterator[Drift]:
    old, new = _top(before), _top(now)
    if old is None or new is None or old[0] == new[0]:
        return
    was_share, now_share = round(100.0 * old[1] / n_before, 1), round(100.0 * new[1] / n_now, 1)
    yield Drift(
        now.column,
        "top-changed",
        {"value": old[0], "share": was_share},
        {"value": new[0], "share": now_share},
        f"{now.column}: most now give “{new[0]}” ({_pct(now_share)}); "
        f"before it was “{old[0]}” ({_pct(was_share)}).",
    )


def _mean_moved(before: ColumnFigures, now: ColumnFigures, threshold: float) -> Iterator[Drift]:
    if before.mean is None or now.mean is None:
        return
    spreads = [f.q75 - f.q25 for f in (before, now) if f.q75 is not None and f.q25 is not None]
    spread = sum(spreads) / len(spreads) if spreads else 0.0
    moved = now.mean - before.mean
    if spread <= 0 or abs(moved) <= threshold * spread:
        return
    if now.type is ColumnType.DATE:
        direction = "later" if moved > 0 else "earlier"
        text = f"{_day(before.mean)} to {_day(now.mean)}"
    else:
        direction = "up" if moved > 0 else "down"
        text = f"{_number(before.mean)} to {_number(now.mean)}"
        if before.mean != 0:
            text += f" ({moved / abs(before.mean):+.0%})"
    yield Drift(
        now.column,
        "mean-moved",
        before.mean,
        now.mean,
        f"{now.column}: the average moved {direction}, from {text}.",
    )


def _pct(share: float) -> str:
    return f"{share:.1f} %"


def _number(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _day(days: float) -> str:
    return dt.date.fromordinal(max(1, round(days))).isoformat()


# --- the persona's side ---------------------------------------------------------------------


def drafted_from(project: Project, persona: Persona) -> list[Source]:
    """The dataset sources with a segment drafted into `persona` (the latest wave says)."""
    return [
        source
        for source in project.sources
        if source.dataset is not None
        and source.dataset.waves
        and any(s.persona_id == persona.id for s in source.dataset.waves[-1].segments)
    ]


def data_changed(project: Project, persona: Persona) -> list[Drift]:
    """What moved, in the latest wave of every dataset, in the segment `persona` was drafted
    from; empty once the persona was reviewed on or after that wave's import (reviewing it is
    the only thing that clears it)."""
    out: list[Drift] = []
    reviewed = persona.lifecycle.last_reviewed
    for source in drafted_from(project, persona):
        waves = source.dataset.waves if source.dataset else []
        if len(waves) < 2 or (reviewed is not None and reviewed >= waves[-1].imported):
            continue
        for seg in wave_drift(waves[-2], waves[-1]):
            if seg.persona_id == persona.id:
                out.extend(seg.drift)
    return out
