"""What a sticky note says, as terms TF-IDF can weigh: words for scripts that space them, and
character bigrams for Chinese and Japanese, which do not (a bigram is the usual stand-in for a
word there). Casefolded after NFKC, so full-width letters and capitals match their plain forms;
a light stop-word list per language (en, de, fr, es, and the commonest CJK particles) keeps the
filler words out of similarities and labels.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_RUN = re.compile(r"[^\W\d_]+")
"""A run of letters in any script (digits and underscores split runs)."""

_HAN, _HIRAGANA, _KATAKANA, _HANGUL, _OTHER = range(5)

STOP_WORDS = frozenset(
    """
    a an and are as at be been but by can could did do does for from had has have how i if in into
    is it its just me more my no not of on or our so than that the their them then there these they
    this to too us was we were what when which who why will with would you your very really get gets
    got much many also all any some one ve ll re don doesn didn isn won during after before first
    aber als am auch auf aus bei bin bis da das dass dem den der des die doch du ein eine einem
    einen einer eines er es für hat hatte ich ihr im ist ja kann man mich mir mit nach nicht noch
    nur oder schon sehr sich sie sind um und uns viel vom von vor war wenn wie wir wird zu zum zur
    über immer mehr ganz ab beim seit dann au aux avec ce ces cette dans de elle en est et eux il
    ils je la le les leur lui ma mais même mes moi mon ne nos notre nous ou par pas pour qu que qui
    sa se ses son sur ta te toi ton tu un une vos votre vous très trop plus sont été être avoir ai
    avons ont fait faire pendant après avant quand al algo como con del el ella ellos esta este está
    están estoy fue ha hay las lo los mi muy más o para pero por sin su sus también tengo tiene una
    uno y ya yo demasiado mucho durante después antes cuando tras
    """.split()  # noqa: SIM905
)
"""Light stop-word lists for English, German, French and Spanish, plus common filler words."""

CJK_STOP = frozenset("的了是我很在也都就和吗呢吧太还这那个们您你他她它啊很得地着过")
"""Single Chinese characters that glue sentences rather than carry a theme."""


def _script(char: str) -> int:
    code = ord(char)
    if 0x3040 <= code <= 0x309F:
        return _HIRAGANA
    if 0x30A0 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
        return _KATAKANA
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return _HAN
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
        return _HANGUL
    return _OTHER


def _segments(run: str) -> Iterator[tuple[int, str]]:
    """Maximal pieces of one script; Han pieces split again at CJK_STOP characters."""
    start = 0
    for i in range(1, len(run) + 1):
        if i == len(run) or _script(run[i]) != _script(run[start]):
            piece, script = run[start:i], _script(run[start])
            if script == _HAN:
                for part in re.split(f"[{''.join(CJK_STOP)}]+", piece):
                    if part:
                        yield script, part
            else:
                yield script, piece
            start = i


def _bigrams(piece: str) -> list[str]:
    return [piece] if len(piece) <= 2 else [piece[i : i + 2] for i in range(len(piece) - 1)]


def is_cjk(term: str) -> bool:
    return _script(term[0]) != _OTHER


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """The note's terms in order: words of two or more letters that are not stop words, and
    bigrams of Han, katakana and hangul pieces (hiragana is left out: in Japanese it writes
    particles and endings, while kanji and katakana carry the theme)."""
    out: list[str] = []
    for run in _RUN.findall(fold(text)):
        for script, piece in _segments(run):
            if script == _OTHER:
                if len(piece) > 1 and piece not in STOP_WORDS:
                    out.append(piece)
            elif script != _HIRAGANA:
                out.extend(_bigrams(piece))
    return out


def char_grams(terms: list[str]) -> list[str]:
    """Character n-grams of each term with word boundaries marked (like scikit-learn's
    "char_wb"): 3- and 4-grams for spaced scripts, so "pricing" meets "prices"; the single
    characters of a CJK bigram, so "料金" meets "金額"."""
    out: list[str] = []
    for term in terms:
        if is_cjk(term):
            out.extend(term)
            continue
        padded = f" {term} "
        for n in (3, 4):
            out.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return out
