"""Persona ops: add, duplicate, remove with cascades, fields, list entries, citations, tags."""

from __future__ import annotations

import pytest
from factories import dataset_of, elements_of, persona_named, rich_project
from ophelp import refused, roundtrip

from personamap.model import Item, Persona, Priority, Project, Slider, problems
from personamap.model.ops import (
    add_entry,
    add_persona,
    add_tag,
    cite,
    duplicate_persona,
    move_entry,
    move_persona,
    remove_entry,
    remove_persona,
    remove_tag,
    set_persona_field,
    update_entry,
    update_persona,
)
from personamap.model.ops.address import walk

GHOST = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def project() -> Project:
    return rich_project()


def test_add_persona(project: Project) -> None:
    op = add_persona(project)
    assert op.name == "Add persona “New persona”"
    roundtrip(project, op)
    assert project.personas[-1].name == "New persona"
    roundtrip(project, add_persona(project, Persona(name="Zed"), index=0))
    assert project.personas[0].name == "Zed"


def test_duplicate_persona_has_new_ids_and_cites_the_same_sources(project: Project) -> None:
    anna = persona_named(project, "Anna")
    sources = len(project.sources)
    roundtrip(project, duplicate_persona(project, anna.id))
    twin = project.personas[1]
    assert twin.name == "Anna (copy)" and twin.id != anna.id
    old_ids = {e.id for _a, e in walk(anna)}
    new_ids = {e.id for _a, e in walk(twin)}
    assert not old_ids & new_ids
    assert twin.goals[0].evidence_ids == anna.goals[0].evidence_ids
    assert twin.citations[0].evidence_ids == anna.citations[0].evidence_ids
    assert twin.goals[0].text == anna.goals[0].text
    assert len(project.sources) == sources and problems(project) == []


def test_remove_persona_cascades(project: Project) -> None:
    anna = persona_named(project, "Anna")
    ben = persona_named(project, "Ben")
    op = remove_persona(project, anna.id)
    assert op.name == "Delete persona “Anna”"
    changes = roundtrip(project, op)
    assert anna.id in changes.removed
    assert project.persona(anna.id) is None
    board = project.boards[0]
    assert [c.persona_id for c in elements_of(board, "persona_card")] == [
        ben.id,
        persona_named(project, "Nora").id,
    ]
    assert elements_of(board, "connector") == []
    assert project.relations == []
    journey = project.journeys[0]
    assert journey.persona_ids == [ben.id]
    assert {e.persona_id for e in journey.emotions} == {ben.id}
    assert project.empathy_maps[0].persona_id is None
    assert len(project.sources) == 6  # the library keeps what Anna cited, and so do the notes
    assert any(n.evidence_ids for n in journey.notes)
    assert any(n.evidence_ids for n in project.empathy_maps[0].notes)
    assert problems(project) == []


def test_remove_persona_unlinks_dataset_segments_drafted_into_it(project: Project) -> None:
    anna, ben = persona_named(project, "Anna"), persona_named(project, "Ben")
    project.sources[0].dataset = dataset_of(anna.id, ben.id, anna.id)
    roundtrip(project, remove_persona(project, anna.id))
    data = project.sources[0].dataset
    assert data is not None
    assert [s.persona_id for w in data.waves for s in w.segments] == [None, ben.id, None]


def test_remove_persona_keeps_connector_but_drops_relation_link(project: Project) -> None:
    nora = persona_named(project, "Nora")
    anna = persona_named(project, "Anna")
    board = project.boards[0]
    cards = {c.persona_id: c for c in elements_of(board, "persona_card")}
    connector = elements_of(board, "connector")[0]
    connector.source_id = cards[nora.id].id  # the connector now joins Nora's and Anna's cards
    ben = persona_named(project, "Ben")
    roundtrip(project, remove_persona(project, ben.id))
    assert elements_of(board, "connector")[0].relation_id is None
    assert cards[anna.id] in board.elements


def test_move_persona(project: Project) -> None:
    nora = persona_named(project, "Nora")
    roundtrip(project, move_persona(project, nora.id, 0))
    assert project.personas[0] is nora


@pytest.mark.parametrize(
    ("path", "value", "name"),
    [
        ("name", "Anne", "Rename persona"),
        ("priority", Priority.NEGATIVE, "Edit priority"),
        ("demographics.age", "50+", "Edit age"),
        ("tags", ["x", "y"], "Edit tags"),
        ("story.bio", "Born in\nLeeds", "Edit bio"),
        ("behaviour.tech_proficiency", 4, "Edit tech proficiency"),
        ("photo_asset_id", None, "Set persona photo"),
        ("lifecycle.last_reviewed", "2024-06-01", "Edit last reviewed"),
    ],
)
def test_set_persona_field(project: Project, path: str, value: object, name: str) -> None:
    anna = persona_named(project, "Anna")
    op = set_persona_field(project, anna.id, path, value)
    assert op.name == name
    roundtrip(project, op)
    node: object = anna
    for part in path.split("."):
        node = getattr(node, part)
    assert str(node) == str(value) or node == value


def test_set_persona_field_refusals(project: Project) -> None:
    anna = persona_named(project, "Anna")
    refused(project, lambda: set_persona_field(project, anna.id, "goals", []), "one by one")
    refused(project, lambda: set_persona_field(project, anna.id, "photo_asset_id", GHOST), "no image")
    refused(
        project, lambda: set_persona_field(project, anna.id, "behaviour.tech_proficiency", 9), "invalid value"
    )
    refused(project, lambda: set_persona_field(project, anna.id, "name", "two\nlines"), "invalid value")
    refused(project, lambda: set_persona_field(project, GHOST, "name", "x"), "no persona")
    refused(project, lambda: set_persona_field(project, anna.id, "demographics.shoe", "x"), "no field")


def test_update_persona_several_fields(project: Project) -> None:
    anna = persona_named(project, "Anna")
    roundtrip(project, update_persona(project, anna.id, {"name": "Ann", "demographics.location": "York"}))
    assert (anna.name, anna.demographics.location) == ("Ann", "York")
    refused(
        project, lambda: update_persona(project, anna.id, {"name": "ok", "color": "blue"}), "invalid value"
    )
    assert anna.name == "Ann"


@pytest.mark.parametrize(
    ("section", "entry"),
    [
        ("goals", "Earn more"),
        ("frustrations", Item(text="Queues")),
        ("quotes", {"text": "Hello", "source": "Call"}),
        ("psychographics.sliders", Slider(left="Calm", right="Anxious")),
        ("psychographics.values", "Honesty"),
        ("behaviour.devices", "Phone"),
        ("channels", "Podcasts"),
        ("value_figures", None),
        ("citations", {"field": "tagline"}),
        ("custom_sections", "Hobbies"),
        ("tags", "new-tag"),
    ],
)
def test_add_entry(project: Project, section: str, entry: object) -> None:
    anna = persona_named(project, "Anna")

    def entries() -> list:
        node: object = anna
        for part in section.split("."):
            node = getattr(node, part)
        assert isinstance(node, list)
        return node

    count = len(entries())
    roundtrip(project, add_entry(project, anna.id, section, entry))
    assert len(entries()) == count + 1
    if isinstance(entry, Item | Slider):
        assert entries()[-1] is not entry and entries()[-1].id == entry.id


def test_add_entry_into_custom_section_and_at_index(project: Project) -> None:
    anna = persona_named(project, "Anna")
    section = anna.custom_sections[0]
    roundtrip(project, add_entry(project, anna.id, f"custom_sections.{section.id}.items", "Walks", index=0))
    assert section.items[0].text == "Walks"


def test_add_entry_refusals(project: Project) -> None:
    anna = persona_named(project, "Anna")
    ghost = Item(text="x", evidence_ids=[GHOST])
    refused(project, lambda: add_entry(project, anna.id, "goals", ghost), "no source")
    ben_source = project.sources[2].id  # any persona may cite any source of the library
    roundtrip(project, add_entry(project, anna.id, "goals", Item(text="y", evidence_ids=[ben_source])))
    refused(project, lambda: add_entry(project, anna.id, "name", "x"), "not a list")
    refused(project, lambda: add_entry(project, anna.id, "goals", "x", index=9), "out of range")
    refused(project, lambda: add_entry(project, anna.id, "goals", {"txt": "x"}), "invalid item")


def test_update_move_remove_entry(project: Project) -> None:
    anna = persona_named(project, "Anna")
    goal = anna.goals[2]
    roundtrip(
        project,
        update_entry(
            project, anna.id, "goals", goal.id, text="Sleep 8h", evidence_ids=[project.sources[1].id]
        ),
    )
    assert goal.text == "Sleep 8h" and goal.evidence_ids == [project.sources[1].id]
    roundtrip(project, move_entry(project, anna.id, "goals", goal.id, 0))
    assert anna.goals[0] is goal
    op = remove_entry(project, anna.id, "goals", goal.id)
    assert op.name == "Delete goal"
    roundtrip(project, op)
    assert goal.id not in {g.id for g in anna.goals}
    roundtrip(project, move_entry(project, anna.id, "tags", 1, 0))
    assert anna.tags == ["primary", "core"]


def test_update_entry_refusals(project: Project) -> None:
    anna = persona_named(project, "Anna")
    goal = anna.goals[0]
    refused(
        project, lambda: update_entry(project, anna.id, "goals", goal.id, evidence_ids=[GHOST]), "no source"
    )
    refused(project, lambda: update_entry(project, anna.id, "goals", GHOST, text="x"), "no goal")
    refused(project, lambda: update_entry(project, anna.id, "goals", goal.id, id=GHOST), "cannot be changed")
    refused(project, lambda: update_entry(project, anna.id, "goals", goal.id, mood="x"), "no field")
    cit = anna.citations[0]
    refused(
        project,
        lambda: update_entry(project, anna.id, "citations", cit.id, field="demographics.shoe"),
        "no field",
    )


def test_tags(project: Project) -> None:
    anna = persona_named(project, "Anna")
    roundtrip(project, add_tag(project, anna.id, "mobile"))
    assert anna.tags[-1] == "mobile"
    roundtrip(project, remove_tag(project, anna.id, "core"))
    assert "core" not in anna.tags
    refused(project, lambda: add_tag(project, anna.id, "mobile"), "already has")
    refused(project, lambda: remove_tag(project, anna.id, "nope"), "no tag")
    refused(project, lambda: add_tag(project, anna.id, "bad\ntag"), "invalid entry")


def test_cite(project: Project) -> None:
    anna = persona_named(project, "Anna")
    interview, survey = (e.id for e in project.sources[:2])
    roundtrip(project, cite(project, anna.id, "demographics.location", [interview]))
    assert anna.citations[-1].field == "demographics.location"
    roundtrip(project, cite(project, anna.id, "demographics.age", [interview, survey]))
    assert anna.citations[0].evidence_ids == [interview, survey]
    roundtrip(project, cite(project, anna.id, "role", []))
    assert "role" not in {c.field for c in anna.citations}
    refused(project, lambda: cite(project, anna.id, "shoe_size", [interview]), "no field")
    refused(project, lambda: cite(project, anna.id, "tagline", []), "cites nothing")
