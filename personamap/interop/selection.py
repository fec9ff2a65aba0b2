"""Which personas and journeys a share shows, so Markdown and the handbook take the same
`--what` answer (the command resolves names with export/spec.py `find_named`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from personamap.model import JourneyMap, Persona, Project


@dataclass(frozen=True)
class Selection:
    """The personas and journeys to show, in project order."""

    personas: list[Persona] = field(default_factory=list)
    journeys: list[JourneyMap] = field(default_factory=list)

    @classmethod
    def everything(cls, project: Project) -> Selection:
        return cls(list(project.personas), list(project.journeys))
