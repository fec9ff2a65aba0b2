"""The golden file of each schema version must keep loading, and the current one must be
written back byte for byte: any accidental change of the file format fails here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from io_helpers import GOLDEN

from personamap.io import FORMAT_ID, SCHEMA_VERSION, dumps, load, loads
from personamap.io.images import image_info
from personamap.model import Connector, ImageElement, Quadrant
from personamap.model.integrity import problems


def test_every_schema_version_has_a_golden_file() -> None:
    for version in range(1, SCHEMA_VERSION + 1):
        assert (GOLDEN / f"schema-v{version}.personamap").is_file()


def test_current_golden_round_trips_byte_for_byte(golden_path: Path, golden_bytes: bytes) -> None:
    project = load(golden_path)
    assert dumps(project).encode("utf-8") == golden_bytes
    assert problems(project) == []


def test_golden_envelope_comes_first(golden_bytes: bytes) -> None:
    keys = list(json.loads(golden_bytes))
    assert keys[:4] == ["format", "schema_version", "id", "title"]
    envelope = f'{{\n  "format": "{FORMAT_ID}",\n  "schema_version": {SCHEMA_VERSION},\n'
    assert golden_bytes.startswith(envelope.encode())
    assert golden_bytes.endswith(b"}\n")
    assert "María".encode() in golden_bytes  # real UTF-8, not \u escapes


def test_golden_values(golden_path: Path) -> None:
    project = load(golden_path)
    maria, yosef = project.personas
    assert maria.name == "María Ortega 👩‍💼"
    assert yosef.name == "יוסף כהן"
    interview, survey, crm = project.sources
    assert interview.date == dt.date(2024, 4, 2) and survey.sample_size == 840
    assert maria.goals[0].evidence_ids == [interview.id, survey.id]
    assert crm.dataset is not None and crm.dataset.waves[0].segments[0].persona_id == maria.id
    assert crm.dataset.columns[2].role == "personal" and crm.dataset.segmentation is not None
    assert maria.psychographics.sliders[0].value == 25.5
    assert maria.citations[0].field == "demographics.age"
    assert project.created == dt.datetime(2024, 6, 3, 9, 30, tzinfo=dt.UTC)
    assert project.relations[0].source_id == yosef.id
    assert project.empathy_maps[0].notes_in(Quadrant.HEARS)[0].text == "Peers' opinions"
    journey = project.journeys[0]
    assert len(journey.steps()) == 3
    assert journey.score(maria.id, journey.stages[1].steps[0].id) == -2
    assert journey.emotions[1].evidence_ids == [interview.id, crm.id]
    assert journey.notes[2].text == "Side-by-side\ncomparison"
    types = [e.type for e in project.boards[0].elements]
    assert types == [
        "persona_card",
        "persona_card",
        "empathy_map",
        "journey_map",
        "note",
        "text",
        "image",
        "connector",
    ]
    image = project.boards[0].elements[6]
    assert isinstance(image, ImageElement)
    asset = project.asset(image.asset_id)
    assert asset is not None and image_info(asset.raw()) == ("image/png", 2, 2)
    connector = project.boards[0].elements[7]
    assert isinstance(connector, Connector) and connector.relation_id == project.relations[0].id


def test_golden_through_the_careful_reader(golden_bytes: bytes) -> None:
    """Re-indented, the file misses the fast path; the careful reader must agree with it."""
    reindented = json.dumps(json.loads(golden_bytes), indent=4, ensure_ascii=True)
    assert loads(reindented) == loads(golden_bytes)


def test_the_version_1_golden_file_still_loads_migrated() -> None:
    """Frozen v1 files keep loading: the evidence each persona carried is now the library."""
    v1 = GOLDEN / "schema-v1.personamap"
    project = load(v1)
    assert problems(project) == []
    maria = project.personas[0]
    assert [s.title for s in project.sources] == ["Interviews, spring", "NPS survey"]
    assert project.sources[0].date == dt.date(2024, 4, 2)
    assert maria.goals[0].evidence_ids == [s.id for s in project.sources]
    old = json.loads(v1.read_bytes())
    for source, evidence in zip(project.sources, old["personas"][0]["evidence"], strict=True):
        dumped = source.model_dump(mode="json")
        assert {k: dumped[k] for k in evidence} == evidence  # every field kept as written
    assert dumps(project).startswith(f'{{\n  "format": "{FORMAT_ID}",\n  "schema_version": {SCHEMA_VERSION},')
