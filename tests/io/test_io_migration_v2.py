"""Schema 1 → 2: the evidence each persona carried becomes the project's research library, with
nothing lost — every source whole, every citation still naming the source it meant."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from io_helpers import GOLDEN

from personamap.io import FORMAT_ID, SCHEMA_VERSION, dumps, load, loads
from personamap.io.migrations import migrate
from personamap.model import Project, problems
from personamap.model.integrity import walk_entities

V1_EVIDENCE = GOLDEN / "v1-evidence.personamap"

Raw = dict[str, Any]


def _v1() -> Raw:
    return json.loads(V1_EVIDENCE.read_bytes())


def _refs(node: Any) -> list[str]:
    """Every evidence id cited below a JSON node, in document order."""
    if isinstance(node, dict):
        out = list(node.get("evidence_ids", []))
        for key, value in node.items():
            if key != "evidence_ids":
                out += _refs(value)
        return out
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


def _cites(node: Any) -> dict[str, list[str]]:
    """Entity id -> the evidence ids it cites, for every citing entity below a JSON node."""
    out: dict[str, list[str]] = {}
    if isinstance(node, dict):
        if "evidence_ids" in node:
            out[node["id"]] = list(node["evidence_ids"])
        for value in node.values():
            out |= _cites(value)
    elif isinstance(node, list):
        for value in node:
            out |= _cites(value)
    return out


def _titled(cites: dict[str, list[str]], titles: dict[str, str]) -> dict[str, list[str]]:
    return {ident: [titles[r] for r in refs] for ident, refs in cites.items()}


def test_the_v1_evidence_golden_loads_with_every_source_and_citation() -> None:
    old = _v1()
    project = load(V1_EVIDENCE)
    assert problems(project) == []
    evidence = [e for p in old["personas"] for e in p["evidence"]]
    assert len(project.sources) == len(evidence) == 5
    for source, e in zip(project.sources, evidence, strict=True):
        dumped = source.model_dump(mode="json")
        assert {k: dumped[k] for k in e if k != "id"} == {k: v for k, v in e.items() if k != "id"}
    lena, omar = old["personas"]
    dup = lena["evidence"][2]["id"]
    assert omar["evidence"][1]["id"] == dup  # the same id in both personas
    ids = [s.id for s in project.sources]
    assert ids[:4] == [e["id"] for e in evidence[:4]]  # the first keeps its id
    renamed = str(uuid.uuid5(uuid.NAMESPACE_OID, f"{omar['id']}/{dup}"))
    assert ids[4] == renamed and len(set(ids)) == 5
    titles = {s.id: s.title for s in project.sources}
    new = json.loads(dumps(project))
    for before, after in zip(old["personas"], new["personas"], strict=True):
        own = {e["id"]: e["title"] for e in before["evidence"]}
        # each entry cites sources with the titles of the evidence it cited in v1, in order
        assert _titled(_cites(after), titles) == _titled(_cites(before), own)
        assert "evidence" not in after
    assert _refs(new["journeys"]) == _refs(old["journeys"])  # notes keep naming the first
    assert _refs(new["empathy_maps"]) == _refs(old["empathy_maps"])


def test_saving_a_migrated_file_writes_version_2() -> None:
    project = load(V1_EVIDENCE)
    text = dumps(project)
    assert text.startswith(f'{{\n  "format": "{FORMAT_ID}",\n  "schema_version": 2,\n')
    assert SCHEMA_VERSION == 2
    keys = list(json.loads(text))
    assert keys.index("sources") == keys.index("relations") + 1
    assert loads(text) == project


def test_the_migration_is_deterministic_and_leaves_its_input_alone() -> None:
    raw = _v1()
    del raw["format"], raw["schema_version"]
    kept = copy.deepcopy(raw)
    assert migrate(raw, 1, to_version=2) == migrate(raw, 1, to_version=2)
    assert raw == kept


def test_a_repeat_within_one_persona_is_renamed_without_moving_its_citations() -> None:
    a, persona = str(uuid.uuid4()), str(uuid.uuid4())
    raw = {
        "personas": [
            {
                "id": persona,
                "goals": [{"id": str(uuid.uuid4()), "evidence_ids": [a]}],
                "evidence": [{"id": a, "title": "first"}, {"id": a, "title": "second"}],
            }
        ]
    }
    out = migrate(raw, 1, to_version=2)
    first, second = out["sources"]
    assert first["id"] == a and second["id"] != a
    assert out["personas"][0]["goals"][0]["evidence_ids"] == [a]


def test_odd_shapes_are_left_for_validation_to_name() -> None:
    assert migrate({"personas": "nope"}, 1, to_version=2) == {"personas": "nope"}
    out = migrate({"personas": [3, {"evidence": "x"}]}, 1, to_version=2)
    assert out["personas"] == [3, {"evidence": "x"}] and out["sources"] == []
    bad = _v1()
    bad["personas"][1]["evidence"] = {"not": "a list"}
    text = json.dumps(bad)
    try:
        loads(text)
    except Exception as exc:  # refused with a place, never a crash
        assert "personas[1].evidence" in str(exc)
    else:
        raise AssertionError("a persona with non-list evidence must be refused")


# --- random v1 evidence layouts ----------------------------------------------------------

_POOL = [str(uuid.UUID(int=k + 1, version=4)) for k in range(6)]
"""A small id pool, so evidence ids repeat across personas as often as not."""


@st.composite
def v1_projects(draw: st.DrawFn) -> Raw:
    personas = []
    for _ in range(draw(st.integers(1, 4))):
        ids = draw(st.lists(st.sampled_from(_POOL), max_size=4, unique=True))
        evidence = [{"id": e, "title": f"t{draw(st.integers(0, 999))}"} for e in ids]

        def cites(ids: list[str] = ids) -> list[str]:
            return draw(st.lists(st.sampled_from(ids), max_size=3, unique=True)) if ids else []

        personas.append(
            {
                "id": str(uuid.uuid4()),
                "goals": [{"id": str(uuid.uuid4()), "text": "g", "evidence_ids": cites()} for _ in range(2)],
                "quotes": [{"id": str(uuid.uuid4()), "text": "q", "evidence_ids": cites()}],
                "psychographics": {"sliders": [{"id": str(uuid.uuid4()), "evidence_ids": cites()}]},
                "channels": [{"id": str(uuid.uuid4()), "evidence_ids": cites()}],
                "value_figures": [{"id": str(uuid.uuid4()), "evidence_ids": cites()}],
                "citations": [{"id": str(uuid.uuid4()), "field": "role", "evidence_ids": cites()}],
                "evidence": evidence,
            }
        )
    return {"format": FORMAT_ID, "schema_version": 1, "title": "random", "personas": personas}


@settings(max_examples=150, deadline=None)
@given(v1_projects())
def test_random_v1_layouts_migrate_with_no_source_lost_and_no_citation_dangling(raw: Raw) -> None:
    project = loads(json.dumps(raw))
    assert isinstance(project, Project) and problems(project) == []
    evidence = [e for p in raw["personas"] for e in p["evidence"]]
    assert [s.title for s in project.sources] == [e["title"] for e in evidence]
    assert len({s.id for s in project.sources}) == len(project.sources)
    titles = {s.id: s.title for s in project.sources}
    for before, after in zip(raw["personas"], project.personas, strict=True):
        own = {e["id"]: e["title"] for e in before["evidence"]}
        cited_after = {
            e.id: list(e.evidence_ids) for _loc, e in walk_entities(after) if hasattr(e, "evidence_ids")
        }
        assert _titled(cited_after, titles) == _titled(_cites(before), own)
