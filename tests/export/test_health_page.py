"""The PDF "Project health" page: in the `all` deck and as `--what health`, it lists every
finding of the lint by severity with counts, and draws each journey's coverage heat map with
its personas, stages and empty cells."""

from __future__ import annotations

from pathlib import Path

from pdf_helpers import TODAY, contains, norm
from pypdf import PdfReader

from personamap.export import PdfOptions, export_pdf
from personamap.insights.coverage import coverage_matrix
from personamap.insights.lint import lint
from personamap.model import JourneyMap, JourneyNote, Lane, LaneKind, Persona, Project, Stage, Step

PLURAL = {"error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("tip", "tips")}


def shown(text: str, message: str) -> bool:
    """The message in the text; one mixing right-to-left names into English comes back from
    extraction in visual runs, so then each of its words must be there."""
    return contains(text, message) or all(contains(text, word) for word in message.split())


def _pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def test_health_page_lists_every_finding_with_counts(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "health.pdf"
    export_pdf(project, out, PdfOptions(what="health", today=TODAY))
    findings = lint(project, TODAY)
    assert findings, "the multilingual test project has flaws to report"
    text = "\n".join(_pages(out))
    assert contains(text, "Project health")
    for severity, (one, many) in PLURAL.items():
        n = sum(1 for f in findings if f.severity == severity)
        assert contains(text, f"{n} {one if n == 1 else many}"), severity
    for finding in findings:
        assert shown(text, finding.message), finding.message


def test_the_all_deck_holds_the_health_page_and_lists_it_in_contents(
    project: Project, tmp_path: Path
) -> None:
    out = tmp_path / "all.pdf"
    export_pdf(project, out, PdfOptions(what="all", today=TODAY))
    pages = _pages(out)
    assert contains(pages[1], "Project health")  # the contents page names it
    health = [k for k, text in enumerate(pages) if norm(text).startswith(norm("Project health"))]
    assert health, "a page titled Project health"
    body = "\n".join(pages[k] for k in health)
    for finding in lint(project, TODAY):
        assert shown(body, finding.message)
    assert "Project health" in _titles(PdfReader(out).outline)  # a bookmark leads to it


def _titles(outline: list) -> list[str]:
    return [t for item in outline for t in (_titles(item) if isinstance(item, list) else [item.title])]


def _journey_project() -> Project:
    priya, marcus = Persona(name="Priya Raman"), Persona(name="Marcus Feld")
    touch = Lane(name="Touchpoints", kind=LaneKind.TOUCHPOINTS)
    stages = [
        Stage(name="Discover", steps=[Step(name="")]),
        Stage(name="Renew <b>soon</b>", steps=[Step(name="")]),
    ]
    journey = JourneyMap(title="Buy a plan", persona_ids=[priya.id, marcus.id], stages=stages, lanes=[touch])
    journey.notes.append(JourneyNote(lane_id=touch.id, stage_id=stages[0].id, text="Pricing page"))
    return Project(title="Health", personas=[priya, marcus], journeys=[journey])


def test_the_heat_map_names_personas_and_stages_and_marks_empty_cells(tmp_path: Path) -> None:
    project = _journey_project()
    matrix = coverage_matrix(project)[0]
    assert len(matrix.empty_cells()) == 2  # nobody says anything at "Renew"
    out = tmp_path / "health.pdf"
    export_pdf(project, out, PdfOptions(what="health", today=TODAY))
    text = "\n".join(_pages(out))
    for needle in ("Coverage", "Buy a plan", "Priya Raman", "Marcus Feld", "Discover", "Renew <b>soon</b>"):
        assert contains(text, needle), needle
    assert text.count("–") >= 2  # each empty cell is marked, not only coloured
    assert contains(text, "stronger the blue")
