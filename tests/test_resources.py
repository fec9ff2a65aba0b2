"""The bundled resources: the sample project, project templates, persona templates, the
locator in personamap.resources, and the builder that makes them (scripts/build_resources.py)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import ValidationError

from personamap import resources
from personamap.io import load
from personamap.model import (
    BuyingRole,
    LaneKind,
    Priority,
    Project,
    RelationKind,
    problems,
)
from personamap.model.empathy import CORE_QUADRANTS
from personamap.model.integrity import walk_entities
from personamap.model.lifecycle import cited_source_ids, is_overdue
from personamap.model.templates import PersonaTemplate, section_exists

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / "scripts" / "build_resources.py"
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
TEMPLATE_NAMES = {"blank", "b2b-saas", "b2c-ecommerce", "service-blueprint", "persona-workshop"}
PERSONA_TEMPLATE_NAMES = {"b2b", "b2c", "lean", "negative"}


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_resources", BUILDER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(builder: ModuleType) -> dict[str, str]:
    return builder.render_all()


@pytest.fixture(scope="module")
def sample() -> Project:
    return load(resources.sample_path())


# --- the locator ---------------------------------------------------------------------------


def test_resources_dir_in_a_checkout() -> None:
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.sample_path().is_file()
    assert resources.templates_dir().is_dir()
    assert resources.persona_templates_dir().is_dir()


def test_resources_dir_prefers_the_installed_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "personamap"
    (package / "_resources").mkdir(parents=True)
    (tmp_path / "site-packages" / "resources").mkdir()
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)
    assert resources.resources_dir() == package / "_resources"
    (package / "_resources").rmdir()
    assert resources.resources_dir() == tmp_path / "site-packages" / "resources"
    (tmp_path / "site-packages" / "resources").rmdir()
    with pytest.raises(resources.ResourceError):
        resources.resources_dir()


def test_unknown_templates_are_named_errors() -> None:
    with pytest.raises(resources.ResourceError, match="blank"):
        resources.template_path("no-such-template")
    with pytest.raises(resources.ResourceError, match="b2b"):
        resources.persona_template("../templates/blank")


def test_the_locator_does_not_import_qt() -> None:
    code = (
        "import sys, personamap.resources, personamap.model.templates\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# --- the sample ----------------------------------------------------------------------------


def test_sample_is_sound(sample: Project) -> None:
    assert problems(sample) == []
    assert sample.title and sample.description
    assert "lorem" not in resources.sample_path().read_text(encoding="utf-8").lower()


def test_sample_has_three_primary_one_secondary_one_negative(sample: Project) -> None:
    assert Counter(p.priority for p in sample.personas) == {
        Priority.PRIMARY: 3,
        Priority.SECONDARY: 1,
        Priority.NEGATIVE: 1,
    }


def test_sample_personas_are_complete(sample: Project) -> None:
    assert [p.color for p in sample.personas] == OKABE_ITO[: len(sample.personas)]
    for p in sample.personas:
        assert p.role and p.tagline and p.tags, p.name
        for section in ("goals", "needs", "motivations", "frustrations", "objections", "expectations"):
            assert 3 <= len(getattr(p, section)) <= 5, (p.name, section)
        assert len(p.quotes) >= 2 and all(q.text and q.source for q in p.quotes), p.name
        assert len(cited_source_ids(p)) >= 3, p.name
        assert len(p.psychographics.sliders) == 4, p.name
        assert p.psychographics.values and p.psychographics.attitudes, p.name
        assert p.demographics.age and p.firmographics.industry, p.name
        assert p.firmographics.buying_role is not None, p.name
        assert p.behaviour.habits and p.behaviour.tech_proficiency, p.name
        assert p.channels and p.value_figures and p.custom_sections, p.name
        assert p.story.bio and p.story.day_in_the_life and p.story.scenario, p.name
        assert p.lifecycle.owner and p.lifecycle.created, p.name


def test_sample_cites_its_research_library(sample: Project) -> None:
    library = {s.id for s in sample.sources}
    used: set[str] = set()
    for p in sample.personas:
        cited = {ref for _, entity in walk_entities(p) for ref in getattr(entity, "evidence_ids", ())}
        assert cited and cited <= library, p.name
        assert p.citations, p.name
        used |= cited
    assert used == library  # every study of the library backs some persona
    assert len({s.title for s in sample.sources}) == len(sample.sources)  # one source per study
    assert all(s.sample_size for s in sample.sources if s.kind != "desk_research")
    kinds = {s.kind.value for s in sample.sources}
    assert {"interview", "survey", "support_tickets", "crm"} <= kinds


def test_sample_buying_committee(sample: Project) -> None:
    roles = {p.firmographics.buying_role for p in sample.personas}
    assert {BuyingRole.CHAMPION, BuyingRole.ECONOMIC_BUYER, BuyingRole.IT_SECURITY, BuyingRole.USER} <= roles
    kinds = {r.kind for r in sample.relations}
    assert {
        RelationKind.INFLUENCES,
        RelationKind.REPORTS_TO,
        RelationKind.APPROVES,
        RelationKind.BLOCKS,
        RelationKind.CHAMPIONS,
    } <= kinds
    negative = next(p for p in sample.personas if p.priority is Priority.NEGATIVE)
    assert all(negative.id not in (r.source_id, r.target_id) for r in sample.relations)


@pytest.mark.parametrize("today", [dt.date(2026, 11, 1), dt.date(2026, 11, 22)])
def test_exactly_one_persona_is_overdue_for_review(sample: Project, today: dt.date) -> None:
    months = sample.settings.review_period_months
    overdue = [p.name for p in sample.personas if is_overdue(p, months, today)]
    assert len(overdue) == 1


def test_sample_journeys(sample: Project) -> None:
    assert len(sample.journeys) == 2
    assert {j.state.value for j in sample.journeys} == {"current", "future"}
    for j in sample.journeys:
        assert len(j.stages) == 6, j.title
        assert any(len(s.steps) >= 2 for s in j.stages), j.title
        kinds = {lane.kind for lane in j.lanes}
        assert len(j.lanes) >= 7, j.title
        assert {LaneKind.ACTIONS, LaneKind.PAIN_POINTS, LaneKind.OPPORTUNITIES, LaneKind.EMOTIONS} <= kinds
        assert j.persona_ids and j.scenario, j.title
        pain_lanes = {lane.id for lane in j.lanes if lane.kind is LaneKind.PAIN_POINTS}
        pains = [n for n in j.notes if n.lane_id in pain_lanes]
        assert pains and all(n.color == "pink" for n in pains), j.title
    assert 70 <= sum(len(j.notes) for j in sample.journeys) <= 100


def test_sample_emotion_curves(sample: Project) -> None:
    scale = sample.settings.emotion_scale
    assert (scale.minimum, scale.maximum) == (-2, 2)
    gaps = 0
    for j in sample.journeys:
        steps = [s.id for s in j.steps()]
        scored = {e.persona_id for e in j.emotions}
        assert scored, j.title
        full = [pid for pid in scored if all(j.score(pid, s) is not None for s in steps)]
        assert full, f"{j.title}: no persona scored at every step"
        gaps += sum(1 for pid in scored for s in steps if j.score(pid, s) is None)
        for pid in full:
            curve = [j.score(pid, s) for s in steps]
            assert min(curve) < 0 < max(curve), f"{j.title}: no visible dip"
    assert gaps == 1


def test_sample_empathy_maps(sample: Project) -> None:
    assert len(sample.empathy_maps) == 2
    persona_ids = {p.id for p in sample.personas}
    for m in sample.empathy_maps:
        assert m.persona_id in persona_ids and m.goal
        for q in CORE_QUADRANTS:
            assert 3 <= len(m.notes_in(q)) <= 4, (m.title, q)


def test_sample_boards_reference_existing_things(sample: Project) -> None:
    assert 2 <= len(sample.boards) <= 3
    names = {b.name: b for b in sample.boards}
    assert {"Personas", "Journeys", "Empathy"} <= set(names)
    persona_ids = {p.id for p in sample.personas}
    relations = {r.id: r for r in sample.relations}
    for board in sample.boards:
        elements = {e.id: e for e in board.elements}
        for e in board.elements:
            if e.type == "persona_card":
                assert e.persona_id in persona_ids
                assert all(section_exists(s) for s in e.sections)
            elif e.type == "journey_map":
                assert sample.journey(e.map_id) is not None
            elif e.type == "empathy_map":
                assert sample.empathy_map(e.map_id) is not None
            elif e.type == "connector":
                assert e.source_id in elements and e.target_id in elements
                if e.relation_id is not None:
                    rel = relations[e.relation_id]
                    ends = (elements[e.source_id], elements[e.target_id])
                    assert [getattr(x, "persona_id", None) for x in ends] == [rel.source_id, rel.target_id]
    cards = [e for e in names["Personas"].elements if e.type == "persona_card"]
    assert {c.persona_id for c in cards} == persona_ids
    assert all((c.w, c.h) == (280, 360) for c in cards)
    linked = {e.relation_id for e in names["Personas"].elements if e.type == "connector"}
    assert linked == set(relations)
    assert sum(e.type == "journey_map" for e in names["Journeys"].elements) == 2
    assert sum(e.type == "empathy_map" for e in names["Empathy"].elements) == 2


# --- the builder ---------------------------------------------------------------------------


def test_builder_is_deterministic(builder: ModuleType, built: dict[str, str]) -> None:
    assert builder.render_all() == built
    assert builder.dumps(builder.build_sample()) == built["sample.personamap"]


def test_committed_resources_equal_a_fresh_build(builder: ModuleType, built: dict[str, str]) -> None:
    diff = builder.differences(resources.resources_dir(), built)
    assert diff == [], "resources/ is out of date: run python scripts/build_resources.py"


def test_builder_check_mode(builder: ModuleType, tmp_path: Path, built: dict[str, str]) -> None:
    assert builder.main(["--out", str(tmp_path)]) == 0
    assert builder.main(["--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "templates" / "old.personamap").write_text("{}")
    (tmp_path / "sample.personamap").write_text("edited by hand")
    assert builder.differences(tmp_path, built) == [
        "differs: sample.personamap",
        "stale: templates/old.personamap",
    ]
    assert builder.main(["--check", "--out", str(tmp_path)]) == 1
    assert builder.main(["--out", str(tmp_path)]) == 0
    assert builder.differences(tmp_path, built) == []


def test_ids_are_uuids_and_unique_across_resources(built: dict[str, str]) -> None:
    seen: dict[str, str] = {}
    for rel in built:
        if not rel.endswith(".personamap"):
            continue
        project = load(resources.resources_dir() / rel)
        for _, entity in walk_entities(project):
            assert entity.id not in seen, f"{entity.id} in {rel} and {seen.get(entity.id)}"
            seen[entity.id] = rel


# --- project templates ---------------------------------------------------------------------


def test_templates_are_listed_and_load() -> None:
    infos = resources.list_templates()
    assert {t.name for t in infos} == TEMPLATE_NAMES
    assert infos[0].name == "blank"
    for info in infos:
        project = load(info.path)
        assert problems(project) == []
        assert info.title == project.title and info.title != "Untitled project"
        assert info.description == project.description and "\n" not in info.description
        assert project.boards, info.name
        assert resources.template_path(info.name) == info.path


def test_template_contents() -> None:
    blank = resources.load_template("blank")
    assert not (blank.personas or blank.journeys or blank.empathy_maps) and len(blank.boards) == 1
    b2b = resources.load_template("b2b-saas")
    assert len(b2b.personas) == 3 and len(b2b.journeys) == 1
    assert all(p.firmographics.buying_role is not None for p in b2b.personas)
    assert [s.name for s in b2b.journeys[0].stages][:1] == ["Awareness"]
    blueprint = resources.load_template("service-blueprint")
    kinds = {lane.kind for lane in blueprint.journeys[0].lanes}
    assert {LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT_PROCESSES} <= kinds
    workshop = resources.load_template("persona-workshop")
    assert workshop.personas and workshop.empathy_maps


def test_new_project_from_template_has_fresh_ids() -> None:
    template = resources.load_template("b2b-saas")
    project = resources.new_project_from_template("b2b-saas")
    assert problems(project) == []
    old = {e.id for _, e in walk_entities(template)}
    new = {e.id for _, e in walk_entities(project)}
    assert len(new) == len(old) and not old & new
    assert project.title == template.title and project.created > template.created


# --- persona templates ---------------------------------------------------------------------


def test_persona_templates_parse() -> None:
    templates = resources.list_persona_templates()
    assert {t.name for t in templates} == PERSONA_TEMPLATE_NAMES
    for t in templates:
        assert t.title and t.description
        assert all(section_exists(s) for s in [*t.sections, *t.card_sections])
        persona = t.new_persona(name="Test")
        assert persona.segment == t.segment and persona.priority == t.priority
        assert len(persona.psychographics.sliders) == len(t.sliders)
    assert resources.persona_template("b2b").segment == "b2b"
    assert resources.persona_template("negative").priority is Priority.NEGATIVE


def test_persona_template_refuses_unknown_sections() -> None:
    base = {"name": "x", "title": "X", "sections": ["identity", "goals"]}
    PersonaTemplate.model_validate(base)
    with pytest.raises(ValidationError, match="no persona section"):
        PersonaTemplate.model_validate({**base, "sections": ["identity", "hobbies"]})
    with pytest.raises(ValidationError, match="not among sections"):
        PersonaTemplate.model_validate({**base, "card_sections": ["frustrations"]})
    assert section_exists("psychographics.sliders") and section_exists("firmographics.buying_role")
    assert not section_exists("goals.text") and not section_exists("identity.name")
