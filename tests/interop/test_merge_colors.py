"""Personas an import adds into a project take colours its personas do not have yet, so every
curve of a journey can be told apart; a new project keeps the file's colours."""

from __future__ import annotations

from personamap.interop.merge import merge, new_project
from personamap.interop.mermaid import import_mermaid
from personamap.io import load
from personamap.resources import sample_path

DIAGRAM = "journey\n  section Start\n    Sign up: 3: Clerk, IT admin, Priya Raman\n"


def test_new_personas_take_free_colours_and_a_matched_one_keeps_its_own() -> None:
    project = load(sample_path())
    result = import_mermaid(DIAGRAM, scale=project.settings.emotion_scale)
    merged = merge(project, result)
    colors = [p.color.upper() for p in merged.personas]
    assert len(set(colors)) == len(colors)
    priya = next(p for p in merged.personas if p.name == "Priya Raman")
    assert priya == next(p for p in project.personas if p.name == "Priya Raman")


def test_a_new_project_keeps_the_imported_colours() -> None:
    result = import_mermaid(DIAGRAM)
    made = new_project(result, "Start")
    assert [p.color for p in made.personas] == [p.color for p in result.project_part.personas]
