"""What every importer returns, so one merge step serves Mermaid, CSV and XLSX alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from personamap.model import Project


@dataclass
class ImportResult:
    """The imported part as a project of its own (personas, journeys) and the warnings for the
    rows or lines that were skipped (`--skip-bad`), each naming its line and reason."""

    project_part: Project
    warnings: list[str] = field(default_factory=list)
