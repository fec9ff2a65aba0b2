"""Where a line may break: the essentials of the Unicode line-breaking rules (UAX #14).

Character classes come from `uniseg` (the Unicode data); its full rule engine is too slow for
whole posters (~160 µs a character), so the rules that matter for our text are applied here:
no break before closing punctuation, full stops, commas of East Asian text, small kana and
other non-starters; none after opening punctuation (even across spaces); breaks between
ideographs, Hangul syllables and emoji; after spaces and hyphens. Spaces stay in the text (at
the end of the unit before the break), so "王小明 山田太郎" keeps its space. Breaks fall only
between grapheme clusters (UAX #29), so a ZWJ emoji sequence or a letter with its marks stays whole.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_EXTENDING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0e31-\u0e4e\u200c\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
    "\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)
"""Characters that may join the one before into a longer cluster (marks, joiners, selectors,
flag letters, skin tones, tags); text without them is one cluster per character."""

NO_BEFORE = frozenset(("CL", "CP", "EX", "IS", "SY", "NS", "CJ", "GL", "WJ", "ZW", "CM", "ZWJ", "QU"))
NO_AFTER = frozenset(("OP", "QU", "GL", "WJ"))
BREAK_AFTER = frozenset(
    ("ID", "EB", "EM", "H2", "H3", "JL", "JV", "JT", "CL", "CP", "EX", "HY", "BA", "B2", "CB", "ZW")
)
BREAK_BEFORE = frozenset(("ID", "EB", "EM", "H2", "H3", "JL", "B2", "CB"))
_NUMERIC = frozenset(("NU", "PR", "PO"))


def clusters(text: str) -> list[str]:
    """User-perceived characters (UAX #29 grapheme clusters); plain text takes a fast path."""
    if _EXTENDING.search(text) is None:
        return list(text)
    from uniseg.graphemecluster import grapheme_clusters

    return list(grapheme_clusters(text))


@functools.lru_cache(maxsize=8192)
def line_class(ch: str) -> str:
    """The UAX #14 class of a character, ambiguous classes resolved as UAX #14 suggests."""
    from uniseg.linebreak import line_break

    name = str(line_break(ch))
    if name in ("AI", "SG", "XX", "SA"):
        return "ID" if unicodedata.east_asian_width(ch) in ("W", "F") else "AL"
    if name == "CJ":
        return "NS"
    if name in ("CR", "LF", "NL", "BK"):
        return "BK"
    return name


@functools.lru_cache(maxsize=4096)
def break_units(paragraph: str) -> tuple[str, ...]:
    """The paragraph cut at every break opportunity; each unit keeps its trailing spaces, and
    the units joined give the paragraph back."""
    units: list[str] = []
    current = ""
    prev = ""
    prev_wide = False
    spaced = False
    for cluster in clusters(paragraph):
        cls = line_class(cluster[0])
        if cls == "SP":
            current += cluster
            spaced = bool(prev)
            continue
        if current and prev and _may_break(prev, prev_wide, cls, spaced):
            units.append(current)
            current = ""
        current += cluster
        prev, prev_wide, spaced = cls, unicodedata.east_asian_width(cluster[0]) in ("W", "F"), False
    if current:
        units.append(current)
    return tuple(units)


def _may_break(prev: str, prev_wide: bool, cls: str, spaced: bool) -> bool:
    """Whether a line may break between a cluster of class `prev` (wide: East Asian) and one of
    class `cls`, spaces between them or not."""
    if cls in NO_BEFORE or prev in NO_AFTER:
        return False
    if spaced or prev == "BK":
        return True
    if prev == "HY" and cls in _NUMERIC:
        return False  # a minus sign stays with its number
    if prev in ("CP", "CL") and not prev_wide:
        return cls in BREAK_BEFORE  # "f(x)y", "a}b": Latin brackets hold on to what follows
    if prev == "SY":
        return cls == "AL"  # "and/or" may break after the slash, "1/2" may not
    return prev in BREAK_AFTER or cls in BREAK_BEFORE
