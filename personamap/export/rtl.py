"""Right-to-left text for a PDF: Arabic letter shaping and bidi reordering of one line.

reportlab draws glyphs left to right in the order given and does not shape Arabic; its bidi
extra (`reportlab[bidi]`, rlbidi) is not installable everywhere. So lines are shaped and
reordered here, in plain Python: Arabic letters take their contextual presentation forms
(derived from the Unicode decompositions, lam-alef ligatures included), and a line is
reordered by a compact form of the Unicode bidi algorithm (strong letters, European numbers,
neutrals between runs; levels 0-2; mirrored brackets). Lines are broken in logical order
first, then each line is reordered, as UAX #9 asks.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import chain

_FORM_TAGS = ("isolated", "final", "initial", "medial")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u08ff]")
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """(letter -> form -> presentation char, alef -> form -> lam-alef ligature)."""
    forms: dict[str, dict[str, str]] = {}
    lam_alef: dict[str, dict[str, str]] = {}
    for cp in chain(range(0xFE70, 0xFF00), range(0xFB50, 0xFE00)):
        parts = unicodedata.decomposition(chr(cp)).split()
        if not parts or parts[0].strip("<>") not in _FORM_TAGS:
            continue
        tag, bases = parts[0].strip("<>"), [chr(int(x, 16)) for x in parts[1:]]
        if len(bases) == 1:
            forms.setdefault(bases[0], {}).setdefault(tag, chr(cp))
        elif len(bases) == 2 and bases[0] == "\u0644" and 0xFEF5 <= cp <= 0xFEFC:
            lam_alef.setdefault(bases[1], {}).setdefault(tag, chr(cp))
    return forms, lam_alef


def _joining(ch: str, forms: dict[str, dict[str, str]]) -> str:
    """ "D" dual-joining, "R" right-joining, "C" join-causing, "T" transparent, "U" none."""
    if ch in ("\u0640", "\u200d"):
        return "C"
    if unicodedata.category(ch) == "Mn":
        return "T"
    f = forms.get(ch)
    if f is None or not ("\u0600" <= ch <= "\u08ff"):
        return "U"
    return "D" if ("initial" in f or "medial" in f) else "R"


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their contextual presentation forms (logical order kept)."""
    if _ARABIC.search(text) is None:
        return text
    forms, lam_alef = _tables()
    kinds = [_joining(ch, forms) for ch in text]

    def neighbour(k: int, step: int) -> str:
        k += step
        while 0 <= k < len(text) and kinds[k] == "T":
            k += step
        return kinds[k] if 0 <= k < len(text) else "U"

    out: list[str] = []
    k = 0
    while k < len(text):
        ch, kind = text[k], kinds[k]
        if kind not in ("D", "R"):
            out.append(ch)
            k += 1
            continue
        joins_prev = neighbour(k, -1) in ("D", "C")
        if ch == "\u0644" and k + 1 < len(text) and text[k + 1] in lam_alef:
            lig = lam_alef[text[k + 1]]
            out.append(lig.get("final" if joins_prev else "isolated", ch + text[k + 1]))
            k += 2
            continue
        joins_next = kind == "D" and neighbour(k, 1) in ("D", "R", "C")
        tag = {(True, True): "medial", (True, False): "final", (False, True): "initial"}.get(
            (joins_prev, joins_next), "isolated"
        )
        f = forms[ch]
        out.append(f.get(tag) or f.get("isolated") or ch)
        k += 1
    return "".join(out)


def _strong(ch: str) -> str:
    """ "R", "L", "EN" (digits) or "N" (neutral) for one character."""
    bidi = unicodedata.bidirectional(ch)
    if bidi in ("R", "AL"):
        return "R"
    if bidi == "L":
        return "L"
    if bidi in ("EN", "AN"):
        return "EN"
    return "N"


def has_rtl(text: str) -> bool:
    """Whether the text holds right-to-left letters (Hebrew, Arabic and their kin)."""
    return _RTL.search(text) is not None


def base_is_rtl(text: str) -> bool:
    """Whether the paragraph's first strong character is right-to-left (UAX #9 P2-P3)."""
    for ch in text:
        kind = _strong(ch)
        if kind in ("R", "L"):
            return kind == "R"
    return False


def _levels(classes: list[str], rtl: bool) -> list[int]:
    """Embedding levels of one line (UAX #9 rules W7, N1-N2, I1-I2, no explicit embeddings)."""
    sos = "R" if rtl else "L"
    resolved = list(classes)
    last = sos
    for k, c in enumerate(resolved):
        if c in ("L", "R"):
            last = c
        elif c == "EN" and last == "L":
            resolved[k] = "L"
    n, k = len(resolved), 0
    while k < n:
        if resolved[k] != "N":
            k += 1
            continue
        j = k
        while j < n and resolved[j] == "N":
            j += 1
        before = "R" if (resolved[k - 1] if k > 0 else sos) in ("R", "EN") else "L"
        after = "R" if (resolved[j] if j < n else sos) in ("R", "EN") else "L"
        resolved[k:j] = [before if before == after else sos] * (j - k)
        k = j
    table = {"R": 1, "L": 2, "EN": 2} if rtl else {"L": 0, "R": 1, "EN": 2}
    return [table[c] for c in resolved]


def visual(line: str) -> str:
    """One line of logical-order text in display order, Arabic shaped, brackets mirrored."""
    if not has_rtl(line):
        return line
    text = shape_arabic(line)
    rtl = base_is_rtl(text)
    levels = _levels([_strong(ch) for ch in text], rtl)
    chars = [(_MIRROR.get(ch, ch) if level % 2 else ch) for ch, level in zip(text, levels, strict=True)]
    top = max(levels)
    for level in range(top, 0, -1):
        k = 0
        while k < len(chars):
            if levels[k] < level:
                k += 1
                continue
            j = k
            while j < len(chars) and levels[j] >= level:
                j += 1
            chars[k:j] = chars[k:j][::-1]
            levels[k:j] = levels[k:j][::-1]
            k = j
    return "".join(chars)
