"""The text and web shares of File ▸ Export…: Mermaid, Markdown, the HTML handbook and CSV.

They are made by the engines `personamap export --format …` runs (personamap/interop/) and
written atomically, like the command's output. A product names what it shares in the command's
`--what` terms, with ids for names (two personas with one name are still told apart).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..io.atomic import atomic_write_bytes
from ..model import Project

SUFFIXES = {"mermaid": "mmd", "markdown": "md", "html": "html", "csv": "csv"}
"""Each share format and the suffix of its file."""

_KINDS = {
    "mermaid": ("all", "journey"),
    "markdown": ("all", "personas", "persona", "journey"),
    "html": ("all", "personas", "persona", "journey"),
    "csv": ("personas", "journey"),
}
"""Which `what` kinds each format can share: a Mermaid diagram holds journeys only, a CSV table
one persona table or one journey."""


def shares(fmt: str, what: str | None) -> bool:
    return what is not None and what.partition(":")[0] in _KINDS.get(fmt, ())


def render_share(project: Project, fmt: str, what: str) -> bytes:
    """The file's bytes: `what` is all, personas, persona:ID or journey:ID."""
    if fmt == "mermaid":
        from ..interop.mermaid import export_mermaid

        return export_mermaid(project, what).encode("utf-8")
    if fmt == "csv":
        from ..interop.tables import export_csv

        kind, _, ident = what.partition(":")
        if kind == "journey":  # the table engine finds journeys by title: give it just this one
            project = project.model_copy(update={"journeys": [j for j in project.journeys if j.id == ident]})
            what = "journey"
        return export_csv(project, what)
    from ..interop.selection import Selection

    kind, _, ident = what.partition(":")
    if kind == "all":
        selection = Selection.everything(project)
    else:
        selection = Selection(
            personas=[p for p in project.personas if kind == "personas" or p.id == ident],
            journeys=[j for j in project.journeys if j.id == ident],
        )
    if fmt == "markdown":
        from ..interop.markdown import export_markdown

        return export_markdown(project, selection).encode("utf-8")
    from ..interop.handbook import export_handbook

    return export_handbook(project, selection, today=dt.date.today()).encode("utf-8")


def write_share(project: Project, fmt: str, what: str, path: Path) -> None:
    """Render and write atomically; raises what the engine or the disk raises."""
    atomic_write_bytes(path, render_share(project, fmt, what), backup=False)
