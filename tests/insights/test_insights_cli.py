"""`personamap insights`, run as a user runs it: in a subprocess, the JSON keys exact, the
tables readable, a file that does not load refused with exit code 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from personamap.io import save
from personamap.model import (
    BuyingRole,
    EmotionScore,
    Firmographics,
    JourneyMap,
    JourneyNote,
    Lane,
    LaneKind,
    Persona,
    Project,
    Relation,
    RelationKind,
    Stage,
)
from personamap.resources import sample_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", "insights", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_sample_json_shape() -> None:
    result = run(str(sample_path()), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["coverage", "evidence", "committee"]
    assert len(data["coverage"]) == 12  # two journeys of six stages
    row = data["coverage"][0]
    counted = ("touchpoints", "pain_points", "opportunities", "notes", "personas_scored")
    assert set(row) >= {"journey", "stage", *counted}
    assert row["journey"] == "Get my first expense report approved and paid"
    assert row["stage"] == "Travel & spend"
    assert data["evidence"][0]["persona"] == "Priya Raman"
    assert all(set(r) >= {"persona", "persona_id", "coverage", "kinds"} for r in data["evidence"])
    assert all(0 <= r["coverage"] <= 1 and r["kinds"] for r in data["evidence"])
    committee = data["committee"]
    assert list(committee) == ["centrality", "paths", "blockers"]
    assert all(set(c) >= {"persona", "persona_id", "score"} for c in committee["centrality"])
    assert [(p["from"], p["to"], p["path"]) for p in committee["paths"]] == [
        ("Priya Raman", "Dana Whitfield", ["Priya Raman", "Dana Whitfield"])
    ]
    assert [(b["persona"], b["blocks"]) for b in committee["blockers"]] == [
        ("Tomás Herrera", ["Priya Raman"])
    ]


def small(tmp_path: Path) -> Path:
    champ = Persona(name="Chris", firmographics=Firmographics(buying_role=BuyingRole.CHAMPION))
    gate = Persona(name="Bea\u202e", firmographics=Firmographics(buying_role=BuyingRole.BLOCKER))
    buyer = Persona(name="Eve", firmographics=Firmographics(buying_role=BuyingRole.ECONOMIC_BUYER))
    stage, pain = Stage(name="Pay"), Lane(kind=LaneKind.PAIN_POINTS)
    journey = JourneyMap(
        title="Buy",
        persona_ids=[champ.id, buyer.id],
        stages=[stage],
        lanes=[pain],
        notes=[JourneyNote(lane_id=pain.id, stage_id=stage.id, text="Slow", tags=["chris"])],
        emotions=[EmotionScore(persona_id=champ.id, step_id=stage.steps[0].id, score=-2)],
    )
    project = Project(
        personas=[champ, gate, buyer],
        relations=[
            Relation(source_id=champ.id, target_id=gate.id, kind=RelationKind.INFLUENCES),
            Relation(source_id=gate.id, target_id=buyer.id, kind=RelationKind.INFLUENCES),
        ],
        journeys=[journey],
    )
    path = tmp_path / "small.personamap"
    save(project, path)
    return path


def test_small_project_numbers(tmp_path: Path) -> None:
    data = json.loads(run(str(small(tmp_path)), "--json").stdout)
    [row] = data["coverage"]
    assert {k: row[k] for k in ("pain_points", "touchpoints", "notes", "personas_scored", "empty_for")} == {
        "pain_points": 1,
        "touchpoints": 0,
        "notes": 1,
        "personas_scored": 1,
        "empty_for": ["Eve"],
    }
    assert [p["path"] for p in data["committee"]["paths"]] == [["Chris", "Bea\u202e", "Eve"]]
    assert [(b["persona"], b["on_path"]) for b in data["committee"]["blockers"]] == [("Bea\u202e", True)]
    assert "\u202e" not in run(str(small(tmp_path)), "--json").stdout  # a bidi override, escaped


def test_text_tables(tmp_path: Path) -> None:
    result = run(str(small(tmp_path)))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\u202e" not in out and "Bea\\u202e" in out
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.strip().startswith("Stage"))
    titles = [
        "Stage",
        "Touchpoints",
        "Pain points",
        "Opportunities",
        "Notes",
        "Personas scored",
        "Nothing for",
    ]
    assert lines[header].strip().split("  ") == titles
    assert lines[header + 1].split() == ["Pay", "0", "1", "0", "1", "1", "Eve"]
    assert "    Chris → Bea\\u202e → Eve" in lines
    assert "  Blocker: Bea\\u202e stands on path 1" in lines


def test_a_file_that_does_not_load_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.personamap"
    bad.write_text("{ not json")
    result = run(str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and str(bad) in result.stderr
    assert run(str(tmp_path / "missing.personamap")).returncode == 1
