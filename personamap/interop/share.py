"""One share's bytes in a text or web format, for `personamap export --format …` and File ▸
Export… alike: Mermaid and CSV take the `--what` words (they refuse what they cannot hold with
a ValueError naming their choices), Markdown and the handbook take the resolved selection."""

from __future__ import annotations

import datetime as dt

from personamap.interop.selection import Selection
from personamap.model import Project

FORMATS = ("mermaid", "markdown", "html", "csv")


def render(project: Project, fmt: str, what: str, selection: Selection, *, today: dt.date) -> bytes:
    """The file's bytes for `fmt` (one of FORMATS)."""
    if fmt == "mermaid":
        from personamap.interop.mermaid import export_mermaid

        return export_mermaid(project, what).encode("utf-8")
    if fmt == "csv":
        from personamap.interop.tables import export_csv

        return export_csv(project, what)
    if fmt == "markdown":
        from personamap.interop.markdown import export_markdown

        return export_markdown(project, selection).encode("utf-8")
    if fmt == "html":
        from personamap.interop.handbook import export_handbook

        return export_handbook(project, selection, today=today).encode("utf-8")
    raise ValueError(f"no share format {fmt!r} (choose one of: {', '.join(FORMATS)})")
