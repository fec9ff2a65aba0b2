"""`personamap export --format png|svg`: the headless picture export, needing no display.

The offscreen Qt platform is chosen here, before PySide6 is imported (an empty
QT_QPA_PLATFORM counts as unset), so the command runs on servers and in CI.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ...terminal import say


def export_command(args: argparse.Namespace, load: Any, cli_error: type[Exception]) -> int:
    """Run the export; `load(path)` reads the project, `cli_error(message, code)` is raised
    for one-line failures (code 2: usage, 1: bad file or cannot write)."""
    prog = "personamap export"
    pdf_only = [
        flag
        for flag, used in (("--tile", args.tile), ("--bleed", args.bleed), ("--crop-marks", args.crop_marks))
        if used
    ]
    if pdf_only:
        raise cli_error(f"{prog}: {', '.join(pdf_only)} only apply to --format pdf", 2)
    if args.dpi is not None and args.width is not None:
        raise cli_error(f"{prog}: give --dpi or --width, not both", 2)
    out: Path = args.out
    if out.suffix and not out.is_dir() and out.suffix.lower() != f".{args.format}":
        raise cli_error(f"{prog}: --out {out} does not end in .{args.format} (or give a folder)", 2)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise cli_error(f"{out}: the folder {folder} does not exist")
    project = load(args.file)
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")
    try:
        from ..spec import ExportError
        from .render import RasterOptions, ensure_app, export_raster
    except ImportError as exc:
        raise cli_error(f"{prog}: PNG and SVG need Qt, which cannot load here: {exc}", 1) from None
    options = RasterOptions(
        what=args.what,
        dpi=args.dpi if args.dpi is not None else 150.0,
        width=args.width,
        transparent=args.transparent,
        grayscale=args.grayscale,
    )
    ensure_app()
    try:
        result = export_raster(project, out, options, args.format)
    except ExportError as exc:
        raise cli_error(f"{prog}: {exc}", 2) from None
    except OSError as exc:
        raise cli_error(f"{out}: cannot write the {args.format.upper()}: {exc.strerror or exc}", 1) from None
    for warning in result.warnings:
        say(f"{prog}: warning: {warning}", file=sys.stderr)
    for path, (w, h) in zip(result.files, result.sizes, strict=True):
        unit = "px" if args.format == "png" else "px (1/96 in)"
        say(f"Wrote {path} ({w} × {h} {unit})")
    return 0
