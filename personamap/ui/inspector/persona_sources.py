"""The persona form's Sources section: which of the project's sources this persona cites
(from any of its fields), and a way to add a new source to the research library.

A source is cited from the field it backs (the sources button beside each field and entry), so
"Add source…" creates it in the library and opens it in the inspector with the cursor in its
title; the persona cites it once the user ticks it where it applies.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...model import Project, Source, ops
from ...model.lifecycle import cited_sources
from .base import FormContext
from .lifecycle import Computed
from .sources import source_label
from .widgets import plain_label, tool_button


def cited_lines(project: Project, persona_id: str) -> list[str]:
    """One line per library source the persona cites, in library order."""
    persona = project.persona(persona_id)
    if persona is None:
        raise LookupError(persona_id)
    return [source_label(s) for s in cited_sources(persona, project.sources)]


def add_source(ctx: FormContext) -> str | None:
    """Add an empty source to the library and open it; its id, or None if refused."""
    source = Source()
    if not ctx.apply(lambda p: ops.add_source(p, source)):
        return None
    library = getattr(ctx.window, "features", {}).get("library")
    if library is not None:
        library.show()
        library.raise_()
        library.research.reveal_source(source.id, focus=True)
    return source.id


def sources_body(ctx: FormContext, persona_id: str, body: QWidget) -> list[Any]:
    """Fill the section's body; returns the parts the form refreshes."""
    layout = QVBoxLayout(body)
    layout.setContentsMargins(10, 6, 10, 8)
    listing = plain_label(object_name="cited_sources", wrap=True)  # source titles: user text
    empty = "Cites no source yet. Tick sources with the ◇ button beside a field."

    def update(project: Project) -> None:
        lines = cited_lines(project, persona_id)
        listing.setText("\n".join(f"• {line}" for line in lines) if lines else empty)

    button = tool_button("+ Add source…", "Add a source to the project's research library", name="add")
    button.clicked.connect(lambda _checked=False: add_source(ctx))
    layout.addWidget(listing)
    layout.addWidget(button)
    return [Computed(ctx, update)]
