"""`personamap data profile`, run as other tools run it: in a subprocess, JSON keys exact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from data_tables import HEADER, csv_text, survey_rows, write


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", "data", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.fixture
def survey(tmp_path: Path) -> tuple[Path, list[list[str]]]:
    rows = survey_rows(30)
    for i, row in enumerate(rows):
        row[0] = f"+44 20 7946 {i:04d}"  # a phone number where an id was: flagged by content
    return write(tmp_path / "survey.csv", csv_text(rows, ";", decimal_comma=True), "cp1252"), rows


def test_json_profile_keys_and_no_personal_value(survey: tuple[Path, list[list[str]]]) -> None:
    path, rows = survey
    result = run("profile", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert list(data)[:2] == ["rows", "columns"]
    assert data["rows"] == 30
    assert [c["name"] for c in data["columns"]] == HEADER
    for column in data["columns"]:
        assert list(column)[:4] == ["name", "type", "missing", "personal"]
    by_name = {c["name"]: c for c in data["columns"]}
    assert by_name["Plan"]["type"] == "categorical"
    assert by_name["Plan"]["top"] == [
        {"value": "Basic", "count": 10},
        {"value": "Pro", "count": 10},
        {"value": "Équipe", "count": 10},
    ]
    assert by_name["Âge"]["type"] == "numeric"
    ages = sorted(float(r[2]) for r in rows)
    assert (by_name["Âge"]["min"], by_name["Âge"]["max"]) == (ages[0], ages[-1])
    assert by_name["Monthly spend"]["max"] == pytest.approx(max(float(r[7]) for r in rows))
    assert by_name["Channels"]["type"] == "multi-select"
    assert by_name["Signed up"]["first"] == min(r[5] for r in rows)
    assert by_name["Comment"]["missing"] == 5 and "top" not in by_name["Comment"]
    personal = {c["name"] for c in data["columns"] if c["personal"]}
    assert personal == {"Respondent ID", "E-mail"}
    assert "phone" in by_name["Respondent ID"]["personal_reason"]
    assert "e-mail" in by_name["E-mail"]["personal_reason"]
    for column in personal:
        assert set(by_name[column]) == {"name", "type", "missing", "personal", "personal_reason"}
    _assert_no_personal_value(result.stdout, rows)


def test_readable_profile_hides_personal_values(survey: tuple[Path, list[list[str]]]) -> None:
    path, rows = survey
    result = run("profile", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}: 30 rows, 9 columns")
    assert "cp1252" in lines[0] and "semicolon" in lines[0]
    plan = next(line for line in lines if line.strip().startswith("Plan "))
    assert "categorical" in plan and "Basic 10" in plan
    assert sum("PERSONAL, values hidden" in line for line in lines) == 2
    _assert_no_personal_value(result.stdout, rows)
    assert "Answer 1" not in result.stdout  # free text can hold names: never shown
    assert sorted(p.name for p in path.parent.iterdir()) == ["survey.csv"]  # nothing written


def _assert_no_personal_value(output: str, rows: list[list[str]]) -> None:
    for row in rows:
        assert row[0] not in output and row[1] not in output
        assert row[1].split("@")[0] not in output


def test_xlsx_sheet_option(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["x"])
    sheet = book.create_sheet("Wave 2")
    sheet.append(["plan", "score"])
    for i in range(4):
        sheet.append([["A", "B"][i % 2], i * 1.5])
    path = tmp_path / "w.xlsx"
    book.save(path)
    data = json.loads(run("profile", str(path), "--sheet", "Wave 2", "--json").stdout)
    assert data["rows"] == 4 and data["sheet"] == "Wave 2"
    assert [(c["name"], c["type"]) for c in data["columns"]] == [
        ("plan", "categorical"),
        ("score", "numeric"),
    ]
    missing = run("profile", str(path), "--sheet", "Wave 9")
    assert missing.returncode == 1
    assert missing.stderr == f"{path}: no sheet named 'Wave 9' (sheets: Notes, Wave 2)\n"


def test_bad_table_exit_1_one_line(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_bytes(b"a,b\n1,2\n3\n")
    result = run("profile", str(path), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"{path}: ragged rows: line 3 has 1 fields, the header has 2\n"


def test_hostile_names_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / "evil\x1b[31m\u202e.csv"
    path.write_bytes(b"pl\x1b]0;x\x07an,n\nA,1\nB,2\n")
    text = run("profile", str(path))
    assert text.returncode == 0, text.stderr
    assert "\x1b" not in text.stdout and "\u202e" not in text.stdout
    assert "\\x1b" in text.stdout and "\\u202e" in text.stdout
    as_json = run("profile", str(path), "--json")
    assert "\x1b" not in as_json.stdout and "\u202e" not in as_json.stdout
    assert json.loads(as_json.stdout)["columns"][0]["name"] == "pl\x1b]0;x\x07an"
    path.write_bytes(b"a\n1\n")
    bad = run("profile", str(path))
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "\x1b" not in bad.stderr


@pytest.mark.parametrize(
    "args",
    [["profile"], [], ["profile", "t.csv", "--bogus"], ["frobnicate", "t.csv"]],
)
def test_wrong_usage_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
