"""`personamap export --format mermaid|markdown|html|csv`: each format reaches its engine, the
file is replaced whole, and a wrong --what, flag or folder fails with one line and its code."""

from __future__ import annotations

from pathlib import Path

import pytest

from personamap.cli import main
from personamap.io import load
from personamap.resources import sample_path

SAMPLE = str(sample_path())


def export(tmp_path: Path, fmt: str, what: str, name: str) -> tuple[int, Path]:
    out = tmp_path / name
    return main(["export", SAMPLE, "--format", fmt, "--what", what, "--out", str(out)]), out


@pytest.mark.parametrize(
    ("fmt", "what", "name", "start"),
    [
        ("mermaid", "journey:Close the month in three days", "close.mmd", "journey"),
        ("csv", "personas", "personas.csv", "\ufeff"),
        ("markdown", "journeys", "journeys.md", "# Ledgerly"),
        ("html", "all", "book.html", "<!DOCTYPE html>"),
    ],
)
def test_each_format_writes_its_file(tmp_path: Path, fmt: str, what: str, name: str, start: str) -> None:
    code, out = export(tmp_path, fmt, what, name)
    assert code == 0
    text = out.read_bytes().decode("utf-8")
    assert text.startswith(start)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_mermaid_and_csv_refuse_what_they_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(tmp_path, "mermaid", "personas", "p.mmd")[0] == 2
    assert "Mermaid shows journeys" in capsys.readouterr().err
    assert export(tmp_path, "csv", "all", "all.csv")[0] == 2
    assert "one table" in capsys.readouterr().err
    assert export(tmp_path, "csv", "journey:Nope", "x.csv")[0] == 2
    err = capsys.readouterr().err
    assert "Close the month in three days" in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_votes_as_csv_is_still_the_vote_report(tmp_path: Path) -> None:
    code, out = export(tmp_path, "csv", "votes", "votes.csv")
    assert code == 0
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")  # the old report, not a persona table


def test_an_existing_file_is_replaced_and_bad_places_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "share.md"
    out.write_text("old", encoding="utf-8")
    assert main(["export", SAMPLE, "--format", "markdown", "--out", str(out)]) == 0
    project = load(sample_path())
    assert all(p.name in out.read_text(encoding="utf-8") for p in project.personas)
    assert main(["export", SAMPLE, "--format", "markdown", "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["export", SAMPLE, "--format", "markdown", "--out", str(tmp_path / "no" / "x.md")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert (
        main(["export", SAMPLE, "--format", "csv", "--what", "personas", "--dpi", "300", "--out", str(out)])
        == 2
    )
    assert "--dpi" in capsys.readouterr().err
