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

NO_BEFORE = frozenset(("CL", "CP", "EX", "IS", "SY", "NS", "GL", "WJ", "ZW", "CM", "ZWJ", "QU", "BA", "HY"))
"""Classes no line may start with (UAX #14 rules LB7-LB13, LB19, LB21) unless spaces come first."""
STILL_AFTER_SPACES = frozenset(("CL", "CP", "EX", "IS", "SY", "WJ", "ZW"))
"""Classes no line may start with even after spaces (LB7, LB11, LB13): "a )", "x ,"."""
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
def _props(ch: str) -> tuple[str, bool]:
    """(UAX #14 class, East Asian wide) of a character, ambiguous classes resolved as UAX #14
    suggests (the ideographic or the alphabetic reading, by width)."""
    from uniseg.linebreak import line_break

    wide = unicodedata.east_asian_width(ch) in ("W", "F")
    name = str(line_break(ch))
    if name in ("AI", "SG", "XX", "SA"):
        name = "ID" if wide else "AL"
    elif name == "CJ":
        name = "NS"
    elif name in ("CR", "LF", "NL", "BK"):
        name = "BK"
    return name, wide


def line_class(ch: str) -> str:
    """The UAX #14 class of a character (see `_props`)."""
    return _props(ch)[0]


@functools.lru_cache(maxsize=4096)
def break_units(paragraph: str) -> tuple[str, ...]:
    """The paragraph cut at every break opportunity; each unit keeps its trailing spaces, and
    the units joined give the paragraph back."""
    units: list[str] = []
    current = ""
    prev = ""
    prev_wide = spaced = number = False
    for cluster in clusters(paragraph):
        cls, wide = _props(cluster[0])
        if cls == "SP":
            current += cluster
            spaced = bool(prev)
            continue
        if prev and _may_break(prev, prev_wide, cls, spaced, number):
            units.append(current)
            current = ""
        current += cluster
        number = cls == "NU" or (number and cls in ("SY", "IS") and not spaced)
        prev, prev_wide, spaced = cls, wide, False
    if current:
        units.append(current)
    return tuple(units)


def _may_break(prev: str, prev_wide: bool, cls: str, spaced: bool, number: bool) -> bool:
    """Whether a line may break between a cluster of class `prev` (wide: East Asian) and one of
    class `cls`, spaces between them or not; `number`: `prev` ends a number ("12/")."""
    if cls in STILL_AFTER_SPACES or prev == "OP":  # "a )", "( a": not even at the space
        return False
    if spaced or prev == "BK":
        return True
    if cls in NO_BEFORE or prev in NO_AFTER:
        return False
    if prev == "HY" and cls in _NUMERIC:
        return False  # a minus sign stays with its number
    if prev == "CP" and not prev_wide and cls in ("AL", "HL", "NU"):
        return False  # "f(x)y": a Latin closing parenthesis holds on to what follows
    if prev == "SY":  # "and/or", "research/2026" may break after the slash, "1/2" may not
        return cls == "AL" or (cls == "NU" and not number)
    return prev in BREAK_AFTER or cls in BREAK_BEFORE
