"""Tables through the command line as a user runs it: export a project's personas and a journey
as CSV, import them (CSV, a workbook's sheet) into new projects, and a bad table fails with one
line naming the file and the line (exit 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tables_helpers import csv_cells, journey_carried, persona_carried, write_xlsx

from personamap.io import load
from personamap.resources import sample_path


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    command = [sys.executable, "-m", "personamap.cli", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_personas_exported_as_csv_import_into_a_new_project(tmp_path: Path) -> None:
    table, out = tmp_path / "personas.csv", tmp_path / "again.personamap"
    result = run("export", sample_path(), "--format", "csv", "--what", "personas", "--out", table)
    assert result.returncode == 0, result.stderr
    result = run("import", table, "--out", out)
    assert result.returncode == 0, result.stderr
    sample = load(sample_path())
    assert [persona_carried(p) for p in load(out).personas] == [persona_carried(p) for p in sample.personas]


def test_a_journey_from_a_workbook_sheet_imports_with_its_scores(tmp_path: Path) -> None:
    sample = load(sample_path())
    journey = sample.journeys[1]
    table = tmp_path / "journey.csv"
    what = f"journey:{journey.title}"
    assert run("export", sample_path(), "--format", "csv", "--what", what, "--out", table).returncode == 0
    book = write_xlsx(tmp_path / "maps.xlsx", csv_cells(table.read_bytes()), title="Close")
    out = tmp_path / "close.personamap"
    result = run("import", book, "--out", out, "--sheet", "Close", "--as", "journey")
    assert result.returncode == 0, result.stderr
    project = load(out)
    assert journey_carried(project, project.journeys[0]) == journey_carried(sample, journey)


def test_a_bad_table_fails_with_one_line_naming_file_and_line(tmp_path: Path) -> None:
    table = tmp_path / "steps.csv"
    table.write_text("Stage,Step,Emotion: Priya\nStart,Sign up,2\nStart,Pay,Hello\n", encoding="utf-8")
    out = tmp_path / "x.personamap"
    result = run("import", table, "--out", out)
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f'{table}: line 3: Emotion: Priya "Hello" is not a whole number from -100 to 100'
    )
    assert not out.exists()
    result = run("import", table, "--out", out, "--sheet", "One")
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"{table}: --sheet applies to workbooks")
