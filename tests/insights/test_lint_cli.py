"""`personamap lint`, run as a pipeline runs it: in a subprocess, the JSON keys exact, exit 0
whatever is found and 3 under --strict only for a warning or an error."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from lint_projects import clean_project, persona

from personamap.io import save
from personamap.model import Quote, Source


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", "lint", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def saved(tmp_path: Path, flaws: str = "") -> Path:
    """The clean project, reviewed today (the command lints as of today), with some flaws:
    "o" an orphan source (a tip), "q" a quote nobody said (an error)."""
    project = clean_project()
    for p in project.personas:
        p.lifecycle.last_reviewed = dt.date.today()
    if "o" in flaws:
        project.sources.append(Source(title="Unused deck"))
    if "q" in flaws:
        persona(project, "Ann Owner").quotes.append(Quote(text="Cheaper \u202eplease"))
    path = tmp_path / f"shop{flaws}.personamap"
    save(project, path)
    return path


def test_a_clean_project_passes_even_strict(tmp_path: Path) -> None:
    path = saved(tmp_path)
    result = run(path, "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("0 errors, 0 warnings, 0 tips")
    data = json.loads(run(path, "--json").stdout)
    assert data == {"findings": [], "counts": {"error": 0, "warning": 0, "info": 0}}


def test_json_shape_and_the_exit_codes(tmp_path: Path) -> None:
    path = saved(tmp_path, "oq")
    result = run(path, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"findings", "counts"}
    assert data["counts"] == {"error": 1, "warning": 0, "info": 1}
    assert [f["rule"] for f in data["findings"]] == ["uncited-quote", "orphan-source"]
    for finding in data["findings"]:
        assert set(finding) == {"rule", "severity", "message", "where"}
        assert all(set(w) == {"kind", "id", "name"} for w in finding["where"])
    assert data["findings"][0]["where"][0]["name"] == "Ann Owner"
    assert run(path, "--strict").returncode == 3
    assert run(path, "--strict", "--json").returncode == 3
    assert run(saved(tmp_path, "o"), "--strict").returncode == 0  # a tip is not a failure


def test_text_is_one_line_per_finding_and_escaped(tmp_path: Path) -> None:
    path = saved(tmp_path, "oq")
    lines = run(path).stdout.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{path}: error: ") and lines[0].endswith("[uncited-quote]")
    assert "Cheaper \\u202eplease" in lines[0]
    assert lines[2] == f"{path}: 1 error, 0 warnings, 1 tip"


def test_a_file_that_does_not_load_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.personamap"
    bad.write_text("{not json", encoding="utf-8")
    result = run(bad)
    assert result.returncode == 1 and "Traceback" not in result.stderr and str(bad) in result.stderr
