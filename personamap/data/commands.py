"""`personamap data segment` and `personamap data refresh` without the terminal: each loads a
project and a table, changes the project with one op, saves it atomically and returns the JSON
the command prints. Failures are `CommandError`s carrying the exit code; the project on disk is
untouched unless everything succeeded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from personamap.data.adopt import Choice, adopt, run
from personamap.data.columns import Table, TableError
from personamap.data.mapping import suggest_mapping
from personamap.data.read import read_table
from personamap.data.refresh import refresh
from personamap.data.segment import SegmentError, default_columns
from personamap.io import ProjectFileError, SaveError, load, save
from personamap.model.ops import OpError, SetField
from personamap.model.project import Project
from personamap.model.research import ColumnRole, DatasetColumn, Source

EXIT_BAD_INPUT, EXIT_USAGE = 1, 2


class CommandError(Exception):
    """What to tell the user (one line per entry) and the exit code."""

    def __init__(self, lines: str | list[str], code: int = EXIT_BAD_INPUT) -> None:
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        super().__init__("\n".join(self.lines))
        self.code = code


def parse_k(text: str) -> int | Literal["auto"]:
    """`--k`: "auto" or a whole number (checked against the table later)."""
    if text.strip().lower() == "auto":
        return "auto"
    try:
        return int(text)
    except ValueError:
        raise CommandError(
            f"personamap data segment: --k {text!r} is not a number or auto", EXIT_USAGE
        ) from None


def choose_columns(table: Table, segment_by: list[str] | None) -> list[DatasetColumn]:
    """Every column of `table` with a role: personal ones left out (with why), the chosen or
    default ones to segment by, mapped ones described, the rest ignored."""
    chosen = segment_by if segment_by is not None else default_columns(table)
    mapping = suggest_mapping(table)
    out = []
    for column in table.columns:
        if column.personal:
            role, maps_to = ColumnRole.PERSONAL, ""
        elif column.name in chosen:
            role, maps_to = ColumnRole.SEGMENT, mapping.get(column.name, "")
        elif column.name in mapping:
            role, maps_to = ColumnRole.DESCRIBE, mapping[column.name]
        else:
            role, maps_to = ColumnRole.IGNORE, ""
        out.append(
            DatasetColumn(
                name=column.name[:500],
                type=column.kind,
                role=role,
                maps_to=maps_to,
                personal_reason=column.personal_reason[:500] if column.personal else "",
            )
        )
    return out


def data_segment(
    project_path: Path,
    table_path: Path,
    *,
    columns: list[str] | None,
    k: int | Literal["auto"],
    seed: int,
    sheet: str | None = None,
    today: dt.date | None = None,
) -> dict[str, Any]:
    """Add the table as a dataset source and one draft persona per segment to the project."""
    project = _load(project_path)
    table = _read(table_path, sheet)
    missing = [name for name in columns or [] if name not in {c.name for c in table.columns}]
    if missing:
        raise CommandError(f"{table_path}: no column named {missing[0]!r}")
    if columns is not None:
        personal = [c for c in table.columns if c.name in columns and c.personal]
        if personal:
            raise CommandError(
                f"{table_path}: column {personal[0].name!r} looks personal "
                f"({personal[0].personal_reason}); it is never used for segments"
            )
    choice = Choice(choose_columns(table, columns), k=k, seed=seed)
    try:
        segmentation = run(table, choice)
        adoption = adopt(project, table, segmentation, choice, today=today or dt.date.today())
    except SegmentError as exc:
        raise CommandError(str(exc)) from None
    _apply_and_save(project, adoption.op, project_path)
    source = project.sources[-1]
    names = {p.id: p.name for p in project.personas}
    return {
        "source": source_json(source),
        "rows_used": segmentation.rows_used,
        "segments": [
            {
                "persona_id": persona_id,
                "name": names[persona_id],
                "n": seg.n,
                "share": seg.share,
                "niche": seg.niche,
                "distinguishing": [d.to_json() for d in seg.distinguishing],
            }
            for persona_id, seg in zip(adoption.persona_ids, segmentation.segments, strict=True)
        ],
        "quality": segmentation.quality.to_json(),
    }


def data_refresh(
    project_path: Path, table_path: Path, *, sheet: str | None = None, today: dt.date | None = None
) -> dict[str, Any]:
    """Read the next wave of a table into the dataset source it came from: new aggregates, the
    rows assigned to the existing segments, and the drift per persona."""
    project = _load(project_path)
    table = _read(table_path, sheet)
    source = matching_source(project, table)
    assert source.dataset is not None
    try:
        refreshed = refresh(source.dataset, table, today=today or dt.date.today())
    except SegmentError as exc:
        raise CommandError(str(exc)) from None
    op = SetField(("sources", source.id, "dataset"), refreshed.dataset, name="Refresh data")
    _apply_and_save(project, op, project_path)
    return refreshed.to_json({p.id: p.name for p in project.personas})


def matching_source(project: Project, table: Table) -> Source:
    """The dataset source a table is the next wave of: one whose stored columns the table
    all has, preferring the same file name, then the latest import."""
    names = {c.name for c in table.columns}
    fits = [
        s
        for s in project.sources
        if s.dataset is not None
        and s.dataset.segmentation is not None
        and {c.name for c in s.dataset.columns if c.role in (ColumnRole.SEGMENT, ColumnRole.DESCRIBE)}
        <= names
    ]
    if not fits:
        with_data = [s for s in project.sources if s.dataset is not None]
        if not with_data:
            raise CommandError(
                f"{table.path}: the project has no data source to refresh; use data segment first"
            )
        raise CommandError(f"{table.path}: no data source of the project has all of this table's columns")

    def rank(s: Source) -> tuple[bool, dt.date]:
        assert s.dataset is not None
        return (s.dataset.file_name == table.path.name, s.dataset.imported)

    return max(fits, key=rank)


def source_json(source: Source) -> dict[str, Any]:
    """A dataset source as the commands report it (everything it stores but the aggregates)."""
    data = source.dataset
    out: dict[str, Any] = {"id": source.id, "kind": source.kind.value, "title": source.title}
    if data is not None:
        out |= {
            "file_name": data.file_name,
            "sheet": data.sheet,
            "sha256": data.sha256,
            "rows": data.rows,
            "columns_read": data.columns_read,
            "imported": data.imported.isoformat(),
            "columns": [c.model_dump(mode="json") for c in data.columns],
        }
    return out


def _load(path: Path) -> Project:
    try:
        return load(path)
    except ProjectFileError as exc:
        raise CommandError(exc.lines()) from None


def _read(path: Path, sheet: str | None) -> Table:
    try:
        return read_table(path, sheet)
    except TableError as exc:
        raise CommandError(str(exc)) from None


def _apply_and_save(project: Project, op: Any, path: Path) -> None:
    try:
        op.apply(project)
    except OpError as exc:
        raise CommandError(f"{path}: {exc}") from None
    try:
        save(project, path)
    except SaveError as exc:
        raise CommandError(exc.lines()) from None
