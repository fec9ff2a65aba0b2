"""Control characters never reach the terminal: `personamap` prints titles, names, file names
and reasons with C0/C1 codes, newlines and bidi overrides escaped, so one message cannot look
like two, rewrite the line or recolour the terminal. Run as a user runs it, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from personamap.io import load, save
from personamap.resources import sample_path
from personamap.terminal import UNSAFE, escape

HOSTILE = "Evil\x9b31mRED\x9b0m\x85FAKE: valid\u2028\u202egpj.exe\u2066"
"""What a single-line field may hold (the model refuses C0 there): C1 CSI colour codes, C1 NEL
and a line separator (a forged second line), a right-to-left override, an isolate. File names
carry the C0 codes: ESC sequences, newlines, BEL."""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=120,
        env=env,
    )


def raw_unsafe(output: str) -> list[str]:
    """Unsafe characters in the output other than the line breaks between messages."""
    return [c for line in output.split("\n") for c in UNSAFE.findall(line)]


def hostile_project(folder: Path) -> Path:
    project = load(sample_path())
    project.title = HOSTILE
    for persona in project.personas:
        persona.name = f"{persona.name} {HOSTILE}"
    path = folder / "x\x1b[2Jname\n\u202eevil.personamap"
    save(project, path, backup=False)
    return path


def test_escape_keeps_text_and_escapes_controls() -> None:
    assert escape("Zoë “quoted” × العربية 日本") == "Zoë “quoted” × العربية 日本"
    assert escape("a\x1bb\nc\u202ed\x9be") == "a\\x1bb\\nc\\u202ed\\x9be"
    assert UNSAFE.findall(HOSTILE) and UNSAFE.findall(escape(HOSTILE)) == []


def test_check_escapes_title_names_and_file_name(tmp_path: Path) -> None:
    path = hostile_project(tmp_path)
    result = run("check", str(path))
    assert result.returncode == 0, result.stderr
    assert raw_unsafe(result.stdout) == []
    lines = result.stdout.splitlines()
    overdue = [line for line in lines if line.startswith("  review overdue: ")]
    assert overdue, "the sample has personas overdue for review"
    assert all(escape(HOSTILE) in line for line in overdue)
    assert lines[0] == f"{escape(str(path))}: valid personamap project “{escape(HOSTILE)}”"
    assert not any(line.startswith("FAKE") for line in lines), "no forged line"


def test_check_json_escapes_but_reads_back_exactly(tmp_path: Path) -> None:
    path = hostile_project(tmp_path)
    result = run("check", "--json", str(path))
    assert result.returncode == 0, result.stderr
    assert raw_unsafe(result.stdout) == []
    summary = json.loads(result.stdout)
    assert summary["title"] == HOSTILE and summary["file"] == str(path)


def test_errors_about_hostile_files_are_one_escaped_line(tmp_path: Path) -> None:
    missing = tmp_path / "gone\nFAKE: valid\x1b[31m.personamap"
    result = run("check", str(missing))
    assert result.returncode == 1
    assert raw_unsafe(result.stderr) == []
    (line,) = result.stderr.splitlines()
    assert escape(str(missing)) in line

    bad = tmp_path / "bad\x1b]0;title\x07.personamap"
    bad.write_text('{"format": "personamap", "schema_version": 1, "title": "\\u001b[31m', encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert raw_unsafe(result.stderr) == []
    assert all(line.startswith(escape(str(bad))) for line in result.stderr.splitlines())


def test_paths_the_user_typed_are_escaped_in_every_message(tmp_path: Path) -> None:
    sample = tmp_path / "sample.personamap"
    assert run("sample", str(sample)).returncode == 0
    for args in (
        [str(tmp_path / "no\x1b[2J\nFAKE: opened\u202e.personamap")],  # open: no such file
        ["export", str(sample), "--out", str(tmp_path / "gone\x1b]0;x\x07\n" / "a.pdf")],
        ["sample", str(tmp_path / "dir\r\x1b[1A")],  # wrote it: the success message too
    ):
        result = run(*args)
        output = result.stdout + result.stderr
        assert raw_unsafe(output) == [], (args, output)
        (line,) = output.splitlines()
        assert "\\x1b" in line, line
