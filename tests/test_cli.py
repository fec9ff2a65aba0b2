"""The `personamap` command, run as a user runs it: in a subprocess, with no display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import personamap


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
    )


def assert_one_clear_line(result: subprocess.CompletedProcess[str], code: int, *fragments: str) -> None:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


def test_version_and_help() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"personamap {personamap.__version__}"
    result = run("--help")
    assert result.returncode == 0
    for command in ("sample", "new", "templates", "check"):
        assert command in result.stdout


def test_sample_then_check(tmp_path: Path) -> None:
    target = tmp_path / "sample.personamap"
    result = run("sample", str(target))
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith('{\n  "format": "personamap",\n  "schema_version": 2,')
    result = run("check", str(target))
    assert result.returncode == 0, result.stderr
    assert "valid personamap project" in result.stdout
    assert "personas" in result.stdout and "review overdue:" in result.stdout
    summary = json.loads(run("check", "--json", str(target)).stdout)
    counts = summary["counts"]
    assert summary["valid"] is True
    assert (counts["primary"], counts["secondary"], counts["negative"]) == (3, 1, 1)
    assert counts["journeys"] == 2 and counts["journey_notes"] >= 70
    assert counts["sources"] >= 10  # the research library: one source per study


def test_sample_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.personamap"
    target.write_text("my work", encoding="utf-8")
    assert_one_clear_line(run("sample", str(target)), 1, str(target), "already exists", "--force")
    assert target.read_text(encoding="utf-8") == "my work"
    assert run("sample", "--force", str(target)).returncode == 0
    assert run("check", str(target)).returncode == 0


def test_templates_list_one_a_line_name_first() -> None:
    result = run("templates")
    assert result.returncode == 0, result.stderr
    names = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert "blank" in names and len(names) >= 4
    assert all(line.count("\t") == 2 for line in result.stdout.splitlines())


@pytest.mark.parametrize("template", ["blank", "B2B-SaaS"])
def test_new_from_template_gets_fresh_ids(tmp_path: Path, template: str) -> None:
    first, second = tmp_path / "a.personamap", tmp_path / "b.personamap"
    assert run("new", str(first), "--template", template).returncode == 0
    assert run("new", str(second), "--template", template).returncode == 0
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    assert a["id"] != b["id"]
    assert run("check", str(first)).returncode == 0


def test_new_with_unknown_template_is_a_usage_error(tmp_path: Path) -> None:
    result = run("new", str(tmp_path / "x.personamap"), "--template", "nope")
    assert_one_clear_line(result, 2, "no template named 'nope'", "blank")
    assert not (tmp_path / "x.personamap").exists()


def test_check_bad_files_exit_1_with_place_and_reason(tmp_path: Path) -> None:
    missing = tmp_path / "missing.personamap"
    assert_one_clear_line(run("check", str(missing)), 1, str(missing))
    broken = tmp_path / "broken.personamap"
    broken.write_text('{"format": "personamap", "schema_version": 1, "title": ', encoding="utf-8")
    assert_one_clear_line(run("check", str(broken)), 1, str(broken), "line 1")
    wrong = tmp_path / "wrong.personamap"
    wrong.write_text(
        json.dumps({"format": "personamap", "schema_version": 1, "personas": [{"name": 5}]}), encoding="utf-8"
    )
    assert_one_clear_line(run("check", str(wrong)), 1, "personas[0].name")
    newer = tmp_path / "newer.personamap"
    newer.write_text(json.dumps({"format": "personamap", "schema_version": 99}), encoding="utf-8")
    assert_one_clear_line(run("check", str(newer)), 1, "newer", "99")
    assert_one_clear_line(run("check", str(tmp_path)), 1, str(tmp_path))


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["bogus-option-only", "--frobnicate"],
        ["check", "a", "b"],
        ["new"],
        ["sample", "--nope", "x"],
    ],
)
def test_wrong_usage_exits_2(args: list[str]) -> None:
    result = run(*args)
    assert_one_clear_line(result, 2)
    assert len(result.stderr.strip().splitlines()) == 1


def test_sample_into_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder.personamap"
    assert_one_clear_line(run("sample", str(target)), 1, "does not exist")


def test_a_reader_that_leaves_early_is_no_error(tmp_path: Path) -> None:
    """`personamap check FILE | head`: the reader is gone before we print; no traceback."""
    target = tmp_path / "s.personamap"
    assert run("sample", str(target)).returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "personamap.cli", "check", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # long before the child has loaded and printed anything
    stderr = proc.stderr.read()
    assert proc.wait(60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
