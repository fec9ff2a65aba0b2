"""What kind of column a list of cell texts is, and its values parsed for that kind.

Decided once per column on its distinct values (exports repeat values, so this is what keeps a
100,000-row table fast), in this order: multi-select, numeric, date, identifier, categorical,
text. The rules are documented in README ("Research data") and pinned by tests/data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable

from .columns import Column, ColumnKind, Value
from .personal import personal_reason

MISSING = frozenset({"", "na", "n/a", "#n/a", "nan", "null", "-", "--", "\u2013", "\u2014"})
"""Cell texts that mean "no answer" in the exports we read (compared lower-cased)."""
_LONGEST_MISSING = max(map(len, MISSING))

CATEGORY_LIMIT = 50
"""At most this many distinct values is always categorical; more only if rare (5 % of rows)."""
CATEGORY_MAX = 1000
LONG_TEXT = 60
"""Average characters above which a column is free text, however repetitive."""
MULTI_SEPARATORS = (";", "|")

_CURRENCY = "$€£¥"
_DOT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?(?:[eE][+-]?\d+)?|[+-]?\.\d+")
_COMMA = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d*)?")
_SPACED = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f']\d{3})+(?:[.,]\d+)?")
_ISO = re.compile(
    r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC_DATE = re.compile(
    r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp][Mm])?)?"
)
_ID_NAME = re.compile(r"(?:^|[\s_.-])(?:id|uuid|guid|key|ref|no|nr|number|#)$|^id(?:[\s_.-]|$)|^#$", re.I)


def infer_column(name: str, cells: list[str], *, decimal_comma: bool) -> Column:
    """A Column of raw `cells`: kind, parsed values, missing count and whether it looks
    personal. `decimal_comma` is the table's hint (a `;` or tab delimited export) for
    ambiguous numbers such as `1,234`."""
    raw = Counter(cells)
    stripped = {cell: cell.strip() for cell in raw}
    if all(cell is text or cell == text for cell, text in stripped.items()):
        counts = raw.copy()  # the usual case: no padding, so counting twice is not needed
    else:
        counts = Counter()
        for cell, n in raw.items():
            counts[stripped[cell]] += n
    for text in [t for t in counts if len(t) <= _LONGEST_MISSING and t.lower() in MISSING]:
        del counts[text]
    present = sum(counts.values())
    distinct = list(counts)
    kind, parse = _decide(name, distinct, counts, present, decimal_comma)
    empty: Value = () if kind is ColumnKind.MULTI_SELECT else None
    parsed = {c: parse(c) for c in distinct}
    table = {cell: parsed.get(text, empty) for cell, text in stripped.items()}
    reason = personal_reason(name, kind, distinct, present)
    return Column(
        name=name,
        kind=kind,
        values=list(map(table.__getitem__, cells)),
        missing=len(cells) - present,
        personal=bool(reason),
        personal_reason=reason,
    )


def _decide(
    name: str, distinct: list[str], counts: Counter[str], present: int, decimal_comma: bool
) -> tuple[ColumnKind, Callable[[str], Value]]:
    if not distinct:
        return ColumnKind.TEXT, str
    multi = _multi_separator(distinct, counts, present)
    if multi:
        return ColumnKind.MULTI_SELECT, lambda c: _split(c, multi)
    number = _number_parser(distinct, decimal_comma)
    if number is not None:
        if (
            _ID_NAME.search(name.strip())
            and len(distinct) == present
            and all(number(c).is_integer() for c in distinct)
        ):
            return ColumnKind.IDENTIFIER, str
        return ColumnKind.NUMERIC, number
    date = _date_parser(distinct, dot_decimal=not decimal_comma)
    if date is not None:
        return ColumnKind.DATE, date
    unique = len(distinct) == present
    if unique and (present >= 10 or _ID_NAME.search(name.strip())) and not any(" " in c for c in distinct):
        return ColumnKind.IDENTIFIER, str
    mean_length = sum(len(c) * n for c, n in counts.items()) / present
    few = len(distinct) <= CATEGORY_LIMIT or (len(distinct) <= min(CATEGORY_MAX, 0.05 * present))
    if few and mean_length <= LONG_TEXT and not (unique and present >= 10):
        return ColumnKind.CATEGORICAL, str
    return ColumnKind.TEXT, str


def _multi_separator(distinct: list[str], counts: Counter[str], present: int) -> str:
    """`;` or `|` when at least a tenth of the answers hold several short one-line items, and
    nearly every item recurs (in free text, the pieces between semicolons rarely do)."""
    for sep in MULTI_SEPARATORS:
        with_sep = sum(counts[c] for c in distinct if sep in c)
        if with_sep < 2 or with_sep < 0.1 * present:
            continue
        items: Counter[str] = Counter()
        for c in distinct:
            for item in _split(c, sep):
                items[item] += counts[c]
        if not items or sum(len(i) for i in items) / len(items) > 40:
            continue
        once = sum(1 for n in items.values() if n == 1)
        few = len(items) <= max(CATEGORY_LIMIT, 0.01 * present)
        if few and once <= max(1, 0.2 * len(items)) and not any("\n" in i for i in items):
            return sep
    return ""


def _split(cell: str, sep: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in (p.strip() for p in cell.split(sep)) if i))


def _number_parser(distinct: list[str], decimal_comma: bool) -> Callable[[str], float] | None:
    """A parser if every distinct value is a number in one notation, else None."""
    cleaned: dict[str, str] = {}
    dot = comma = True
    for cell in distinct:  # stops at the first word: most columns that are not numbers say so early
        text = cleaned[cell] = _bare(cell)
        dot = dot and _DOT.fullmatch(text) is not None
        comma = comma and _COMMA.fullmatch(text) is not None
        if not (dot or comma):
            return None
    has_comma = any("," in v for v in cleaned.values())
    use_comma = comma and (not dot or (decimal_comma and has_comma))

    def parse(cell: str) -> float:
        text = cleaned.get(cell) or _bare(cell)
        text = text.replace(".", "").replace(",", ".") if use_comma else text.replace(",", "")
        return float(text)

    return parse


def _bare(cell: str) -> str:
    """The number in a cell without currency, percent sign or digit-group spaces."""
    text = cell.strip(_CURRENCY + "% ")
    if _SPACED.fullmatch(text):
        text = re.sub(r"[ \u00a0\u202f']", "", text)
    return text


def _date_parser(distinct: list[str], *, dot_decimal: bool) -> Callable[[str], Value] | None:
    """A parser if every distinct value is a real calendar date in one order, else None."""
    if all(_ISO.fullmatch(c) for c in distinct):
        try:
            parsed = {c: _ymd(*_ISO.fullmatch(c).groups()) for c in distinct}  # type: ignore[union-attr]
        except ValueError:
            return None
        return parsed.__getitem__
    matches = [_NUMERIC_DATE.fullmatch(c) for c in distinct]
    if not all(matches):
        return None
    groups = [m.groups() for m in matches if m]
    first_big = any(int(g[0]) > 12 for g in groups)
    second_big = any(int(g[2]) > 12 for g in groups)
    if first_big and second_big:
        return None
    # 03/04/2024 in every row: US order for "/" in a dot-decimal export, else day first
    day_first = first_big if first_big or second_big else not (groups[0][1] == "/" and dot_decimal)
    try:
        parsed = {
            c: _ymd(y, *((m, d) if day_first else (d, m)))
            for c, (d, _, m, y) in zip(distinct, groups, strict=True)
        }
    except ValueError:
        return None
    return parsed.__getitem__


def _ymd(year: str, month: str, day: str) -> dt.date:
    y = int(year)
    if len(year) == 2:
        y += 2000 if y < 70 else 1900
    return dt.date(y, int(month), int(day))
