"""`personamap export --format mermaid|markdown|html|csv`: the text shares of issue 16.

`--what` is checked here for every format (all, personas, persona:NAME, journeys, journey:NAME),
names looked up as the PDF export does (export/spec.py `find_named`), so a typo fails the same
way whatever the format; the engines in `personamap/interop/` then write the text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from .terminal import say

PROG = "personamap export"
WHAT_CHOICES = "all, personas, persona:NAME, journeys, journey:NAME"
_PDF_FLAGS = (
    ("--tile", "tile"),
    ("--bleed", "bleed"),
    ("--crop-marks", "crop_marks"),
    ("--grayscale", "grayscale"),
    ("--dpi", "dpi"),
    ("--width", "width"),
    ("--transparent", "transparent"),
)


def _check_flags(args: argparse.Namespace, cli_error: type[Exception]) -> None:
    used = [flag for flag, attr in _PDF_FLAGS if getattr(args, attr, None)]
    if used:
        raise cli_error(f"{PROG}: {', '.join(used)} do not apply to --format {args.format}", 2)
    out: Path = args.out
    if out.is_dir():
        raise cli_error(f"{out}: is a folder; give a file name such as {out / ('share.' + args.format)}", 2)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise cli_error(f"{out}: the folder {folder} does not exist")


def select(project: Any, what: str, cli_error: type[Exception]) -> Any:
    """The `Selection` that `what` names; exit 2 naming the choices (or the names) otherwise."""
    from .export.spec import ExportError, Named, find_named
    from .interop.selection import Selection

    kind, _, name = what.strip().partition(":")
    kind = kind.strip().lower()
    named = Named.of(project)
    try:
        if kind == "all" and not name:
            return Selection.everything(project)
        if kind == "personas" and not name:
            return Selection(personas=list(project.personas))
        if kind in ("journeys", "journey") and not name:
            return Selection(journeys=list(project.journeys))
        if kind == "persona" and name.strip():
            return Selection(personas=[find_named("persona", name, named.personas)])
        if kind == "journey" and name.strip():
            return Selection(journeys=[find_named("journey", name, named.journeys)])
    except ExportError as exc:
        raise cli_error(f"{PROG}: --what {what}: {exc}", 2) from None
    raise cli_error(f"{PROG}: --what {what!r} is not one of: {WHAT_CHOICES}", 2)


def _render(args: argparse.Namespace, project: Any, cli_error: type[Exception]) -> bytes:
    """The share's bytes (personamap/interop/share.py); what a format cannot hold is a usage
    error."""
    from .interop.share import render

    selection = select(project, args.what, cli_error)
    try:
        return render(project, args.format, args.what, selection, today=dt.date.today())
    except ValueError as exc:
        raise cli_error(f"{PROG}: {exc}", 2) from None


def share_command(args: argparse.Namespace, load: Any, cli_error: type[Exception]) -> int:
    """Write the share; `load(path)` reads the project, `cli_error(message, code)` reports one
    line (code 2: usage, 1: bad file or cannot write)."""
    from .io.atomic import atomic_write_bytes
    from .io.errors import SaveError

    _check_flags(args, cli_error)
    project = load(args.file)
    data = _render(args, project, cli_error)
    try:
        atomic_write_bytes(args.out, data, backup=False)
    except SaveError as exc:
        raise cli_error(str(exc).splitlines()[0]) from None
    say(f"Wrote the {args.format} share to {args.out}", file=sys.stdout)
    return 0
