"""What the segment explorer says, as plain strings (no Qt): a segment's one-line summary, its
distinguishing attributes, and two segments side by side on the attributes that set either
apart, with their figures read from the segments' aggregates."""

from __future__ import annotations

from typing import NamedTuple

from ...data.describe import Distinction
from ...data.segment import Segment


def title(segment: Segment) -> str:
    return f"Segment {segment.index + 1}"


def summary(segment: Segment) -> str:
    niche = " · niche" if segment.niche else ""
    return f"{title(segment)} — {segment.n:,} rows, {segment.share:.1f} %{niche}"


def attribute(distinction: Distinction) -> str:
    """The attribute a distinction is about: "Plan = Pro", or "Monthly spend (mean)"."""
    if distinction.measure == "mean":
        return f"{distinction.column} (mean)"
    return f"{distinction.column} = {distinction.value}"


def figure(value: float | str | None, measure: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return f"{value:.1f} %" if measure == "share" else f"{value:,.2f}".rstrip("0").rstrip(".")


class Row(NamedTuple):
    """One line of a table: the attribute, then its figure in each segment and overall."""

    attribute: str
    figures: tuple[str, ...]


def apart(segment: Segment) -> list[Row]:
    """What sets `segment` apart: each attribute, its figure here and overall."""
    return [
        Row(attribute(d), (figure(d.share_in_segment, d.measure), figure(d.share_overall, d.measure)))
        for d in segment.distinguishing
    ]


def in_segment(segment: Segment, distinction: Distinction) -> float | str | None:
    """The figure of `distinction`'s attribute within `segment`: the share of its rows with that
    value, or the column's mean there (None when the segment keeps none)."""
    figures = segment.aggregates.get(distinction.column, {})
    if distinction.measure == "mean":
        mean = figures.get("mean")
        return mean if isinstance(mean, (int, float, str)) else None
    counts = figures.get("counts", {})
    if not segment.n:
        return None
    return round(100.0 * counts.get(distinction.value, 0) / segment.n, 1)


def side_by_side(a: Segment, b: Segment) -> list[Row]:
    """The attributes that set `a` or `b` apart (each once), with their figure in `a`, in `b`
    and overall."""
    seen: set[tuple[str, str]] = set()
    rows = []
    for d in (*a.distinguishing, *b.distinguishing):
        if (d.column, d.value) in seen:
            continue
        seen.add((d.column, d.value))
        rows.append(
            Row(
                attribute(d),
                (
                    figure(in_segment(a, d), d.measure),
                    figure(in_segment(b, d), d.measure),
                    figure(d.share_overall, d.measure),
                ),
            )
        )
    return rows
