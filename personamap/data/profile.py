"""What a table holds, column by column, for `personamap data profile`: kind, missing count,
whether it looks personal, and aggregates (distinct count, top categories, min/median/max,
first/last date). A personal column shows no value at all, not even in a summary, and free
text and identifiers show none either: they are where names and ids hide."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from typing import Any

from .columns import Column, ColumnKind, Table

TOP = 10
"""How many categories (or multi-select items) a profile lists, most frequent first."""


def profile(table: Table) -> dict[str, Any]:
    """The JSON-ready profile: `rows`, `columns` (each `name`, `type`, `missing`, `personal`,
    then extras), then where it was read from."""
    return {
        "rows": table.rows,
        "columns": [_column(c) for c in table.columns],
        "file": str(table.path),
        "sheet": table.sheet,
        "notes": list(table.notes),
    }


def _column(column: Column) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": column.name,
        "type": column.kind.value,
        "missing": column.missing,
        "personal": column.personal,
    }
    present = [v for v in column.values if v is not None and v != ()]
    if column.personal:
        entry["personal_reason"] = column.personal_reason
        return entry
    kind = column.kind
    if kind is ColumnKind.MULTI_SELECT:
        items = Counter(item for answer in present if isinstance(answer, tuple) for item in answer)
        entry["distinct"] = len(items)
        entry["top"] = [{"value": v, "count": n} for v, n in items.most_common(TOP)]
        return entry
    entry["distinct"] = len(set(present))
    if kind is ColumnKind.CATEGORICAL:
        entry["top"] = [{"value": v, "count": n} for v, n in Counter(present).most_common(TOP)]
    elif kind is ColumnKind.NUMERIC and present:
        numbers = sorted(v for v in present if isinstance(v, float))
        entry.update(
            min=_number(numbers[0]),
            median=_number(statistics.median(numbers)),
            max=_number(numbers[-1]),
            mean=_number(round(statistics.fmean(numbers), 6)),
        )
    elif kind is ColumnKind.DATE and present:
        dates = [v for v in present if isinstance(v, dt.date)]
        entry.update(first=min(dates).isoformat(), last=max(dates).isoformat())
    elif kind is ColumnKind.TEXT and present:
        entry["mean_length"] = round(sum(len(v) for v in present if isinstance(v, str)) / len(present), 1)
    return entry


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def summary_lines(data: dict[str, Any]) -> list[str]:
    """The profile as a readable table for a terminal (the caller escapes each line)."""
    where = data["file"] + (f" [{data['sheet']}]" if data["sheet"] else "")
    notes = f" ({'; '.join(data['notes'])})" if data["notes"] else ""
    count = len(data["columns"])
    lines = [f"{where}: {data['rows']:,} rows, {count} column{'s' * (count != 1)}{notes}"]
    rows = [("column", "type", "missing", "summary")]
    rows += [(c["name"], c["type"], f"{c['missing']:,}", _summary(c)) for c in data["columns"]]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines += [
        f"  {r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}".rstrip() for r in rows
    ]
    return lines


def _summary(entry: dict[str, Any]) -> str:
    if entry["personal"]:
        return f"PERSONAL, values hidden: {entry['personal_reason']}"
    text = f"{entry['distinct']:,} distinct"
    if "top" in entry:
        text += ": " + ", ".join(f"{t['value']} {t['count']:,}" for t in entry["top"][:5])
    elif "median" in entry:
        text += f"; min {entry['min']:g}, median {entry['median']:g}, max {entry['max']:g}"
    elif "first" in entry:
        text += f"; {entry['first']} to {entry['last']}"
    elif "mean_length" in entry:
        text += f"; {entry['mean_length']:g} characters on average"
    return text
