"""Segment figures in plain words for a draft persona: the tagline, the lines of its segment
profile, and how numbers and shares are written, so every drafted text reads the same."""

from __future__ import annotations

from personamap.data.arrays import MISSING, OTHER
from personamap.data.describe import Distinction
from personamap.data.mapping import NO, YES, plain_header

TAGLINE_PARTS = 3
LONGEST_VALUE = 100
"""A category is cut to this many characters in a persona's text."""


def number(value: float) -> str:
    """74.4, 1,234 — one decimal under 100, whole numbers above, thousands separated."""
    return f"{value:,.1f}" if abs(value) < 100 else f"{value:,.0f}"


def whole_range(low: float, high: float) -> str:
    """A quantile range rounded to whole numbers ("29–41"), or one number when they meet."""
    a, b = round(low), round(high)
    return f"{a:,}" if a == b else f"{a:,}–{b:,}"


def span(low: float, high: float) -> str:
    """A quantile range in `number`'s precision ("56.2–89.5")."""
    a, b = number(low), number(high)
    return a if a == b else f"{a}–{b}"


def percent(value: float) -> str:
    """A share of rows in whole percent ("62 %"); "<1 %" rather than a misleading 0."""
    if 0 < value < 0.5:
        return "<1 %"
    return f"{value:.0f} %"


def clip(value: str) -> str:
    return value if len(value) <= LONGEST_VALUE else value[: LONGEST_VALUE - 1] + "…"


def figure(value: float | str) -> str:
    """A mean as the segmenter gives it: a number, or an ISO day for a date column."""
    return value if isinstance(value, str) else number(value)


def size_line(n: int, share: float, niche: bool) -> str:
    """ "n = 1,234 (17.5 % of rows), niche"."""
    return f"n = {n:,} ({share:.1f} % of rows)" + (", niche" if niche else "")


def profile_line(d: Distinction) -> str:
    """One distinguishing attribute with both figures: "Contract = Month-to-month: 88 % here vs
    55 % overall", or "Tenure: mean 8.1 here vs 32.4 overall"."""
    if d.measure == "mean":
        return f"{d.column}: mean {figure(d.share_in_segment)} here vs {figure(d.share_overall)} overall"
    inside, overall = float(d.share_in_segment), float(d.share_overall)
    return f"{d.column} = {clip(d.value)}: {percent(inside)} here vs {percent(overall)} overall"


def _phrase(d: Distinction) -> tuple[str, str] | None:
    """(quantifier, words) for one attribute, or None when it says nothing in words (a gap)."""
    header = plain_header(d.column)
    if d.measure == "mean":
        dated = isinstance(d.share_in_segment, str)  # ISO days compare as text
        if dated:
            higher = str(d.share_in_segment) > str(d.share_overall)
        else:
            higher = float(d.share_in_segment) > float(d.share_overall)
        word = ("later" if higher else "earlier") if dated else ("high" if higher else "low")
        return "", f"{word} {header}"
    if d.value in (MISSING, OTHER):
        return None
    answer = d.value.strip().casefold()
    words = header if answer in YES else f"no {header}" if answer in NO else clip(d.value)
    inside, overall = float(d.share_in_segment), float(d.share_overall)
    if inside < overall:
        return "rarely", words
    return ("mostly" if inside >= 50 else "often"), words


QUANTIFIER_ORDER = ("mostly", "often", "", "rarely")


def tagline(distinctions: list[Distinction]) -> str:
    """The top attributes in words, one per column, what the segment has before what it lacks:
    "Mostly Month-to-month, Fiber optic, high monthly charges" (a quantifier is said once for a
    run of attributes sharing it)."""
    phrases: dict[str, tuple[str, str]] = {}
    for d in distinctions:
        phrase = _phrase(d)
        if phrase is not None and d.column not in phrases:
            phrases[d.column] = phrase
    having = [p for p in phrases.values() if p[0] != "rarely"]
    lacking = [p for p in phrases.values() if p[0] == "rarely"]
    chosen = (having + lacking)[:TAGLINE_PARTS]
    chosen.sort(key=lambda p: QUANTIFIER_ORDER.index(p[0]))
    parts: list[str] = []
    previous = None
    for quantifier, words in chosen:
        parts.append(words if quantifier in ("", previous) else f"{quantifier} {words}")
        previous = quantifier
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]
