"""Filling one persona field from one column's aggregates within a segment: a single value with
its citation, list entries (top options with their share), or a value figure (a mean, or the
share of yes as a rate). Every filled value cites the dataset source with confidence observed.
Aggregates are counts and quantiles only, so no row's value can reach a persona."""

from __future__ import annotations

import re
from typing import Any

from personamap.data.arrays import MISSING, OTHER
from personamap.data.mapping import LIST_FIELDS, MAPPABLE_FIELDS, RATE_HEADER, is_yes, plain_header
from personamap.data.wording import clip, number, percent, span, whole_range
from personamap.model.enums import ChannelKind, Confidence, ValueKind
from personamap.model.persona import Channel, Citation, Item, Persona, ValueFigure

Aggregate = dict[str, Any]
"""One column in one segment, as `Segment.aggregates` holds it: {"kind", "counts"} for
categories and options, {"kind", "n", "missing", "mean", "q10".."q90"} for numbers."""

SINGLE_FIELDS = frozenset(f.path for f in MAPPABLE_FIELDS) - LIST_FIELDS
WITH_SHARE = frozenset(
    {
        "demographics.location",
        "demographics.education",
        "demographics.income_band",
        "demographics.household",
        "behaviour.usage_frequency",
    }
)
"""Single fields whose top category is shown with its share ("Berlin (34 %)"); the others show
the top category alone (industry, company size, role…), gender as "62 % female"."""
TOP_OPTIONS = 3
MIN_OPTION_SHARE = 10.0
"""List fields take up to three options held by at least 10 % of the segment (the first always)."""

_CHANNEL_KINDS: tuple[tuple[re.Pattern[str], ChannelKind], ...] = tuple(
    (re.compile(pattern, re.I), kind)
    for pattern, kind in (
        (
            r"facebook|instagram|linkedin|twitter|\bx\b|tiktok|youtube|social|reddit|xing",
            ChannelKind.SOCIAL_NETWORK,
        ),
        (r"event|conference|trade ?show|fair|meetup|webinar|messe|salon", ChannelKind.EVENT),
        (r"community|forum|group|slack|discord", ChannelKind.COMMUNITY),
        (
            r"search|google|bing|blog|ad\b|ads|advert|review|press|news|magazine|podcast",
            ChannelKind.INFORMATION_SOURCE,
        ),
        (
            r"e-?mail|phone|call|chat|store|shop|sales|referr|friend|word of mouth|partner|direct",
            ChannelKind.DIRECT,
        ),
    )
)
_UNITS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), unit)
    for pattern, unit in (
        (r"€|\beur\b|euro", "€"),
        (r"\$|\busd\b|dollar", "$"),
        (r"£|\bgbp\b|pound", "£"),
        (r"\bchf\b", "CHF"),
        (r"%|percent|\bpct\b", "%"),
    )
)
_LTV = re.compile(r"\bltv\b|lifetime|\bclv\b", re.I)
_CAC = re.compile(r"\bcac\b|acquisition", re.I)


def overall(aggregates: list[Aggregate]) -> Aggregate:
    """One column over all segments: counts summed, the mean weighted by each segment's count
    (quantiles cannot be pooled and are left out)."""
    first = aggregates[0]
    if "counts" in first:
        counts: dict[str, int] = {}
        for agg in aggregates:
            for level, count in agg["counts"].items():
                counts[level] = counts.get(level, 0) + count
        return {"kind": first["kind"], "counts": counts}
    numeric = [a for a in aggregates if isinstance(a.get("mean"), float | int)]
    n = sum(a["n"] for a in numeric)
    mean = sum(a["mean"] * a["n"] for a in numeric) / n if n else None
    return {"kind": first["kind"], "n": n, "mean": mean}


def _cite(persona: Persona, path: str, source_id: str) -> None:
    persona.citations.append(Citation(field=path, evidence_ids=[source_id], confidence=Confidence.OBSERVED))


def _resolve(persona: Persona, path: str) -> Any:
    """The value at a dotted path (`behaviour.devices`)."""
    target: Any = persona
    for name in path.split("."):
        target = getattr(target, name)
    return target


def _set(persona: Persona, path: str, value: str) -> None:
    parent, _, leaf = path.rpartition(".")
    setattr(_resolve(persona, parent) if parent else persona, leaf, value)


def top_levels(agg: Aggregate, n: int) -> list[tuple[str, float]]:
    """Categories or options with their share of the segment's `n` rows (percent), most
    frequent first; gaps and the pooled rare values are not answers and are left out."""
    counts = [(level, c) for level, c in agg["counts"].items() if level not in (MISSING, OTHER) and c > 0]
    counts.sort(key=lambda lc: (-lc[1], lc[0]))
    return [(level, 100.0 * c / max(n, 1)) for level, c in counts]


def _single_text(path: str, agg: Aggregate, n: int) -> str:
    if "counts" not in agg:
        if agg.get("q25") is None or isinstance(agg["q25"], str):
            return ""
        return whole_range(agg["q25"], agg["q75"])
    levels = top_levels(agg, n)
    if not levels:
        return ""
    value, share = clip(levels[0][0]), levels[0][1]
    if path == "demographics.gender":
        return f"{percent(share)} {value.lower() if len(value) > 1 else value}"
    return f"{value} ({percent(share)})" if path in WITH_SHARE else value


def _channel_kind(name: str) -> ChannelKind:
    return next((kind for pattern, kind in _CHANNEL_KINDS if pattern.search(name)), ChannelKind.OTHER)


def _entries(persona: Persona, path: str, column: str, agg: Aggregate, n: int, source_id: str) -> None:
    """Top options as Items (Channels for `channels`) with their share; a number as one Item
    holding its middle half ("Tenure: 12–40")."""
    if "counts" not in agg:
        text = _single_text(path, agg, n)
        if text:
            _resolve(persona, path).append(
                Item(text=f"{column}: {text}", evidence_ids=[source_id], confidence=Confidence.OBSERVED)
            )
        return
    levels = top_levels(agg, n)
    chosen = [lv for i, lv in enumerate(levels[:TOP_OPTIONS]) if i == 0 or lv[1] >= MIN_OPTION_SHARE]
    for value, share in chosen:
        if path == "channels":
            entry: Channel | Item = Channel(
                name=clip(value),
                kind=_channel_kind(value),
                note=f"{percent(share)} of this segment",
                evidence_ids=[source_id],
            )
        else:
            entry = Item(
                text=f"{clip(value)} ({percent(share)})",
                evidence_ids=[source_id],
                confidence=Confidence.OBSERVED,
            )
        _resolve(persona, path).append(entry)


def _unit(column: str) -> str:
    return next((unit for pattern, unit in _UNITS if pattern.search(column)), "")


def _yes_share(agg: Aggregate) -> float | None:
    """Percent of answered rows saying yes; None without a yes answer among the levels."""
    counts = {level: c for level, c in agg["counts"].items() if level != MISSING}
    yes = sum(c for level, c in counts.items() if is_yes(level))
    answered = sum(counts.values())
    if not answered or not any(is_yes(level) for level in counts):
        return None
    return 100.0 * yes / answered


def _is_flag(agg: Aggregate) -> bool:
    """A 0/1 number: every quantile is 0 or 1, so its mean is a share of ones."""
    quantiles = [agg.get(f"q{q}") for q in (10, 25, 50, 75, 90)]
    return all(q in (0, 1) for q in quantiles)


def _rates(agg: Aggregate, whole: Aggregate) -> tuple[float, float | None] | None:
    """(percent here, percent overall) of yes in a yes/no column, or of ones in a 0/1 one."""
    if "counts" in agg:
        here = _yes_share(agg)
        return None if here is None else (here, _yes_share(whole))
    if _is_flag(agg) and isinstance(agg.get("mean"), float | int):
        there = whole.get("mean")
        return 100.0 * agg["mean"], None if there is None else 100.0 * there
    return None


def _rate_kind(header: str) -> ValueKind:
    """Churn risk for churn, cancellation or attrition; a retention or any other rate is other."""
    churn = RATE_HEADER.search(header) and not re.search(r"retain|retention", header)
    return ValueKind.CHURN_RISK if churn else ValueKind.OTHER


def _mean_kind(header: str) -> ValueKind:
    if _LTV.search(header):
        return ValueKind.LIFETIME_VALUE
    return ValueKind.ACQUISITION_COST if _CAC.search(header) else ValueKind.OTHER


def value_figure(column: str, agg: Aggregate, whole: Aggregate, source_id: str) -> ValueFigure | None:
    """For a yes/no or 0/1 column named like churn, the share of yes as a rate ("churn rate
    42.0 %"); for a number, its mean in the unit the header names ("avg monthly charges 74.4"),
    with the mean over all rows and the segment's middle half in the note."""
    header = plain_header(column)
    rates = _rates(agg, whole) if RATE_HEADER.search(header) or "counts" in agg else None
    if rates is not None:
        here, there = rates
        return ValueFigure(
            kind=_rate_kind(header),
            label=f"{header} rate",
            value=round(here, 1),
            unit="%",
            note="" if there is None else f"{number(there)} % overall",
            evidence_ids=[source_id],
        )
    mean = agg.get("mean")
    if "counts" in agg or not isinstance(mean, float | int):
        return None
    versus = "" if whole.get("mean") is None else f"{number(whole['mean'])} overall"
    middle = "" if agg.get("q25") is None else f"middle half here {span(agg['q25'], agg['q75'])}"
    return ValueFigure(
        kind=_mean_kind(header),
        label=f"avg {header}",
        value=round(float(mean), 1),
        unit=_unit(column),
        note="; ".join(part for part in (versus, middle) if part),
        evidence_ids=[source_id],
    )


def fill(
    persona: Persona, path: str, column: str, agg: Aggregate, whole: Aggregate, n: int, source_id: str
) -> None:
    """Fill `path` of `persona` from `column`'s aggregate `agg` in a segment of `n` rows
    (`whole`: the same column over all rows), citing `source_id`; paths not offered in
    MAPPABLE_FIELDS are left alone."""
    if path in SINGLE_FIELDS:
        text = _single_text(path, agg, n)
        if text and not _resolve(persona, path):
            _set(persona, path, text)
            _cite(persona, path, source_id)
    elif path == "value_figures":
        figure = value_figure(column, agg, whole, source_id)
        if figure is not None:
            persona.value_figures.append(figure)
    elif path in LIST_FIELDS:
        _entries(persona, path, column, agg, n, source_id)
