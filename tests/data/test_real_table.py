"""A real customer table (Bank Marketing, UCI, CC BY 4.0: tests/data/fixtures/README.md) read,
profiled, segmented into draft personas and saved, checked for what a marketer would expect of
such a first draft. No Qt."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from personamap.data.commands import data_segment
from personamap.data.profile import profile
from personamap.data.read import read_table
from personamap.io import load, save
from personamap.model import Project

BANK = Path(__file__).parent / "fixtures" / "bank-marketing-sample.csv"
COLUMNS = ["age", "job", "marital", "education", "balance", "housing", "loan", "deposit"]


def test_the_bank_table_reads_with_the_types_a_person_would_give() -> None:
    data = profile(read_table(BANK))
    assert data["rows"] == 1200 and len(data["columns"]) == 17
    types = {c["name"]: c["type"] for c in data["columns"]}
    assert types["age"] == types["balance"] == types["duration"] == "numeric"
    assert types["job"] == types["marital"] == types["deposit"] == "categorical"
    assert not any(c["personal"] for c in data["columns"])
    balance = next(c for c in data["columns"] if c["name"] == "balance")
    assert balance["missing"] >= 1  # the published edition has gaps; they are counted, not refused


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Project]:
    path = tmp_path_factory.mktemp("bank") / "bank.personamap"
    save(Project(title="Bank"), path, backup=False)
    out = data_segment(path, BANK, columns=COLUMNS, k=4, seed=1)
    return out, load(path)


def test_four_segments_that_read_like_customer_groups(drafted: tuple[dict, Project]) -> None:
    out, _project = drafted
    segments = out["segments"]
    assert len(segments) == 4 and out["rows_used"] == 1200
    assert sum(s["n"] for s in segments) == 1200

    def top(seg: dict, column: str) -> dict | None:
        return next((d for d in seg["distinguishing"] if d["column"] == column), None)

    older = [s for s in segments if (d := top(s, "age")) and d["share_in_segment"] > 55]
    assert older, "one segment is the older customers"
    assert any(d["column"] == "job" and d["value"] == "retired" for d in older[0]["distinguishing"])
    marital = [top(s, "marital") for s in segments]
    assert any(d and d["value"] == "single" and d["share_in_segment"] > 90 for d in marital)


def test_each_draft_persona_is_filled_from_the_data_and_cites_it(drafted: tuple[dict, Project]) -> None:
    out, project = drafted
    source = project.sources[-1]
    for seg in out["segments"]:
        persona = project.persona(seg["persona_id"])
        assert persona is not None and persona.lifecycle.status.value == "draft"
        assert re.fullmatch(r"\d\d–\d\d", persona.demographics.age)
        assert persona.role and persona.demographics.education and persona.tagline
        figure = next(v for v in persona.value_figures if "balance" in v.label)
        assert figure.value is not None and source.id in figure.evidence_ids
        cited = {c.field for c in persona.citations if source.id in c.evidence_ids}
        assert {"demographics.age", "demographics.education", "role", "tagline"} <= cited
        profile_lines = [i.text for s in persona.custom_sections for i in s.items]
        assert profile_lines[0].startswith(f"n = {seg['n']:,}")


def test_the_saved_source_holds_aggregates_not_rows(drafted: tuple[dict, Project]) -> None:
    _out, project = drafted
    dataset = project.sources[-1].dataset
    assert dataset is not None and dataset.rows == 1200 and dataset.columns_read == 17
    wave = dataset.waves[0]
    for column in ("job", "marital"):
        figures = [c for seg in wave.segments for c in seg.columns if c.column == column]
        counted = sum(level.count for c in figures for level in c.levels)
        assert counted == 1200  # counts of every answer, in all
    numbers = [c for seg in wave.segments for c in seg.columns]
    stored_numbers = sum(1 for c in numbers for q in (c.mean, c.q10, c.q50, c.q90) if q is not None)
    assert stored_numbers < 100  # a handful of figures per segment, nowhere near 1,200 balances
