"""Evidence coverage counts everything a persona can cite: list entries of every section
(psychographics, behaviour and custom sections included), quotes, channels, value figures,
sliders, and filled-in single fields with their citations."""

from __future__ import annotations

from personamap.model import Project, Source
from personamap.model.lifecycle import (
    CITABLE_FIELDS,
    cited_source_ids,
    cited_sources,
    evidence_counts,
    evidence_coverage,
)
from personamap.model.ops import cite
from personamap.model.persona import (
    Behaviour,
    Channel,
    Citation,
    CustomSection,
    Demographics,
    Item,
    Persona,
    Psychographics,
    Quote,
    Slider,
    ValueFigure,
)


def test_every_kind_of_citable_entry_and_field_counts() -> None:
    ev = Source(title="Interviews")
    src = [ev.id]
    persona = Persona(
        goals=[Item(text="cited", evidence_ids=src)],
        quotes=[Quote(text="uncited")],
        channels=[Channel(name="LinkedIn", evidence_ids=src)],
        value_figures=[ValueFigure(label="LTV", value=1200)],
        psychographics=Psychographics(
            sliders=[Slider(left="cautious", right="bold", evidence_ids=src)], values=[Item(text="x")]
        ),
        behaviour=Behaviour(habits=[Item(text="y", evidence_ids=src)]),
        custom_sections=[CustomSection(title="Tools", items=[Item(text="z")])],
        role="Controller",  # filled and cited below
        demographics=Demographics(age="35-44"),  # filled, not cited
        citations=[
            Citation(field="role", evidence_ids=src),
            Citation(field="story.bio", evidence_ids=src),  # cited though empty: counts
            Citation(field="demographics.gender"),  # cites nothing: neither filled nor cited
        ],
    )
    # entries: goal, quote, channel, value figure, slider, value, habit, custom item = 8 (4 cited)
    # single fields: role, demographics.age, story.bio = 3 (2 cited)
    assert evidence_counts(persona) == (6, 11)
    assert evidence_coverage(persona) == 6 / 11


def test_citing_a_single_field_raises_coverage() -> None:
    ev = Source(title="Interviews")
    persona = Persona(goals=[Item(text="g", evidence_ids=[ev.id])], role="Buyer")
    project = Project(personas=[persona], sources=[ev])
    assert evidence_counts(persona) == (1, 2)  # the old score said 100 %: only lists counted
    cite(project, persona.id, "role", [ev.id]).apply(project)
    assert evidence_counts(project.personas[0]) == (2, 2)
    assert evidence_coverage(project.personas[0]) == 1.0


def test_nothing_filled_in_is_zero_and_every_citable_field_exists() -> None:
    assert evidence_counts(Persona()) == (0, 0) and evidence_coverage(Persona()) == 0.0
    project = Project(personas=[Persona()], sources=[Source()])
    persona = project.personas[0]
    for field in CITABLE_FIELDS:  # each one is a field a citation may name
        cite(project, persona.id, field, [project.sources[0].id]).apply(project)
    assert evidence_counts(persona) == (len(CITABLE_FIELDS), len(CITABLE_FIELDS))


def test_cited_sources_are_gathered_from_every_field_in_library_order() -> None:
    a, b, c, unused = (Source(title=t) for t in "abcd")
    persona = Persona(
        quotes=[Quote(text="q", evidence_ids=[c.id])],
        value_figures=[ValueFigure(label="LTV", evidence_ids=[a.id])],
        custom_sections=[CustomSection(items=[Item(text="z", evidence_ids=[c.id])])],
        citations=[Citation(field="role", evidence_ids=[b.id])],
    )
    assert cited_source_ids(persona) == {a.id, b.id, c.id}
    assert [s.title for s in cited_sources(persona, [unused, c, b, a])] == ["c", "b", "a"]
    assert cited_sources(Persona(), [a, b]) == []
