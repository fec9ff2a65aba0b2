"""Mermaid `journey` diagrams in and out (issue 16; docs/mermaid.md).

`import_mermaid` reads a diagram (or every journey fence of a Markdown file) into an
`ImportResult`; `export_mermaid` writes a project's journeys, one diagram each, so that
importing the text gives the same journeys back.
"""

from __future__ import annotations

import re

from personamap.model import EmotionScale, JourneyMap, Project, Settings

from .mermaid_export import journey_mermaid
from .mermaid_import import PersonaBook, build_journey
from .mermaid_parse import Diagram, MermaidError, is_journey, parse
from .result import ImportResult

__all__ = ["MermaidError", "export_mermaid", "import_mermaid", "journey_fences"]

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*mermaid[ \t]*$", re.IGNORECASE)


def journey_fences(markdown: str) -> list[tuple[int, str]]:
    """(line number of the first line inside, text) of each ```mermaid fence holding a journey."""
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        m = _FENCE_OPEN.match(lines[index])
        index += 1
        if m is None:
            continue
        fence, start = m.group(1), index
        close = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        while index < len(lines) and not close.match(lines[index]):
            index += 1
        text = "\n".join(lines[start:index])
        index += 1
        if is_journey(text):
            found.append((start + 1, text))
    return found


def import_mermaid(
    text: str,
    *,
    scale: EmotionScale | None = None,
    skip_bad: bool = False,
    markdown: bool = False,
    title: str = "",
) -> ImportResult:
    """The journey(s) of `text` as a project part on `scale` (default −2..+2): one journey per
    diagram (`markdown`, or text made of journey fences: per fence). MermaidError names the first
    bad line unless `skip_bad`, which turns each into a warning. `title` names a diagram that has
    none."""
    scale = scale or EmotionScale()
    if not markdown and not is_journey(text) and journey_fences(text):
        markdown = True  # several journeys exported to a .mmd come as Markdown fences
    if markdown:
        diagrams: list[Diagram] = [parse(t, skip_bad=skip_bad, first_line=n) for n, t in journey_fences(text)]
        if not diagrams:
            raise MermaidError(1, "no ```mermaid fence with a journey diagram in this Markdown file")
    else:
        diagrams = [parse(text, skip_bad=skip_bad)]
    book = PersonaBook()
    journeys: list[JourneyMap] = []
    warnings: list[str] = []
    for diagram in diagrams:
        journey, ignored = build_journey(diagram, scale, book, title)
        journeys.append(journey)
        warnings += diagram.warnings + ignored
    part = Project(
        title=journeys[0].title if len(journeys) == 1 else title,
        settings=Settings(emotion_scale=scale.model_copy(deep=True)),
        personas=book.personas,
        journeys=journeys,
    )
    return ImportResult(part, warnings)


def _chosen(project: Project, what: str) -> list[JourneyMap]:
    kind, _, name = what.strip().partition(":")
    kind = kind.strip().lower()
    if kind in ("all", "journeys", "journey") and not name.strip():
        return list(project.journeys)
    if kind == "journey":
        key = name.strip().casefold()
        for journey in project.journeys:
            if journey.title.strip().casefold() == key or journey.id == name.strip():
                return [journey]
        names = ", ".join(repr(j.title) for j in project.journeys) or "none in this project"
        raise ValueError(f"no journey named {name.strip()!r} (choose one of: {names})")
    raise ValueError(f"--what {what!r}: Mermaid shows journeys: all, journeys or journey:NAME")


def export_mermaid(project: Project, what: str = "all") -> str:
    """The journeys `what` names (all, journeys, journey:NAME) as Mermaid: one diagram as it
    is, several as a Markdown document with a ```mermaid fence each (importable as a whole).
    ValueError when `what` names no journey or the project has none."""
    journeys = _chosen(project, what)
    if not journeys:
        raise ValueError("the project has no journey to export")
    if len(journeys) == 1:
        return journey_mermaid(journeys[0], project)
    parts = []
    for journey in journeys:
        parts.append(f"```mermaid\n{journey_mermaid(journey, project)}```\n")
    return "\n".join(parts)
