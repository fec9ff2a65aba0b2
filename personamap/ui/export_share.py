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


def shown(project: Project, fmt: str, what: str) -> tuple[list[str], list[str]]:
    """The ids of the personas and of the journeys the share of `what` as `fmt` holds (a
    Mermaid file draws journeys only; "all" shares no board or empathy map)."""
    kind, _, ident = what.partition(":")
    personas = [p.id for p in project.personas if kind in ("all", "personas") or p.id == ident]
    journeys = [j.id for j in project.journeys if kind == "all" or j.id == ident]
    return ([] if fmt == "mermaid" else personas), journeys


def holds(project: Project, fmt: str, what: str) -> str:
    """What the file holds, in words: "5 personas and 2 journeys"."""
    personas, journeys = shown(project, fmt, what)
    bits = [
        f"{n} {noun}{'s' if n != 1 else ''}"
        for n, noun in ((len(personas), "persona"), (len(journeys), "journey"))
        if n
    ]
    return " and ".join(bits) or "nothing"


def render_share(project: Project, fmt: str, what: str) -> bytes:
    """The file's bytes: `what` is all, personas, persona:ID or journey:ID."""
    from ..interop.selection import Selection
    from ..interop.share import render

    kind, _, ident = what.partition(":")
    if fmt == "csv" and kind == "journey":  # tables find journeys by title: give just this one
        project = project.model_copy(update={"journeys": [j for j in project.journeys if j.id == ident]})
        what = "journey"
    personas, journeys = shown(project, fmt, what)
    selection = Selection(
        personas=[p for p in project.personas if p.id in personas],
        journeys=[j for j in project.journeys if j.id in journeys],
    )
    return render(project, fmt, what, selection, today=dt.date.today())


def write_share(project: Project, fmt: str, what: str, path: Path) -> None:
    """Render and write atomically; raises what the engine or the disk raises."""
    atomic_write_bytes(path, render_share(project, fmt, what), backup=False)
