"""The fast integrity check (ids collected by plan) must say exactly what the full walk says,
on sound and on broken projects."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personamap.io import load
from personamap.model import Project
from personamap.model.entity_ids import entity_ids
from personamap.model.integrity import _full_problems, problems, walk_entities


def test_entity_ids_match_walk_entities(golden_path: Path) -> None:
    project = load(golden_path)
    assert sorted(entity_ids(project)) == sorted(e.id for _, e in walk_entities(project))
    assert len(entity_ids(project)) == 55


def _ids_in(data: object) -> list[str]:
    if isinstance(data, dict):
        return [v for k, v in data.items() if k == "id"] + [i for v in data.values() for i in _ids_in(v)]
    if isinstance(data, list):
        return [i for v in data for i in _ids_in(v)]
    return []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_same_problems_as_the_model(golden_bytes: bytes, data: st.DataObject) -> None:
    """Break the golden project by copying ids over others and pointing references anywhere."""
    raw = json.loads(golden_bytes)
    raw.pop("format"), raw.pop("schema_version")
    text = json.dumps(raw)
    ids = sorted(set(_ids_in(raw)))
    for _ in range(data.draw(st.integers(0, 3))):
        old = data.draw(st.sampled_from(ids))
        new = data.draw(st.sampled_from([*ids, str(uuid.UUID(int=data.draw(st.integers(0, 9)), version=4))]))
        count = data.draw(st.integers(1, 3))
        text = text.replace(old, new, count)
    project = Project.model_validate_json(text)
    assert problems(project) == _full_problems(project)


@pytest.mark.parametrize("where", ["personas", "journeys"])
def test_duplicate_ids_fall_back_to_the_full_report(golden_path: Path, where: str) -> None:
    project = load(golden_path)
    first = getattr(project, where)[0]
    clone = first.model_copy()
    broken = project.model_copy(update={where: [first, clone]})
    assert problems(broken) == _full_problems(broken)
    assert any("duplicate id" in p.message for p in problems(broken))
