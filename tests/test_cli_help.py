"""`personamap --help` tells a user how to open a file and how to present it, not only the
commands; a command's own help and errors still name just that command."""

from __future__ import annotations

import contextlib
import io

import pytest

from personamap.cli import main


def help_of(*args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as done:
        main(list(args))
    assert done.value.code == 0
    return out.getvalue()


def test_help_shows_opening_a_file_and_presenting_it() -> None:
    text = help_of("--help")
    usage = text.split("\n\n")[0]
    assert "personamap [FILE] [--present]" in usage and "personamap COMMAND" in usage
    lines = text.splitlines()
    assert any(line.split()[:2] == ["personamap", "FILE"] and "open" in line for line in lines)
    assert any("FILE --present" in line and "present" in line.split("--present", 1)[1] for line in lines)
    for command in ("sample", "new", "templates", "check", "export"):
        assert f"    {command}" in text


def test_help_after_a_file_explains_the_editor_options() -> None:
    text = help_of("project.personamap", "--help")
    assert "--present" in text and "FILE" in text and "the project to open" in text


def test_a_command_keeps_its_own_name_in_usage_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert help_of("sample", "--help").startswith("usage: personamap sample ")
    assert main(["check"]) == 2
    assert capsys.readouterr().err.startswith("personamap check: ")
