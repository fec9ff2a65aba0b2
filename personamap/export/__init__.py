"""Exports drawn from the model: PDF posters, decks and card sheets (reportlab, no Qt).

    export_pdf(project, "out.pdf", PdfOptions(what="persona:Priya", page_size="a2"))

returns an `ExportResult(pages, warnings)`; warnings name scripts no installed font covers.
Unknown names and impossible options raise `ExportError` (or `PageSizeError`), a cancelled
export raises `ExportCancelled` and leaves no file behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .pages import PAGE_SIZES, PageSizeError, parse_orientation, parse_page_size
from .spec import WHAT_HELP, ExportCancelled, ExportError, ExportResult, PdfOptions

if TYPE_CHECKING:
    from ..model import Project

__all__ = [
    "PAGE_SIZES",
    "WHAT_HELP",
    "ExportCancelled",
    "ExportError",
    "ExportResult",
    "PageSizeError",
    "PdfOptions",
    "export_pdf",
    "parse_orientation",
    "parse_page_size",
]


def export_pdf(
    project: Project,
    out_path: str | Path,
    options: PdfOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
) -> ExportResult:
    """Write `project` as a PDF to `out_path`; `progress(done, total)` after each page,
    `cancel` (an Event or a callable) checked before each page."""
    from .pdf.render import render

    options = options or PdfOptions()
    parse_page_size(options.page_size)
    parse_orientation(options.orientation)
    if isinstance(cancel, threading.Event):
        event = cancel
        cancelled: Callable[[], bool] | None = event.is_set
    else:
        cancelled = cancel
    return render(project, Path(out_path), options, progress, cancelled)
