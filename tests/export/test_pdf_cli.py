"""`personamap export` run as a user runs it: a subprocess with no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_helpers import contains, make_project, pdf_text
from pypdf import PdfReader

from personamap.io import save


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", *args], capture_output=True, text=True, timeout=120, env=env
    )


@pytest.fixture(scope="module")
def project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "ml.personamap"
    save(make_project(), path, backup=False)
    return path


def test_export_a_poster_and_report_warnings(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "poster.pdf"
    result = run(
        "export",
        str(project_file),
        "--format",
        "pdf",
        "--out",
        str(out),
        "--what",
        "persona:Ольга Смирнова",
        "--page-size",
        "18×24 in",
        "--orientation",
        "landscape",
        "--bleed",
        "3",
        "--crop-marks",
        "--grayscale",
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"Wrote 1 page to {out}" in result.stdout
    page = PdfReader(out).pages[0]
    assert abs(float(page.trimbox.width) - 24 * 72) < 0.6
    assert contains(pdf_text(out), "Ольга Смирнова")
    result = run("export", str(project_file), "--out", str(tmp_path / "all.pdf"))
    assert result.returncode == 0, result.stderr
    assert "warning: no installed font covers Emoji" in result.stderr or "Emoji" not in result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--what", "persona:Nobody"], "Ольга Смирнова"),
        (["--what", "board:nope"], "Wall"),
        (["--what", "journey:nope"], "Refund journey"),
        (["--what", "frobnicate"], "unknown --what"),
        (["--page-size", "B7"], "unknown page size"),
        (["--format", "tiff"], "invalid choice"),
        (["--format", "png"], "does not end in .png"),
        (["--what", "journey:Refund journey", "--tile", "3y"], "bad --tile"),
        (["--what", "persona:Ольга Смирнова", "--tile", "2x2"], "--tile spreads journey and board posters"),
        (["--what", "board:Wall", "--tile", "2y"], "bad --tile"),
        (["--what", "personas", "--tile", "auto"], "does not apply to --what 'personas'"),
        (["--bleed", "-1"], "--bleed"),
        (["--orientation", "sideways"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    project_file: Path, tmp_path: Path, args: list[str], fragment: str
) -> None:
    out = tmp_path / "x.pdf"
    result = run("export", str(project_file), "--out", str(out), *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and fragment in result.stderr
    assert not out.exists()


def test_bad_file_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.personamap"
    broken.write_text("{not json", encoding="utf-8")
    for path in (broken, tmp_path / "missing.personamap"):
        result = run("export", str(path), "--out", str(tmp_path / "x.pdf"))
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and str(path) in result.stderr
