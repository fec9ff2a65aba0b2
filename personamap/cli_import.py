"""`personamap import SOURCE (--out PROJECT | --into PROJECT)`: a Mermaid journey or a persona
or journey table made into a new project, or added to an existing one (issue 16).

The format comes from the extension (.mmd, .mermaid, .md, .csv, .xlsx) or `--format`; the
engines in `personamap/interop/` read it and `interop/merge.py` adds it. A bad line fails with
exit 1 naming the file and the line, unless `--skip-bad` (Mermaid) imports the rest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .terminal import say

if TYPE_CHECKING:
    from .interop.result import ImportResult
    from .model import EmotionScale, Project

PROG = "personamap import"
_FORMATS = {".mmd": "mermaid", ".mermaid": "mermaid", ".md": "mermaid", ".markdown": "mermaid"}
_FORMATS |= {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}


def _format(args: argparse.Namespace, cli_error: type[Exception]) -> str:
    if args.format:
        return str(args.format)
    suffix = args.source.suffix.lower()
    if suffix not in _FORMATS:
        raise cli_error(
            f"{args.source}: cannot tell the format from {suffix or 'no extension'!r}; use --format", 2
        )
    return _FORMATS[suffix]


def _read_mermaid(
    args: argparse.Namespace, scale: EmotionScale | None, cli_error: type[Exception]
) -> ImportResult:
    from .interop.mermaid import MermaidError, import_mermaid

    source: Path = args.source
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise cli_error(f"{source}: is not UTF-8 text") from None
    except OSError as exc:
        raise cli_error(f"{source}: cannot read it: {exc.strerror or exc}") from None
    markdown = source.suffix.lower() in (".md", ".markdown")
    try:
        return import_mermaid(text, scale=scale, skip_bad=args.skip_bad, markdown=markdown, title=source.stem)
    except MermaidError as exc:
        raise cli_error(f"{source}: {exc}") from None


def _read_table(args: argparse.Namespace, cli_error: type[Exception]) -> ImportResult:
    from .data.columns import TableError
    from .interop.tables import import_table

    try:
        return import_table(args.source, as_=args.table_as, sheet=args.sheet)
    except TableError as exc:
        raise cli_error(str(exc)) from None
    except OSError as exc:
        raise cli_error(f"{args.source}: cannot read it: {exc.strerror or exc}") from None


def _target(args: argparse.Namespace, cli_error: type[Exception]) -> Project | None:
    """The project to add to (--into), or None for a new one (--out, refused if it exists)."""
    from .io import ProjectFileError
    from .io import load as load_project

    if args.into is not None:
        if not args.into.is_file():
            raise cli_error(f"{args.into}: does not exist; use --out to make a new project")
        try:
            return load_project(args.into)
        except ProjectFileError as exc:
            raise cli_error(exc.lines()) from None
    out: Path = args.out
    if out.is_dir():
        raise cli_error(f"{out}: is a folder; give a file name such as {out / 'project.personamap'}")
    if out.exists() and not args.force:
        raise cli_error(f"{out}: already exists; use --force to overwrite it or --into to add to it")
    return None


def import_command(args: argparse.Namespace, cli_error: type[Exception]) -> int:
    """Read SOURCE, add it to the target project and save that atomically."""
    from .interop.merge import merge, new_project
    from .io import SaveError, save

    kind = _format(args, cli_error)
    if kind == "mermaid" and (args.table_as or args.sheet):
        raise cli_error(f"{PROG}: --as and --sheet apply to tables (csv, xlsx)", 2)
    if not args.source.is_file():
        raise cli_error(f"{args.source}: does not exist")
    target = _target(args, cli_error)
    scale = target.settings.emotion_scale if target is not None else None
    result = _read_mermaid(args, scale, cli_error) if kind == "mermaid" else _read_table(args, cli_error)
    for warning in result.warnings:
        say(f"{args.source}: warning: {warning}", file=sys.stderr)
    project = merge(target, result) if target is not None else new_project(result, args.source.stem)
    path: Path = args.into if args.into is not None else args.out
    try:
        save(project, path, backup=args.into is not None)
    except SaveError as exc:
        raise cli_error(str(exc).splitlines()[0]) from None
    part = result.project_part
    say(
        f"Imported {len(part.journeys)} journey(s) and {len(part.personas)} persona(s) "
        f"from {args.source} into {path}"
    )
    return 0
