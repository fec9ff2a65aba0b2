"""Read a research table (CSV in the encodings and dialects that Excel, Google Sheets,
SurveyMonkey and CRMs export, or a workbook's sheet) into a typed `Table`, or refuse it with a
`TableError` of one line naming the file and the reason. Sizes are checked on the file before
it is read whole, and rows are counted while they stream, so memory stays bounded."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import hashlib
import io
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .columns import Column, Table, TableError
from .decode import UndecodableError, decode
from .infer import infer_column

MAX_CSV_BYTES = 50 * 1024 * 1024
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
"""A workbook is compressed XML: 20 MB of it unpacks to about as many cells as 50 MB of CSV."""
MAX_ROWS = 1_000_000
MAX_COLUMNS = 1_000
MAX_CELLS = 5_000_000
"""Rows × columns: what the parsed values of a table may hold in memory (about 1 GB at most)."""

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
"""A zip (.xlsx, .ods) or an OLE compound file (.xls) whatever its name."""
_CHUNK = 20_000
_DELIMITERS = (",", ";", "\t", "|")
_SNIFF_CHARS = 64 * 1024
_SEP_LINE = re.compile(r"sep=(.)\r?\n", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Records:
    """A table's cells as text, before any inference: the non-blank records, header first, and
    what `Table` is built from. Importers that need the exact cell text (issue 16's persona and
    journey tables) read these; `line_of(index)` is the line (CSV) or row (workbook) of
    record `index` for messages."""

    path: Path
    records: list[list[str]]
    line_of: Callable[[int], int]
    decimal_comma: bool
    sha256: str
    sheet: str | None
    notes: list[str]


def read_table(path: Path, sheet: str | None = None) -> Table:
    """The table in `path`; `sheet` picks a workbook's sheet by name (default: the first)."""
    with _collector_paused():
        return _table(read_records(path, sheet))


def read_records(path: Path, sheet: str | None = None) -> Records:
    """The cells of `path` as text, read as `read_table` reads them (encodings, dialects,
    workbooks, size limits), with no inference and no minimum number of rows."""
    with _collector_paused():
        return _read(Path(path), sheet)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Millions of cell strings and no reference cycles: with the cyclic collector on, its
    full passes over every new object take a third of the reading time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read(path: Path, sheet: str | None) -> Records:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise _refuse(path, "not a file")
    except OSError as exc:
        raise _refuse(path, f"cannot read it ({exc.strerror or exc})") from None
    if size == 0:
        raise _refuse(path, "the file is empty")
    with path.open("rb") as handle:
        magic = handle.read(8)
    workbook = path.suffix.lower() in WORKBOOK_SUFFIXES or magic.startswith(
        (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
    )
    if workbook:
        return _read_workbook(path, size, sheet)
    if sheet is not None:
        raise _refuse(path, "--sheet applies to workbooks (.xlsx, .xls, .ods), not to CSV")
    return _read_csv(path, size)


def _refuse(path: Path, reason: str) -> TableError:
    return TableError(f"{path}: {reason}")


def _read_csv(path: Path, size: int) -> Records:
    if size > MAX_CSV_BYTES:
        raise _refuse(path, f"{_mb(size)}, over the limit of {_mb(MAX_CSV_BYTES)} for a CSV table")
    data = path.read_bytes()
    try:
        text, encoding = decode(data)
    except UndecodableError as exc:
        raise _refuse(path, str(exc)) from None
    if not text.strip():
        raise _refuse(path, "the file is empty")
    head = text[:_SNIFF_CHARS]
    if len(_CONTROL.findall(head)) > max(8, 0.01 * len(head)):  # a stray ESC is text, many are not
        raise _refuse(path, "binary data, not a text table")
    declared = _SEP_LINE.match(text)
    if declared:  # Excel's "sep=;" first line names the delimiter
        text = text[declared.end() :]
    delimiter = declared.group(1) if declared else _sniff(text[:_SNIFF_CHARS])
    decimal_comma = delimiter != ","
    records = _csv_records(path, text, delimiter)
    notes = [f"read as {encoding} text, {_delimiter_name(delimiter)}-separated"]
    if not records:
        raise _refuse(path, "the table is empty")
    return Records(
        path,
        records,
        lambda index: _csv_line(text, delimiter, index),
        decimal_comma,
        hashlib.sha256(data).hexdigest(),
        None,
        notes,
    )


def _sniff(head: str) -> str:
    """The delimiter that splits the first records into the most columns, most consistently."""
    lines = head.splitlines(keepends=True)
    sample = "".join(lines[:-1] if len(lines) > 1 and len(head) == _SNIFF_CHARS else lines)
    best, best_score = ",", (0.0, 1)
    for delimiter in _DELIMITERS:
        try:
            records = csv.reader(io.StringIO(sample), delimiter=delimiter)
            widths = [len(r) for r, _ in zip(records, range(100), strict=False) if r]
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count / len(widths), width)
        if width > 1 and score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_records(path: Path, text: str, delimiter: str) -> list[list[str]]:
    """Every non-blank record, read in chunks so a table over the limits is refused before it
    is all in memory."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    cells = 0
    try:
        while chunk := list(itertools.islice(reader, _CHUNK)):
            chunk = [r for r in chunk if any(r)]
            records += chunk
            cells += sum(map(len, chunk))
            _check_size(path, len(records) - 1, cells)
    except csv.Error as exc:
        raise _refuse(path, f"line {reader.line_num}: {exc}") from None
    return records


def _csv_line(text: str, delimiter: str, index: int) -> int:
    """The line number where non-blank record `index` ends (for messages only)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, _ in enumerate(r for r in reader if any(r)):
        if number == index:
            break
    return reader.line_num


def _check_size(path: Path, rows: int, cells: int) -> None:
    if rows > MAX_ROWS or cells > MAX_CELLS + MAX_COLUMNS:
        raise _refuse(path, f"over the limit of {MAX_ROWS:,} rows or {MAX_CELLS:,} cells")


def _read_workbook(path: Path, size: int, sheet: str | None) -> Records:
    if size > MAX_WORKBOOK_BYTES:
        raise _refuse(path, f"{_mb(size)}, over the limit of {_mb(MAX_WORKBOOK_BYTES)} for a workbook")
    from python_calamine import CalamineError, CalamineWorkbook

    data = path.read_bytes()
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = book.sheet_names
        if not names:
            raise _refuse(path, "the workbook has no sheet")
        if sheet is not None and sheet not in names:
            raise _refuse(path, f"no sheet named {sheet!r} (sheets: {', '.join(names)})")
        chosen = sheet if sheet is not None else names[0]
        grid = book.get_sheet_by_name(chosen)
        if grid.height > MAX_ROWS + 1 or grid.height * grid.width > MAX_CELLS:
            raise _refuse(
                path, f"sheet {chosen!r} has {grid.height:,} rows × {grid.width:,} columns, over the limit"
            )
        numbered = [(n, [_cell_text(v) for v in row]) for n, row in enumerate(grid.iter_rows(), start=1)]
        numbered = [(n, row) for n, row in numbered if any(row)]
        records = [row for _, row in numbered]
        digest = hashlib.sha256(data).hexdigest()
        notes = [f"read sheet {chosen!r}"]
    except TableError:
        raise
    except (CalamineError, ValueError, OSError) as exc:
        raise _refuse(path, f"not a readable workbook ({_one_line(exc)})") from None
    if not records:
        raise _refuse(path, "the table is empty")
    return Records(path, records, lambda index: numbered[index][0], False, digest, chosen, notes)


def _cell_text(value: object) -> str:
    """A workbook cell as the text a CSV export would hold, so one inference serves both."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _table(read: Records) -> Table:
    """Header, shape checks and per-column inference shared by CSV and workbooks."""
    path, records, line_of = read.path, read.records, read.line_of
    header = _names(records[0])
    if len(header) > MAX_COLUMNS:
        raise _refuse(path, f"{len(header):,} columns, over the limit of {MAX_COLUMNS:,}")
    body = records[1:]
    width = len(header)
    if any(w != width for w in Counter(map(len, body))):
        body = [fit_row(path, row, width, index + 1, line_of) for index, row in enumerate(body)]
    if not body:
        raise _refuse(path, "only a header row, no data")
    if len(body) == 1:
        raise _refuse(path, "only one row of data: a profile needs at least two")
    columns: list[Column] = [
        infer_column(name, list(cells), decimal_comma=read.decimal_comma)
        for name, cells in zip(header, zip(*body, strict=True), strict=True)
    ]
    if all(c.missing == len(body) for c in columns):
        raise _refuse(path, "no usable column: every column is empty")
    return Table(
        path=path, columns=columns, rows=len(body), sha256=read.sha256, sheet=read.sheet, notes=read.notes
    )


def fit_row(path: Path, row: list[str], width: int, index: int, line_of: Callable[[int], int]) -> list[str]:
    """`row` cut to the header's width when only empty fields stick out (exporters pad rows
    with delimiters); any other difference is a ragged table."""
    if len(row) == width:
        return row
    if len(row) > width and not "".join(row[width:]).strip():
        return row[:width]
    fields = f"line {line_of(index)} has {len(row)} fields, the header has {width}"
    raise _refuse(path, f"ragged rows: {fields}")


def _names(row: list[str]) -> list[str]:
    """Header names, blank ones as "column N" and repeats as "name (2)", so each is unique."""
    seen: Counter[str] = Counter()
    names = []
    for index, cell in enumerate(row, start=1):
        name = " ".join(cell.split()) or f"column {index}"
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def _delimiter_name(delimiter: str) -> str:
    return {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}.get(delimiter, repr(delimiter))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
