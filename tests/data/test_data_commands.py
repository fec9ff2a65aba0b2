"""`personamap data segment` and `personamap data refresh`, run as scripts run them: exact
command lines, the JSON shapes the issue gives, exit codes, and a project left untouched by any
failure. No Qt."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from personamap.io import load

CONTRACTS = ["Month-to-month", "One year", "Two year"]
SERVICES = ["Fiber optic", "DSL", "None"]


def telco_rows(n: int, seed: int, *, shift: bool = False) -> list[list[str]]:
    """Three customer groups; with `shift`, the next wave: the first group's charges rise by a
    fifth and a third of it moves to one-year contracts."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        group = i % 3
        contract = CONTRACTS[group] if rng.random() < 0.9 else CONTRACTS[(group + 1) % 3]
        if shift and group == 0 and rng.random() < 0.5:
            contract = "One year"
        charges = [85.0, 55.0, 25.0][group] + rng.normal(0, 5)
        if shift and group == 0:
            charges *= 1.2
        tenure = [6, 30, 60][group] + int(rng.integers(0, 6))
        rows.append(
            [
                f"customer{i}@example.com",
                f"+49 151 {1000000 + i}",
                contract,
                SERVICES[group] if rng.random() < 0.85 else SERVICES[(group + 2) % 3],
                str(tenure),
                f"{charges:.2f}",
                "Yes" if (group == 0) == (rng.random() < 0.7) else "No",
                str(int(rng.integers(22, 70))),
                ["Female", "Male"][int(rng.integers(0, 2))],
            ]
        )
    return rows


HEADER = [
    "Email",
    "Phone",
    "Contract",
    "InternetService",
    "tenure",
    "MonthlyCharges",
    "Churn",
    "Age",
    "gender",
]


def write_table(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.personamap"
    assert run("new", str(path), "--template", "blank").returncode == 0
    return path


def segment(project: Path, table: Path, *extra: str) -> dict:
    result = run(
        "data", "segment", str(project), "--data", str(table), "--k", "3", "--seed", "7", "--json", *extra
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_segment_adds_a_source_and_draft_personas_in_the_documented_shape(
    tmp_path: Path, project: Path
) -> None:
    rows = telco_rows(600, seed=1)
    table = write_table(tmp_path / "telco.csv", rows)
    out = segment(project, table)
    assert set(out) == {"source", "rows_used", "segments", "quality"}
    assert out["rows_used"] == 600
    assert set(out["quality"]) == {"k", "silhouette", "stability"} and out["quality"]["k"] == 3
    assert len(out["segments"]) == 3
    assert abs(sum(s["share"] for s in out["segments"]) - 100) < 0.5
    for seg in out["segments"]:
        assert {"persona_id", "name", "n", "share", "distinguishing"} <= set(seg)
        for d in seg["distinguishing"]:
            assert {"column", "value", "share_in_segment", "share_overall"} <= set(d)
    # the three groups are found: each segment is apart by its own contract type
    contracts = {
        d["value"] for s in out["segments"] for d in s["distinguishing"] if d["column"] == "Contract"
    }
    assert contracts == set(CONTRACTS)

    saved = load(project)
    source = saved.sources[-1]
    assert source.id == out["source"]["id"] and source.dataset is not None
    assert source.dataset.file_name == "telco.csv" and source.dataset.rows == 600
    assert len(source.dataset.sha256) == 64
    by_id = {p.id: p for p in saved.personas}
    for seg in out["segments"]:
        persona = by_id[seg["persona_id"]]
        assert persona.name == seg["name"]
        assert persona.lifecycle.status.value == "draft"
        cited = {ref for c in persona.citations for ref in c.evidence_ids}
        assert source.id in cited
    board = saved.boards[-1]
    assert board.name == "Personas from telco.csv"
    on_board = [e.persona_id for e in board.elements if e.type == "persona_card"]
    assert on_board == [s["persona_id"] for s in out["segments"]]

    text = project.read_text(encoding="utf-8")
    for row in rows:
        assert row[0] not in text and row[1] not in text  # no e-mail, no phone number
    roles = {c["name"]: c["role"] for c in out["source"]["columns"]}
    assert roles["Email"] == "personal" and roles["Phone"] == "personal"


def test_the_same_seed_gives_the_same_segments(tmp_path: Path) -> None:
    table = write_table(tmp_path / "telco.csv", telco_rows(300, seed=2))
    results = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.personamap"
        assert run("new", str(path), "--template", "blank").returncode == 0
        out = segment(path, table)
        results.append([(s["name"], s["n"], s["distinguishing"]) for s in out["segments"]])
    assert results[0] == results[1]


def test_refresh_reports_no_drift_on_the_same_wave_and_the_drift_of_a_shifted_one(
    tmp_path: Path, project: Path
) -> None:
    first = write_table(tmp_path / "wave1.csv", telco_rows(900, seed=3))
    out = segment(project, first)
    month_to_month = next(
        s["persona_id"]
        for s in out["segments"]
        if any(d["value"] == "Month-to-month" for d in s["distinguishing"])
    )

    result = run("data", "refresh", str(project), "--data", str(first), "--json")
    assert result.returncode == 0, result.stderr
    same = json.loads(result.stdout)
    assert set(same) == {"personas"}
    for persona in same["personas"]:
        assert {"persona_id", "name", "share_before", "share_now", "drift"} <= set(persona)
        assert persona["share_before"] == persona["share_now"] and persona["drift"] == []

    second = write_table(tmp_path / "wave2.csv", telco_rows(900, seed=4, shift=True))
    result = run("data", "refresh", str(project), "--data", str(second), "--json")
    assert result.returncode == 0, result.stderr
    moved = {p["persona_id"]: p for p in json.loads(result.stdout)["personas"]}
    changes = {(d["column"], d["change"]) for d in moved[month_to_month]["drift"]}
    assert ("MonthlyCharges", "mean-moved") in changes
    saved = load(project)
    assert len(saved.sources[-1].dataset.waves) == 3
    assert all(p.lifecycle.last_reviewed is None for p in saved.personas if p.id in moved)


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["--data", "{missing}"], 1, "missing.csv"),
        (["--data", "{table}", "--k", "many"], 2, "--k"),
        (["--data", "{table}", "--columns", "Email,Contract"], 1, "personal"),
        (["--data", "{table}", "--columns", "Nope"], 1, "Nope"),
        (["--data", "{empty}"], 1, "empty.csv"),
    ],
)
def test_bad_input_exits_with_one_line_and_leaves_the_project_untouched(
    tmp_path: Path, project: Path, args: list[str], code: int, fragment: str
) -> None:
    table = write_table(tmp_path / "telco.csv", telco_rows(60, seed=5))
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    before = project.read_bytes()
    paths = {
        "table": str(table),
        "missing": str(tmp_path / "missing.csv"),
        "empty": str(tmp_path / "empty.csv"),
    }
    result = run("data", "segment", str(project), *[a.format(**paths) for a in args])
    assert result.returncode == code, result.stderr
    assert fragment in result.stderr and "Traceback" not in result.stderr
    assert project.read_bytes() == before


def test_refresh_without_a_data_source_is_refused(tmp_path: Path, project: Path) -> None:
    table = write_table(tmp_path / "telco.csv", telco_rows(60, seed=6))
    before = project.read_bytes()
    result = run("data", "refresh", str(project), "--data", str(table))
    assert result.returncode == 1 and "no data source" in result.stderr
    assert project.read_bytes() == before
