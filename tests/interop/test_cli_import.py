"""`personamap import`, run as a user runs it: a new project from a Mermaid journey, one added
to an existing project, refusals with one clear line and exit codes 1 and 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from personamap.interop.mermaid import export_mermaid
from personamap.io import load, save
from personamap.model import EmotionScale, JourneyMapElement, Persona, Project, Settings

DOCS = Path(__file__).parent / "mermaid_docs"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    command = [sys.executable, "-m", "personamap.cli", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_a_new_project_from_the_documentation_example(tmp_path: Path) -> None:
    out = tmp_path / "day.personamap"
    result = run("import", DOCS / "working_day.mmd", "--out", out)
    assert result.returncode == 0, result.stderr
    assert "Imported 1 journey(s) and 2 persona(s)" in result.stdout
    project = load(out)
    assert project.title == "My working day"
    assert [p.name for p in project.personas] == ["Me", "Cat"]
    (journey,) = project.journeys
    (board,) = project.boards
    (element,) = board.elements
    assert isinstance(element, JourneyMapElement) and element.map_id == journey.id and element.w > 400
    assert export_mermaid(project) == (DOCS / "working_day.mmd").read_text(encoding="utf-8")


def test_out_refuses_an_existing_file_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "day.personamap"
    out.write_text("keep me", encoding="utf-8")
    result = run("import", DOCS / "working_day.mmd", "--out", out)
    assert result.returncode == 1 and "already exists; use --force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("import", DOCS / "working_day.mmd", "--out", out, "--force").returncode == 0
    assert load(out).journeys[0].title == "My working day"


def test_into_matches_personas_by_name_and_keeps_the_projects_scale(tmp_path: Path) -> None:
    target = tmp_path / "team.personamap"
    me = Persona(name="me", color="#123456")
    scale = EmotionScale(minimum=0, maximum=10, labels=[])
    save(Project(title="Team", personas=[me], settings=Settings(emotion_scale=scale)), target)
    result = run("import", DOCS / "working_day.mmd", "--into", target)
    assert result.returncode == 0, result.stderr
    project = load(target)
    assert project.title == "Team"
    assert [(p.name, p.color) for p in project.personas] == [("me", "#123456"), ("Cat", "#E69F00")]
    journey = project.journeys[0]
    assert journey.persona_ids == [me.id, project.personas[1].id]
    assert [e.score for e in journey.emotions if e.persona_id == me.id] == [10, 5, 0, 10, 10]
    assert run("import", DOCS / "working_day.mmd", "--into", target).returncode == 0
    again = load(target)
    assert len(again.journeys) == 2 and len(again.personas) == 2 and len(again.boards) == 2


def test_a_bad_score_fails_with_the_line_and_skip_bad_imports_the_rest(tmp_path: Path) -> None:
    source = tmp_path / "bad.mermaid"
    source.write_text("journey\nsection A\nTea: 5: Me\n\n\nCake: Hello: Me\n", encoding="utf-8")
    out = tmp_path / "bad.personamap"
    result = run("import", source, "--out", out)
    assert result.returncode == 1
    assert result.stderr.strip() == f'{source}: line 6: score "Hello" is not a number from 1 to 5'
    assert not out.exists()
    result = run("import", source, "--out", out, "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert "warning: line 6: score" in result.stderr
    assert [s.name for s in load(out).journeys[0].steps()] == ["Tea"]
    assert load(out).journeys[0].title == "bad"  # no title: the file's name


def test_markdown_and_format_flag(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Day\n\n```mermaid\n" + (DOCS / "working_day.mmd").read_text() + "```\n", encoding="utf-8"
    )
    out = tmp_path / "md.personamap"
    assert run("import", readme, "--out", out).returncode == 0
    assert load(out).journeys[0].title == "My working day"
    odd = tmp_path / "journey.txt"
    odd.write_text((DOCS / "working_day.mmd").read_text(), encoding="utf-8")
    assert run("import", odd, "--out", tmp_path / "x.personamap", "--format", "mermaid").returncode == 0


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    unknown = tmp_path / "journey.svg"
    unknown.write_text("journey\n", encoding="utf-8")
    result = run("import", unknown, "--out", tmp_path / "x.personamap")
    assert result.returncode == 2 and "use --format" in result.stderr
    result = run("import", DOCS / "working_day.mmd", "--out", tmp_path / "x.personamap", "--as", "personas")
    assert result.returncode == 2 and "apply to tables" in result.stderr
    result = run("import", DOCS / "working_day.mmd")
    assert result.returncode == 2
    result = run("import", tmp_path / "missing.mmd", "--out", tmp_path / "x.personamap")
    assert result.returncode == 1 and "does not exist" in result.stderr


def test_a_table_goes_to_the_table_importer(tmp_path: Path) -> None:
    table = tmp_path / "people.csv"
    table.write_text("Name,Role\nAna,Buyer\nBen,User\n", encoding="utf-8")
    out = tmp_path / "people.personamap"
    result = run("import", table, "--out", out)
    assert result.returncode == 0, result.stderr
    assert [(p.name, p.role) for p in load(out).personas] == [("Ana", "Buyer"), ("Ben", "User")]


def test_export_then_import_gives_the_journeys_back(tmp_path: Path) -> None:
    sample = tmp_path / "sample.personamap"
    assert run("sample", sample).returncode == 0
    shared = tmp_path / "journeys.mmd"  # two journeys: Markdown fences, even in a .mmd
    result = run("export", sample, "--format", "mermaid", "--out", shared)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "again.personamap"
    result = run("import", shared, "--out", out)
    assert result.returncode == 0, result.stderr
    before, after = load(sample), load(out)
    assert [j.title for j in after.journeys] == [j.title for j in before.journeys]
    assert export_mermaid(after) == shared.read_text(encoding="utf-8")
    result = run("export", sample, "--format", "mermaid", "--what", "journey:nope", "--out", shared)
    assert result.returncode == 2 and "no journey named 'nope'" in result.stderr
