"""Mermaid's 1..5 scores on the project's emotion scale and back (docs/mermaid.md).

A Mermaid score s lands on minimum + round((s − 1) · range / 4): on the default −2..+2 scale
that is −2..+2 exactly, and on any scale spanning at least 4 the way back (`to_mermaid`) gives
s again. A project score between those points goes out as the nearest Mermaid score, its exact
value riding along in a `%% personamap` comment.
"""

from __future__ import annotations

import re

from personamap.model import EmotionScale

_REMEMBERED = re.compile(r"^Mermaid score ([1-5])$")


def _half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero, in integers (no float drift)."""
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    n, d = abs(numerator), abs(denominator)
    return sign * ((2 * n + d) // (2 * d))


def from_mermaid(score: int, scale: EmotionScale) -> int:
    return scale.minimum + _half_up((score - 1) * (scale.maximum - scale.minimum), 4)


def to_mermaid(value: int, scale: EmotionScale) -> int:
    value = max(scale.minimum, min(scale.maximum, value))
    return 1 + _half_up((value - scale.minimum) * 4, scale.maximum - scale.minimum)


def remembered_note(score: int, scale: EmotionScale) -> str:
    """On a scale too coarse to tell Mermaid scores apart (range under 4) the score's note
    remembers the original, so the diagram comes back as written; else ""."""
    if to_mermaid(from_mermaid(score, scale), scale) == score:
        return ""
    return f"Mermaid score {score}"


def remembered_score(note: str, value: int, scale: EmotionScale) -> int | None:
    """The Mermaid score a `remembered_note` keeps, if it still matches `value`."""
    m = _REMEMBERED.match(note)
    if m is None or from_mermaid(int(m.group(1)), scale) != value:
        return None
    return int(m.group(1))
