"""Project ops: title, description, settings, relations, images, the generic field setter."""

from __future__ import annotations

import pytest
from factories import elements_of, persona_named, rich_project, tiny_png
from ophelp import refused, roundtrip

from personamap.model import Asset, Project, RelationKind
from personamap.model.ops import (
    add_asset,
    add_relation,
    asset_usage,
    remove_asset,
    remove_relation,
    set_description,
    set_field,
    set_relation_kind,
    set_setting,
    set_title,
    update_project,
    update_relation,
)

GHOST = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def project() -> Project:
    return rich_project()


def test_title_description_settings(project: Project) -> None:
    op = set_title(project, "Personas 2025")
    assert op.name == "Rename project"
    changes = roundtrip(project, op)
    assert project.title == "Personas 2025" and changes.updated == {project.id}
    roundtrip(project, set_description(project, "Two\nlines"))
    roundtrip(project, update_project(project, title="T", description="D"))
    assert (project.title, project.description) == ("T", "D")
    roundtrip(project, set_setting(project, "review_period_months", 3))
    assert project.settings.review_period_months == 3
    refused(project, lambda: set_setting(project, "review_period_months", 0), "invalid value")
    refused(project, lambda: set_setting(project, "emotion_scale.maximum", 9), "set_emotion_scale")
    refused(project, lambda: update_project(project, personas=[]), "not a project field")
    refused(project, lambda: set_title(project, "x" * 501), "invalid value")


def test_generic_set_field(project: Project) -> None:
    anna = persona_named(project, "Anna")
    slider = anna.psychographics.sliders[0]
    roundtrip(project, set_field(project, slider.id, "value", 90))
    assert slider.value == 90
    roundtrip(project, set_field(project, project.id, "settings.review_period_months", 24))
    refused(project, lambda: set_field(project, slider.id, "value", 101), "invalid value")
    refused(project, lambda: set_field(project, GHOST, "value", 1), "no entity")


def test_relations(project: Project) -> None:
    anna, ben, nora = (persona_named(project, n) for n in ("Anna", "Ben", "Nora"))
    roundtrip(project, add_relation(project, nora.id, ben.id, RelationKind.BLOCKS, "veto"))
    relation = project.relations[-1]
    assert (relation.source_id, relation.kind) == (nora.id, RelationKind.BLOCKS)
    op = set_relation_kind(project, relation.id, RelationKind.APPROVES)
    assert op.name == "Change relation kind"
    roundtrip(project, op)
    assert relation.kind == RelationKind.APPROVES
    roundtrip(project, update_relation(project, relation.id, target_id=anna.id, note="signs off"))
    assert relation.target_id == anna.id
    refused(project, lambda: add_relation(project, anna.id, anna.id), "itself")
    refused(project, lambda: add_relation(project, anna.id, GHOST), "no persona")
    refused(project, lambda: update_relation(project, relation.id, source_id=anna.id), "itself")
    refused(project, lambda: set_relation_kind(project, relation.id, "loves"), "invalid value")  # type: ignore[arg-type]


def test_remove_relation_clears_connectors(project: Project) -> None:
    relation = project.relations[0]
    roundtrip(project, remove_relation(project, relation.id))
    assert project.relations == []
    connector = elements_of(project.boards[0], "connector")[0]
    assert connector.relation_id is None
    refused(project, lambda: remove_relation(project, relation.id), "no relation")


def test_assets(project: Project) -> None:
    asset = project.assets[0]
    anna = persona_named(project, "Anna")
    image = elements_of(project.boards[0], "image")[0]
    assert asset_usage(project, asset.id) == [anna.id, image.id]
    op = remove_asset(project, asset.id)
    assert op.name == "Delete image “Photo”"
    roundtrip(project, op)
    assert project.assets == [] and anna.photo_asset_id is None
    assert elements_of(project.boards[0], "image") == []
    second = Asset(name="Logo", media_type="image/png", width=1, height=1, data=Asset.encode(tiny_png()))
    roundtrip(project, add_asset(project, second))
    assert project.assets[-1].name == "Logo"
    refused(project, lambda: remove_asset(project, GHOST), "no image")
